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
	// influence: rows 2, 3, 5, 6 (1-based) are the first four with w > 0;
	// rows 1 and 4 have weight 0 and are NaN (R leaves them out)
	nan := math.NaN()
	for _, c := range []struct {
		name string
		got  []float64
		want []float64
	}{
		{"hatvalues", m.Hat(), []float64{nan, 0.0386331166179222, 0.1197387449031594, nan, 0.0476411375063898, 0.1463318763470306}},
		{"cooks.distance", m.CooksDistance(), []float64{nan, 0.00303958783149520, 0.05041921371171396, nan, 0.00112694709046883, 0.08960979409469279}},
		{"rstandard", m.StandardizedResiduals(), []float64{nan, -0.476357143477308, -1.054501262919299, nan, 0.259969047695142, -1.252314556912298}},
		{"rstudent", m.StudentizedResiduals(), []float64{nan, -0.465881803284788, -1.057991324391031, nan, 0.253120138972068, -1.273786177687690}},
	} {
		for i, w := range c.want {
			g := c.got[i]
			if math.IsNaN(w) != math.IsNaN(g) || (!math.IsNaN(w) && math.Abs(g-w) > 1e-10*math.Abs(w)) {
				t.Errorf("%s[%d] = %.15g, R %.15g", c.name, i+1, g, w)
			}
		}
	}
	if jb := m.JarqueBera().Statistic; math.Abs(jb-3.48993707646427) > 1e-10*3.49 {
		t.Errorf("Jarque-Bera %.15g, want 3.48993707646427 (rows with w > 0)", jb)
	}
	_ = m.Diagnose().String() // NaN Cook's distances must not disturb the report
}
