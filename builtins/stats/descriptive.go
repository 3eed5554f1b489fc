package stats

import (
	inum "github.com/gostat/gostat/builtins/internal/num"
	"math"
	"sort"
)

// sumComp returns the sum of x accurately and fast: blocks of 64 values
// are summed in four independent lanes (error at most 16 roundings of the
// block's magnitude), and the block sums are accumulated with Neumaier's
// compensated summation, so the error does not grow with n.
func sumComp(x []float64) float64 {
	var s, c float64
	for len(x) > 0 {
		m := min(len(x), 64)
		blk := x[:m]
		x = x[m:]
		var a0, a1, a2, a3 float64
		i := 0
		for ; i+4 <= len(blk); i += 4 {
			b4 := blk[i : i+4 : i+4]
			a0 += b4[0]
			a1 += b4[1]
			a2 += b4[2]
			a3 += b4[3]
		}
		for ; i < len(blk); i++ {
			a0 += blk[i]
		}
		v := (a0 + a1) + (a2 + a3)
		t := s + v
		if math.Abs(s) >= math.Abs(v) {
			c += (s - t) + v
		} else {
			c += (v - t) + s
		}
		s = t
	}
	return s + c
}

// devSums returns Σ(xᵢ-m) and Σ(xᵢ-m)² with the blocked scheme of sumComp.
func devSums(x []float64, m float64) (s1, s2 float64) {
	var c1, c2 float64
	for len(x) > 0 {
		k := min(len(x), 64)
		blk := x[:k]
		x = x[k:]
		var a0, a1, a2, a3, q0, q1, q2, q3 float64
		i := 0
		for ; i+4 <= len(blk); i += 4 {
			b4 := blk[i : i+4 : i+4]
			d0, d1, d2, d3 := b4[0]-m, b4[1]-m, b4[2]-m, b4[3]-m
			a0 += d0
			a1 += d1
			a2 += d2
			a3 += d3
			q0 += d0 * d0
			q1 += d1 * d1
			q2 += d2 * d2
			q3 += d3 * d3
		}
		for ; i < len(blk); i++ {
			d := blk[i] - m
			a0 += d
			q0 += d * d
		}
		v := (a0 + a1) + (a2 + a3)
		t := s1 + v
		if math.Abs(s1) >= math.Abs(v) {
			c1 += (s1 - t) + v
		} else {
			c1 += (v - t) + s1
		}
		s1 = t
		v = (q0 + q1) + (q2 + q3)
		t = s2 + v
		if s2 >= v {
			c2 += (s2 - t) + v
		} else {
			c2 += (v - t) + s2
		}
		s2 = t
	}
	return s1 + c1, s2 + c2
}

// meanSS returns the mean of x and the sum of squared deviations from it,
// by the corrected two-pass algorithm with compensated sums:
// SS = Σ(xᵢ-m)² - (Σ(xᵢ-m))²/n, which cancels the rounding error of m.
func meanSS(x []float64) (mean, ss float64) {
	n := float64(len(x))
	mean = sumComp(x) / n
	s1, s2 := devSums(x, mean)
	ss = s2 - s1*s1/n
	mean += s1 / n
	if ss < 0 {
		ss = 0
	}
	return mean, ss
}

// Sum returns Σxᵢ over the non-missing values of x, computed with
// compensated summation (accurate to about one rounding).
func Sum(x []float64) (float64, error) {
	v, _, err := clean("Sum", "x", x, 1)
	if err != nil {
		return 0, err
	}
	return sumComp(v), nil
}

// Mean returns the arithmetic mean x̄ = Σxᵢ/n of the non-missing values of
// x (NaN entries are skipped), with compensated summation and a correction
// pass, so data with large offsets keep their digits.
func Mean(x []float64) (float64, error) {
	v, _, err := clean("Mean", "x", x, 1)
	if err != nil {
		return 0, err
	}
	m, _ := meanSS(v)
	return m, nil
}

