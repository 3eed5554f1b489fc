package stats

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/display"
)

// String returns "name = value (95% CI lo to hi), magnitude".
func (e *Effect) String() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Name + " = " + num(e.Value, 4)
	if !math.IsNaN(e.ConfInt[0]) {
		s += fmt.Sprintf(" (%s%% CI %s to %s)", rNum(100*e.ConfLevel), num(e.ConfInt[0], 4), num(e.ConfInt[1], 4))
	}
	if e.Magnitude != "" {
		s += ", " + e.Magnitude
	}
	return s
}

// Display implements display.Displayer.
func (e *Effect) Display(o display.Options) display.Bundle {
	if e == nil {
		return display.Text("effect", "<nil>\n")
	}
	return display.Text("effect", textFor(o, e.String()+"\n"))
}

// ncpInterval returns the non-centrality parameters δ with
// P(T ≤ tobs | δ) = 1-α/2 and α/2 (confidence limits for δ by inverting
// the non-central t).
func ncpInterval(tobs, df, conf float64) (lo, hi float64) {
	a := (1 - conf) / 2
	solve := func(target float64) float64 {
		f := func(d float64) float64 { return pnt(tobs, df, d, true) - target }
		l, h := tobs-10, tobs+10
		for f(l) < 0 {
			l -= 10
		}
		for f(h) > 0 {
			h += 10
		}
		return zeroin(f, l, h, f(l), f(h))
	}
	return solve(1 - a), solve(a)
}

// CohensD returns Cohen's d for two independent samples, (x̄ - ȳ)/s_p with
// the pooled sd s_p = √(((nx-1)sx² + (ny-1)sy²)/(nx+ny-2)), with a
// confidence interval from inverting the non-central t distribution of the
// pooled t statistic (Steiger & Fouladi 1997). Pass y = nil for the
// one-sample d = (x̄ - μ₀)/s with μ₀ = Opt.Mu. conf 0 means 0.95.
func CohensD(x, y []float64, conf float64, opts ...Opt) (*Effect, error) {
	return dFamily("CohensD", x, y, conf, false, opts)
}

// HedgesG returns Hedges' g, Cohen's d times the exact small-sample
// correction J = Γ(ν/2)/(√(ν/2)·Γ((ν-1)/2)) (ν = nx+ny-2, or n-1 for one
// sample), with the interval of d scaled by J.
func HedgesG(x, y []float64, conf float64, opts ...Opt) (*Effect, error) {
	return dFamily("HedgesG", x, y, conf, true, opts)
}

func dFamily(fn string, x, y []float64, conf float64, hedges bool, opts []Opt) (*Effect, error) {
	o, err := getOpt(fn, opts)
	if err != nil {
		return nil, err
	}
	if conf == 0 {
		conf = 0.95
	}
	if !(conf > 0 && conf < 1) {
		return nil, inputErr(fn, "conf", "is %g", "use a level between 0 and 1, e.g. 0.95", conf)
	}
	vx, _, err := clean(fn, "x", x, 2)
	if err != nil {
		return nil, err
	}
	var d, df, scale float64
	if y == nil {
		n := float64(len(vx))
		m, ss := meanSS(vx)
		s := math.Sqrt(ss / (n - 1))
		if s == 0 {
			return nil, inputErr(fn, "x", "is constant", "an effect size needs variation")
		}
		d = (m - o.Mu) / s
		df = n - 1
		scale = 1 / math.Sqrt(n)
	} else {
		vy, _, err := clean(fn, "y", y, 2)
		if err != nil {
			return nil, err
		}
		n1, n2 := float64(len(vx)), float64(len(vy))
		m1, ss1 := meanSS(vx)
		m2, ss2 := meanSS(vy)
		sp := math.Sqrt((ss1 + ss2) / (n1 + n2 - 2))
		if sp == 0 {
			return nil, inputErr(fn, "x and y", "are constant", "an effect size needs variation")
		}
		d = (m1 - m2 - o.Mu) / sp
		df = n1 + n2 - 2
		scale = math.Sqrt(1/n1 + 1/n2)
	}
	lo, hi := ncpInterval(d/scale, df, conf)
	e := &Effect{Name: "Cohen's d", Value: d, ConfInt: [2]float64{lo * scale, hi * scale}, ConfLevel: conf, Magnitude: cohenMagnitude(d)}
	if hedges {
		j := math.Exp(lgamma(df/2) - lgamma((df-1)/2) - 0.5*math.Log(df/2))
		e.Name = "Hedges' g"
		e.Value *= j
		e.ConfInt[0] *= j
		e.ConfInt[1] *= j
	}
	return e, nil
}

