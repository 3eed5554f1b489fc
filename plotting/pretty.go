package plotting

import (
	"math"
	"strconv"
	"strings"
)

// Pretty returns about n+1 equally spaced "round" values (1, 2 or 5 times a
// power of ten apart) that cover [lo, hi], as R's pretty(c(lo, hi), n,
// min.n) does (R_pretty in src/appl/pretty.c, with high.u.bias = 1.5,
// u5.bias = 2.75, shrink.sml = 0.75). It returns at least minN+1 values.
func Pretty(lo, hi float64, n, minN int) []float64 {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	const (
		h    = 1.5
		h5   = 0.5 + 1.5*h
		shr  = 0.75
		reps = 1e-10
	)
	dx := hi - lo
	var cell float64
	small := false
	if dx == 0 && hi == 0 {
		cell = 1
		small = true
	} else {
		cell = math.Max(math.Abs(lo), math.Abs(hi))
		var u float64
		if h5 >= 1.5*h+0.5 {
			u = 1 + 1/(1+h)
		} else {
			u = 1 + 1.5/(1+h5)
		}
		u *= float64(max(1, n)) * 2.220446049250313e-16
		small = dx < cell*u*3
	}
	if small {
		if cell > 10 {
			cell = 9 + cell/10
		}
		cell *= shr
		if minN > 1 {
			cell /= float64(minN)
		}
	} else {
		cell = dx
		if n > 1 {
			cell /= float64(n)
		}
	}
	if cell < 20*math.SmallestNonzeroFloat64 {
		cell = 20 * math.SmallestNonzeroFloat64
	}
	base := math.Pow(10, math.Floor(math.Log10(cell)))
	unit := base
	if ns := 2 * base; ns-cell < h*(cell-unit) {
		unit = ns
		if ns := 5 * base; ns-cell < h5*(cell-unit) {
			unit = ns
			if ns := 10 * base; ns-cell < h*(cell-unit) {
				unit = ns
			}
		}
	}
	ns := math.Floor(lo/unit + reps)
	nu := math.Ceil(hi/unit - reps)
	for ns*unit > lo+reps*unit {
		ns--
	}
	for nu*unit < hi-reps*unit {
		nu++
	}
	k := int(0.5 + nu - ns)
	if k < minN {
		k = minN - k
		if ns >= 0 {
			nu += float64(k / 2)
			ns -= float64(k/2 + k%2)
		} else {
			ns -= float64(k / 2)
			nu += float64(k/2 + k%2)
		}
	}
	m := int(math.Round(nu - ns))
	out := make([]float64, m+1)
	delta := (nu - ns) * unit / float64(max(m, 1))
	for i := range out {
		v := (ns + float64(i)) * unit
		if math.Abs(v) < 1e-14*delta {
			v = 0
		}
		out[i] = v
	}
	return out
}

// AxisTicks returns the tick positions R draws on an axis spanning
// [lo, hi]: pretty(c(lo, hi), n) restricted to the span.
func AxisTicks(lo, hi float64, n int) []float64 {
	all := Pretty(lo, hi, n, n/3)
	var out []float64
	eps := (hi - lo) * 1e-10
	for _, v := range all {
		if v >= lo-eps && v <= hi+eps {
			out = append(out, v)
		}
	}
	return out
}

// TickLabels formats tick values with the fewest decimals that tell them
// apart (as R's axis labels do), switching to exponent form for very large
// or very small magnitudes.
func TickLabels(vs []float64) []string {
	out := make([]string, len(vs))
	if len(vs) == 0 {
		return out
	}
	big := 0.0
	for _, v := range vs {
		big = math.Max(big, math.Abs(v))
	}
	if big >= 1e6 || (big > 0 && big < 1e-4) {
		for i, v := range vs {
			out[i] = trimExp(strconv.FormatFloat(v, 'e', 6, 64))
		}
		return dedupe(vs, out, func(d int) func(float64) string {
			return func(v float64) string { return trimExp(strconv.FormatFloat(v, 'e', d, 64)) }
		})
	}
	return dedupe(vs, out, func(d int) func(float64) string {
		return func(v float64) string {
			s := strconv.FormatFloat(v, 'f', d, 64)
			if s == "-0" || strings.Trim(s, "-0.") == "" {
				return strings.TrimPrefix(s, "-")
			}
			return s
		}
	})
}

// dedupe picks the smallest number of digits d (0…10) at which formatting
// every value and parsing it back reproduces the value to 1e-9 relative.
func dedupe(vs []float64, out []string, mk func(int) func(float64) string) []string {
	for d := 0; d <= 10; d++ {
		f := mk(d)
		ok := true
		for i, v := range vs {
			s := f(v)
			back, err := strconv.ParseFloat(s, 64)
			if err != nil || math.Abs(back-v) > 1e-9*math.Max(1, math.Abs(v)) {
				ok = false
				break
			}
			out[i] = s
		}
		if ok {
			return out
		}
	}
	return out
}

// trimExp shortens "1.500000e+06" to "1.5e+06".
func trimExp(s string) string {
	i := strings.IndexByte(s, 'e')
	if i < 0 {
		return s
	}
	m := s[:i]
	if strings.Contains(m, ".") {
		m = strings.TrimRight(strings.TrimRight(m, "0"), ".")
	}
	return m + s[i:]
}

func strconvF(v float64, d int) string { return strconv.FormatFloat(v, 'f', d, 64) }
