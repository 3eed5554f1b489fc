package ml

import (
	"math"
	"math/rand/v2"
	"slices"
)

// tree is a fitted binary tree in flat arrays. Node 0 is the root; a node
// with Feature −1 is a leaf. Rows with x[Feature] ≤ Threshold go Left
// (missing values go Left when MissingLeft). Value holds K numbers per node:
// class fractions for classifiers, the mean (or leaf value) for regressors.
type tree struct {
	Feature     []int32   `json:"feature"`
	Threshold   []float64 `json:"threshold"`
	Left        []int32   `json:"left"`
	Right       []int32   `json:"right"`
	MissingLeft []bool    `json:"missing_left,omitempty"`
	Value       []float64 `json:"value"`
	K           int       `json:"k"`
	// Weight is the weighted number of training rows in each node and
	// Impurity the node impurity (used by importance and pruning).
	Weight   []float64 `json:"weight,omitempty"`
	Impurity []float64 `json:"impurity,omitempty"`
	// bin is the code threshold of each split (training only).
	bin []uint16
}

func (t *tree) addNode(K int) int {
	t.Feature = append(t.Feature, -1)
	t.Threshold = append(t.Threshold, 0)
	t.Left = append(t.Left, -1)
	t.Right = append(t.Right, -1)
	t.MissingLeft = append(t.MissingLeft, false)
	t.Value = append(t.Value, make([]float64, K)...)
	t.Weight = append(t.Weight, 0)
	t.Impurity = append(t.Impurity, 0)
	t.bin = append(t.bin, 0)
	return len(t.Feature) - 1
}

// leaf returns the leaf reached by row x.
func (t *tree) leaf(x []float64) int {
	i := int32(0)
	for t.Feature[i] >= 0 {
		v := x[t.Feature[i]]
		if v <= t.Threshold[i] || (math.IsNaN(v) && t.MissingLeft != nil && t.MissingLeft[i]) {
			i = t.Left[i]
		} else {
			i = t.Right[i]
		}
	}
	return int(i)
}

// leafBinned returns the leaf reached by row i of binned data.
func (t *tree) leafBinned(b *binned, i int) int {
	k := int32(0)
	for t.Feature[k] >= 0 {
		f := t.Feature[k]
		c := b.codes[f][i]
		if int(c) == b.m.MissingBin {
			if t.MissingLeft[k] {
				k = t.Left[k]
			} else {
				k = t.Right[k]
			}
		} else if c <= t.bin[k] {
			k = t.Left[k]
		} else {
			k = t.Right[k]
		}
	}
	return int(k)
}

func (t *tree) nLeaves() int {
	c := 0
	for _, f := range t.Feature {
		if f < 0 {
			c++
		}
	}
	return c
}

func (t *tree) depth() int {
	var rec func(i int32) int
	rec = func(i int32) int {
		if t.Feature[i] < 0 {
			return 0
		}
		l, r := rec(t.Left[i]), rec(t.Right[i])
		if l > r {
			return l + 1
		}
		return r + 1
	}
	return rec(0)
}

// importances adds each split's weighted impurity decrease to imp.
func (t *tree) importances(imp []float64) {
	for i, f := range t.Feature {
		if f < 0 {
			continue
		}
		l, r := t.Left[i], t.Right[i]
		imp[f] += t.Weight[i]*t.Impurity[i] - t.Weight[l]*t.Impurity[l] - t.Weight[r]*t.Impurity[r]
	}
}

// cartParams are the growth controls of a CART tree.
type cartParams struct {
	criterion      string // "gini", "entropy", "squared_error"
	maxDepth       int    // 0 = unlimited
	minSplit       int
	minLeaf        int
	maxFeatures    int
	minImpDecrease float64
}

