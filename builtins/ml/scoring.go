package ml

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
	"gonum.org/v1/gonum/mat"
)

// scorer is a named metric of a fitted model's predictions.
type scorer struct {
	name      string
	greater   bool // larger is better
	needProba bool
	fn        func(y, pred []float64, P *mat.Dense) float64
}

// Metrics lists the metric names accepted by CrossValidate, GridSearch,
// LearningCurve, CompareModels and PermutationImportance. An empty name
// means the model's Score: accuracy for classifiers, r2 for regressors.
var Metrics = []string{"accuracy", "balanced_accuracy", "f1", "f1_macro", "f1_micro", "f1_weighted",
	"precision", "recall", "roc_auc", "roc_auc_ovr", "average_precision", "log_loss", "brier",
	"r2", "mse", "rmse", "mae", "mape"}

// sklearnScorers maps scikit-learn's scoring names (after "neg_") to
// gostat's; losses are reported as the loss itself, not its negative.
var sklearnScorers = map[string]string{
	"mean_squared_error": "mse", "root_mean_squared_error": "rmse", "mean_absolute_error": "mae",
	"mean_absolute_percentage_error": "mape", "brier_score": "brier", "r2_score": "r2",
	"accuracy_score": "accuracy", "precision_score": "precision", "recall_score": "recall", "f1_score": "f1",
}

func positiveColumn(P *mat.Dense) []float64 {
	_, k := P.Dims()
	return mat.Col(nil, k-1, P)
}

func getScorer(name string, classifier bool) (scorer, error) {
	n := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "neg_"), "neg "))
	if a, ok := sklearnScorers[n]; ok {
		n = a
	}
	if n == "" {
		if classifier {
			n = "accuracy"
		} else {
			n = "r2"
		}
	}
	s := scorer{name: n, greater: true}
	switch n {
	case "accuracy":
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return Accuracy(y, p) }
	case "balanced_accuracy":
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return BalancedAccuracy(y, p) }
	case "f1", "precision", "recall":
		f := map[string]func([]float64, []float64, string) float64{"f1": F1, "precision": Precision, "recall": Recall}[n]
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return f(y, p, "binary") }
	case "f1_macro", "f1_micro", "f1_weighted":
		avg := strings.TrimPrefix(n, "f1_")
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return F1(y, p, avg) }
	case "roc_auc":
		s.needProba = true
		s.fn = func(y, _ []float64, P *mat.Dense) float64 { return ROCAUC(y, positiveColumn(P)) }
	case "roc_auc_ovr":
		s.needProba = true
		s.fn = func(y, _ []float64, P *mat.Dense) float64 { return ROCAUCOvR(y, P) }
	case "average_precision":
		s.needProba = true
		s.fn = func(y, _ []float64, P *mat.Dense) float64 { return AveragePrecision(y, positiveColumn(P)) }
	case "log_loss":
		s.needProba, s.greater = true, false
		s.fn = func(y, _ []float64, P *mat.Dense) float64 {
			if _, k := P.Dims(); k > 2 {
				return LogLossProba(y, P, nil)
			}
			return LogLoss(y, positiveColumn(P))
		}
	case "brier":
		s.needProba, s.greater = true, false
		s.fn = func(y, _ []float64, P *mat.Dense) float64 { return BrierScore(y, positiveColumn(P)) }
	case "r2":
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return R2(y, p) }
	case "mse":
		s.greater = false
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return MSE(y, p) }
	case "rmse":
		s.greater = false
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return RMSE(y, p) }
	case "mae":
		s.greater = false
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return MAE(y, p) }
	case "mape":
		s.greater = false
		s.fn = func(y, p []float64, _ *mat.Dense) float64 { return MAPE(y, p) }
	default:
		return s, fmt.Errorf("ml: unknown metric %q; use one of %s", name, strings.Join(Metrics, ", "))
	}
	if s.needProba && !classifier {
		return s, fmt.Errorf("ml: metric %q needs class probabilities but the model is a regressor", n)
	}
	return s, nil
}

