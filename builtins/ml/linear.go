package ml

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// linearFit is the fitted state shared by the linear regressors.
type linearFit struct {
	Coef      []float64 `json:"coef"`
	Intercept float64   `json:"intercept"`
	NIter     int       `json:"n_iter,omitempty"`
}

// centered returns X and y centred by their column means (when icpt), the
// means, and the Gram matrix XᵀX and Xᵀy of the centred data.
func centered(X *mat.Dense, y []float64, icpt bool) (xm []float64, ym float64, G *mat.SymDense, xty []float64) {
	n, p := X.Dims()
	xm = make([]float64, p)
	if icpt {
		for i := 0; i < n; i++ {
			for j, v := range X.RawRowView(i) {
				xm[j] += v
			}
			ym += y[i]
		}
		for j := range xm {
			xm[j] /= float64(n)
		}
		ym /= float64(n)
	}
	Xc := mat.NewDense(n, p, nil)
	yc := make([]float64, n)
	for i := 0; i < n; i++ {
		r := Xc.RawRowView(i)
		for j, v := range X.RawRowView(i) {
			r[j] = v - xm[j]
		}
		yc[i] = y[i] - ym
	}
	G = mat.NewSymDense(p, nil)
	G.SymOuterK(1, Xc.T())
	v := mat.NewVecDense(p, nil)
	v.MulVec(Xc.T(), mat.NewVecDense(n, yc))
	xty = v.RawVector().Data
	return
}

func linearPredict(b *base, f *linearFit, X *mat.Dense) ([]float64, error) {
	if err := b.checkPredictX(X, false); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	out := make([]float64, n)
	for i := range out {
		out[i] = f.Intercept + dot(f.Coef, X.RawRowView(i))
	}
	return out, nil
}

func linearDisplay(o display.Options, title string, b *base, f *linearFit) display.Bundle {
	if !b.Fitted {
		return display.Text("model", title+" (not fitted)")
	}
	t := &textTable{title: fmt.Sprintf("%s, n = %d", title, b.NTrain)}
	t.header = []string{"term", "coef"}
	t.add("(Intercept)", numDigits(f.Intercept, 7))
	for j, c := range f.Coef {
		t.add(b.featureName(j), numDigits(c, 7))
	}
	return t.bundle("model", o)
}

// LinearRegression is ordinary least squares, min ‖y − b₀ − Xb‖², solved
// by a QR decomposition of the centred predictors (for inference —
// standard errors, tests, formulas — use models.OLS).
type LinearRegression struct {
	// NoIntercept leaves out the intercept.
	NoIntercept bool
	base
	fit linearFit
}

// NewLinearRegression returns ordinary least squares with an intercept.
func NewLinearRegression() *LinearRegression { return &LinearRegression{} }

func (m *LinearRegression) isClassifier() bool { return false }
func (m *LinearRegression) allowNaN() bool     { return false }

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
	icpt := !m.NoIntercept
	xm := make([]float64, p)
	ym := 0.0
	if icpt {
		for i := 0; i < n; i++ {
			for j, v := range X.RawRowView(i) {
				xm[j] += v / float64(n)
			}
			ym += y[i] / float64(n)
		}
	}
	Xc := mat.NewDense(n, p, nil)
	yc := mat.NewDense(n, 1, nil)
	for i := 0; i < n; i++ {
		r := Xc.RawRowView(i)
		for j, v := range X.RawRowView(i) {
			r[j] = v - xm[j]
		}
		yc.Set(i, 0, y[i]-ym)
	}
	var qr mat.QR
	qr.Factorize(Xc)
	var b mat.Dense
	if err := qr.SolveTo(&b, false, yc); err != nil {
		return fmt.Errorf("ml: LinearRegression: predictors are collinear (%v); drop a redundant column or use Ridge", err)
	}
	m.fit.Coef = mat.Col(nil, 0, &b)
	m.fit.Intercept = ym - dot(m.fit.Coef, xm)
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictX returns b₀ + Xb.
func (m *LinearRegression) PredictX(X *mat.Dense) ([]float64, error) {
	return linearPredict(&m.base, &m.fit, X)
}