// cartBuilder grows one CART tree depth-first on binned data.
type cartBuilder struct {
	b     *binned
	K     int       // classes (0 for regression)
	yc    []int     // class index per row (classification)
	yr    []float64 // target (regression)
	w     []float64 // row weights (bootstrap counts); nil = 1
	par   cartParams
	rng   *rand.Rand
	feats []int
	// scratch
	hist  []float64
	cnt   []int
	pairs []codeRow
	tot   []float64
	left  []float64
}

type codeRow struct {
	code uint16
	row  int32
}

func (cb *cartBuilder) weight(i int) float64 {
	if cb.w == nil {
		return 1
	}
	return cb.w[i]
}

// nodeStats fills stats (K class weights, or [w, Σwy, Σwy²]) over rows.
func (cb *cartBuilder) nodeStats(rows []int32, stats []float64) {
	for k := range stats {
		stats[k] = 0
	}
	if cb.K > 0 {
		for _, i := range rows {
			stats[cb.yc[i]] += cb.weight(int(i))
		}
		return
	}
	for _, i := range rows {
		w := cb.weight(int(i))
		y := cb.yr[i]
		stats[0] += w
		stats[1] += w * y
		stats[2] += w * y * y
	}
}

func (cb *cartBuilder) statWidth() int {
	if cb.K > 0 {
		return cb.K
	}
	return 3
}

// impurity of a node from its stats.
func (cb *cartBuilder) impurity(s []float64) float64 {
	if cb.K == 0 {
		if s[0] == 0 {
			return 0
		}
		m := s[1] / s[0]
		v := s[2]/s[0] - m*m
		if v < 0 {
			v = 0
		}
		return v
	}
	w := 0.0
	for _, v := range s {
		w += v
	}
	if w == 0 {
		return 0
	}
	if cb.par.criterion == "entropy" {
		h := 0.0
		for _, v := range s {
			if v > 0 {
				q := v / w
				h -= q * math.Log2(q)
			}
		}
		return h
	}
	g := 1.0
	for _, v := range s {
		q := v / w
		g -= q * q
	}
	return g
}

// proxy is a quantity that orders splits like the weighted child impurity
// decrease (larger is better) for one child with stats s.
func (cb *cartBuilder) proxy(s []float64) float64 {
	if cb.K == 0 {
		if s[0] == 0 {
			return 0
		}
		return s[1] * s[1] / s[0]
	}
	w := 0.0
	for _, v := range s {
		w += v
	}
	if w == 0 {
		return 0
	}
	if cb.par.criterion == "entropy" {
		h := 0.0
		for _, v := range s {
			if v > 0 {
				h += v * math.Log(v/w)
			}
		}
		return h
	}
	q := 0.0
	for _, v := range s {
		q += v * v
	}
	return q / w
}

type split struct {
	feature  int
	bin      int // codes ≤ bin go left
	next     int // next occupied bin (for the threshold)
	proxy    float64
	found    bool
	nLeft    int
	leftStat []float64
}

