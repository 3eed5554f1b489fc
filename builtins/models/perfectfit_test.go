package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

// TestPerfectFitR: exact fits carry R's summary.lm warning and a constant
// response has NaN R² and F, as R 4.2 (testdata/r/perfect_fit.R, .Rout);
// the F statistic is never negative.
func TestPerfectFitR(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 8}
	m, err := OLS("y ~ x", frame.New("y", []float64{3, 3, 3, 3, 3, 3, 3}, "x", x))
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(m.RSquared) || !math.IsNaN(m.FStatistic) || !math.IsNaN(m.FPValue) {
		t.Errorf("constant y: R² %v F %v p %v, R NaN NaN NA", m.RSquared, m.FStatistic, m.FPValue)
	}
	if s := m.String(); !strings.Contains(s, "F-statistic: NaN on 1 and 5 DF,  p-value: NA") ||
		!strings.Contains(s, "Warning: essentially perfect fit: summary may be unreliable") || strings.Contains(s, "Reading:") {
		t.Errorf("constant y:\n%s", s)
	}
	m2, _ := OLS("y ~ x", frame.New("y", []float64{1, 3, 5, 7, 9, 11, 15}, "x", x))
	if len(m2.Warnings) != 1 || math.Abs(m2.Coef[1]-2) > 1e-14 {
		t.Errorf("exact line: %v %v", m2.Warnings, m2.Coef)
	}
	cars, _ := datasets.Load("mtcars")
	m3, _ := OLS("mpg ~ wt", cars)
	if len(m3.Warnings) != 0 {
		t.Errorf("mtcars warns: %v", m3.Warnings)
	}
}
