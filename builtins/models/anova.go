package models

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// AnovaTable is an analysis-of-variance table: sequential (type I) sums of
// squares of one model's terms, or the comparison of nested models.
type AnovaTable struct {
	// Heading lines printed above the table.
	Heading []string
	// Rows are the row labels (terms and "Residuals", or model numbers).
	Rows []string
	// For a single model: Df, SumSq, MeanSq, F, P per row (the Residuals row
	// has NaN F and P). For model comparison: ResDf, RSS, Df, SumSq, F, P
	// (the first row has NaN Df, SumSq, F, P).
	Df, SumSq, MeanSq, F, P []float64
	ResDf, RSS              []float64
	// AIC of each model of a Drop1 table (R's extractAIC scale).
	AIC []float64
	// Warning is R's warning for the table ("" if none), e.g. an F test
	// on a binomial GLM.
	Warning    string
	comparison bool
	drop1      string // "lm" or "glm" for single term deletions
	lrtName    string // "LRT" or "scaled dev." (GLM Drop1 with test Chisq)
	deviance   bool   // analysis of deviance (GLM): RSS holds residual deviances
	test       string // sequential GLM table: "", "Chisq" or "F"
}

// Anova returns the sequential (type I) analysis of variance of the model,
// as R's anova(lm): each term's sum of squares is the reduction in the
// residual sum of squares when it is added after the terms before it
// (computed from the QR effects), F = (SS/df) / (RSS/df_res).
func (m *LM) Anova() *AnovaTable {
	a := &AnovaTable{Heading: []string{"Analysis of Variance Table", "", "Response: " + m.YName}}
	nt := len(m.terms)
	df := make([]float64, nt)
	ss := make([]float64, nt)
	for k, j := range m.fit.kept {
		t := m.assign[j]
		if t < 0 {
			continue
		}
		df[t]++
		e := m.fit.effects[k]
		ss[t] += e * e
	}
	rdf := float64(m.DFResidual)
	ms := m.RSS / rdf
	for t := 0; t < nt; t++ {
		if df[t] == 0 {
			continue
		}
		a.Rows = append(a.Rows, m.terms[t])
		a.Df = append(a.Df, df[t])
		a.SumSq = append(a.SumSq, ss[t])
		a.MeanSq = append(a.MeanSq, ss[t]/df[t])
		f := (ss[t] / df[t]) / ms
		a.F = append(a.F, f)
		a.P = append(a.P, pFUpper(f, df[t], rdf))
	}
	a.Rows = append(a.Rows, "Residuals")
	a.Df = append(a.Df, rdf)
	a.SumSq = append(a.SumSq, m.RSS)
	a.MeanSq = append(a.MeanSq, ms)
	a.F = append(a.F, math.NaN())
	a.P = append(a.P, math.NaN())
	return a
}

// CompareLM compares nested linear models fitted to the same data with F
// tests, as R's anova(m1, m2, ...): for each model after the first,
// F = (ΔRSS/Δdf) / (RSS_k/df_k) where k is the largest model (the one with
// the fewest residual degrees of freedom).
func CompareLM(ms ...*LM) (*AnovaTable, error) {
	if len(ms) < 2 {
		return nil, fmt.Errorf("models.CompareLM: give at least two models")
	}
	n := ms[0].NObs
	for i, m := range ms {
		if m == nil {
			return nil, fmt.Errorf("models.CompareLM: model %d is nil", i+1)
		}
		if m.NObs != n {
			return nil, fmt.Errorf("models.CompareLM: model %d uses %d observations, model 1 uses %d; nested models must be fitted to the same rows (drop missing values first)", i+1, m.NObs, n)
		}
	}
	a := &AnovaTable{comparison: true, Heading: []string{"Analysis of Variance Table", ""}}
	big := 0
	for i, m := range ms {
		if m.DFResidual < ms[big].DFResidual {
			big = i
		}
		label := m.Formula
		if m.d != nil && m.d.pf != nil {
			label = deparseFormula(m.d.pf, m.Formula)
		}
		if label == "" {
			label = m.Call
		}
		a.Heading = append(a.Heading, fmt.Sprintf("Model %d: %s", i+1, label))
	}
	scale := ms[big].RSS / float64(ms[big].DFResidual)
	resDf, rss := make([]int, len(ms)), make([]float64, len(ms))
	for i, m := range ms {
		resDf[i], rss[i] = m.DFResidual, m.RSS
	}
	a.nestedRows(resDf, rss, func(d, s float64) (f, p float64) {
		if d == 0 {
			return math.NaN(), math.NaN()
		}
		f = (s / d) / scale
		return f, pFUpper(math.Abs(f), math.Abs(d), float64(ms[big].DFResidual))
	})
	return a, nil
}

