package ml

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"gonum.org/v1/gonum/mat"
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
	// work that ignores errors re-raises the panic in the caller
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "internal error") {
			t.Errorf("mustParallel: recovered %v, want the internal error", r)
		}
	}()
	mustParallel(err)
	t.Error("mustParallel did not panic")
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

// TestOutOfRangeHyperparametersAreErrors checks that values outside
// scikit-learn's ranges are errors naming the parameter, not silently
// replaced by the default (zero values still mean the default).
func TestOutOfRangeHyperparametersAreErrors(t *testing.T) {
	tr := datasets.MustLoad("Pima_tr")
	num := tr.Drop("type")
	hgb := func(set func(m *HistGradientBoostingClassifier)) Estimator {
		m := NewHistGradientBoostingClassifier()
		set(m)
		return m
	}
	cases := []struct {
		want string
		m    Estimator
	}{
		{"LearningRate = -1", hgb(func(m *HistGradientBoostingClassifier) { m.LearningRate = -1 })},
		{"MaxBins = 1000", hgb(func(m *HistGradientBoostingClassifier) { m.MaxBins = 1000 })},
		{"L2Regularization = -0.5", hgb(func(m *HistGradientBoostingClassifier) { m.L2Regularization = -0.5 })},
		{"ValidationFraction = 1.5", hgb(func(m *HistGradientBoostingClassifier) { m.ValidationFraction = 1.5 })},
		{"NTrees = -5", &RandomForestClassifier{NTrees: -5, MaxFeatures: "sqrt"}},
		{"MaxFeatures \"2.5\"", &RandomForestClassifier{MaxFeatures: "2.5"}},
		{"only 7 features", &RandomForestClassifier{MaxFeatures: "9"}},
		{"CCPAlpha = -1", &DecisionTreeClassifier{CCPAlpha: -1}},
		{"MinSamplesSplit = 1", &DecisionTreeClassifier{MinSamplesSplit: 1}},
		{"MinSamplesLeaf = -2", &DecisionTreeClassifier{MinSamplesLeaf: -2}},
		{"VarSmoothing = -1", &GaussianNB{VarSmoothing: -1}},
		{"Alpha = -1", &MultinomialNB{Alpha: -1}},
	}
	for _, c := range cases {
		err := c.m.Fit(tr, "type")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%T: error = %v, want it to mention %q", c.m, err, c.want)
		}
	}
	if err := (&PCA{NComponents: 9}).Fit(num); err == nil || !strings.Contains(err.Error(), "NComponents = 9") {
		t.Errorf("PCA NComponents 9 of 7: error = %v", err)
	}
	if err := (&KMeans{K: 3, NInit: -1}).Fit(num); err == nil || !strings.Contains(err.Error(), "NInit = -1") {
		t.Errorf("KMeans NInit -1: error = %v", err)
	}
	// zero values still mean the defaults
	if err := (&HistGradientBoostingClassifier{}).Fit(tr, "type"); err != nil {
		t.Errorf("zero-valued HistGradientBoostingClassifier: %v", err)
	}
	if err := (&RandomForestClassifier{NTrees: 5}).Fit(tr, "type"); err != nil {
		t.Errorf("zero-valued RandomForestClassifier: %v", err)
	}
}