// build grows the tree on rows (indices with positive weight).
func (cb *cartBuilder) build(rows []int32) *tree {
	sw := cb.statWidth()
	K := cb.K
	if K == 0 {
		K = 1
	}
	t := &tree{K: K}
	maxb := 0
	for _, nb := range cb.b.nb {
		if nb > maxb {
			maxb = nb
		}
	}
	cb.hist = make([]float64, (maxb+1)*sw)
	cb.cnt = make([]int, maxb+1)
	cb.tot = make([]float64, sw)
	cb.left = make([]float64, sw)
	cb.feats = make([]int, cb.b.p)
	type job struct {
		node, lo, hi, depth int
	}
	root := t.addNode(K)
	stack := []job{{root, 0, len(rows), 0}}
	stats := make([]float64, sw)
	best := split{leftStat: make([]float64, sw)}
	for len(stack) > 0 {
		jb := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nr := rows[jb.lo:jb.hi]
		cb.nodeStats(nr, stats)
		imp := cb.impurity(stats)
		node := jb.node
		wsum := 0.0
		if cb.K > 0 {
			for k, v := range stats {
				t.Value[node*K+k] = v
				wsum += v
			}
			for k := range stats {
				t.Value[node*K+k] /= wsum
			}
		} else {
			wsum = stats[0]
			t.Value[node] = stats[1] / stats[0]
		}
		t.Weight[node] = wsum
		t.Impurity[node] = imp
		n := len(nr)
		if (cb.par.maxDepth > 0 && jb.depth >= cb.par.maxDepth) || n < cb.par.minSplit || n < 2*cb.par.minLeaf || imp <= 2.220446049250313e-16 {
			continue
		}
		best.found = false
		cb.findSplit(nr, stats, &best)
		if !best.found {
			continue
		}
		parentProxy := cb.proxy(stats)
		_ = parentProxy
		// impurity decrease check (min_impurity_decrease, weighted by the
		// fraction of all training weight in this node).
		if cb.par.minImpDecrease > 0 {
			rs := make([]float64, sw)
			for k := range rs {
				rs[k] = stats[k] - best.leftStat[k]
			}
			wl, wr := sumW(cb, best.leftStat), sumW(cb, rs)
			dec := (wsum*imp - wl*cb.impurity(best.leftStat) - wr*cb.impurity(rs)) / t.Weight[0]
			if dec < cb.par.minImpDecrease {
				continue
			}
		}
		// partition rows: code ≤ bin to the left
		codes := cb.b.codes[best.feature]
		i, j := 0, n-1
		for i <= j {
			if codes[nr[i]] <= uint16(best.bin) {
				i++
			} else {
				nr[i], nr[j] = nr[j], nr[i]
				j--
			}
		}
		l := t.addNode(K)
		r := t.addNode(K)
		t.Feature[node] = int32(best.feature)
		t.bin[node] = uint16(best.bin)
		t.Threshold[node] = cb.b.m.splitThreshold(best.feature, best.bin, best.next)
		t.Left[node], t.Right[node] = int32(l), int32(r)
		stack = append(stack, job{r, jb.lo + i, jb.hi, jb.depth + 1}, job{l, jb.lo, jb.lo + i, jb.depth + 1})
	}
	return t
}

func sumW(cb *cartBuilder, s []float64) float64 {
	if cb.K == 0 {
		return s[0]
	}
	w := 0.0
	for _, v := range s {
		w += v
	}
	return w
}

// findSplit searches features in random order until maxFeatures
// non-constant ones have been examined (more if none of them gives a valid
// split, as scikit-learn does).
func (cb *cartBuilder) findSplit(rows []int32, stats []float64, best *split) {
	p := cb.b.p
	for j := range cb.feats {
		cb.feats[j] = j
	}
	best.proxy = math.Inf(-1)
	visited := 0
	for k := 0; k < p; k++ {
		if visited >= cb.par.maxFeatures && best.found {
			break
		}
		r := k + cb.rng.IntN(p-k)
		cb.feats[k], cb.feats[r] = cb.feats[r], cb.feats[k]
		f := cb.feats[k]
		if cb.scanFeature(f, rows, stats, best) {
			visited++
		}
	}
}