// CompareGLM compares nested GLMs fitted to the same data by analysis of
// deviance, as R's anova(m1, m2, ..., test = "Chisq"): for each model after
// the first, the drop in deviance ΔD on Δdf degrees of freedom is tested
// against χ²(Δdf) after dividing by the dispersion of the largest model
// (1 for binomial and Poisson). The result's RSS column holds the residual
// deviances and P the χ² p-values.
func CompareGLM(ms ...*GLMFit) (*AnovaTable, error) {
	return CompareGLMTest("Chisq", ms...)
}

// CompareGLMTest is CompareGLM with R's choice of test, as
// anova(m1, m2, ..., test = test): "Chisq" (or "LRT"; p = P(χ²_Δdf > ΔD/φ)),
// "F" (F = (ΔD/Δdf)/φ on Δdf and the largest model's residual df, the
// test for families with an estimated dispersion such as Gamma and
// gaussian; for binomial and Poisson φ = 1 and R warns, as Warning does)
// or "" (no test, R 4.2's default). φ is the dispersion of the largest
// model.
func CompareGLMTest(test string, ms ...*GLMFit) (*AnovaTable, error) {
	test, err := glmTest("models.CompareGLMTest", test)
	if err != nil {
		return nil, err
	}
	if len(ms) < 2 {
		return nil, fmt.Errorf("models.CompareGLM: give at least two models")
	}
	for i, m := range ms {
		if m == nil {
			return nil, fmt.Errorf("models.CompareGLM: model %d is nil", i+1)
		}
		if m.NObs != ms[0].NObs {
			return nil, fmt.Errorf("models.CompareGLM: model %d uses %d observations, model 1 uses %d; nested models must be fitted to the same rows", i+1, m.NObs, ms[0].NObs)
		}
		if m.Family.Name != ms[0].Family.Name || m.Family.Link != ms[0].Family.Link {
			return nil, fmt.Errorf("models.CompareGLM: model %d is %s(%s), model 1 is %s(%s)", i+1, m.Family.Name, m.Family.Link, ms[0].Family.Name, ms[0].Family.Link)
		}
	}
	a := &AnovaTable{comparison: true, deviance: true, test: test, Heading: []string{"Analysis of Deviance Table", ""}}
	big := 0
	for i, m := range ms {
		if m.DFResidual < ms[big].DFResidual {
			big = i
		}
		label := m.Formula
		if m.d != nil && m.d.pf != nil {
			label = deparseFormula(m.d.pf, m.Formula)
		}
		a.Heading = append(a.Heading, fmt.Sprintf("Model %d: %s", i+1, label))
	}
	disp := ms[big].Dispersion
	resDf, dev := make([]int, len(ms)), make([]float64, len(ms))
	for i, m := range ms {
		resDf[i], dev[i] = m.DFResidual, m.Deviance
	}
	a.nestedRows(resDf, dev, func(d, dev float64) (f, p float64) {
		f, p = math.NaN(), math.NaN()
		if d > 0 {
			switch test {
			case "Chisq":
				p = pChisqUpper(dev/disp, d)
			case "F":
				f = dev / d / disp
				if disp == 1 {
					p = pChisqUpper(f*d, d) // F(d, ∞)
				} else {
					p = pFUpper(f, d, float64(ms[big].DFResidual))
				}
			}
		}
		return f, p
	})
	if test == "F" && disp == 1 {
		if fam := ms[0].Family.Name; fam == "binomial" || fam == "poisson" {
			a.Warning = fmt.Sprintf("using F test with a '%s' family is inappropriate", fam)
		} else {
			a.Warning = "using F test with a fixed dispersion is inappropriate"
		}
	}
	return a, nil
}

