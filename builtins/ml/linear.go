package ml

import (
	"fmt"
	"strings"

	"github.com/gostat/gostat/builtins/internal/cd"
	inum "github.com/gostat/gostat/builtins/internal/num"
	"github.com/gostat/gostat/builtins/models"
	"github.com/gostat/gostat/display"
	fl "gonum.org/v1/gonum/floats" // "floats" is a test helper of this package
	"gonum.org/v1/gonum/mat"
)

// linearFit is the fitted state shared by the linear regressors.
type linearFit struct {
	Coef      []float64 `json:"coef"`
	Intercept float64   `json:"intercept"`
	NIter     int       `json:"n_iter,omitempty"`
}

// centre returns the columns of X and y, each minus its mean when icpt
// (unchanged otherwise), and the means (zero without intercept). The
// columns share one column-major backing array.
func centre(X *mat.Dense, y []float64, icpt bool) (cols [][]float64, yc, xm []float64, ym float64) {
	n, p := X.Dims()
	flat := make([]float64, n*p)
	cols = make([][]float64, p)
	for j := range cols {
		cols[j] = flat[j*n : (j+1)*n]
	}
	for i := 0; i < n; i++ {
		for j, v := range X.RawRowView(i) {
			cols[j][i] = v
		}
	}
	yc = append([]float64(nil), y...)
	xm = make([]float64, p)
	if icpt {
		for j, c := range cols {
			xm[j] = fl.Sum(c) / float64(n)
			fl.AddConst(-xm[j], c)
		}
		ym = fl.Sum(yc) / float64(n)
		fl.AddConst(-ym, yc)
	}
	return
}

// linear is what the linear regressors share: the fitted state and the
// methods that read it.
type linear struct {
	base
	fit linearFit
}

func (m *linear) isClassifier() bool { return false }
func (m *linear) allowNaN() bool     { return false }

// PredictX returns b₀ + Xb.
func (m *linear) PredictX(X *mat.Dense) ([]float64, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	out := make([]float64, n)
	for i := range out {
		out[i] = m.fit.Intercept + dot(m.fit.Coef, X.RawRowView(i))
	}
	return out, nil
}

// Coef returns the fitted coefficients.
func (m *linear) Coef() []float64 { return append([]float64(nil), m.fit.Coef...) }

// Intercept returns the fitted intercept.
func (m *linear) Intercept() float64 { return m.fit.Intercept }

// set stores coefficients fitted to centred data, with b₀ = ȳ − x̄ᵀb.
func (m *linear) set(coef, xm []float64, ym float64, n, iters int) {
	m.fit = linearFit{Coef: coef, Intercept: ym - dot(coef, xm), NIter: iters}
	m.NTrain, m.Fitted = n, true
}

func (m *linear) display(o display.Options, title string) display.Bundle {
	if !m.Fitted {
		return display.Text("model", title+" (not fitted)")
	}
	t := &textTable{title: fmt.Sprintf("%s, n = %d", title, m.NTrain)}
	t.header = []string{"term", "coef"}
	t.add("(Intercept)", numDigits(m.fit.Intercept, 7))
	for j, c := range m.fit.Coef {
		t.add(m.featureName(j), numDigits(c, 7))
	}
	return t.bundle("model", o)
}

// LinearRegression is ordinary least squares, min ‖y − b₀ − Xb‖², solved
// on the centred predictors by the regression package's solver
// (models.OLSMatrix: Householder QR with column pivoting and iterative
// refinement). Collinear predictors are an error naming the aliased
// columns, where scikit-learn returns its minimum-norm solution. For
// inference — standard errors, tests, formulas — use models.OLS.
type LinearRegression struct {
	// NoIntercept leaves out the intercept.
	NoIntercept bool
	linear
}

// NewLinearRegression returns ordinary least squares with an intercept.
func NewLinearRegression() *LinearRegression { return &LinearRegression{} }

// Params returns the hyperparameters.
func (m *LinearRegression) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *LinearRegression) SetParams(p Params) error { return setParams(m, p) }