// scanFeature evaluates all splits of feature f; it reports false when f is
// constant in the node.
func (cb *cartBuilder) scanFeature(f int, rows []int32, stats []float64, best *split) bool {
	codes := cb.b.codes[f]
	nb := cb.b.nb[f]
	sw := cb.statWidth()
	n := len(rows)
	minLeaf := cb.par.minLeaf
	if minLeaf < 1 {
		minLeaf = 1
	}
	left := cb.left
	// Small nodes: sort (code,row) pairs instead of a full histogram.
	if n*4 < nb {
		ps := cb.pairs[:0]
		for _, i := range rows {
			ps = append(ps, codeRow{codes[i], i})
		}
		cb.pairs = ps
		slices.SortFunc(ps, func(a, b codeRow) int { return int(a.code) - int(b.code) })
		if ps[0].code == ps[n-1].code {
			return false
		}
		for k := range left {
			left[k] = 0
		}
		for a := 0; a < n-1; a++ {
			i := int(ps[a].row)
			w := cb.weight(i)
			if cb.K > 0 {
				left[cb.yc[i]] += w
			} else {
				y := cb.yr[i]
				left[0] += w
				left[1] += w * y
				left[2] += w * y * y
			}
			if ps[a+1].code == ps[a].code {
				continue
			}
			nl := a + 1
			if nl < minLeaf || n-nl < minLeaf {
				continue
			}
			cb.consider(f, int(ps[a].code), int(ps[a+1].code), nl, left, stats, best)
		}
		return true
	}
	hist := cb.hist[:nb*sw]
	cnt := cb.cnt[:nb]
	// hist and cnt are all zero here; they are zeroed again over the used
	// range before returning.
	if cb.K > 0 {
		K := cb.K
		if cb.w == nil {
			for _, i := range rows {
				c := int(codes[i])
				hist[c*K+cb.yc[i]]++
				cnt[c]++
			}
		} else {
			for _, i := range rows {
				c := int(codes[i])
				hist[c*K+cb.yc[i]] += cb.w[i]
				cnt[c]++
			}
		}
	} else {
		for _, i := range rows {
			c := int(codes[i])
			w := cb.weight(int(i))
			y := cb.yr[i]
			hist[c*3] += w
			hist[c*3+1] += w * y
			hist[c*3+2] += w * y * y
			cnt[c]++
		}
	}
	first, last := -1, -1
	for c := 0; c < nb; c++ {
		if cnt[c] > 0 {
			if first < 0 {
				first = c
			}
			last = c
		}
	}
	defer func() {
		for c := first; c <= last; c++ {
			cnt[c] = 0
		}
		clear(hist[first*sw : (last+1)*sw])
	}()
	if first == last {
		return false
	}
	if cb.K == 2 && cb.par.criterion == "gini" {
		// Gini fast path: maximise Σ_k l_k²/w_l + Σ_k r_k²/w_r.
		t0, t1 := stats[0], stats[1]
		var l0, l1 float64
		nl, prev := 0, -1
		for c := first; c <= last; c++ {
			if cnt[c] == 0 {
				continue
			}
			if prev >= 0 && nl >= minLeaf && n-nl >= minLeaf {
				r0, r1 := t0-l0, t1-l1
				pr := (l0*l0+l1*l1)/(l0+l1) + (r0*r0+r1*r1)/(r0+r1)
				if !best.found || pr > best.proxy+1e-12*best.proxy {
					best.proxy = pr
					best.feature, best.bin, best.next, best.nLeft = f, prev, c, nl
					best.found = true
					best.leftStat[0], best.leftStat[1] = l0, l1
				}
			}
			l0 += hist[2*c]
			l1 += hist[2*c+1]
			nl += cnt[c]
			prev = c
		}
		return true
	}
	for k := range left {
		left[k] = 0
	}
	nl := 0
	prev := -1
	for c := first; c <= last; c++ {
		if cnt[c] == 0 {
			continue
		}
		if prev >= 0 && nl >= minLeaf && n-nl >= minLeaf {
			cb.consider(f, prev, c, nl, left, stats, best)
		}
		for k := 0; k < sw; k++ {
			left[k] += hist[c*sw+k]
		}
		nl += cnt[c]
		prev = c
	}
	return true
}

func (cb *cartBuilder) consider(f, bin, next, nl int, left, stats []float64, best *split) {
	sw := len(left)
	var right [64]float64
	var rs []float64
	if sw <= 64 {
		rs = right[:sw]
	} else {
		rs = make([]float64, sw)
	}
	for k := range rs {
		rs[k] = stats[k] - left[k]
	}
	pr := cb.proxy(left) + cb.proxy(rs)
	if pr > best.proxy+1e-12*math.Abs(best.proxy) || !best.found {
		best.proxy = pr
		best.feature, best.bin, best.next, best.nLeft = f, bin, next, nl
		best.found = true
		copy(best.leftStat, left)
	}
}