// Anova returns the sequential analysis of deviance of a GLM, as R's
// anova(m, test = test): the terms are added one at a time (first to
// last), each submodel refitted by IRLS with the model's prior weights,
// offset and convergence settings; row k has the deviance drop and its
// degrees of freedom when term k is added, and the submodel's residual
// deviance and df (the first row, "NULL", is the null model).
//
// test is "" (no test; R 4.2's default), "Chisq" (p = P(χ²_df > ΔD/φ)) or
// "F" (F = (ΔD/df)/φ, p from F(df, DFResidual); R warns that the F test is
// inappropriate for binomial and Poisson fits, and so does Warning), with
// φ the model's dispersion. "LRT" is a synonym of "Chisq", as in R. The
// Chisq p-values are in P, F values in F; ResDf and RSS hold the residual
// df and deviances.
func (m *GLMFit) Anova(test string) (a *AnovaTable, err error) {
	defer recoverErr("models.GLMFit.Anova", &err)
	if test, err = glmTest("models.GLMFit.Anova", test); err != nil {
		return nil, err
	}
	if m.d == nil || m.d.ts == nil {
		return nil, fmt.Errorf("models: Anova needs a model fitted from a formula (this one came from a matrix)")
	}
	d := m.d
	a = &AnovaTable{deviance: true, test: test, Heading: []string{"Analysis of Deviance Table", "",
		fmt.Sprintf("Model: %s, link: %s", m.Family.Name, m.Family.Link), "", "Response: " + m.YName, "",
		"Terms added sequentially (first to last)", "", ""}}
	nt := len(d.terms)
	resdf := []float64{float64(m.DFNull)}
	resdev := []float64{m.NullDeviance}
	for i := 1; i < nt; i++ {
		sub := &design{n: d.n, y: d.y, intercept: d.intercept}
		for j, c := range d.cols {
			if d.assign[j] < i {
				sub.cols = append(sub.cols, c)
				sub.names = append(sub.names, d.names[j])
				sub.assign = append(sub.assign, d.assign[j])
				if d.lo != nil {
					sub.lo = append(sub.lo, d.lo[j])
				}
			}
		}
		f, err := fitGLM(sub, m.Family, m.prior, GLMOptions{Epsilon: m.opts.Epsilon, MaxIter: m.opts.MaxIter, Offset: m.offset, noNull: true})
		if err != nil {
			return nil, err
		}
		resdf = append(resdf, float64(f.DFResidual))
		resdev = append(resdev, f.Deviance)
	}
	if nt > 0 {
		resdf = append(resdf, float64(m.DFResidual))
		resdev = append(resdev, m.Deviance)
	}
	disp := m.Dispersion
	dfDisp := math.Inf(1)
	if disp != 1 {
		dfDisp = float64(m.DFResidual)
	}
	if test == "F" && math.IsInf(dfDisp, 1) {
		if m.Family.Name == "binomial" || m.Family.Name == "poisson" {
			a.Warning = fmt.Sprintf("using F test with a '%s' family is inappropriate", m.Family.Name)
		} else {
			a.Warning = "using F test with a fixed dispersion is inappropriate"
		}
	}
	for k := range resdf {
		name := "NULL"
		if k > 0 {
			name = d.terms[k-1]
		}
		a.Rows = append(a.Rows, name)
		a.ResDf = append(a.ResDf, resdf[k])
		a.RSS = append(a.RSS, resdev[k])
		if k == 0 {
			a.Df = append(a.Df, math.NaN())
			a.SumSq = append(a.SumSq, math.NaN())
			a.F = append(a.F, math.NaN())
			a.P = append(a.P, math.NaN())
			continue
		}
		df := resdf[k-1] - resdf[k]
		dev := math.Max(0, resdev[k-1]-resdev[k])
		a.Df = append(a.Df, df)
		a.SumSq = append(a.SumSq, dev)
		f, p := math.NaN(), math.NaN()
		if df != 0 {
			switch test {
			case "Chisq":
				p = pChisqUpper(dev/disp, df)
			case "F":
				f = dev / df / disp
				if math.IsInf(dfDisp, 1) {
					p = pChisqUpper(f*df, df) // F(df, ∞) = χ²_df / df
				} else {
					p = pFUpper(f, df, dfDisp)
				}
			}
		}
		a.F = append(a.F, f)
		a.P = append(a.P, p)
	}
	return a, nil
}

