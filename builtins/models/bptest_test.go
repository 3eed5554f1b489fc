package models

import (
	"math"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestBreuschPaganLmtest checks BreuschPagan against lmtest::bptest's
// definition evaluated in R 4.2 (testdata/r/bptest.R, bptest.Rout): with
// and without an intercept, with zero and with unequal case weights.
func TestBreuschPaganLmtest(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	w3 := make([]float64, 32)
	for i := range w3 {
		w3[i] = float64(i % 3)
	}
	cyl, _ := cars.Floats("cyl")
	for _, c := range []struct {
		formula string
		w       []float64
		bp, df  float64
	}{
		{"mpg ~ wt + hp + factor(cyl)", nil, 6.17072193713031, 4},
		{"mpg ~ wt + hp", w3, 3.68287457409873, 2},
		{"mpg ~ wt + hp - 1", nil, 1.01623458769817, 1},
		{"mpg ~ wt + hp", cyl, 183.088544290546, 2},
	} {
		var m *LM
		if c.w != nil {
			m, err = WLS(c.formula, cars, c.w)
		} else {
			m, err = OLS(c.formula, cars)
		}
		if err != nil {
			t.Fatal(err)
		}
		got := m.BreuschPagan()
		if math.Abs(got.Statistic-c.bp) > 1e-10*c.bp || got.DF != c.df {
			t.Errorf("%s (weights %v): BP %.15g df %v, lmtest %.15g df %v", c.formula, c.w != nil, got.Statistic, got.DF, c.bp, c.df)
		}
	}
}
