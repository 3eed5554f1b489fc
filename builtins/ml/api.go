package ml

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// Estimator is a model that learns from data. Every model in this package
// implements it:
//
//	m := ml.NewRandomForestClassifier()
//	err := m.Fit(train, "type")          // all other columns are features
//	pred, err := m.Predict(test)         // predicted values (class codes, see below)
//	acc, err := m.Score(test, "type")    // accuracy (classifiers) or R² (regressors)
//
// Fit uses every column except target as a feature; numeric and bool
// columns are used as they are, string columns are an error (encode or drop
// them first, or put an encoder in a Pipeline). FitXY and PredictX do the
// same on a matrix and a target vector.
//
// For classifiers Predict returns, per row, the predicted class as a
// number: the target's value when the target column is numeric (0/1), else
// the class's position among the target column's levels (0, 1, …);
// PredictLabels returns the class names. Params and SetParams read and set
// hyperparameters by field name (used by grid search).
type Estimator interface {
	Fit(f *frame.Frame, target string) error
	FitXY(X *mat.Dense, y []float64) error
	Predict(f *frame.Frame) ([]float64, error)
	PredictX(X *mat.Dense) ([]float64, error)
	Score(f *frame.Frame, target string) (float64, error)
	Params() Params
	SetParams(p Params) error
	Display(o display.Options) display.Bundle
	String() string
}

// Classifier is an Estimator that also gives class probabilities: column k
// of PredictProba is the probability of Classes()[k].
type Classifier interface {
	Estimator
	PredictProba(f *frame.Frame) (*mat.Dense, error)
	PredictProbaX(X *mat.Dense) (*mat.Dense, error)
	PredictLabels(f *frame.Frame) ([]string, error)
	Classes() []string
}

// model is what every estimator of this package implements internally.
type model interface {
	FitXY(X *mat.Dense, y []float64) error
	PredictX(X *mat.Dense) ([]float64, error)
	core() *base
	isClassifier() bool
	allowNaN() bool
}

type probaModel interface {
	PredictProbaX(X *mat.Dense) (*mat.Dense, error)
}

// coreOf returns the shared state of a package estimator or pipeline.
func coreOf(e Estimator) *base {
	if isNilModel(e) {
		return nil
	}
	switch m := e.(type) {
	case model:
		return m.core()
	case *Pipeline:
		if m.Model != nil {
			return coreOf(m.Model)
		}
	}
	return nil
}