// dropScope returns the terms that can be dropped one at a time while
// respecting marginality (R's drop.scope): those contained in no other
// term.
func dropScope(ts *termSet) []int {
	var out []int
	for i, t := range ts.terms {
		in := false
		for j, u := range ts.terms {
			if i == j || len(u.keys) <= len(t.keys) {
				continue
			}
			all := true
			for _, k := range t.keys {
				has := false
				for _, k2 := range u.keys {
					has = has || k == k2
				}
				all = all && has
			}
			in = in || all
		}
		if !in {
			out = append(out, i)
		}
	}
	return out
}

// colsWithout returns the design columns (and low parts) without those
// of term ti.
func (d *design) colsWithout(ti int) (cols, lo [][]float64, names []string, assign []int) {
	for j, c := range d.cols {
		if d.assign[j] == ti {
			continue
		}
		cols = append(cols, c)
		names = append(names, d.names[j])
		assign = append(assign, d.assign[j])
		if d.lo != nil {
			lo = append(lo, d.lo[j])
		}
	}
	if d.lo != nil {
		any := false
		for _, l := range lo {
			any = any || l != nil
		}
		if !any {
			lo = nil
		}
	}
	return
}

// Drop1 returns R's drop1(m, test = test) for a linear model: for every
// term that can be dropped (R's drop.scope: not contained in another
// term), the model refitted without it, with the degrees of freedom lost,
// the increase in the residual sum of squares, the RSS and
// AIC = n·log(RSS/n) + 2·rank (R's extractAIC scale, not AIC()). test is
// "" (none), "F" (F = (ΔRSS/Δdf)/(RSS/df_res) of the full model) or
// "Chisq" (p of n·log(RSS_i/RSS) against χ²_Δdf). The first row,
// "<none>", is the full model. Offsets and weights are kept.
func (m *LM) Drop1(test string) (a *AnovaTable, err error) {
	defer recoverErr("models.LM.Drop1", &err)
	switch test {
	case "", "F", "Chisq":
	default:
		return nil, fmt.Errorf("models: Drop1 test must be \"\", \"F\" or \"Chisq\", not %q", test)
	}
	d := m.d
	if d == nil || d.ts == nil {
		return nil, fmt.Errorf("models: Drop1 needs a model fitted from a formula")
	}
	y := d.y
	if d.offset != nil {
		y = make([]float64, d.n)
		for i, v := range d.y {
			y[i] = v - d.offset[i]
		}
	}
	n := float64(d.n)
	a = &AnovaTable{drop1: "lm", test: test, Heading: []string{"Single term deletions", "", "Model:", m.Formula}}
	add := func(row string, df, rss float64, rank int) {
		a.Rows = append(a.Rows, row)
		a.Df = append(a.Df, df)
		a.RSS = append(a.RSS, rss)
		a.AIC = append(a.AIC, n*math.Log(rss/n)+2*float64(rank))
	}
	add("<none>", math.NaN(), m.RSS, m.Rank)
	for _, ti := range dropScope(d.ts) {
		cols, lo, _, _ := d.colsWithout(ti)
		fit := solveLS(lsProblem{n: d.n, p: len(cols), cols: cols, lo: lo, y: y, w: m.Weights})
		add(d.terms[ti], float64(m.Rank-fit.rank), fit.rss, fit.rank)
	}
	rdf := float64(m.DFResidual)
	for i := range a.Rows {
		ss, f, p := math.NaN(), math.NaN(), math.NaN()
		if i > 0 {
			ss = a.RSS[i] - a.RSS[0]
			switch test {
			case "F":
				if a.Df[i] >= 1e-4 {
					f = (ss / a.Df[i]) / (a.RSS[0] / rdf)
					p = pFUpper(f, a.Df[i], rdf)
				}
			case "Chisq":
				p = pChisqUpper(n*math.Log(a.RSS[i]/n)-n*math.Log(a.RSS[0]/n), a.Df[i])
			}
		}
		a.SumSq = append(a.SumSq, ss)
		a.F = append(a.F, f)
		a.P = append(a.P, p)
	}
	return a, nil
}

