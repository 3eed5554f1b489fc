package models

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// GLMFit is a fitted generalized linear model. Vectors indexed by
// coefficient follow Names; aliased coefficients are NaN.
type GLMFit struct {
	// Formula and the R-style Call shown in the summary.
	Formula, Call string
	// Family is the error distribution and link.
	Family Family
	// Names are the coefficient names (R's).
	Names []string
	// Coef are the maximum-likelihood estimates; StdErr are
	// sqrt(φ·diag((X'WX)^{-1})) with the IRLS weights W of the last
	// iteration (as R); ZValue = Coef/StdErr (labelled t when the
	// dispersion φ is estimated); PValue from the normal (or t with
	// DFResidual degrees of freedom when φ is estimated).
	Coef, StdErr, ZValue, PValue []float64
	// Aliased marks non-estimable coefficients; Rank counts the others.
	Aliased []bool
	Rank    int
	// NObs observations were used; NDropped rows had missing values.
	NObs, NDropped int
	// Rows is the data-frame row (0-based) of each observation used, after
	// rows with missing values were dropped (nil for the matrix interface).
	Rows []int
	// Deviance and NullDeviance (intercept-only model) with their degrees
	// of freedom.
	Deviance, NullDeviance float64
	DFResidual, DFNull     int
	// Dispersion φ: 1 for binomial and Poisson, otherwise the Pearson
	// estimate Σ w_i r_i² / DFResidual with working weights and residuals.
	Dispersion float64
	// Iterations of Fisher scoring (IRLS); Converged reports R's criterion
	// |dev - dev_old| / (|dev| + 0.1) < 1e-8 within 25 iterations.
	Iterations int
	Converged  bool
	// Warnings as R gives them (non-convergence, fitted probabilities
	// numerically 0 or 1, …).
	Warnings []string
	// Fitted are the means μ_i; LinearPredictor η_i = x_i'b; Y the response.
	Fitted, LinearPredictor, Y []float64
	// WorkingWeights are the IRLS weights of the last iteration.
	WorkingWeights []float64
	// YName is the response's name.
	YName string

	aic    float64
	offset []float64
	opts   GLMOptions
	covU   [][]float64
	prior  []float64
	d      *design
	fit    lsFit
}

// GLMOptions tune GLMWithOptions (zero values: R's defaults).
type GLMOptions struct {
	// Epsilon is the relative deviance-change tolerance (default 1e-8).
	Epsilon float64
	// MaxIter caps the Fisher-scoring iterations (default 25).
	MaxIter int
	// Weights are prior case weights >= 0, one per frame row (nil: all 1;
	// a NaN weight drops its row as a missing value, as R). For
	// binomial they are the numbers of trials behind proportion responses.
	Weights []float64
	// Offset is a known term added to the linear predictor, one per frame
	// row (nil: none), as R's glm(offset = …); e.g. log(exposure) in a
	// Poisson rate model. offset(expr) terms in the formula are added to
	// it, as R sums them. Unlike formula offsets it is not re-evaluated on
	// new data by Predict (R re-evaluates the offset argument's expression
	// there; a numeric vector here cannot be).
	Offset []float64
	// Start are starting coefficients, one per model-matrix column in the
	// order of the fit's Names, as R's glm(start = …): IRLS starts from
	// η = Xb + offset instead of the family's starting means. Give them
	// when R's default start fails ("no valid set of coefficients"), e.g.
	// for a binomial log link.
	Start []float64

	noNull bool      // internal: skip the null-deviance refit (profiles, the null fit itself)
	start  []float64 // internal: starting coefficients (warm start) instead of R's mustart
}

// GLM fits a generalized linear model by iteratively reweighted least
// squares (Fisher scoring), as R's glm(formula, family, data = f):
//
//	m, err := models.GLM("am ~ wt + hp", mtcars, models.Binomial("logit"))
//
// Starting values, the convergence rule (relative deviance change below
// 1e-8, at most 25 iterations), the standard errors (from the weights of
// the last iteration), the dispersion, deviances and AIC follow R's glm.fit
// and summary.glm. R's warnings are reproduced: "algorithm did not
// converge" and, for binomial fits, "fitted probabilities numerically 0 or
// 1 occurred" (a sign of perfect separation).
func GLM(formula string, f *frame.Frame, family Family) (*GLMFit, error) {
	return GLMWithOptions(formula, f, family, nil)
}

