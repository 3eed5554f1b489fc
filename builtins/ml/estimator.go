package ml

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// ErrNotFitted is returned by Predict and friends on a model that has not
// been fitted.
var ErrNotFitted = errors.New("ml: model is not fitted yet; call Fit first")

// base holds what every fitted estimator knows about its training data: the
// input schema, the target and, for classifiers, the classes.
type base struct {
	Features     []string  `json:"features"`
	Target       string    `json:"target,omitempty"`
	TargetLevels []string  `json:"target_levels,omitempty"`
	ClassValues  []float64 `json:"class_values,omitempty"`
	ClassLabels  []string  `json:"classes,omitempty"`
	NTrain       int       `json:"n_train"`
	Fitted       bool      `json:"fitted"`
	// Types are the feature columns' frame types ("float", "int", "bool").
	Types []string `json:"types,omitempty"`
	// fromFrame marks that Fit has just set the schema from a frame.
	fromFrame bool
}

func (b *base) core() *base { return b }

// featureName returns the name of column j (x1, x2, … when unnamed).
func (b *base) featureName(j int) string {
	if j < len(b.Features) {
		return b.Features[j]
	}
	return "x" + strconv.Itoa(j+1)
}

// checkXY validates a training matrix and target: equal lengths, at least
// one row, finite values (NaN only when allowNaN).
func (b *base) checkXY(X *mat.Dense, y []float64, allowNaN bool) (int, int, error) {
	if X == nil {
		return 0, 0, errors.New("ml: X is nil")
	}
	n, p := X.Dims()
	if y != nil && len(y) != n {
		return 0, 0, fmt.Errorf("ml: X has %d rows but y has %d values; they must match", n, len(y))
	}
	if n == 0 {
		return 0, 0, errors.New("ml: no rows to fit")
	}
	if !b.fromFrame {
		b.Target, b.TargetLevels, b.Types = "", nil, nil
		b.Features = nil
	}
	b.fromFrame = false
	if len(b.Features) != p {
		b.Features = make([]string, p)
		b.Types = make([]string, p)
		for j := range b.Features {
			b.Features[j] = "x" + strconv.Itoa(j+1)
			b.Types[j] = "float"
		}
	}
	if err := checkFinite(X, b.Features, allowNaN); err != nil {
		return 0, 0, err
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, 0, &badValues{col: -1, bad: 1, first: i}
		}
	}
	return n, p, nil
}

// checkFinite reports the first column with NaN/Inf values.
func checkFinite(X *mat.Dense, names []string, allowNaN bool) error {
	n, p := X.Dims()
	raw := X.RawMatrix()
	// Fast path: one pass in memory order (allFinite); the per-column
	// scan below only runs to describe what is wrong.
	if allFinite(X, nil) {
		return nil
	}
	for j := 0; j < p; j++ {
		bad, first := 0, -1
		for i := 0; i < n; i++ {
			v := raw.Data[i*raw.Stride+j]
			if math.IsInf(v, 0) || (!allowNaN && math.IsNaN(v)) {
				bad++
				if first < 0 {
					first = i
				}
			}
		}
		if bad > 0 {
			name := "x" + strconv.Itoa(j+1)
			if j < len(names) {
				name = names[j]
			}
			return &badValues{col: j, name: name, bad: bad, first: first}
		}
	}
	return nil
}

// badValues reports missing or infinite values in feature column col (-1:
// the target); first is the 0-based row of the first one. Resampling maps
// first from a fold's row to the data's row (foldRows).
type badValues struct {
	col       int
	name      string
	bad       int
	first     int
	foldCount bool // bad counts only the rows of one training fold
}

func (e *badValues) Error() string {
	if e.col < 0 {
		return fmt.Sprintf("ml: target has a missing or infinite value at row %d; drop those rows before fitting", e.first+1)
	}
	in := ""
	if e.foldCount {
		in = " in this fold's training rows"
	}
	return fmt.Sprintf("ml: column %q has %d missing or infinite values%s (first at row %d); impute or drop them (only HistGradientBoosting models accept missing values)", e.name, e.bad, in, e.first+1)
}

// checkPredictX checks a prediction matrix against the fitted width.
func (b *base) checkPredictX(X *mat.Dense, allowNaN bool) error {
	if !b.Fitted {
		return ErrNotFitted
	}
	if X == nil {
		return errors.New("ml: X is nil")
	}
	_, p := X.Dims()
	if p != len(b.Features) {
		return fmt.Errorf("ml: X has %d columns but the model was fitted on %d (%v)", p, len(b.Features), b.Features)
	}
	return checkFinite(X, b.Features, allowNaN)
}

// encodeClasses records the sorted distinct values of y as the classes and
// returns each row's class index.
func (b *base) encodeClasses(y []float64) ([]int, error) {
	vals := append([]float64(nil), y...)
	sort.Float64s(vals)
	u := vals[:0]
	for i, v := range vals {
		if i == 0 || v != vals[i-1] {
			u = append(u, v)
		}
	}
	if len(u) < 2 {
		return nil, fmt.Errorf("ml: the target has only one class (%v); a classifier needs at least two", u)
	}
	for _, v := range u {
		if v != math.Trunc(v) {
			return nil, fmt.Errorf("ml: the target has non-integer values (%v) — it looks continuous; use a regressor, or make classes with frame.NewBinning", v)
		}
	}
	b.ClassValues = append([]float64(nil), u...)
	b.ClassLabels = make([]string, len(u))
	for k, v := range u {
		if b.TargetLevels != nil && v >= 0 && int(v) < len(b.TargetLevels) && v == math.Trunc(v) {
			b.ClassLabels[k] = b.TargetLevels[int(v)]
		} else {
			b.ClassLabels[k] = strconv.FormatFloat(v, 'g', -1, 64)
		}
	}
	idx := make([]int, len(y))
	for i, v := range y {
		idx[i] = sort.SearchFloat64s(b.ClassValues, v)
	}
	return idx, nil
}

// classIndex maps target values to class indices; -1 for unseen values.
func (b *base) classIndex(y []float64) []int {
	idx := make([]int, len(y))
	for i, v := range y {
		k := sort.SearchFloat64s(b.ClassValues, v)
		if k >= len(b.ClassValues) || b.ClassValues[k] != v {
			k = -1
		}
		idx[i] = k
	}
	return idx
}

// Classes returns the class labels in the order of PredictProba's columns.
func (b *base) Classes() []string { return append([]string(nil), b.ClassLabels...) }

// FeatureNames returns the names of the columns the model was fitted on.
func (b *base) FeatureNames() []string { return append([]string(nil), b.Features...) }

// argmaxRows turns class probabilities into predicted class values.
func (b *base) argmaxRows(P *mat.Dense) []float64 {
	n, k := P.Dims()
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		row := P.RawRowView(i)
		best := 0
		for c := 1; c < k; c++ {
			if row[c] > row[best] {
				best = c
			}
		}
		out[i] = b.ClassValues[best]
	}
	return out
}

// rowsOf returns row views of X (no copies).
func rowsOf(X *mat.Dense) [][]float64 {
	n, _ := X.Dims()
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = X.RawRowView(i)
	}
	return rows
}

var nan = math.NaN()
