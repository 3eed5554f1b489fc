package ml

import (
	"container/heap"
	"math"
	"sync"
)

// hgbGrower grows one gradient-boosting tree leaf-wise (best-first) from
// gradient/hessian histograms, as LightGBM and scikit-learn's
// HistGradientBoosting do: the leaf whose best split has the largest gain
//
//	gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)
//
// is split next, until maxLeaves leaves; a child's histogram is built for
// the smaller child only, the larger one is the parent's minus it.
type hgbGrower struct {
	b         *binned
	g, h      []float32
	constHess bool
	maxLeaves int
	maxDepth  int
	minLeaf   int
	l2        float64
	minHess   float64
	lr        float64
	nbMax     int // 256: bins per feature (incl. missing); per feature the histogram holds Σg[256], Σh[256], count[256]
	pool      [][]binStats
	scratch   []int32
	ordered   []float32
	// rootCnt caches the root's per-bin row counts, which are the same in
	// every iteration (shared by the growers of one fit).
	rootCnt    *[][256]float64
	parallelOK bool
	// identity tells that the root's rows are 0, 1, …, n−1 in order.
	identity bool
}

type hgbNode struct {
	id    int
	rows  []int32
	hist  []binStats // p × 256 bins: (Σg, Σh, count)
	G, H  float64
	n     int
	depth int
	// best split
	feat        int
	bin         int
	gain        float64
	missingLeft bool
	found       bool
	gl, hl      float64 // left child's sums of the best split
}

// binStats is one feature's histogram: for each of the 256 bins the sums
// of gradients and hessians and the row count, side by side in memory.
type binStats = [256][3]float64

// nodeHeap orders splittable leaves by gain (largest first).
type nodeHeap []*hgbNode

func (q nodeHeap) Len() int           { return len(q) }
func (q nodeHeap) Less(i, j int) bool { return q[i].gain > q[j].gain }
func (q nodeHeap) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *nodeHeap) Push(x any)        { *q = append(*q, x.(*hgbNode)) }
func (q *nodeHeap) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// getHist returns a histogram buffer, not necessarily zero (buildHist
// clears it, on the cores that fill it).
func (gr *hgbGrower) getHist() []binStats {
	if k := len(gr.pool); k > 0 {
		h := gr.pool[k-1]
		gr.pool = gr.pool[:k-1]
		return h // not cleared: buildHist clears it
	}
	return make([]binStats, gr.b.p)
}

func (gr *hgbGrower) putHist(h []binStats) {
	if h != nil {
		gr.pool = append(gr.pool, h)
	}
}