// GLMWithOptions is GLM with a convergence tolerance, iteration limit,
// prior weights and an offset.
//
// Formulas may hold offset(expr) terms: known parts of the linear
// predictor, as in R's glm(y ~ x + offset(log(exposure)), poisson); they
// are summed with opt.Offset, appear in LinearPredictor and Fitted, are
// used by the null deviance (refitted with the offset, as R), and are
// evaluated on the new data by Predict. A numeric opt.Offset vector
// belongs to the training rows and is not part of predictions on new data
// (put the offset in the formula to have it there).
//
// A binomial response may be cbind(successes, failures), as in R:
//
//	m, err := models.GLM("cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp", esoph, models.Binomial("logit"))
//
// y is then the proportion s/(s+f) (0 when s+f = 0) with prior weights
// (s+f)·opt.Weights; IRLS starts from R's μ = (n·y + 0.5)/(n + 1) with n
// = s+f, and deviance, AIC (R's binomial aic with m = s+f) and df are R's.
func GLMWithOptions(formula string, f *frame.Frame, family Family, opt *GLMOptions) (m *GLMFit, err error) {
	defer recoverErr("models.GLM", &err)
	if err := family.check(); err != nil {
		return nil, fmt.Errorf("models.GLM: %v", err)
	}
	var drop []bool
	if opt != nil && opt.Weights != nil {
		if f != nil && len(opt.Weights) != f.NRows() {
			return nil, fmt.Errorf("models.GLM: %d weights for %d rows; give one weight per row", len(opt.Weights), f.NRows())
		}
		if drop, err = checkCaseWeights("models.GLM", opt.Weights); err != nil {
			return nil, err
		}
	}
	d, err := buildModelDesign(formula, f, true, designAllow{cbind: true, offset: true, drop: drop})
	if err != nil {
		return nil, err
	}
	o := GLMOptions{}
	if opt != nil {
		o = *opt
	}
	if o.Start != nil {
		if len(o.Start) != len(d.names) {
			return nil, fmt.Errorf("models.GLM: %d starting values for %d coefficients; give one per coefficient (%s)", len(o.Start), len(d.names), strings.Join(d.names, ", "))
		}
		for j, v := range o.Start {
			if v-v != 0 {
				return nil, fmt.Errorf("models.GLM: starting value %d (%s) is %v; starting values must be finite", j+1, d.names[j], v)
			}
		}
		o.start = o.Start
	}
	var prior []float64
	if o.Weights != nil {
		if len(o.Weights) != f.NRows() {
			return nil, fmt.Errorf("models.GLM: %d weights for %d rows", len(o.Weights), f.NRows())
		}
		prior = make([]float64, d.n)
		for i, r := range d.rows {
			prior[i] = o.Weights[r]
		}
	}
	var warnings []string
	if d.trials != nil {
		if family.Name != "binomial" {
			return nil, fmt.Errorf("models.GLM: a %s response is for the binomial family, not %s; for counts use a single column", d.yName, family.Name)
		}
		// R's binomial()$initialize: prior weights × trials
		if prior == nil {
			prior = make([]float64, d.n)
			for i := range prior {
				prior[i] = 1
			}
		}
		nonInt := false
		for i, n := range d.trials {
			prior[i] *= n
			s := d.y[i] * n
			nonInt = nonInt || math.Abs(s-math.Round(s)) > 0.001 || math.Abs(n-s-math.Round(n-s)) > 0.001
		}
		if nonInt {
			warnings = append(warnings, "non-integer counts in a binomial glm!")
		}
	}
	if err := family.checkY(d.y, d.rows); err != nil {
		return nil, fmt.Errorf("models.GLM: %v", err)
	}
	switch {
	case family.Name == "binomial" && d.trials == nil:
		// R's binomial()$initialize: successes m·y must be whole numbers
		for i, y := range d.y {
			s := y * weightAt(prior, i)
			if math.Abs(s-math.RoundToEven(s)) > 0.001 {
				warnings = append(warnings, "non-integer #successes in a binomial glm!")
				break
			}
		}
	case family.Name == "poisson":
		var bad []string
		for i, y := range d.y {
			if weightAt(prior, i) != 0 && nonInteger(y) {
				bad = append(bad, fmt.Sprintf("%f", y))
			}
		}
		if len(bad) > 0 {
			more := ""
			if len(bad) > 3 {
				more = fmt.Sprintf(" and %d more", len(bad)-3)
				bad = bad[:3]
			}
			warnings = append(warnings, fmt.Sprintf("dpois(y, mu, log = TRUE): non-integer x = %s%s, so the AIC is Inf, as in R (a Poisson likelihood needs whole counts)", strings.Join(bad, ", "), more))
		}
	}
	if o.Offset != nil {
		if len(o.Offset) != f.NRows() {
			return nil, fmt.Errorf("models.GLM: %d offsets for %d rows", len(o.Offset), f.NRows())
		}
		off := make([]float64, d.n)
		for i, r := range d.rows {
			off[i] = o.Offset[r]
			if off[i]-off[i] != 0 {
				return nil, fmt.Errorf("models.GLM: offset %d is %v", r+1, off[i])
			}
		}
		o.Offset = off
	}
	if d.offset != nil {
		// offset() terms add to the Offset argument, as R sums them
		if o.Offset == nil {
			o.Offset = d.offset
		} else {
			for i, v := range d.offset {
				o.Offset[i] += v
			}
		}
	}
	extraIter := 0
	if d.trials != nil && opt != nil && opt.Weights != nil && o.start == nil {
		// R starts IRLS from μ = (n·y + 0.5)/(n + 1) with n the trials, not
		// the prior weights: take R's first step here and start from it.
		o.start = binomialTrialsStep(d, family, prior, o.Offset)
		extraIter = 1
	}
	m, err = fitGLM(d, family, prior, o)
	if err != nil {
		return nil, err
	}
	m.Iterations += extraIter
	m.Warnings = append(warnings, m.Warnings...)
	if d.trials != nil && opt != nil && opt.Weights != nil {
		m.aic = binomialTrialsAIC(m.Y, m.Fitted, prior, d.trials) + 2*float64(m.Rank)
	}
	m.Formula = formula
	fam := family.Name
	if family.Name == "binomial" && family.Link != "logit" || family.Name == "poisson" && family.Link != "log" ||
		family.Name == "gaussian" && family.Link != "identity" || family.Name == "Gamma" && family.Link != "inverse" {
		fam = fmt.Sprintf("%s(link = %q)", family.Name, family.Link)
	}
	m.Call = fmt.Sprintf("glm(formula = %s, family = %s)", deparseFormula(d.pf, formula), fam)
	if opt != nil && opt.Weights != nil {
		m.Call = strings.TrimSuffix(m.Call, ")") + ", weights = w)" // as lm's call for WLS
	}
	return m, nil
}

