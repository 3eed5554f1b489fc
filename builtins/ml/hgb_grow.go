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

func (gr *hgbGrower) getHist() []binStats {
	if k := len(gr.pool); k > 0 {
		h := gr.pool[k-1]
		gr.pool = gr.pool[:k-1]
		clear(h)
		return h
	}
	return make([]binStats, gr.b.p)
}

func (gr *hgbGrower) putHist(h []binStats) {
	if h != nil {
		gr.pool = append(gr.pool, h)
	}
}

// buildHist fills node.hist from its rows, features split across cores.
// The node's gradients and hessians are first gathered into one contiguous
// buffer (in row order) so that every feature's pass reads them
// sequentially.
func (gr *hgbGrower) buildHist(nd *hgbNode) {
	counted := true
	if nd.id == 0 && gr.rootCnt != nil && *gr.rootCnt != nil {
		counted = false // counts are copied from the cache below
	}
	p := gr.b.p
	n := len(nd.rows)
	if cap(gr.ordered) < 2*n {
		gr.ordered = make([]float32, 2*len(gr.g))
	}
	og := gr.ordered[:2*n]
	for k, i := range nd.rows {
		og[2*k] = gr.g[i]
		if !gr.constHess {
			og[2*k+1] = gr.h[i]
		}
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
		if !counted {
			for k, i := range rows {
				g, h := float64(og[2*k]), float64(og[2*k+1])
				ea, eb := &ha[ca[i]], &hb[cb[i]]
				ea[0] += g
				eb[0] += g
				ea[1] += h
				eb[1] += h
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
	pairs := (p + 1) / 2
	defer func() {
		if nd.id != 0 || gr.rootCnt == nil {
			return
		}
		if counted {
			rc := make([][256]float64, p)
			for f := range rc {
				for c := range rc[f] {
					rc[f][c] = nd.hist[f][c][2]
				}
			}
			*gr.rootCnt = rc
			return
		}
		for f, rc := range *gr.rootCnt {
			for c, v := range rc {
				nd.hist[f][c][2] = v
			}
		}
	}()
	if !gr.parallelOK || n < 2000 {
		for q := 0; q < pairs; q++ {
			work2(2 * q)
		}
		return
	}
	w := workers(pairs)
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for q := k; q < pairs; q += w {
				work2(2 * q)
			}
		}(k)
	}
	wg.Wait()
}

// findSplit finds the node's best split over all features.
func (gr *hgbGrower) findSplit(nd *hgbNode) {
	nd.found = false
	nd.gain = 0
	if nd.n < 2*gr.minLeaf || (gr.maxDepth > 0 && nd.depth >= gr.maxDepth) {
		return
	}
	l2 := gr.l2
	parent := nd.G * nd.G / (nd.H + l2)
	miss := gr.b.m.MissingBin
	for f := 0; f < gr.b.p; f++ {
		hs := &nd.hist[f]
		nb := gr.b.nb[f]
		mg, mh, mc := hs[miss][0], hs[miss][1], hs[miss][2]
		var gl, hl, cl float64
		minLeaf := float64(gr.minLeaf)
		nn := float64(nd.n)
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
			gr2, hr, cr := nd.G-gl, nd.H-hl, float64(nd.n)-cl
			if int(cl) >= gr.minLeaf && int(cr) >= gr.minLeaf && hl >= gr.minHess && hr >= gr.minHess {
				gain := gl*gl/(hl+l2) + gr2*gr2/(hr+l2) - parent
				if gain > nd.gain {
					nd.gain, nd.feat, nd.bin, nd.missingLeft, nd.found = gain, f, c, false, true
				}
			}
			if mc > 0 {
				// missing values to the left
				gl2, hl2, cl2 := gl+mg, hl+mh, cl+mc
				gr3, hr3, cr3 := nd.G-gl2, nd.H-hl2, float64(nd.n)-cl2
				if int(cl2) >= gr.minLeaf && int(cr3) >= gr.minLeaf && hl2 >= gr.minHess && hr3 >= gr.minHess {
					gain := gl2*gl2/(hl2+l2) + gr3*gr3/(hr3+l2) - parent
					if gain > nd.gain {
						nd.gain, nd.feat, nd.bin, nd.missingLeft, nd.found = gain, f, c, true, true
					}
				}
			}
		}
		if mc > 0 {
			// all non-missing left, missing right
			c := nb - 1
			gl2, hl2, cl2 := nd.G-mg, nd.H-mh, float64(nd.n)-mc
			if int(cl2) >= gr.minLeaf && int(mc) >= gr.minLeaf && hl2 >= gr.minHess && mh >= gr.minHess {
				gain := gl2*gl2/(hl2+l2) + mg*mg/(mh+l2) - parent
				if gain > nd.gain {
					nd.gain, nd.feat, nd.bin, nd.missingLeft, nd.found = gain, f, c, false, true
				}
			}
		}
	}
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
	gr.buildHist(root)
	gr.findSplit(root)
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
		// stable partition of the rows
		codes := gr.b.codes[nd.feat]
		miss := uint16(gr.b.m.MissingBin)
		bin := uint16(nd.bin)
		tmp := gr.scratch[:len(nd.rows)]
		nl, nr := 0, 0
		for _, i := range nd.rows {
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
			nd.rows[nl] = i
			tmp[nr] = i
			nl += l
			nr += 1 - l
		}
		copy(nd.rows[nl:], tmp[:nr])
		left := nd.rows[:nl]
		right := nd.rows[nl:]
		li, ri := t.addNode(1), t.addNode(1)
		t.Feature[nd.id] = int32(nd.feat)
		t.bin[nd.id] = bin
		th := gr.b.m.Thresholds[nd.feat]
		if nd.bin < len(th) {
			t.Threshold[nd.id] = th[nd.bin]
		} else {
			t.Threshold[nd.id] = math.MaxFloat64 // finite, so the model file stays valid JSON
		}
		t.MissingLeft[nd.id] = nd.missingLeft
		t.Left[nd.id], t.Right[nd.id] = int32(li), int32(ri)
		t.Weight[nd.id] = float64(nd.n)
		L := &hgbNode{id: li, rows: left, n: len(left), depth: nd.depth + 1}
		R := &hgbNode{id: ri, rows: right, n: len(right), depth: nd.depth + 1}
		small, large := L, R
		if len(left) > len(right) {
			small, large = R, L
		}
		small.hist = gr.getHist()
		gr.buildHist(small)
		large.hist = nd.hist
		for f := range small.hist {
			a, b := &large.hist[f], &small.hist[f]
			for c := range a {
				a[c][0] -= b[c][0]
				a[c][1] -= b[c][1]
				a[c][2] -= b[c][2]
			}
		}
		nd.hist = nil
		for _, c := range []*hgbNode{L, R} {
			hs := &c.hist[0] // totals from feature 0's bins
			c.G, c.H = 0, 0
			for b := range hs {
				c.G += hs[b][0]
				c.H += hs[b][1]
			}
			gr.findSplit(c)
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
