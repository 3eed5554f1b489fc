package stats

import (
	"math"
	"sort"
	"sync"
)

// swilk computes the Shapiro–Wilk W and its p-value for sorted x (n ≥ 3),
// following Royston's algorithm AS R94 (1995) as R's shapiro.test does.
func swilk(x []float64) (w, pw float64) {
	n := len(x)
	an := float64(n)
	g := []float64{-2.273, .459}
	c3 := []float64{.544, -.39978, .025054, -6.714e-4}
	c4 := []float64{1.3822, -.77857, .062767, -.0020322}
	c5 := []float64{-1.5861, -.31082, -.083751, .0038915}
	c6 := []float64{-.4803, -.082676, .0030302}
	a := swilkCoef(n)
	rng := x[n-1] - x[0]
	// W as the squared correlation of the data with the coefficients.
	coef := func(i int) float64 {
		j := n - 1 - i
		switch {
		case i < j:
			return -a[1+i]
		case i > j:
			return a[1+j]
		}
		return 0
	}
	var sa, sx float64
	for i := 0; i < n; i++ {
		sa += coef(i)
		sx += x[i] / rng
	}
	sa /= an
	sx /= an
	var ssa, ssx, sax float64
	for i := 0; i < n; i++ {
		asa := coef(i) - sa
		xsx := x[i]/rng - sx
		ssa += asa * asa
		ssx += xsx * xsx
		sax += asa * xsx
	}
	ssassx := math.Sqrt(ssa * ssx)
	w1 := (ssassx - sax) * (ssassx + sax) / (ssa * ssx)
	w = 1 - w1
	if n == 3 {
		const pi6, stqr = 1.90985931710274, 1.04719755119660
		pw = pi6 * (math.Asin(math.Sqrt(w)) - stqr)
		if pw < 0 {
			pw = 0
		}
		return w, pw
	}
	y := math.Log(w1)
	xx := math.Log(an)
	var mm, s float64
	if n <= 11 {
		gamma := poly(g, an)
		if y >= gamma {
			return w, 1e-99
		}
		y = -math.Log(gamma - y)
		mm = poly(c3, an)
		s = math.Exp(poly(c4, an))
	} else {
		mm = poly(c5, xx)
		s = math.Exp(poly(c6, xx))
	}
	return w, Normal{mm, s}.Survival(y)
}

var swilkCache sync.Map // n → []float64 coefficients

// swilkCoef returns Royston's coefficients a[1..n/2] (1-based) for sample
// size n, cached per n.
func swilkCoef(n int) []float64 {
	if v, ok := swilkCache.Load(n); ok {
		return v.([]float64)
	}
	an := float64(n)
	nn2 := n / 2
	c1 := []float64{0, .221157, -.147981, -2.07119, 4.434685, -2.706056}
	c2 := []float64{0, .042981, -.293762, -1.752461, 5.682633, -3.582633}
	a := make([]float64, nn2+1)
	if n == 3 {
		a[1] = math.Sqrt(0.5)
	} else {
		an25 := an + .25
		m := make([]float64, nn2+1)
		summ2 := 0.0
		for i := 1; i <= nn2; i++ {
			m[i] = stdNormalQuantile((float64(i)-.375)/an25, true)
			summ2 += m[i] * m[i]
		}
		summ2 *= 2
		ssumm2 := math.Sqrt(summ2)
		rsn := 1 / math.Sqrt(an)
		a1 := poly(c1, rsn) - m[1]/ssumm2
		var i1 int
		var fac float64
		if n > 5 {
			i1 = 3
			a2 := -m[2]/ssumm2 + poly(c2, rsn)
			fac = math.Sqrt((summ2 - 2*m[1]*m[1] - 2*m[2]*m[2]) / (1 - 2*a1*a1 - 2*a2*a2))
			a[2] = a2
		} else {
			i1 = 2
			fac = math.Sqrt((summ2 - 2*m[1]*m[1]) / (1 - 2*a1*a1))
		}
		a[1] = a1
		for i := i1; i <= nn2; i++ {
			a[i] = -m[i] / fac
		}
	}
	swilkCache.Store(n, a)
	return a
}

// poly evaluates c[0] + c[1]x + … + c[k-1]x^{k-1}.
func poly(c []float64, x float64) float64 {
	r := 0.0
	for i := len(c) - 1; i >= 0; i-- {
		r = r*x + c[i]
	}
	return r
}

// ShapiroTest performs the Shapiro–Wilk test of normality (R's
// shapiro.test): W is the squared correlation between the ordered sample
// and the expected normal order statistics' coefficients, with Royston's
// (1995, AS R94) approximations for the coefficients and the p-value.
// Needs 3 ≤ n ≤ 5000 non-missing values that are not all equal.
func ShapiroTest(x []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("ShapiroTest", opts)
	if err != nil {
		return nil, err
	}
	v, na, err := clean("ShapiroTest", "x", x, 3)
	if err != nil {
		return nil, err
	}
	if len(v) > 5000 {
		return nil, inputErr("ShapiroTest", "x", "has %d values; the test is defined for 3 to 5000", "test a random subsample, or use a Q-Q plot", len(v))
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if s[len(s)-1]-s[0] < 1e-10 {
		return nil, inputErr("ShapiroTest", "x", "has all values (nearly) identical", "normality cannot be tested on constant data")
	}
	w, p := swilk(s)
	h := newHTest(o)
	h.Method = "Shapiro-Wilk normality test"
	h.StatName = "W"
	h.Statistic = w
	h.PValue = p
	h.N = []int{len(v)}
	h.Dropped = na
	h.subject = "the departure from normality"
	h.h1 = "data do not come from a normal distribution"
	h.report = "W = " + num(w, 4)
	return h, nil
}
