package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

// TestPredictWarnings: R 4.2's predict.lm warns "prediction from a
// rank-deficient fit may be misleading" for lm(mpg ~ wt + I(2*wt) + hp)
// (fit 21.78102, lwr 16.38174, upr 27.18031 at wt = 3, hp = 120) and
// "Assuming constant prediction variance even though model fit is
// weighted" for prediction intervals of a weighted fit.
func TestPredictWarnings(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	nd := frame.New("wt", []float64{3}, "hp", []float64{120})
	m, _ := OLS("mpg ~ wt + I(2*wt) + hp", cars)
	p, err := m.Predict(nd, "prediction", 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if s := p.String(); !strings.Contains(s, "1 21.78102 0.4934625 16.38174 27.18031") || !strings.Contains(s, "Warning: prediction from a rank-deficient fit may be misleading") {
		t.Errorf("rank-deficient:\n%s", s)
	}
	g, _ := GLM("am ~ wt + I(2*wt) + hp", cars, Binomial("logit"))
	if p, err := g.Predict(nd, "link", 0); err != nil || len(p.Warnings) != 1 {
		t.Errorf("glm rank-deficient: %v %v", p, err)
	}
	w, _ := cars.Floats("cyl")
	mw, _ := WLS("mpg ~ wt + hp", cars, w)
	if p, _ := mw.Predict(nd, "prediction", 0.95); !strings.Contains(p.String(), "Assuming constant prediction variance") {
		t.Errorf("weighted:\n%s", p)
	}
	if p, _ := mw.Predict(nd, "confidence", 0.95); len(p.Warnings) != 0 {
		t.Errorf("weighted confidence interval warns: %v", p.Warnings)
	}
	m2, _ := OLS("mpg ~ wt + hp", cars)
	if p, _ := m2.Predict(nd, "prediction", 0.95); len(p.Warnings) != 0 {
		t.Errorf("full-rank fit warns: %v", p.Warnings)
	}
}

// TestPercentLevel: a level typed in percent means that percentage, not a
// silent 95%: ConfInt(90) is R's confint(m, level = 0.90).
func TestPercentLevel(t *testing.T) {
	cars, _ := datasets.Load("mtcars")
	m, _ := OLS("mpg ~ wt", cars)
	a, b := m.ConfInt(90), m.ConfInt(0.90)
	if a.Level != 0.9 || a.Lower[1] != b.Lower[1] || a.Upper[1] != b.Upper[1] {
		t.Errorf("ConfInt(90) = %v, want ConfInt(0.90) = %v", a, b)
	}
	// R 4.2: confint(lm(mpg ~ wt, mtcars), level = 0.9)["wt", ] = -6.293412, -4.395531
	if math.Abs(b.Lower[1]+6.293412) > 1e-6 || math.Abs(b.Upper[1]+4.395531) > 1e-6 {
		t.Errorf("90%% interval %v %v", b.Lower[1], b.Upper[1])
	}
	g, _ := GLM("am ~ wt", cars, Binomial("logit"))
	if g.ConfInt(90).Level != 0.9 {
		t.Error("GLM ConfInt(90)")
	}
	p, _ := m.Predict(frame.New("wt", []float64{3}), "confidence", 90)
	q, _ := m.Predict(frame.New("wt", []float64{3}), "confidence", 0.9)
	if p.Level != 0.9 || p.Lower[0] != q.Lower[0] {
		t.Errorf("Predict level 90: %v", p)
	}
}

// TestPredictNA: rows of newdata with a missing value get NA (NaN)
// predictions and the others R's values (R 4.2: predict(lm(mpg ~ wt +
// factor(cyl), mtcars), data.frame(wt = c(3, NA, 2.5, 3.5), cyl = c(4, 6,
// NA, 8)), interval = "prediction") gives 24.37395 [18.79336, 29.95455],
// NA, NA, 16.70029 [11.22432, 22.17626]).
func TestPredictNA(t *testing.T) {
	cars, _ := datasets.Load("mtcars")
	m, err := OLS("mpg ~ wt + factor(cyl)", cars)
	if err != nil {
		t.Fatal(err)
	}
	nd, err := frame.FromRecords([]string{"wt", "cyl"}, [][]string{{"3", "4"}, {"NA", "6"}, {"2.5", "NA"}, {"3.5", "8"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := m.Predict(nd, "prediction", 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := [][3]float64{{24.37395, 18.79336, 29.95455}, {math.NaN(), 0, 0}, {math.NaN(), 0, 0}, {16.70029, 11.22432, 22.17626}}
	for i, w := range want {
		if math.IsNaN(w[0]) {
			if !math.IsNaN(p.Fit[i]) || !math.IsNaN(p.Lower[i]) || !math.IsNaN(p.SE[i]) {
				t.Errorf("row %d: %v, want NA", i+1, p.Fit[i])
			}
			continue
		}
		for k, got := range []float64{p.Fit[i], p.Lower[i], p.Upper[i]} {
			if math.Abs(got-w[k]) > 5e-6 {
				t.Errorf("row %d value %d = %v, R %v", i+1, k, got, w[k])
			}
		}
	}
	if !strings.Contains(p.String(), "2       NA        NA       NA       NA") {
		t.Errorf("display:\n%s", p)
	}
	g, _ := GLM("am ~ wt", cars, Binomial("logit"))
	q, err := g.Predict(nd, "response", 0)
	if err != nil || !math.IsNaN(q.Fit[1]) || math.Abs(q.Fit[2]-0.8787286) > 5e-7 {
		t.Errorf("glm: %v %v", q, err)
	}
}