// binomialTrialsStep is the first IRLS step of R's glm.fit for a
// cbind(s, f) response: from μ₀ = (n·y + 0.5)/(n + 1) (n the trials), the
// weighted least-squares fit of z = η₀ − offset + (y − μ₀)/μ'(η₀) with
// weights prior·μ'(η₀)²/V(μ₀). Aliased coefficients start at 0.
func binomialTrialsStep(d *design, fam Family, prior, off []float64) []float64 {
	z := make([]float64, d.n)
	ww := make([]float64, d.n)
	for i := range z {
		mu0 := (d.trials[i]*d.y[i] + 0.5) / (d.trials[i] + 1)
		eta := fam.linkfun(mu0)
		mu := fam.linkinv(eta)
		me := fam.muEta(eta)
		o := 0.0
		if off != nil {
			o = off[i]
		}
		if prior[i] > 0 && me != 0 {
			z[i] = eta - o + (d.y[i]-mu)/me
			ww[i] = prior[i] * me * me / fam.variance(mu)
		}
	}
	fit := solveLS(lsProblem{n: d.n, p: len(d.cols), cols: d.cols, y: z, w: ww})
	start := make([]float64, len(fit.coef))
	for j, c := range fit.coef {
		if !fit.aliased[j] {
			start[j] = c
		}
	}
	return start
}

