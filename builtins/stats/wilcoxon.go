package stats

import (
	"fmt"
	"math"
	"sort"
)

// wilcoxCounts returns the null distribution of the rank-sum statistic W
// (= Mann–Whitney U for x) for sample sizes m and n as counts over
// w = 0…mn, and their total C(m+n, m).
func wilcoxCounts(m, n int) []float64 {
	// c[j][s]: ways to choose j of the ranks seen so far with rank sum s.
	N := m + n
	maxS := m * (2*N - m + 1) / 2
	c := make([][]float64, m+1)
	for j := range c {
		c[j] = make([]float64, maxS+1)
	}
	c[0][0] = 1
	for r := 1; r <= N; r++ {
		for j := min(r, m); j >= 1; j-- {
			row, prev := c[j], c[j-1]
			for s := maxS; s >= r; s-- {
				row[s] += prev[s-r]
			}
		}
	}
	base := m * (m + 1) / 2
	out := make([]float64, m*n+1)
	for w := range out {
		out[w] = c[m][w+base]
	}
	return out
}

// signrankCounts returns the null distribution of the signed-rank
// statistic V = Σ ranks of positive values for n values, as counts over
// v = 0…n(n+1)/2 (total 2ⁿ).
func signrankCounts(n int) []float64 {
	maxS := n * (n + 1) / 2
	c := make([]float64, maxS+1)
	c[0] = 1
	for r := 1; r <= n; r++ {
		for s := maxS; s >= r; s-- {
			c[s] += c[s-r]
		}
	}
	return c
}

// cdfCounts returns P(X ≤ q) and P(X > q) from counts.
func cdfCounts(c []float64, q float64) (lo, up float64) {
	var tot, l float64
	for i, v := range c {
		tot += v
		if float64(i) <= q {
			l += v
		}
	}
	return l / tot, (tot - l) / tot
}

// quantCounts is R's q* for the count distribution: the smallest q with
// P(X ≤ q) ≥ p (with R's 10·eps fuzz).
func quantCounts(c []float64, p float64) int {
	var tot float64
	for _, v := range c {
		tot += v
	}
	p = p * (1 - 64*dblEps)
	acc := 0.0
	for i, v := range c {
		acc += v / tot
		if acc >= p {
			return i
		}
	}
	return len(c) - 1
}

func exactPValue(c []float64, stat, center float64, alt string) float64 {
	switch alt {
	case Greater:
		_, up := cdfCounts(c, stat-1)
		return up
	case Less:
		lo, _ := cdfCounts(c, stat)
		return lo
	}
	var p float64
	if stat > center {
		_, p = cdfCounts(c, stat-1)
	} else {
		p, _ = cdfCounts(c, stat)
	}
	return math.Min(1, 2*p)
}

func normalPValue(z float64, alt string) float64 {
	t := stdNormalTails(z)
	switch alt {
	case Less:
		return t.lo
	case Greater:
		return t.up
	}
	return 2 * math.Min(t.lo, t.up)
}

func correction(z float64, alt string, correct bool) float64 {
	if !correct {
		return 0
	}
	switch alt {
	case Greater:
		return 0.5
	case Less:
		return -0.5
	}
	switch {
	case z > 0:
		return 0.5
	case z < 0:
		return -0.5
	}
	return 0
}

func tieSum(ties []int) float64 {
	s := 0.0
	for _, t := range ties {
		f := float64(t)
		s += f*f*f - f
	}
	return s
}

