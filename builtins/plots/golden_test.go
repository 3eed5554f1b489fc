package plots

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/display"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// gallery builds one plot of each kind from the built-in datasets.
func gallery() map[string]*Plot {
	f := datasets.MustLoad("faithful")
	mt := datasets.MustLoad("mtcars")
	ir := datasets.MustLoad("iris")
	am := mt.Col("am")
	wt := mt.Col("wt")
	hp := mt.Col("hp")
	s1 := make([]float64, len(wt))
	s2 := make([]float64, len(wt))
	for i := range wt {
		s1[i] = -wt[i]
		s2[i] = -hp[i]
	}
	prob := make([]float64, len(wt))
	for i := range wt {
		prob[i] = 1 / (1 + math.Exp(4*(wt[i]-3.2)))
	}
	lambda := []float64{1, 0.5, 0.25, 0.125, 0.0625, 0.03125}
	coefs := [][]float64{{0, 0, 0}, {-1.2, 0, 0}, {-2.1, -0.4, 0}, {-2.8, -0.9, 0.3}, {-3.1, -1.1, 0.6}, {-3.2, -1.2, 0.7}}
	cor := [][]float64{{1, -0.8677, -0.7762}, {-0.8677, 1, 0.6587}, {-0.7762, 0.6587, 1}}
	return map[string]*Plot{
		"scatter":     Scatter(f.Col("eruptions"), f.Col("waiting")).Title("Old Faithful").XLabel("eruptions (min)").YLabel("waiting (min)"),
		"scatterfit":  Scatter(mt.Col("wt"), mt.Col("mpg")).Fit().Title("mpg ~ wt").XLabel("wt").YLabel("mpg"),
		"scatterby":   ScatterBy(ir.Col("Petal.Length"), ir.Col("Petal.Width"), ir.Factor("Species")).XLabel("Petal.Length").YLabel("Petal.Width"),
		"line":        Line([]float64{1, 2, 3, 4, 5, 6}, []float64{2, 4, 3, 6, 5, 8}).Points([]float64{1, 2, 3, 4, 5, 6}, []float64{2, 4, 3, 6, 5, 8}, "").HLine(5),
		"histogram":   Histogram(f.Col("waiting")).Title("Waiting times").XLabel("waiting (min)"),
		"histogramfd": HistogramFD(f.Col("eruptions")).XLabel("eruptions"),
		"density":     Density(f.Col("eruptions")).Title("density(eruptions)"),
		"densityby":   DensityBy(ir.Col("Sepal.Width"), ir.Factor("Species")).XLabel("Sepal.Width"),
		"boxplot":     BoxPlot(ir.Col("Sepal.Length"), ir.Factor("Species")).Title("Sepal.Length by Species").XLabel("Sepal.Length"),
		"boxplot1":    BoxPlot(mt.Col("hp"), nil).XLabel("hp"),
		"bar":         Bar([]string{"setosa", "versicolor", "virginica"}, []float64{5.006, 5.936, 6.588}).Title("Mean sepal length"),
		"barcounts":   BarCounts(mt.Factor("cyl")).XLabel("cyl"),
		"heatmap":     CorrHeatmap(cor, []string{"mpg", "wt", "hp"}).Title("cor(mtcars)"),
		"qqnorm":      QQNorm(mt.Col("mpg")),
		"diagnostics": diagMtcars(),
		"roc":         ROC(am, s1).AddROC(am, s2, "hp"),
		"pr":          PR(am, s1),
		"calibration": Calibration(am, prob, 5),
		"learning":    LearningCurve([]float64{10, 20, 40, 80, 160}, []float64{0.99, 0.95, 0.93, 0.92, 0.91}, []float64{0.70, 0.80, 0.85, 0.88, 0.89}),
		"lasso":       LassoPath(lambda, coefs, []string{"wt", "hp", "qsec"}),
		"pairs":       Pairs(ir, "Sepal.Length", "Sepal.Width", "Petal.Length"),
	}
}

func diagMtcars() *Plot {
	mt := datasets.MustLoad("mtcars")
	x, y := mt.Col("wt"), mt.Col("mpg")
	a, b, s, mx, sxx := ols(x, y)
	m := &fakeLM{Sigma: s}
	for i := range x {
		f := a + b*x[i]
		m.Fitted = append(m.Fitted, f)
		m.Residuals = append(m.Residuals, y[i]-f)
		m.h = append(m.h, 1/float64(len(x))+(x[i]-mx)*(x[i]-mx)/sxx)
	}
	return DiagnosticsOf(m)
}

