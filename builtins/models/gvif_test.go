package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestGVIFR checks GVIF against car::vif's definition evaluated in R 4.2
// (testdata/r/gvif.R, gvif.Rout), to 1e-10 relative.
func TestGVIFR(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	w := make([]float64, 32)
	for i := range w {
		w[i] = float64(i % 3)
	}
	type row struct {
		term string
		gvif float64
		df   int
		adj  float64
	}
	cases := []struct {
		formula string
		w       []float64
		want    []row
	}{
		{"mpg ~ wt + hp + factor(cyl)", nil, []row{
			{"wt", 2.58087651731643, 1, 1.60651066517357},
			{"hp", 3.49601426610763, 1, 1.86976315775759},
			{"factor(cyl)", 5.10581136966271, 2, 1.50319800780659}}},
		{"mpg ~ wt * hp + poly(disp, 2)", nil, []row{
			{"wt", 33.0019771506234, 1, 5.74473473283348},
			{"hp", 73.5696209121896, 1, 8.57727351273058},
			{"poly(disp, 2)", 27.5134092577093, 2, 2.29026692933190},
			{"wt:hp", 147.7848060294765, 1, 12.15667742557466}}},
		{"mpg ~ wt + factor(gear) + qsec", w, []row{
			{"wt", 1.88965128271375, 1, 1.37464587538527},
			{"factor(gear)", 3.22166712138587, 2, 1.33973889605231},
			{"qsec", 1.83169744981705, 1, 1.35340217593184}}},
	}
	for _, c := range cases {
		var m *LM
		if c.w != nil {
			m, err = WLS(c.formula, cars, c.w)
		} else {
			m, err = OLS(c.formula, cars)
		}
		if err != nil {
			t.Fatal(err)
		}
		g, err := m.GVIF()
		if err != nil {
			t.Fatalf("%s: %v", c.formula, err)
		}
		if len(g.Terms) != len(c.want) {
			t.Fatalf("%s: terms %v", c.formula, g.Terms)
		}
		for i, r := range c.want {
			if g.Terms[i] != r.term || g.Df[i] != r.df ||
				math.Abs(g.GVIF[i]-r.gvif) > 1e-10*r.gvif || math.Abs(g.Adjusted[i]-r.adj) > 1e-10*r.adj {
				t.Errorf("%s: %s GVIF %v Df %d adj %v, want %+v", c.formula, g.Terms[i], g.GVIF[i], g.Df[i], g.Adjusted[i], r)
			}
		}
	}
	m, _ := OLS("mpg ~ wt + hp + factor(cyl)", cars)
	rep := m.Diagnose().String()
	for _, want := range []string{"Generalized variance inflation factors (car::vif):",
		"                GVIF Df GVIF^(1/(2*Df))\nwt          2.580877  1        1.606511\n",
		"factor(cyl) 5.105811  2        1.503198\n"} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
	// car refuses aliased coefficients and single-term models
	wt, _ := cars.Floats("wt")
	f := cars.With("wt2", wt)
	if ma, err := OLS("mpg ~ wt + wt2 + hp", f); err != nil {
		t.Fatal(err)
	} else if _, err := ma.GVIF(); err == nil || !strings.Contains(err.Error(), "aliased coefficients") {
		t.Errorf("aliased: %v", err)
	} else if rep := ma.Diagnose().String(); !strings.Contains(rep, "not computed: there are aliased coefficients") {
		t.Errorf("aliased report:\n%s", rep)
	}
	m1, _ := OLS("mpg ~ wt", cars)
	if _, err := m1.GVIF(); err == nil || !strings.Contains(err.Error(), "fewer than 2 terms") {
		t.Errorf("one term: %v", err)
	}
	// a saturated model has no residual tests
	sat, _ := OLS("mpg ~ factor(model)", cars)
	if jb := sat.JarqueBera(); !math.IsNaN(jb.Statistic) || !math.IsNaN(sat.BreuschPagan().Statistic) || !math.IsNaN(sat.DurbinWatson()) {
		t.Errorf("saturated: JB %v BP %v DW %v", jb, sat.BreuschPagan(), sat.DurbinWatson())
	}
}
