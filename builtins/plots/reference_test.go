package plots

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// ref holds R 4.2's values made by testdata/reference.R.
var ref map[string][]float64

func loadRef(t *testing.T) map[string][]float64 {
	t.Helper()
	if ref != nil {
		return ref
	}
	if _, err := os.Stat(filepath.Join("..", "..", "..", "shared", "reference")); err != nil {
		t.Fatalf("shared reference data missing: %v", err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

// near checks that got agrees with want to at least digits significant
// digits (log relative error), element by element.
func near(t *testing.T, what string, got, want []float64, digits float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, R has %d: %v vs %v", what, len(got), len(want), got, want)
	}
	for i := range got {
		d := math.Abs(got[i] - want[i])
		scale := math.Max(math.Abs(want[i]), 1e-300)
		if d != 0 && -math.Log10(d/scale) < digits {
			t.Errorf("%s[%d] = %.15g; R gives %.15g (%.1f digits, want %v)", what, i, got[i], want[i], -math.Log10(d/scale), digits)
		}
	}
}

func ints(c []int) []float64 {
	out := make([]float64, len(c))
	for i, v := range c {
		out[i] = float64(v)
	}
	return out
}

func histOf(p *Plot) (breaks, counts []float64) {
	l := p.panel().Layers[0]
	breaks = append(append([]float64(nil), l.X...), l.X2[len(l.X2)-1])
	return breaks, l.Y2
}

func TestHistogramMatchesR(t *testing.T) {
	r := loadRef(t)
	f := datasets.MustLoad("faithful")
	mt := datasets.MustLoad("mtcars")
	cases := []struct {
		name string
		p    *Plot
	}{
		{"hist_waiting", Histogram(f.Col("waiting"))},
		{"histfd_waiting", HistogramFD(f.Col("waiting"))},
		{"hist_mpg", Histogram(mt.Col("mpg"))},
		{"histfd_eruptions", HistogramFD(f.Col("eruptions"))},
	}
	for _, c := range cases {
		if c.p.Err() != nil {
			t.Fatal(c.p.Err())
		}
		b, n := histOf(c.p)
		near(t, c.name+" breaks", b, r[c.name+"_breaks"], 14)
		near(t, c.name+" counts", n, r[c.name+"_counts"], 15)
	}
	near(t, "nclass.FD", []float64{float64(nclassFD(f.Col("eruptions")))}, r["nclassfd_eruptions"], 15)
}

func TestHistCountsEdges(t *testing.T) {
	// Right-closed bins, first bin closed on the left (R's default).
	got := HistCounts([]float64{0, 1, 1.5, 2, 2, 3}, []float64{0, 1, 2, 3})
	want := []int{2, 3, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("HistCounts = %v; want %v", got, want)
		}
	}
	p := HistogramBins([]float64{1, 2, 3, 4}, 3)
	b, n := histOf(p)
	near(t, "bins", b, []float64{1, 2, 3, 4}, 15)
	near(t, "bin counts", n, []float64{2, 1, 1}, 15)
}

func TestDensityMatchesR(t *testing.T) {
	r := loadRef(t)
	f := datasets.MustLoad("faithful")
	mt := datasets.MustLoad("mtcars")
	near(t, "bw.nrd0 eruptions", []float64{BandwidthNRD0(f.Col("eruptions"))}, r["bw_eruptions"], 14)
	near(t, "bw.nrd0 mpg", []float64{BandwidthNRD0(mt.Col("mpg"))}, r["bw_mpg"], 14)
	p := Density(f.Col("eruptions"))
	l := p.panel().Layers[0]
	idx := []int{0, 99, 255, 399, 511}
	var gx, gy []float64
	for _, i := range idx {
		gx = append(gx, l.X[i])
		gy = append(gy, l.Y[i])
	}
	near(t, "density grid", gx, r["density_eruptions_x"], 14)
	// R approximates the sum by binning and an FFT; we sum exactly, so the
	// values agree to about 3 digits at the peaks.
	near(t, "density values", gy[1:4], r["density_eruptions_y"][1:4], 2.5)
}

func TestBoxStatsMatchesR(t *testing.T) {
	r := loadRef(t)
	ir := datasets.MustLoad("iris")
	y, g := ir.Col("Sepal.Length"), ir.Factor("Species")
	for _, sp := range []string{"setosa", "versicolor", "virginica"} {
		var v []float64
		for i := range y {
			if g[i] == sp {
				v = append(v, y[i])
			}
		}
		lo, q1, md, q3, hi, out := BoxStats(v)
		near(t, "boxplot.stats "+sp, append([]float64{lo, q1, md, q3, hi}, out...), r["box_"+sp], 15)
	}
	mt := datasets.MustLoad("mtcars")
	lo, q1, md, q3, hi, out := BoxStats(mt.Col("hp"))
	near(t, "boxplot.stats hp", []float64{lo, q1, md, q3, hi}, r["box_hp"], 15)
	near(t, "boxplot.stats hp out", out, r["box_hp_out"], 15)
}

func TestLowessMatchesR(t *testing.T) {
	r := loadRef(t)
	c := datasets.MustLoad("cars")
	x, y := Lowess(c.Col("speed"), c.Col("dist"), 2.0/3, 3)
	near(t, "lowess x", x, r["lowess_cars_x"], 15)
	near(t, "lowess y", y, r["lowess_cars_y"], 12)
}

func TestQQMatchesR(t *testing.T) {
	r := loadRef(t)
	near(t, "ppoints(5)", ppoints(5), r["ppoints_5"], 15)
	near(t, "ppoints(20)", ppoints(20), r["ppoints_20"], 15)
	mt := datasets.MustLoad("mtcars")
	p := QQNorm(mt.Col("mpg"))
	pts := p.panel().Layers[0]
	near(t, "qqnorm x", pts.X, r["qq_mpg_x_sorted"], 13)
	ln := p.panel().Layers[1]
	b := (ln.Y[1] - ln.Y[0]) / (ln.X[1] - ln.X[0])
	a := ln.Y[0] - b*ln.X[0]
	near(t, "qqline", []float64{a, b}, r["qqline_mpg"], 12)
}

func TestROCMatchesR(t *testing.T) {
	r := loadRef(t)
	mt := datasets.MustLoad("mtcars")
	wt := mt.Col("wt")
	score := make([]float64, len(wt))
	for i, w := range wt {
		score[i] = -w
	}
	fpr, tpr, _, _, err := rocPoints("ROC", mt.Col("am"), score)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "AUC", []float64{trapezoid(fpr, tpr)}, r["auc_am_wt"], 14)
	if fpr[0] != 0 || tpr[0] != 0 || fpr[len(fpr)-1] != 1 || tpr[len(tpr)-1] != 1 {
		t.Fatalf("ROC does not run from (0,0) to (1,1): %v %v", fpr, tpr)
	}
}