// Drop1 returns R's drop1(m, test = test) for a GLM: for every term that
// can be dropped (not contained in another term), the model refitted
// without it by IRLS (same prior weights, offset and convergence
// settings), with the degrees of freedom lost, its deviance and AIC
// (R's: deviance/φ + 2·rank, shifted so that the full model's is AIC();
// for gaussian n·log(deviance/n) + 2·rank). test is "" (none), "Chisq"
// or "LRT" (the scaled deviance increase ΔD/φ — headed "LRT" when φ = 1,
// "scaled dev." otherwise — against χ²_Δdf) or "F" (F = (ΔD/Δdf)/(D/df_res)
// on Δdf and the residual df; R warns for binomial and Poisson). The
// first row, "<none>", is the full model.
func (m *GLMFit) Drop1(test string) (a *AnovaTable, err error) {
	defer recoverErr("models.GLMFit.Drop1", &err)
	if test, err = glmTest("models.GLMFit.Drop1", test); err != nil {
		return nil, err
	}
	d := m.d
	if d == nil || d.ts == nil {
		return nil, fmt.Errorf("models: Drop1 needs a model fitted from a formula")
	}
	n := float64(d.n)
	a = &AnovaTable{drop1: "glm", test: test, Heading: []string{"Single term deletions", "", "Model:", m.Formula}}
	disp := m.Dispersion
	loglik := func(dev float64) float64 {
		if m.Family.Name == "gaussian" {
			return n * math.Log(dev/n)
		}
		return dev / disp
	}
	var ll []float64
	add := func(row string, df, dev float64, rank int) {
		a.Rows = append(a.Rows, row)
		a.Df = append(a.Df, df)
		a.RSS = append(a.RSS, dev)
		a.AIC = append(a.AIC, loglik(dev)+2*float64(rank))
		ll = append(ll, loglik(dev))
	}
	add("<none>", math.NaN(), m.Deviance, m.Rank)
	for _, ti := range dropScope(d.ts) {
		cols, lo, names, assign := d.colsWithout(ti)
		sub := &design{n: d.n, y: d.y, intercept: d.intercept, cols: cols, lo: lo, names: names, assign: assign}
		f, err := fitGLM(sub, m.Family, m.prior, GLMOptions{Epsilon: m.opts.Epsilon, MaxIter: m.opts.MaxIter, Offset: m.offset, noNull: true})
		if err != nil {
			return nil, err
		}
		add(d.terms[ti], float64(m.Rank-f.Rank), f.Deviance, f.Rank)
	}
	shift := m.AIC() - a.AIC[0]
	for i := range a.AIC {
		a.AIC[i] += shift
	}
	a.lrtName = "LRT"
	if disp != 1 {
		a.lrtName = "scaled dev."
	}
	if test == "F" && (m.Family.Name == "binomial" || m.Family.Name == "poisson") {
		a.Warning = fmt.Sprintf("F test assumes 'quasi%s' family", m.Family.Name)
	}
	rdf := float64(m.DFResidual)
	for i := range a.Rows {
		lrt, f, p := math.NaN(), math.NaN(), math.NaN()
		if i > 0 {
			switch test {
			case "Chisq":
				lrt = math.Max(0, ll[i]-ll[0])
				p = pChisqUpper(lrt, a.Df[i])
			case "F":
				if a.Df[i] >= 1e-4 {
					f = (math.Max(0, a.RSS[i]-a.RSS[0]) / a.Df[i]) / (a.RSS[0] / rdf)
					p = pFUpper(f, a.Df[i], rdf)
				}
			}
		}
		a.SumSq = append(a.SumSq, lrt)
		a.F = append(a.F, f)
		a.P = append(a.P, p)
	}
	return a, nil
}

