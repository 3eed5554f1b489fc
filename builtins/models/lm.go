// Package models fits regression models with R's conventions and R-grade
// summaries: linear models (OLS, WLS) from formulas or matrices, generalized
// linear models (GLM) by IRLS, ridge/lasso/elastic-net paths by coordinate
// descent, and nonlinear least squares (NLS) by Levenberg–Marquardt.
//
// Formulas follow R: "mpg ~ wt + factor(cyl)", interactions a:b, a*b,
// (a+b)^2 and nesting a/b, I(x^2), log(x) and other transforms, poly(x, d)
// (orthogonal, or raw = TRUE), splines bs(x, df) and ns(x, df) (R's
// splines package, knots reused by predictions), scale(x), "- 1" or "+ 0"
// for no intercept, "." for all
// other columns; term and coefficient names are R's. String and bool
// columns are categorical (treatment coding, first level as baseline, level
// order from the frame, unused levels dropped); factor(x) or C(x) makes a
// numeric column categorical, factor(x, levels = c(…)) or relevel(x, ref =
// "b") sets the baseline, C(x, sum) (or helmert, SAS, poly, treatment,
// contr.*) sets the contrasts, unclass(x) gives a factor's level codes,
// comparisons and logical operators (wt > 3, cyl == 4 & am == 1,
// Species == "setosa", !vs) give FALSE/TRUE factors as in R. Ordered
// factors (frame.AsOrdered, ordered(x), factor(x, ordered = TRUE)) get R's
// polynomial contrasts (x.L, x.Q, x.C, x^4, …). offset(expr) adds a
// known term to the linear predictor (OLS, WLS, GLM), and a binomial GLM
// takes a cbind(successes, failures) response. Rows with a missing value
// in a used variable are dropped and counted, as R's na.omit.
//
// Linear models are solved by Householder QR on power-of-two scaled columns
// (blocked TSQR across cores for tall data), never by normal equations;
// small or ill-conditioned problems are re-solved in double-double
// arithmetic, which reaches the float64 accuracy ceiling on every NIST StRD
// linear regression set, including Filip (degree-10 polynomial, all terms
// kept) and the Wampler polynomials (1, 2 and 5 tested; exact-integer data,
// ceiling 15 digits).
package models

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"

	"github.com/gostat/gostat/builtins/frame"
	"gonum.org/v1/gonum/mat"
)

// LM is a fitted linear model (ordinary or weighted least squares). Vectors
// indexed by coefficient follow Names; aliased coefficients (linearly
// dependent on earlier columns) are NaN, as R's NA.
type LM struct {
	// Formula is the model formula ("" for the matrix interface).
	Formula string
	// Call is the R-style call shown in the summary, e.g. "lm(formula = mpg ~ wt, data = mtcars)".
	Call string
	// Names are the coefficient names (R's, e.g. "(Intercept)", "wt", "factor(cyl)6").
	Names []string
	// Coef are the estimates b = argmin Σ w_i (y_i - x_i'b)².
	Coef []float64
	// StdErr are sqrt(σ² diag((X'WX)^{-1})).
	StdErr []float64
	// TValue = Coef/StdErr; PValue = P(|T_df| >= |t|).
	TValue, PValue []float64
	// Aliased marks coefficients not estimable (dropped for collinearity).
	Aliased []bool
	// Rank is the number of estimable coefficients.
	Rank int
	// NObs is the number of observations used; NDropped the rows dropped
	// because of missing values.
	NObs, NDropped int
	// Rows is the data-frame row (0-based) of each observation used, in
	// order, after rows with missing values were dropped: observation i is
	// frame row Rows[i] (shown 1-based, as R's row names). Nil for the
	// matrix interface (OLSMatrix, WLSMatrix), where observation i is row i.
	Rows []int
	// DFResidual = NObs - Rank.
	DFResidual int
	// Sigma is the residual standard error sqrt(RSS/DFResidual).
	Sigma float64
	// RSS is the (weighted) residual sum of squares.
	RSS float64
	// RSquared = 1 - RSS/TSS (TSS about the weighted mean with an intercept,
	// about zero without); AdjRSquared = 1 - (1-R²)(n-i)/DFResidual, i = 1
	// with an intercept, else 0.
	RSquared, AdjRSquared float64
	// FStatistic tests all non-intercept coefficients: ((TSS-RSS)/(Rank-i)) / (RSS/DFResidual).
	FStatistic, FDFNum, FDFDen, FPValue float64
	// Fitted are x_i'b, Residuals y_i - x_i'b (unweighted), Y the response.
	Fitted, Residuals, Y []float64
	// Weights are the case weights (nil for OLS).
	Weights []float64
	// Warnings are R's summary.lm warnings ("essentially perfect fit:
	// summary may be unreliable").
	Warnings []string
	// Intercept reports whether the model has an intercept.
	Intercept bool
	// Precise reports that the solution was computed in double-double
	// arithmetic (small or ill-conditioned problems).
	Precise bool
	// CondNumber is an estimate of the 2-norm condition number of the
	// column-scaled design matrix (large values mean near-collinearity).
	CondNumber float64
	// YName is the response's name.
	YName string

	fit    lsFit
	d      *design
	covU   [][]float64 // (X'WX)^{-1}, p×p with NaN rows/cols for aliased
	X      [][]float64 // design columns
	terms  []string
	assign []int
}

