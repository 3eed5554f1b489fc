package ml

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// knnFit stores the training data of a neighbours model.
type knnFit struct {
	X [][]float64 `json:"x"`
	Y []float64   `json:"y"`
	C []int       `json:"c,omitempty"`
}

// neighbours returns the indices of the k training rows closest to x
// (Euclidean distance; ties broken by the lower row index, as a stable
// sort does) and their distances, by a partial selection over all rows.
func (f *knnFit) neighbours(x []float64, k int, idx []int, dist []float64) ([]int, []float64) {
	idx, dist = idx[:0], dist[:0]
	for i, r := range f.X {
		d := 0.0
		for j, v := range r {
			e := v - x[j]
			d += e * e
		}
		if len(idx) < k {
			idx = append(idx, i)
			dist = append(dist, d)
			for a := len(idx) - 1; a > 0 && dist[a] < dist[a-1]; a-- {
				idx[a], idx[a-1] = idx[a-1], idx[a]
				dist[a], dist[a-1] = dist[a-1], dist[a]
			}
			continue
		}
		if d >= dist[k-1] {
			continue
		}
		a := k - 1
		idx[a], dist[a] = i, d
		for ; a > 0 && dist[a] < dist[a-1]; a-- {
			idx[a], idx[a-1] = idx[a-1], idx[a]
			dist[a], dist[a-1] = dist[a-1], dist[a]
		}
	}
	for a := range dist {
		dist[a] = math.Sqrt(dist[a])
	}
	return idx, dist
}

func knnWeights(weights string, dist []float64) ([]float64, error) {
	w := make([]float64, len(dist))
	switch weights {
	case "", "uniform":
		for i := range w {
			w[i] = 1
		}
	case "distance":
		zero := false
		for _, d := range dist {
			if d == 0 {
				zero = true
			}
		}
		for i, d := range dist {
			switch {
			case zero && d == 0:
				w[i] = 1
			case zero:
				w[i] = 0
			default:
				w[i] = 1 / d
			}
		}
	default:
		return nil, fmt.Errorf("ml: Weights %q: use \"uniform\" or \"distance\"", weights)
	}
	return w, nil
}

func storeRows(X *mat.Dense) [][]float64 {
	n, _ := X.Dims()
	out := make([][]float64, n)
	for i := range out {
		out[i] = append([]float64(nil), X.RawRowView(i)...)
	}
	return out
}

// KNeighborsClassifier predicts the class of a row by a vote of its K
// nearest training rows in Euclidean distance (sklearn
// KNeighborsClassifier, brute-force search): the probability of class c is
// Σ w_i 1[y_i = c] / Σ w_i over the neighbours, with w_i = 1 ("uniform") or
// 1/d_i ("distance"). Scale the features first (a StandardScaler step).
type KNeighborsClassifier struct {
	// K is the number of neighbours (default 5; 0 means 5). It must not
	// exceed the number of training rows (scikit-learn's rule).
	K int
	// Weights is "uniform" (default) or "distance".
	Weights string
	base
	fit knnFit
}

// NewKNeighborsClassifier returns a 5-nearest-neighbour classifier.
func NewKNeighborsClassifier() *KNeighborsClassifier {
	return &KNeighborsClassifier{K: 5, Weights: "uniform"}
}

func (m *KNeighborsClassifier) isClassifier() bool { return true }
func (m *KNeighborsClassifier) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *KNeighborsClassifier) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *KNeighborsClassifier) SetParams(p Params) error { return setParams(m, p) }

// FitXY stores the training rows.
func (m *KNeighborsClassifier) FitXY(X *mat.Dense, y []float64) error {
	n, _, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	idx, err := m.encodeClasses(y)
	if err != nil {
		return err
	}
	if _, err := knnWeights(m.Weights, nil); err != nil {
		return err
	}
	if err := checkK(typeName(m), m.K, n); err != nil {
		return err
	}
	m.fit = knnFit{X: storeRows(X), Y: append([]float64(nil), y...), C: idx}
	m.NTrain, m.Fitted = n, true
	return nil
}

func (m *KNeighborsClassifier) k() int {
	k := m.K
	if k <= 0 {
		k = 5
	}
	if k > len(m.fit.X) {
		k = len(m.fit.X)
	}
	return k
}

