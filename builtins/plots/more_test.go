package plots

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/plotting"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/ml"
	"github.com/gostat/gostat/builtins/models"
)

func TestFrameBuilders(t *testing.T) {
	wb := datasets.MustLoad("warpbreaks")
	p := BoxPlotOf(wb, "breaks", "tension")
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	var got []string
	for _, b := range p.panel().Layers[0].Boxes {
		got = append(got, b.Label)
	}
	if strings.Join(got, ",") != "L,M,H" {
		t.Fatalf("box order %v; want the frame's level order L,M,H", got)
	}
	if p.panel().XLabel != "breaks" {
		t.Fatalf("x label %q", p.panel().XLabel)
	}
	ir := datasets.MustLoad("iris")
	s := ScatterOf(ir, "Petal.Length", "Petal.Width", "Species")
	if s.Err() != nil || len(s.panel().Layers) != 3 || s.panel().YLabel != "Petal.Width" {
		t.Fatalf("ScatterOf: %v", s.Err())
	}
	if e := ScatterOf(ir, "Petal.Lenght", "Petal.Width", "").Err(); e == nil || !strings.Contains(e.Error(), "Petal.Length") {
		t.Fatalf("misspelt column: %v", e)
	}
	if h := HistogramOf(ir, "Sepal.Width").WithDensity(); h.Err() != nil || len(h.panel().Layers) != 2 {
		t.Fatalf("HistogramOf.WithDensity: %v", h.Err())
	}
	if d := DensityOf(ir, "Sepal.Width", "Species"); d.Err() != nil || len(d.panel().Layers) != 3 {
		t.Fatalf("DensityOf: %v", d.Err())
	}
	if e := Scatter([]float64{1, 2}, []float64{1, 2}).WithDensity().Err(); e == nil {
		t.Fatal("WithDensity on a scatter should fail")
	}
}

func TestCurveFromML(t *testing.T) {
	mt := datasets.MustLoad("mtcars")
	wt := mt.Col("wt")
	score := make([]float64, len(wt))
	for i, w := range wt {
		score[i] = -w
	}
	c := ml.ROCCurve(mt.Col("am"), score)
	p := Curve(c)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	own := ROC(mt.Col("am"), score)
	if p.panel().Layers[1].Label != own.panel().Layers[1].Label {
		t.Fatalf("ml curve legend %q, ROC legend %q", p.panel().Layers[1].Label, own.panel().Layers[1].Label)
	}
	if e := Curve(42).Err(); e == nil {
		t.Fatal("Curve(42) should fail")
	}
}

func TestDiagnosticsOfModelsLM(t *testing.T) {
	r := loadRef(t)
	fit, err := models.OLS("mpg ~ wt", datasets.MustLoad("mtcars"))
	if err != nil {
		t.Fatal(err)
	}
	p := DiagnosticsOf(fit)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	near(t, "rstandard via models.LM", p.fig.Panels[3].Layers[0].Y, r["lm_std_resid"], 11)
}

func TestCorrHeatmapOf(t *testing.T) {
	mt := datasets.MustLoad("mtcars")
	p := CorrHeatmapOf(mt, "mpg", "wt", "hp")
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	h := p.panel().Layers[0].Heat
	// cor(mtcars$mpg, mtcars$wt) = -0.8676593765172278 (R 4.2)
	near(t, "cor(mpg, wt)", []float64{h.Values[0][1], h.Values[1][0]}, []float64{-0.8676593765172278, -0.8676593765172278}, 13)
	if h.Values[2][2] != 1 {
		t.Fatalf("diagonal %v", h.Values[2][2])
	}
}

func TestGrid(t *testing.T) {
	f := datasets.MustLoad("faithful")
	g := Grid(1, 2, Histogram(f.Col("waiting")).Title("hist"), QQNorm(f.Col("waiting")))
	if g.Err() != nil || len(g.fig.Panels) != 2 {
		t.Fatalf("Grid: %v", g.Err())
	}
	s := g.String()
	if !strings.Contains(s, "hist") || !strings.Contains(s, "Normal Q-Q Plot") {
		t.Fatalf("grid text lacks the panel titles:\n%s", s)
	}
	if e := Grid(1, 1, Histogram(f.Col("waiting")), QQNorm(f.Col("waiting"))).Err(); e == nil || !strings.Contains(e.Error(), "do not fit") {
		t.Fatalf("overfull grid: %v", e)
	}
	if e := Grid(1, 2, Scatter(nil, []float64{1})).Err(); e == nil || !strings.Contains(e.Error(), "plot 1") {
		t.Fatalf("failed member: %v", e)
	}
}

