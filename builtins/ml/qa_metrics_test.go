package ml

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"gonum.org/v1/gonum/mat"
)

// qaRef holds testdata/qa_reference.json (made by qa_reference.py with
// scikit-learn 1.2.1).
type qaRef struct {
	Labels12 struct {
		Y, Score  []float64
		ROCAUC    float64 `json:"roc_auc"`
		AP        float64 `json:"average_precision"`
		LogLoss   float64 `json:"log_loss"`
		Brier     float64
		CalibTrue []float64 `json:"calib_true"`
	}
	NoPositives struct {
		Y, Score []float64
		AP       float64 `json:"average_precision"`
	} `json:"no_positives"`
	LogLossClipped struct {
		Y, P    []float64
		LogLoss float64 `json:"log_loss"`
	} `json:"log_loss_clipped"`
	PDP struct {
		RadGrid    []float64 `json:"rad_grid"`
		RadAverage []float64 `json:"rad_average"`
		RmGrid     []float64 `json:"rm_grid"`
		RmAverage  []float64 `json:"rm_average"`
	} `json:"pdp_boston_lm"`
	HGBNaN struct {
		Pred []float64
	} `json:"hgb_airquality_nan"`
	HGBPredictNaN struct {
		Proba []float64
	} `json:"hgb_pima_glu_missing_at_predict"`
	GNBIris struct {
		AUC     float64 `json:"roc_auc_ovr"`
		LogLoss float64 `json:"log_loss"`
	} `json:"gnb_iris_evaluate"`
	LogitL1 struct {
		Coef      [][]float64
		Intercept []float64
		Proba     [][]float64
	} `json:"logit_iris_l1_multinomial_C05"`
	Multiclass struct {
		Y             []float64
		P             [][]float64
		LogLoss       float64   `json:"log_loss"`
		YCodes        []float64 `json:"y_text_codes"`
		LogLossLabels float64   `json:"log_loss_labels"`
	}
}

func loadQARef(t *testing.T) *qaRef {
	t.Helper()
	b, err := os.ReadFile("testdata/qa_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var r qaRef
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// TestBinaryLabelConventionMatchesSklearn checks the positive class of the
// binary metrics for labels {1, 2} (the larger one, as sklearn; 1 was taken
// as positive before, giving 1 − AUC) and for labels without positives.
func TestBinaryLabelConventionMatchesSklearn(t *testing.T) {
	r := loadQARef(t)
	l := r.Labels12
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"ROCAUC", ROCAUC(l.Y, l.Score), l.ROCAUC},
		{"AveragePrecision", AveragePrecision(l.Y, l.Score), l.AP},
		{"LogLoss", LogLoss(l.Y, l.Score), l.LogLoss},
		{"BrierScore", BrierScore(l.Y, l.Score), l.Brier},
		{"LogLoss with p = 0", LogLoss(r.LogLossClipped.Y, r.LogLossClipped.P), r.LogLossClipped.LogLoss},
		{"AveragePrecision without positives", AveragePrecision(r.NoPositives.Y, r.NoPositives.Score), r.NoPositives.AP},
	} {
		if !near(c.got, c.want, 1e-14) {
			t.Errorf("%s = %v, sklearn %v", c.name, c.got, c.want)
		}
	}
	cal := CalibrationCurve(l.Y, l.Score, 3)
	for i, v := range l.CalibTrue {
		if i >= len(cal.FractionPositive) || !near(cal.FractionPositive[i], v, 1e-14) {
			t.Errorf("CalibrationCurve fractions = %v, sklearn %v", cal.FractionPositive, l.CalibTrue)
			break
		}
	}
}