// PredictProbaX returns the weighted class shares among the neighbours.
func (m *KNeighborsClassifier) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	K := len(m.ClassValues)
	P := mat.NewDense(n, K, nil)
	k := m.k()
	parts := chunks(n, workers(n/200+1))
	err := parallelFor(ctxOf(), "", len(parts), func(c int) error {
		idx, dist := make([]int, 0, k), make([]float64, 0, k)
		for i := parts[c][0]; i < parts[c][1]; i++ {
			idx, dist = m.fit.neighbours(X.RawRowView(i), k, idx, dist)
			w, err := knnWeights(m.Weights, dist)
			if err != nil {
				return err
			}
			row := P.RawRowView(i)
			s := 0.0
			for a, j := range idx {
				row[m.fit.C[j]] += w[a]
				s += w[a]
			}
			for c := range row {
				row[c] /= s
			}
		}
		return nil
	})
	return P, err
}

// PredictX returns the class with the largest vote (ties: the first class).
func (m *KNeighborsClassifier) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// Display describes the model.
func (m *KNeighborsClassifier) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil KNeighborsClassifier>")
	}
	if !m.Fitted {
		return display.Text("model", "KNeighborsClassifier (not fitted) "+m.Params().String())
	}
	return display.Text("model", fmt.Sprintf("%d-nearest-neighbour classifier (%s weights), %d training rows, %d features, classes: %v", m.k(), orDefault(m.Weights, "uniform"), m.NTrain, len(m.Features), m.ClassLabels))
}

// String returns the plain-text display (display.Plain).
func (m *KNeighborsClassifier) String() string { return m.Display(display.Plain).Text }

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// KNeighborsRegressor predicts the (weighted) mean target of the K nearest
// training rows (sklearn KNeighborsRegressor).
type KNeighborsRegressor struct {
	// K is the number of neighbours (default 5; 0 means 5). It must not
	// exceed the number of training rows (scikit-learn's rule).
	K int
	// Weights is "uniform" (default) or "distance".
	Weights string
	base
	fit knnFit
}

// NewKNeighborsRegressor returns a 5-nearest-neighbour regressor.
func NewKNeighborsRegressor() *KNeighborsRegressor {
	return &KNeighborsRegressor{K: 5, Weights: "uniform"}
}

func (m *KNeighborsRegressor) isClassifier() bool { return false }
func (m *KNeighborsRegressor) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *KNeighborsRegressor) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *KNeighborsRegressor) SetParams(p Params) error { return setParams(m, p) }

// FitXY stores the training rows.
func (m *KNeighborsRegressor) FitXY(X *mat.Dense, y []float64) error {
	n, _, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	if _, err := knnWeights(m.Weights, nil); err != nil {
		return err
	}
	if err := checkK(typeName(m), m.K, n); err != nil {
		return err
	}
	m.fit = knnFit{X: storeRows(X), Y: append([]float64(nil), y...)}
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictX returns the neighbours' (weighted) mean target.
func (m *KNeighborsRegressor) PredictX(X *mat.Dense) ([]float64, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	out := make([]float64, n)
	k := m.K
	if k <= 0 {
		k = 5
	}
	if k > len(m.fit.X) {
		k = len(m.fit.X)
	}
	parts := chunks(n, workers(n/200+1))
	err := parallelFor(ctxOf(), "", len(parts), func(c int) error {
		idx, dist := make([]int, 0, k), make([]float64, 0, k)
		for i := parts[c][0]; i < parts[c][1]; i++ {
			idx, dist = m.fit.neighbours(X.RawRowView(i), k, idx, dist)
			w, err := knnWeights(m.Weights, dist)
			if err != nil {
				return err
			}
			s, sw := 0.0, 0.0
			for a, j := range idx {
				s += w[a] * m.fit.Y[j]
				sw += w[a]
			}
			out[i] = s / sw
		}
		return nil
	})
	return out, err
}

// Display describes the model.
func (m *KNeighborsRegressor) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil KNeighborsRegressor>")
	}
	if !m.Fitted {
		return display.Text("model", "KNeighborsRegressor (not fitted) "+m.Params().String())
	}
	return display.Text("model", fmt.Sprintf("%d-nearest-neighbour regressor (%s weights), %d training rows, %d features", m.K, orDefault(m.Weights, "uniform"), m.NTrain, len(m.Features)))
}

// String returns the plain-text display (display.Plain).
func (m *KNeighborsRegressor) String() string { return m.Display(display.Plain).Text }

// checkK rejects a negative K or one larger than the n training rows, as
// scikit-learn does (it would otherwise silently average over every row).
func checkK(name string, k, n int) error {
	if k < 0 {
		return fmt.Errorf("ml: %s.K must be ≥ 1 (0 = the default 5), got %d", name, k)
	}
	if k == 0 {
		k = 5
	}
	if k > n {
		return fmt.Errorf("ml: %s.K = %d exceeds the %d training rows; use K ≤ %d (with cross-validation, the rows of a training fold)", name, k, n, n)
	}
	return nil
}
