package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestNLSLogLikR checks NLSFit's LogLik, AIC and BIC and its count of rows
// dropped for missing values against R 4.2 (testdata/r/nls_loglik.R, .Rout).
func TestNLSLogLikR(t *testing.T) {
	aq, err := datasets.Load("airquality")
	if err != nil {
		t.Fatal(err)
	}
	n, err := NLSFormula("Ozone ~ a * exp(b * Temp)", aq, map[string]float64{"a": 1, "b": 0.05})
	if err != nil {
		t.Fatal(err)
	}
	cars, _ := datasets.Load("mtcars")
	m, err := NLSFormula("mpg ~ a * exp(b * wt) + c", cars, map[string]float64{"a": 40, "b": -0.3, "c": 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"airquality a", n.Coef[0], 0.2988997643897616},
		{"airquality b", n.Coef[1], 0.0615963899276096},
		{"airquality AIC", n.AIC(), 1057.1238538849283941},
		{"airquality BIC", n.BIC(), 1065.3846244582475720},
		{"airquality logLik", n.LogLik(), -525.5619269424641971},
		{"mtcars AIC", m.AIC(), 158.3895458076450},
		{"mtcars BIC", m.BIC(), 164.2524894188439},
		{"mtcars logLik", m.LogLik(), -75.1947729038225},
	} {
		if math.Abs(c.got-c.want) > 1e-7*math.Abs(c.want) {
			t.Errorf("%s = %.15g, R %.15g", c.name, c.got, c.want)
		}
	}
	if n.NDropped != 37 || !strings.Contains(n.String(), "(37 observations deleted due to missingness)") {
		t.Errorf("dropped %d:\n%s", n.NDropped, n)
	}
}

// TestNLSZeroResidualNote: on exact data (R's nls fails there unless
// scaleOffset is set) the summary says which criterion stopped the fit.
func TestNLSZeroResidualNote(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6}
	y := make([]float64, len(x))
	for i := range x {
		y[i] = 2 * math.Exp(0.3*x[i])
	}
	n, err := NLSCurve(func(x float64, b []float64) float64 { return b[0] * math.Exp(b[1]*x) }, x, y, []float64{1, 0.1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(n.Coef[0]-2) > 1e-12 || math.Abs(n.Coef[1]-0.3) > 1e-12 {
		t.Errorf("coef %v", n.Coef)
	}
	if s := n.String(); n.RelOffset > 1e-5 && !strings.Contains(s, "the relative offset is not\n  meaningful") {
		t.Errorf("no note:\n%s", s)
	}
}
