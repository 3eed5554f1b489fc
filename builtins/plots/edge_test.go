package plots

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/ml"
	"github.com/gostat/gostat/display"
)

// TestEdgeInputsDoNotPanic renders awkward inputs in every form: empty
// and one-point data, NaN and ±Inf, constant data.
func TestEdgeInputsDoNotPanic(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	one := []float64{1}
	odd := []float64{1, nan, inf, -inf, 2}
	same := []float64{3, 3, 3, 3}
	ps := []*Plot{
		Scatter(nil, nil), Scatter(one, one), Scatter(odd, odd), Scatter(same, same),
		ScatterBy(odd, odd, []string{"a", "b", "a", "b", "c"}),
		Line(nil, nil), Line(one, one), Line(odd, []float64{1, 2, 3, 4, 5}),
		Histogram(one), Histogram(same), Histogram(odd), HistogramFD(same), HistogramBins(same, 3),
		Density(same), Density(odd), DensityBy(odd, []string{"a", "a", "a", "a", "a"}),
		BoxPlot(one, nil), BoxPlot(same, nil), BoxPlot(odd, []string{"a", "a", "b", "b", "b"}),
		Bar([]string{"x"}, []float64{0}), Bar([]string{"a", "b"}, []float64{-1, inf}), BarCounts([]string{"a"}),
		Heatmap([][]float64{{nan}}, nil, nil), Heatmap([][]float64{{1, 1}, {1, 1}}, nil, nil),
		QQNorm(same), QQNorm(odd),
		Diagnostics([]float64{1, 2, 3}, []float64{0, 0, 0}, []float64{0, 0, 0}, []float64{1, 1, 1}),
		Diagnostics([]float64{1, 2, 3, 4}, []float64{1, -1, 2, nan}, []float64{1, -1, inf, nan}, []float64{0.2, 0.9, 0.5, nan}),
		ROC([]float64{0, 1}, []float64{inf, -inf}), PR([]float64{0, 1, 1}, []float64{1, 1, 1}),
		Calibration([]float64{0, 1}, []float64{0, 1}, 1), Calibration(nil, nil, 3),
		LearningCurve(one, one, one), LassoPath(one, [][]float64{{1, 2}}, nil),
		PairsData([]string{"a", "b"}, [][]float64{odd, same[:0]}), PairsData([]string{"a", "b"}, [][]float64{odd, odd}),
		Scatter([]float64{1, 2, 3}, []float64{1, 2, 3}).Fit().HLine(nan).VLine(inf).ABLine(0, 1),
	}
	opts := []display.Options{display.Plain, {Width: 20, Height: 5, Unicode: false, Color: true, Graphics: "kitty"}, {Width: 200, Height: 60, Unicode: true, Color: true}}
	for i, p := range ps {
		for _, o := range opts {
			b := p.Display(o)
			if b.Text == "" {
				t.Errorf("plot %d: empty text", i)
			}
		}
		_ = p.String()
	}
}

func TestAgainstMLMetrics(t *testing.T) {
	mt := datasets.MustLoad("mtcars")
	y, score := mt.Col("am"), mt.Col("mpg")
	fpr, tpr, _, _, err := rocPoints("ROC", y, score)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "AUC vs ml.ROCAUC", []float64{trapezoid(fpr, tpr)}, []float64{ml.ROCAUC(y, score)}, 14)
	if l := PR(y, score).panel().Layers[0].Label; l != "AP = "+fmt3(ml.AveragePrecision(y, score)) {
		t.Errorf("PR legend %q; ml.AveragePrecision = %v", l, ml.AveragePrecision(y, score))
	}
	prob := make([]float64, len(score))
	for i, s := range score {
		prob[i] = (s - 10) / 25
	}
	c := ml.CalibrationCurve(y, prob, 4)
	p := Calibration(y, prob, 4)
	l := p.panel().Layers[1]
	near(t, "calibration x", l.X, c.MeanPredicted, 14)
	near(t, "calibration y", l.Y, c.FractionPositive, 14)
}

func fmt3(v float64) string { return fmt.Sprintf("%.3f", v) }

// Infinite and missing cells of a heatmap draw (grey / clamped to the ends
// of the scale) instead of crashing the display; the scale is set by the
// finite values.
func TestHeatmapNonFinite(t *testing.T) {
	p := Heatmap([][]float64{{1, math.NaN()}, {math.Inf(1), 2}, {math.Inf(-1), 3}}, nil, nil)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	for _, o := range []display.Options{display.Plain, {Width: 60, Height: 20, Unicode: true, Color: true}, {Width: 60, Height: 20}} {
		if b := p.Display(o); !strings.Contains(b.Text, "Inf") {
			t.Errorf("text form lacks the infinite cell:\n%s", b.Text)
		}
	}
	if _, err := p.PNG(); err != nil {
		t.Fatal(err)
	}
	all := Heatmap([][]float64{{math.NaN(), math.Inf(1)}}, nil, nil)
	if all.Err() != nil {
		t.Fatal(all.Err())
	}
	_ = all.Display(display.Options{Width: 60, Height: 20, Unicode: true, Color: true})
}

// Bars narrower than a text column still show: hist(x, breaks = 1000).
func TestHistogramThinBarsVisible(t *testing.T) {
	p := HistogramBins([]float64{1, 2, 3, 4, 5}, 1000)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	txt := p.Display(display.Plain).Text
	if n := strings.Count(txt, "█") + strings.Count(txt, "▌"); n < 5 {
		t.Errorf("%d bar cells for 5 values in thin bins:\n%s", n, txt)
	}
}
