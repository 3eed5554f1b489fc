package ml

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

type nbFit struct {
	LogPrior []float64   `json:"log_prior"`
	Theta    [][]float64 `json:"theta"`         // Gaussian means / multinomial log probabilities
	Var      [][]float64 `json:"var,omitempty"` // Gaussian variances
}

// nbProba turns joint log-likelihoods into probabilities.
func nbProba(jll [][]float64) *mat.Dense {
	n := len(jll)
	K := len(jll[0])
	P := mat.NewDense(n, K, nil)
	for i, r := range jll {
		mx := math.Inf(-1)
		for _, v := range r {
			mx = math.Max(mx, v)
		}
		s := 0.0
		for _, v := range r {
			s += math.Exp(v - mx)
		}
		lse := mx + math.Log(s)
		for k, v := range r {
			P.Set(i, k, math.Exp(v-lse))
		}
	}
	return P
}

// GaussianNB is the Gaussian naive Bayes classifier (sklearn GaussianNB):
// features are independent normals within each class, with per-class
// means and (maximum-likelihood) variances plus VarSmoothing × the largest
// feature variance; classes are weighted by their training frequency.
type GaussianNB struct {
	// VarSmoothing is added (times the largest variance) to every variance
	// for stability (default 1e-9).
	VarSmoothing float64
	base
	fit nbFit
}

// NewGaussianNB returns a Gaussian naive Bayes classifier.
func NewGaussianNB() *GaussianNB { return &GaussianNB{VarSmoothing: 1e-9} }

func (m *GaussianNB) isClassifier() bool { return true }
func (m *GaussianNB) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *GaussianNB) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *GaussianNB) SetParams(p Params) error { return setParams(m, p) }

// FitXY estimates the class means and variances.
func (m *GaussianNB) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	idx, err := m.encodeClasses(y)
	if err != nil {
		return err
	}
	K := len(m.ClassValues)
	vs := m.VarSmoothing
	if vs < 0 || math.IsNaN(vs) {
		return fmt.Errorf("ml: GaussianNB.VarSmoothing = %v is out of range; use a value ≥ 0 (0 = the default 1e-9)", vs)
	}
	if vs == 0 {
		vs = 1e-9
	}
	// epsilon = vs × max over features of the overall variance
	maxVar := 0.0
	for j := 0; j < p; j++ {
		_, sd := meanSD(mat.Col(nil, j, X), 0)
		maxVar = math.Max(maxVar, sd*sd)
	}
	eps := vs * maxVar
	f := nbFit{LogPrior: make([]float64, K), Theta: make([][]float64, K), Var: make([][]float64, K)}
	cnt := make([]float64, K)
	for k := 0; k < K; k++ {
		f.Theta[k] = make([]float64, p)
		f.Var[k] = make([]float64, p)
	}
	for i := 0; i < n; i++ {
		k := idx[i]
		cnt[k]++
		for j, v := range X.RawRowView(i) {
			f.Theta[k][j] += v
		}
	}
	for k := range f.Theta {
		for j := range f.Theta[k] {
			f.Theta[k][j] /= cnt[k]
		}
	}
	for i := 0; i < n; i++ {
		k := idx[i]
		for j, v := range X.RawRowView(i) {
			d := v - f.Theta[k][j]
			f.Var[k][j] += d * d
		}
	}
	for k := range f.Var {
		for j := range f.Var[k] {
			f.Var[k][j] = f.Var[k][j]/cnt[k] + eps
		}
		f.LogPrior[k] = math.Log(cnt[k] / float64(n))
	}
	m.fit = f
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictProbaX returns the posterior class probabilities.
func (m *GaussianNB) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	K := len(m.ClassValues)
	jll := make([][]float64, n)
	for i := 0; i < n; i++ {
		x := X.RawRowView(i)
		jll[i] = make([]float64, K)
		for k := 0; k < K; k++ {
			s := m.fit.LogPrior[k]
			a, b := 0.0, 0.0
			for j, v := range x {
				vr := m.fit.Var[k][j]
				a += math.Log(2 * math.Pi * vr)
				d := v - m.fit.Theta[k][j]
				b += d * d / vr
			}
			jll[i][k] = s - 0.5*a - 0.5*b
		}
	}
	return nbProba(jll), nil
}

