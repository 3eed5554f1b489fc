package frame

import (
	"math"
	"sort"
)

// Column aggregates. All skip NA (the package's one NA rule): they use the
// non-missing values only, and return NaN when there are none (counts
// return 0).

// dropNaN returns the non-NaN values of x in a new slice.
func dropNaN(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if v == v {
			out = append(out, v)
		}
	}
	return out
}

// kahan is a compensated (Kahan–Babuška) running sum: the rounding error
// of each addition is carried in c, so long sums keep full precision.
type kahan struct{ s, c float64 }

func (k *kahan) add(x float64) {
	t := k.s + x
	if math.Abs(k.s) >= math.Abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

func (k *kahan) sum() float64 { return k.s + k.c }

// meanOf is the mean by compensated summation, refined by a second pass
// over the residuals (as R's mean does with long doubles): accurate to
// about one ulp even for data with a large offset.
func meanOf(x []float64) float64 {
	n := 0
	var s kahan
	for _, v := range x {
		if v == v {
			s.add(v)
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	m := s.sum() / float64(n)
	if math.IsInf(m, 0) {
		return m
	}
	var c kahan
	for _, v := range x {
		if v == v {
			c.add(v - m)
		}
	}
	return m + c.sum()/float64(n)
}

// varOf is the sample variance (n-1 denominator) by the corrected two-pass
// algorithm (Chan, Golub & LeVeque 1983) with compensated sums.
func varOf(x []float64) float64 {
	m := meanOf(x)
	if m != m {
		return math.NaN()
	}
	n := 0
	var ss, c kahan
	for _, v := range x {
		if v == v {
			d := v - m
			ss.add(d * d)
			c.add(d)
			n++
		}
	}
	if n < 2 {
		return math.NaN()
	}
	cs := c.sum()
	return (ss.sum() - cs*cs/float64(n)) / float64(n-1)
}

// sumOf is the compensated sum of the non-NaN values.
func sumOf(x []float64) float64 {
	var s kahan
	for _, v := range x {
		if v == v {
			s.add(v)
		}
	}
	return s.sum()
}

func minMax(x []float64) (lo, hi float64) {
	lo, hi = math.NaN(), math.NaN()
	for _, v := range x {
		if v != v {
			continue
		}
		if lo != lo || v < lo {
			lo = v
		}
		if hi != hi || v > hi {
			hi = v
		}
	}
	return
}

// quantilesInPlace returns R's type-7 quantiles of x (no NaN; x is
// reordered) for the probabilities ps (ascending), by successive
// selection: Q(p) = x[lo] + (h - lo)(x[lo+1] - x[lo]), h = (n-1)p,
// lo = floor(h) (Hyndman & Fan 1996, definition 7).
func quantilesInPlace(x []float64, ps []float64) []float64 {
	out := make([]float64, len(ps))
	n := len(x)
	if n == 0 {
		for k := range out {
			out[k] = math.NaN()
		}
		return out
	}
	from := 0
	for k, p := range ps {
		h := float64(n-1) * p
		lo := int(math.Floor(h))
		if lo < 0 {
			lo = 0
		}
		if lo > n-1 {
			lo = n - 1
		}
		if lo < from {
			// already placed by an earlier selection
			from = 0
		}
		selectK(x[from:], lo-from)
		a := x[lo]
		frac := h - float64(lo)
		if frac > 0 && lo+1 < n {
			b := x[lo+1]
			for _, v := range x[lo+2:] {
				if v < b {
					b = v
				}
			}
			out[k] = a + frac*(b-a)
		} else {
			out[k] = a
		}
		from = lo
	}
	return out
}

// selectK rearranges x so x[k] is the k-th smallest, smaller ones before
// it and larger ones after (introselect: quickselect with median-of-3
// pivots falling back to sorting small ranges).
func selectK(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for hi > lo {
		if hi-lo < 16 {
			sort.Float64s(x[lo : hi+1])
			return
		}
		mid := lo + (hi-lo)/2
		// median of three into x[mid]
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// Quantile returns R's type-7 (default) quantile of column col at p in
// [0, 1], skipping NA.
func (f *Frame) Quantile(col string, p float64) float64 {
	if p < 0 || p > 1 || p != p {
		panic(errorf("Quantile", "probability %v is outside [0, 1]", p))
	}
	return radixQuantiles(f.numCol("Quantile", col).floats(), []float64{p})[0]
}

// Median returns the median of column col, skipping NA (correct with
// missing values, unlike gota's).
func (f *Frame) Median(col string) float64 { return f.Quantile(col, 0.5) }

// Mean returns the arithmetic mean of column col, skipping NA.
func (f *Frame) Mean(col string) float64 { return meanOf(f.numCol("Mean", col).floats()) }

// Sum returns the sum of column col, skipping NA.
func (f *Frame) Sum(col string) float64 { return sumOf(f.numCol("Sum", col).floats()) }

// Var returns the sample variance (denominator n-1) of column col, skipping
// NA.
func (f *Frame) Var(col string) float64 { return varOf(f.numCol("Var", col).floats()) }

// SD returns the sample standard deviation (denominator n-1) of column col,
// skipping NA.
func (f *Frame) SD(col string) float64 { return math.Sqrt(f.Var(col)) }

// Min returns the smallest value of column col, skipping NA.
func (f *Frame) Min(col string) float64 {
	lo, _ := minMax(f.numCol("Min", col).floats())
	return lo
}

// Max returns the largest value of column col, skipping NA.
func (f *Frame) Max(col string) float64 {
	_, hi := minMax(f.numCol("Max", col).floats())
	return hi
}

// Count returns the number of non-missing values of column col.
func (f *Frame) Count(col string) int {
	c := f.mustCol("Count", col)
	return f.nrows - c.naCount()
}

// NUnique returns the number of distinct non-missing values of column col.
func (f *Frame) NUnique(col string) int {
	c := f.mustCol("NUnique", col)
	return nUnique(c, nil)
}

func nUnique(c *column, rows []int) int {
	seen := map[uint64]struct{}{}
	add := func(r int) {
		if !c.isNA(r) {
			seen[hashKey(c, r)] = struct{}{}
		}
	}
	if rows == nil {
		for r := 0; r < c.len(); r++ {
			add(r)
		}
	} else {
		for _, r := range rows {
			add(r)
		}
	}
	return len(seen)
}

// hashKey returns a value identifying row r's value (exact for numbers and
// codes).
func hashKey(c *column, r int) uint64 {
	switch c.kind {
	case kFloat:
		v := c.f[r]
		if v == 0 {
			v = 0
		}
		return math.Float64bits(v)
	case kInt:
		return uint64(c.i[r])
	case kString:
		return uint64(c.c[r])
	}
	return uint64(c.b[r])
}

func (f *Frame) numCol(op, col string) *column {
	c := f.mustCol(op, col)
	if !c.numeric() {
		panic(errorf(op, "column %q is string, not numeric", col))
	}
	return c
}

// Cor returns the Pearson correlation of two columns over the rows where
// both are present (R's cor(x, y, use = "complete.obs")).
func (f *Frame) Cor(a, b string) float64 {
	x := f.numCol("Cor", a).floats()
	y := f.numCol("Cor", b).floats()
	return pearson(x, y)
}

func pearson(x, y []float64) float64 {
	var xs, ys []float64
	for r := range x {
		if x[r] == x[r] && y[r] == y[r] {
			xs = append(xs, x[r])
			ys = append(ys, y[r])
		}
	}
	if len(xs) < 2 {
		return math.NaN()
	}
	mx, my := meanOf(xs), meanOf(ys)
	var sxy, sxx, syy float64
	for k := range xs {
		dx, dy := xs[k]-mx, ys[k]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy)
}

// CorMatrix returns the Pearson correlation matrix of the named numeric
// columns (all numeric columns when none are named) as a frame with a
// "column" label column. Pairs with missing values use the rows where both
// are present (R's use = "pairwise.complete.obs").
func (f *Frame) CorMatrix(cols ...string) *Frame {
	if len(cols) == 0 {
		cols = f.NumericNames()
	}
	p := len(cols)
	vals := make([][]float64, p)
	hasNA := make([]bool, p)
	centred := make([][]float64, p)
	norms := make([]float64, p)
	for k, c := range cols {
		vals[k] = f.numCol("CorMatrix", c).floats()
	}
	parallelFor(p, func(k int) {
		x := vals[k]
		m := meanOf(x)
		d := make([]float64, len(x))
		var ss kahan
		for r, v := range x {
			if v != v {
				hasNA[k] = true
			}
			d[r] = v - m
			ss.add(d[r] * d[r])
		}
		centred[k], norms[k] = d, math.Sqrt(ss.sum())
	})
	type pair struct{ a, b int }
	var pairs []pair
	for a := 0; a < p; a++ {
		for b := a + 1; b < p; b++ {
			pairs = append(pairs, pair{a, b})
		}
	}
	r := make([][]float64, p)
	for k := range r {
		r[k] = make([]float64, p)
		r[k][k] = 1
	}
	parallelFor(len(pairs), func(i int) {
		a, b := pairs[i].a, pairs[i].b
		var v float64
		if hasNA[a] || hasNA[b] {
			v = pearson(vals[a], vals[b])
		} else {
			var sxy kahan
			x, y := centred[a], centred[b]
			for q := range x {
				sxy.add(x[q] * y[q])
			}
			v = sxy.sum() / (norms[a] * norms[b])
		}
		r[a][b], r[b][a] = v, v
	})
	out := &Frame{nrows: p}
	out.cols = append(out.cols, stringColumn("column", cols))
	for k := range cols {
		out.cols = append(out.cols, &column{name: cols[k], kind: kFloat, f: r[k]})
	}
	return out
}

// stringColumn builds a string column keeping the values' order as levels
// order (for label columns).
func stringColumn(name string, vals []string) *column {
	c := &column{name: name, kind: kString, c: make([]int32, len(vals))}
	pos := map[string]int32{}
	for r, v := range vals {
		k, ok := pos[v]
		if !ok {
			k = int32(len(c.lv))
			pos[v] = k
			c.lv = append(c.lv, v)
		}
		c.c[r] = k
	}
	return c
}

func floatColumn(name string, v []float64) *column {
	return &column{name: name, kind: kFloat, f: v}
}

func intColumn(name string, v []int64) *column {
	return &column{name: name, kind: kInt, i: v}
}

// floatKey maps a float64 to a uint64 with the same order (NaN excluded).
func floatKey(v float64) uint64 {
	b := math.Float64bits(v)
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

// keyFloat inverts floatKey.
func keyFloat(k uint64) float64 {
	if k>>63 == 1 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// radixQuantiles returns R's type-7 quantiles of x (NaN skipped; x is not
// modified) at the probabilities ps. It finds the needed order statistics
// by one histogram pass over the top 16 bits of order-preserving float
// keys, gathers only the buckets that hold them, and selects within those
// small buckets: about two passes over the data for all probabilities.
func radixQuantiles(x []float64, ps []float64) []float64 {
	if len(x) < 1<<14 {
		return quantilesInPlace(dropNaN(x), ps)
	}
	// NaN (NA) values are skipped.
	counts := new([1 << 16]int32)
	nan := 0
	for _, v := range x {
		if v != v {
			nan++
			continue
		}
		counts[floatKey(v)>>48]++
	}
	return quantilesFromHist(x, counts, len(x)-nan, ps)
}

// quantilesFromHist finishes radixQuantiles given the histogram of the top
// 16 key bits of the n non-NaN values of x.
func quantilesFromHist(x []float64, counts *[1 << 16]int32, n int, ps []float64) []float64 {
	out := make([]float64, len(ps))
	if n == 0 {
		for k := range out {
			out[k] = math.NaN()
		}
		return out
	}
	// Needed ranks.
	type need struct{ rank, bucket, start int }
	var ranks []int
	for _, p := range ps {
		h := float64(n-1) * p
		lo := min(max(int(math.Floor(h)), 0), n-1)
		ranks = append(ranks, lo)
		if lo+1 < n {
			ranks = append(ranks, lo+1)
		}
	}
	bucketOf := map[int]int{} // bucket → start rank
	needs := make([]need, len(ranks))
	for k, rk := range ranks {
		cum := 0
		for b := 0; b < len(counts); b++ {
			c := int(counts[b])
			if rk < cum+c {
				needs[k] = need{rk, b, cum}
				bucketOf[b] = cum
				break
			}
			cum += c
		}
	}
	var slot [1 << 16]int8
	for b := range slot {
		slot[b] = -1
	}
	var bufs [][]float64
	for b := range bucketOf {
		slot[b] = int8(len(bufs))
		bufs = append(bufs, make([]float64, 0, counts[b]))
	}
	for _, v := range x {
		if v != v {
			continue
		}
		if s := slot[floatKey(v)>>48]; s >= 0 {
			bufs[s] = append(bufs[s], v)
		}
	}
	vals := map[int][]float64{}
	for b := range bucketOf {
		vals[b] = bufs[slot[b]]
	}
	stat := map[int]float64{}
	for _, nd := range needs {
		buf := vals[nd.bucket]
		selectK(buf, nd.rank-nd.start)
		stat[nd.rank] = buf[nd.rank-nd.start]
	}
	for k, p := range ps {
		h := float64(n-1) * p
		lo := min(max(int(math.Floor(h)), 0), n-1)
		a := stat[lo]
		if frac := h - float64(lo); frac > 0 && lo+1 < n {
			out[k] = a + frac*(stat[lo+1]-a)
		} else {
			out[k] = a
		}
	}
	return out
}
