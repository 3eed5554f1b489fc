package stats

import (
	"math"
	"sort"
)

// Quantile returns the sample quantile of x at probability p with R's
// definition type (1–9; 0 means R's default 7), skipping NaN.
//
// Types (Hyndman & Fan 1996, as R's quantile): 1 inverse of the empirical
// cdf; 2 the same with averaging at discontinuities; 3 nearest even order
// statistic (SAS); 4 linear interpolation of the empirical cdf, p(k) = k/n;
// 5 p(k) = (k-0.5)/n; 6 p(k) = k/(n+1) (Minitab, SPSS); 7 p(k) =
// (k-1)/(n-1) (R's and numpy's default); 8 p(k) = (k-1/3)/(n+1/3),
// median-unbiased (recommended by Hyndman & Fan); 9 p(k) = (k-3/8)/(n+1/4),
// unbiased for normal data.
func Quantile(x []float64, p float64, typ int) (float64, error) {
	q, err := Quantiles(x, []float64{p}, typ)
	if err != nil {
		return 0, err
	}
	return q[0], nil
}

// Quantiles returns the sample quantiles of x at the probabilities ps, with
// R's definition type (see Quantile).
func Quantiles(x []float64, ps []float64, typ int) ([]float64, error) {
	v, _, err := clean("Quantiles", "x", x, 1)
	if err != nil {
		return nil, err
	}
	if typ == 0 {
		typ = 7
	}
	if typ < 1 || typ > 9 {
		return nil, inputErr("Quantiles", "type", "is %d; R's types are 1 to 9", "use 7 (the default) unless you need another definition", typ)
	}
	for _, p := range ps {
		if !(p >= 0 && p <= 1) {
			return nil, inputErr("Quantiles", "probability", "%g is outside [0, 1]", "", p)
		}
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	out := make([]float64, len(ps))
	for i, p := range ps {
		out[i] = quantileSorted(s, p, typ)
	}
	return out, nil
}

// quantileSorted follows R's quantile.default on sorted data s.
func quantileSorted(s []float64, p float64, typ int) float64 {
	const fuzz = 4 * 2.220446049250313e-16
	n := len(s)
	nf := float64(n)
	var j, h float64
	if typ <= 3 {
		nppm := nf * p
		if typ == 3 {
			nppm -= 0.5
		}
		j = math.Floor(nppm + fuzz)
		switch typ {
		case 1:
			if nppm > j {
				h = 1
			}
		case 2:
			h = 0.5
			if nppm > j {
				h = 1
			}
		case 3:
			if nppm != j || math.Mod(j, 2) == 1 || math.Mod(j, 2) == -1 {
				h = 1
			}
		}
	} else {
		var a, b float64
		switch typ {
		case 4:
			a, b = 0, 1
		case 5:
			a, b = 0.5, 0.5
		case 6:
			a, b = 0, 0
		case 7:
			a, b = 1, 1
		case 8:
			a, b = 1.0/3, 1.0/3
		case 9:
			a, b = 3.0/8, 3.0/8
		}
		nppm := a + p*(nf+1-a-b)
		j = math.Floor(nppm + fuzz)
		h = nppm - j
		if math.Abs(h) < fuzz {
			h = 0
		}
	}
	// x padded as c(x[1], x[1], x, x[n], x[n]); R indexes x[j+2], x[j+3].
	at := func(k int) float64 { // k is the 1-based index into the padded vector
		i := k - 3
		if i < 0 {
			i = 0
		}
		if i > n-1 {
			i = n - 1
		}
		return s[i]
	}
	ji := int(j)
	lo, hi := at(ji+2), at(ji+3)
	switch {
	case h == 1:
		return hi
	case h > 0 && h < 1 && lo != hi:
		return (1-h)*lo + h*hi
	}
	return lo
}

// FiveNum returns Tukey's five-number summary (minimum, lower hinge, median,
// upper hinge, maximum), as R's fivenum.
func FiveNum(x []float64) ([5]float64, error) {
	var r [5]float64
	v, _, err := clean("FiveNum", "x", x, 1)
	if err != nil {
		return r, err
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := float64(len(s))
	n4 := math.Floor((n+3)/2) / 2
	d := []float64{1, n4, (n + 1) / 2, n + 1 - n4, n}
	for i, di := range d {
		a := s[int(math.Floor(di))-1]
		b := s[int(math.Ceil(di))-1]
		r[i] = 0.5 * (a + b)
	}
	return r, nil
}