// buildHist fills node.hist from its rows, pairs of features split across
// cores, and calls after(f) for each feature once its histogram is ready
// (in the goroutine that built it). The node's gradients and hessians are
// first gathered into one contiguous buffer (in row order) so that every
// pass reads them sequentially.
func (gr *hgbGrower) buildHist(nd *hgbNode, after func(f int)) {
	p := gr.b.p
	n := len(nd.rows)
	var cached [][256]float64
	if nd.id == 0 && gr.rootCnt != nil {
		cached = *gr.rootCnt // the root's counts are the same every iteration
	}
	if cap(gr.ordered) < 2*n {
		gr.ordered = make([]float32, 2*len(gr.g))
	}
	og := gr.ordered[:2*n]
	root := nd.id == 0 && gr.identity
	gather := func(a, b int) {
		for k, i := range nd.rows[a:b] {
			og[2*(a+k)] = gr.g[i]
			if !gr.constHess {
				og[2*(a+k)+1] = gr.h[i]
			}
		}
	}
	if nw := workers(2); gr.parallelOK && n >= 16384 && nw > 1 {
		// rows shared out between the cores (copied, not summed)
		var wg sync.WaitGroup
		for k := 1; k < nw; k++ {
			wg.Add(1)
			go func(k int) {
				defer wg.Done()
				gather(n*k/nw, n*(k+1)/nw)
			}(k)
		}
		gather(0, n/nw)
		wg.Wait()
	} else {
		gather(0, n)
	}
	work := func(f int) {
		codes := gr.b.codes8[f]
		hs := &nd.hist[f]
		rows := nd.rows
		og := og[:2*len(rows)]
		if gr.constHess {
			for k, i := range rows {
				e := &hs[codes[i]]
				e[0] += float64(og[2*k])
				e[2]++
			}
			for c := range hs {
				hs[c][1] = hs[c][2] * float64(gr.h[0])
			}
			return
		}
		for k, i := range rows {
			e := &hs[codes[i]]
			e[0] += float64(og[2*k])
			e[1] += float64(og[2*k+1])
			e[2]++
		}
	}
	// two features per pass over the rows: the gradient loads are shared
	// and the two update streams overlap
	work2 := func(f int) {
		if gr.constHess || f+1 >= p {
			work(f)
			if f+1 < p {
				work(f + 1)
			}
			return
		}
		ca, cb := gr.b.codes8[f], gr.b.codes8[f+1]
		ha, hb := &nd.hist[f], &nd.hist[f+1]
		rows := nd.rows
		og := og[:2*len(rows)]
		if cached != nil {
			for k, i := range rows {
				g, h := float64(og[2*k]), float64(og[2*k+1])
				ea, eb := &ha[ca[i]], &hb[cb[i]]
				ea[0] += g
				eb[0] += g
				ea[1] += h
				eb[1] += h
			}
			for c := range ha {
				ha[c][2] = cached[f][c]
				hb[c][2] = cached[f+1][c]
			}
			return
		}
		for k, i := range rows {
			g, h := float64(og[2*k]), float64(og[2*k+1])
			ea, eb := &ha[ca[i]], &hb[cb[i]]
			ea[0] += g
			eb[0] += g
			ea[1] += h
			eb[1] += h
			ea[2]++
			eb[2]++
		}
	}
	// the root: four features per pass, reading the gradients in place
	// (every feature still sums its rows in row order, so the histograms
	// do not depend on how features are shared out)
	work4 := func(f int) {
		ha, hb, hc, hd := &nd.hist[f], &nd.hist[f+1], &nd.hist[f+2], &nd.hist[f+3]
		c8 := gr.b.codes8
		g, h := gr.g[:n], gr.h[:n]
		ca, cb, cc, cd := c8[f][:n], c8[f+1][:n], c8[f+2][:n], c8[f+3][:n]
		if cached != nil {
			for i := range g {
				gv, hv := float64(g[i]), float64(h[i])
				ea, eb, ec, ed := &ha[ca[i]], &hb[cb[i]], &hc[cc[i]], &hd[cd[i]]
				ea[0] += gv
				eb[0] += gv
				ec[0] += gv
				ed[0] += gv
				ea[1] += hv
				eb[1] += hv
				ec[1] += hv
				ed[1] += hv
			}
			for c := range ha {
				ha[c][2] = cached[f][c]
				hb[c][2] = cached[f+1][c]
				hc[c][2] = cached[f+2][c]
				hd[c][2] = cached[f+3][c]
			}
			return
		}
		for i := range g {
			gv, hv := float64(g[i]), float64(h[i])
			ea, eb, ec, ed := &ha[ca[i]], &hb[cb[i]], &hc[cc[i]], &hd[cd[i]]
			ea[0] += gv
			eb[0] += gv
			ec[0] += gv
			ed[0] += gv
			ea[1] += hv
			eb[1] += hv
			ec[1] += hv
			ed[1] += hv
			ea[2]++
			eb[2]++
			ec[2]++
			ed[2]++
		}
	}
	// span builds the histograms of features [lo, hi)
	span := func(lo, hi int) {
		clear(nd.hist[lo:hi]) // pooled histograms are cleared by the core that fills them
		f := lo
		if gr.b.codes8 != nil && !gr.constHess && root {
			for ; f+4 <= hi; f += 4 {
				work4(f)
				if after != nil {
					for j := f; j < f+4; j++ {
						after(j)
					}
				}
			}
		}
		for ; f < hi; f += 2 {
			if f+1 < hi {
				work2(f)
			} else {
				work(f)
			}
			if after != nil {
				after(f)
				if f+1 < hi {
					after(f + 1)
				}
			}
		}
	}
	if !gr.parallelOK || n < 2000 {
		span(0, p)
	} else {
		// contiguous feature ranges, the calling goroutine takes the first
		w := workers((p + 1) / 2)
		var wg sync.WaitGroup
		for k := 1; k < w; k++ {
			wg.Add(1)
			go func(k int) {
				defer wg.Done()
				span(p*k/w, p*(k+1)/w)
			}(k)
		}
		span(0, p/w)
		wg.Wait()
	}
	if nd.id == 0 && gr.rootCnt != nil && cached == nil {
		rc := make([][256]float64, p)
		for f := range rc {
			for c := range rc[f] {
				rc[f][c] = nd.hist[f][c][2]
			}
		}
		*gr.rootCnt = rc
	}
}

// featSplit is the best split of one node on one feature.
type featSplit struct {
	gain        float64
	bin         int
	gl, hl      float64 // left-side sums (with the missing values when missingLeft)
	missingLeft bool
	found       bool
}