// binomialTrialsAIC is R's binomial()$aic for a cbind(s, f) response with
// prior weights wt (user weights × trials) and trials n:
// -2 Σ (wt_i/m_i)·log dbinom(round(m_i y_i), round(m_i), μ_i) with m = n
// when any n > 1, else m = wt. (Without user weights wt = n and this is the
// family's usual AIC.)
func binomialTrialsAIC(y, mu, wt, n []float64) float64 {
	m := wt
	for _, v := range n {
		if v > 1 {
			m = n
			break
		}
	}
	s := 0.0
	for i := range y {
		if m[i] <= 0 {
			continue
		}
		size := math.Round(m[i])
		k := math.Round(m[i] * y[i])
		ll := lchoose(size, k)
		if k > 0 {
			ll += k * math.Log(mu[i])
		}
		if size-k > 0 {
			ll += (size - k) * math.Log1p(-mu[i])
		}
		s += wt[i] / m[i] * ll
	}
	return -2 * s
}

// GLMMatrix fits a GLM on the columns of X as given (include a column of
// ones for an intercept).
func GLMMatrix(X *mat.Dense, y []float64, names []string, family Family) (*GLMFit, error) {
	if err := family.check(); err != nil {
		return nil, fmt.Errorf("models.GLMMatrix: %v", err)
	}
	if X == nil {
		return nil, fmt.Errorf("models.GLMMatrix: X is nil")
	}
	n, p := X.Dims()
	if len(y) != n {
		return nil, fmt.Errorf("models.GLMMatrix: y has %d values, X has %d rows", len(y), n)
	}
	if names == nil {
		for j := 0; j < p; j++ {
			names = append(names, fmt.Sprintf("x%d", j+1))
		}
	}
	if len(names) != p {
		return nil, fmt.Errorf("models.GLMMatrix: %d names for %d columns", len(names), p)
	}
	for i, v := range y {
		if v-v != 0 {
			return nil, fmt.Errorf("models.GLMMatrix: y[%d] is %v; remove rows with missing values first", i+1, v)
		}
	}
	if err := family.checkY(y, nil); err != nil {
		return nil, fmt.Errorf("models.GLMMatrix: %v", err)
	}
	d := &design{n: n, names: names, y: y, yName: "y"}
	for j := 0; j < p; j++ {
		c := mat.Col(nil, j, X)
		for i, v := range c {
			if v-v != 0 {
				return nil, fmt.Errorf("models.GLMMatrix: X[%d, %s] is %v; remove rows with missing values first", i+1, names[j], v)
			}
		}
		d.cols = append(d.cols, c)
		isOne := true
		for _, v := range c {
			if v != 1 {
				isOne = false
			}
		}
		if isOne && !d.intercept {
			d.intercept = true
			d.assign = append(d.assign, -1)
		} else {
			d.assign = append(d.assign, len(d.terms))
			d.terms = append(d.terms, names[j])
		}
	}
	m, err := fitGLM(d, family, nil, GLMOptions{})
	if err != nil {
		return nil, err
	}
	m.Call = fmt.Sprintf("models.GLMMatrix(X, y, family = %s)", family.Name)
	return m, nil
}

// AIC returns R's AIC for the fit: family AIC + 2·Rank.
func (m *GLMFit) AIC() float64 { return m.aic }

// logLikDF is the number of parameters counted by logLik: Rank, plus one
// for the dispersion of gaussian, Gamma and inverse.gaussian families.
func (m *GLMFit) logLikDF() int {
	if m.Family.fixedDispersion {
		return m.Rank
	}
	return m.Rank + 1
}

// LogLik returns R's logLik.glm: df - AIC/2 with df = Rank (+1 when the
// dispersion is estimated).
func (m *GLMFit) LogLik() float64 { return float64(m.logLikDF()) - m.aic/2 }

// BIC returns -2·logLik + log(n)·df.
//
// n is the number of rows used including those with prior weight 0, as
// R's BIC takes it from logLik.glm (sum(!is.na(residuals))), although
// nobs() and NObs leave zero-weight rows out.
func (m *GLMFit) BIC() float64 {
	return -2*m.LogLik() + math.Log(float64(len(m.Y)))*float64(m.logLikDF())
}