// OLS fits the linear model given by formula to the frame f by ordinary
// least squares, as R's lm(formula, data = f). Rows with missing values in
// used variables are dropped (the count is reported in the summary).
//
// Example:
//
//	m, err := models.OLS("mpg ~ wt + factor(cyl)", mtcars)
//	fmt.Println(m)
func OLS(formula string, f *frame.Frame) (*LM, error) {
	return fitLMFormula(formula, f, nil, nil)
}

// WLS fits formula by weighted least squares with case weights w (one per
// frame row, w >= 0), minimising Σ w_i (y_i - x_i'b)², as R's
// lm(formula, data, weights = w). Rows with weight 0 are kept in the fit
// but do not count as observations, as in R; a NaN (NA) weight drops its
// row with the rows missing a variable (counted in NDropped), as R.
func WLS(formula string, f *frame.Frame, w []float64) (*LM, error) {
	if f == nil {
		return nil, fmt.Errorf("models.WLS: the data frame is nil")
	}
	if len(w) != f.NRows() {
		return nil, fmt.Errorf("models.WLS: %d weights for %d rows; give one weight per row", len(w), f.NRows())
	}
	drop, err := checkCaseWeights("models.WLS", w)
	if err != nil {
		return nil, err
	}
	return fitLMFormula(formula, f, w, drop)
}

// checkCaseWeights refuses negative or infinite case weights and marks NaN
// (NA) weights: R's model.frame drops those rows with the other missing
// values, and so do the fits.
func checkCaseWeights(op string, w []float64) (drop []bool, err error) {
	for i, v := range w {
		if v < 0 || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s: weight %d is %v; weights must be finite and >= 0 (NaN marks a missing weight: that row is dropped)", op, i+1, v)
		}
		if v != v {
			if drop == nil {
				drop = make([]bool, len(w))
			}
			drop[i] = true
		}
	}
	return drop, nil
}

