package ml

import (
	"math"
	"path/filepath"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestClassificationMetricsReference(t *testing.T) {
	ref := readRef(t, "classification_metrics")
	head, rows := readCSV(t, filepath.Join(refDir(t), "r", "classification_predictions.csv"))
	if head[0] != "y_true" {
		t.Fatal(head)
	}
	var y, p, y3, y3p, yhat []float64
	for _, r := range rows {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		y = append(y, f(r[0]))
		p = append(p, f(r[1]))
		y3 = append(y3, f(r[2]))
		y3p = append(y3p, f(r[3]))
		if f(r[1]) >= 0.5 {
			yhat = append(yhat, 1)
		} else {
			yhat = append(yhat, 0)
		}
	}
	for _, eng := range []string{"R", "python"} {
		r := ref[eng].(map[string]any)
		exact := func(name string, got, want float64) {
			t.Helper()
			// "exact": equal to the last bit or within 2 ulps.
			if got != want && math.Abs(got-want) > 4e-16*math.Abs(want) {
				t.Errorf("%s %s = %.17g, want %.17g", eng, name, got, want)
			}
		}
		exact("roc_auc", ROCAUC(y, p), r["roc_auc"].(float64))
		exact("log_loss", LogLoss(y, p), r["log_loss"].(float64))
		cm := ConfusionMatrix(y, yhat)
		wantCM := getF(r, "confusion_matrix", "values").([]any)
		for i := range wantCM {
			for j, v := range wantCM[i].([]any) {
				if float64(cm.Counts[i][j]) != v.(float64) {
					t.Errorf("confusion[%d][%d] = %d, want %v", i, j, cm.Counts[i][j], v)
				}
			}
		}
		for _, c := range []struct {
			key    string
			yt, yp []float64
		}{{"binary", y, yhat}, {"multiclass", y3, y3p}} {
			b := r[c.key].(map[string]any)
			_, P, R, F, _ := prf(c.yt, c.yp)
			for i, w := range floats(b["per_class_precision"]) {
				exact(c.key+" precision", P[i], w)
			}
			for i, w := range floats(b["per_class_recall"]) {
				exact(c.key+" recall", R[i], w)
			}
			for i, w := range floats(b["per_class_f1"]) {
				exact(c.key+" f1", F[i], w)
			}
			exact(c.key+" macro_precision", Precision(c.yt, c.yp, "macro"), b["macro_precision"].(float64))
			exact(c.key+" macro_recall", Recall(c.yt, c.yp, "macro"), b["macro_recall"].(float64))
			exact(c.key+" macro_f1", F1(c.yt, c.yp, "macro"), b["macro_f1"].(float64))
			exact(c.key+" accuracy", Accuracy(c.yt, c.yp), b["accuracy"].(float64))
		}
		if eng == "R" {
			cm3 := ConfusionMatrix(y3, y3p)
			want := getF(r, "multiclass", "confusion_matrix", "values").([]any)
			for i := range want {
				for j, v := range want[i].([]any) {
					if float64(cm3.Counts[i][j]) != v.(float64) {
						t.Errorf("confusion3[%d][%d] = %d, want %v", i, j, cm3.Counts[i][j], v)
					}
				}
			}
		}
	}
}

func TestMoreMetricsMatchSklearn(t *testing.T) {
	ref := skRef(t)["metrics"].(map[string]any)
	head, rows := readCSV(t, filepath.Join(refDir(t), "r", "classification_predictions.csv"))
	_ = head
	var y, p, y3, y3p, yh []float64
	for _, r := range rows {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		y, p, y3, y3p = append(y, f(r[0])), append(p, f(r[1])), append(y3, f(r[2])), append(y3p, f(r[3]))
		if f(r[1]) >= 0.5 {
			yh = append(yh, 1)
		} else {
			yh = append(yh, 0)
		}
	}
	close := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-15*math.Max(1, math.Abs(want)) {
			t.Errorf("%s = %.17g, sklearn %.17g", name, got, want)
		}
	}
	close("balanced_accuracy", BalancedAccuracy(y, yh), ref["balanced_accuracy"].(float64))
	close("balanced_accuracy3", BalancedAccuracy(y3, y3p), ref["balanced_accuracy3"].(float64))
	close("f1 binary", F1(y, yh, "binary"), ref["f1_binary"].(float64))
	close("precision binary", Precision(y, yh, "binary"), ref["precision_binary"].(float64))
	close("recall binary", Recall(y, yh, "binary"), ref["recall_binary"].(float64))
	close("f1 weighted", F1(y3, y3p, "weighted"), ref["f1_weighted3"].(float64))
	close("f1 micro", F1(y3, y3p, "micro"), ref["f1_micro3"].(float64))
	close("precision weighted", Precision(y3, y3p, "weighted"), ref["precision_weighted3"].(float64))
	close("recall weighted", Recall(y3, y3p, "weighted"), ref["recall_weighted3"].(float64))
	close("average precision", AveragePrecision(y, p), ref["average_precision"].(float64))
	close("brier", BrierScore(y, p), ref["brier"].(float64))
	roc := ROCCurve(y, p)
	fpr, tpr := floats(ref["roc_fpr"]), floats(ref["roc_tpr"])
	if len(roc.X) != len(fpr) {
		t.Fatalf("ROC curve has %d points, sklearn %d", len(roc.X), len(fpr))
	}
	for i := range fpr {
		close("roc fpr", roc.X[i], fpr[i])
		close("roc tpr", roc.Y[i], tpr[i])
	}
	for i, v := range floats(ref["roc_thresholds_tail"]) {
		close("roc threshold", roc.Thresholds[i+1], v)
	}
	pr := PRCurve(y, p)
	// sklearn lists precision/recall in increasing threshold order
	pp, rr := floats(ref["pr_precision"]), floats(ref["pr_recall"])
	if len(pr.X) != len(rr) {
		t.Fatalf("PR curve has %d points, sklearn %d", len(pr.X), len(rr))
	}
	for i := range rr {
		close("pr recall", pr.X[i], rr[i])
		close("pr precision", pr.Y[i], pp[i])
	}
	cal := CalibrationCurve(y, p, 5)
	for i, v := range floats(ref["calib_true"]) {
		close("calibration true", cal.FractionPositive[i], v)
	}
	for i, v := range floats(ref["calib_pred"]) {
		close("calibration pred", cal.MeanPredicted[i], v)
	}
	X, by := bostonXY(t)
	_ = X
	pred := make([]float64, len(by))
	for i, v := range by {
		pred[i] = v*1.1 + 1
	}
	close("mape", MAPE(by, pred), ref["mape"].(float64))
	close("mae", MAE(by, pred), ref["mae"].(float64))
	close("mse", MSE(by, pred), ref["mse"].(float64))
	close("r2", R2(by, pred), ref["r2"].(float64))
}