// Coef returns the fitted coefficients.
func (m *LinearRegression) Coef() []float64 { return append([]float64(nil), m.fit.Coef...) }

// Intercept returns the fitted intercept.
func (m *LinearRegression) Intercept() float64 { return m.fit.Intercept }

// Display shows the coefficients.
func (m *LinearRegression) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil LinearRegression>")
	}
	return linearDisplay(o, "Linear regression (least squares)", &m.base, &m.fit)
}

// String returns the plain-text display (display.Plain).
func (m *LinearRegression) String() string { return m.Display(display.Plain).Text }

// Ridge is L2-penalised least squares with sklearn's objective
//
//	min ‖y − b₀ − Xb‖² + Alpha‖b‖²
//
// (intercept unpenalised), solved in closed form (XcᵀXc + αI) b = Xcᵀyc on
// the centred data. Scale the predictors first (a StandardScaler step in a
// Pipeline): the penalty depends on their units.
type Ridge struct {
	// Alpha is the penalty weight (sklearn default 1; 0 means 1).
	Alpha float64
	// NoIntercept leaves out the intercept.
	NoIntercept bool
	base
	fit linearFit
}

// NewRidge returns a ridge regression with Alpha = 1.
func NewRidge() *Ridge { return &Ridge{Alpha: 1} }

func (m *Ridge) isClassifier() bool { return false }
func (m *Ridge) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *Ridge) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *Ridge) SetParams(p Params) error { return setParams(m, p) }

// FitXY fits the coefficients.
func (m *Ridge) FitXY(X *mat.Dense, y []float64) error {
	_, p, err := m.checkXY(X, y, false)
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
	xm, ym, G, xty := centered(X, y, !m.NoIntercept)
	for j := 0; j < p; j++ {
		G.SetSym(j, j, G.At(j, j)+a)
	}
	var ch mat.Cholesky
	if !ch.Factorize(G) {
		return errSingular
	}
	b := mat.NewVecDense(p, nil)
	if err := ch.SolveVecTo(b, mat.NewVecDense(p, xty)); err != nil {
		return err
	}
	m.fit.Coef = append([]float64(nil), b.RawVector().Data...)
	m.fit.Intercept = ym - dot(m.fit.Coef, xm)
	m.NTrain, m.Fitted = len(y), true
	return nil
}

// PredictX returns b₀ + Xb.
func (m *Ridge) PredictX(X *mat.Dense) ([]float64, error) { return linearPredict(&m.base, &m.fit, X) }

// Coef returns the fitted coefficients.
func (m *Ridge) Coef() []float64 { return append([]float64(nil), m.fit.Coef...) }

// Intercept returns the fitted intercept.
func (m *Ridge) Intercept() float64 { return m.fit.Intercept }

// Display shows the coefficients.
func (m *Ridge) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil Ridge>")
	}
	a := m.Alpha
	if a == 0 {
		a = 1
	}
	return linearDisplay(o, "Ridge regression (alpha = "+num(a)+")", &m.base, &m.fit)
}

// String returns the plain-text display (display.Plain).
func (m *Ridge) String() string { return m.Display(display.Plain).Text }

// ElasticNet is least squares with a mixed L1/L2 penalty, sklearn's
// objective
//
//	min 1/(2n)‖y − b₀ − Xb‖² + Alpha·L1Ratio‖b‖₁ + ½Alpha(1 − L1Ratio)‖b‖²
//
// solved by cyclic coordinate descent on the Gram matrix of the centred
// data until the largest coefficient change is below Tol·(1 + max|b|).
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
	base
	fit linearFit
}

