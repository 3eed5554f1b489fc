package ml

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// skRef loads testdata/sklearn_reference.json (made by
// testdata/sklearn_reference.py with scikit-learn 1.2.1).
func skRef(t testing.TB) map[string]any {
	b, err := os.ReadFile(filepath.Join("testdata", "sklearn_reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

type dataSplit struct {
	Xtr, Xte *mat.Dense
	ytr, yte []float64
}

var pimaCols = []string{"npreg", "glu", "bp", "skin", "bmi", "ped", "age"}

func pimaSplit(t testing.TB) dataSplit {
	code := func(file string) (*mat.Dense, []float64) {
		X, _ := numericData(t, file, pimaCols, "")
		_, rows := readCSV(t, filepath.Join(refDir(t), "datasets", file))
		y := make([]float64, len(rows))
		for i, r := range rows {
			if r[7] == "Yes" {
				y[i] = 1
			}
		}
		return X, y
	}
	var s dataSplit
	s.Xtr, s.ytr = code("Pima_tr.csv")
	s.Xte, s.yte = code("Pima_te.csv")
	return s
}

// quarterSplit puts rows with index % 4 == 0 in the test set.
func quarterSplit(X *mat.Dense, y []float64) dataSplit {
	var tr, te []int
	for i := range y {
		if i%4 == 0 {
			te = append(te, i)
		} else {
			tr = append(tr, i)
		}
	}
	pick := func(idx []int) []float64 {
		out := make([]float64, len(idx))
		for a, i := range idx {
			out[a] = y[i]
		}
		return out
	}
	return dataSplit{rowsDense(X, tr), rowsDense(X, te), pick(tr), pick(te)}
}

var irisCols = []string{"Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width"}

func irisXY(t testing.TB) (*mat.Dense, []float64) {
	X, _ := numericData(t, "iris.csv", irisCols, "")
	_, rows := readCSV(t, filepath.Join(refDir(t), "datasets", "iris.csv"))
	lv := map[string]float64{"setosa": 0, "versicolor": 1, "virginica": 2}
	y := make([]float64, len(rows))
	for i, r := range rows {
		y[i] = lv[r[4]]
	}
	return X, y
}

var bostonCols = []string{"crim", "zn", "indus", "chas", "nox", "rm", "age", "dis", "rad", "tax", "ptratio", "black", "lstat"}

func bostonXY(t testing.TB) (*mat.Dense, []float64) {
	return numericData(t, "Boston.csv", bostonCols, "medv")
}

// meanOverSeeds fits make(seed) for 10 seeds and returns the mean score.
func meanOverSeeds(t *testing.T, make func(seed uint64) Estimator, s dataSplit) float64 {
	tot := 0.0
	for seed := uint64(0); seed < 10; seed++ {
		m := make(seed)
		if err := m.FitXY(s.Xtr, s.ytr); err != nil {
			t.Fatal(err)
		}
		sc, err := scoreXY(m, s.Xte, s.yte)
		if err != nil {
			t.Fatal(err)
		}
		tot += sc
	}
	return tot / 10
}

func TestEnsemblesWithinTwoPointsOfSklearn(t *testing.T) {
	ref := skRef(t)
	pima := pimaSplit(t)
	iris := quarterSplit(irisXY(t))
	boston := quarterSplit(bostonXY(t))
	rfc := func(seed uint64) Estimator { m := NewRandomForestClassifier(); m.Seed = seed; return m }
	rfr := func(seed uint64) Estimator { m := NewRandomForestRegressor(); m.Seed = seed; return m }
	hgc := func(seed uint64) Estimator { return NewHistGradientBoostingClassifier() }
	hgr := func(seed uint64) Estimator { return NewHistGradientBoostingRegressor() }
	cases := []struct {
		name string
		make func(uint64) Estimator
		s    dataSplit
		ref  float64
	}{
		{"forest Pima accuracy", rfc, pima, getF(ref, "rf_pima_accuracy", "mean").(float64)},
		{"forest iris accuracy", rfc, iris, getF(ref, "rf_iris_accuracy", "mean").(float64)},
		{"forest Boston R²", rfr, boston, getF(ref, "rf_boston_r2", "mean").(float64)},
		{"boosting Pima accuracy", hgc, pima, ref["hgb_pima_accuracy"].(float64)},
		{"boosting iris accuracy", hgc, iris, ref["hgb_iris_accuracy"].(float64)},
		{"boosting Boston R²", hgr, boston, ref["hgb_boston_r2"].(float64)},
	}
	for _, c := range cases {
		got := meanOverSeeds(t, c.make, c.s)
		t.Logf("%-24s gostat %.4f  sklearn %.4f  diff %+.4f", c.name, got, c.ref, got-c.ref)
		if math.Abs(got-c.ref) > 0.02 {
			t.Errorf("%s: %.4f vs sklearn %.4f (more than 2 points apart)", c.name, got, c.ref)
		}
	}
}

func TestDecisionTreeMatchesSklearn(t *testing.T) {
	ref := skRef(t)
	s := pimaSplit(t)
	for _, c := range []struct {
		key   string
		alpha float64
	}{{"tree_pima", 0}, {"tree_pima_ccp001", 0.01}} {
		m := NewDecisionTreeClassifier()
		m.CCPAlpha = c.alpha
		if err := m.FitXY(s.Xtr, s.ytr); err != nil {
			t.Fatal(err)
		}
		acc, _ := m.ScoreXY(s.Xte, s.yte)
		want := ref[c.key].(map[string]any)
		t.Logf("%s: leaves %d (sklearn %v), depth %d (%v), accuracy %.4f (%.4f)", c.key, m.NLeaves(), want["n_leaves"], m.Depth(), want["depth"], acc, want["accuracy"])
		if float64(m.NLeaves()) != want["n_leaves"].(float64) {
			t.Errorf("%s: %d leaves, sklearn %v", c.key, m.NLeaves(), want["n_leaves"])
		}
		if math.Abs(acc-want["accuracy"].(float64)) > 0.03 {
			t.Errorf("%s: accuracy %.4f, sklearn %v", c.key, acc, want["accuracy"])
		}
	}
	path, err := NewDecisionTreeClassifier().CostComplexityPruningPath(s.Xtr, s.ytr)
	if err != nil {
		t.Fatal(err)
	}
	wa := floats(getF(ref, "tree_pima_ccp_path", "ccp_alphas"))
	wi := floats(getF(ref, "tree_pima_ccp_path", "impurities"))
	if len(path.Alphas) != len(wa) {
		t.Errorf("pruning path has %d steps, sklearn %d", len(path.Alphas), len(wa))
	} else {
		for i := range wa {
			if math.Abs(path.Alphas[i]-wa[i]) > 1e-12 || math.Abs(path.Impurities[i]-wi[i]) > 1e-12 {
				t.Errorf("pruning step %d: alpha %v impurity %v, sklearn %v %v", i, path.Alphas[i], path.Impurities[i], wa[i], wi[i])
			}
		}
	}
	X, y := bostonXY(t)
	b := quarterSplit(X, y)
	m := NewDecisionTreeRegressor()
	m.MaxDepth = 4
	if err := m.FitXY(b.Xtr, b.ytr); err != nil {
		t.Fatal(err)
	}
	pred, _ := m.PredictX(b.Xte)
	want := floats(getF(ref, "tree_boston_depth4", "pred_first5"))
	for i, w := range want {
		if math.Abs(pred[i]-w) > 1e-9*math.Abs(w) {
			t.Errorf("depth-4 regression tree prediction %d = %v, sklearn %v", i, pred[i], w)
		}
	}
}

func TestBoostingPredictionsMatchSklearn(t *testing.T) {
	ref := skRef(t)
	s := pimaSplit(t)
	m := NewHistGradientBoostingClassifier()
	if err := m.FitXY(s.Xtr, s.ytr); err != nil {
		t.Fatal(err)
	}
	P, _ := m.PredictProbaX(s.Xte)
	for i, w := range floats(ref["hgb_pima_proba_first5"]) {
		t.Logf("Pima P(Yes) row %d: %.10f sklearn %.10f", i, P.At(i, 1), w)
		if math.Abs(P.At(i, 1)-w) > 1e-5 {
			t.Errorf("boosting probability row %d = %v, sklearn %v", i, P.At(i, 1), w)
		}
	}
	X, y := bostonXY(t)
	b := quarterSplit(X, y)
	r := NewHistGradientBoostingRegressor()
	if err := r.FitXY(b.Xtr, b.ytr); err != nil {
		t.Fatal(err)
	}
	pred, _ := r.PredictX(b.Xte)
	for i, w := range floats(ref["hgb_boston_pred_first5"]) {
		t.Logf("Boston row %d: %.8f sklearn %.8f", i, pred[i], w)
		if math.Abs(pred[i]-w) > 1e-4*math.Abs(w) {
			t.Errorf("boosting regression row %d = %v, sklearn %v", i, pred[i], w)
		}
	}
}

func TestLinearRegressionMatchesLM(t *testing.T) {
	ref := readRef(t, "lm_mtcars_wt_hp")["R"].(map[string]any)
	X, y := numericData(t, "mtcars.csv", []string{"wt", "hp"}, "mpg")
	m := NewLinearRegression()
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	want := ref["coefficients"].(map[string]any)
	got := map[string]float64{"(Intercept)": m.Intercept(), "wt": m.Coef()[0], "hp": m.Coef()[1]}
	for k, w := range want {
		if d := lre(got[k], w.(float64)); d < 12 {
			t.Errorf("%s = %.15g, R %.15g (LRE %.1f)", k, got[k], w, d)
		}
	}
}

// TestCrossValidateInOrderMatchesSklearn checks that the InOrder seed
// gives scikit-learn's cv=5 folds: cross_val_score(GaussianNB(), X, y,
// cv=5) on Pima_tr (scikit-learn 1.2.1) scores each fold exactly as
// gostat does.
func TestCrossValidateInOrderMatchesSklearn(t *testing.T) {
	s := pimaSplit(t)
	r, err := CrossValidateXY(NewGaussianNB(), s.Xtr, s.ytr, 5, InOrder, "accuracy")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.8, 0.8, 0.675, 0.825, 0.725}
	for k, w := range want {
		if math.Abs(r.Scores[k]-w) > 1e-12 {
			t.Errorf("fold %d accuracy %v, scikit-learn %v", k+1, r.Scores[k], w)
		}
	}
}

// TestGridSearchFailedCandidate checks scikit-learn's error_score=nan
// behaviour: a candidate whose fit fails (K above the training rows)
// scores NaN, ranks last with its reason kept, and the search goes on.
func TestGridSearchFailedCandidate(t *testing.T) {
	s := pimaSplit(t)
	r, err := GridSearchXY(NewKNeighborsClassifier(), Grid{"K": {5, 500, 15}}, s.Xtr, s.ytr, 5, InOrder, "accuracy")
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(r.Mean[1]) || r.Rank[1] != 3 || !strings.Contains(r.Errors[1], "fold 1") || r.Errors[0] != "" {
		t.Errorf("failed candidate: mean %v rank %d error %q", r.Mean[1], r.Rank[1], r.Errors[1])
	}
	if r.Best["K"] == 500 || math.IsNaN(r.BestScore) {
		t.Errorf("best %v (%v)", r.Best, r.BestScore)
	}
	if !strings.Contains(r.String(), "K=500 failed") && !strings.Contains(r.String(), "failed (fold 1") {
		t.Errorf("display does not name the failure:\n%s", r)
	}
	if _, err := GridSearchXY(NewKNeighborsClassifier(), Grid{"K": {500}}, s.Xtr, s.ytr, 5, InOrder, "accuracy"); err == nil || !strings.Contains(err.Error(), "every candidate failed") {
		t.Errorf("all failing: %v", err)
	}
}