func fitLMFormula(formula string, f *frame.Frame, w []float64, drop []bool) (m *LM, err error) {
	defer recoverErr("models.OLS", &err)
	d, err := buildModelDesign(formula, f, true, designAllow{offset: true, drop: drop})
	if err != nil {
		return nil, err
	}
	if lv, ok := d.levels["\x00response"]; ok {
		shown := strings.Join(lv, ", ")
		if len(lv) > 6 {
			shown = fmt.Sprintf("%s, … (%d levels)", strings.Join(lv[:5], ", "), len(lv))
		}
		return nil, fmt.Errorf("models.OLS: the response %s is categorical (levels %s); a linear model needs a numeric response — for a two-level outcome use models.GLM(formula, f, models.Binomial(\"logit\"))", d.yName, shown)
	}
	var ww []float64
	if w != nil {
		ww = make([]float64, d.n)
		pos := 0
		for i, r := range d.rows {
			ww[i] = w[r]
			if ww[i] > 0 {
				pos++
			}
		}
		if pos == 0 {
			return nil, fmt.Errorf("models.WLS: every weight of the %d rows used is 0, so no observation is left to fit; give some rows a positive weight", d.n)
		}
	}
	shown := deparseFormula(d.pf, formula)
	call := fmt.Sprintf("lm(formula = %s)", shown)
	if w != nil {
		call = fmt.Sprintf("lm(formula = %s, weights = w)", shown)
	}
	m, err = fitLM(d, ww, call)
	if err != nil {
		return nil, err
	}
	m.Formula = formula
	return m, nil
}

// recoverErr turns a panic inside a builtin into an error.
func recoverErr(op string, err *error) {
	if r := recover(); r != nil {
		if e, ok := r.(error); ok {
			if re, ok := e.(runtime.Error); ok && strings.Contains(re.Error(), "nil pointer dereference") && strings.Count(op, ".") == 2 {
				// A method of a nil fit: the call that made it failed.
				*err = fmt.Errorf("%s: %w (is the model nil? a fit that fails returns nil and its error: check err)", op, e)
				return
			}
			*err = fmt.Errorf("%s: %w", op, e)
			return
		}
		*err = fmt.Errorf("%s: %v", op, r)
	}
}

// OLSMatrix fits y = Xb by least squares on the columns of X exactly as
// given (add a column of ones for an intercept; a constant column is
// recognised as an intercept for R² and the F test). names label the
// columns (nil gives x1, x2, …).
func OLSMatrix(X *mat.Dense, y []float64, names []string) (*LM, error) {
	if X == nil {
		return nil, fmt.Errorf("models.OLSMatrix: X is nil")
	}
	n, p := X.Dims()
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = mat.Col(nil, j, X)
	}
	return olsCols(cols, y, names, n, "OLSMatrix")
}

// OLSRows is OLSMatrix for data given as rows ([][]float64, one slice per
// observation).
func OLSRows(X [][]float64, y []float64, names []string) (*LM, error) {
	n := len(X)
	if n == 0 {
		return nil, fmt.Errorf("models.OLSRows: X has no rows")
	}
	p := len(X[0])
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = make([]float64, n)
	}
	for i, r := range X {
		if len(r) != p {
			return nil, fmt.Errorf("models.OLSRows: row %d has %d values, row 1 has %d", i+1, len(r), p)
		}
		for j, v := range r {
			cols[j][i] = v
		}
	}
	return olsCols(cols, y, names, n, "OLSRows")
}

func olsCols(cols [][]float64, y []float64, names []string, n int, op string) (*LM, error) {
	p := len(cols)
	if len(y) != n {
		return nil, fmt.Errorf("models.%s: y has %d values but X has %d rows", op, len(y), n)
	}
	if names == nil {
		for j := 0; j < p; j++ {
			names = append(names, fmt.Sprintf("x%d", j+1))
		}
	}
	if len(names) != p {
		return nil, fmt.Errorf("models.%s: %d names for %d columns", op, len(names), p)
	}
	for j, c := range cols {
		for i, v := range c {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("models.%s: X[%d, %s] is %v; remove rows with missing values first", op, i+1, names[j], v)
			}
		}
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("models.%s: y[%d] is %v; remove rows with missing values first", op, i+1, v)
		}
	}
	d := &design{n: n, cols: cols, names: names, y: y, yName: "y"}
	for j, c := range cols {
		isOne := true
		for _, v := range c {
			if v != 1 {
				isOne = false
				break
			}
		}
		if isOne && !d.intercept {
			d.intercept = true
			d.assign = append(d.assign, -1)
			continue
		}
		d.assign = append(d.assign, len(d.terms))
		d.terms = append(d.terms, names[j])
	}
	return fitLM(d, nil, fmt.Sprintf("models.%s(X, y)", op))
}

