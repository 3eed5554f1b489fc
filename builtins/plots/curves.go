package plots

import (
	"fmt"
	"math"
	"sort"

	"github.com/gostat/gostat/plotting"
)

// rocPoints returns the ROC curve of score for labels yTrue (1 positive, 0
// negative): false and true positive rates at each distinct threshold,
// starting at (0, 0), and the area under it by the trapezoidal rule
// (sklearn roc_curve with drop_intermediate = False, roc_auc_score).
func rocPoints(fn string, yTrue, score []float64) (fpr, tpr, tps, fps []float64, err error) {
	if len(yTrue) != len(score) {
		return nil, nil, nil, nil, fmt.Errorf("plots.%s: yTrue has %d values but score has %d", fn, len(yTrue), len(score))
	}
	idx := make([]int, 0, len(score))
	for i, y := range yTrue {
		if y != 0 && y != 1 {
			return nil, nil, nil, nil, fmt.Errorf("plots.%s: yTrue[%d] = %v; labels must be 0 or 1", fn, i, y)
		}
		if math.IsNaN(score[i]) {
			return nil, nil, nil, nil, fmt.Errorf("plots.%s: score[%d] is NaN", fn, i)
		}
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(a, b int) bool { return score[idx[a]] > score[idx[b]] })
	tp, fp := 0.0, 0.0
	tps, fps = []float64{0}, []float64{0}
	for k, i := range idx {
		if yTrue[i] == 1 {
			tp++
		} else {
			fp++
		}
		if k == len(idx)-1 || score[idx[k+1]] != score[i] {
			tps = append(tps, tp)
			fps = append(fps, fp)
		}
	}
	if tp == 0 || fp == 0 {
		return nil, nil, nil, nil, fmt.Errorf("plots.%s: yTrue needs both classes (has %v positives and %v negatives)", fn, tp, fp)
	}
	for k := range tps {
		fpr = append(fpr, fps[k]/fp)
		tpr = append(tpr, tps[k]/tp)
	}
	return fpr, tpr, tps, fps, nil
}

func trapezoid(x, y []float64) float64 {
	a := 0.0
	for i := 1; i < len(x); i++ {
		a += (x[i] - x[i-1]) * (y[i] + y[i-1]) / 2
	}
	return a
}

// ROC draws the receiver operating characteristic curve of score for the
// 0/1 labels yTrue, with the chance diagonal; the legend gives the AUC.
// Arguments are in the order of ml.ROCCurve.
func ROC(yTrue, score []float64) *Plot {
	p := plotting.NewPanel("ROC curve", "False positive rate", "True positive rate")
	p.XMin, p.XMax, p.YMin, p.YMax = -0.02, 1.02, -0.02, 1.02
	p.LegendPos = "bottomright"
	p.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{0, 1}, Y: []float64{0, 1}, Color: -1, Dashed: true, Reference: true})
	return newPlot("ROC", p).AddROC(yTrue, score, "")
}

// AddROC adds the ROC curve of another score (e.g. a second model) to a
// ROC plot; name labels it in the legend with its AUC.
func (p *Plot) AddROC(yTrue, score []float64, name string) *Plot {
	if p.err != nil {
		return p
	}
	fpr, tpr, _, _, err := rocPoints("ROC", yTrue, score)
	if err != nil {
		return failed("ROC", err)
	}
	auc := trapezoid(fpr, tpr)
	label := "AUC = " + fmt.Sprintf("%.3f", auc)
	if name != "" {
		label = name + " (" + label + ")"
	}
	c := p.nextColor()
	return p.addLayer(plotting.Layer{Kind: plotting.Lines, X: fpr, Y: tpr, Label: label, Color: c, Marker: c})
}

// PR draws the precision–recall curve of score for the 0/1 labels yTrue,
// with the no-skill line at the share of positives; the legend gives the
// average precision AP = Σ (R_k − R_{k−1}) P_k (sklearn
// average_precision_score).
func PR(yTrue, score []float64) *Plot {
	p := plotting.NewPanel("Precision-recall curve", "Recall", "Precision")
	p.XMin, p.XMax, p.YMin, p.YMax = -0.02, 1.02, -0.02, 1.02
	p.LegendPos = "bottomleft"
	pl := newPlot("PR", p).AddPR(yTrue, score, "")
	if pl.err != nil {
		return pl
	}
	pos := 0.0
	for _, y := range yTrue {
		pos += y
	}
	base := pos / float64(len(yTrue))
	p.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{0, 1}, Y: []float64{base, base}, Color: -1, Dashed: true, Reference: true})
	return pl
}