// DevianceResiduals returns sign(y - μ)·sqrt(d_i) (R's residuals(type = "deviance")).
func (m *GLMFit) DevianceResiduals() []float64 {
	out := make([]float64, len(m.Y))
	for i, y := range m.Y {
		d := m.Family.devResid(y, m.Fitted[i], weightAt(m.prior, i))
		out[i] = math.Copysign(math.Sqrt(math.Max(d, 0)), y-m.Fitted[i])
	}
	return out
}

// PearsonResiduals returns (y - μ)·sqrt(w)/sqrt(V(μ)).
func (m *GLMFit) PearsonResiduals() []float64 {
	out := make([]float64, len(m.Y))
	for i, y := range m.Y {
		out[i] = (y - m.Fitted[i]) * math.Sqrt(weightAt(m.prior, i)) / math.Sqrt(m.Family.variance(m.Fitted[i]))
	}
	return out
}

// Vcov returns φ·(X'WX)^{-1}.
func (m *GLMFit) Vcov() *mat.Dense {
	p := len(m.Coef)
	v := mat.NewDense(p, p, nil)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			v.Set(i, j, m.Dispersion*m.covU[i][j])
		}
	}
	return v
}

// ConfInt returns Wald confidence intervals b ± z_{(1+level)/2}·SE (R's
// confint.default: the normal quantile, also when the dispersion is
// estimated). R's confint(glm) is the profile interval: ConfIntProfile.
func (m *GLMFit) ConfInt(level float64) *CoefIntervals {
	level = percentLevel(level)
	if !(level > 0 && level < 1) {
		level = 0.95
	}
	q := qNorm((1 + level) / 2)
	ci := &CoefIntervals{Names: m.Names, Level: level, Estimate: m.Coef}
	for j := range m.Coef {
		ci.Lower = append(ci.Lower, m.Coef[j]-q*m.StdErr[j])
		ci.Upper = append(ci.Upper, m.Coef[j]+q*m.StdErr[j])
	}
	return ci
}

// ExpCoef returns exp(b) with Wald intervals exp(b ± z·SE): odds ratios for
// a logit link, rate ratios for a log link (R: exp(cbind(coef(m),
// confint.default(m)))).
func (m *GLMFit) ExpCoef(level float64) *CoefIntervals {
	ci := m.ConfInt(level)
	out := &CoefIntervals{Names: m.Names, Level: ci.Level, Exp: true}
	for j := range m.Coef {
		out.Estimate = append(out.Estimate, math.Exp(m.Coef[j]))
		out.Lower = append(out.Lower, math.Exp(ci.Lower[j]))
		out.Upper = append(out.Upper, math.Exp(ci.Upper[j]))
	}
	return out
}

// OddsRatios is ExpCoef for logistic models (an error for other links):
// Wald intervals, as exp(confint.default(m)); for profile-likelihood
// intervals exponentiate ConfIntProfile (R's exp(confint(m))).
func (m *GLMFit) OddsRatios(level float64) (*CoefIntervals, error) {
	if m.Family.Link != "logit" {
		return nil, fmt.Errorf("models: odds ratios need a logit link; this model uses %s (use ExpCoef for exp(coefficients))", m.Family.Link)
	}
	return m.ExpCoef(level), nil
}

// RateRatios is ExpCoef for log-link models (Poisson rate ratios).
func (m *GLMFit) RateRatios(level float64) (*CoefIntervals, error) {
	if m.Family.Link != "log" {
		return nil, fmt.Errorf("models: rate ratios need a log link; this model uses %s (use ExpCoef for exp(coefficients))", m.Family.Link)
	}
	return m.ExpCoef(level), nil
}

// String returns the summary at display.Plain.
func (m *GLMFit) String() string { return m.Display(display.Plain).Text }

