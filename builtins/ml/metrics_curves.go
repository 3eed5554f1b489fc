package ml

import (
	"fmt"
	"gonum.org/v1/gonum/mat"
	"math"
	"sort"

	"github.com/gostat/gostat/display"
)

// Curve is a ROC or precision-recall curve: points (X[i], Y[i]) reached
// when rows with score >= Thresholds[i] are called positive.
type Curve struct {
	// Kind is "ROC" (X = false positive rate, Y = true positive rate) or
	// "PR" (X = recall, Y = precision).
	Kind       string
	X, Y       []float64
	Thresholds []float64
	// Area is the ROC AUC or the average precision.
	Area float64
}

// Display prints the area and a thinned list of points.
func (c *Curve) Display(o display.Options) display.Bundle {
	if c == nil {
		return display.Text("nil", "<nil Curve>")
	}
	xl, yl, al := "FPR", "TPR", "AUC"
	if c.Kind == "PR" {
		xl, yl, al = "recall", "precision", "average precision"
	}
	t := &textTable{title: fmt.Sprintf("%s curve: %d points, %s = %s", c.Kind, len(c.X), al, numDigits(c.Area, 6))}
	t.header = []string{"threshold", xl, yl}
	step := 1
	if len(c.X) > 12 {
		step = (len(c.X) + 11) / 12
	}
	for i := 0; i < len(c.X); i += step {
		t.add(num(c.Thresholds[i]), num(c.X[i]), num(c.Y[i]))
	}
	return t.bundle("curve", o)
}

// String returns the plain-text display (display.Plain).
func (c *Curve) String() string { return c.Display(display.Plain).Text }

// binaryClassCurve returns the cumulative false and true positives at each
// distinct score, scores sorted in decreasing order (sklearn
// _binary_clf_curve). The positive class is 1 (else the largest label).
// positiveLabel is the positive class of binary labels, with sklearn's
// rule: 1 when every label is in {-1, 0, 1} (so all-negative labels have no
// positives), else the larger of the two labels. More than two labels
// panic.
func positiveLabel(name string, yTrue []float64) float64 {
	lab := labelsOf(yTrue)
	if len(lab) > 2 {
		panic(fmt.Sprintf("ml.%s: needs binary labels, found %d classes; use one-vs-rest per class", name, len(lab)))
	}
	pos := 1.0
	for _, v := range lab {
		if v != -1 && v != 0 && v != 1 {
			pos = lab[len(lab)-1]
		}
	}
	return pos
}

func binaryClassCurve(name string, yTrue, score []float64) (fps, tps, thr []float64) {
	mustSameLen(name, yTrue, score)
	pos := positiveLabel(name, yTrue)
	ord := make([]int, len(score))
	for i := range ord {
		ord[i] = i
	}
	sort.SliceStable(ord, func(a, b int) bool { return score[ord[a]] > score[ord[b]] })
	var tp, fp float64
	for k, i := range ord {
		if yTrue[i] == pos {
			tp++
		} else {
			fp++
		}
		if k == len(ord)-1 || score[ord[k+1]] != score[i] {
			tps = append(tps, tp)
			fps = append(fps, fp)
			thr = append(thr, score[i])
		}
	}
	return
}

// ROCCurve is the receiver operating characteristic of scores for binary
// labels, as sklearn's roc_curve with drop_intermediate=true: collinear
// points are dropped and a first point (0, 0) with threshold +Inf is added.
// Area is the trapezoidal AUC.
func ROCCurve(yTrue, score []float64) *Curve {
	fps, tps, thr := binaryClassCurve("ROCCurve", yTrue, score)
	keep := []int{0}
	for i := 1; i < len(fps)-1; i++ {
		if fps[i-1]-2*fps[i]+fps[i+1] != 0 || tps[i-1]-2*tps[i]+tps[i+1] != 0 {
			keep = append(keep, i)
		}
	}
	if len(fps) > 1 {
		keep = append(keep, len(fps)-1)
	}
	P, N := tps[len(tps)-1], fps[len(fps)-1]
	c := &Curve{Kind: "ROC", X: []float64{0}, Y: []float64{0}, Thresholds: []float64{math.Inf(1)}}
	for _, i := range keep {
		c.X = append(c.X, safeNaN(fps[i], N))
		c.Y = append(c.Y, safeNaN(tps[i], P))
		c.Thresholds = append(c.Thresholds, thr[i])
	}
	c.Area = trapezoid(c.X, c.Y)
	return c
}