// pnchisq returns P(X ≤ x) for the non-central χ² with k df and
// non-centrality λ, as the Poisson(λ/2) mixture of central χ²(k+2j).
func pnchisq(x, k, lambda float64) float64 {
	if lambda == 0 {
		return ChiSquared{k}.CDF(x)
	}
	return poissonMix(lambda/2, func(j float64) float64 { return ChiSquared{k + 2*j}.CDF(x) })
}

// pnf returns P(F ≤ f) for the non-central F(d1, d2, λ), the Poisson(λ/2)
// mixture of I_{d1f/(d1f+d2)}(d1/2+j, d2/2).
func pnf(f, d1, d2, lambda float64) float64 {
	if f <= 0 {
		return 0
	}
	den := d1*f + d2
	return poissonMix(lambda/2, func(j float64) float64 {
		return betaInc(d1*f/den, d2/den, d1/2+j, d2/2).lo
	})
}

// poissonMix sums Σ_j Pois(j; μ)·g(j), outward from the mode until the
// weights are negligible.
func poissonMix(mu float64, g func(float64) float64) float64 {
	mode := math.Floor(mu)
	p := Poisson{mu}
	s := 0.0
	for j := mode; j >= 0; j-- {
		w := p.PMF(j)
		s += w * g(j)
		if w < 1e-17 && j < mode {
			break
		}
	}
	for j := mode + 1; ; j++ {
		w := p.PMF(j)
		s += w * g(j)
		if w < 1e-17 {
			break
		}
	}
	return s
}

// ncpLimits inverts a cdf in its non-centrality: the λ ≥ 0 with
// cdf(λ) = target (0 when even λ = 0 is below it).
func ncpLimit(cdf func(lambda float64) float64, target float64) float64 {
	f := func(l float64) float64 { return cdf(l) - target }
	if f(0) <= 0 {
		return 0
	}
	hi := 10.0
	for f(hi) > 0 {
		hi *= 2
		if hi > 1e7 {
			return math.NaN()
		}
	}
	return zeroin(f, 0, hi, f(0), f(hi))
}

// EtaSquared returns η² = SS_between/SS_total of the one-way ANOVA of y by
// g, with a confidence interval λ/(λ+N) from the non-central F limits for
// λ (Steiger 2004; one-sided lower limit at α/2 as usual). conf 0 means
// 0.95.
func EtaSquared(y []float64, g []string, conf float64) (*Effect, error) {
	a, err := ANOVA(y, g)
	if err != nil {
		return nil, err
	}
	if conf == 0 {
		conf = 0.95
	}
	if !(conf > 0 && conf < 1) {
		return nil, inputErr("EtaSquared", "conf", "is %g", "use a level between 0 and 1", conf)
	}
	n := a.DFBetween + a.DFWithin + 1
	al := (1 - conf) / 2
	cdf := func(l float64) float64 { return pnf(a.F, a.DFBetween, a.DFWithin, l) }
	llo := ncpLimit(cdf, 1-al)
	lhi := ncpLimit(cdf, al)
	return &Effect{Name: "η²", Value: a.EtaSq, ConfInt: [2]float64{llo / (llo + n), lhi / (lhi + n)}, ConfLevel: conf, Magnitude: etaMagnitude(a.EtaSq)}, nil
}

