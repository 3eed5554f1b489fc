package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestLMZeroWeightsR: zero-weight rows count in the weighted-residual
// quantiles (as 0) but not in df, AIC, BIC or logLik, as R 4.2
// (testdata/r/lm_zero_weights.R, .Rout).
func TestLMZeroWeightsR(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	w := make([]float64, 32)
	for i := range w {
		w[i] = float64(i % 3)
	}
	m, err := WLS("mpg ~ wt + hp", cars, w)
	if err != nil {
		t.Fatal(err)
	}
	out := m.String()
	for _, want := range []string{
		"Weighted Residuals:\n    Min      1Q  Median      3Q     Max\n-4.2509 -0.7062  0.0000  0.3310  7.9925\n",
		"Residual standard error: 3.376 on 18 degrees of freedom",
		"F-statistic: 38.61 on 2 and 18 DF,  p-value: 3.083e-07",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"AIC", m.AIC(), 108.5263610218022},
		{"BIC", m.BIC(), 112.7044507726959},
		{"logLik", m.LogLik(), -50.2631805109011},
	} {
		if math.Abs(c.got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("%s = %.16g, R %.16g", c.name, c.got, c.want)
		}
	}
}
