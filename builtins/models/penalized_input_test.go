package models

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

// TestPenalizedInput: penalized fits report the rows dropped for missing
// values (airquality: 42 of 153 rows lack Ozone or Solar.R, as R's
// lm(Ozone ~ Temp + Wind + Solar.R) reports) and refuse a categorical
// response for the Gaussian family and one of more than two classes for
// the binomial family (glmnet: "more than two classes").
func TestPenalizedInput(t *testing.T) {
	aq, err := datasets.Load("airquality")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Lasso("Ozone ~ Temp + Wind + Solar.R", aq, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if p.NDropped != 42 || p.NObs != 111 || !strings.Contains(p.String(), "(42 observations deleted due to missingness)") {
		t.Errorf("dropped %d of %d:\n%s", p.NDropped, p.NObs, p)
	}
	cv, err := LassoCV("Ozone ~ Temp + Wind + Solar.R", aq, 5)
	if err != nil {
		t.Fatal(err)
	}
	if cv.NDropped != 42 || !strings.Contains(cv.String(), "(42 observations deleted due to missingness)") {
		t.Errorf("cv dropped %d", cv.NDropped)
	}
	cars, _ := datasets.Load("mtcars")
	if _, err := Lasso("model ~ wt", cars, 0.5); err == nil || !strings.Contains(err.Error(), "the response is categorical") {
		t.Errorf("lasso categorical response: %v", err)
	}
	if _, err := Ridge("model ~ wt", cars, 0.5); err == nil || !strings.Contains(err.Error(), "the response is categorical") {
		t.Errorf("ridge categorical response: %v", err)
	}
	ir, _ := datasets.Load("iris")
	if _, err := LogisticLasso("Species ~ Sepal.Length", ir, 0.01, 1); err == nil || !strings.Contains(err.Error(), "3 classes") {
		t.Errorf("three classes: %v", err)
	}
	if _, err := CVPenalized("Species ~ Sepal.Length + Sepal.Width", ir, PathOptions{Family: "binomial", L1Ratio: 1}); err == nil || !strings.Contains(err.Error(), "3 classes") {
		t.Errorf("cv three classes: %v", err)
	}
	if m, err := LogisticLasso("factor(am) ~ wt + hp", cars, 0.01, 1); err != nil || m.NDropped != 0 {
		t.Errorf("two-level factor response: %v", err)
	}
}
