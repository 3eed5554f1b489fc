package stats

import (
	"fmt"
	"math"
)

// tPValue returns the p-value of t with df degrees of freedom for the
// alternative.
func tPValue(t, df float64, alt string) float64 {
	d := StudentsT{df}
	switch alt {
	case Less:
		return d.CDF(t)
	case Greater:
		return d.Survival(t)
	}
	return 2 * d.CDF(-math.Abs(t))
}

// tConfInt returns the confidence interval est ± q·se for the alternative
// (one-sided intervals are infinite on one side), as R's t.test.
func tConfInt(t, df, se, null float64, alt string, conf float64) [2]float64 {
	d := StudentsT{df}
	var lo, hi float64
	switch alt {
	case Less:
		lo, hi = math.Inf(-1), t+d.Quantile(conf)
	case Greater:
		lo, hi = t-d.Quantile(conf), math.Inf(1)
	default:
		q := d.Quantile(1 - (1-conf)/2)
		lo, hi = t-q, t+q
	}
	return [2]float64{lo*se + null, hi*se + null}
}

func cohenMagnitude(d float64) string {
	switch a := math.Abs(d); {
	case a < 0.2:
		return "negligible"
	case a < 0.5:
		return "small"
	case a < 0.8:
		return "medium"
	}
	return "large"
}

// normalityCheck runs Shapiro–Wilk on a sample for an assumption check.
func normalityCheck(what string, v []float64, alpha float64, suggestion string) Check {
	c := Check{Assumption: "normality of " + what, OK: true}
	if len(v) < 3 || len(v) > 5000 {
		c.Detail = fmt.Sprintf("not checked for n = %d", len(v))
		return c
	}
	h, err := ShapiroTest(v)
	if err != nil {
		c.Detail = "not checkable (constant data)"
		return c
	}
	c.Method = "Shapiro-Wilk"
	c.Value = h.PValue
	c.Detail = pfmt(h.PValue)
	if h.PValue < alpha {
		if len(v) >= 30 {
			c.Detail += fmt.Sprintf(", but n = %d is large enough for the t-test to be robust", len(v))
		} else {
			c.OK = false
			c.Suggestion = suggestion
		}
	}
	return c
}

// TTest performs the one-sample t-test of H₀: μ = Opt.Mu (R's
// t.test(x, mu = )): t = (x̄ - μ₀)/(s/√n) with n-1 degrees of freedom,
// confidence interval x̄ ± t_{1-α/2,n-1}·s/√n (one-sided for Less/Greater).
// The effect size is Cohen's d = (x̄ - μ₀)/s with the interval from the
// non-central t distribution (as CohensD). NaN values are dropped.
func TTest(x []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("TTest", opts)
	if err != nil {
		return nil, err
	}
	v, na, err := clean("TTest", "x", x, 2)
	if err != nil {
		return nil, err
	}
	n := float64(len(v))
	m, ss := meanSS(v)
	sd := math.Sqrt(ss / (n - 1))
	se := sd / math.Sqrt(n)
	if se < 10*dblEps*math.Abs(m) || se == 0 {
		return nil, inputErr("TTest", "x", "is essentially constant (sd = %g)", "a t-test needs variation in the data", sd)
	}
	h := newHTest(o)
	h.Method = "One Sample t-test"
	if h.Data == "" {
		h.Data = "x"
	}
	t := (m - o.Mu) / se
	df := n - 1
	h.StatName, h.Statistic = "t", t
	h.ParamNames, h.Params = []string{"df"}, []float64{df}
	h.PValue = tPValue(t, df, o.Alternative)
	h.ConfInt = tConfInt(t, df, se, o.Mu, o.Alternative, o.ConfLevel)
	h.EstNames, h.Estimate = []string{"mean of x"}, []float64{m}
	h.NullName, h.NullValue = "mean", o.Mu
	h.Alternative = o.Alternative
	h.StdErr = se
	h.N = []int{len(v)}
	h.Dropped = na
	h.subject = "the difference between the mean (" + num(m, 4) + ") and " + rNum(o.Mu)
	h.report = fmt.Sprintf("t(%s) = %s", num(df, 4), num(t, 3))
	d := (m - o.Mu) / sd
	h.Effect = dEffectExact("Cohen's d", d, 1/math.Sqrt(n), n-1, 1, o.ConfLevel)
	if !o.NoChecks {
		h.Checks = append(h.Checks,
			normalityCheck("x", v, h.alpha(), "use WilcoxTest (signed-rank) instead"),
			Check{Assumption: "independent observations", Detail: "a design question, not testable from the data"})
	}
	return h, nil
}

