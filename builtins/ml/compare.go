package ml

import (
	"fmt"
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"math"
	"strconv"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Comparison compares two models cross-validated on the same folds.
type Comparison struct {
	A, B *CVResult
	// Diff are the per-fold score differences A − B.
	Diff []float64
	// T, DF and P are the Nadeau–Bengio corrected resampled t-test:
	// t = mean(d) / sqrt((1/k + n_test/n_train) · var(d)), df = k − 1,
	// two-sided p-value (Nadeau & Bengio 2003, Machine Learning 52).
	T, DF, P float64
	// McNemar compares the out-of-fold predictions of two classifiers:
	// B01 rows right by A only, B10 right by B only; chi-squared with
	// continuity correction (|B01 − B10| − 1)²/(B01 + B10), 1 df (R's
	// mcnemar.test). NaN for regressors.
	McNemarStat, McNemarP float64
	B01, B10              int
}

// CompareModels cross-validates a and b on the same k folds (seed) of frame
// f with the same metric, and tests whether their scores differ.
func CompareModels(a, b Estimator, f *frame.Frame, target string, k int, seed uint64, metric string) (*Comparison, error) {
	da, err := frameDataset(a, f, target)
	if err != nil {
		return nil, err
	}
	db, err := frameDataset(b, f, target)
	if err != nil {
		return nil, err
	}
	return compare(a, b, da, db, k, seed, metric)
}

// CompareModelsXY is CompareModels on a matrix and target vector.
func CompareModelsXY(a, b Estimator, X *mat.Dense, y []float64, k int, seed uint64, metric string) (*Comparison, error) {
	da, err := matrixDataset(a, X, y)
	if err != nil {
		return nil, err
	}
	db, err := matrixDataset(b, X, y)
	if err != nil {
		return nil, err
	}
	return compare(a, b, da, db, k, seed, metric)
}

func compare(a, b Estimator, da, db *dataset, k int, seed uint64, metric string) (*Comparison, error) {
	if IsClassifier(a) != IsClassifier(b) {
		return nil, fmt.Errorf("ml: cannot compare a classifier with a regressor")
	}
	ra, err := crossValidate(a, da, k, seed, metric)
	if err != nil {
		return nil, err
	}
	rb, err := crossValidate(b, db, k, seed, metric)
	if err != nil {
		return nil, err
	}
	c := &Comparison{A: ra, B: rb, Diff: make([]float64, len(ra.Scores))}
	for i := range ra.Scores {
		c.Diff[i] = ra.Scores[i] - rb.Scores[i]
	}
	kk := float64(len(c.Diff))
	m, sd := meanSD1(c.Diff)
	nTest := float64(da.n) / kk
	nTrain := float64(da.n) - nTest
	c.DF = kk - 1
	se := math.Sqrt((1/kk + nTest/nTrain) * sd * sd)
	switch {
	case se > 0:
		c.T = m / se
		c.P = 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: c.DF}.Survival(math.Abs(c.T))
	case m == 0:
		c.T, c.P = 0, 1
	default:
		c.T, c.P = math.Copysign(math.Inf(1), m), 0
	}
	c.McNemarStat, c.McNemarP = math.NaN(), math.NaN()
	if IsClassifier(a) {
		for i := range ra.Y {
			okA, okB := ra.Pred[i] == ra.Y[i], rb.Pred[i] == rb.Y[i]
			if okA && !okB {
				c.B01++
			}
			if okB && !okA {
				c.B10++
			}
		}
		if n := c.B01 + c.B10; n > 0 {
			d := math.Abs(float64(c.B01-c.B10)) - 1
			if d < 0 {
				d = 0
			}
			c.McNemarStat = d * d / float64(n)
			c.McNemarP = distuv.ChiSquared{K: 1}.Survival(c.McNemarStat)
		} else {
			c.McNemarStat, c.McNemarP = 0, 1
		}
	}
	return c, nil
}

// Display shows both models' fold scores and the tests.
func (c *Comparison) Display(o display.Options) display.Bundle {
	if c == nil {
		return display.Text("nil", "<nil Comparison>")
	}
	t := &textTable{title: fmt.Sprintf("Model comparison on the same %d folds (%s)", len(c.Diff), c.A.Metric)}
	t.header = []string{"fold", "A: " + c.A.Model, "B: " + c.B.Model, "A − B"}
	for i := range c.Diff {
		t.add(strconv.Itoa(i+1), numDigits(c.A.Scores[i], 4), numDigits(c.B.Scores[i], 4), numDigits(c.Diff[i], 3))
	}
	t.add("mean", numDigits(c.A.Mean, 4), numDigits(c.B.Mean, 4), numDigits(c.A.Mean-c.B.Mean, 3))
	t.notes = append(t.notes, fmt.Sprintf("Corrected resampled t-test (Nadeau–Bengio): t = %s, df = %s, p-value = %s", numDigits(c.T, 4), numDigits(c.DF, 3), pval(c.P)))
	if !math.IsNaN(c.McNemarStat) {
		t.notes = append(t.notes, fmt.Sprintf("McNemar on out-of-fold predictions: only A right %d, only B right %d, chi-squared = %s, p-value = %s", c.B01, c.B10, numDigits(c.McNemarStat, 4), pval(c.McNemarP)))
	}
	tb := t.table()
	tb.RuleAfter = []int{len(c.Diff) - 1}
	return withTitle(t.title, tb.Bundle("compare", o.Normalized()), o.Normalized().Width)
}

// String returns the plain-text display (display.Plain).
func (c *Comparison) String() string { return c.Display(display.Plain).Text }

// pval formats a p-value as R's format.pval with 4 digits.
func pval(p float64) string { return rfmt.PValue(p, 4) }
