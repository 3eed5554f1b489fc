package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// PermutationImportance measures, on frame f (usually held-out data), how
// much a fitted model's metric gets worse when one feature column is
// shuffled, averaged over repeats (Breiman 2001; sklearn
// permutation_importance; SD with divisor n as sklearn). Works for
// pipelines too: the raw input columns are permuted. metric as in
// CrossValidate ("" = the model's Score).
func PermutationImportance(e Estimator, f *frame.Frame, target string, repeats int, seed uint64, metric string) (*Importance, error) {
	if isNilModel(e) {
		return nil, errNilModel
	}
	if repeats < 1 {
		repeats = 5
	}
	s, err := getScorer(metric, IsClassifier(e))
	if err != nil {
		return nil, err
	}
	b := coreOf(e)
	if b == nil || !b.Fitted {
		return nil, ErrNotFitted
	}
	y, err := targetFor(b, f, target, IsClassifier(e))
	if err != nil {
		return nil, err
	}
	scoreOn := func(g *frame.Frame) (float64, error) {
		pred, err := e.Predict(g)
		if err != nil {
			return 0, err
		}
		var P *mat.Dense
		if s.needProba {
			c, ok := e.(interface {
				PredictProba(*frame.Frame) (*mat.Dense, error)
			})
			if !ok {
				return 0, fmt.Errorf("ml: %s gives no probabilities", typeName(e))
			}
			if P, err = c.PredictProba(g); err != nil {
				return 0, err
			}
		}
		return s.score(y, pred, P)
	}
	base0, err := scoreOn(f)
	if err != nil {
		return nil, err
	}
	var feats []string
	for _, n := range f.Names() {
		if n != target {
			feats = append(feats, n)
		}
	}
	im := &Importance{Kind: "permutation", Features: feats, Mean: make([]float64, len(feats)), SD: make([]float64, len(feats)), Repeats: make([][]float64, len(feats)), Metric: s.name}
	n := f.NRows()
	sign := 1.0
	if !s.greater {
		sign = -1
	}
	err = parallelFor(ctxOf(), "permutation importance", len(feats), func(j int) error {
		r := rand.New(rand.NewPCG(subSeed(seed, j), 11))
		name := feats[j]
		vals := make([]float64, repeats)
		for k := 0; k < repeats; k++ {
			perm := r.Perm(n)
			g, err := permutedColumn(f, name, perm)
			if err != nil {
				return err
			}
			v, err := scoreOn(g)
			if err != nil {
				return err
			}
			vals[k] = sign * (base0 - v)
		}
		im.Repeats[j] = vals
		im.Mean[j], im.SD[j] = meanSD(vals, 0)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return im, nil
}

func permutedColumn(f *frame.Frame, name string, perm []int) (g *frame.Frame, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ml: %v", r)
		}
	}()
	if f.IsNumeric(name) || f.Type(name) == "bool" {
		x, err := f.Floats(name)
		if err != nil {
			return nil, err
		}
		y := make([]float64, len(x))
		for i, p := range perm {
			y[i] = x[p]
		}
		if f.Type(name) == "bool" {
			bs := make([]bool, len(y))
			for i, v := range y {
				bs[i] = v != 0
			}
			return f.With(name, bs), nil
		}
		if f.Type(name) == "int" {
			is := make([]int, len(y))
			for i, v := range y {
				is[i] = int(v)
			}
			return f.With(name, is), nil
		}
		return f.With(name, y), nil
	}
	s, err := f.Strings(name)
	if err != nil {
		return nil, err
	}
	t := make([]string, len(s))
	for i, p := range perm {
		t[i] = s[p]
	}
	return f.WithFactor(name, t, f.Levels(name)), nil
}

// Dependence is a partial dependence curve: the model's mean prediction
// (probability of the last class for classifiers) when feature is set to
// each grid value for every row.
type Dependence struct {
	Feature string
	Grid    []float64
	Average []float64
}