func TestShow(t *testing.T) {
	var got []string
	restore := cell.Bind(cell.Hooks{Show: func(b display.Bundle) { got = append(got, b.Kind) }, Options: display.Plain})
	defer restore()
	Histogram([]float64{1, 2, 3}).Show()
	Scatter([]float64{1}, []float64{1, 2}).Show()
	if strings.Join(got, ",") != "plot,error" {
		t.Fatalf("shown %v", got)
	}
}

// Curve draws a models regularisation path: one line per predictor against
// log(λ), with λ_min and λ_1se marked after cross-validation.
func TestCurveOfPenalizedPath(t *testing.T) {
	cars := datasets.MustLoad("mtcars")
	path, err := models.PenalizedPathFit("mpg ~ wt + hp + qsec", cars, models.PathOptions{L1Ratio: 1})
	if err != nil {
		t.Fatal(err)
	}
	p := Curve(path)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	q := p.panel()
	var labels []string
	for _, l := range q.Layers {
		if l.Label != "" {
			labels = append(labels, l.Label)
		}
	}
	if strings.Join(labels, ",") != "wt,hp,qsec" || q.XLabel != "log(lambda)" {
		t.Fatalf("path plot: labels %v, x label %q", labels, q.XLabel)
	}
	n := len(q.Layers)
	cv, err := models.CVPenalized("mpg ~ wt + hp + qsec", cars, models.PathOptions{L1Ratio: 1})
	if err != nil {
		t.Fatal(err)
	}
	if c := Curve(cv); c.Err() != nil || len(c.panel().Layers) != n+2 {
		t.Fatalf("cross-validated path: %v, %d layers, want %d", c.Err(), len(c.panel().Layers), n+2)
	}
	if e := Curve(struct{ Lambda []float64 }{[]float64{1}}).Err(); e == nil || !strings.Contains(e.Error(), "no Coef") {
		t.Fatalf("path without coefficients: %v", e)
	}
	if !strings.Contains(p.Display(display.Plain).Text, "Coefficient paths") {
		t.Fatal("text form lacks the title")
	}
}