// AddPR adds the precision–recall curve of another score to a PR plot.
func (p *Plot) AddPR(yTrue, score []float64, name string) *Plot {
	if p.err != nil {
		return p
	}
	_, _, tps, fps, err := rocPoints("PR", yTrue, score)
	if err != nil {
		return failed("PR", err)
	}
	P := tps[len(tps)-1]
	// Points from the highest threshold down, starting at recall 0,
	// precision 1 (sklearn's convention).
	rec := []float64{0}
	prec := []float64{1}
	ap := 0.0
	for k := 1; k < len(tps); k++ {
		r := tps[k] / P
		pr := tps[k] / (tps[k] + fps[k])
		ap += (r - rec[len(rec)-1]) * pr
		rec = append(rec, r)
		prec = append(prec, pr)
	}
	label := fmt.Sprintf("AP = %.3f", ap)
	if name != "" {
		label = name + " (" + label + ")"
	}
	c := p.nextColor()
	return p.addLayer(plotting.Layer{Kind: plotting.Lines, X: rec, Y: prec, Label: label, Color: c, Marker: c})
}

// Calibration draws a reliability diagram: predicted probabilities of
// class 1 are put in bins equal-width bins on [0, 1] (right-closed, as
// sklearn's calibration_curve with strategy "uniform"), and the observed
// share of positives in each non-empty bin is plotted against the bin's
// mean predicted probability, with the diagonal of perfect calibration.
func Calibration(yTrue, prob []float64, bins int) *Plot {
	if len(yTrue) != len(prob) {
		return errorf("Calibration", "yTrue has %d values but prob has %d", len(yTrue), len(prob))
	}
	if bins < 1 {
		return errorf("Calibration", "bins = %d; use at least 1", bins)
	}
	sp := make([]float64, bins)
	sy := make([]float64, bins)
	cnt := make([]int, bins)
	for i, q := range prob {
		if !(q >= 0 && q <= 1) {
			return errorf("Calibration", "prob[%d] = %v is not a probability", i, q)
		}
		if yTrue[i] != 0 && yTrue[i] != 1 {
			return errorf("Calibration", "yTrue[%d] = %v; labels must be 0 or 1", i, yTrue[i])
		}
		b := 0
		for b < bins-1 && q > float64(b+1)/float64(bins) {
			b++
		}
		sp[b] += q
		sy[b] += yTrue[i]
		cnt[b]++
	}
	var mx, fy []float64
	for b := range cnt {
		if cnt[b] > 0 {
			mx = append(mx, sp[b]/float64(cnt[b]))
			fy = append(fy, sy[b]/float64(cnt[b]))
		}
	}
	return calibrationPlot(mx, fy)
}

// calibrationPlot draws binned mean predictions mx against the observed
// fractions of positives fy, with the diagonal.
func calibrationPlot(mx, fy []float64) *Plot {
	p := plotting.NewPanel("Calibration curve", "Mean predicted probability", "Fraction of positives")
	p.LegendPos = "bottomright"
	p.XMin, p.XMax, p.YMin, p.YMax = -0.02, 1.02, -0.02, 1.02
	p.Legend = true
	p.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{0, 1}, Y: []float64{0, 1}, Color: -1, Dashed: true, Label: "perfectly calibrated"})
	p.Add(plotting.Layer{Kind: plotting.Lines, X: mx, Y: fy, Color: 0, Label: "model"})
	p.Add(plotting.Layer{Kind: plotting.Points, X: mx, Y: fy, Color: 0})
	return newPlot("Calibration", p)
}

// LearningCurve draws training and validation scores against training-set
// size (from a learning-curve computation), as lines with points.
func LearningCurve(sizes, train, valid []float64) *Plot {
	if len(train) != len(sizes) || len(valid) != len(sizes) {
		return errorf("LearningCurve", "sizes has %d values, train %d and valid %d; give one score per size", len(sizes), len(train), len(valid))
	}
	p := plotting.NewPanel("Learning curve", "Training examples", "Score")
	p.Legend = true
	p.Add(plotting.Layer{Kind: plotting.Lines, X: sizes, Y: train, Color: 0, Label: "training", Marker: 0})
	p.Add(plotting.Layer{Kind: plotting.Points, X: sizes, Y: train, Color: 0, Marker: 0})
	p.Add(plotting.Layer{Kind: plotting.Lines, X: sizes, Y: valid, Color: 1, Label: "validation", Marker: 1})
	p.Add(plotting.Layer{Kind: plotting.Points, X: sizes, Y: valid, Color: 1, Marker: 1})
	return newPlot("LearningCurve", p)
}