// PartialDependence computes the partial dependence of a fitted model on a
// numeric feature over nPoints values evenly spaced between the feature's
// 5th and 95th percentiles in f, or over each of its distinct values when
// it has fewer than nPoints (sklearn partial_dependence with
// grid_resolution = nPoints; sklearn's default is 100 points, gostat's 20
// when nPoints is 0) (Friedman 2001).
func PartialDependence(e Estimator, f *frame.Frame, feature string, nPoints int) (*Dependence, error) {
	if isNilModel(e) {
		return nil, errNilModel
	}
	if nPoints <= 1 {
		nPoints = 20
	}
	x, err := f.Floats(feature)
	if err != nil {
		return nil, err
	}
	if !f.IsNumeric(feature) {
		return nil, fmt.Errorf("ml: partial dependence needs a numeric feature; %q is %s", feature, f.Type(feature))
	}
	v := make([]float64, 0, len(x))
	for _, a := range x {
		if !math.IsNaN(a) {
			v = append(v, a)
		}
	}
	if len(v) == 0 {
		return nil, fmt.Errorf("ml: partial dependence: column %q has no non-missing values", feature)
	}
	sort.Float64s(v)
	d := &Dependence{Feature: feature}
	uniq := v[:1:1]
	for _, a := range v[1:] {
		if a != uniq[len(uniq)-1] {
			uniq = append(uniq, a)
		}
	}
	if len(uniq) < nPoints {
		// sklearn: a feature with fewer distinct values than grid points
		// is evaluated at each of its values
		d.Grid = uniq
	} else {
		lo, hi := quantile(v, 0.05), quantile(v, 0.95)
		for k := 0; k < nPoints; k++ {
			d.Grid = append(d.Grid, lo+(hi-lo)*float64(k)/float64(nPoints-1))
		}
	}
	nPoints = len(d.Grid)
	d.Average = make([]float64, nPoints)
	n := f.NRows()
	err = parallelFor(ctxOf(), "partial dependence", nPoints, func(k int) error {
		col := make([]float64, n)
		for i := range col {
			col[i] = d.Grid[k]
		}
		g := f.With(feature, col)
		var out []float64
		if c, ok := e.(interface {
			PredictProba(*frame.Frame) (*mat.Dense, error)
		}); ok && IsClassifier(e) {
			P, err := c.PredictProba(g)
			if err != nil {
				return err
			}
			out = positiveColumn(P)
		} else {
			p, err := e.Predict(g)
			if err != nil {
				return err
			}
			out = p
		}
		m, _ := meanSD(out, 0)
		d.Average[k] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// quantile is the p-quantile of sorted v as scipy.stats.mstats.mquantiles
// computes it with its defaults alphap = betap = 0.4 (Cunnane's plotting
// positions), which sklearn's partial dependence grid uses: with
// m = 0.4 + 0.2p, h = np + m, k = ⌊h⌋ clipped to [1, n−1] and
// γ = h − k clipped to [0, 1], the quantile is (1−γ) v[k−1] + γ v[k].
func quantile(v []float64, p float64) float64 {
	n := len(v)
	if n == 1 {
		return v[0]
	}
	h := float64(n)*p + 0.4 + 0.2*p
	k := int(math.Floor(math.Min(math.Max(h, 1), float64(n-1))))
	g := math.Min(math.Max(h-float64(k), 0), 1)
	return (1-g)*v[k-1] + g*v[k]
}

// Display lists the curve.
func (d *Dependence) Display(o display.Options) display.Bundle {
	if d == nil {
		return display.Text("nil", "<nil Dependence>")
	}
	t := &textTable{title: "Partial dependence on " + d.Feature}
	t.header = []string{d.Feature, "average prediction"}
	for k := range d.Grid {
		t.add(num(d.Grid[k]), numDigits(d.Average[k], 4))
	}
	return t.bundle("dependence", o)
}

// String returns the plain-text display (display.Plain).
func (d *Dependence) String() string { return d.Display(display.Plain).Text }

// LearningCurve holds cross-validated training and test scores for
// growing training sizes.
type LearningCurve struct {
	Metric              string
	Sizes               []int
	TrainMean, TestMean []float64
	TrainSD, TestSD     []float64
}

// LearningCurveCV cross-validates e (k folds, seed, metric) with the first
// fraction of each fold's (shuffled) training rows, for each fraction in
// fracs (default 0.1, 0.325, 0.55, 0.775, 1 as sklearn), scoring on the
// test fold and on the rows used for training.
func LearningCurveCV(e Estimator, f *frame.Frame, target string, fracs []float64, k int, seed uint64, metric string) (*LearningCurve, error) {
	d, err := frameDataset(e, f, target)
	if err != nil {
		return nil, err
	}
	if k == 0 {
		k = 5
	}
	if len(fracs) == 0 {
		fracs = []float64{0.1, 0.325, 0.55, 0.775, 1}
	}
	for _, v := range fracs {
		if !(v > 0 && v <= 1) {
			return nil, fmt.Errorf("ml: LearningCurveCV: training fraction %v is not in (0, 1]; give fractions of the training folds, e.g. []float64{0.1, 0.5, 1}", v)
		}
	}
	s, err := getScorer(metric, IsClassifier(e))
	if err != nil {
		return nil, err
	}
	folds, err := d.folds(k, seed)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, 0x1c))
	for i := range folds {
		tr := append([]int(nil), folds[i].Train...)
		r.Shuffle(len(tr), func(a, b int) { tr[a], tr[b] = tr[b], tr[a] })
		folds[i].Train = tr
	}
	lc := &LearningCurve{Metric: s.name}
	train := make([][]float64, len(fracs))
	test := make([][]float64, len(fracs))
	for i := range fracs {
		train[i] = make([]float64, k)
		test[i] = make([]float64, k)
		m := int(math.Round(fracs[i] * float64(len(folds[0].Train))))
		if m < 2 {
			m = 2
		}
		lc.Sizes = append(lc.Sizes, m)
	}
	err = parallelFor(ctxOf(), "learning curve", len(fracs)*k, func(t int) error {
		i, fo := t/k, t%k
		tr := folds[fo].Train
		if lc.Sizes[i] < len(tr) {
			tr = tr[:lc.Sizes[i]]
		}
		v, _, _, err := d.fitScore(e, nil, tr, folds[fo].Test, s)
		if err != nil {
			return err
		}
		test[i][fo] = v
		v, _, _, err = d.fitScore(e, nil, tr, tr, s)
		if err != nil {
			return err
		}
		train[i][fo] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range fracs {
		a, b := meanSD1(train[i])
		c, dd := meanSD1(test[i])
		lc.TrainMean, lc.TrainSD = append(lc.TrainMean, a), append(lc.TrainSD, b)
		lc.TestMean, lc.TestSD = append(lc.TestMean, c), append(lc.TestSD, dd)
	}
	return lc, nil
}

// Display lists the curve.
func (lc *LearningCurve) Display(o display.Options) display.Bundle {
	if lc == nil {
		return display.Text("nil", "<nil LearningCurve>")
	}
	t := &textTable{title: "Learning curve (" + lc.Metric + ", mean ± sd over folds)"}
	t.header = []string{"training rows", "train", "test"}
	for i, n := range lc.Sizes {
		t.add(fmt.Sprint(n), numDigits(lc.TrainMean[i], 4)+" ± "+numDigits(lc.TrainSD[i], 2), numDigits(lc.TestMean[i], 4)+" ± "+numDigits(lc.TestSD[i], 2))
	}
	return t.bundle("learning", o)
}

// String returns the plain-text display (display.Plain).
func (lc *LearningCurve) String() string { return lc.Display(display.Plain).Text }