// Var returns the sample variance s² = Σ(xᵢ-x̄)²/(n-1) of the non-missing
// values of x (R's var), by the corrected two-pass algorithm
// (Chan, Golub & LeVeque 1983) with compensated sums.
func Var(x []float64) (float64, error) {
	v, _, err := clean("Var", "x", x, 2)
	if err != nil {
		return 0, err
	}
	_, ss := meanSS(v)
	return ss / float64(len(v)-1), nil
}

// SD returns the sample standard deviation s = √(Σ(xᵢ-x̄)²/(n-1)) (R's sd).
func SD(x []float64) (float64, error) {
	v, _, err := clean("SD", "x", x, 2)
	if err != nil {
		return 0, err
	}
	_, ss := meanSS(v)
	return math.Sqrt(ss / float64(len(v)-1)), nil
}

// SE returns the standard error of the mean s/√n.
func SE(x []float64) (float64, error) {
	v, _, err := clean("SE", "x", x, 2)
	if err != nil {
		return 0, err
	}
	_, ss := meanSS(v)
	n := float64(len(v))
	return math.Sqrt(ss/(n-1)) / math.Sqrt(n), nil
}

// Median returns the sample median (the type-7 quantile at ½; the middle
// value, or the mean of the two middle values).
func Median(x []float64) (float64, error) {
	v, _, err := clean("Median", "x", x, 1)
	if err != nil {
		return 0, err
	}
	return inum.QuantilesInPlace(append([]float64(nil), v...), []float64{0.5})[0], nil
}

// Mode returns the most frequent value(s) of x in increasing order (all of
// them when several tie), and their count.
func Mode(x []float64) ([]float64, int, error) {
	v, _, err := clean("Mode", "x", x, 1)
	if err != nil {
		return nil, 0, err
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	best := 0
	var modes []float64
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		switch c := j - i; {
		case c > best:
			best = c
			modes = append(modes[:0], s[i])
		case c == best:
			modes = append(modes, s[i])
		}
		i = j
	}
	return modes, best, nil
}

// moments returns n, mean, m2, m3, m4 where mₖ = Σ(xᵢ-x̄)ᵏ/n.
func moments(v []float64) (n, mean, m2, m3, m4 float64) {
	n = float64(len(v))
	mean, ss := meanSS(v)
	var s3, s4 float64
	for _, t := range v {
		d := t - mean
		d2 := d * d
		s3 += d2 * d
		s4 += d2 * d2
	}
	return n, mean, ss / n, s3 / n, s4 / n
}

// Skewness returns the sample skewness of x. With unbiased false it is the
// moment coefficient g₁ = m₃/m₂^{3/2} (mₖ = Σ(xᵢ-x̄)ᵏ/n; scipy's default);
// with unbiased true the adjusted Fisher–Pearson coefficient
// G₁ = g₁·√(n(n-1))/(n-2) (SAS, SPSS, Excel). Joanes & Gill (1998).
func Skewness(x []float64, unbiased bool) (float64, error) {
	min := 2
	if unbiased {
		min = 3
	}
	v, _, err := clean("Skewness", "x", x, min)
	if err != nil {
		return 0, err
	}
	n, _, m2, m3, _ := moments(v)
	if m2 == 0 {
		return 0, inputErr("Skewness", "x", "is constant", "skewness needs variation")
	}
	g1 := m3 / math.Pow(m2, 1.5)
	if unbiased {
		return g1 * math.Sqrt(n*(n-1)) / (n - 2), nil
	}
	return g1, nil
}