func safeNaN(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

func trapezoid(x, y []float64) float64 {
	s := 0.0
	for i := 1; i < len(x); i++ {
		s += (x[i] - x[i-1]) * (y[i] + y[i-1]) / 2
	}
	return s
}

// ROCAUC is the area under the ROC curve of scores for binary labels (ties
// count one half; equal to the Mann-Whitney statistic / (n1 n0)).
func ROCAUC(yTrue, score []float64) float64 { return ROCCurve(yTrue, score).Area }

// PRCurve is the precision-recall curve of scores for binary labels, as
// sklearn's precision_recall_curve (1.2): one point per distinct score, in
// order of decreasing recall, ending at (recall 0, precision 1). Area is
// the average precision.
func PRCurve(yTrue, score []float64) *Curve {
	fps, tps, thr := binaryClassCurve("PRCurve", yTrue, score)
	P := tps[len(tps)-1]
	c := &Curve{Kind: "PR"}
	for i := len(tps) - 1; i >= 0; i-- {
		c.Y = append(c.Y, safeDiv(tps[i], tps[i]+fps[i]))
		if P == 0 {
			// no positives: sklearn sets the recall to 1 (and warns), so
			// the average precision is 0
			c.X = append(c.X, 1)
		} else {
			c.X = append(c.X, tps[i]/P)
		}
		c.Thresholds = append(c.Thresholds, thr[i])
	}
	c.X = append(c.X, 0)
	c.Y = append(c.Y, 1)
	c.Thresholds = append(c.Thresholds, math.Inf(1))
	terms := make([]float64, len(c.X)-1)
	for i := range terms {
		terms[i] = (c.X[i] - c.X[i+1]) * c.Y[i]
	}
	c.Area = pairwiseSum(terms)
	return c
}

// AveragePrecision is Σ_n (R_n − R_{n−1}) P_n over the thresholds of the
// precision-recall curve (sklearn average_precision_score; no
// interpolation).
func AveragePrecision(yTrue, score []float64) float64 { return PRCurve(yTrue, score).Area }

// Calibration is a reliability diagram: for each non-empty probability bin,
// the mean predicted probability and the observed fraction of positives.
type Calibration struct {
	MeanPredicted, FractionPositive []float64
	Count                           []int
}

// CalibrationCurve bins the predicted probabilities p of class 1 into
// nBins equal-width bins on [0, 1] (sklearn calibration_curve,
// strategy="uniform"; empty bins are left out).
func CalibrationCurve(yTrue, p []float64, nBins int) *Calibration {
	mustSameLen("CalibrationCurve", yTrue, p)
	pos := positiveLabel("CalibrationCurve", yTrue)
	if nBins < 1 {
		nBins = 5
	}
	sumP := make([]float64, nBins)
	sumY := make([]float64, nBins)
	cnt := make([]int, nBins)
	for i, q := range p {
		if q < 0 || q > 1 {
			panic(fmt.Sprintf("ml.CalibrationCurve: p[%d] = %v is not a probability", i, q))
		}
		// bin b holds (edge_b, edge_{b+1}], with edges b/nBins (numpy searchsorted).
		b := 0
		for b < nBins-1 && q > float64(b+1)/float64(nBins) {
			b++
		}
		sumP[b] += q
		if yTrue[i] == pos {
			sumY[b]++
		}
		cnt[b]++
	}
	c := &Calibration{}
	for b := range cnt {
		if cnt[b] > 0 {
			c.MeanPredicted = append(c.MeanPredicted, sumP[b]/float64(cnt[b]))
			c.FractionPositive = append(c.FractionPositive, sumY[b]/float64(cnt[b]))
			c.Count = append(c.Count, cnt[b])
		}
	}
	return c
}

// Display lists the bins.
func (c *Calibration) Display(o display.Options) display.Bundle {
	if c == nil {
		return display.Text("nil", "<nil Calibration>")
	}
	t := &textTable{title: "Calibration curve"}
	t.header = []string{"mean predicted", "fraction positive", "n"}
	for i := range c.Count {
		t.add(num(c.MeanPredicted[i]), num(c.FractionPositive[i]), fmt.Sprint(c.Count[i]))
	}
	return t.bundle("calibration", o)
}

// String returns the plain-text display (display.Plain).
func (c *Calibration) String() string { return c.Display(display.Plain).Text }

// pairwiseSum adds v as numpy's sum does (pairwise summation with blocks
// of 128 and an 8-way unrolled inner loop), so sums agree to the last bit.
func pairwiseSum(v []float64) float64 {
	n := len(v)
	switch {
	case n < 8:
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], v[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := 0; j < 8; j++ {
				r[j] += v[i+j]
			}
		}
		s := (r[0] + r[1]) + (r[2] + r[3]) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += v[i]
		}
		return s
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwiseSum(v[:n2]) + pairwiseSum(v[n2:])
}

// ROCAUCOvR is the one-vs-rest ROC AUC for several classes, macro-averaged
// (sklearn roc_auc_score with multi_class="ovr", average="macro"): column
// k of P holds the scores of the k-th smallest label of yTrue.
func ROCAUCOvR(yTrue []float64, P *mat.Dense) float64 {
	n, k := P.Dims()
	if n != len(yTrue) {
		panic(fmt.Sprintf("ml.ROCAUCOvR: yTrue has %d values but P has %d rows", len(yTrue), n))
	}
	lab := labelsOf(yTrue)
	if len(lab) != k {
		panic(fmt.Sprintf("ml.ROCAUCOvR: yTrue has %d classes but P has %d columns", len(lab), k))
	}
	s := 0.0
	yb := make([]float64, n)
	for c, l := range lab {
		for i, v := range yTrue {
			yb[i] = 0
			if v == l {
				yb[i] = 1
			}
		}
		s += ROCAUC(yb, mat.Col(nil, c, P))
	}
	return s / float64(k)
}