// Display shows the fit like R 4.2's summary.glm.
func (m *GLMFit) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil *models.GLMFit>\n")
	}
	o = o.Normalized()
	var b strings.Builder
	b.WriteString("\nCall:\n" + m.Call + "\n\n")
	b.WriteString(residualBlock("Deviance Residuals", m.DevianceResiduals(), m.DFResidual, m.d.labels, m.Rows, o.Width, 2))
	b.WriteString("\n")
	if na := len(m.Coef) - m.Rank; na > 0 {
		fmt.Fprintf(&b, "Coefficients: (%d not defined because of singularities)\n", na)
	} else {
		b.WriteString("Coefficients:\n")
	}
	stat, pn := "z value", "Pr(>|z|)"
	if !m.Family.fixedDispersion {
		stat, pn = "t value", "Pr(>|t|)"
	}
	b.WriteString(coefTable(m.Names, m.Coef, m.StdErr, m.ZValue, m.PValue, stat, pn, true))
	b.WriteString("\n")
	if m.Family.fixedDispersion {
		fmt.Fprintf(&b, "(Dispersion parameter for %s family taken to be 1)\n\n", m.Family.Name)
	} else {
		fmt.Fprintf(&b, "(Dispersion parameter for %s family taken to be %s)\n\n", m.Family.Name, rfmt.Num(m.Dispersion, 7))
	}
	devs := rfmt.Format([]float64{m.NullDeviance, m.Deviance}, 5)
	dfs := rfmt.Format([]float64{float64(m.DFNull), float64(m.DFResidual)}, 7)
	fmt.Fprintf(&b, "    Null deviance: %s  on %s  degrees of freedom\n", devs[0], dfs[0])
	fmt.Fprintf(&b, "Residual deviance: %s  on %s  degrees of freedom\n", devs[1], dfs[1])
	if m.NDropped > 0 {
		s := "s"
		if m.NDropped == 1 {
			s = ""
		}
		fmt.Fprintf(&b, "  (%d observation%s deleted due to missingness)\n", m.NDropped, s)
	}
	fmt.Fprintf(&b, "AIC: %s\n\n", rfmt.Num(m.aic, 5))
	fmt.Fprintf(&b, "Number of Fisher Scoring iterations: %d\n", m.Iterations)
	for _, w := range m.Warnings {
		b.WriteString("\nWarning: " + w + "\n")
	}
	if r := m.reading(); r != "" {
		b.WriteString("\n" + wrapText(r, o.Width))
	}
	return display.Text("glm", finish(o, b.String()))
}

// reading interprets the coefficients in plain language (odds ratios for
// logit, rate ratios for log links).
func (m *GLMFit) reading() string {
	var kind string
	switch m.Family.Link {
	case "logit":
		kind = "odds"
	case "log":
		kind = "expected " + m.YName
		if m.Family.Name == "poisson" {
			kind = "expected count"
		}
	default:
		return ""
	}
	var b strings.Builder
	b.WriteString("Reading:\n")
	if !m.Converged {
		b.WriteString("  Caution: the fit did not converge; the numbers below are not final\n  (raise GLMOptions.MaxIter or simplify the model).\n")
	}
	for _, w := range m.Warnings {
		if strings.Contains(w, "numerically 0 or 1") {
			b.WriteString("  Caution: some fitted probabilities are 0 or 1 (perfect or quasi-complete\n  separation?): the estimates diverge and their Wald p-values mean little;\n  use ConfIntProfile, a likelihood-ratio test (Drop1(\"LRT\")) or a penalized fit.\n")
			break
		}
	}
	k := 0
	for j, name := range m.Names {
		if name == "(Intercept)" || m.Aliased[j] {
			continue
		}
		if k == 6 {
			b.WriteString("  …\n")
			break
		}
		k++
		r := math.Exp(m.Coef[j])
		sig := significance(m.PValue[j])
		if t, ok := m.d.basisTerm(j); ok {
			fmt.Fprintf(&b, "  - %s: coefficient %s (log %s scale) of one column of %s; the columns act together, so read the fitted curve (Predict over a grid) and test the term as a whole (Drop1) (p%s, %s).\n",
				name, rfmt.Num(m.Coef[j], 4), strings.TrimPrefix(kind, "expected "), t, pTight(m.PValue[j]), sig)
			continue
		}
		per := "each unit increase in " + name
		if fac, deg, ok := m.d.polyColumn(j); ok {
			fmt.Fprintf(&b, "  - %s: %s trend of the log %s across the ordered levels of %s (polynomial contrast), coefficient %s (p%s, %s).\n",
				name, polyTrend(deg), kind, fac, rfmt.Num(m.Coef[j], 4), pTight(m.PValue[j]), sig)
			continue
		}
		if key, coding, ok := m.d.factorColumn(j); ok {
			lv := m.d.levels[key]
			switch coding {
			case "treatment":
				per = name + " (vs the baseline " + lv[0] + ")"
			case "SAS":
				per = name + " (vs the baseline " + lv[len(lv)-1] + ")"
			default: // full indicators, sum or Helmert contrasts: no baseline
				how := map[string]string{"full": "full indicator", "sum": "sum-contrast", "helmert": "Helmert-contrast"}[coding]
				fmt.Fprintf(&b, "  - %s: coefficient %s on the log %s scale (%s coding of %s, no baseline level) (p%s, %s).\n",
					name, rfmt.Num(m.Coef[j], 4), strings.TrimPrefix(kind, "expected "), how, m.d.factorLabel(j), pTight(m.PValue[j]), sig)
				continue
			}
		}
		fmt.Fprintf(&b, "  - %s multiplies the %s by %s (p%s, %s).\n", per, kind, rfmt.Num(r, 4), pTight(m.PValue[j]), sig)
	}
	if k == 0 {
		return ""
	}
	return b.String()
}

