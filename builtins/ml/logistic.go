package ml

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// LogisticRegression is a (multinomial) logistic regression classifier with
// scikit-learn's objective and defaults:
//
//	minimise  C · Σ_i −log p(y_i | x_i)  +  penalty(W)
//
// where p(k | x) = exp(b_k + w_k·x) / Σ_l exp(b_l + w_l·x) (for two classes
// the usual logistic model with one coefficient vector), penalty is
// ½‖W‖² for "l2", ‖W‖₁ for "l1" and 0 for "none"; intercepts are never
// penalised. Two classes with "l2"/"none" are solved by Newton's method
// (fitBinary: on large data warm-started on nested 1/10 subsamples, then
// chord steps with the subsample's Hessian; see logistic_binary.go), more
// classes with "l2"/"none" by Newton's method on the multinomial objective
// with a backtracking line search. With p ≪ n the Hessian is cheap and
// Newton-type steps reach the step tolerance Tol where sklearn's lbfgs
// stops at a gradient tolerance of 1e-4; the optimum is the same. Cross-
// validation fits two-class folds in place (fitRows), without copying
// their rows. With Penalty "none" the
// result is the maximum-likelihood estimate (R's glm(family = binomial) for
// two classes).
// "l1" is solved by proximal Newton with coordinate descent (the
// glmnet/newGLMNET scheme); with more than two classes on the multinomial
// objective, as sklearn's saga solver (proxNewtonMultinomialL1).
//
// Reference: Hastie, Tibshirani & Friedman, The Elements of Statistical
// Learning, §4.4; Yuan, Ho & Lin (2012), An improved GLMNET for
// L1-regularized logistic regression, JMLR 13.
type LogisticRegression struct {
	// Penalty is "l2" (default when empty), "l1" or "none".
	Penalty string
	// C is the inverse regularisation strength (default 1 when 0); larger
	// means less shrinkage.
	C float64
	// NoIntercept leaves out the intercept (sklearn fit_intercept=False).
	NoIntercept bool
	// MaxIter bounds the Newton iterations (default 100 when 0).
	MaxIter int
	// Tol stops the iterations when the largest Newton step falls below
	// Tol·(1 + largest coefficient) (default 1e-8 when 0).
	Tol float64

	base
	fit logisticFit
}

type logisticFit struct {
	// Coef is K×p (K = 1 for two classes), row k the coefficients of class k
	// (of the second class when K = 1).
	Coef      [][]float64 `json:"coef"`
	Intercept []float64   `json:"intercept"`
	NIter     int         `json:"n_iter"`
	Converged bool        `json:"converged"`
	// L1Multinomial marks an L1 fit with several classes on the multinomial
	// objective. Model files written before that solver hold one-vs-rest
	// L1 fits (without the mark), whose probabilities are the normalised
	// sigmoids rather than the softmax.
	L1Multinomial bool `json:"l1_multinomial,omitempty"`
}

// NewLogisticRegression returns a logistic regression with sklearn's
// defaults: L2 penalty, C = 1.
func NewLogisticRegression() *LogisticRegression {
	return &LogisticRegression{Penalty: "l2", C: 1, MaxIter: 100, Tol: 1e-8}
}

func (m *LogisticRegression) isClassifier() bool { return true }
func (m *LogisticRegression) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *LogisticRegression) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *LogisticRegression) SetParams(p Params) error { return setParams(m, p) }

func (m *LogisticRegression) settings() (pen string, C float64, maxIter int, tol float64, err error) {
	pen = strings.ToLower(m.Penalty)
	if pen == "" {
		pen = "l2"
	}
	if pen != "l2" && pen != "l1" && pen != "none" {
		return "", 0, 0, 0, fmt.Errorf("ml: LogisticRegression.Penalty %q: use \"l2\", \"l1\" or \"none\"", m.Penalty)
	}
	C = m.C
	if C == 0 {
		C = 1
	}
	if C < 0 {
		return "", 0, 0, 0, fmt.Errorf("ml: LogisticRegression.C must be positive, got %v", m.C)
	}
	maxIter = m.MaxIter
	if maxIter <= 0 {
		maxIter = 100
	}
	tol = m.Tol
	if tol <= 0 {
		tol = 1e-8
	}
	return
}

// FitXY fits the model to the rows of X and class labels y.
func (m *LogisticRegression) FitXY(X *mat.Dense, y []float64) error {
	return m.fitRows(X, y, nil, false)
}

