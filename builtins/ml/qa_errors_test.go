package ml

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestNilModelIsAnError checks that a model variable never created with its
// constructor gives an error, not a panic in a worker goroutine (which
// would end the kernel).
func TestNilModelIsAnError(t *testing.T) {
	te := datasets.MustLoad("Pima_te")
	var rf *RandomForestClassifier
	var lin *LinearRegression
	if _, err := PartialDependence(rf, te, "glu", 5); !errors.Is(err, errNilModel) {
		t.Errorf("PartialDependence(nil) error = %v", err)
	}
	if _, err := CrossValidate(lin, te.Drop("type"), "glu", 5, 1, "r2"); !errors.Is(err, errNilModel) {
		t.Errorf("CrossValidate(nil) error = %v", err)
	}
	if _, err := PermutationImportance(lin, te.Drop("type"), "glu", 2, 1, ""); !errors.Is(err, errNilModel) {
		t.Errorf("PermutationImportance(nil) error = %v", err)
	}
	if _, err := Evaluate(rf, te, "type"); !errors.Is(err, errNilModel) {
		t.Errorf("Evaluate(nil) error = %v", err)
	}
}

// TestParallelForRecoversPanics checks that a panic in a work item comes
// back as an error from parallelFor.
func TestParallelForRecoversPanics(t *testing.T) {
	err := parallelFor(context.Background(), "", 8, func(i int) error {
		if i == 5 {
			var p *int
			_ = *p
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("parallelFor error = %v, want an internal error", err)
	}
}

// TestKNeighborsKLargerThanTrainingSet checks that K > training rows is an
// error (scikit-learn: "Expected n_neighbors <= n_samples_fit") rather than
// a silent average over every row, and that a negative K is rejected.
func TestKNeighborsKLargerThanTrainingSet(t *testing.T) {
	tr := datasets.MustLoad("Pima_tr")
	k := NewKNeighborsClassifier()
	k.K = 201
	if err := k.Fit(tr, "type"); err == nil || !strings.Contains(err.Error(), "K = 201 exceeds the 200 training rows") {
		t.Errorf("K = 201: error = %v", err)
	}
	k.K = 200
	if err := k.Fit(tr, "type"); err != nil {
		t.Errorf("K = 200: %v", err)
	}
	r := NewKNeighborsRegressor()
	r.K = -1
	if err := r.Fit(tr.Drop("type"), "glu"); err == nil || !strings.Contains(err.Error(), "K must be ≥ 1") {
		t.Errorf("K = -1: error = %v", err)
	}
}
