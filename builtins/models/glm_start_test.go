package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestGLMStartR checks GLMOptions.Start against R 4.2's glm(start = ...)
// (testdata/r/glm_start.R, .Rout).
func TestGLMStartR(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := GLM("am ~ wt", cars, Binomial("log")); err == nil || !strings.Contains(err.Error(), "please supply starting values (GLMOptions.Start") {
		t.Errorf("default start: %v", err)
	}
	g, err := GLMWithOptions("am ~ qsec", cars, Binomial("log"), &GLMOptions{Start: []float64{-1, 0}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"(Intercept)", g.Coef[0], 2.796399810661033},
		{"qsec", g.Coef[1], -0.210160466564046},
		{"se (Intercept)", g.StdErr[0], 1.880739052476844},
		{"se qsec", g.StdErr[1], 0.112488055545992},
		{"deviance", g.Deviance, 41.101549974107456},
		{"AIC", g.AIC(), 45.101549974107456},
	} {
		if math.Abs(c.got-c.want) > 1e-7*math.Abs(c.want) {
			t.Errorf("%s = %.15g, R %.15g", c.name, c.got, c.want)
		}
	}
	if g.Iterations != 10 || !g.Converged {
		t.Errorf("iterations %d converged %v, R 10 TRUE", g.Iterations, g.Converged)
	}
	if _, err := GLMWithOptions("am ~ wt", cars, Binomial("log"), &GLMOptions{Start: []float64{1, 0}}); err == nil || !strings.Contains(err.Error(), "cannot find valid starting values") {
		t.Errorf("invalid start: %v", err)
	}
	if _, err := GLMWithOptions("am ~ wt", cars, Binomial("log"), &GLMOptions{Start: []float64{1}}); err == nil || !strings.Contains(err.Error(), "1 starting values for 2 coefficients") {
		t.Errorf("short start: %v", err)
	}
}