// FitXY fits the coefficients.
func (m *LinearRegression) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	if n < p+1 {
		return fmt.Errorf("ml: LinearRegression needs more rows (%d) than coefficients (%d)", n, p+1)
	}
	cols, yc, xm, ym := centre(X, y, !m.NoIntercept)
	// The regression package's solver (Householder QR with column
	// pivoting and iterative refinement, R's rank rule) on the centred
	// columns; the intercept is recovered from the means.
	names := make([]string, p)
	for j := range names {
		names[j] = m.featureName(j)
	}
	fit, err := models.OLSMatrix(mat.DenseCopyOf(mat.NewDense(p, n, cols[0][:n*p]).T()), yc, names)
	if err != nil {
		return fmt.Errorf("ml: LinearRegression: %v", err)
	}
	if fit.Rank < p {
		var aliased []string
		for j, a := range fit.Aliased {
			if a {
				aliased = append(aliased, fit.Names[j])
			}
		}
		return fmt.Errorf("ml: LinearRegression: predictors are collinear: %s %s a linear combination of the others (rank %d of %d); drop %s or use Ridge",
			strings.Join(aliased, ", "), map[bool]string{true: "is", false: "are"}[len(aliased) == 1], fit.Rank, p, map[bool]string{true: "it", false: "them"}[len(aliased) == 1])
	}
	m.set(fit.Coef, xm, ym, n, 0)
	return nil
}

// Display shows the coefficients.
func (m *LinearRegression) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil LinearRegression>")
	}
	return m.display(o, "Linear regression (least squares)")
}

// String returns the plain-text display (display.Plain).
func (m *LinearRegression) String() string { return m.Display(display.Plain).Text }

// Ridge is L2-penalised least squares with sklearn's objective
//
//	min ‖y − b₀ − Xb‖² + Alpha‖b‖²
//
// (intercept unpenalised), solved in closed form (XcᵀXc + αI) b = Xcᵀyc on
// the centred data by Cholesky, scikit-learn's solver for dense X. Scale
// the predictors first (a StandardScaler step in a Pipeline): the penalty
// depends on their units.
type Ridge struct {
	// Alpha is the penalty weight (sklearn default 1; 0 means 1).
	Alpha float64
	// NoIntercept leaves out the intercept.
	NoIntercept bool
	linear
}

// NewRidge returns a ridge regression with Alpha = 1.
func NewRidge() *Ridge { return &Ridge{Alpha: 1} }

// Params returns the hyperparameters.
func (m *Ridge) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *Ridge) SetParams(p Params) error { return setParams(m, p) }

// FitXY fits the coefficients.
func (m *Ridge) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	a := m.Alpha
	if a == 0 {
		a = 1
	}
	if a < 0 {
		return fmt.Errorf("ml: Ridge.Alpha must be positive, got %v", m.Alpha)
	}
	cols, yc, xm, ym := centre(X, y, !m.NoIntercept)
	// [Xc yc]ᵀ[Xc yc] in one blocked pass: XcᵀXc and, in its last column, Xcᵀyc.
	q := p + 1
	g := make([]float64, q*q)
	inum.WeightedGramAdd(g, append(cols, yc), nil, 0, n)
	G := mat.NewSymDense(p, nil)
	xty := make([]float64, p)
	for j := 0; j < p; j++ {
		for k := j; k < p; k++ {
			G.SetSym(j, k, g[j*q+k])
		}
		G.SetSym(j, j, G.At(j, j)+a)
		xty[j] = g[j*q+p]
	}
	var ch mat.Cholesky
	if !ch.Factorize(G) {
		return errSingular
	}
	b := mat.NewVecDense(p, nil)
	if err := ch.SolveVecTo(b, mat.NewVecDense(p, xty)); err != nil {
		return err
	}
	m.set(b.RawVector().Data, xm, ym, n, 0)
	return nil
}

// Display shows the coefficients.
func (m *Ridge) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil Ridge>")
	}
	a := m.Alpha
	if a == 0 {
		a = 1
	}
	return m.display(o, "Ridge regression (alpha = "+num(a)+")")
}

// String returns the plain-text display (display.Plain).
func (m *Ridge) String() string { return m.Display(display.Plain).Text }