// fitLM fits the design by (weighted) least squares. With offsets
// (formula offset() terms) it fits y - offset, as R's lm.fit, and adds the
// offset back to the fitted values; the ANOVA is that of y - offset (R's
// effects). R² and the F statistic follow R 4.2.2's summary.lm, which
// takes the model sum of squares from the fitted values including the
// offset: mss = Σ w (f - f̄_w)² (Σ w f² without intercept) and
// R² = mss/(mss + rss). (Later R releases subtract the offset first, which
// gives the R² of y - offset — not checked here; gostat follows R 4.2.2,
// the release its references come from.)
func fitLM(d *design, w []float64, call string) (*LM, error) {
	n, p := d.n, len(d.cols)
	y := d.y
	if d.offset != nil {
		y = make([]float64, n)
		for i, v := range d.y {
			y[i] = v - d.offset[i]
		}
	}
	pr := lsProblem{n: n, p: p, cols: d.cols, lo: d.lo, y: y, w: w}
	fit := solveLS(pr)
	if d.offset != nil {
		fitted := make([]float64, n)
		for i, v := range fit.fitted {
			fitted[i] = v + d.offset[i]
		}
		fit.fitted = fitted
	}
	m := &LM{Call: call, Names: d.names, Coef: fit.coef, Aliased: fit.aliased, Rank: fit.rank,
		NDropped: d.nDropped, Rows: d.rows, Fitted: fit.fitted, Residuals: fit.resid, Y: d.y, Weights: w,
		Intercept: d.intercept, Precise: fit.precise, CondNumber: fit.cond, YName: d.yName,
		fit: fit, d: d, X: d.cols, terms: d.terms, assign: d.assign}
	nobs := n
	if w != nil {
		nobs = 0
		for _, v := range w {
			if v > 0 {
				nobs++
			}
		}
	}
	m.NObs = nobs
	m.DFResidual = nobs - fit.rank
	m.RSS = fit.rss
	df := float64(m.DFResidual)
	m.Sigma = math.Sqrt(fit.rss / df)
	if m.DFResidual <= 0 {
		m.Sigma = math.NaN()
	}
	// covariance (unscaled)
	m.covU = fit.unscaledCov(p)
	m.StdErr = make([]float64, p)
	m.TValue = make([]float64, p)
	m.PValue = make([]float64, p)
	for j := 0; j < p; j++ {
		if fit.aliased[j] {
			m.StdErr[j], m.TValue[j], m.PValue[j] = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		m.StdErr[j] = m.Sigma * math.Sqrt(m.covU[j][j])
		m.TValue[j] = m.Coef[j] / m.StdErr[j]
		m.PValue[j] = pT2(m.TValue[j], df)
	}
	// total sum of squares in double-double
	tssDD := weightedTSS(y, w, d.intercept)
	mssDD := tssDD.sub(dd{fit.rss, fit.rssLo})
	if d.offset != nil {
		// R 4.2.2's summary.lm: mss from the fitted values including the
		// offset, Σ w (f - f̄_w)² (Σ w f² without intercept), and
		// R² = mss/(mss + rss)
		mssDD = weightedTSS(fit.fitted, w, d.intercept)
		if !d.intercept {
			mssDD = dd{}
			for i, f := range fit.fitted {
				wi := 1.0
				if w != nil {
					wi = w[i]
				}
				mssDD = mssDD.add(ddFrom(f).mul(ddFrom(f)).mulF(wi))
			}
		}
		tssDD = mssDD.add(dd{fit.rss, fit.rssLo})
	}
	m.RSquared = mssDD.div(tssDD).hi
	dfInt := 0
	if d.intercept {
		dfInt = 1
	}
	m.AdjRSquared = 1 - (1-m.RSquared)*float64(nobs-dfInt)/df
	m.FDFNum = float64(fit.rank - dfInt)
	m.FDFDen = df
	if m.FDFNum > 0 {
		m.FStatistic = (mssDD.hi / m.FDFNum) / (fit.rss / df)
		m.FPValue = pFUpper(m.FStatistic, m.FDFNum, df)
	} else {
		m.FStatistic, m.FPValue = math.NaN(), math.NaN()
	}
	if fit.rss == 0 && m.FDFNum > 0 {
		m.FStatistic, m.FPValue = math.Inf(1), 0
	}
	if tssDD.hi == 0 && m.FDFNum > 0 {
		// a constant response: R's F is 0/0
		m.FStatistic, m.FPValue = math.NaN(), math.NaN()
	} else if mssDD.hi < 0 && m.FDFNum > 0 {
		// mss = tss - rss below 0 is rounding: the fit explains nothing
		m.FStatistic, m.FPValue = 0, 1
	}
	if m.DFResidual <= 0 {
		m.FStatistic, m.FPValue, m.AdjRSquared = math.NaN(), math.NaN(), math.NaN()
	}
	if m.DFResidual > 0 && perfectFit(fit.rss/df, fit.fitted) {
		m.Warnings = append(m.Warnings, "essentially perfect fit: summary may be unreliable")
	}
	return m, nil
}

// perfectFit is R's summary.lm test for an essentially perfect fit:
// resvar < (mean(f)² + var(f))·1e-30, f the fitted values.
func perfectFit(resvar float64, f []float64) bool {
	n := float64(len(f))
	if n < 2 {
		return false
	}
	mean := 0.0
	for _, v := range f {
		mean += v
	}
	mean /= n
	ss := 0.0
	for _, v := range f {
		ss += (v - mean) * (v - mean)
	}
	return resvar < (mean*mean+ss/(n-1))*1e-30
}

// weightedTSS returns Σ w (y - ȳ_w)² (or Σ w y² without an intercept) in
// double-double precision.
func weightedTSS(y, w []float64, intercept bool) dd {
	if len(y) > 200000 {
		return ddFrom(fastTSS(y, w, intercept))
	}
	sw, swy := dd{}, dd{}
	for i, v := range y {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		sw = sw.add(ddFrom(wi))
		swy = swy.add(ddFrom(v).mulF(wi))
	}
	mean := dd{}
	if intercept {
		mean = swy.div(sw)
	}
	s := dd{}
	for i, v := range y {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		r := ddFrom(v).sub(mean)
		s = s.add(r.mul(r).mulF(wi))
	}
	return s
}

// Coefficient returns the estimate of the coefficient called name (NaN and
// an error naming the closest coefficient if there is none).
func (m *LM) Coefficient(name string) (float64, error) {
	for i, n := range m.Names {
		if n == name {
			return m.Coef[i], nil
		}
	}
	msg := fmt.Sprintf("no coefficient %q", name)
	if c := frame.Closest(name, m.Names); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	} else {
		msg += " (coefficients: " + strings.Join(m.Names, ", ") + ")"
	}
	return math.NaN(), fmt.Errorf("%s", msg)
}