// LassoPath draws coefficient paths: coefs[k][j] is coefficient j fitted
// at penalty lambda[k] (> 0), drawn against log(λ) as glmnet's
// plot(fit, xvar = "lambda"), one line per coefficient named by names.
func LassoPath(lambda []float64, coefs [][]float64, names []string) *Plot {
	if len(coefs) != len(lambda) {
		return errorf("LassoPath", "%d lambdas but %d coefficient vectors; give one vector per lambda", len(lambda), len(coefs))
	}
	if len(coefs) == 0 {
		return errorf("LassoPath", "no lambdas")
	}
	nv := len(coefs[0])
	if names == nil {
		names = make([]string, nv)
		for j := range names {
			names[j] = fmt.Sprintf("x%d", j+1)
		}
	}
	if len(names) != nv {
		return errorf("LassoPath", "%d names for %d coefficients", len(names), nv)
	}
	lx := make([]float64, len(lambda))
	for k, l := range lambda {
		if !(l > 0) {
			return errorf("LassoPath", "lambda[%d] = %v; lambdas must be positive", k, l)
		}
		if len(coefs[k]) != nv {
			return errorf("LassoPath", "coefs[%d] has %d values but coefs[0] has %d", k, len(coefs[k]), nv)
		}
		lx[k] = math.Log(l)
	}
	p := plotting.NewPanel("Coefficient paths", "log(lambda)", "Coefficients")
	p.Legend = true
	for j := 0; j < nv; j++ {
		ys := make([]float64, len(lambda))
		for k := range lambda {
			ys[k] = coefs[k][j]
		}
		p.Add(plotting.Layer{Kind: plotting.Lines, X: lx, Y: ys, Label: names[j], Color: j, Marker: j})
	}
	x0, x1 := extent(lx)
	p.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{x0, x1}, Y: []float64{0, 0}, Color: -1, Dashed: true, Reference: true})
	return newPlot("LassoPath", p)
}

// Curve draws a computed curve or model result:
//
//   - a ROC or precision–recall curve, such as the *ml.Curve returned by
//     ml.ROCCurve and ml.PRCurve (exported fields Kind "ROC" or "PR",
//     X, Y []float64 and Area float64);
//   - the coefficient paths of a regularisation path such as the
//     *models.PenalizedPath of models.PenalizedPathFit and
//     models.CVPenalized (fields Lambda, CoefStd or Coef, and Names),
//     drawn as LassoPath with dotted lines at λ_min and λ_1se when the
//     path was cross-validated;
//   - a learning curve (*ml.LearningCurve of ml.LearningCurveCV: Sizes,
//     TrainMean, TestMean), drawn as LearningCurve;
//   - a calibration curve (*ml.Calibration of ml.CalibrationCurve:
//     MeanPredicted, FractionPositive);
//   - a partial dependence curve (*ml.Dependence of ml.PartialDependence:
//     Feature, Grid, Average);
//   - feature importances (*ml.Importance: Features, Mean, SD), as bars
//     from the largest down.
func Curve(c any) *Plot {
	if lambda, ok := floatsField(c, "Lambda"); ok {
		return pathCurve(c, lambda)
	}
	if p, ok := mlCurve(c); ok {
		return p
	}
	xs, ok1 := floatsField(c, "X")
	ys, ok2 := floatsField(c, "Y")
	if !ok1 || !ok2 || len(xs) != len(ys) {
		return errorf("Curve", "%T is not a curve (needs X and Y fields of equal length)", c)
	}
	kind := ""
	if f, ok := fieldOf(c, "Kind"); ok {
		kind, _ = f.Interface().(string)
	}
	area, _ := floatField(c, "Area")
	var p *plotting.Panel
	label := ""
	switch kind {
	case "PR":
		p = plotting.NewPanel("Precision-recall curve", "Recall", "Precision")
		label = fmt.Sprintf("AP = %.3f", area)
	default:
		p = plotting.NewPanel("ROC curve", "False positive rate", "True positive rate")
		p.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{0, 1}, Y: []float64{0, 1}, Color: -1, Dashed: true, Reference: true})
		label = fmt.Sprintf("AUC = %.3f", area)
	}
	p.XMin, p.XMax, p.YMin, p.YMax = -0.02, 1.02, -0.02, 1.02
	p.Legend = true
	p.LegendPos = "bottomright"
	if kind == "PR" {
		p.LegendPos = "bottomleft"
	}
	p.Add(plotting.Layer{Kind: plotting.Lines, X: xs, Y: ys, Label: label, Color: 0})
	return newPlot("Curve", p)
}