func TestGalleryGolden(t *testing.T) {
	ascii := display.Plain
	ascii.Unicode = false
	dir := os.Getenv("PLOTS_PNG_DIR") // set to look at the images
	for name, p := range gallery() {
		if p.Err() != nil {
			t.Fatalf("%s: %v", name, p.Err())
		}
		golden(t, name, p.String())
		golden(t, name+".ascii", p.Display(ascii).Text)
		if dir != "" {
			if err := p.Save(filepath.Join(dir, name+".png")); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestDisplayBundle(t *testing.T) {
	p := gallery()["scatterby"]
	b := p.Display(display.Plain)
	if b.Kind != "plot" || b.Text == "" || b.ANSI != "" || b.PNG != nil {
		t.Fatalf("plain bundle: kind %q, ansi %d, png %d", b.Kind, len(b.ANSI), len(b.PNG))
	}
	if b.Cols != 76 || b.Rows != 20 {
		t.Fatalf("cols×rows = %d×%d", b.Cols, b.Rows)
	}
	if p.String() != b.Text {
		t.Fatal("String differs from the plain text form")
	}
	o := display.Options{Width: 100, Height: 30, Color: true, Unicode: true, Graphics: "kitty"}
	b = p.Display(o)
	if !strings.Contains(b.ANSI, "\x1b[") || strings.Contains(b.Text, "\x1b") {
		t.Fatal("ANSI form missing or escape codes in the text form")
	}
	img, err := png.Decode(bytes.NewReader(b.PNG))
	if err != nil {
		t.Fatalf("PNG: %v", err)
	}
	if r := img.Bounds(); r.Dx() != b.Cols*10 || r.Dy() != b.Rows*20 {
		t.Fatalf("PNG %v for %d×%d cells", r, b.Cols, b.Rows)
	}
	if err := xml.Unmarshal(b.SVG, new(struct{})); err != nil {
		t.Fatalf("SVG: %v", err)
	}
	if b := p.Display(display.Options{Graphics: "none"}); b.SVG != nil || b.PNG != nil {
		t.Fatal("graphics none should carry no images")
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	p := gallery()["histogram"]
	path := filepath.Join(dir, "h.png")
	if err := p.Save(path, Pixels(600, 400), DPI(100)); err != nil {
		t.Fatal(err)
	}
	fh, _ := os.Open(path)
	img, err := png.Decode(fh)
	fh.Close()
	if err != nil || img.Bounds().Dx() != 600 || img.Bounds().Dy() != 400 {
		t.Fatalf("saved PNG: %v %v", err, img.Bounds())
	}
	for _, name := range []string{"h.svg", "h.pdf"} {
		if err := p.Save(filepath.Join(dir, name), Size(5, 3)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Save(filepath.Join(dir, "h.gif")); err == nil {
		t.Fatal("unknown extension accepted")
	}
	if err := p.Save(filepath.Join(dir, "x.png"), Size(-1, 2)); err == nil || !strings.Contains(err.Error(), "positive") {
		t.Fatalf("bad size: %v", err)
	}
	b, err := p.PNG(Pixels(300, 200), DPI(72))
	if err != nil {
		t.Fatal(err)
	}
	img, _ = png.Decode(bytes.NewReader(b))
	if img.Bounds().Dx() != 300 {
		t.Fatalf("PNG width %d", img.Bounds().Dx())
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		p    *Plot
		want string
	}{
		{Scatter([]float64{1, 2}, []float64{1}), "x has 2 values but y has 1"},
		{ScatterBy([]float64{1, 2}, []float64{1, 2}, []string{"a"}), "group has 1 values"},
		{Histogram([]float64{math.NaN()}), "no finite values"},
		{Line([]float64{1, 2, 3}, []float64{math.NaN(), math.NaN(), math.NaN()}), "none of the 3 points has a finite x and y"},
		{Scatter(nil, nil), "x and y are empty"},
		{ScatterBy([]float64{math.Inf(1)}, []float64{1}, []string{"a"}), "none of the 1 points"},
		{Scatter([]float64{1, 2}, []float64{1, 2}).Line([]float64{1}, []float64{math.NaN()}, "l"), "none of the 1 points"},
		{HistogramBins([]float64{1, 2}, 0), "bins = 0"},
		{HistogramBreaks([]float64{1, 5}, []float64{0, 2, 4}), "outside the breaks"},
		{Density([]float64{1}), "at least 2"},
		{BoxPlot([]float64{1, 2}, []string{"a"}), "one group label per value"},
		{Bar([]string{"a"}, []float64{1, 2}), "1 labels but 2 values"},
		{Heatmap([][]float64{{1, 2}, {3}}, nil, nil), "row 1 has 1 values"},
		{ROC([]float64{0, 2}, []float64{0.1, 0.2}), "labels must be 0 or 1"},
		{ROC([]float64{1, 1}, []float64{0.1, 0.2}), "both classes"},
		{Calibration([]float64{0, 1}, []float64{0.5, 1.5}, 5), "not a probability"},
		{LassoPath([]float64{1, 0}, [][]float64{{1}, {2}}, nil), "lambdas must be positive"},
		{Diagnostics([]float64{1, 2, 3}, []float64{1, 2}, nil, nil), "residuals has 2"},
		{Scatter([]float64{1, 1, 1}, []float64{1, 2, 3}).Fit(), "all x values are equal"},
		{PairsData([]string{"a"}, [][]float64{{1}, {2}}), "1 names for 2 columns"},
	}
	for _, c := range cases {
		err := c.p.Err()
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "plots.") {
			t.Errorf("want error containing %q, got %v", c.want, err)
			continue
		}
		if b := c.p.Display(display.Plain); !strings.Contains(b.Text, c.want) {
			t.Errorf("display of a failed plot does not show the error: %q", b.Text)
		}
		if c.p.Save(filepath.Join(t.TempDir(), "x.png")) == nil {
			t.Errorf("Save of a failed plot returned no error")
		}
	}
}