// splittable reports whether a node may be split at all.
func (gr *hgbGrower) splittable(nd *hgbNode) bool {
	return nd.n >= 2*gr.minLeaf && (gr.maxDepth == 0 || nd.depth < gr.maxDepth)
}

// featureSplit finds the node's best split on feature f: the largest gain
// over the bin thresholds, with missing values sent right and then left.
func (gr *hgbGrower) featureSplit(nd *hgbNode, f int) featSplit {
	var best featSplit
	l2 := gr.l2
	parent := nd.G * nd.G / (nd.H + l2)
	miss := gr.b.m.MissingBin
	hs := &nd.hist[f]
	nb := gr.b.nb[f]
	mg, mh, mc := hs[miss][0], hs[miss][1], hs[miss][2]
	var gl, hl, cl float64
	minLeaf := float64(gr.minLeaf)
	nn := float64(nd.n)
	try := func(gain float64, c int, gL, hL float64, ml bool) {
		if gain > best.gain {
			best = featSplit{gain: gain, bin: c, gl: gL, hl: hL, missingLeft: ml, found: true}
		}
	}
	for c := 0; c < nb-1; c++ {
		cc := hs[c][2]
		if cc == 0 {
			continue // same partition as the previous bin
		}
		gl += hs[c][0]
		hl += hs[c][1]
		cl += cc
		if cl < minLeaf {
			continue
		}
		if nn-cl < minLeaf {
			break // the right side only shrinks from here on
		}
		// missing values to the right
		gr2, hr := nd.G-gl, nd.H-hl
		if hl >= gr.minHess && hr >= gr.minHess {
			try(gl*gl/(hl+l2)+gr2*gr2/(hr+l2)-parent, c, gl, hl, false)
		}
		if mc > 0 {
			// missing values to the left
			gl2, hl2, cl2 := gl+mg, hl+mh, cl+mc
			gr3, hr3, cr3 := nd.G-gl2, nd.H-hl2, nn-cl2
			if cr3 >= minLeaf && hl2 >= gr.minHess && hr3 >= gr.minHess {
				try(gl2*gl2/(hl2+l2)+gr3*gr3/(hr3+l2)-parent, c, gl2, hl2, true)
			}
		}
	}
	if mc > 0 {
		// all non-missing values left, missing right
		gl2, hl2, cl2 := nd.G-mg, nd.H-mh, nn-mc
		if cl2 >= minLeaf && mc >= minLeaf && hl2 >= gr.minHess && mh >= gr.minHess {
			try(gl2*gl2/(hl2+l2)+mg*mg/(mh+l2)-parent, nb-1, gl2, hl2, false)
		}
	}
	return best
}

// pick sets the node's split to the best of the per-feature splits (the
// first feature wins ties, as a serial scan would).
func (nd *hgbNode) pick(res []featSplit) {
	nd.found, nd.gain = false, 0
	for f, r := range res {
		if r.found && r.gain > nd.gain {
			nd.found, nd.gain, nd.feat, nd.bin, nd.missingLeft = true, r.gain, f, r.bin, r.missingLeft
			nd.gl, nd.hl = r.gl, r.hl
		}
	}
}

// partition reorders the node's rows stably, those going left first, and
// returns how many go left. Large nodes are partitioned in two halves in
// parallel and the halves' parts concatenated (still stable).
func (gr *hgbGrower) partition(nd *hgbNode) int {
	codes := gr.b.codes[nd.feat]
	miss := uint16(gr.b.m.MissingBin)
	bin := uint16(nd.bin)
	rows := nd.rows
	tmp := gr.scratch[:len(rows)]
	// with byte codes, a table gives each code's side
	var side [256]uint8
	c8 := gr.b.codes8
	if c8 != nil {
		for c := 0; c <= nd.bin && c < 256; c++ {
			side[c] = 1
		}
		if m := gr.b.m.MissingBin; m < 256 {
			side[m] = 0
			if nd.missingLeft {
				side[m] = 1
			}
		}
	}
	part := func(rows, tmp []int32) int {
		nl, nr := 0, 0
		if c8 != nil {
			codes := c8[nd.feat]
			for _, i := range rows {
				l := int(side[codes[i]])
				rows[nl] = i
				tmp[nr] = i
				nl += l
				nr += 1 - l
			}
			return nl
		}
		for _, i := range rows {
			c := codes[i]
			l := 0
			if c <= bin {
				l = 1
			}
			if c == miss {
				l = 0
				if nd.missingLeft {
					l = 1
				}
			}
			rows[nl] = i
			tmp[nr] = i
			nl += l
			nr += 1 - l
		}
		return nl
	}
	n := len(rows)
	if !gr.parallelOK || n < 16384 || workers(2) < 2 {
		nl := part(rows, tmp)
		copy(rows[nl:], tmp[:n-nl])
		return nl
	}
	h := n / 2
	var la, lb int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		lb = part(rows[h:], tmp[h:])
	}()
	la = part(rows[:h], tmp[:h])
	wg.Wait()
	// rows: [A-left | A-left leftovers][B-left | …]; tmp: [A-right …][B-right …]
	copy(tmp[h+(n-h-lb):], rows[h:h+lb]) // park B-left after B-right in tmp
	// assemble: A-left (in place), B-left, A-right, B-right
	copy(rows[la:], tmp[h+(n-h-lb):h+(n-h-lb)+lb])
	copy(rows[la+lb:], tmp[:h-la])
	copy(rows[la+lb+h-la:], tmp[h:h+(n-h-lb)])
	return la + lb
}