// fitRows fits the model to the rows of X listed in rows (nil: all rows),
// with y their class labels; the result is FitXY's on a copy of those rows,
// bit for bit (cross-validation folds are fitted without copying them).
// finite says that X and y are known to be finite.
func (m *LogisticRegression) fitRows(X *mat.Dense, y []float64, rows []int, finite bool) error {
	pen, C, maxIter, tol, err := m.settings()
	if err != nil {
		return err
	}
	var n, p int
	if rows == nil {
		n, p, err = m.checkTrain(X, y)
	} else {
		n, p, err = m.checkTrainRows(X, y, rows, finite)
	}
	if err != nil {
		return err
	}
	idx, yb, err := m.classesOf(y)
	if err != nil {
		return err
	}
	K := len(m.ClassValues)
	if rows != nil && (K != 2 || pen == "l1") {
		// the other solvers read a matrix
		return m.FitXY(rowsDense(X, rows), y)
	}
	m.fit = logisticFit{}
	ctx := cell.Context()
	lam := 1 / C
	if pen == "none" {
		lam = 0
	}
	icpt := !m.NoIntercept
	switch {
	case K == 2 && pen != "l1":
		d := binDataOf(X, yb)
		if rows != nil {
			d.rows, d.n = rows, len(rows)
		}
		beta, it, conv, err := fitBinary(ctx, d, lam, icpt, maxIter, tol)
		if err != nil {
			return err
		}
		m.fit.Coef = [][]float64{beta[:p]}
		m.fit.Intercept = []float64{beta[p]}
		m.fit.NIter, m.fit.Converged = it, conv
	case pen == "l1" && K > 2:
		W, it, conv, err := proxNewtonMultinomialL1(ctx, X, idx, K, lam, icpt, maxIter, tol)
		if err != nil {
			return err
		}
		for k := 0; k < K; k++ {
			m.fit.Coef = append(m.fit.Coef, W[k*(p+1):k*(p+1)+p])
			m.fit.Intercept = append(m.fit.Intercept, W[k*(p+1)+p])
		}
		m.fit.NIter, m.fit.Converged, m.fit.L1Multinomial = it, conv, true
	case pen == "l1":
		beta, it, conv, err := proxNewtonL1(ctx, X, yb, lam, icpt, maxIter, tol)
		if err != nil {
			return err
		}
		m.fit.Coef = [][]float64{beta[:p]}
		m.fit.Intercept = []float64{beta[p]}
		m.fit.NIter, m.fit.Converged = it, conv
	default:
		W, it, conv, err := newtonMultinomial(ctx, X, idx, K, lam, icpt, maxIter, tol)
		if err != nil {
			return err
		}
		for k := 0; k < K; k++ {
			m.fit.Coef = append(m.fit.Coef, W[k*(p+1):k*(p+1)+p])
			m.fit.Intercept = append(m.fit.Intercept, W[k*(p+1)+p])
		}
		m.fit.NIter, m.fit.Converged = it, conv
	}
	m.NTrain = n
	m.Fitted = true
	return nil
}

// Coef returns the coefficients: one row for two classes (log-odds of the
// second class), else one row per class.
func (m *LogisticRegression) Coef() *mat.Dense {
	if !m.Fitted {
		return nil
	}
	r, c := len(m.fit.Coef), len(m.fit.Coef[0])
	out := mat.NewDense(r, c, nil)
	for i := range m.fit.Coef {
		out.SetRow(i, m.fit.Coef[i])
	}
	return out
}

// Intercept returns the intercepts (one per row of Coef).
func (m *LogisticRegression) Intercept() []float64 { return append([]float64(nil), m.fit.Intercept...) }

// PredictProbaX returns the n×K matrix of class probabilities.
func (m *LogisticRegression) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredict(X); err != nil {
		return nil, err
	}
	return m.probaRows(X, nil), nil
}

// probaRows returns the class probabilities of the rows of X listed in
// rows (nil: all rows).
func (m *LogisticRegression) probaRows(X *mat.Dense, rows []int) *mat.Dense {
	n, _ := X.Dims()
	if rows != nil {
		n = len(rows)
	}
	K := len(m.ClassValues)
	P := mat.NewDense(n, K, nil)
	if len(m.fit.Coef) == 1 {
		binaryProba(P.RawMatrix().Data, X, rows, m.fit.Coef[0], m.fit.Intercept[0])
		return P
	}
	for i := 0; i < n; i++ {
		r := i
		if rows != nil {
			r = rows[i]
		}
		x := X.RawRowView(r)
		row := P.RawRowView(i)
		mx := math.Inf(-1)
		for k := range m.fit.Coef {
			row[k] = m.fit.Intercept[k] + dot(m.fit.Coef[k], x)
			if row[k] > mx {
				mx = row[k]
			}
		}
		s := 0.0
		for k := range row {
			if strings.ToLower(m.Penalty) == "l1" && !m.fit.L1Multinomial {
				row[k] = sigmoid(row[k]) // one-vs-rest: normalise the K sigmoids
			} else {
				row[k] = math.Exp(row[k] - mx)
			}
			s += row[k]
		}
		for k := range row {
			row[k] /= s
		}
	}
	return P
}

