package ml

import (
	"container/heap"
	"math"
	"sync/atomic"
	"unsafe"
)

// hgbGrower grows one gradient-boosting tree leaf-wise (best-first) from
// gradient/hessian histograms, as LightGBM and scikit-learn's
// HistGradientBoosting do: the leaf whose best split has the largest gain
//
//	gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)
//
// is split next, until maxLeaves leaves; a child's histogram is built for
// the smaller child only, the larger one is the parent's minus it.
//
// The work of every node is shared between the workers of a pool (wp) in
// tasks of two features (four for the root): build their histograms,
// subtract them from the parent's and search them for the best split;
// large nodes are also partitioned and gathered in row blocks. Every
// histogram bin adds up its rows in the node's row order whichever worker
// builds it, and the partition is the one stable partition, so results do
// not depend on the number of workers.
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
	ordered   []hgbGH
	// rootCnt caches the root's per-bin row counts, which are the same in
	// every iteration (shared by the growers of one fit).
	rootCnt *[][256]float64
	// identity tells that the root's rows are 0, 1, …, n−1 in order.
	identity bool
	wp       *hgbPool
	// leaves of the last grown tree: positions in its rows and values
	leaves     []hgbLeaf
	resL, resR []featSplit
	parts      []partCount
}

// hgbLeaf is a leaf of a grown tree: rows[off : off+n] of the rows given to
// grow, and its value.
type hgbLeaf struct {
	off, n int
	v      float64
}

// partCount are the left and right counts of one block of a parallel
// partition.
type partCount struct {
	nl, nr int
	_      [6]int // own cache line
}