// pathCurve draws the coefficient paths of a regularisation path value.
func pathCurve(c any, lambda []float64) *Plot {
	var coefs [][]float64
	for _, name := range []string{"CoefStd", "Coef"} {
		if f, ok := fieldOf(c, name); ok {
			if v, ok := f.Interface().([][]float64); ok && len(v) > 0 {
				coefs = v
				break
			}
		}
	}
	if coefs == nil {
		return errorf("Curve", "%T has Lambda but no Coef or CoefStd coefficients to draw", c)
	}
	var names []string
	if f, ok := fieldOf(c, "Names"); ok {
		names, _ = f.Interface().([]string)
	}
	p := LassoPath(lambda, coefs, names)
	if p.err != nil {
		return failed("Curve", fmt.Errorf("plots.Curve: %w", p.err))
	}
	for _, name := range []string{"LambdaMin", "Lambda1SE"} {
		if l, ok := floatField(c, name); ok && l > 0 {
			p.VLine(math.Log(l))
		}
	}
	return p
}

// mlCurve draws the ml package's result types that Curve accepts.
func mlCurve(c any) (*Plot, bool) {
	if f, ok := fieldOf(c, "Sizes"); ok {
		var sizes []float64
		switch v := f.Interface().(type) {
		case []int:
			for _, n := range v {
				sizes = append(sizes, float64(n))
			}
		case []float64:
			sizes = v
		}
		train, ok1 := floatsField(c, "TrainMean")
		test, ok2 := floatsField(c, "TestMean")
		if sizes != nil && ok1 && ok2 {
			p := LearningCurve(sizes, train, test)
			if m, ok := fieldOf(c, "Metric"); ok {
				if name, _ := m.Interface().(string); name != "" && p.err == nil {
					p.YLabel(name)
				}
			}
			return p, true
		}
	}
	if mx, ok := floatsField(c, "MeanPredicted"); ok {
		fy, ok := floatsField(c, "FractionPositive")
		if !ok || len(fy) != len(mx) {
			return errorf("Curve", "%T: MeanPredicted and FractionPositive differ in length", c), true
		}
		return calibrationPlot(mx, fy), true
	}
	if grid, ok := floatsField(c, "Grid"); ok {
		avg, ok := floatsField(c, "Average")
		if !ok || len(avg) != len(grid) {
			return errorf("Curve", "%T: Grid and Average differ in length", c), true
		}
		p := Line(grid, avg)
		if p.err == nil {
			feature := "x"
			if f, ok := fieldOf(c, "Feature"); ok {
				feature, _ = f.Interface().(string)
			}
			p.Title("Partial dependence").XLabel(feature).YLabel("average prediction")
		}
		return p, true
	}
	if f, ok := fieldOf(c, "Features"); ok {
		names, _ := f.Interface().([]string)
		mean, ok := floatsField(c, "Mean")
		if names == nil || !ok || len(mean) != len(names) {
			return errorf("Curve", "%T: Features and Mean differ in length", c), true
		}
		idx := make([]int, len(mean))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return mean[idx[a]] > mean[idx[b]] })
		labels := make([]string, len(idx))
		vals := make([]float64, len(idx))
		for k, i := range idx {
			labels[k], vals[k] = names[i], mean[i]
		}
		p := Bar(labels, vals)
		if p.err == nil {
			ylab := "importance"
			if m, ok := fieldOf(c, "Metric"); ok {
				if name, _ := m.Interface().(string); name != "" {
					ylab = "drop in " + name
				}
			}
			p.Title("Feature importance").YLabel(ylab)
		}
		return p, true
	}
	return nil, false
}
