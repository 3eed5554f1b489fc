package frame

import (
	"math"

	"github.com/gostat/gostat/builtins/internal/num"
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

// keyFloat inverts floatKey.
func keyFloat(k uint64) float64 {
	if k>>63 == 1 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// quantilesInPlace returns R's type-7 quantiles of x (no NaN; x is
// reordered) at ascending ps; see num.QuantilesInPlace.
func quantilesInPlace(x []float64, ps []float64) []float64 { return num.QuantilesInPlace(x, ps) }

// radixQuantiles returns R's type-7 quantiles of x (NaN skipped; x is not
// modified); see num.Quantiles.
func radixQuantiles(x []float64, ps []float64) []float64 { return num.Quantiles(x, ps) }

// quantilesFromHist finishes radixQuantiles given the histogram of the top
// 16 key bits of the n non-NaN values of x; see num.QuantilesFromHist.
func quantilesFromHist(x []float64, counts *[1 << 16]int32, n int, ps []float64) []float64 {
	return num.QuantilesFromHist(x, counts, n, ps)
}

// floatKey maps a float64 to a uint64 with the same order (NaN excluded).
func floatKey(v float64) uint64 { return num.FloatKey(v) }