// TestMulticlassLogLossMatchesSklearn checks LogLossProba and the log_loss
// scorer on three classes (it used to refuse more than two).
func TestMulticlassLogLossMatchesSklearn(t *testing.T) {
	m := loadQARef(t).Multiclass
	P := mat.NewDense(len(m.P), 3, nil)
	for i, row := range m.P {
		P.SetRow(i, row)
	}
	if got := LogLossProba(m.Y, P, nil); !near(got, m.LogLoss, 1e-14) {
		t.Errorf("LogLossProba = %v, sklearn %v", got, m.LogLoss)
	}
	if got := LogLossProba(m.YCodes, P, nil); !near(got, m.LogLossLabels, 1e-14) {
		t.Errorf("LogLossProba(labels 5,7,9) = %v, sklearn %v", got, m.LogLossLabels)
	}
	s, err := getScorer("neg_log_loss", true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.score(m.Y, nil, P)
	if err != nil || !near(got, m.LogLoss, 1e-14) {
		t.Errorf("log_loss scorer = %v, %v; sklearn %v", got, err, m.LogLoss)
	}
}

// TestPartialDependenceMatchesSklearn checks the grid (distinct values when
// there are fewer than the grid points; else evenly spaced between the 5th
// and 95th percentiles) and the averages of a linear regression on Boston.
func TestPartialDependenceMatchesSklearn(t *testing.T) {
	r := loadQARef(t).PDP
	b := datasets.MustLoad("Boston")
	lm := NewLinearRegression()
	if err := lm.Fit(b, "medv"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		feature    string
		n          int
		grid, want []float64
	}{{"rad", 20, r.RadGrid, r.RadAverage}, {"rm", 5, r.RmGrid, r.RmAverage}} {
		d, err := PartialDependence(lm, b, c.feature, c.n)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Grid) != len(c.grid) {
			t.Errorf("%s: grid %v, sklearn %v", c.feature, d.Grid, c.grid)
			continue
		}
		for k := range c.grid {
			if !near(d.Grid[k], c.grid[k], 1e-12) || !near(d.Average[k], c.want[k], 1e-9) {
				t.Errorf("%s point %d: (%v, %v), sklearn (%v, %v)", c.feature, k, d.Grid[k], d.Average[k], c.grid[k], c.want[k])
			}
		}
	}
}

// TestBoostingMissingValuesMatchSklearn checks the splits with missing
// values (both directions, min-samples-leaf counting the missing rows; the
// missing rows were skipped from the left side before) and where a missing
// value goes when the feature had none at fit time (the larger child).
func TestBoostingMissingValuesMatchSklearn(t *testing.T) {
	r := loadQARef(t)
	aq := datasets.MustLoad("airquality").DropNA("Ozone")
	h := NewHistGradientBoostingRegressor()
	if err := h.Fit(aq, "Ozone"); err != nil {
		t.Fatal(err)
	}
	pred, err := h.Predict(aq)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range r.HGBNaN.Pred {
		if math.Abs(pred[i]-w) > 1e-4*math.Abs(w) {
			t.Errorf("airquality row %d = %v, sklearn %v", i, pred[i], w)
		}
	}
	tr, te := datasets.MustLoad("Pima_tr"), datasets.MustLoad("Pima_te").Head(10)
	c := NewHistGradientBoostingClassifier()
	if err := c.Fit(tr, "type"); err != nil {
		t.Fatal(err)
	}
	nan := make([]float64, 10)
	for i := range nan {
		nan[i] = math.NaN()
	}
	P, err := c.PredictProba(te.With("glu", nan))
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range r.HGBPredictNaN.Proba {
		// float32 gradient sums (as sklearn's) leave about 2e-5 between
		// the two even without missing values
		if math.Abs(P.At(i, 1)-w) > 5e-5 {
			t.Errorf("Pima row %d with glu missing: P(Yes) = %v, sklearn %v", i, P.At(i, 1), w)
		}
	}
}