// TestEmptyFrameError checks that fitting on a frame without rows says so.
func TestEmptyFrameError(t *testing.T) {
	empty := datasets.MustLoad("Pima_tr").Head(0)
	for _, m := range []Estimator{NewLogisticRegression(), NewRandomForestClassifier(), NewPipeline(NewLinearRegression(), NewStandardScaler())} {
		if err := m.Fit(empty, "type"); err == nil || !strings.Contains(err.Error(), "the frame has no rows") {
			t.Errorf("%T on an empty frame: error = %v", m, err)
		}
	}
	m := NewLogisticRegression()
	if err := m.Fit(datasets.MustLoad("Pima_tr"), "type"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Predict(empty); err == nil || !strings.Contains(err.Error(), "nothing to predict") {
		t.Errorf("Predict on an empty frame: error = %v", err)
	}
}

// TestMulticlassMetricHint checks that roc_auc on three classes points to
// roc_auc_ovr, and that log_loss now works on three classes.
func TestMulticlassMetricHint(t *testing.T) {
	iris := datasets.MustLoad("iris")
	_, err := CrossValidate(NewGaussianNB(), iris, "Species", 3, 1, "roc_auc")
	if err == nil || !strings.Contains(err.Error(), `use "roc_auc_ovr"`) {
		t.Errorf("roc_auc on iris: error = %v", err)
	}
	if _, err := CrossValidate(NewGaussianNB(), iris, "Species", 3, 1, "neg_log_loss"); err != nil {
		t.Errorf("log_loss on iris: %v", err)
	}
}

// TestSetParamsSklearnSpellings checks that scikit-learn's parameter names
// and value types are accepted, and that inverted booleans get a hint.
func TestSetParamsSklearnSpellings(t *testing.T) {
	rf := NewRandomForestClassifier()
	if err := rf.SetParams(Params{"n_estimators": 50, "max_depth": 4, "min_samples_leaf": 3, "random_state": 7, "max_features": 0.5}); err != nil {
		t.Fatal(err)
	}
	if rf.NTrees != 50 || rf.MaxDepth != 4 || rf.MinSamplesLeaf != 3 || rf.Seed != 7 || rf.MaxFeatures != "0.5" {
		t.Errorf("forest after sklearn-named SetParams: %+v", rf.Params())
	}
	if err := rf.SetParams(Params{"max_features": 1.0}); err != nil || rf.MaxFeatures != "1.0" {
		t.Errorf("max_features 1.0 → %q, %v (want the fraction \"1.0\": all features)", rf.MaxFeatures, err)
	}
	if err := rf.SetParams(Params{"max_features": 3}); err != nil || rf.MaxFeatures != "3" {
		t.Errorf("max_features 3 → %q, %v", rf.MaxFeatures, err)
	}
	if err := rf.SetParams(Params{"bootstrap": false}); err == nil || !strings.Contains(err.Error(), "NoBootstrap") {
		t.Errorf("bootstrap: error = %v", err)
	}
	if err := rf.SetParams(Params{"Seed": -1}); err == nil {
		t.Error("Seed -1: no error")
	}
	p := NewPipeline(NewLogisticRegression(), NewStandardScaler())
	if err := p.SetParams(Params{"logisticregression__C": 0.5, "penalty": "l1"}); err != nil {
		t.Fatal(err)
	}
	if lr := p.Model.(*LogisticRegression); lr.C != 0.5 || lr.Penalty != "l1" {
		t.Errorf("pipeline model after SetParams: C = %v, Penalty = %q", lr.C, lr.Penalty)
	}
	if err := p.SetParams(Params{"Cee": 1.0}); err == nil || !strings.Contains(err.Error(), `no parameter "Cee"`) {
		t.Errorf("unknown name: error = %v", err)
	}
}

// TestSilhouetteLabelChecks checks sklearn's rule of 2 … n−1 clusters and
// a clear message for negative (noise) labels.
func TestSilhouetteLabelChecks(t *testing.T) {
	X := mat.NewDense(4, 1, []float64{0, 1, 5, 6})
	for _, c := range []struct {
		labels []int
		want   string
	}{{[]int{0, 0, 0, 0}, "1 clusters for 4 rows"}, {[]int{0, 1, 2, 3}, "4 clusters for 4 rows"}, {[]int{0, 0, 1, -1}, "labels[3] = -1"}} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(fmt.Sprint(r), c.want) {
					t.Errorf("Silhouette(%v): panic %v, want %q", c.labels, r, c.want)
				}
			}()
			Silhouette(X, c.labels)
		}()
	}
	if s := Silhouette(X, []int{0, 0, 3, 3}); !near(s, 0.797979797979798, 1e-14) { // sklearn silhouette_score
		t.Errorf("Silhouette with labels 0 and 3 = %v", s)
	}
}

// TestSklearnScoringNames checks that scikit-learn's scoring strings are
// understood (reported as the loss, lower is better).
func TestSklearnScoringNames(t *testing.T) {
	for name, want := range map[string]string{"neg_mean_squared_error": "mse", "neg_root_mean_squared_error": "rmse", "neg_mean_absolute_error": "mae", "neg_log_loss": "log_loss", "neg_brier_score": "brier", "roc_auc": "roc_auc"} {
		s, err := getScorer(name, true)
		if err != nil && want != "mse" && want != "rmse" && want != "mae" {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err == nil && s.name != want {
			t.Errorf("%s → %s, want %s", name, s.name, want)
		}
	}
	if s, err := getScorer("neg_mean_squared_error", false); err != nil || s.name != "mse" || s.greater {
		t.Errorf("neg_mean_squared_error: %+v, %v", s, err)
	}
}

// TestLearningCurveFractions checks that fractions outside (0, 1] are an
// error naming them (a fraction of 0 used to fail with "only one class").
func TestLearningCurveFractions(t *testing.T) {
	tr := datasets.MustLoad("Pima_tr")
	_, err := LearningCurveCV(NewLogisticRegression(), tr, "type", []float64{0.5, 1.5}, 5, 1, "")
	if err == nil || !strings.Contains(err.Error(), "training fraction 1.5 is not in (0, 1]") {
		t.Errorf("fraction 1.5: error = %v", err)
	}
}
