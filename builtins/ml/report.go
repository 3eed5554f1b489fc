package ml

import (
	"fmt"
	"math"
	"strconv"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// Report is a classification report as scikit-learn's
// classification_report: precision, recall, F1 and support per class, the
// accuracy, and the macro and support-weighted averages.
type Report struct {
	Classes                []string
	Precision, Recall, F1  []float64
	Support                []int
	Accuracy               float64
	MacroP, MacroR, MacroF float64
	WeightP, WeightR       float64
	WeightF                float64
	N                      int
}

// ClassificationReport builds a Report of yPred against yTrue; names
// label the classes in sorted label order (nil: the label values).
func ClassificationReport(yTrue, yPred []float64, names []string) *Report {
	mustSameLen("ClassificationReport", yTrue, yPred)
	labels, p, r, f, sup := prf(yTrue, yPred)
	rep := &Report{Precision: p, Recall: r, F1: f, N: len(yTrue), Accuracy: Accuracy(yTrue, yPred)}
	for i, l := range labels {
		name := strconv.FormatFloat(l, 'g', -1, 64)
		if names != nil && l >= 0 && int(l) < len(names) && float64(int(l)) == l {
			name = names[int(l)]
		}
		rep.Classes = append(rep.Classes, name)
		rep.Support = append(rep.Support, int(sup[i]))
	}
	rep.MacroP, rep.MacroR, rep.MacroF = Precision(yTrue, yPred, "macro"), Recall(yTrue, yPred, "macro"), F1(yTrue, yPred, "macro")
	rep.WeightP, rep.WeightR, rep.WeightF = Precision(yTrue, yPred, "weighted"), Recall(yTrue, yPred, "weighted"), F1(yTrue, yPred, "weighted")
	return rep
}

// Display lays the report out as sklearn prints it (two decimals).
func (r *Report) Display(o display.Options) display.Bundle {
	if r == nil {
		return display.Text("nil", "<nil Report>")
	}
	t := &textTable{}
	t.header = []string{"", "precision", "recall", "f1-score", "support"}
	for i, c := range r.Classes {
		t.add(c, fixed(r.Precision[i], 2), fixed(r.Recall[i], 2), fixed(r.F1[i], 2), strconv.Itoa(r.Support[i]))
	}
	t.add("accuracy", "", "", fixed(r.Accuracy, 2), strconv.Itoa(r.N))
	t.add("macro avg", fixed(r.MacroP, 2), fixed(r.MacroR, 2), fixed(r.MacroF, 2), strconv.Itoa(r.N))
	t.add("weighted avg", fixed(r.WeightP, 2), fixed(r.WeightR, 2), fixed(r.WeightF, 2), strconv.Itoa(r.N))
	tb := t.table()
	tb.RuleAfter = []int{len(r.Classes) - 1}
	return withTitle(t.title, tb.Bundle("report", o.Normalized()), o.Normalized().Width)
}

// String returns the plain-text display (display.Plain).
func (r *Report) String() string { return r.Display(display.Plain).Text }

// Evaluation gathers the test-set performance of a fitted model.
type Evaluation struct {
	Model string
	N     int
	// Classifiers: the report, confusion matrix, ROC AUC (one-vs-rest
	// macro average for several classes; NaN when a class is absent from
	// the data) and log loss; for two classes also the average precision
	// and Brier score (NaN otherwise).
	Report                  *Report
	Confusion               *Confusion
	AUC, AP, LogLoss, Brier float64
	Binary                  bool
	// Regressors: R², RMSE, MAE and MAPE.
	R2, RMSE, MAE, MAPE float64
	// Pred and Y are the predictions and true values; Proba the positive
	// class probabilities (binary classifiers).
	Pred, Y, Proba []float64
}

// Evaluate scores a fitted model (or pipeline) on frame f against column
// target with the metrics that suit it.
func Evaluate(e Estimator, f *frame.Frame, target string) (*Evaluation, error) {
	if isNilModel(e) {
		return nil, errNilModel
	}
	pred, err := e.Predict(f)
	if err != nil {
		return nil, err
	}
	b := coreOf(e)
	if b == nil {
		return nil, fmt.Errorf("ml: cannot evaluate %T", e)
	}
	y, err := targetFor(b, f, target, IsClassifier(e))
	if err != nil {
		return nil, err
	}
	ev := &Evaluation{Model: typeName(e), N: len(y), Pred: pred, Y: y}
	if !IsClassifier(e) {
		ev.R2, ev.RMSE, ev.MAE, ev.MAPE = R2(y, pred), RMSE(y, pred), MAE(y, pred), MAPE(y, pred)
		return ev, nil
	}
	ev.Report = ClassificationReport(y, pred, b.TargetLevels)
	ev.Confusion = ConfusionMatrix(y, pred)
	for i := range ev.Confusion.Names {
		ev.Confusion.Names[i] = ev.Report.Classes[i]
	}
	nan := math.NaN()
	ev.AUC, ev.AP, ev.LogLoss, ev.Brier = nan, nan, nan, nan
	c, ok := e.(interface {
		PredictProba(*frame.Frame) (*mat.Dense, error)
	})
	if !ok {
		return ev, nil
	}
	P, err := c.PredictProba(f)
	if err != nil {
		return nil, err
	}
	// the probability metrics need class indexes 0 … K−1 as labels
	K := len(b.ClassValues)
	yb := make([]float64, len(y))
	seen := make([]bool, K)
	nSeen := 0
	for i, v := range b.classIndex(y) {
		yb[i] = float64(v)
		if !seen[v] {
			seen[v] = true
			nSeen++
		}
	}
	if K == 2 {
		ev.Binary = true
		ev.Proba = mat.Col(nil, 1, P)
		ev.AUC, ev.AP = ROCAUC(yb, ev.Proba), AveragePrecision(yb, ev.Proba)
		ev.LogLoss, ev.Brier = LogLoss(yb, ev.Proba), BrierScore(yb, ev.Proba)
		return ev, nil
	}
	labels := make([]float64, K)
	for k := range labels {
		labels[k] = float64(k)
	}
	ev.LogLoss = LogLossProba(yb, P, labels)
	if nSeen == K {
		// one-vs-rest, macro-averaged (sklearn roc_auc_score, multi_class="ovr")
		ev.AUC = ROCAUCOvR(yb, P)
	}
	return ev, nil
}

// Display shows the report and the confusion matrix (classifiers) or the
// error measures (regressors).
func (ev *Evaluation) Display(o display.Options) display.Bundle {
	if ev == nil {
		return display.Text("nil", "<nil Evaluation>")
	}
	if ev.Report == nil {
		t := &textTable{title: fmt.Sprintf("%s on %d rows", ev.Model, ev.N)}
		t.header = []string{"metric", "value"}
		t.add("R²", numDigits(ev.R2, 4))
		t.add("RMSE", numDigits(ev.RMSE, 4))
		t.add("MAE", numDigits(ev.MAE, 4))
		t.add("MAPE", numDigits(ev.MAPE, 4))
		return t.bundle("evaluation", o)
	}
	s := fmt.Sprintf("%s on %d rows\n\n%s\n\n%s", ev.Model, ev.N, ev.Report.Display(o).Text, ev.Confusion.Display(o).Text)
	if ev.Binary {
		s += fmt.Sprintf("\n\nROC AUC %s   average precision %s   log loss %s   Brier %s", numDigits(ev.AUC, 4), numDigits(ev.AP, 4), numDigits(ev.LogLoss, 4), numDigits(ev.Brier, 4))
	} else if !math.IsNaN(ev.LogLoss) {
		s += fmt.Sprintf("\n\nROC AUC (one-vs-rest) %s   log loss %s", numDigits(ev.AUC, 4), numDigits(ev.LogLoss, 4))
	}
	return display.Text("evaluation", s)
}

// String returns the plain-text display (display.Plain).
func (ev *Evaluation) String() string { return ev.Display(display.Plain).Text }