// WilcoxTest2 performs the Wilcoxon rank-sum (Mann–Whitney) test of
// H₀: the distribution of x - Opt.Mu equals that of y (R's
// wilcox.test(x, y)). W = Σ ranks of x - nx(nx+1)/2 (the number of pairs
// with x > y). The p-value is exact (the permutation distribution) when
// both samples have fewer than 50 values and there are no ties, else the
// normal approximation with tie correction and continuity correction
// (Opt.NoCorrect turns it off). Opt.ConfInt adds the Hodges–Lehmann
// estimate (median of all xᵢ - yⱼ) and its confidence interval (exact, or,
// as R, by inverting the normal approximation with a root search that stops
// at a tolerance of 1e-4, so agreeing with R's numbers). The effect size is
// the rank-biserial
// correlation r = 2W/(nx·ny) - 1.
func WilcoxTest2(x, y []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("WilcoxTest2", opts)
	if err != nil {
		return nil, err
	}
	vx, nax, err := clean("WilcoxTest2", "x", x, 1)
	if err != nil {
		return nil, err
	}
	vy, nay, err := clean("WilcoxTest2", "y", y, 1)
	if err != nil {
		return nil, err
	}
	nx, ny := len(vx), len(vy)
	fx, fy := float64(nx), float64(ny)
	all := make([]float64, 0, nx+ny)
	for _, v := range vx {
		all = append(all, v-o.Mu)
	}
	all = append(all, vy...)
	r, ties := ranks(all)
	sx := 0.0
	for i := 0; i < nx; i++ {
		sx += r[i]
	}
	w := sx - fx*(fx+1)/2
	exact := o.Exact == ExactYes || (o.Exact == ExactAuto && nx < 50 && ny < 50)
	h := newHTest(o)
	h.Method = "Wilcoxon rank sum test"
	if h.Data == "" {
		h.Data = "x and y"
	}
	h.StatName, h.Statistic = "W", w
	h.NullName, h.NullValue = "location shift", o.Mu
	h.Alternative = o.Alternative
	h.N = []int{nx, ny}
	h.Dropped = nax + nay
	if exact && len(ties) == 0 {
		h.Method = "Wilcoxon rank sum exact test"
		c := wilcoxCounts(nx, ny)
		h.PValue = exactPValue(c, w, fx*fy/2, o.Alternative)
		if o.ConfInt {
			diffs := make([]float64, 0, nx*ny)
			for _, a := range vx {
				for _, b := range vy {
					diffs = append(diffs, a-b)
				}
			}
			sort.Float64s(diffs)
			alpha := 1 - o.ConfLevel
			mn := nx * ny
			switch o.Alternative {
			case TwoSided:
				qu := quantCounts(c, alpha/2)
				if qu == 0 {
					qu = 1
				}
				ql := mn - qu
				h.ConfInt = [2]float64{diffs[qu-1], diffs[ql]}
			case Greater:
				qu := quantCounts(c, alpha)
				if qu == 0 {
					qu = 1
				}
				h.ConfInt = [2]float64{diffs[qu-1], math.Inf(1)}
			case Less:
				qu := quantCounts(c, alpha)
				if qu == 0 {
					qu = 1
				}
				h.ConfInt = [2]float64{math.Inf(-1), diffs[mn-qu]}
			}
			h.EstNames = []string{"difference in location"}
			h.Estimate = []float64{medianSorted(diffs)}
		}
	} else {
		if exact && len(ties) > 0 {
			h.Notes = append(h.Notes, "cannot compute exact p-value with ties; normal approximation used")
		}
		sigma := math.Sqrt((fx * fy / 12) * ((fx + fy + 1) - tieSum(ties)/((fx+fy)*(fx+fy-1))))
		z := w - fx*fy/2
		corr := correction(z, o.Alternative, !o.NoCorrect)
		if !o.NoCorrect {
			h.Method += " with continuity correction"
		}
		if sigma == 0 {
			return nil, inputErr("WilcoxTest2", "x and y", "are all tied", "there is no variation to rank")
		}
		h.PValue = normalPValue((z-corr)/sigma, o.Alternative)
		if o.ConfInt {
			correct := !o.NoCorrect
			wdiff := func(d, zq float64) float64 {
				dr := make([]float64, 0, nx+ny)
				for _, v := range vx {
					dr = append(dr, v-d)
				}
				dr = append(dr, vy...)
				rr, tt := ranks(dr)
				s := 0.0
				for i := 0; i < nx; i++ {
					s += rr[i]
				}
				dz := s - fx*(fx+1)/2 - fx*fy/2
				sg := math.Sqrt((fx * fy / 12) * ((fx + fy + 1) - tieSum(tt)/((fx+fy)*(fx+fy-1))))
				return (dz-correction(dz, o.Alternative, correct))/sg - zq
			}
			mumin := minOf(vx) - maxOf(vy)
			mumax := maxOf(vx) - minOf(vy)
			root := func(zq float64) float64 {
				fl, fu := wdiff(mumin, zq), wdiff(mumax, zq)
				if fl <= 0 {
					return mumin
				}
				if fu >= 0 {
					return mumax
				}
				return rZeroin(func(d float64) float64 { return wdiff(d, zq) }, mumin, mumax, fl, fu, 1e-4, 1000)
			}
			alpha := 1 - o.ConfLevel
			switch o.Alternative {
			case TwoSided:
				h.ConfInt = [2]float64{root(stdNormalQuantile(alpha/2, false)), root(stdNormalQuantile(alpha/2, true))}
			case Greater:
				h.ConfInt = [2]float64{root(stdNormalQuantile(alpha, false)), math.Inf(1)}
			case Less:
				h.ConfInt = [2]float64{math.Inf(-1), root(stdNormalQuantile(alpha, true))}
			}
			// as R: the estimate solves W(d) = 0 without continuity correction
			correct = false
			h.EstNames = []string{"difference in location"}
			h.Estimate = []float64{uniroot(func(d float64) float64 { return wdiff(d, 0) }, mumin, mumax, 1e-4)}
		}
	}
	h.subject = "the difference in location"
	h.report = "W = " + num(w, 4)
	rb := 2*w/(fx*fy) - 1
	se := math.Sqrt((fx + fy + 1) / (3 * fx * fy))
	h.Effect = rbEffect(rb, se, o.ConfLevel)
	h.Checks = []Check{{Assumption: "independent samples", Detail: "a design question"},
		{Assumption: "similar shapes", Detail: "needed to read the test as a shift in medians"}}
	return h, nil
}