// binaryProba sets out[2i], out[2i+1] = 1 − q_i, q_i with
// q_i = σ(b + w·x_i) for the rows x_i of X listed in rows (nil: all),
// four rows at a time (each dot product summed in order, as dot does).
func binaryProba(out []float64, X *mat.Dense, rows []int, w []float64, b float64) {
	raw := X.RawMatrix()
	n, p := X.Dims()
	if rows != nil {
		n = len(rows)
	}
	st := raw.Stride
	row := func(i int) []float64 {
		r := i
		if rows != nil {
			r = rows[i]
		}
		return raw.Data[r*st : r*st+p]
	}
	i := 0
	for ; i+4 <= n; i += 4 {
		x0, x1, x2, x3 := row(i), row(i+1), row(i+2), row(i+3)
		x0, x1, x2, x3 = x0[:len(w)], x1[:len(w)], x2[:len(w)], x3[:len(w)]
		var s0, s1, s2, s3 float64
		for j, v := range w {
			s0 += v * x0[j]
			s1 += v * x1[j]
			s2 += v * x2[j]
			s3 += v * x3[j]
		}
		o := out[2*i : 2*i+8]
		q0, q1, q2, q3 := sigmoid(b+s0), sigmoid(b+s1), sigmoid(b+s2), sigmoid(b+s3)
		o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7] = 1-q0, q0, 1-q1, q1, 1-q2, q2, 1-q3, q3
	}
	for ; i < n; i++ {
		q := sigmoid(b + dot(w, row(i)))
		out[2*i], out[2*i+1] = 1-q, q
	}
}

// PredictX returns the most probable class of each row.
func (m *LogisticRegression) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// Display shows the coefficient table.
func (m *LogisticRegression) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil LogisticRegression>")
	}
	if !m.Fitted {
		return display.Text("model", "LogisticRegression (not fitted) "+m.Params().String())
	}
	pen, C, _, _, _ := m.settings()
	t := &textTable{title: fmt.Sprintf("Logistic regression (penalty %s, C = %s), n = %d, classes: %s", pen, num(C), m.NTrain, strings.Join(m.ClassLabels, ", "))}
	t.header = []string{"term"}
	if len(m.fit.Coef) == 1 {
		t.header = append(t.header, "coef ("+m.ClassLabels[1]+")")
	} else {
		t.header = append(t.header, m.ClassLabels...)
	}
	row := []string{"(Intercept)"}
	for k := range m.fit.Coef {
		row = append(row, numDigits(m.fit.Intercept[k], 6))
	}
	t.add(row...)
	for j := range m.fit.Coef[0] {
		row := []string{m.featureName(j)}
		for k := range m.fit.Coef {
			row = append(row, numDigits(m.fit.Coef[k][j], 6))
		}
		t.add(row...)
	}
	if !m.fit.Converged {
		t.notes = append(t.notes, fmt.Sprintf("warning: did not converge in %d iterations (separable data? try a smaller C)", m.fit.NIter))
	} else {
		t.notes = append(t.notes, fmt.Sprintf("converged in %d Newton iterations", m.fit.NIter))
	}
	return t.bundle("model", o)
}

// String returns the plain-text display (display.Plain).
func (m *LogisticRegression) String() string { return m.Display(display.Plain).Text }

func sigmoid(e float64) float64 {
	if e >= 0 {
		return 1 / (1 + math.Exp(-e))
	}
	z := math.Exp(e)
	return z / (1 + z)
}

func dot(a, b []float64) float64 {
	s := 0.0
	b = b[:len(a)]
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

// log1pexp is log(1 + exp(e)) without overflow.
func log1pexp(e float64) float64 {
	if e > 35 {
		return e
	}
	if e < -35 {
		return math.Exp(e)
	}
	return math.Log1p(math.Exp(e))
}

var errSingular = errors.New("ml: the Hessian is singular (collinear columns or a constant column); drop redundant columns or use the l2 penalty")