// dEffectExact builds a standardized mean difference d (times the bias
// correction j) with the interval from inverting the non-central t
// distribution of t = d/scale on df degrees of freedom.
func dEffectExact(name string, d, scale, df, j, conf float64) *Effect {
	e := &Effect{Name: name, Value: d * j, ConfInt: [2]float64{math.NaN(), math.NaN()}, ConfLevel: conf, Magnitude: cohenMagnitude(d * j)}
	if df >= 1 && !math.IsInf(d, 0) && !math.IsNaN(d) {
		lo, hi := ncpInterval(d/scale, df, conf)
		e.ConfInt = [2]float64{lo * scale * j, hi * scale * j}
	}
	return e
}

// TTest2 performs the two-sample t-test of H₀: μx - μy = Opt.Mu (R's
// t.test(x, y)). By default it is Welch's test: se = √(sx²/nx + sy²/ny),
// df by Welch–Satterthwaite (sx²/nx + sy²/ny)² / ((sx²/nx)²/(nx-1) +
// (sy²/ny)²/(ny-1)). With Opt.VarEqual the pooled variance
// ((nx-1)sx² + (ny-1)sy²)/(nx+ny-2) is used with nx+ny-2 df. The effect size
// is Hedges' g (Cohen's d on the pooled sd times the exact correction
// J = Γ(ν/2)/(√(ν/2)Γ((ν-1)/2)), ν = nx+ny-2) with the non-central t
// interval (as HedgesG). NaN values are dropped.
func TTest2(x, y []float64, opts ...Opt) (*HTest, error) {
	return tTest2("TTest2", x, y, "x", "y", opts)
}

// TTestBy performs the two-sample t-test of a numeric column y split by a
// grouping column g with exactly two levels (R's t.test(y ~ g)); the first
// level ("group 1") is the first in sorted order, or in Opt.Levels when
// given. See TTest2.
func TTestBy(y []float64, g []string, opts ...Opt) (*HTest, error) {
	if len(y) != len(g) {
		return nil, inputErr("TTestBy", "y and g", "have different lengths (%d and %d)", "pass a value column and a group column of the same frame", len(y), len(g))
	}
	var order []string
	if len(opts) == 1 {
		order = opts[0].Levels
	}
	// rows with a missing label are dropped (their values too)
	var ys []float64
	var gs []string
	for i, s := range g {
		if !isNAString(s) {
			ys = append(ys, y[i])
			gs = append(gs, s)
		}
	}
	y, g = ys, gs
	idx, lv, err := orderedGroupIndex("TTestBy", g, order)
	if err != nil {
		return nil, err
	}
	if len(lv) != 2 {
		return nil, inputErr("TTestBy", "g", "has %d levels %v; a two-sample t-test needs exactly 2", "use ANOVA for more groups, or filter the rows", len(lv), lv)
	}
	var a, b []float64
	for i, v := range y {
		if idx[i] == 0 {
			a = append(a, v)
		} else {
			b = append(b, v)
		}
	}
	return tTest2("TTestBy", a, b, "group "+lv[0], "group "+lv[1], opts)
}