// ElasticNet is least squares with a mixed L1/L2 penalty, sklearn's
// objective
//
//	min 1/(2n)‖y − b₀ − Xb‖² + Alpha·L1Ratio‖b‖₁ + ½Alpha(1 − L1Ratio)‖b‖²
//
// (glmnet's objective with λ = Alpha, α = L1Ratio) on the raw columns, the
// intercept by centring X and y. It is solved by the shared coordinate-
// descent core (builtins/internal/cd) with covariance updates on the Gram
// matrix of the centred data, until a pass changes no coefficient by more
// than Tol·(1 + max|b|) (a coefficient-change rule, not scikit-learn's
// duality-gap test; the default Tol = 1e-12 converges far beyond sklearn's
// default tol = 1e-4).
// L1Ratio = 1 is the lasso (see Lasso). Reference: Friedman, Hastie &
// Tibshirani (2010), Regularization paths for GLMs via coordinate descent,
// J. Stat. Softw. 33(1).
type ElasticNet struct {
	// Alpha is the overall penalty weight (default 1 when 0).
	Alpha float64
	// L1Ratio is the share of the L1 penalty, in [0, 1] (default 0.5 when 0).
	L1Ratio float64
	// NoIntercept leaves out the intercept.
	NoIntercept bool
	// MaxIter bounds the coordinate sweeps (default 100000 when 0).
	MaxIter int
	// Tol is the convergence tolerance (default 1e-12 when 0).
	Tol float64
	linear
}

// NewElasticNet returns an elastic net with Alpha = 1, L1Ratio = 0.5.
func NewElasticNet() *ElasticNet { return &ElasticNet{Alpha: 1, L1Ratio: 0.5} }

// Params returns the hyperparameters.
func (m *ElasticNet) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *ElasticNet) SetParams(p Params) error { return setParams(m, p) }

// FitXY fits the coefficients.
func (m *ElasticNet) FitXY(X *mat.Dense, y []float64) error {
	r := m.L1Ratio
	if r == 0 {
		r = 0.5
	}
	return m.fitEnet(X, y, m.Alpha, r, !m.NoIntercept, m.MaxIter, m.Tol)
}

func (m *linear) fitEnet(X *mat.Dense, y []float64, alpha, l1 float64, icpt bool, maxIter int, tol float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	if alpha == 0 {
		alpha = 1
	}
	if alpha < 0 || l1 < 0 || l1 > 1 {
		return fmt.Errorf("ml: need Alpha > 0 and L1Ratio in [0, 1], got %v and %v", alpha, l1)
	}
	if maxIter <= 0 {
		maxIter = 100000
	}
	if tol <= 0 {
		tol = 1e-12
	}
	cols, yc, xm, ym := centre(X, y, icpt)
	w := make([]float64, p)
	ctx := ctxOf()
	it, _ := cd.NewCovariance(cols, nil, yc, w).Solve(alpha, l1,
		cd.Control{Tol: tol, Rule: cd.CoefChange, MaxPasses: maxIter, Stop: func() bool { return ctx.Err() != nil }})
	if err := ctx.Err(); err != nil {
		return err
	}
	m.set(w, xm, ym, n, it)
	return nil
}

// Display shows the coefficients.
func (m *ElasticNet) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil ElasticNet>")
	}
	return m.display(o, fmt.Sprintf("Elastic net (alpha = %s, l1 ratio = %s)", num(m.Alpha), num(m.L1Ratio)))
}

// String returns the plain-text display (display.Plain).
func (m *ElasticNet) String() string { return m.Display(display.Plain).Text }

// Lasso is L1-penalised least squares with sklearn's objective
//
//	min 1/(2n)‖y − b₀ − Xb‖² + Alpha‖b‖₁
//
// solved by coordinate descent as ElasticNet with L1Ratio = 1. Scale the
// predictors first: the penalty depends on their units.
type Lasso struct {
	// Alpha is the penalty weight (default 1 when 0).
	Alpha float64
	// NoIntercept leaves out the intercept.
	NoIntercept bool
	// MaxIter bounds the coordinate sweeps (default 100000 when 0).
	MaxIter int
	// Tol is the convergence tolerance (default 1e-12 when 0).
	Tol float64
	linear
}

// NewLasso returns a lasso with Alpha = 1.
func NewLasso() *Lasso { return &Lasso{Alpha: 1} }

// Params returns the hyperparameters.
func (m *Lasso) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *Lasso) SetParams(p Params) error { return setParams(m, p) }

// FitXY fits the coefficients.
func (m *Lasso) FitXY(X *mat.Dense, y []float64) error {
	return m.fitEnet(X, y, m.Alpha, 1, !m.NoIntercept, m.MaxIter, m.Tol)
}

// Display shows the coefficients.
func (m *Lasso) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil Lasso>")
	}
	a := m.Alpha
	if a == 0 {
		a = 1
	}
	return m.display(o, "Lasso (alpha = "+num(a)+")")
}

// String returns the plain-text display (display.Plain).
func (m *Lasso) String() string { return m.Display(display.Plain).Text }