// LogLik returns the log-likelihood of the normal linear model, as R's
// logLik.lm: 0.5·(Σ log w_i - n·(log(2π) + 1 - log n + log Σ w_i r_i²)).
// Its degrees of freedom (for AIC/BIC) are Rank + 1: σ counts as a
// parameter (statsmodels' AIC/BIC are 2 and log(n) smaller).
func (m *LM) LogLik() float64 {
	n := float64(m.NObs)
	slw := 0.0
	if m.Weights != nil {
		for _, w := range m.Weights {
			if w > 0 {
				slw += math.Log(w)
			}
		}
	}
	return 0.5 * (slw - n*(math.Log(2*math.Pi)+1-math.Log(n)+math.Log(m.RSS)))
}

// AIC returns -2·logLik + 2·(Rank+1) (R's AIC for lm).
func (m *LM) AIC() float64 { return -2*m.LogLik() + 2*float64(m.Rank+1) }

// BIC returns -2·logLik + log(n)·(Rank+1) (R's BIC for lm).
func (m *LM) BIC() float64 {
	return -2*m.LogLik() + math.Log(float64(m.NObs))*float64(m.Rank+1)
}

// Vcov returns the estimated covariance matrix of the coefficients,
// σ²(X'WX)^{-1} (NaN rows and columns for aliased coefficients).
func (m *LM) Vcov() *mat.Dense {
	p := len(m.Coef)
	v := mat.NewDense(p, p, nil)
	s2 := m.Sigma * m.Sigma
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			v.Set(i, j, s2*m.covU[i][j])
		}
	}
	return v
}