// NewElasticNet returns an elastic net with Alpha = 1, L1Ratio = 0.5.
func NewElasticNet() *ElasticNet { return &ElasticNet{Alpha: 1, L1Ratio: 0.5} }

func (m *ElasticNet) isClassifier() bool { return false }
func (m *ElasticNet) allowNaN() bool     { return false }

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
	return fitEnet(&m.base, &m.fit, X, y, m.Alpha, r, !m.NoIntercept, m.MaxIter, m.Tol)
}

func fitEnet(b *base, f *linearFit, X *mat.Dense, y []float64, alpha, l1 float64, icpt bool, maxIter int, tol float64) error {
	n, p, err := b.checkXY(X, y, false)
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
	xm, ym, G, xty := centered(X, y, icpt)
	nf := float64(n)
	w := make([]float64, p)
	l1p, l2p := alpha*l1, alpha*(1-l1)
	ctx := ctxOf()
	it := 0
	for it = 1; it <= maxIter; it++ {
		if it%1000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		md := 0.0
		for j := 0; j < p; j++ {
			gjj := G.At(j, j) / nf
			if gjj == 0 {
				continue
			}
			// rho = x_jᵀ r / n + g_jj w_j with r = y − Xw
			rho := xty[j]
			for k := 0; k < p; k++ {
				rho -= G.At(j, k) * w[k]
			}
			rho = rho/nf + gjj*w[j]
			nv := softThreshold(rho, l1p) / (gjj + l2p)
			if d := math.Abs(nv - w[j]); d > md {
				md = d
			}
			w[j] = nv
		}
		if md <= tol*(1+maxAbs(w)) {
			break
		}
	}
	f.Coef = w
	f.Intercept = ym - dot(w, xm)
	f.NIter = it
	b.NTrain, b.Fitted = n, true
	return nil
}

// PredictX returns b₀ + Xb.
func (m *ElasticNet) PredictX(X *mat.Dense) ([]float64, error) {
	return linearPredict(&m.base, &m.fit, X)
}

// Coef returns the fitted coefficients.
func (m *ElasticNet) Coef() []float64 { return append([]float64(nil), m.fit.Coef...) }

// Intercept returns the fitted intercept.
func (m *ElasticNet) Intercept() float64 { return m.fit.Intercept }

// Display shows the coefficients.
func (m *ElasticNet) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil ElasticNet>")
	}
	return linearDisplay(o, fmt.Sprintf("Elastic net (alpha = %s, l1 ratio = %s)", num(m.Alpha), num(m.L1Ratio)), &m.base, &m.fit)
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
	base
	fit linearFit
}

// NewLasso returns a lasso with Alpha = 1.
func NewLasso() *Lasso { return &Lasso{Alpha: 1} }

func (m *Lasso) isClassifier() bool { return false }
func (m *Lasso) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *Lasso) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *Lasso) SetParams(p Params) error { return setParams(m, p) }

// FitXY fits the coefficients.
func (m *Lasso) FitXY(X *mat.Dense, y []float64) error {
	return fitEnet(&m.base, &m.fit, X, y, m.Alpha, 1, !m.NoIntercept, m.MaxIter, m.Tol)
}

// PredictX returns b₀ + Xb.
func (m *Lasso) PredictX(X *mat.Dense) ([]float64, error) { return linearPredict(&m.base, &m.fit, X) }

// Coef returns the fitted coefficients.
func (m *Lasso) Coef() []float64 { return append([]float64(nil), m.fit.Coef...) }

// Intercept returns the fitted intercept.
func (m *Lasso) Intercept() float64 { return m.fit.Intercept }

// Display shows the coefficients.
func (m *Lasso) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil Lasso>")
	}
	a := m.Alpha
	if a == 0 {
		a = 1
	}
	return linearDisplay(o, "Lasso (alpha = "+num(a)+")", &m.base, &m.fit)
}

// String returns the plain-text display (display.Plain).
func (m *Lasso) String() string { return m.Display(display.Plain).Text }