// DiagnosticsOf a GLM draws what R's plot(glm) draws. Reference values
// from R 4.2: g <- glm(am ~ wt, binomial, mtcars); predict(g),
// residuals(g), rstandard(g), rstandard(g, type = "pearson") for rows
// 1, 17, 32; the largest |residual| (Maserati Bora, row 31) and Cook's
// distance (Toyota Corona, row 21) are labelled.
func TestDiagnosticsOfGLM(t *testing.T) {
	cars := datasets.MustLoad("mtcars")
	g, err := models.GLM("am ~ wt", cars, models.Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	p := DiagnosticsOf(g)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	ps := p.fig.Panels
	want := []struct {
		panel int
		x, y  []float64
	}{
		{0, []float64{1.4975684, -9.4677497, 0.8537332}, []float64{0.6353854, -0.0124340, 0.8423167}},
		{3, []float64{0.1257790846, 0.0008211272, 0.1192142533}, []float64{0.505820649, -0.008795948, 0.695310915}},
	}
	for _, w := range want {
		l := ps[w.panel].Layers[0]
		for k, i := range []int{0, 16, 31} {
			if math.Abs(l.X[i]-w.x[k]) > 1e-6*math.Max(1, math.Abs(w.x[k])) || math.Abs(l.Y[i]-w.y[k]) > 1e-6 {
				t.Errorf("panel %d, row %d: (%.9g, %.9g), R (%.9g, %.9g)", w.panel, i+1, l.X[i], l.Y[i], w.x[k], w.y[k])
			}
		}
	}
	// Q-Q: standardized deviance residuals (R's rstandard(g)), row 1 = 0.67955816.
	if ps[1].YLabel != "Std. deviance resid." || ps[0].XLabel != "Predicted values" {
		t.Errorf("titles %q, %q", ps[1].YLabel, ps[0].XLabel)
	}
	labels := func(panel int) string {
		for _, l := range ps[panel].Layers {
			if l.Kind == plotting.Labels {
				return strings.Join(l.Text, ",")
			}
		}
		return ""
	}
	if got := labels(0); !strings.HasPrefix(got, "31,21") {
		t.Errorf("largest residuals labelled %q, want 31,21,…", got)
	}
	if got := labels(3); !strings.HasPrefix(got, "21,31") {
		t.Errorf("largest Cook's distances labelled %q, want 21,31,…", got)
	}
}

// A model that names the frame rows of its observations (Rows) gets them
// as labels: airquality drops rows with NA, so R's plot(lm(...)) labels
// observations 117, 62 and 30, not their positions 82, 36 and 25.
func TestDiagnosticsRowLabels(t *testing.T) {
	aq := datasets.MustLoad("airquality")
	lm, err := models.OLS("Ozone ~ Temp + Wind", aq)
	if err != nil {
		t.Fatal(err)
	}
	fit := struct {
		*models.LM
		Rows []int
	}{LM: lm}
	na, _ := aq.NA("Ozone") // Temp and Wind are complete
	for i := range na {
		if !na[i] {
			fit.Rows = append(fit.Rows, i)
		}
	}
	if len(fit.Rows) != lm.NObs {
		t.Fatalf("%d complete rows, the model used %d", len(fit.Rows), lm.NObs)
	}
	got := rowLabels(fit)
	if got[81] != "117" || got[35] != "62" || got[24] != "30" {
		t.Errorf("labels at positions 82, 36, 25: %s %s %s", got[81], got[35], got[24])
	}
	p := DiagnosticsOf(fit)
	for _, l := range p.fig.Panels[0].Layers {
		if l.Kind == plotting.Labels && strings.Join(l.Text, ",") != "117,62,30" {
			t.Errorf("Residuals vs Fitted labels %v, R's 117, 62, 30", l.Text)
		}
	}
}

// Curve draws the ml package's results: learning curve, calibration curve,
// partial dependence and feature importance.
func TestCurveOfMLResults(t *testing.T) {
	pima := datasets.MustLoad("Pima_tr")
	lr := ml.NewPipeline(ml.NewLogisticRegression(), ml.NewStandardScaler())
	lc, err := ml.LearningCurveCV(lr, pima, "type", []float64{0.3, 0.6, 1}, 3, 1, "accuracy")
	if err != nil {
		t.Fatal(err)
	}
	p := Curve(lc)
	if p.Err() != nil || p.panel().Title != "Learning curve" || p.panel().YLabel != "accuracy" {
		t.Fatalf("learning curve: %v %q %q", p.Err(), p.panel().Title, p.panel().YLabel)
	}
	if err := lr.Fit(pima, "type"); err != nil {
		t.Fatal(err)
	}
	ev, err := ml.Evaluate(lr, pima, "type")
	if err != nil {
		t.Fatal(err)
	}
	if c := Curve(ml.CalibrationCurve(ev.Y, ev.Proba, 5)); c.Err() != nil || c.panel().Title != "Calibration curve" {
		t.Fatalf("calibration: %v", c.Err())
	}
	pd, err := ml.PartialDependence(lr, pima, "glu", 10)
	if err != nil {
		t.Fatal(err)
	}
	if c := Curve(pd); c.Err() != nil || c.panel().XLabel != "glu" {
		t.Fatalf("partial dependence: %v", c.Err())
	}
	imp, err := ml.PermutationImportance(lr, pima, "type", 3, 1, "accuracy")
	if err != nil {
		t.Fatal(err)
	}
	c := Curve(imp)
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
	ticks := c.panel().XTicks
	best, bestV := "", math.Inf(-1)
	for j, f := range imp.Features {
		if imp.Mean[j] > bestV {
			best, bestV = f, imp.Mean[j]
		}
	}
	if len(ticks) != len(imp.Features) || ticks[0].Label != best {
		t.Fatalf("importance bars %v, want %s first", ticks, best)
	}
	if !strings.Contains(c.Display(display.Plain).Text, "Feature importance") {
		t.Fatal("text form lacks the title")
	}
}