// ConfInt returns confidence intervals b ± t_{df,(1+level)/2}·SE for every
// coefficient (R's confint.lm), as a table that displays itself.
func (m *LM) ConfInt(level float64) *CoefIntervals {
	level = percentLevel(level)
	if !(level > 0 && level < 1) {
		level = 0.95
	}
	q := qT((1+level)/2, float64(m.DFResidual))
	ci := &CoefIntervals{Names: m.Names, Level: level, Estimate: m.Coef}
	for j := range m.Coef {
		ci.Lower = append(ci.Lower, m.Coef[j]-q*m.StdErr[j])
		ci.Upper = append(ci.Upper, m.Coef[j]+q*m.StdErr[j])
	}
	return ci
}

// Hat returns the leverages h_ii, the diagonal of X(X'WX)^{-1}X'W. Rows
// with weight 0, which R's influence measures leave out (they are not
// observations), are NaN here and in CooksDistance, StandardizedResiduals
// and StudentizedResiduals, so the slices stay aligned with Fitted and Rows
// (as for GLMFit).
func (m *LM) Hat() []float64 {
	h := leverage(m.X, m.fit.kept, m.fit.rinv, m.Weights, m.d.n)
	for i, w := range m.Weights {
		if w == 0 {
			h[i] = math.NaN()
		}
	}
	return h
}

func leverage(cols [][]float64, kept []int, rinv [][]float64, w []float64, n int) []float64 {
	h := make([]float64, n)
	k := len(kept)
	parallelFor(n, func(lo, hi int) {
		z := make([]float64, k)
		for i := lo; i < hi; i++ {
			// z = R^{-T} x_i over kept columns: z_a = Σ_b rinv[b][a] x_b
			s := 0.0
			for a := 0; a < k; a++ {
				v := 0.0
				for b := 0; b <= a; b++ {
					v += rinv[b][a] * cols[kept[b]][i]
				}
				z[a] = v
				s += v * v
			}
			if w != nil {
				s *= w[i]
			}
			h[i] = s
		}
	})
	return h
}

// fastTSS is weightedTSS in float64 with per-chunk two-pass sums (large
// data, where the double-double loop would dominate the fit's time).
func fastTSS(y, w []float64, intercept bool) float64 {
	n := len(y)
	sums := make([][2]float64, 0)
	var mu sync.Mutex
	parallelFor(n, func(lo, hi int) {
		sw, swy := 0.0, 0.0
		for i := lo; i < hi; i++ {
			wi := 1.0
			if w != nil {
				wi = w[i]
			}
			sw += wi
			swy += wi * y[i]
		}
		mu.Lock()
		sums = append(sums, [2]float64{sw, swy})
		mu.Unlock()
	})
	sw, swy := 0.0, 0.0
	for _, s := range sums {
		sw += s[0]
		swy += s[1]
	}
	mean := 0.0
	if intercept {
		mean = swy / sw
	}
	var tot float64
	parallelFor(n, func(lo, hi int) {
		s := 0.0
		for i := lo; i < hi; i++ {
			wi := 1.0
			if w != nil {
				wi = w[i]
			}
			d := y[i] - mean
			s += wi * d * d
		}
		mu.Lock()
		tot += s
		mu.Unlock()
	})
	return tot
}

// MustOLS is OLS that panics with the error (at the prompt the panic is
// reported as an error and the session goes on); handy inside expressions
// such as models.CompareLM(models.MustOLS("y ~ x", d), …).
func MustOLS(formula string, f *frame.Frame) *LM {
	m, err := OLS(formula, f)
	if err != nil {
		panic(err)
	}
	return m
}