// grow builds the tree over rows (which it reorders) and calls leafFn for
// each leaf with its rows and value.
func (gr *hgbGrower) grow(rows []int32, leafFn func(rows []int32, v float64)) *tree {
	t := &tree{K: 1}
	if cap(gr.scratch) < len(rows) {
		gr.scratch = make([]int32, len(rows))
	}
	root := &hgbNode{id: t.addNode(1), rows: rows, hist: gr.getHist(), n: len(rows)}
	for _, i := range rows {
		root.G += float64(gr.g[i])
		if !gr.constHess {
			root.H += float64(gr.h[i])
		}
	}
	if gr.constHess {
		root.H = float64(len(rows)) * float64(gr.h[0])
	}
	p := gr.b.p
	resRoot := make([]featSplit, p)
	rootOK := gr.splittable(root)
	gr.buildHist(root, func(f int) {
		if rootOK {
			resRoot[f] = gr.featureSplit(root, f)
		}
	})
	root.pick(resRoot)
	resL, resR := make([]featSplit, p), make([]featSplit, p)
	var leaves []*hgbNode
	q := &nodeHeap{}
	if root.found {
		heap.Push(q, root)
	} else {
		leaves = append(leaves, root)
	}
	nLeaves := 1
	for q.Len() > 0 {
		if nLeaves >= gr.maxLeaves {
			for q.Len() > 0 {
				leaves = append(leaves, heap.Pop(q).(*hgbNode))
			}
			break
		}
		nd := heap.Pop(q).(*hgbNode)
		nl := gr.partition(nd)
		left := nd.rows[:nl]
		right := nd.rows[nl:]
		li, ri := t.addNode(1), t.addNode(1)
		t.Feature[nd.id] = int32(nd.feat)
		t.bin[nd.id] = uint16(nd.bin)
		th := gr.b.m.Thresholds[nd.feat]
		if nd.bin < len(th) {
			t.Threshold[nd.id] = th[nd.bin]
		} else {
			t.Threshold[nd.id] = math.MaxFloat64 // finite, so the model file stays valid JSON
		}
		t.MissingLeft[nd.id] = nd.missingLeft
		t.Left[nd.id], t.Right[nd.id] = int32(li), int32(ri)
		t.Weight[nd.id] = float64(nd.n)
		L := &hgbNode{id: li, rows: left, n: len(left), depth: nd.depth + 1, G: nd.gl, H: nd.hl}
		R := &hgbNode{id: ri, rows: right, n: len(right), depth: nd.depth + 1, G: nd.G - nd.gl, H: nd.H - nd.hl}
		small, large := L, R
		if len(left) > len(right) {
			small, large = R, L
		}
		small.hist = gr.getHist()
		large.hist = nd.hist
		nd.hist = nil
		okL, okR := gr.splittable(L), gr.splittable(R)
		clear(resL)
		clear(resR)
		gr.buildHist(small, func(f int) {
			a, b := &large.hist[f], &small.hist[f]
			for c := range a {
				a[c][0] -= b[c][0]
				a[c][1] -= b[c][1]
				a[c][2] -= b[c][2]
			}
			if okL {
				resL[f] = gr.featureSplit(L, f)
			}
			if okR {
				resR[f] = gr.featureSplit(R, f)
			}
		})
		L.pick(resL)
		R.pick(resR)
		for _, c := range []*hgbNode{L, R} {
			if c.found {
				heap.Push(q, c)
			} else {
				leaves = append(leaves, c)
			}
		}
		nLeaves++
	}
	for _, lf := range leaves {
		v := -gr.lr * lf.G / (lf.H + gr.l2)
		t.Value[lf.id] = v
		t.Weight[lf.id] = float64(lf.n)
		leafFn(lf.rows, v)
		gr.putHist(lf.hist)
		lf.hist = nil
	}
	return t
}
