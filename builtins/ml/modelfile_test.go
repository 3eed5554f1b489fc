package ml

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
	"gonum.org/v1/gonum/mat"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	train := datasets.MustLoad("Pima_tr")
	test := datasets.MustLoad("Pima_te")
	dir := t.TempDir()
	models := []Estimator{
		NewPipeline(NewLogisticRegression(), NewStandardScaler()),
		NewPipeline(NewKNeighborsClassifier(), NewStandardScaler()),
		NewRandomForestClassifier(), NewHistGradientBoostingClassifier(), NewDecisionTreeClassifier(),
		NewGaussianNB(), NewMultinomialNB(),
	}
	for i, m := range models {
		if err := m.Fit(train, "type"); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("clf%d.json", i))
		if err := Save(path, m, map[string]float64{"test_accuracy": 0.8}); err != nil {
			t.Fatalf("%s: %v", typeName(m), err)
		}
		back, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", typeName(m), err)
		}
		p1, _ := m.(Classifier).PredictProba(test)
		p2, err := back.(Classifier).PredictProba(test)
		if err != nil {
			t.Fatal(err)
		}
		r, c := p1.Dims()
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				if p1.At(i, j) != p2.At(i, j) {
					t.Fatalf("%s: probability [%d,%d] %v after reload, %v before", typeName(m), i, j, p2.At(i, j), p1.At(i, j))
				}
			}
		}
		if _, err := back.Predict(test.Drop("ped")); err == nil || !strings.Contains(err.Error(), `"ped"`) {
			t.Errorf("%s: missing column error: %v", typeName(m), err)
		}
	}
	// pipelines with the frame package's transformers
	infert := datasets.MustLoad("infert")
	p := NewPipeline(NewLogisticRegression(), frame.NewImputer("median"), frame.NewOneHot("education"), frame.NewStandardize(), &PCA{NComponents: 4})
	if err := p.Fit(infert.Drop("stratum", "pooled.stratum"), "case"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "frame_steps.json")
	if err := Save(path, p, nil); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := p.PredictProba(infert)
	b2, err := back.(Classifier).PredictProba(infert)
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(a, b2) {
		t.Error("frame-transformer pipeline predicts differently after reload")
	}
	// regressors
	b := datasets.MustLoad("Boston")
	for _, m := range []Estimator{NewRidge(), NewLasso(), NewLinearRegression(), NewElasticNet(), NewRandomForestRegressor(), NewHistGradientBoostingRegressor(), NewKNeighborsRegressor(), NewDecisionTreeRegressor()} {
		if err := m.Fit(b, "medv"); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, typeName(m)+".json")
		if err := Save(path, m, nil); err != nil {
			t.Fatal(err)
		}
		back, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := m.Predict(b)
		c, _ := back.Predict(b)
		for i := range a {
			if a[i] != c[i] {
				t.Fatalf("%s: prediction %d differs after reload", typeName(m), i)
			}
		}
	}
	// a tampered file is refused
	path = filepath.Join(dir, "clf2.json")
	raw, _ := os.ReadFile(path)
	bad := strings.Replace(string(raw), `"threshold":[`, `"threshold":[1`, 1)
	os.WriteFile(path, []byte(bad), 0o644)
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("tampered file: %v", err)
	}
	h, err := ReadModelFile(filepath.Join(dir, "clf0.json"))
	if err != nil {
		t.Fatal(err)
	}
	if h.Target != "type" || len(h.Schema) != 7 || h.TrainingRows != 200 || h.Metrics["test_accuracy"] != 0.8 {
		t.Errorf("header %+v", h)
	}
}