// ConfIntProfile returns profile-likelihood confidence intervals (R's
// confint for glm, from MASS): for each coefficient, the values b at which
// the signed root of the scaled deviance increase, sqrt((D(b) - D̂)/φ), equals
// the normal quantile z_{(1+level)/2}, where D(b) is the deviance with the
// coefficient fixed at b and the others refitted. The roots are found
// exactly (MASS interpolates a spline through a grid of profile points, so
// R's values agree to about 4 significant digits).
func (m *GLMFit) ConfIntProfile(level float64) (ci *CoefIntervals, err error) {
	defer recoverErr("models.ConfIntProfile", &err)
	level = percentLevel(level)
	if !(level > 0 && level < 1) {
		level = 0.95
	}
	if m.d == nil {
		return nil, fmt.Errorf("models.ConfIntProfile: the model has no design")
	}
	z := qNorm((1 + level) / 2)
	q := z * z
	n := m.d.n
	ci = &CoefIntervals{Names: m.Names, Level: level, Estimate: m.Coef}
	// devAt refits the other coefficients with coefficient j fixed at b,
	// starting from start; it returns the deviance and the fitted others.
	devAt := func(j int, b float64, start []float64) (float64, []float64, error) {
		off := make([]float64, n)
		for i := range off {
			if m.offset != nil {
				off[i] = m.offset[i]
			}
			off[i] += b * m.d.cols[j][i]
		}
		dj := &design{n: n, y: m.d.y}
		for k, c := range m.d.cols {
			if k == j || m.Aliased[k] {
				continue
			}
			dj.cols = append(dj.cols, c)
			dj.names = append(dj.names, m.Names[k])
			if m.Names[k] == "(Intercept)" {
				dj.intercept = true
				dj.assign = append(dj.assign, -1)
			} else {
				dj.assign = append(dj.assign, 0)
			}
		}
		if len(dj.cols) == 0 {
			s := 0.0
			for i, y := range m.Y {
				s += m.Family.devResid(y, m.Family.linkinv(off[i]), weightAt(m.prior, i))
			}
			return s, nil, nil
		}
		f, err := fitGLM(dj, m.Family, m.prior, GLMOptions{Epsilon: 1e-12, MaxIter: 200, Offset: off, noNull: true, start: start})
		if err != nil {
			return math.NaN(), nil, err
		}
		if !f.Converged {
			return math.NaN(), nil, fmt.Errorf("profile fit did not converge")
		}
		for k, c := range f.Coef {
			if math.IsNaN(c) {
				f.Coef[k] = 0
			}
		}
		return f.Deviance, f.Coef, nil
	}
	for j := range m.Coef {
		if m.Aliased[j] {
			ci.Lower = append(ci.Lower, math.NaN())
			ci.Upper = append(ci.Upper, math.NaN())
			continue
		}
		mle := make([]float64, 0, len(m.Coef))
		for k, c := range m.Coef {
			if k != j && !m.Aliased[k] {
				mle = append(mle, c)
			}
		}
		g := func(d float64) float64 { return (d-m.Deviance)/m.Dispersion - q }
		var bounds [2]float64
		for side, sgn := range []float64{-1, 1} {
			// march out from the estimate in steps of SE/4, each refit
			// starting from the previous one (as MASS's profile does), until
			// the signed root passes z
			prevB, prevG, prevStart := m.Coef[j], -q, mle
			step := m.StdErr[j] / 4
			found := false
			var hiB, hiG float64
			for k := 0; k < 400 && !found; k++ {
				b := prevB + sgn*step
				d, coef, err := devAt(j, b, prevStart)
				gb := g(d)
				if err != nil || math.IsNaN(gb) || gb-prevG > 4*q+10 {
					// a failed or jumping refit: shorten the step
					step /= 2
					if step < m.StdErr[j]*1e-6 {
						break
					}
					continue
				}
				if gb >= 0 {
					hiB, hiG, found = b, gb, true
					break
				}
				prevB, prevG, prevStart = b, gb, coef
			}
			if !found {
				bounds[side] = math.Inf(int(sgn))
				continue
			}
			// Illinois (modified regula falsi) on [prevB, hiB]
			lo, glo, hi, ghi := prevB, prevG, hiB, hiG
			for it := 0; it < 100; it++ {
				x := hi - ghi*(hi-lo)/(ghi-glo)
				if !(x > math.Min(lo, hi) && x < math.Max(lo, hi)) {
					x = (lo + hi) / 2
				}
				d, _, err := devAt(j, x, prevStart)
				gx := g(d)
				if err != nil || math.IsNaN(gx) {
					x = (lo + hi) / 2
					d, _, err = devAt(j, x, prevStart)
					gx = g(d)
					if err != nil || math.IsNaN(gx) {
						break
					}
				}
				if gx < 0 {
					lo, glo = x, gx
					ghi /= 2
				} else {
					hi, ghi = x, gx
					glo /= 2
				}
				if math.Abs(hi-lo) <= 1e-12*math.Max(1, math.Abs(x)) || gx == 0 {
					break
				}
			}
			bounds[side] = (lo + hi) / 2
		}
		ci.Lower = append(ci.Lower, bounds[0])
		ci.Upper = append(ci.Upper, bounds[1])
	}
	return ci, nil
}

