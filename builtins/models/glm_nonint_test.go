package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// TestGLMNonIntegerR checks non-integer binomial and Poisson responses
// against R 4.2 (testdata/r/glm_nonint.R, .Rout): same estimates, R's AIC
// (half-to-even rounding of successes; Inf for non-integer counts) and R's
// warnings.
func TestGLMNonIntegerR(t *testing.T) {
	close := func(name string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol*math.Abs(want) {
			t.Errorf("%s = %.16g, R %.16g", name, got, want)
		}
	}
	f := frame.New("y", []float64{0.1, 0.5, 0.3, 0.8, 0.9, 0.6}, "x", []float64{1, 2, 3, 4, 5, 6})
	g, err := GLM("y ~ x", f, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	close("binomial (Intercept)", g.Coef[0], -1.724400556043753, 1e-9)
	close("binomial x", g.Coef[1], 0.538631365490952, 1e-9)
	close("binomial AIC", g.AIC(), 8.701725089907178, 1e-10)
	close("binomial deviance", g.Deviance, 0.967648915103556, 1e-10)
	if !strings.Contains(strings.Join(g.Warnings, "\n"), "non-integer #successes in a binomial glm!") {
		t.Errorf("binomial warnings %q", g.Warnings)
	}
	f2 := frame.New("y", []float64{1.5, 2, 3.2, 4, 5, 7}, "x", []float64{1, 2, 3, 4, 5, 6})
	g2, err := GLM("y ~ x", f2, Poisson("log"))
	if err != nil {
		t.Fatal(err)
	}
	close("poisson (Intercept)", g2.Coef[0], 0.1672669628734338, 1e-9)
	close("poisson x", g2.Coef[1], 0.2966604429350784, 1e-9)
	close("poisson deviance", g2.Deviance, 0.0619263112640492, 1e-9)
	if !math.IsInf(g2.AIC(), 1) || !strings.Contains(g2.String(), "AIC: Inf") {
		t.Errorf("poisson AIC %v, R Inf", g2.AIC())
	}
	if w := strings.Join(g2.Warnings, "\n"); !strings.Contains(w, "non-integer x = 1.500000, 3.200000") {
		t.Errorf("poisson warnings %q", w)
	}
	// whole counts: no warning
	g3, _ := GLM("y ~ x", frame.New("y", []float64{1, 2, 3, 4, 5, 7}, "x", []float64{1, 2, 3, 4, 5, 6}), Poisson("log"))
	if len(g3.Warnings) != 0 || math.IsInf(g3.AIC(), 0) {
		t.Errorf("integer counts: %v %v", g3.Warnings, g3.AIC())
	}
}