type hgbNode struct {
	id    int
	rows  []int32
	off   int        // position of rows[0] in the tree's rows
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

// getHist returns a histogram buffer, not necessarily zero (the workers
// that fill it clear it first).
func (gr *hgbGrower) getHist() []binStats {
	if k := len(gr.pool); k > 0 {
		h := gr.pool[k-1]
		gr.pool = gr.pool[:k-1]
		return h
	}
	return make([]binStats, gr.b.p)
}

func (gr *hgbGrower) putHist(h []binStats) {
	if h != nil {
		gr.pool = append(gr.pool, h)
	}
}

// hgbGH is one row's gradient and hessian.
type hgbGH struct{ g, h float32 }

// gather copies the gradients and hessians of rows[a:b] into og[a:b], so
// that every histogram pass reads them sequentially.
func (gr *hgbGrower) gather(rows []int32, og []hgbGH, a, b int) {
	og = og[a:b]
	rows = rows[a:b]
	g := gr.g
	if gr.constHess {
		for k, i := range rows {
			og[k].g = g[i]
		}
		return
	}
	h := gr.h
	for k, i := range rows {
		og[k] = hgbGH{g[i], h[i]}
	}
}

// codeAt is codes[i] without the bounds check: the row numbers of a node
// are always below the number of rows, the length of every code column.
func codeAt(codes unsafe.Pointer, i int32) uint8 {
	return *(*uint8)(unsafe.Add(codes, i))
}

// histOne adds the node's rows to feature f's histogram from the gathered
// gradients og.
func (gr *hgbGrower) histOne(nd *hgbNode, f int, og []hgbGH) {
	codes := unsafe.Pointer(unsafe.SliceData(gr.b.codes8[f]))
	hs := &nd.hist[f]
	rows := nd.rows
	og = og[:len(rows)]
	if gr.constHess {
		for k, i := range rows {
			e := &hs[codeAt(codes, i)]
			e[0] += float64(og[k].g)
			e[2]++
		}
		h0 := float64(gr.h[0])
		for c := range hs {
			hs[c][1] = hs[c][2] * h0
		}
		return
	}
	for k, i := range rows {
		x := og[k]
		e := &hs[codeAt(codes, i)]
		e[0] += float64(x.g)
		e[1] += float64(x.h)
		e[2]++
	}
}

// histTwo does features f and f+1 in one pass over the rows: the gradient
// loads are shared and the two update streams overlap.
func (gr *hgbGrower) histTwo(nd *hgbNode, f int, og []hgbGH) {
	ca := unsafe.Pointer(unsafe.SliceData(gr.b.codes8[f]))
	cb := unsafe.Pointer(unsafe.SliceData(gr.b.codes8[f+1]))
	ha, hb := &nd.hist[f], &nd.hist[f+1]
	rows := nd.rows
	og = og[:len(rows)]
	for k, i := range rows {
		x := og[k]
		g, h := float64(x.g), float64(x.h)
		ea, eb := &ha[codeAt(ca, i)], &hb[codeAt(cb, i)]
		ea[0] += g
		eb[0] += g
		ea[1] += h
		eb[1] += h
		ea[2]++
		eb[2]++
	}
}

// histRootFour does features f … f+3 of the root (rows 0 … n−1 in order),
// reading the gradients in place; counts come from cached when not nil.
// When sums is not nil it also adds up Σg and Σh over the rows, in row
// order.
func (gr *hgbGrower) histRootFour(nd *hgbNode, f int, cached [][256]float64, sums *[2]float64) {
	n := nd.n
	ha, hb, hc, hd := &nd.hist[f], &nd.hist[f+1], &nd.hist[f+2], &nd.hist[f+3]
	c8 := gr.b.codes8
	g, h := gr.g[:n], gr.h[:n]
	ca, cb, cc, cd := c8[f][:n], c8[f+1][:n], c8[f+2][:n], c8[f+3][:n]
	sg, sh := 0.0, 0.0
	for i := range g {
		gv, hv := float64(g[i]), float64(h[i])
		sg += gv
		sh += hv
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
	if sums != nil {
		sums[0], sums[1] = sg, sh
	}
	for k, cs := range [4][]uint8{ca, cb, cc, cd} {
		hs := &nd.hist[f+k]
		if cached != nil {
			for c := range hs {
				hs[c][2] = cached[f+k][c]
			}
			continue
		}
		for _, c := range cs {
			hs[c][2]++
		}
	}
}

// histRootTwo does features f and f+1 of the root (rows 0 … n−1 in
// order), reading the gradients in place; counts come from cached when not
// nil. When sums is not nil it also adds up Σg and Σh over the rows, in
// row order.
func (gr *hgbGrower) histRootTwo(nd *hgbNode, f int, cached [][256]float64, sums *[2]float64) {
	n := nd.n
	ha, hb := &nd.hist[f], &nd.hist[f+1]
	g, h := gr.g[:n], gr.h[:n]
	ca, cb := gr.b.codes8[f][:n], gr.b.codes8[f+1][:n]
	if sums != nil {
		sg, sh := 0.0, 0.0
		for i := range g {
			gv, hv := float64(g[i]), float64(h[i])
			sg += gv
			sh += hv
			ea, eb := &ha[ca[i]], &hb[cb[i]]
			ea[0] += gv
			eb[0] += gv
			ea[1] += hv
			eb[1] += hv
		}
		sums[0], sums[1] = sg, sh
	} else {
		for i := range g {
			gv, hv := float64(g[i]), float64(h[i])
			ea, eb := &ha[ca[i]], &hb[cb[i]]
			ea[0] += gv
			eb[0] += gv
			ea[1] += hv
			eb[1] += hv
		}
	}
	if cached != nil {
		for c := range ha {
			ha[c][2] = cached[f][c]
			hb[c][2] = cached[f+1][c]
		}
		return
	}
	for _, c := range ca {
		ha[c][2]++
	}
	for _, c := range cb {
		hb[c][2]++
	}
}

// histRootOne is histRootTwo for one feature (no sums).
func (gr *hgbGrower) histRootOne(nd *hgbNode, f int, cached [][256]float64) {
	n := nd.n
	ha := &nd.hist[f]
	g, h := gr.g[:n], gr.h[:n]
	ca := gr.b.codes8[f][:n]
	for i := range g {
		e := &ha[ca[i]]
		e[0] += float64(g[i])
		e[1] += float64(h[i])
	}
	if cached != nil {
		for c := range ha {
			ha[c][2] = cached[f][c]
		}
		return
	}
	for _, c := range ca {
		ha[c][2]++
	}
}

// rootSums adds up the root's Σg and Σh in row order.
func (gr *hgbGrower) rootSums(nd *hgbNode) (G, H float64) {
	for _, i := range nd.rows {
		G += float64(gr.g[i])
		if !gr.constHess {
			H += float64(gr.h[i])
		}
	}
	if gr.constHess {
		H = float64(len(nd.rows)) * float64(gr.h[0])
	}
	return G, H
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
// over the bin thresholds, with missing values sent right and then left
// (the first threshold wins ties).
func (gr *hgbGrower) featureSplit(nd *hgbNode, f int) featSplit {
	var best featSplit
	l2 := gr.l2
	minHess := gr.minHess
	G, H := nd.G, nd.H
	parent := G * G / (H + l2)
	miss := gr.b.m.MissingBin
	hs := &nd.hist[f]
	nb := gr.b.nb[f]
	mc := hs[miss][2]
	var gl, hl, cl float64
	minLeaf := float64(gr.minLeaf)
	nn := float64(nd.n)
	bins := hs[:max(nb-1, 0)]
	if mc == 0 {
		// no missing values in the node: one candidate per threshold
		for c := range bins {
			e := &bins[c]
			cc := e[2]
			if cc == 0 {
				continue // same partition as the previous bin
			}
			gl += e[0]
			hl += e[1]
			cl += cc
			if cl < minLeaf {
				continue
			}
			if nn-cl < minLeaf {
				break // the right side only shrinks from here on
			}
			gr2, hr := G-gl, H-hl
			if hl >= minHess && hr >= minHess {
				if gain := gl*gl/(hl+l2) + gr2*gr2/(hr+l2) - parent; gain > best.gain {
					best = featSplit{gain: gain, bin: c, gl: gl, hl: hl, found: true}
				}
			}
		}
		return best
	}
	// Missing values in the node: as scikit-learn, scan the thresholds left
	// to right with the missing values on the right (ending with every
	// non-missing value on the left), then right to left with them on the
	// left; a later candidate must be strictly better, so ties resolve as
	// in scikit-learn. The counts that min-samples-leaf checks include the
	// missing values on their side.
	for c := 0; c < nb; c++ {
		e := &hs[c]
		gl += e[0]
		hl += e[1]
		cl += e[2]
		if cl < minLeaf {
			continue
		}
		if nn-cl < minLeaf {
			break // the right side only shrinks from here on
		}
		gr2, hr := G-gl, H-hl
		if hl < minHess {
			continue
		}
		if hr < minHess {
			break
		}
		if gain := gl*gl/(hl+l2) + gr2*gr2/(hr+l2) - parent; gain > best.gain {
			best = featSplit{gain: gain, bin: c, gl: gl, hl: hl, found: true}
		}
	}
	var gr2, hr, cr float64
	for c := nb - 2; c >= 0; c-- {
		e := &hs[c+1]
		gr2 += e[0]
		hr += e[1]
		cr += e[2]
		if cr < minLeaf {
			continue
		}
		if nn-cr < minLeaf {
			break // the left side only shrinks from here on
		}
		gl2, hl2 := G-gr2, H-hr
		if hr < minHess {
			continue
		}
		if hl2 < minHess {
			break
		}
		if gain := gl2*gl2/(hl2+l2) + gr2*gr2/(hr+l2) - parent; gain > best.gain {
			best = featSplit{gain: gain, bin: c, gl: gl2, hl: hl2, missingLeft: true, found: true}
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

// sideTable gives, for each byte code, 1 when a row with that code goes
// left in the node's split.
func (gr *hgbGrower) sideTable(nd *hgbNode) (side [256]uint8) {
	for c := 0; c <= nd.bin && c < 256; c++ {
		side[c] = 1
	}
	if m := gr.b.m.MissingBin; m < 256 {
		side[m] = 0
		if nd.missingLeft {
			side[m] = 1
		}
	}
	return side
}

// minParallelPartition is the fewest rows a node needs for its partition
// (and the gathering of its gradients) to be shared between workers.
const minParallelPartition = 8192

// partition reorders the node's rows stably, those going left first, and
// returns how many go left. Large nodes are partitioned in blocks shared
// out between the workers: each block's left rows are written forward and
// its right rows backward into the scratch buffer, then (once every
// block's counts are known) both are copied to their places in the node.
// The result is the one stable partition, however the blocks fall.
func (gr *hgbGrower) partition(nd *hgbNode) int {
	side := gr.sideTable(nd)
	codes := unsafe.Pointer(unsafe.SliceData(gr.b.codes8[nd.feat]))
	rows := nd.rows
	n := len(rows)
	tmp := gr.scratch[:n]
	wp := gr.wp
	if wp.n < 2 || n < minParallelPartition {
		nl, nr := 0, 0
		for _, i := range rows {
			l := int(side[codeAt(codes, i)])
			rows[nl] = i
			tmp[nr] = i
			nl += l
			nr += 1 - l
		}
		copy(rows[nl:], tmp[:nr])
		return nl
	}
	k := n / 4096 // blocks of ~10 µs, so no worker waits long for the last
	if len(gr.parts) < k {
		gr.parts = make([]partCount, k)
	}
	parts := gr.parts[:k]
	wp.do(k, func(t int) {
		lo, hi := blocks(n, k, t)
		blk, out := rows[lo:hi], tmp[lo:hi]
		nl, r := 0, len(out)-1
		for _, i := range blk {
			l := int(side[codeAt(codes, i)])
			out[nl] = i
			out[r] = i
			nl += l
			r -= 1 - l
		}
		parts[t].nl, parts[t].nr = nl, len(out)-nl
	})
	nl := 0
	for _, pc := range parts {
		nl += pc.nl
	}
	wp.do(k, func(t int) {
		lo, hi := blocks(n, k, t)
		out := tmp[lo:hi]
		// destinations: after the left rows of the blocks before, and after
		// all left rows and the right rows of the blocks before
		dl, dr := 0, nl
		for _, pc := range parts[:t] {
			dl += pc.nl
			dr += pc.nr
		}
		bl := parts[t].nl
		copy(rows[dl:dl+bl], out[:bl])
		right := rows[dr : dr+len(out)-bl]
		for k := range right {
			right[k] = out[len(out)-1-k]
		}
	})
	return nl
}

// nodeWork builds the histogram of nd (the root when root is true) with
// the features shared out between the workers in pairs, and for each
// feature calls after(f) once its histogram (and, for the root, Σg and Σh)
// is ready.
func (gr *hgbGrower) nodeWork(nd *hgbNode, root bool, after func(f int)) {
	p := gr.b.p
	n := len(nd.rows)
	wp := gr.wp
	var cached [][256]float64
	if root && gr.rootCnt != nil {
		cached = *gr.rootCnt // the root's counts are the same every iteration
	}
	inPlace := root && gr.identity && !gr.constHess
	if cap(gr.ordered) < n {
		gr.ordered = make([]hgbGH, len(gr.g))
	}
	og := gr.ordered[:n]
	if !inPlace {
		if k := n / 4096; wp.n > 1 && k > 1 {
			wp.do(k, func(t int) {
				a, b := blocks(n, k, t)
				gr.gather(nd.rows, og, a, b)
			})
		} else {
			gr.gather(nd.rows, og, 0, n)
		}
	}
	pairs := (p + 1) / 2
	switch {
	case inPlace:
		// tasks of four features, then the last four to eight in pairs,
		// so that two workers end together; the first task also adds up
		// Σg and Σh, which the split search needs: tasks that end before
		// it leave their features' searches for a second job
		var sums [2]float64
		var sumsReady atomic.Bool
		if p < 2 {
			nd.G, nd.H = gr.rootSums(nd)
			sumsReady.Store(true)
		}
		searched := make([]atomic.Bool, p)
		quads := max(0, (p-4)/4)
		wp.do(quads+(p-4*quads+1)/2, func(t int) {
			var s *[2]float64
			if t == 0 && p >= 2 {
				s = &sums
			}
			f, nf := 4*t, 4
			if t >= quads {
				f, nf = 4*quads+2*(t-quads), min(2, p-(4*quads+2*(t-quads)))
			}
			clear(nd.hist[f : f+nf]) // pooled histograms are cleared by the worker that fills them
			switch nf {
			case 4:
				gr.histRootFour(nd, f, cached, s)
			case 2:
				gr.histRootTwo(nd, f, cached, s)
			default:
				gr.histRootOne(nd, f, cached)
			}
			if s != nil {
				nd.G, nd.H = sums[0], sums[1]
				sumsReady.Store(true)
			}
			if sumsReady.Load() {
				for j := f; j < f+nf; j++ {
					after(j)
					searched[j].Store(true)
				}
			}
		})
		var rest []int
		for f := range searched {
			if !searched[f].Load() {
				rest = append(rest, f)
			}
		}
		wp.do(len(rest), func(t int) { after(rest[t]) })
	case root:
		// gathered root (constant hessian): the counts are built here
		nd.G, nd.H = gr.rootSums(nd)
		wp.do(p, func(f int) {
			clear(nd.hist[f : f+1])
			gr.histOne(nd, f, og)
			after(f)
		})
	default:
		wp.do(pairs, func(t int) {
			f := 2 * t
			clear(nd.hist[f:min(f+2, p)])
			if f+1 < p && !gr.constHess {
				gr.histTwo(nd, f, og)
				after(f)
				after(f + 1)
				return
			}
			gr.histOne(nd, f, og)
			after(f)
			if f+1 < p {
				gr.histOne(nd, f+1, og)
				after(f + 1)
			}
		})
	}
	if root && gr.rootCnt != nil && cached == nil {
		rc := make([][256]float64, p)
		for f := range rc {
			for c := range rc[f] {
				rc[f][c] = nd.hist[f][c][2]
			}
		}
		*gr.rootCnt = rc
	}
}

// grow builds the tree over rows (which it reorders: each leaf's rows end
// up contiguous, listed in gr.leaves with the leaf values).
func (gr *hgbGrower) grow(rows []int32) *tree {
	// the histogram loops read codes8[f][i] unchecked (codeAt) for the row
	// numbers i of rows, a permutation of 0 … b.n−1
	if len(rows) != gr.b.n {
		panic("ml: boosting rows do not match the binned data")
	}
	for _, c := range gr.b.codes8 {
		if len(c) != gr.b.n {
			panic("ml: boosting byte codes missing")
		}
	}
	t := &tree{K: 1}
	if cap(gr.scratch) < len(rows) {
		gr.scratch = make([]int32, len(rows))
	}
	p := gr.b.p
	if len(gr.resL) != p {
		gr.resL, gr.resR = make([]featSplit, p), make([]featSplit, p)
	}
	gr.leaves = gr.leaves[:0]
	root := &hgbNode{id: t.addNode(1), rows: rows, hist: gr.getHist(), n: len(rows)}
	resRoot := gr.resL
	clear(resRoot)
	rootOK := gr.splittable(root)
	gr.nodeWork(root, true, func(f int) {
		if rootOK {
			resRoot[f] = gr.featureSplit(root, f)
		}
	})
	root.pick(resRoot)
	resL, resR := gr.resL, gr.resR
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
		if gr.b.hasNaN[nd.feat] {
			t.MissingLeft[nd.id] = nd.missingLeft
		} else {
			// no missing values in this feature at fit time: a missing
			// value met at prediction goes to the child with more rows
			// (scikit-learn)
			t.MissingLeft[nd.id] = nl > nd.n-nl
		}
		t.Left[nd.id], t.Right[nd.id] = int32(li), int32(ri)
		t.Weight[nd.id] = float64(nd.n)
		L := &hgbNode{id: li, rows: left, off: nd.off, n: len(left), depth: nd.depth + 1, G: nd.gl, H: nd.hl}
		R := &hgbNode{id: ri, rows: right, off: nd.off + nl, n: len(right), depth: nd.depth + 1, G: nd.G - nd.gl, H: nd.H - nd.hl}
		nLeaves++
		okL, okR := gr.splittable(L), gr.splittable(R)
		if nLeaves >= gr.maxLeaves || (!okL && !okR) {
			// the children stay leaves: their histograms are not needed
			gr.putHist(nd.hist)
			nd.hist = nil
			leaves = append(leaves, L, R)
			continue
		}
		small, large := L, R
		if len(left) > len(right) {
			small, large = R, L
		}
		small.hist = gr.getHist()
		large.hist = nd.hist
		nd.hist = nil
		clear(resL)
		clear(resR)
		gr.nodeWork(small, false, func(f int) {
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
	}
	for _, lf := range leaves {
		v := -gr.lr * lf.G / (lf.H + gr.l2)
		t.Value[lf.id] = v
		t.Weight[lf.id] = float64(lf.n)
		gr.leaves = append(gr.leaves, hgbLeaf{off: lf.off, n: lf.n, v: v})
		gr.putHist(lf.hist)
		lf.hist = nil
	}
	return t
}