// TestBinaryAverageWithoutPositives checks precision, recall and F1 with
// average "binary" when label 1 never occurs (sklearn: 0 with
// zero_division=0; label 0 was taken as positive before, giving 1).
func TestBinaryAverageWithoutPositives(t *testing.T) {
	zeros := []float64{0, 0, 0}
	for name, f := range map[string]func([]float64, []float64, string) float64{"Precision": Precision, "Recall": Recall, "F1": F1} {
		if got := f(zeros, zeros, "binary"); got != 0 {
			t.Errorf("%s(all 0, all 0, binary) = %v, sklearn 0", name, got)
		}
	}
	if got := F1([]float64{1, 1, 0}, []float64{1, 0, 0}, "binary"); !near(got, 2.0/3, 1e-15) {
		t.Errorf("F1 = %v, want 2/3", got)
	}
	// labels {1, 2}: sklearn's pos_label=1 (F1 of label 1 = 2/3)
	if got := F1([]float64{1, 1, 2, 2}, []float64{1, 2, 2, 2}, "binary"); !near(got, 2.0/3, 1e-15) {
		t.Errorf("F1 with labels {1, 2} = %v, sklearn 2/3 (positive 1; label 2 would give 4/5)", got)
	}
	if got := F1([]float64{2, 3, 3}, []float64{2, 3, 2}, "binary"); !near(got, 2.0/3, 1e-15) {
		t.Errorf("F1 with labels {2, 3} = %v, want 2/3 (positive 3)", got)
	}
}

// TestEvaluateMulticlassProbabilityMetrics checks that Evaluate fills the
// ROC AUC (one-vs-rest) and log loss for three classes (they were left 0).
func TestEvaluateMulticlassProbabilityMetrics(t *testing.T) {
	r := loadQARef(t).GNBIris
	iris := datasets.MustLoad("iris")
	g := NewGaussianNB()
	if err := g.Fit(iris, "Species"); err != nil {
		t.Fatal(err)
	}
	ev, err := Evaluate(g, iris, "Species")
	if err != nil {
		t.Fatal(err)
	}
	if !near(ev.AUC, r.AUC, 1e-12) || !near(ev.LogLoss, r.LogLoss, 1e-9) {
		t.Errorf("Evaluate: AUC %v, log loss %v; sklearn %v, %v", ev.AUC, ev.LogLoss, r.AUC, r.LogLoss)
	}
	if !math.IsNaN(ev.Brier) || !math.IsNaN(ev.AP) {
		t.Errorf("Brier %v and AP %v should be NaN for three classes", ev.Brier, ev.AP)
	}
}

// TestLogisticL1MultinomialMatchesSaga checks the L1 fit on three classes
// against sklearn's saga (multinomial; it was one-vs-rest before).
func TestLogisticL1MultinomialMatchesSaga(t *testing.T) {
	r := loadQARef(t).LogitL1
	m := NewLogisticRegression()
	m.Penalty, m.C, m.Tol = "l1", 0.5, 1e-10
	if err := m.Fit(datasets.MustLoad("iris"), "Species"); err != nil {
		t.Fatal(err)
	}
	W := m.Coef()
	for k, row := range r.Coef {
		for j, w := range row {
			if math.Abs(W.At(k, j)-w) > 1e-6 {
				t.Errorf("coef[%d][%d] = %v, saga %v", k, j, W.At(k, j), w)
			}
		}
		if b := m.Intercept()[k]; math.Abs(b-r.Intercept[k]) > 1e-5 {
			t.Errorf("intercept[%d] = %v, saga %v", k, b, r.Intercept[k])
		}
	}
	if len(r.Proba) == 0 {
		t.Fatal("no saga probabilities in the reference")
	}
	P, err := m.PredictProba(datasets.MustLoad("iris").Take([]int{0, 50, 100, 70, 120}))
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range r.Proba {
		for k, w := range row {
			if math.Abs(P.At(i, k)-w) > 1e-6 {
				t.Errorf("proba[%d][%d] = %v, saga %v (softmax)", i, k, P.At(i, k), w)
			}
		}
	}
}
