package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestNAWeightsR: an NA (NaN) case weight drops its row and counts it, as
// R 4.2's model.frame (testdata/r/na_weights.R, .Rout); negative weights
// are errors in WLS and GLM.
func TestNAWeightsR(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	w := make([]float64, 32)
	for i := range w {
		w[i] = float64(i%3) + 0.5
	}
	w[3] = math.NaN()
	near := func(name string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol*math.Abs(want) {
			t.Errorf("%s = %.15g, R %.15g", name, got, want)
		}
	}
	m, err := WLS("mpg ~ wt + hp", cars, w)
	if err != nil {
		t.Fatal(err)
	}
	near("lm (Intercept)", m.Coef[0], 37.0667741560200241, 1e-12)
	near("lm wt", m.Coef[1], -3.5667623300365467, 1e-12)
	near("lm hp", m.Coef[2], -0.0384783536849543, 1e-12)
	near("lm sigma", m.Sigma, 3.3094313770208510, 1e-12)
	if m.DFResidual != 28 || m.NObs != 31 || m.NDropped != 1 || !strings.Contains(m.String(), "(1 observation deleted due to missingness)") {
		t.Errorf("lm df %d nobs %d dropped %d", m.DFResidual, m.NObs, m.NDropped)
	}
	g, err := GLMWithOptions("am ~ wt", cars, Binomial("logit"), &GLMOptions{Weights: w})
	if err != nil {
		t.Fatal(err)
	}
	near("glm (Intercept)", g.Coef[0], 11.57259619814997, 1e-9)
	near("glm wt", g.Coef[1], -3.96467614707707, 1e-9)
	near("glm deviance", g.Deviance, 27.89307990722476, 1e-10)
	near("glm AIC", g.AIC(), 28.64579683826267, 1e-10)
	if g.DFResidual != 29 || g.NDropped != 1 {
		t.Errorf("glm df %d dropped %d", g.DFResidual, g.NDropped)
	}
	w[3] = -1
	if _, err := WLS("mpg ~ wt", cars, w); err == nil || !strings.Contains(err.Error(), "weight 4 is -1") {
		t.Errorf("WLS negative weight: %v", err)
	}
	if _, err := GLMWithOptions("am ~ wt", cars, Binomial("logit"), &GLMOptions{Weights: w}); err == nil || !strings.Contains(err.Error(), "weight 4 is -1") {
		t.Errorf("GLM negative weight: %v", err)
	}
}
