package stats

import (
	"math"
	"sort"
)

// CDFer is anything with a cumulative distribution function, such as the
// distribution types of this package (stats.Normal{0, 1}).
type CDFer interface {
	CDF(x float64) float64
}

// pkolmogorov1x is the exact distribution P(D ≤ d) of the one-sample
// two-sided Kolmogorov statistic for n observations, by the matrix method of
// Marsaglia, Tsang & Wang (2003), as R's ks.test uses.
func pkolmogorov1x(d float64, n int) float64 {
	k := int(float64(n)*d) + 1
	m := 2*k - 1
	h := float64(k) - float64(n)*d
	H := make([]float64, m*m)
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			if i-j+1 >= 0 {
				H[i*m+j] = 1
			}
		}
	}
	for i := 0; i < m; i++ {
		H[i*m] -= math.Pow(h, float64(i+1))
		H[(m-1)*m+i] -= math.Pow(h, float64(m-i))
	}
	if 2*h-1 > 0 {
		H[(m-1)*m] += math.Pow(2*h-1, float64(m))
	}
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			if i-j+1 > 0 {
				for g := 1; g <= i-j+1; g++ {
					H[i*m+j] /= float64(g)
				}
			}
		}
	}
	Q, eQ := mPower(H, 0, m, n)
	s := Q[(k-1)*m+k-1]
	for i := 1; i <= n; i++ {
		s = s * float64(i) / float64(n)
		if s < 1e-140 {
			s *= 1e140
			eQ -= 140
		}
	}
	return s * math.Pow(10, float64(eQ))
}

func mMultiply(a, b []float64, m int) []float64 {
	c := make([]float64, m*m)
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			s := 0.0
			for k := 0; k < m; k++ {
				s += a[i*m+k] * b[k*m+j]
			}
			c[i*m+j] = s
		}
	}
	return c
}

func mPower(a []float64, ea, m, n int) ([]float64, int) {
	if n == 1 {
		return append([]float64(nil), a...), ea
	}
	v, ev := mPower(a, ea, m, n/2)
	b := mMultiply(v, v, m)
	eb := 2 * ev
	if n%2 == 0 {
		v, ev = b, eb
	} else {
		v, ev = mMultiply(a, b, m), ea+eb
	}
	if v[(m/2)*m+(m/2)] > 1e140 {
		for i := range v {
			v[i] *= 1e-140
		}
		ev += 140
	}
	return v, ev
}

// pkolmogorovAsym is the limiting distribution P(√n·D ≤ x) (Kolmogorov).
func pkolmogorovAsym(x float64) float64 {
	if x <= 0 {
		return 0
	}
	if x < 1 {
		z := -math.Pi * math.Pi / 8 / (x * x)
		w := math.Log(x)
		s := 0.0
		for k1 := 1; k1 < 1000; k1 += 2 {
			t := math.Exp(float64(k1*k1)*z - w)
			s += t
			if t < 1e-17*s {
				break
			}
		}
		return s * math.Sqrt(2*math.Pi)
	}
	z := -2 * x * x
	s := -1.0
	k := 1
	old, nw := 0.0, 1.0
	for math.Abs(old-nw) > 1e-16 {
		old = nw
		nw += 2 * s * math.Exp(z*float64(k*k))
		s *= -1
		k++
	}
	return nw
}

// psmirnovUpper returns P(D ≥ d) for the two-sample Smirnov statistic
// with sample sizes m, n, counting lattice paths as R's psmirnov (Schröer &
// Trenkler 1995 for ties): the boundary is checked only where the pooled
// sorted sample ends a run of equal values (ends[k], k = i + j; nil means no
// ties). twoSided uses |i/m - j/n|, otherwise i/m - j/n.
func psmirnovUpper(d float64, m, n int, ends []bool, twoSided bool) float64 {
	md, nd := float64(m), float64(n)
	q := (0.5 + math.Floor(d*md*nd-1e-7)) / (md * nd)
	out := func(i, j int) bool {
		if ends != nil && !ends[i+j] {
			return false
		}
		v := float64(i)/md - float64(j)/nd
		if twoSided {
			return math.Abs(v) >= q
		}
		return v >= q
	}
	u := make([]float64, n+1)
	u[0] = 1
	for j := 1; j <= n; j++ {
		if out(0, j) {
			u[j] = 0
		} else {
			u[j] = u[j-1]
		}
	}
	for i := 1; i <= m; i++ {
		w := float64(i) / float64(i+n)
		if out(i, 0) {
			u[0] = 0
		} else {
			u[0] = w * u[0]
		}
		for j := 1; j <= n; j++ {
			if out(i, j) {
				u[j] = 0
			} else {
				u[j] = w*u[j] + u[j-1]
			}
		}
	}
	return 1 - u[n]
}