// safeScore runs a scorer, turning a metric's panic (bad labels) into an
// error.
func (s scorer) score(y, pred []float64, P *mat.Dense) (v float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if s.needProba && s.name != "roc_auc_ovr" && s.name != "log_loss" {
		if _, k := P.Dims(); k != 2 {
			hint := ""
			if s.name == "roc_auc" {
				hint = `; use "roc_auc_ovr" (one-vs-rest) for several classes`
			} else if s.name == "average_precision" || s.name == "brier" {
				hint = `; use "log_loss" or "roc_auc_ovr" for several classes`
			}
			return 0, fmt.Errorf("ml: metric %q needs two classes, the model has %d%s", s.name, k, hint)
		}
	}
	return s.fn(y, pred, P), nil
}

// dataset is what resampling works on: either a frame and a target (for
// pipelines, which need frames) or a matrix and a target vector.
type dataset struct {
	f      *frame.Frame
	target string
	X      *mat.Dense
	y      []float64
	labels []string // class labels for stratification
	n      int
	// features are the frame's feature column names (plain models on a frame)
	features []string
}

func frameDataset(e Estimator, f *frame.Frame, target string) (*dataset, error) {
	if isNilModel(e) {
		return nil, errNilModel
	}
	if f == nil {
		return nil, fmt.Errorf("ml: the frame is nil")
	}
	if !f.Has(target) {
		msg := fmt.Sprintf("ml: the frame has no target column %q", target)
		if c := frame.Closest(target, f.Names()); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		return nil, fmt.Errorf("%s", msg)
	}
	d := &dataset{f: f, target: target, n: f.NRows()}
	if IsClassifier(e) {
		s, err := f.Strings(target)
		if err != nil {
			return nil, err
		}
		d.labels = s
	}
	if _, ok := e.(model); ok {
		// plain models: extract the matrix once (on a copy, so the user's
		// estimator is not touched)
		c := Clone(e).(model)
		X, y, err := frameXY(c, f, target)
		if err != nil {
			return nil, err
		}
		d.X, d.y = X, y
		d.features = c.core().Features
		// check the whole frame once, so an error names the frame's column
		// and row rather than x1 and a row of one fold
		if err := checkFinite(X, d.features, acceptsNaN(e)); err != nil {
			return nil, err
		}
		for i, v := range y {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("ml: target %q has a missing or infinite value at row %d; drop those rows before fitting (e.g. f.DropNA(%q))", target, i+1, target)
			}
		}
	}
	return d, nil
}

// acceptsNaN reports whether the estimator handles missing feature values.
func acceptsNaN(e Estimator) bool {
	switch e.(type) {
	case *HistGradientBoostingClassifier, *HistGradientBoostingRegressor:
		return true
	}
	return false
}

// foldError restates a missing-value error of a fit on the training rows tr
// in terms of the data: the feature's name and the data's row.
func (d *dataset) foldError(err error, tr []int) error {
	var bv *badValues
	if !errors.As(err, &bv) {
		return err
	}
	out := *bv
	if out.col >= 0 && out.col < len(d.features) {
		out.name = d.features[out.col]
	}
	if out.first >= 0 && out.first < len(tr) {
		out.first = tr[out.first]
		out.foldCount = out.col >= 0
	}
	if err == error(bv) {
		return &out
	}
	// keep the context of wrapping errors (pipeline steps)
	return errors.New(strings.Replace(err.Error(), bv.Error(), out.Error(), 1))
}

func matrixDataset(e Estimator, X *mat.Dense, y []float64) (*dataset, error) {
	if isNilModel(e) {
		return nil, errNilModel
	}
	if X == nil {
		return nil, fmt.Errorf("ml: X is nil")
	}
	n, _ := X.Dims()
	if len(y) != n {
		return nil, fmt.Errorf("ml: X has %d rows but y has %d values", n, len(y))
	}
	d := &dataset{X: X, y: y, n: n}
	if IsClassifier(e) {
		d.labels = make([]string, n)
		names := map[float64]string{}
		for i, v := range y {
			l, ok := names[v]
			if !ok {
				l = strconv.FormatFloat(v, 'g', -1, 64)
				names[v] = l
			}
			d.labels[i] = l
		}
	}
	return d, nil
}

