package ml

import (
	"fmt"
	"strconv"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// CVResult holds the per-fold scores of a cross-validation.
type CVResult struct {
	// Model names the estimator; Metric the score.
	Model, Metric string
	// Scores are the test-fold scores, in fold order.
	Scores []float64
	// Mean and SD summarise Scores (SD with divisor k − 1, as R's sd;
	// numpy's scores.std() of scikit-learn divides by k).
	Mean, SD float64
	// Folds are the row indexes used (same seed, same folds).
	Folds []frame.Fold
	// Pred and Y are the out-of-fold predictions and targets, by row.
	Pred, Y []float64
	// NTrain is the mean training size.
	NTrain int
}

// CrossValidate estimates a model's performance by k-fold cross-validation
// on frame f: the rows are split into k folds (stratified by class for
// classifiers) with seed; for each fold a fresh copy of e — the whole
// pipeline, so its preprocessing is refitted too — is fitted on the other
// folds and scored on it. Folds run in parallel on all cores and stop
// when the cell is interrupted. metric is one of Metrics ("" = the model's
// Score).
func CrossValidate(e Estimator, f *frame.Frame, target string, k int, seed uint64, metric string) (*CVResult, error) {
	d, err := frameDataset(e, f, target)
	if err != nil {
		return nil, err
	}
	return crossValidate(e, d, k, seed, metric)
}

// CrossValidateXY is CrossValidate on a matrix and target vector.
func CrossValidateXY(e Estimator, X *mat.Dense, y []float64, k int, seed uint64, metric string) (*CVResult, error) {
	d, err := matrixDataset(e, X, y)
	if err != nil {
		return nil, err
	}
	return crossValidate(e, d, k, seed, metric)
}

func crossValidate(e Estimator, d *dataset, k int, seed uint64, metric string) (*CVResult, error) {
	if k == 0 {
		k = 5
	}
	s, err := getScorer(metric, IsClassifier(e))
	if err != nil {
		return nil, err
	}
	folds, err := d.folds(k, seed)
	if err != nil {
		return nil, err
	}
	r := &CVResult{Model: typeName(e), Metric: s.name, Scores: make([]float64, k), Folds: folds, Pred: make([]float64, d.n), Y: make([]float64, d.n)}
	lr, inPlace := e.(*LogisticRegression)
	inPlace = inPlace && d.X != nil
	finite := inPlace && allFinite(d.X, d.y) // then no fold needs checking
	err = parallelFor(ctxOf(), "cross-validation", k, func(i int) error {
		var v float64
		var pred, y []float64
		var err error
		if inPlace {
			// fitted in place, without copying the fold's rows
			v, pred, y, err = lr.cvFold(d, folds[i].Train, folds[i].Test, s, finite)
		} else {
			v, pred, y, err = d.fitScore(e, nil, folds[i].Train, folds[i].Test, s)
		}
		if err != nil {
			return fmt.Errorf("fold %d: %w", i+1, err)
		}
		r.Scores[i] = v
		for a, row := range folds[i].Test {
			r.Pred[row], r.Y[row] = pred[a], y[a]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.Mean, r.SD = meanSD1(r.Scores)
	for _, fo := range folds {
		r.NTrain += len(fo.Train)
	}
	r.NTrain /= k
	return r, nil
}

// Display shows the fold scores and their mean ± sd.
func (r *CVResult) Display(o display.Options) display.Bundle {
	if r == nil {
		return display.Text("nil", "<nil CVResult>")
	}
	t := &textTable{title: fmt.Sprintf("%d-fold cross-validation of %s: %s = %s ± %s (mean ± sd)", len(r.Scores), r.Model, r.Metric, numDigits(r.Mean, 4), numDigits(r.SD, 3))}
	t.header = []string{"fold", r.Metric}
	for i, v := range r.Scores {
		t.add(strconv.Itoa(i+1), numDigits(v, 4))
	}
	return t.bundle("cv", o)
}

// String returns the plain-text display (display.Plain).
func (r *CVResult) String() string { return r.Display(display.Plain).Text }

// CVTable holds the cross-validation of several models on the same folds.
type CVTable struct {
	Names   []string
	Results []*CVResult
}

// CrossValidateModels cross-validates each model on the same k folds
// (seed) of frame f with the same metric, as CrossValidate does; names
// label the rows of the table (nil: the models' type names).
func CrossValidateModels(models []Estimator, names []string, f *frame.Frame, target string, k int, seed uint64, metric string) (*CVTable, error) {
	t := &CVTable{}
	for i, m := range models {
		r, err := CrossValidate(m, f, target, k, seed, metric)
		if err != nil {
			return nil, fmt.Errorf("model %d (%s): %w", i+1, typeName(m), err)
		}
		name := typeName(m)
		if i < len(names) {
			name = names[i]
		}
		t.Names = append(t.Names, name)
		t.Results = append(t.Results, r)
	}
	return t, nil
}

// Display shows one row per model: mean, sd and the fold scores.
func (t *CVTable) Display(o display.Options) display.Bundle {
	if t == nil {
		return display.Text("nil", "<nil CVTable>")
	}
	if len(t.Results) == 0 {
		return display.Text("cv", "no models")
	}
	r0 := t.Results[0]
	tt := &textTable{title: fmt.Sprintf("%d-fold cross-validation (%s, same folds for every model)", len(r0.Scores), r0.Metric)}
	tt.header = []string{"model", "mean", "sd"}
	for i := range r0.Scores {
		tt.header = append(tt.header, "fold "+strconv.Itoa(i+1))
	}
	for i, r := range t.Results {
		row := []string{t.Names[i], numDigits(r.Mean, 4), numDigits(r.SD, 3)}
		for _, v := range r.Scores {
			row = append(row, numDigits(v, 4))
		}
		tt.add(row...)
	}
	return tt.bundle("cv", o)
}

// String returns the plain-text display (display.Plain).
func (t *CVTable) String() string { return t.Display(display.Plain).Text }