func tTest2(fn string, x, y []float64, nx, ny string, opts []Opt) (*HTest, error) {
	o, err := getOpt(fn, opts)
	if err != nil {
		return nil, err
	}
	vx, nax, err := clean(fn, "x", x, 1)
	if err != nil {
		return nil, err
	}
	vy, nay, err := clean(fn, "y", y, 1)
	if err != nil {
		return nil, err
	}
	if o.VarEqual && len(vx)+len(vy) < 3 {
		return nil, inputErr(fn, "x and y", "have too few observations (%d and %d)", "the pooled test needs at least 3 in all", len(vx), len(vy))
	}
	if !o.VarEqual && (len(vx) < 2 || len(vy) < 2) {
		return nil, inputErr(fn, "x and y", "need at least 2 observations each (have %d and %d)", "", len(vx), len(vy))
	}
	n1, n2 := float64(len(vx)), float64(len(vy))
	var m1, ss1, m2, ss2 float64
	if len(vx)+len(vy) > 200000 {
		// large samples: one core each
		done := make(chan struct{})
		go func() {
			m2, ss2 = meanSS(vy)
			close(done)
		}()
		m1, ss1 = meanSS(vx)
		<-done
	} else {
		m1, ss1 = meanSS(vx)
		m2, ss2 = meanSS(vy)
	}
	v1, v2 := 0.0, 0.0
	if n1 > 1 {
		v1 = ss1 / (n1 - 1)
	}
	if n2 > 1 {
		v2 = ss2 / (n2 - 1)
	}
	var se, df float64
	h := newHTest(o)
	if o.VarEqual {
		df = n1 + n2 - 2
		pv := (ss1 + ss2) / df
		se = math.Sqrt(pv * (1/n1 + 1/n2))
		h.Method = "Two Sample t-test"
	} else {
		s1, s2 := v1/n1, v2/n2
		se = math.Sqrt(s1 + s2)
		df = (s1 + s2) * (s1 + s2) / (s1*s1/(n1-1) + s2*s2/(n2-1))
		h.Method = "Welch Two Sample t-test"
	}
	if se < 10*dblEps*math.Max(math.Abs(m1), math.Abs(m2)) || se == 0 {
		return nil, inputErr(fn, "x and y", "are essentially constant", "a t-test needs variation in the data")
	}
	t := (m1 - m2 - o.Mu) / se
	if h.Data == "" {
		if nx == "x" {
			h.Data = "x and y"
		} else {
			h.Data = "y by g"
		}
	}
	h.StatName, h.Statistic = "t", t
	h.ParamNames, h.Params = []string{"df"}, []float64{df}
	h.PValue = tPValue(t, df, o.Alternative)
	h.ConfInt = tConfInt(t, df, se, o.Mu, o.Alternative, o.ConfLevel)
	if nx == "x" {
		h.EstNames = []string{"mean of x", "mean of y"}
		h.NullName = "difference in means"
	} else {
		h.EstNames = []string{"mean in " + nx, "mean in " + ny}
		h.NullName = "difference in means between " + nx + " and " + ny
	}
	h.Estimate = []float64{m1, m2}
	h.NullValue = o.Mu
	h.Alternative = o.Alternative
	h.StdErr = se
	h.N = []int{len(vx), len(vy)}
	h.Dropped = nax + nay
	h.subject = "the difference in means of " + num(m1-m2, 4)
	h.report = fmt.Sprintf("t(%s) = %s", num(df, 4), num(t, 3))
	if n1 > 1 && n2 > 1 {
		sp := math.Sqrt((ss1 + ss2) / (n1 + n2 - 2))
		d := (m1 - m2 - o.Mu) / sp
		dfp := n1 + n2 - 2
		j := math.Exp(lgamma(dfp/2) - lgamma((dfp-1)/2) - 0.5*math.Log(dfp/2))
		h.Effect = dEffectExact("Hedges' g", d, math.Sqrt(1/n1+1/n2), dfp, j, o.ConfLevel)
	}
	if !o.NoChecks {
		sugg := "use WilcoxTest2 (rank-sum) instead"
		h.Checks = append(h.Checks,
			normalityCheck(nx, vx, h.alpha(), sugg),
			normalityCheck(ny, vy, h.alpha(), sugg))
		if o.VarEqual {
			h.Checks = append(h.Checks, varianceCheck(vx, vy, h.alpha()))
		} else {
			h.Checks = append(h.Checks, Check{Assumption: "equal variances", Detail: "not needed: Welch's test allows unequal variances"})
		}
		h.Checks = append(h.Checks, Check{Assumption: "independent samples", Detail: "a design question; use TTestPaired for matched pairs"})
	}
	return h, nil
}

// varianceCheck checks equal variances of two samples with the
// Brown–Forsythe (median-centred Levene) test.
func varianceCheck(x, y []float64, alpha float64) Check {
	c := Check{Assumption: "equal variances", OK: true}
	vals := append(append([]float64(nil), x...), y...)
	g := make([]string, len(vals))
	for i := range g {
		if i < len(x) {
			g[i] = "1"
		} else {
			g[i] = "2"
		}
	}
	h, err := LeveneTest(vals, g)
	if err != nil {
		c.Detail = "not checkable"
		return c
	}
	c.Method = "Brown-Forsythe"
	c.Value = h.PValue
	c.Detail = pfmt(h.PValue)
	if h.PValue < alpha {
		c.OK = false
		c.Suggestion = "use Welch's test (the default, VarEqual: false)"
	}
	return c
}

// TTestPaired performs the paired t-test of H₀: mean(x - y) = Opt.Mu (R's
// t.test(x, y, paired = TRUE)): a one-sample t-test on the differences.
// Pairs with a NaN in either member are dropped. The effect size is Cohen's
// d_z = mean(d)/sd(d).
func TTestPaired(x, y []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("TTestPaired", opts)
	if err != nil {
		return nil, err
	}
	xs, ys, na, err := pairClean("TTestPaired", x, y, 2)
	if err != nil {
		return nil, err
	}
	d := make([]float64, len(xs))
	for i := range xs {
		d[i] = xs[i] - ys[i]
	}
	o2 := o
	o2.NoChecks = true
	h, err := TTest(d, o2)
	if err != nil {
		return nil, inputErr("TTestPaired", "x - y", "is essentially constant", "the differences need variation")
	}
	h.Method = "Paired t-test"
	if o.Data == "" {
		h.Data = "x and y"
	}
	h.EstNames = []string{"mean difference"}
	h.NullName = "mean difference"
	h.Dropped = na
	h.subject = "the mean difference of " + num(h.Estimate[0], 4)
	h.Effect.Name = "Cohen's d_z"
	if !o.NoChecks {
		h.Checks = []Check{
			normalityCheck("the differences", d, h.alpha(), "use WilcoxPaired (signed-rank) instead"),
			Check{Assumption: "pairs are independent of each other", Detail: "a design question"},
		}
	}
	return h, nil
}