// KSTest performs the one-sample Kolmogorov–Smirnov test of x against a
// fully specified continuous distribution (R's ks.test(x, "pnorm", …)):
// D = sup|Fₙ(x) - F(x)| (two-sided), D⁺ = sup(Fₙ - F) (Greater: the cdf of x
// lies above F), D⁻ = sup(F - Fₙ) (Less). The p-value is exact for n < 100
// without ties (Marsaglia–Tsang–Wang for two-sided, Birnbaum–Tingey for
// one-sided), else asymptotic (Opt.Exact overrides). Parameters estimated
// from the same data make the test conservative (use a Lilliefors test).
func KSTest(x []float64, dist CDFer, opts ...Opt) (*HTest, error) {
	o, err := getOpt("KSTest", opts)
	if err != nil {
		return nil, err
	}
	if dist == nil {
		return nil, inputErr("KSTest", "dist", "is nil", "pass a distribution, e.g. stats.Normal{Mu: 0, Sigma: 1}")
	}
	v, na, err := clean("KSTest", "x", x, 1)
	if err != nil {
		return nil, err
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	fn := float64(n)
	var dplus, dminus float64
	for i, t := range s {
		f := dist.CDF(t)
		if math.IsNaN(f) {
			return nil, inputErr("KSTest", "dist", "returned NaN at x = %g", "check the distribution's parameters", t)
		}
		dplus = math.Max(dplus, float64(i+1)/fn-f)
		dminus = math.Max(dminus, f-float64(i)/fn)
	}
	ties := false
	for i := 1; i < n; i++ {
		if s[i] == s[i-1] {
			ties = true
		}
	}
	exact := o.Exact == ExactYes || (o.Exact == ExactAuto && n < 100 && !ties)
	h := newHTest(o)
	if h.Data == "" {
		h.Data = "x"
	}
	var stat float64
	switch o.Alternative {
	case Greater:
		stat = dplus
		h.StatName = "D^+"
		h.h1 = "CDF of x lies above the null hypothesis"
	case Less:
		stat = dminus
		h.StatName = "D^-"
		h.h1 = "CDF of x lies below the null hypothesis"
	default:
		stat = math.Max(dplus, dminus)
		h.StatName = "D"
		h.h1 = "data do not come from the given distribution"
	}
	h.Statistic = stat
	if exact {
		h.Method = "Exact one-sample Kolmogorov-Smirnov test"
		if o.Alternative == TwoSided {
			h.PValue = 1 - pkolmogorov1x(stat, n)
		} else {
			h.PValue = birnbaumTingey(stat, n)
		}
	} else {
		h.Method = "Asymptotic one-sample Kolmogorov-Smirnov test"
		if o.Alternative == TwoSided {
			h.PValue = 1 - pkolmogorovAsym(math.Sqrt(fn)*stat)
		} else {
			h.PValue = math.Exp(-2 * fn * stat * stat)
		}
	}
	h.PValue = math.Min(1, math.Max(0, h.PValue))
	h.Alternative = ksAlt(o.Alternative, false)
	h.N = []int{n}
	h.Dropped = na
	h.subject = "the departure from the distribution"
	h.report = h.StatName + " = " + num(stat, 3)
	return h, nil
}

func ksAlt(alt string, two bool) string {
	switch alt {
	case Less:
		if two {
			return "the CDF of x lies below that of y"
		}
		return "the CDF of x lies below the null hypothesis"
	case Greater:
		if two {
			return "the CDF of x lies above that of y"
		}
		return "the CDF of x lies above the null hypothesis"
	}
	return "two-sided"
}

// birnbaumTingey is the exact P(D⁺ ≥ d) for n observations.
func birnbaumTingey(d float64, n int) float64 {
	if d <= 0 {
		return 1
	}
	if d >= 1 {
		return 0
	}
	fn := float64(n)
	s := 0.0
	jmax := int(math.Floor(fn * (1 - d)))
	for j := 0; j <= jmax; j++ {
		fj := float64(j)
		lc := lgamma(fn+1) - lgamma(fj+1) - lgamma(fn-fj+1)
		l := lc + (fn-fj)*math.Log(1-d-fj/fn) + (fj-1)*math.Log(d+fj/fn)
		s += math.Exp(l)
	}
	return d * s
}

// KSTest2 performs the two-sample Kolmogorov–Smirnov test (R's
// ks.test(x, y)): D = sup|F_x - F_y| (or the one-sided D⁺ = sup(F_x - F_y)
// for Greater, D⁻ for Less). The p-value is exact when nx·ny < 10000 (with
// ties too, by Schröer & Trenkler's lattice count, as R 4.2), else
// asymptotic.
func KSTest2(x, y []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("KSTest2", opts)
	if err != nil {
		return nil, err
	}
	vx, nax, err := clean("KSTest2", "x", x, 1)
	if err != nil {
		return nil, err
	}
	vy, nay, err := clean("KSTest2", "y", y, 1)
	if err != nil {
		return nil, err
	}
	nx, ny := len(vx), len(vy)
	type obs struct {
		v float64
		w float64
	}
	all := make([]obs, 0, nx+ny)
	for _, v := range vx {
		all = append(all, obs{v, 1 / float64(nx)})
	}
	for _, v := range vy {
		all = append(all, obs{v, -1 / float64(ny)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v < all[j].v })
	var z, dplus, dminus float64
	ties := false
	for i, a := range all {
		z += a.w
		if i+1 < len(all) && all[i+1].v == a.v {
			ties = true
			continue // only at the end of a run of equal values
		}
		dplus = math.Max(dplus, z)
		dminus = math.Max(dminus, -z)
	}
	h := newHTest(o)
	if h.Data == "" {
		h.Data = "x and y"
	}
	var stat float64
	switch o.Alternative {
	case Greater:
		stat, h.StatName = dplus, "D^+"
		h.h1 = "CDF of x lies above that of y"
	case Less:
		stat, h.StatName = dminus, "D^-"
		h.h1 = "CDF of x lies below that of y"
	default:
		stat, h.StatName = math.Max(dplus, dminus), "D"
		h.h1 = "two samples come from different distributions"
	}
	h.Statistic = stat
	exact := o.Exact == ExactYes || (o.Exact == ExactAuto && nx*ny < 10000)
	if exact {
		h.Method = "Exact two-sample Kolmogorov-Smirnov test"
		var ends []bool
		if ties {
			ends = make([]bool, len(all)+1)
			for k := 1; k <= len(all); k++ {
				ends[k] = k == len(all) || all[k].v != all[k-1].v
			}
		}
		switch o.Alternative {
		case TwoSided:
			h.PValue = psmirnovUpper(stat, nx, ny, ends, true)
		case Greater:
			h.PValue = psmirnovUpper(stat, nx, ny, ends, false)
		default:
			h.PValue = psmirnovUpper(stat, nx, ny, ends, false)
		}
	} else {
		h.Method = "Asymptotic two-sample Kolmogorov-Smirnov test"
		ne := float64(nx) * float64(ny) / float64(nx+ny)
		if o.Alternative == TwoSided {
			h.PValue = 1 - pkolmogorovAsym(math.Sqrt(ne)*stat)
		} else {
			h.PValue = math.Exp(-2 * ne * stat * stat)
		}
	}
	h.PValue = math.Min(1, math.Max(0, h.PValue))
	h.Alternative = ksAlt(o.Alternative, true)
	h.N = []int{nx, ny}
	h.Dropped = nax + nay
	h.subject = "the difference between the distributions"
	h.report = h.StatName + " = " + num(stat, 3)
	return h, nil
}