// InOrder is a seed for the cross-validation functions (CrossValidate,
// CrossValidateModels, CompareModels, GridSearch, RandomSearch,
// LearningCurve) that asks for scikit-learn's unshuffled folds:
// StratifiedKFold(k) for classifiers and KFold(k) otherwise, the folds
// cross_val_score(model, X, y, cv=k) uses. Per-fold scores then match
// scikit-learn's one for one. Any other seed shuffles the rows first.
const InOrder uint64 = math.MaxUint64

// folds makes k folds, stratified by class for classifiers.
func (d *dataset) folds(k int, seed uint64) ([]frame.Fold, error) {
	if k < 2 || k > d.n {
		return nil, fmt.Errorf("ml: need 2 ≤ folds ≤ rows, got %d folds for %d rows", k, d.n)
	}
	if d.labels != nil {
		cnt := map[string]int{}
		for _, l := range d.labels {
			cnt[l]++
		}
		small := []string{}
		for l, c := range cnt {
			if c < k {
				small = append(small, l)
			}
		}
		if len(small) > 0 {
			sort.Strings(small)
			return nil, fmt.Errorf("ml: class(es) %s have fewer rows than the %d folds; use fewer folds", quoteList(small), k)
		}
		if seed == InOrder {
			return frame.StratifiedKFoldInOrder(d.labels, k), nil
		}
		return frame.StratifiedKFold(d.labels, k, seed), nil
	}
	if seed == InOrder {
		return frame.KFoldInOrder(d.n, k), nil
	}
	return frame.KFold(d.n, k, seed), nil
}

// fitScore fits a fresh clone of e on rows tr and scores it on rows te. It
// returns the score and the predictions on te.
func (d *dataset) fitScore(e Estimator, ps Params, tr, te []int, s scorer) (float64, []float64, []float64, error) {
	m := Clone(e)
	if ps != nil {
		if err := m.SetParams(ps); err != nil {
			return 0, nil, nil, err
		}
	}
	var pred, y []float64
	var P *mat.Dense
	var err error
	if d.X != nil {
		if err = m.FitXY(rowsDense(d.X, tr), pick(d.y, tr)); err != nil {
			return 0, nil, nil, d.foldError(err, tr)
		}
		Xte := rowsDense(d.X, te)
		if pred, err = m.PredictX(Xte); err != nil {
			return 0, nil, nil, err
		}
		if s.needProba {
			pm, ok := m.(probaModel)
			if !ok {
				return 0, nil, nil, fmt.Errorf("ml: %s gives no probabilities", typeName(m))
			}
			if P, err = pm.PredictProbaX(Xte); err != nil {
				return 0, nil, nil, err
			}
		}
		y = pick(d.y, te)
	} else {
		train, test := d.f.Take(tr), d.f.Take(te)
		if err = m.Fit(train, d.target); err != nil {
			return 0, nil, nil, d.foldError(err, tr)
		}
		if pred, err = m.Predict(test); err != nil {
			return 0, nil, nil, err
		}
		if s.needProba {
			c, ok := m.(interface {
				PredictProba(*frame.Frame) (*mat.Dense, error)
			})
			if !ok {
				return 0, nil, nil, fmt.Errorf("ml: %s gives no probabilities", typeName(m))
			}
			if P, err = c.PredictProba(test); err != nil {
				return 0, nil, nil, err
			}
		}
		if y, err = targetFor(coreOf(m), test, d.target, IsClassifier(m)); err != nil {
			return 0, nil, nil, err
		}
	}
	v, err := s.score(y, pred, P)
	return v, pred, y, err
}

func pick(v []float64, idx []int) []float64 {
	out := make([]float64, len(idx))
	for a, i := range idx {
		out[a] = v[i]
	}
	return out
}

func meanSD1(v []float64) (float64, float64) {
	if len(v) < 2 {
		if len(v) == 1 {
			return v[0], math.NaN()
		}
		return math.NaN(), math.NaN()
	}
	return meanSD(v, 1)
}