// OmegaSquared returns ω² = (SS_b - df_b·MS_w)/(SS_t + MS_w) of the one-way
// ANOVA of y by g (less biased than η²; truncated at 0).
func OmegaSquared(y []float64, g []string) (*Effect, error) {
	a, err := ANOVA(y, g)
	if err != nil {
		return nil, err
	}
	return &Effect{Name: "ω²", Value: a.OmegaSq, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: etaMagnitude(a.OmegaSq)}, nil
}

// CramersV returns Cramér's V = √(X²/(n·(min(r,c)-1))) of a contingency
// table (uncorrected X²) with a confidence interval from the non-central χ²
// limits for λ: √(λ/(n(min(r,c)-1))). conf 0 means 0.95.
func CramersV(table [][]float64, conf float64) (*Effect, error) {
	h, err := ChisqTest(table, Opt{NoCorrect: true, NoChecks: true})
	if err != nil {
		return nil, err
	}
	if conf == 0 {
		conf = 0.95
	}
	r, c := float64(len(table)), float64(len(table[0]))
	k := math.Min(r, c) - 1
	n := float64(h.N[0])
	df := h.Params[0]
	al := (1 - conf) / 2
	cdf := func(l float64) float64 { return pnchisq(h.Statistic, df, l) }
	llo := ncpLimit(cdf, 1-al)
	lhi := ncpLimit(cdf, al)
	v := h.Effect.Value
	return &Effect{Name: "Cramér's V", Value: v, ConfInt: [2]float64{math.Sqrt(llo / (n * k)), math.Min(1, math.Sqrt(lhi/(n*k)))}, ConfLevel: conf, Magnitude: cramerMagnitude(v, k)}, nil
}

// OddsRatio returns the sample odds ratio ad/(bc) of a 2×2 table
// {{a, b}, {c, d}} with Woolf's interval exp(log OR ± z·√(1/a+1/b+1/c+1/d));
// when a cell is 0, 0.5 is added to every cell (Haldane–Anscombe). For the
// conditional MLE and exact interval use FisherTest.
func OddsRatio(table [][]float64, conf float64) (*Effect, error) {
	if _, _, _, err := checkTable("OddsRatio", table); err != nil {
		return nil, err
	}
	if len(table) != 2 || len(table[0]) != 2 {
		return nil, inputErr("OddsRatio", "table", "is not 2×2", "the odds ratio is defined for 2×2 tables")
	}
	if conf == 0 {
		conf = 0.95
	}
	a, b, c, d := table[0][0], table[0][1], table[1][0], table[1][1]
	if a == 0 || b == 0 || c == 0 || d == 0 {
		a, b, c, d = a+0.5, b+0.5, c+0.5, d+0.5
	}
	or := a * d / (b * c)
	se := math.Sqrt(1/a + 1/b + 1/c + 1/d)
	z := stdNormalQuantile(1-(1-conf)/2, true)
	l := math.Log(or)
	mag := ""
	switch lo := math.Abs(l); {
	case lo < math.Log(1.5):
		mag = "negligible"
	case lo < math.Log(2.5):
		mag = "small"
	case lo < math.Log(4.3):
		mag = "medium"
	default:
		mag = "large"
	}
	return &Effect{Name: "odds ratio", Value: or, ConfInt: [2]float64{math.Exp(l - z*se), math.Exp(l + z*se)}, ConfLevel: conf, Magnitude: mag}, nil
}

// RankBiserial returns the rank-biserial correlation of two independent
// samples, r = 2U/(nx·ny) - 1 with U the Mann–Whitney count of pairs with
// x > y (ties ½), in [-1, 1]; the interval uses Fisher's z with
// se = √((nx+ny+1)/(3·nx·ny)).
func RankBiserial(x, y []float64, conf float64) (*Effect, error) {
	if conf == 0 {
		conf = 0.95
	}
	h, err := WilcoxTest2(x, y, Opt{Exact: ExactNo, ConfLevel: conf})
	if err != nil {
		return nil, err
	}
	return h.Effect, nil
}