func TestROCAUCOvRMatchesSklearn(t *testing.T) {
	ref := skRef(t)["roc_auc_ovr_iris_sepal"].(map[string]any)
	X, y := irisXY(t)
	s := quarterSplit(X, y)
	rows := ref["proba"].([]any)
	P := mat.NewDense(len(rows), 3, nil)
	for i, r := range rows {
		P.SetRow(i, floats(r))
	}
	got, want := ROCAUCOvR(s.yte, P), ref["roc_auc_ovr"].(float64)
	if math.Abs(got-want) > 1e-15 {
		t.Errorf("one-vs-rest AUC %.17g, sklearn %.17g", got, want)
	}
}

func TestRandomSearchWithDistributions(t *testing.T) {
	X, y := irisXY(t)
	g := Grid{"C": {LogUniform(0.01, 100)}, "Penalty": {"l2"}}
	r, err := RandomSearchXY(NewLogisticRegression(), g, 6, X, y, 3, 1, "accuracy")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Candidates {
		v := c["C"].(float64)
		if v < 0.01 || v >= 100 {
			t.Errorf("C = %v outside the distribution", v)
		}
	}
	if _, err := GridSearchXY(NewLogisticRegression(), g, X, y, 3, 1, ""); err == nil {
		t.Error("GridSearch accepted a distribution")
	}
	if _, err := RandomSearchXY(NewLogisticRegression(), Grid{"C": {LogUniform(0, 1)}}, 3, X, y, 3, 1, ""); err == nil {
		t.Error("LogUniform(0, 1) accepted")
	}
}
