package ml

import (
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestPCAMatchesPrcomp(t *testing.T) {
	ref := readRef(t, "prcomp_usarrests")["R"].(map[string]any)
	X, _ := numericData(t, "USArrests.csv", []string{"Murder", "Assault", "UrbanPop", "Rape"}, "")
	m := NewPCA(true)
	if err := m.FitX(X); err != nil {
		t.Fatal(err)
	}
	for c, w := range floats(ref["sdev"]) {
		if d := lre(m.SDev()[c], w); d < 12 {
			t.Errorf("sdev[%d] = %v, want %v (LRE %.1f)", c, m.SDev()[c], w, d)
		}
	}
	for c, w := range floats(ref["proportion_of_variance"]) {
		if d := lre(m.ExplainedVarianceRatio()[c], w); d < 12 {
			t.Errorf("ratio[%d] LRE %.1f", c, d)
		}
	}
	rot := getF(ref, "rotation_signfixed", "values").([]any)
	for j := range rot {
		for c, w := range floats(rot[j]) {
			if d := math.Abs(m.Rotation().At(j, c) - w); d > 1e-12 {
				t.Errorf("rotation[%d][%d] = %v, want %v", j, c, m.Rotation().At(j, c), w)
			}
		}
	}
	S, _ := m.TransformX(X)
	sc := getF(ref, "scores_signfixed_first5", "values").([]any)
	for i := range sc {
		for c, w := range floats(sc[i]) {
			if d := math.Abs(S.At(i, c) - w); d > 1e-12 {
				t.Errorf("score[%d][%d] = %v, want %v", i, c, S.At(i, c), w)
			}
		}
	}
}

func TestKMeansAndSilhouetteIris(t *testing.T) {
	ref := skRef(t)
	X, y := irisXY(t)
	m := NewKMeans(3)
	if err := m.FitX(X); err != nil {
		t.Fatal(err)
	}
	want := getF(ref, "kmeans_iris_k3", "inertia").(float64)
	if d := lre(m.Inertia(), want); d < 10 {
		t.Errorf("inertia %v, sklearn %v", m.Inertia(), want)
	}
	if d := lre(Silhouette(X, m.Labels()), getF(ref, "kmeans_iris_k3", "silhouette").(float64)); d < 12 {
		t.Errorf("silhouette LRE %.1f", d)
	}
	lab := make([]int, len(y))
	for i, v := range y {
		lab[i] = int(v)
	}
	if d := lre(Silhouette(X, lab), ref["silhouette_iris_species"].(float64)); d < 12 {
		t.Errorf("silhouette of species LRE %.1f", d)
	}
}

func TestNeighboursAndNaiveBayesMatchSklearn(t *testing.T) {
	ref := skRef(t)
	X, y := irisXY(t)
	s := quarterSplit(X, y)
	k := NewKNeighborsClassifier()
	if err := k.FitXY(s.Xtr, s.ytr); err != nil {
		t.Fatal(err)
	}
	pred, _ := k.PredictX(s.Xte)
	for i, w := range floats(getF(ref, "knn_iris", "pred")) {
		if pred[i] != w {
			t.Errorf("knn pred[%d] = %v, sklearn %v", i, pred[i], w)
		}
	}
	bx, by := bostonXY(t)
	bs := quarterSplit(bx, by)
	kr := NewKNeighborsRegressor()
	if err := kr.FitXY(bs.Xtr, bs.ytr); err != nil {
		t.Fatal(err)
	}
	pr, _ := kr.PredictX(bs.Xte)
	for i, w := range floats(ref["knn_boston_pred_first5"]) {
		if lre(pr[i], w) < 13 {
			t.Errorf("knn regression pred[%d] = %v, sklearn %v", i, pr[i], w)
		}
	}
	g := NewGaussianNB()
	if err := g.FitXY(s.Xtr, s.ytr); err != nil {
		t.Fatal(err)
	}
	P, _ := g.PredictProbaX(s.Xte)
	for i, row := range getF(ref, "gnb_iris", "proba_first5").([]any) {
		for c, w := range floats(row) {
			if math.Abs(P.At(i, c)-w) > 1e-12 {
				t.Errorf("GaussianNB proba[%d][%d] = %v, sklearn %v", i, c, P.At(i, c), w)
			}
		}
	}
	mn := NewMultinomialNB()
	if err := mn.FitXY(s.Xtr, s.ytr); err != nil {
		t.Fatal(err)
	}
	P, _ = mn.PredictProbaX(s.Xte)
	for i, row := range getF(ref, "mnb_iris", "proba_first5").([]any) {
		for c, w := range floats(row) {
			if math.Abs(P.At(i, c)-w) > 1e-12 {
				t.Errorf("MultinomialNB proba[%d][%d] = %v, sklearn %v", i, c, P.At(i, c), w)
			}
		}
	}
}

func TestLogisticMatchesSklearn(t *testing.T) {
	ref := skRef(t)
	X, y := irisXY(t)
	m := NewLogisticRegression()
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	w := getF(ref, "logit_iris_multinomial_C1").(map[string]any)
	for k, row := range w["coef"].([]any) {
		for j, v := range floats(row) {
			if math.Abs(m.Coef().At(k, j)-v) > 1e-6*math.Max(1, math.Abs(v)) {
				t.Errorf("iris multinomial coef[%d][%d] = %.9g, sklearn %.9g", k, j, m.Coef().At(k, j), v)
			}
		}
	}
	for k, v := range floats(w["intercept"]) {
		if math.Abs(m.Intercept()[k]-v) > 1e-6*math.Max(1, math.Abs(v)) {
			t.Errorf("iris intercept[%d] = %.9g, sklearn %.9g", k, m.Intercept()[k], v)
		}
	}
	s := pimaSplit(t)
	m = NewLogisticRegression()
	if err := m.FitXY(s.Xtr, s.ytr); err != nil {
		t.Fatal(err)
	}
	w = getF(ref, "logit_pima_l2_C1").(map[string]any)
	for j, v := range floats(w["coef"].([]any)[0]) {
		if math.Abs(m.Coef().At(0, j)-v) > 1e-6*math.Max(1, math.Abs(v)) {
			t.Errorf("Pima l2 coef[%d] = %.9g, sklearn %.9g", j, m.Coef().At(0, j), v)
		}
	}
	// L1 on standardised Pima (sklearn saga, tol 1e-12)
	Z := standardiseCols(s.Xtr)
	l1 := &LogisticRegression{Penalty: "l1", C: 0.1}
	if err := l1.FitXY(Z, s.ytr); err != nil {
		t.Fatal(err)
	}
	w = getF(ref, "logit_pima_l1_C01_scaled").(map[string]any)
	for j, v := range floats(w["coef"].([]any)[0]) {
		if math.Abs(l1.Coef().At(0, j)-v) > 1e-6 {
			t.Errorf("Pima l1 coef[%d] = %.9g, sklearn %.9g", j, l1.Coef().At(0, j), v)
		}
	}
}

func TestMissingValues(t *testing.T) {
	s := pimaSplit(t)
	X := mat.DenseCopyOf(s.Xtr)
	n, _ := X.Dims()
	for i := 0; i < n; i += 5 {
		X.Set(i, 1, math.NaN()) // glu missing in 20% of rows
	}
	if err := NewRandomForestClassifier().FitXY(X, s.ytr); err == nil || !strings.Contains(err.Error(), `"x2" has 40 missing`) {
		t.Errorf("forest with NaN: %v", err)
	}
	m := NewHistGradientBoostingClassifier()
	if err := m.FitXY(X, s.ytr); err != nil {
		t.Fatal(err)
	}
	Xte := mat.DenseCopyOf(s.Xte)
	Xte.Set(0, 1, math.NaN())
	acc, err := m.ScoreXY(Xte, s.yte)
	if err != nil || acc < 0.7 {
		t.Errorf("boosting with missing values: accuracy %v, %v", acc, err)
	}
}

func TestSortFloats(t *testing.T) {
	X, _ := clfData(9000, 1, 2)
	v := mat.Col(nil, 0, X)
	v = append(v, 0, math.Copysign(0, -1), -1e300, 1e300, math.Inf(1), math.Inf(-1), 5e-324, -5e-324)
	w := append([]float64(nil), v...)
	sortFloats(v)
	sort.Float64s(w)
	for i := range v {
		if v[i] != w[i] {
			t.Fatalf("sortFloats[%d] = %v, want %v", i, v[i], w[i])
		}
	}
}

// TestKMeansRelocatesEmptyCluster checks scikit-learn's handling of an
// empty cluster: KMeans(3, init=C, n_init=1, algorithm="lloyd", tol=0) on
// these points (scikit-learn 1.2.1) moves the empty centre (100, 100) to
// the point farthest from its centre, (20, 0).
func TestKMeansRelocatesEmptyCluster(t *testing.T) {
	rows := [][]float64{{0, 0}, {1, 0}, {0, 1}, {10, 10}, {11, 10}, {10, 11}, {5, 5.5}, {20, 0}}
	init := [][]float64{{0, 0}, {10, 10}, {100, 100}}
	c, l, inertia, _ := lloyd(rows, init, 300, 0)
	want := [][]float64{{1.0 / 3, 1.0 / 3}, {9, 9.125}, {20, 0}}
	for j := range want {
		for d := range want[j] {
			if math.Abs(c[j][d]-want[j][d]) > 1e-12 {
				t.Fatalf("centres %v, scikit-learn %v", c, want)
			}
		}
	}
	if !reflect.DeepEqual(l, []int{0, 0, 0, 1, 1, 1, 1, 2}) || math.Abs(inertia-41.520833333333336) > 1e-9 {
		t.Errorf("labels %v inertia %v", l, inertia)
	}
}
