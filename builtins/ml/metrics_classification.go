package ml

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// labelsOf returns the sorted distinct values of the given label vectors.
func labelsOf(ys ...[]float64) []float64 {
	seen := map[float64]bool{}
	var out []float64
	for _, y := range ys {
		for _, v := range y {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	sort.Float64s(out)
	return out
}

func mustSameLen(name string, a, b []float64) {
	if len(a) != len(b) {
		panic(fmt.Sprintf("ml.%s: yTrue has %d values but the second argument has %d; they must match", name, len(a), len(b)))
	}
	if len(a) == 0 {
		panic(fmt.Sprintf("ml.%s: no values", name))
	}
}

// Accuracy is the fraction of predictions equal to the truth:
// (1/n) Σ 1[yPred_i = yTrue_i] (sklearn accuracy_score).
func Accuracy(yTrue, yPred []float64) float64 {
	mustSameLen("Accuracy", yTrue, yPred)
	c := 0
	for i := range yTrue {
		if yTrue[i] == yPred[i] {
			c++
		}
	}
	return float64(c) / float64(len(yTrue))
}

// Confusion is a confusion matrix: Counts[i][j] is the number of rows whose
// true label is Labels[i] and predicted label is Labels[j] (rows = truth,
// columns = prediction, as sklearn's confusion_matrix).
type Confusion struct {
	Labels []float64
	Names  []string
	Counts [][]int
}

// ConfusionMatrix counts true (rows) against predicted (columns) labels over
// the sorted union of labels in yTrue and yPred.
func ConfusionMatrix(yTrue, yPred []float64) *Confusion {
	mustSameLen("ConfusionMatrix", yTrue, yPred)
	lab := labelsOf(yTrue, yPred)
	idx := map[float64]int{}
	for i, v := range lab {
		idx[v] = i
	}
	c := &Confusion{Labels: lab, Counts: make([][]int, len(lab))}
	for i := range c.Counts {
		c.Counts[i] = make([]int, len(lab))
	}
	for i := range yTrue {
		c.Counts[idx[yTrue[i]]][idx[yPred[i]]]++
	}
	c.Names = make([]string, len(lab))
	for i, v := range lab {
		c.Names[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return c
}

// Display shows the matrix with true labels down and predictions across.
func (c *Confusion) Display(o display.Options) display.Bundle {
	if c == nil {
		return display.Text("nil", "<nil Confusion>")
	}
	t := &textTable{title: "Confusion matrix (rows: true, columns: predicted)"}
	t.header = append([]string{""}, c.Names...)
	for i, r := range c.Counts {
		row := []string{c.Names[i]}
		for _, v := range r {
			row = append(row, strconv.Itoa(v))
		}
		t.add(row...)
	}
	return t.bundle("confusion", o)
}

// String returns the plain-text display (display.Plain).
func (c *Confusion) String() string { return c.Display(display.Plain).Text }

// perClass returns tp, fp, fn and support per label.
func (c *Confusion) perClass() (tp, fp, fn, sup []float64) {
	k := len(c.Labels)
	tp, fp, fn, sup = make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			v := float64(c.Counts[i][j])
			sup[i] += v
			if i == j {
				tp[i] += v
			} else {
				fn[i] += v
				fp[j] += v
			}
		}
	}
	return
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// prf computes per-class precision, recall, F1 and support (zero_division=0).
func prf(yTrue, yPred []float64) (labels, p, r, f, sup []float64) {
	c := ConfusionMatrix(yTrue, yPred)
	tp, fp, fn, s := c.perClass()
	k := len(c.Labels)
	p, r, f = make([]float64, k), make([]float64, k), make([]float64, k)
	for i := 0; i < k; i++ {
		p[i] = safeDiv(tp[i], tp[i]+fp[i])
		r[i] = safeDiv(tp[i], tp[i]+fn[i])
		f[i] = safeDiv(2*tp[i], 2*tp[i]+fp[i]+fn[i])
	}
	return c.Labels, p, r, f, s
}

// averageOf combines per-class scores: "macro" is their mean, "weighted"
// their support-weighted mean, "micro" the score of the pooled counts and
// "binary" the score of the positive class (label 1, as sklearn's default
// pos_label, scoring 0 when it never occurs among labels in {-1, 0}; else
// the larger label); the sklearn definitions with zero_division=0.
func averageOf(name, average string, yTrue, yPred []float64, which int) float64 {
	mustSameLen(name, yTrue, yPred)
	labels, p, r, f, sup := prf(yTrue, yPred)
	per := [][]float64{p, r, f}[which]
	switch average {
	case "binary", "":
		if len(labels) > 2 {
			panic(fmt.Sprintf("ml.%s: average \"binary\" needs two classes but there are %d; use \"macro\", \"micro\" or \"weighted\"", name, len(labels)))
		}
		// the positive label is sklearn's pos_label=1; when 1 does not
		// occur, all-negative labels ({-1, 0}) score 0, and other pairs
		// (where sklearn asks for pos_label) take the larger label
		pos := 1.0
		if labels[len(labels)-1] > 1 || labels[0] < -1 {
			pos = labels[len(labels)-1]
		}
		for _, v := range labels {
			if v == 1 {
				pos = 1
			}
		}
		for i, v := range labels {
			if v == pos {
				return per[i]
			}
		}
		return 0
	case "macro":
		s := 0.0
		for _, v := range per {
			s += v
		}
		return s / float64(len(per))
	case "weighted":
		s, w := 0.0, 0.0
		for i, v := range per {
			s += v * sup[i]
			w += sup[i]
		}
		return safeDiv(s, w)
	case "micro":
		c := ConfusionMatrix(yTrue, yPred)
		tp, fp, fn, _ := c.perClass()
		var T, P, N float64
		for i := range tp {
			T += tp[i]
			P += fp[i]
			N += fn[i]
		}
		switch which {
		case 0:
			return safeDiv(T, T+P)
		case 1:
			return safeDiv(T, T+N)
		default:
			return safeDiv(2*T, 2*T+P+N)
		}
	}
	panic(fmt.Sprintf("ml.%s: unknown average %q; use \"binary\", \"macro\", \"micro\" or \"weighted\"", name, average))
}

// Precision is tp/(tp+fp) (sklearn precision_score, zero_division=0),
// averaged over classes as average says: "binary", "macro", "micro" or
// "weighted".
func Precision(yTrue, yPred []float64, average string) float64 {
	return averageOf("Precision", average, yTrue, yPred, 0)
}

// Recall is tp/(tp+fn) (sklearn recall_score), averaged as in Precision.
func Recall(yTrue, yPred []float64, average string) float64 {
	return averageOf("Recall", average, yTrue, yPred, 1)
}

// F1 is the harmonic mean of precision and recall, 2tp/(2tp+fp+fn) (sklearn
// f1_score); "macro" averages the per-class F1 values (not the F1 of the
// macro precision and recall), as sklearn does.
func F1(yTrue, yPred []float64, average string) float64 {
	return averageOf("F1", average, yTrue, yPred, 2)
}

// BalancedAccuracy is the mean of the per-class recalls (sklearn
// balanced_accuracy_score).
func BalancedAccuracy(yTrue, yPred []float64) float64 {
	mustSameLen("BalancedAccuracy", yTrue, yPred)
	c := ConfusionMatrix(yTrue, yPred)
	tp, _, fn, sup := c.perClass()
	s, k := 0.0, 0
	for i := range tp {
		if sup[i] > 0 {
			s += tp[i] / (tp[i] + fn[i])
			k++
		}
	}
	return s / float64(k)
}

// LogLoss is the mean negative log-likelihood of binary labels (0/1) under
// predicted probabilities p of class 1, natural log, p clipped to
// [ε, 1-ε] with ε the float64 machine epsilon 2.22e-16 (sklearn 1.2's
// eps="auto"): -(1/n) Σ y log p + (1-y) log(1-p). As in sklearn, the
// positive class is 1 when the labels are in {-1, 0, 1}, else the larger
// of the two labels. For several classes use LogLossProba.
func LogLoss(yTrue, p []float64) float64 {
	mustSameLen("LogLoss", yTrue, p)
	pos := positiveLabel("LogLoss", yTrue)
	const eps = 0x1p-52 // machine epsilon, sklearn's eps="auto" for float64
	s := 0.0
	for i, y := range yTrue {
		q := math.Min(math.Max(p[i], eps), 1-eps)
		if y == pos {
			s -= math.Log(q)
		} else {
			s -= math.Log1p(-q)
		}
	}
	return s / float64(len(yTrue))
}

// LogLossProba is the multiclass log loss (cross-entropy) of labels yTrue
// under a probability matrix P (sklearn log_loss with a 2-D y_pred): each
// row of P is clipped to [ε, 1-ε] (ε = 2.22e-16, as in LogLoss) and
// renormalised, and
// -(1/n) Σ_i log P[i, c(y_i)], natural log. Column c of P holds the
// probabilities of labels[c]; with labels nil, of the c-th smallest label
// of yTrue (then yTrue must show every class, as in sklearn).
func LogLossProba(yTrue []float64, P *mat.Dense, labels []float64) float64 {
	n, k := P.Dims()
	if n != len(yTrue) {
		panic(fmt.Sprintf("ml.LogLossProba: yTrue has %d values but P has %d rows", len(yTrue), n))
	}
	if labels == nil {
		labels = labelsOf(yTrue)
	}
	if len(labels) != k {
		panic(fmt.Sprintf("ml.LogLossProba: %d labels but P has %d columns; pass the model's classes as labels", len(labels), k))
	}
	col := make(map[float64]int, k)
	for c, l := range labels {
		col[l] = c
	}
	const eps = 0x1p-52 // machine epsilon, sklearn's eps="auto" for float64
	s := 0.0
	for i, y := range yTrue {
		c, ok := col[y]
		if !ok {
			panic(fmt.Sprintf("ml.LogLossProba: yTrue[%d] = %v is not one of the labels %v", i, y, labels))
		}
		row := P.RawRowView(i)
		sum := 0.0
		for _, q := range row {
			sum += math.Min(math.Max(q, eps), 1-eps)
		}
		s -= math.Log(math.Min(math.Max(row[c], eps), 1-eps) / sum)
	}
	return s / float64(n)
}

// BrierScore is the mean squared difference between binary labels (0/1) and
// the predicted probabilities of class 1: (1/n) Σ (p_i - y_i)². The
// positive class is chosen as in LogLoss.
func BrierScore(yTrue, p []float64) float64 {
	mustSameLen("BrierScore", yTrue, p)
	pos := positiveLabel("BrierScore", yTrue)
	s := 0.0
	for i, y := range yTrue {
		d := p[i]
		if y == pos {
			d--
		}
		s += d * d
	}
	return s / float64(len(yTrue))
}
