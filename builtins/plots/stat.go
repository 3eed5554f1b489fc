package plots

import (
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

// finite returns the values of x that are not NaN or ±Inf, and how many were
// dropped.
func finite(x []float64) ([]float64, int) {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out, len(x) - len(out)
}

func sorted(x []float64) []float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	return s
}

// quantile7 is R's default quantile (type 7) of sorted data s.
func quantile7(s []float64, p float64) float64 {
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i >= n-1 {
		return s[n-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}

func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// sd is the sample standard deviation (n − 1 denominator).
func sd(x []float64) float64 {
	m := mean(x)
	s := 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return math.Sqrt(s / float64(len(x)-1))
}

// fivenum is Tukey's five-number summary of sorted data (R's fivenum):
// minimum, lower hinge, median, upper hinge, maximum.
func fivenum(s []float64) [5]float64 {
	n := float64(len(s))
	n4 := math.Floor((n+3)/2) / 2
	d := []float64{1, n4, (n + 1) / 2, n + 1 - n4, n}
	var out [5]float64
	for i, di := range d {
		out[i] = 0.5 * (s[int(math.Floor(di))-1] + s[int(math.Ceil(di))-1])
	}
	return out
}

// ppoints returns R's ppoints(n): (i − a)/(n + 1 − 2a), a = 3/8 for
// n ≤ 10 and 1/2 otherwise.
func ppoints(n int) []float64 {
	a := 0.5
	if n <= 10 {
		a = 3.0 / 8
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = (float64(i+1) - a) / (float64(n) + 1 - 2*a)
	}
	return out
}

func qnorm(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

func qt(p, df float64) float64 { return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p) }

// ols fits y = a + b·x by least squares and returns a, b, the residual
// standard error s, mean x and Sxx.
func ols(x, y []float64) (a, b, s, mx, sxx float64) {
	mx, my := mean(x), mean(y)
	sxy := 0.0
	for i := range x {
		sxx += (x[i] - mx) * (x[i] - mx)
		sxy += (x[i] - mx) * (y[i] - my)
	}
	b = sxy / sxx
	a = my - b*mx
	rss := 0.0
	for i := range x {
		r := y[i] - a - b*x[i]
		rss += r * r
	}
	s = math.Sqrt(rss / float64(len(x)-2))
	return
}

// pairsFinite returns the pairs (x[i], y[i]) where both are finite.
func pairsFinite(x, y []float64) ([]float64, []float64) {
	var xs, ys []float64
	for i := range x {
		if !math.IsNaN(x[i]) && !math.IsInf(x[i], 0) && !math.IsNaN(y[i]) && !math.IsInf(y[i], 0) {
			xs = append(xs, x[i])
			ys = append(ys, y[i])
		}
	}
	return xs, ys
}

// levelsIn returns the levels of g in the given order (a frame's factor
// order), followed by any values of g not in it, sorted.
func levelsIn(g []string, order []string) []string {
	if order == nil {
		return levels(g)
	}
	seen := map[string]bool{}
	for _, v := range g {
		seen[v] = true
	}
	var out []string
	known := map[string]bool{}
	for _, v := range order {
		known[v] = true
		if seen[v] {
			out = append(out, v)
		}
	}
	var rest []string
	for _, v := range levels(g) {
		if !known[v] {
			rest = append(rest, v)
		}
	}
	return append(out, rest...)
}

// levels returns the distinct values of g sorted (numbers numerically,
// then text), as R's factor() orders them.
func levels(g []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range g {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, ea := parseNum(out[i])
		b, eb := parseNum(out[j])
		if ea && eb {
			return a < b
		}
		if ea != eb {
			return ea
		}
		return out[i] < out[j]
	})
	return out
}

func parseNum(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