// rbEffect builds the rank-biserial effect with a Fisher-z interval.
func rbEffect(r, se, conf float64) *Effect {
	z := stdNormalQuantile(1-(1-conf)/2, true)
	lo, hi := math.NaN(), math.NaN()
	if math.Abs(r) < 1 {
		// Fisher's z interval; undefined at complete separation (|r| = 1)
		lo, hi = math.Tanh(math.Atanh(r)-z*se), math.Tanh(math.Atanh(r)+z*se)
	}
	mag := "large"
	switch a := math.Abs(r); {
	case a < 0.1:
		mag = "negligible"
	case a < 0.3:
		mag = "small"
	case a < 0.5:
		mag = "medium"
	}
	return &Effect{Name: "rank-biserial r", Value: r, ConfInt: [2]float64{lo, hi}, ConfLevel: conf, Magnitude: mag}
}

func minOf(x []float64) float64 {
	m := x[0]
	for _, v := range x {
		m = math.Min(m, v)
	}
	return m
}

func maxOf(x []float64) float64 {
	m := x[0]
	for _, v := range x {
		m = math.Max(m, v)
	}
	return m
}

func medianSorted(s []float64) float64 {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// WilcoxTest performs the one-sample Wilcoxon signed-rank test of
// H₀: the distribution of x is symmetric about Opt.Mu (R's
// wilcox.test(x, mu = )). V = Σ ranks of |xᵢ - μ| over xᵢ > μ (R's V,
// = W⁺; scipy reports min(W⁺, W⁻)). Zeros are dropped. Exact p-value for
// n < 50 without ties or zeros, else the normal approximation with tie and
// continuity corrections. Opt.ConfInt adds the pseudo-median (median of
// Walsh averages) and its interval. Effect size: the matched-pairs
// rank-biserial r = 2V/(n(n+1)/2) - 1.
func WilcoxTest(x []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("WilcoxTest", opts)
	if err != nil {
		return nil, err
	}
	v, na, err := clean("WilcoxTest", "x", x, 1)
	if err != nil {
		return nil, err
	}
	h, err := signedRank("WilcoxTest", v, o, false)
	if err != nil {
		return nil, err
	}
	h.Dropped = na
	return h, nil
}

// WilcoxPaired performs the Wilcoxon signed-rank test on the paired
// differences x - y (R's wilcox.test(x, y, paired = TRUE)); see WilcoxTest.
func WilcoxPaired(x, y []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("WilcoxPaired", opts)
	if err != nil {
		return nil, err
	}
	xs, ys, na, err := pairClean("WilcoxPaired", x, y, 1)
	if err != nil {
		return nil, err
	}
	d := make([]float64, len(xs))
	for i := range xs {
		d[i] = xs[i] - ys[i]
	}
	h, err := signedRank("WilcoxPaired", d, o, true)
	if err != nil {
		return nil, err
	}
	h.Dropped = na
	return h, nil
}

func signedRank(fn string, v []float64, o Opt, paired bool) (*HTest, error) {
	var d []float64
	zeros := false
	for _, t := range v {
		if t-o.Mu == 0 {
			zeros = true
			continue
		}
		d = append(d, t-o.Mu)
	}
	n := len(d)
	if n == 0 {
		return nil, inputErr(fn, "x", "has all values equal to μ = %g", "nothing to rank", o.Mu)
	}
	fn_ := float64(n)
	abs := make([]float64, n)
	for i, t := range d {
		abs[i] = math.Abs(t)
	}
	r, ties := ranks(abs)
	stat := 0.0
	for i, t := range d {
		if t > 0 {
			stat += r[i]
		}
	}
	exact := o.Exact == ExactYes || (o.Exact == ExactAuto && n < 50)
	h := newHTest(o)
	h.Method = "Wilcoxon signed rank test"
	if h.Data == "" {
		h.Data = "x"
		if paired {
			h.Data = "x and y"
		}
	}
	h.StatName, h.Statistic = "V", stat
	h.NullName, h.NullValue = "location", o.Mu
	if paired {
		h.NullName = "location shift"
	}
	h.Alternative = o.Alternative
	h.N = []int{len(v)}
	if exact && len(ties) == 0 && !zeros {
		h.Method = "Wilcoxon signed rank exact test"
		c := signrankCounts(n)
		h.PValue = exactPValue(c, stat, fn_*(fn_+1)/4, o.Alternative)
		if o.ConfInt {
			x := v
			var walsh []float64
			for i := range x {
				for j := i; j < len(x); j++ {
					walsh = append(walsh, (x[i]+x[j])/2)
				}
			}
			sort.Float64s(walsh)
			alpha := 1 - o.ConfLevel
			m := n * (n + 1) / 2
			switch o.Alternative {
			case TwoSided:
				qu := quantCounts(c, alpha/2)
				if qu == 0 {
					qu = 1
				}
				h.ConfInt = [2]float64{walsh[qu-1], walsh[m-qu]}
			case Greater:
				qu := quantCounts(c, alpha)
				if qu == 0 {
					qu = 1
				}
				h.ConfInt = [2]float64{walsh[qu-1], math.Inf(1)}
			case Less:
				qu := quantCounts(c, alpha)
				if qu == 0 {
					qu = 1
				}
				h.ConfInt = [2]float64{math.Inf(-1), walsh[m-qu]}
			}
			h.EstNames = []string{"(pseudo)median"}
			h.Estimate = []float64{medianSorted(walsh)}
		}
	} else {
		if exact {
			h.Notes = append(h.Notes, "cannot compute exact p-value with ties or zeros; normal approximation used")
		}
		z := stat - fn_*(fn_+1)/4
		sigma := math.Sqrt(fn_*(fn_+1)*(2*fn_+1)/24 - tieSum(ties)/48)
		if sigma == 0 {
			return nil, inputErr(fn, "x", "has no variation in |x - μ|", "")
		}
		corr := correction(z, o.Alternative, !o.NoCorrect)
		if !o.NoCorrect {
			h.Method += " with continuity correction"
		}
		h.PValue = normalPValue((z-corr)/sigma, o.Alternative)
	}
	h.subject = "the shift in location"
	h.report = "V = " + num(stat, 4)
	tot := fn_ * (fn_ + 1) / 2
	rb := 2*stat/tot - 1
	se := math.Sqrt((2*fn_ + 1) / (3 * (fn_ + 1) * fn_))
	h.Effect = rbEffect(rb, se, o.ConfLevel)
	h.Checks = []Check{{Assumption: "symmetric distribution of the differences", Detail: "inspect a histogram"}}
	return h, nil
}

// KruskalTest performs the Kruskal–Wallis rank-sum test that the groups g
// of y come from the same distribution (R's kruskal.test):
// H = (12/(N(N+1)) Σ Rⱼ²/nⱼ - 3(N+1)) / (1 - Σ(t³-t)/(N³-N)), χ² with k-1
// df. Effect size ε² = H/(N-1).
func KruskalTest(y []float64, g []string, opts ...Opt) (*HTest, error) {
	o, err := getOpt("KruskalTest", opts)
	if err != nil {
		return nil, err
	}
	ys, gs, na, err := groupClean("KruskalTest", y, g)
	if err != nil {
		return nil, err
	}
	idx, lv := groupIndex(gs)
	if len(lv) < 2 {
		return nil, inputErr("KruskalTest", "g", "has only %d group", "need at least 2 groups", len(lv))
	}
	r, ties := ranks(ys)
	n := float64(len(ys))
	sums := make([]float64, len(lv))
	cnt := make([]float64, len(lv))
	for i, v := range r {
		sums[idx[i]] += v
		cnt[idx[i]]++
	}
	s := 0.0
	for j := range sums {
		s += sums[j] * sums[j] / cnt[j]
	}
	den := 1 - tieSum(ties)/(n*n*n-n)
	if den == 0 {
		return nil, inputErr("KruskalTest", "y", "has all values tied", "nothing to rank")
	}
	stat := (12*s/(n*(n+1)) - 3*(n+1)) / den
	k := float64(len(lv))
	h := newHTest(o)
	h.Method = "Kruskal-Wallis rank sum test"
	if h.Data == "" {
		h.Data = "y and g"
	}
	h.StatName, h.Statistic = "Kruskal-Wallis chi-squared", stat
	h.ParamNames, h.Params = []string{"df"}, []float64{k - 1}
	h.PValue = ChiSquared{k - 1}.Survival(stat)
	h.N = []int{len(ys)}
	h.Dropped = na
	h.subject = "the difference between the groups"
	h.h1 = "groups do not all have the same distribution"
	h.report = fmt.Sprintf("H(%s) = %s", rNum(k-1), num(stat, 3))
	e := stat / (n - 1)
	h.Effect = &Effect{Name: "ε²", Value: e, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: etaMagnitude(e)}
	return h, nil
}