// String returns the table at display.Plain.
func (a *AnovaTable) String() string { return a.Display(display.Plain).Text }

// Display lays the table out like R's print.anova (5 significant digits,
// F rounded to 4 decimals, p-values with 4 digits, significance stars).
func (a *AnovaTable) Display(o display.Options) display.Bundle {
	if a == nil {
		return display.Text("nil", "<nil *models.AnovaTable>\n")
	}
	var headers []string
	var cols [][]string
	fmtCol := func(x []float64, digits int) []string {
		var vals []float64
		var idx []int
		for i, v := range x {
			if !math.IsNaN(v) {
				vals = append(vals, v)
				idx = append(idx, i)
			}
		}
		out := make([]string, len(x))
		if len(vals) > 0 {
			f := rfmt.Format(vals, digits)
			for k, i := range idx {
				out[i] = strings.TrimSpace(f[k])
			}
		}
		return out
	}
	zap := func(x []float64) []float64 {
		var v []float64
		for _, y := range x {
			if !math.IsNaN(y) {
				v = append(v, y)
			}
		}
		z := zapsmall(v, 5)
		out := make([]float64, len(x))
		k := 0
		for i, y := range x {
			if math.IsNaN(y) {
				out[i] = y
				continue
			}
			out[i] = z[k]
			k++
		}
		return out
	}
	rounded := func(x []float64, d int) []float64 {
		out := make([]float64, len(x))
		for i, v := range x {
			out[i] = roundTo(v, d)
		}
		return out
	}
	pcol := func(p []float64) []string {
		out := make([]string, len(p))
		var vals []float64
		var idx []int
		for i, v := range p {
			if !math.IsNaN(v) {
				vals = append(vals, v)
				idx = append(idx, i)
			}
		}
		if len(vals) > 0 {
			f := rfmt.PValues(vals, 4)
			for k, i := range idx {
				out[i] = strings.TrimSpace(f[k])
			}
		}
		return out
	}
	// the test columns of an analysis of deviance (R's anova.glm)
	devianceTest := func(headers []string, cols [][]string) ([]string, [][]string) {
		switch a.test {
		case "Chisq":
			headers = append(headers, "Pr(>Chi)")
			cols = append(cols, pcol(a.P))
		case "F":
			headers = append(headers, "F", "Pr(>F)")
			cols = append(cols, fmtCol(rounded(a.F, 4), 5), pcol(a.P))
		}
		return headers, cols
	}
	if a.drop1 == "lm" {
		headers = []string{"Df", "Sum of Sq", "RSS", "AIC"}
		cols = [][]string{fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), fmtCol(zap(a.RSS), 5), fmtCol(zap(a.AIC), 5)}
		switch a.test {
		case "F":
			headers = append(headers, "F value", "Pr(>F)")
			cols = append(cols, fmtCol(rounded(a.F, 4), 5), pcol(a.P))
		case "Chisq":
			headers = append(headers, "Pr(>Chi)")
			cols = append(cols, pcol(a.P))
		}
	} else if a.drop1 == "glm" {
		headers = []string{"Df", "Deviance", "AIC"}
		cols = [][]string{fmtCol(a.Df, 5), fmtCol(zap(a.RSS), 5), fmtCol(zap(a.AIC), 5)}
		switch a.test {
		case "F":
			headers = append(headers, "F value", "Pr(>F)")
			cols = append(cols, fmtCol(rounded(a.F, 4), 5), pcol(a.P))
		case "Chisq":
			headers = append(headers, a.lrtName, "Pr(>Chi)")
			cols = append(cols, fmtCol(zap(a.SumSq), 5), pcol(a.P))
		}
	} else if a.deviance && !a.comparison {
		// sequential analysis of deviance (R's anova.glm)
		headers = []string{"Df", "Deviance", "Resid. Df", "Resid. Dev"}
		cols = [][]string{fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), fmtCol(a.ResDf, 5), fmtCol(zap(a.RSS), 5)}
		headers, cols = devianceTest(headers, cols)
	} else if a.deviance {
		headers = []string{"Resid. Df", "Resid. Dev", "Df", "Deviance"}
		cols = [][]string{fmtCol(a.ResDf, 5), fmtCol(zap(a.RSS), 5), fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5)}
		headers, cols = devianceTest(headers, cols)
	} else if a.comparison {
		headers = []string{"Res.Df", "RSS", "Df", "Sum of Sq", "F", "Pr(>F)"}
		cols = [][]string{fmtCol(a.ResDf, 5), fmtCol(zap(a.RSS), 5), fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), fmtCol(rounded(a.F, 4), 5), pcol(a.P)}
	} else {
		headers = []string{"Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)"}
		cols = [][]string{fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), fmtCol(zap(a.MeanSq), 5), fmtCol(rounded(a.F, 4), 5), pcol(a.P)}
	}
	stars := false
	for _, p := range a.P {
		if !math.IsNaN(p) && p < 0.1 {
			stars = true
		}
	}
	nw := 0
	for _, r := range a.Rows {
		nw = max(nw, len([]rune(r)))
	}
	ws := make([]int, len(headers))
	for c := range headers {
		ws[c] = len(headers[c])
		for _, v := range cols[c] {
			ws[c] = max(ws[c], len(v))
		}
	}
	var b strings.Builder
	for _, h := range a.Heading {
		b.WriteString(h + "\n")
	}
	b.WriteString(strings.Repeat(" ", nw))
	for c, h := range headers {
		b.WriteString(" " + padLeft(h, ws[c]))
	}
	if stars {
		b.WriteString("    ")
	}
	b.WriteString("\n")
	for i, r := range a.Rows {
		if a.comparison {
			b.WriteString(padLeft(r, nw))
		} else {
			b.WriteString(padRight(r, nw))
		}
		for c := range headers {
			b.WriteString(" " + padLeft(cols[c][i], ws[c]))
		}
		if stars {
			s := ""
			if !math.IsNaN(a.P[i]) {
				s = rfmt.Stars(a.P[i])
			}
			b.WriteString(" " + padRight(s, 3))
		}
		b.WriteString("\n")
	}
	if stars {
		b.WriteString("---\n" + rfmt.Legend(false) + "\n")
	}
	if a.Warning != "" {
		b.WriteString("Warning: " + a.Warning + "\n")
	}
	return display.Text("anova", finish(o, b.String()))
}