func TestAveragePrecision(t *testing.T) {
	// sklearn: average_precision_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.8333…
	p := PR([]float64{0, 0, 1, 1}, []float64{0.1, 0.4, 0.35, 0.8})
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	l := p.panel().Layers[0]
	if l.Label != "AP = 0.833" {
		t.Fatalf("legend %q", l.Label)
	}
}

// fakeLM mimics *models.LM: exported Fitted/Residuals/Sigma fields and a
// Hat method.
type fakeLM struct {
	Fitted, Residuals []float64
	Sigma             float64
	h                 []float64
}

func (m *fakeLM) Hat() []float64 { return m.h }

func TestDiagnosticsOfMatchesR(t *testing.T) {
	r := loadRef(t)
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
	near(t, "hat", m.h, r["lm_hat"], 13)
	p := DiagnosticsOf(m)
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	if len(p.fig.Panels) != 4 || p.fig.Rows != 2 {
		t.Fatalf("want a 2×2 grid")
	}
	lev := p.fig.Panels[3].Layers[0]
	near(t, "rstandard", lev.Y, r["lm_std_resid"], 12)
	smooth := p.fig.Panels[0].Layers[2]
	near(t, "panel.smooth", smooth.Y, r["lm_lowess_resid_fitted_y"], 10)
	if e := DiagnosticsOf(struct{ fakeHat }{}).Err(); e == nil {
		t.Fatal("a value without Fitted/Residuals should be an error")
	}
}

type fakeHat struct{}

func (fakeHat) Hat() []float64 { return nil }
