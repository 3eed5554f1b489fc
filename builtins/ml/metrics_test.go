package ml

import (
	"math"
	"path/filepath"
	"strconv"
	"testing"
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
