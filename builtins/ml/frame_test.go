package ml

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

func TestFrameWorkflow(t *testing.T) {
	train := datasets.MustLoad("Pima_tr")
	test := datasets.MustLoad("Pima_te")
	p := NewPipeline(NewLogisticRegression(), frame.NewStandardize())
	if err := p.Fit(train, "type"); err != nil {
		t.Fatal(err)
	}
	acc, err := p.Score(test, "type")
	if err != nil {
		t.Fatal(err)
	}
	if acc < 0.75 || acc > 0.85 {
		t.Errorf("pipeline accuracy %v", acc)
	}
	lab, err := p.PredictLabels(test)
	if err != nil || (lab[0] != "No" && lab[0] != "Yes") {
		t.Fatalf("labels %v %v", lab[:3], err)
	}
	cv, err := CrossValidate(p, train, "type", 5, 1, "roc_auc")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + cv.String())
	cv2, err := CrossValidate(NewLogisticRegression(), train, "type", 5, 1, "roc_auc")
	if err != nil {
		t.Fatal(err)
	}
	if cv2.Folds[0].Test[0] != cv.Folds[0].Test[0] {
		t.Error("same seed gave different folds")
	}
	gs, err := GridSearch(NewRandomForestClassifier(), Grid{"MaxFeatures": {"sqrt", "all"}, "MinSamplesLeaf": {1, 5}}, train, "type", 3, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + gs.String())
	if gs.BestModel == nil || len(gs.Candidates) != 4 {
		t.Fatal("grid search")
	}
	cmp, err := CompareModels(p, NewRandomForestClassifier(), train, "type", 5, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + cmp.String())
	ev, err := Evaluate(p, test, "type")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + ev.String())
	if !strings.Contains(ev.String(), "weighted avg") {
		t.Error("no report")
	}
	im, err := PermutationImportance(p, test, "type", 5, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + im.String())
	if im.Ranked()[0] != "glu" {
		t.Errorf("most important feature %v, want glu", im.Ranked())
	}
	pd, err := PartialDependence(p, test, "glu", 5)
	if err != nil {
		t.Fatal(err)
	}
	if !(pd.Average[4] > pd.Average[0]) {
		t.Errorf("partial dependence on glu not increasing: %v", pd.Average)
	}
	lc, err := LearningCurveCV(NewLogisticRegression(), train, "type", nil, 5, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + lc.String())
	// schema errors name the columns
	_, err = p.Predict(test.Drop("glu", "bmi"))
	if err == nil || !strings.Contains(err.Error(), `"glu", "bmi"`) {
		t.Errorf("missing-column error: %v", err)
	}
	_, err = p.Predict(test.AsString("age"))
	if err == nil || !strings.Contains(err.Error(), `"age" is string`) {
		t.Errorf("wrong-type error: %v", err)
	}
	rf := NewRandomForestClassifier()
	if err := rf.Fit(train.Drop("type").With("type", train.Col("bmi")), "type"); err == nil {
		t.Log("numeric target accepted as classes")
	}
	if err := rf.Fit(train, "typ"); err == nil || !strings.Contains(err.Error(), `did you mean "type"`) {
		t.Errorf("unknown target error: %v", err)
	}
}