// Kurtosis returns the excess kurtosis of x (0 for a normal distribution;
// add 3 for Pearson's kurtosis). With unbiased false it is g₂ = m₄/m₂² - 3
// (scipy's default); with unbiased true
// G₂ = ((n+1)g₂ + 6)(n-1)/((n-2)(n-3)) (SAS, SPSS, Excel). Joanes & Gill
// (1998).
func Kurtosis(x []float64, unbiased bool) (float64, error) {
	min := 2
	if unbiased {
		min = 4
	}
	v, _, err := clean("Kurtosis", "x", x, min)
	if err != nil {
		return 0, err
	}
	n, _, m2, _, m4 := moments(v)
	if m2 == 0 {
		return 0, inputErr("Kurtosis", "x", "is constant", "kurtosis needs variation")
	}
	g2 := m4/(m2*m2) - 3
	if unbiased {
		return ((n+1)*g2 + 6) * (n - 1) / ((n - 2) * (n - 3)), nil
	}
	return g2, nil
}

// ZScores returns (xᵢ - x̄)/s for every entry of x; missing entries stay
// NaN in place.
func ZScores(x []float64) ([]float64, error) {
	v, _, err := clean("ZScores", "x", x, 2)
	if err != nil {
		return nil, err
	}
	m, ss := meanSS(v)
	if ss == 0 {
		return nil, inputErr("ZScores", "x", "is constant (sd = 0)", "z-scores need variation")
	}
	s := math.Sqrt(ss / float64(len(v)-1))
	out := make([]float64, len(x))
	for i, t := range x {
		out[i] = (t - m) / s
	}
	return out, nil
}

// MAD returns the median absolute deviation 1.4826·median|xᵢ - median(x)|
// (R's mad: the constant makes it consistent for σ of normal data).
func MAD(x []float64) (float64, error) {
	v, _, err := clean("MAD", "x", x, 1)
	if err != nil {
		return 0, err
	}
	w := append([]float64(nil), v...)
	med := inum.QuantilesInPlace(w, []float64{0.5})[0]
	for i, t := range v {
		w[i] = math.Abs(t - med)
	}
	return 1.4826 * inum.QuantilesInPlace(w, []float64{0.5})[0], nil
}

// IQR returns the interquartile range Q₃ - Q₁ with type-7 quantiles (R's
// IQR).
func IQR(x []float64) (float64, error) {
	v, _, err := clean("IQR", "x", x, 1)
	if err != nil {
		return 0, err
	}
	q := inum.QuantilesInPlace(append([]float64(nil), v...), []float64{0.25, 0.75})
	return q[1] - q[0], nil
}

// Range returns the smallest and largest non-missing values.
func Range(x []float64) (min, max float64, err error) {
	v, _, err := clean("Range", "x", x, 1)
	if err != nil {
		return 0, 0, err
	}
	min, max = v[0], v[0]
	for _, t := range v {
		if t < min {
			min = t
		}
		if t > max {
			max = t
		}
	}
	return min, max, nil
}

// Autocorr returns the lag-k autocorrelation
// r(k) = Σᵢ₌₁ⁿ⁻ᵏ (xᵢ-x̄)(xᵢ₊ₖ-x̄) / Σᵢ₌₁ⁿ (xᵢ-x̄)², as NIST StRD defines
// r(1) and as R's acf reports. Computed in double-double arithmetic.
func Autocorr(x []float64, lag int) (float64, error) {
	v, _, err := clean("Autocorr", "x", x, 2)
	if err != nil {
		return 0, err
	}
	if lag < 0 || lag >= len(v) {
		return 0, inputErr("Autocorr", "lag", "is %d; it must be between 0 and n-1 = %d", "", lag, len(v)-1)
	}
	m := ddSum(v).divF(float64(len(v)))
	d := make([]dd, len(v))
	var den dd
	for i, t := range v {
		d[i] = dd{t, 0}.sub(m)
		den = den.add(d[i].mul(d[i]))
	}
	if den.hi == 0 {
		return 0, inputErr("Autocorr", "x", "is constant", "autocorrelation needs variation")
	}
	var num dd
	for i := 0; i+lag < len(v); i++ {
		num = num.add(d[i].mul(d[i+lag]))
	}
	return num.div(den).float(), nil
}