// glmTest checks the test of a GLM analysis of deviance: "" (none),
// "Chisq" (or its synonym "LRT", as in R) or "F".
func glmTest(op, test string) (string, error) {
	switch test {
	case "", "Chisq", "F":
		return test, nil
	case "LRT":
		return "Chisq", nil
	}
	return "", fmt.Errorf("%s: test must be \"\", \"Chisq\" (or \"LRT\") or \"F\", not %q", op, test)
}

// nestedRows fills the rows of a comparison of nested models (R's anova
// of several fits): each model's residual df and RSS (or deviance) and,
// from the second model on, the df and the sum of squares (deviance)
// dropped against the model before, with the F value and p-value that test
// gives for them.
func (a *AnovaTable) nestedRows(resDf []int, rss []float64, test func(df, drop float64) (f, p float64)) {
	for i := range resDf {
		a.Rows = append(a.Rows, fmt.Sprint(i+1))
		a.ResDf = append(a.ResDf, float64(resDf[i]))
		a.RSS = append(a.RSS, rss[i])
		if i == 0 {
			a.Df = append(a.Df, math.NaN())
			a.SumSq = append(a.SumSq, math.NaN())
			a.F = append(a.F, math.NaN())
			a.P = append(a.P, math.NaN())
			continue
		}
		d := float64(resDf[i-1] - resDf[i])
		drop := rss[i-1] - rss[i]
		a.Df = append(a.Df, d)
		a.SumSq = append(a.SumSq, drop)
		f, p := test(d, drop)
		a.F = append(a.F, f)
		a.P = append(a.P, p)
	}
}
