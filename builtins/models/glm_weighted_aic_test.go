package models

import (
	"math"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestGLMWeightedAICR checks GLM fits with prior weights (with and without a
// zero weight) against R 4.2 (testdata/r/glm_weighted_aic.R, .Rout):
// coefficient of wt, deviance and AIC (R's gaussian AIC subtracts Σ log w).
func TestGLMWeightedAICR(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	w := make([]float64, 32)
	for i := range w {
		w[i] = float64(i%3) + 0.5
	}
	w0 := append([]float64(nil), w...)
	w0[4] = 0
	fams := []Family{Gaussian(""), Gamma("log"), Poisson("")}
	want := [][3]float64{
		{-0.139957996251384, 48.6970629665308, 106.249911740118},
		{0.0162327650169087, 7.92267350972208, 134.010968779913},
		{0.0076728180317732, 18.7277891272732, 152.736594446822},
		{-0.151074079800343, 46.1279210421309, math.Inf(1)},
		{0.0135252598765277, 7.67938592481657, 130.361526933141},
		{0.00606034083272257, 18.1279681513252, 148.216215012553},
	}
	for k, r := range want {
		ww := w
		if k >= 3 {
			ww = w0
		}
		g, err := GLMWithOptions("carb ~ wt + hp", cars, fams[k%3], &GLMOptions{Weights: ww})
		if err != nil {
			t.Fatal(err)
		}
		got := [3]float64{g.Coef[1], g.Deviance, g.AIC()}
		for i := range got {
			if math.IsInf(r[i], 1) {
				if !math.IsInf(got[i], 1) {
					t.Errorf("case %d %s: AIC %v, R Inf", k, fams[k%3].Name, got[i])
				}
				continue
			}
			if math.Abs(got[i]-r[i]) > 1e-9*math.Abs(r[i]) {
				t.Errorf("case %d %s: value %d = %.15g, R %.15g", k, fams[k%3].Name, i, got[i], r[i])
			}
		}
	}
}

// TestGLMCallShowsWeights: a weighted GLM's call names the weights, as R's
// glm(formula, family, data, weights = w) and as the WLS call.
func TestGLMCallShowsWeights(t *testing.T) {
	cars, _ := datasets.Load("mtcars")
	w := make([]float64, 32)
	for i := range w {
		w[i] = 1 + float64(i%2)
	}
	g, err := GLMWithOptions("am ~ wt", cars, Binomial("logit"), &GLMOptions{Weights: w})
	if err != nil {
		t.Fatal(err)
	}
	if g.Call != "glm(formula = am ~ wt, family = binomial, weights = w)" {
		t.Errorf("call %q", g.Call)
	}
	g2, _ := GLM("am ~ wt", cars, Binomial("probit"))
	if g2.Call != `glm(formula = am ~ wt, family = binomial(link = "probit"))` {
		t.Errorf("call %q", g2.Call)
	}
}