// Hat returns the leverages of the fit, the diagonal of
// W^{1/2}X(X'WX)^{-1}X'W^{1/2} with the working weights W of the last IRLS
// iteration (R's hatvalues for glm). Rows with prior weight 0 (for
// example a cbind(s, f) row with s + f = 0), which R's influence measures
// leave out, are NaN here and in CooksDistance and StandardizedResiduals,
// so that the slices stay aligned with Fitted and Rows.
func (m *GLMFit) Hat() []float64 {
	n := len(m.Y)
	h := make([]float64, n)
	var kept []int
	for j, a := range m.Aliased {
		if !a {
			kept = append(kept, j)
		}
	}
	x := make([]float64, len(kept))
	for i := 0; i < n; i++ {
		for a, j := range kept {
			x[a] = m.d.cols[j][i]
		}
		v := 0.0
		for a, j := range kept {
			for b, k := range kept {
				v += x[a] * m.covU[j][k] * x[b]
			}
		}
		h[i] = v * m.WorkingWeights[i]
		if m.prior != nil && m.prior[i] == 0 {
			h[i] = math.NaN()
		}
	}
	return h
}

// CooksDistance returns Cook's distances (r_P,i/(1-h_ii))² · h_ii/(φ·p) with
// Pearson residuals r_P, leverages h and p = Rank (R's cooks.distance for
// glm).
func (m *GLMFit) CooksDistance() []float64 {
	h := m.Hat()
	rp := m.PearsonResiduals()
	out := make([]float64, len(h))
	for i := range h {
		t := rp[i] / (1 - h[i])
		out[i] = t * t * h[i] / (m.Dispersion * float64(m.Rank))
	}
	return out
}

// StandardizedResiduals returns standardized deviance residuals
// r_D,i / sqrt(φ(1 - h_ii)) (R's rstandard for glm).
func (m *GLMFit) StandardizedResiduals() []float64 {
	h := m.Hat()
	rd := m.DevianceResiduals()
	out := make([]float64, len(h))
	for i := range h {
		out[i] = rd[i] / math.Sqrt(m.Dispersion*(1-h[i]))
	}
	return out
}