// PredictX returns the most probable class.
func (m *GaussianNB) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// Display shows the class means.
func (m *GaussianNB) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil GaussianNB>")
	}
	if !m.Fitted {
		return display.Text("model", "GaussianNB (not fitted)")
	}
	t := &textTable{title: fmt.Sprintf("Gaussian naive Bayes, n = %d: class means (prior in the header)", m.NTrain)}
	t.header = []string{"feature"}
	for k, c := range m.ClassLabels {
		t.header = append(t.header, fmt.Sprintf("%s (%s)", c, num(math.Exp(m.fit.LogPrior[k]))))
	}
	for j := range m.Features {
		row := []string{m.featureName(j)}
		for k := range m.ClassLabels {
			row = append(row, num(m.fit.Theta[k][j]))
		}
		t.add(row...)
	}
	return t.bundle("model", o)
}

// String returns the plain-text display (display.Plain).
func (m *GaussianNB) String() string { return m.Display(display.Plain).Text }

// MultinomialNB is the multinomial naive Bayes classifier for counts
// (sklearn MultinomialNB): P(feature j | class c) = (N_cj + α) / (N_c + α p)
// with additive (Laplace) smoothing α; features must be non-negative.
type MultinomialNB struct {
	// Alpha is the additive smoothing (default 1 when 0; use a tiny value
	// for none).
	Alpha float64
	base
	fit nbFit
}

// NewMultinomialNB returns a multinomial naive Bayes with α = 1.
func NewMultinomialNB() *MultinomialNB { return &MultinomialNB{Alpha: 1} }

func (m *MultinomialNB) isClassifier() bool { return true }
func (m *MultinomialNB) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *MultinomialNB) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *MultinomialNB) SetParams(p Params) error { return setParams(m, p) }

// FitXY estimates the smoothed feature probabilities per class.
func (m *MultinomialNB) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		for j, v := range X.RawRowView(i) {
			if v < 0 {
				return fmt.Errorf("ml: MultinomialNB needs non-negative features (counts); column %q has %v at row %d", m.featureName(j), v, i+1)
			}
		}
	}
	idx, err := m.encodeClasses(y)
	if err != nil {
		return err
	}
	a := m.Alpha
	if a < 0 || math.IsNaN(a) {
		return fmt.Errorf("ml: MultinomialNB.Alpha = %v is out of range; use a value > 0 (0 = the default 1)", a)
	}
	if a == 0 {
		a = 1
	}
	K := len(m.ClassValues)
	f := nbFit{LogPrior: make([]float64, K), Theta: make([][]float64, K)}
	cnt := make([]float64, K)
	for k := range f.Theta {
		f.Theta[k] = make([]float64, p)
	}
	for i := 0; i < n; i++ {
		cnt[idx[i]]++
		for j, v := range X.RawRowView(i) {
			f.Theta[idx[i]][j] += v
		}
	}
	for k := range f.Theta {
		tot := 0.0
		for j := range f.Theta[k] {
			f.Theta[k][j] += a
			tot += f.Theta[k][j]
		}
		for j := range f.Theta[k] {
			f.Theta[k][j] = math.Log(f.Theta[k][j]) - math.Log(tot)
		}
		f.LogPrior[k] = math.Log(cnt[k] / float64(n))
	}
	m.fit = f
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictProbaX returns the posterior class probabilities.
func (m *MultinomialNB) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	K := len(m.ClassValues)
	jll := make([][]float64, n)
	for i := 0; i < n; i++ {
		x := X.RawRowView(i)
		jll[i] = make([]float64, K)
		for k := 0; k < K; k++ {
			jll[i][k] = m.fit.LogPrior[k] + dot(m.fit.Theta[k], x)
		}
	}
	return nbProba(jll), nil
}

// PredictX returns the most probable class.
func (m *MultinomialNB) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// Display describes the model.
func (m *MultinomialNB) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil MultinomialNB>")
	}
	if !m.Fitted {
		return display.Text("model", "MultinomialNB (not fitted)")
	}
	return display.Text("model", fmt.Sprintf("Multinomial naive Bayes (alpha = %s), n = %d, %d features, classes: %v", num(orOne(m.Alpha)), m.NTrain, len(m.Features), m.ClassLabels))
}

// String returns the plain-text display (display.Plain).
func (m *MultinomialNB) String() string { return m.Display(display.Plain).Text }

func orOne(a float64) float64 {
	if a == 0 {
		return 1
	}
	return a
}