// isNilModel reports whether e is nil or a nil pointer (a model variable
// declared but never created with its constructor).
func isNilModel(e Estimator) bool {
	if e == nil {
		return true
	}
	v := reflect.ValueOf(e)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// errNilModel is returned when a function is given a nil model.
var errNilModel = errors.New("ml: the model is nil; create it with its constructor (for example ml.NewRandomForestClassifier())")

// IsClassifier reports whether e predicts classes.
func IsClassifier(e Estimator) bool {
	switch m := e.(type) {
	case model:
		return m.isClassifier()
	case *Pipeline:
		return m.Model != nil && IsClassifier(m.Model)
	}
	_, ok := e.(Classifier)
	return ok
}

// scoreName is the metric Score uses.
func scoreName(e Estimator) string {
	if IsClassifier(e) {
		return "accuracy"
	}
	return "R²"
}

// scoreXY is accuracy (classifiers) or R² (regressors) on a matrix.
func scoreXY(e Estimator, X *mat.Dense, y []float64) (float64, error) {
	pred, err := e.PredictX(X)
	if err != nil {
		return 0, err
	}
	if IsClassifier(e) {
		return Accuracy(y, pred), nil
	}
	return R2(y, pred), nil
}

// featureColumns returns the frame's columns other than target and checks
// that they can be used as numbers.
func featureColumns(f *frame.Frame, target string) ([]string, []string, error) {
	if f == nil {
		return nil, nil, errors.New("ml: the frame is nil")
	}
	if f.NRows() == 0 {
		return nil, nil, fmt.Errorf("ml: the frame has no rows (0 × %d); fitting needs data — check the filter or split that produced it", f.NCols())
	}
	var feats, types, bad []string
	names := f.Names()
	found := target == ""
	for _, n := range names {
		if n == target {
			found = true
			continue
		}
		if f.IsNumeric(n) || f.Type(n) == "bool" {
			feats = append(feats, n)
			types = append(types, f.Type(n))
		} else {
			bad = append(bad, n)
		}
	}
	if !found {
		msg := fmt.Sprintf("ml: the frame has no target column %q", target)
		if c := frame.Closest(target, names); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		return nil, nil, errors.New(msg + " (columns: " + strings.Join(names, ", ") + ")")
	}
	if len(bad) > 0 {
		return nil, nil, fmt.Errorf("ml: feature column(s) %s are text; models need numbers — one-hot encode them (frame.OneHot in a Pipeline) or drop them", quoteList(bad))
	}
	if len(feats) == 0 {
		return nil, nil, errors.New("ml: no feature columns besides the target")
	}
	return feats, types, nil
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// targetVector reads the target column: numeric values as they are,
// categorical values as level positions (levels returned).
func targetVector(f *frame.Frame, target string, classifier bool) ([]float64, []string, error) {
	na, err := f.NA(target)
	if err != nil {
		return nil, nil, err
	}
	miss := 0
	first := -1
	for i, v := range na {
		if v {
			miss++
			if first < 0 {
				first = i
			}
		}
	}
	if miss > 0 {
		return nil, nil, fmt.Errorf("ml: target %q has %d missing values (first at row %d); drop those rows first", target, miss, first+1)
	}
	if f.IsNumeric(target) {
		y, err := f.Floats(target)
		return y, nil, err
	}
	if !classifier {
		return nil, nil, fmt.Errorf("ml: target %q is %s but a regressor needs a numeric target", target, f.Type(target))
	}
	codes, err := f.Codes(target)
	if err != nil {
		return nil, nil, err
	}
	y := make([]float64, len(codes))
	for i, c := range codes {
		y[i] = float64(c)
	}
	return y, f.Levels(target), nil
}

// frameXY extracts the feature matrix and target for fitting.
func frameXY(m model, f *frame.Frame, target string) (*mat.Dense, []float64, error) {
	feats, types, err := featureColumns(f, target)
	if err != nil {
		return nil, nil, err
	}
	y, levels, err := targetVector(f, target, m.isClassifier())
	if err != nil {
		return nil, nil, err
	}
	X, err := f.Matrix(feats...)
	if err != nil {
		return nil, nil, err
	}
	b := m.core()
	b.Features, b.Types, b.Target, b.TargetLevels = feats, types, target, levels
	b.fromFrame = true
	return X, y, nil
}

func fitFrame(m model, f *frame.Frame, target string) error {
	X, y, err := frameXY(m, f, target)
	if err != nil {
		return err
	}
	return m.FitXY(X, y)
}

// schemaMatrix checks f against the fitted input schema and returns the
// feature matrix: missing columns and columns of the wrong type are errors
// naming them.
func schemaMatrix(b *base, f *frame.Frame) (*mat.Dense, error) {
	if !b.Fitted {
		return nil, ErrNotFitted
	}
	if f == nil {
		return nil, errors.New("ml: the frame is nil")
	}
	if f.NRows() == 0 {
		return nil, fmt.Errorf("ml: the frame has no rows (0 × %d); nothing to predict — check the filter or split that produced it", f.NCols())
	}
	var missing, wrong []string
	for j, name := range b.Features {
		if !f.Has(name) {
			missing = append(missing, name)
			continue
		}
		want := "float"
		if j < len(b.Types) {
			want = b.Types[j]
		}
		got := f.Type(name)
		numeric := got == "float" || got == "int" || got == "bool"
		if !numeric || (want == "bool") != (got == "bool") && want != "float" && want != "int" {
			wrong = append(wrong, fmt.Sprintf("%q is %s, expected %s", name, got, want))
		}
	}
	var msgs []string
	if len(missing) > 0 {
		msg := "missing column(s) " + quoteList(missing)
		if c := frame.Closest(missing[0], f.Names()); c != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", c)
		}
		msgs = append(msgs, msg)
	}
	if len(wrong) > 0 {
		msgs = append(msgs, "wrong type: "+strings.Join(wrong, "; "))
	}
	if len(msgs) > 0 {
		return nil, fmt.Errorf("ml: the data does not match the model's input schema: %s; the model expects %s", strings.Join(msgs, "; "), schemaText(b))
	}
	return f.Matrix(b.Features...)
}

func schemaText(b *base) string {
	parts := make([]string, len(b.Features))
	for j, n := range b.Features {
		t := "float"
		if j < len(b.Types) {
			t = b.Types[j]
		}
		parts[j] = n + " <" + t + ">"
	}
	return strings.Join(parts, ", ")
}

func predictFrame(m model, f *frame.Frame) ([]float64, error) {
	X, err := schemaMatrix(m.core(), f)
	if err != nil {
		return nil, err
	}
	return m.PredictX(X)
}

func probaFrame(m model, f *frame.Frame) (*mat.Dense, error) {
	X, err := schemaMatrix(m.core(), f)
	if err != nil {
		return nil, err
	}
	return m.(probaModel).PredictProbaX(X)
}

// labelsOfPred turns predicted class values into class names.
func (b *base) labelsOfPred(pred []float64) []string {
	out := make([]string, len(pred))
	for i, v := range pred {
		k := sort.SearchFloat64s(b.ClassValues, v)
		if k < len(b.ClassLabels) {
			out[i] = b.ClassLabels[k]
		}
	}
	return out
}

func labelsFrame(m model, f *frame.Frame) ([]string, error) {
	p, err := predictFrame(m, f)
	if err != nil {
		return nil, err
	}
	return m.core().labelsOfPred(p), nil
}

// targetFor reads the target of f coded as at fit time.
func targetFor(b *base, f *frame.Frame, target string, classifier bool) ([]float64, error) {
	if !f.Has(target) {
		return nil, fmt.Errorf("ml: the frame has no target column %q", target)
	}
	if b.TargetLevels == nil {
		y, _, err := targetVector(f, target, classifier)
		return y, err
	}
	s, err := f.Strings(target)
	if err != nil {
		return nil, err
	}
	pos := map[string]int{}
	for k, l := range b.TargetLevels {
		pos[l] = k
	}
	y := make([]float64, len(s))
	for i, v := range s {
		k, ok := pos[v]
		if !ok {
			return nil, fmt.Errorf("ml: target %q has the value %q at row %d, which was not a class in training (classes: %s)", target, v, i+1, strings.Join(b.TargetLevels, ", "))
		}
		y[i] = float64(k)
	}
	return y, nil
}

func scoreFrame(m model, f *frame.Frame, target string) (float64, error) {
	X, err := schemaMatrix(m.core(), f)
	if err != nil {
		return 0, err
	}
	y, err := targetFor(m.core(), f, target, m.isClassifier())
	if err != nil {
		return 0, err
	}
	pred, err := m.PredictX(X)
	if err != nil {
		return 0, err
	}
	if m.isClassifier() {
		return Accuracy(y, pred), nil
	}
	return R2(y, pred), nil
}
