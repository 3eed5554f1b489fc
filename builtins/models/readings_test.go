package models

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

// TestGLMReadingCautions: the plain-language reading warns when R's
// warnings make the coefficients unreliable (separation; R 4.2 gives
// "fitted probabilities numerically 0 or 1 occurred" here, with estimates
// -206.1 and 45.8) or the fit stopped before converging (maxit = 2: R warns
// "algorithm did not converge").
func TestGLMReadingCautions(t *testing.T) {
	f := frame.New("y", []float64{0, 0, 0, 0, 1, 1, 1, 1}, "x", []float64{1, 2, 3, 4, 5, 6, 7, 8})
	g, err := GLM("y ~ x", f, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	if s := g.String(); !strings.Contains(s, "Caution: some fitted probabilities are 0 or 1") ||
		!strings.Contains(s, "(Intercept)   -206.1   365130.9  -0.001        1") {
		t.Errorf("separation:\n%s", s)
	}
	cars, _ := datasets.Load("mtcars")
	g2, err := GLMWithOptions("am ~ wt + hp", cars, Binomial("logit"), &GLMOptions{MaxIter: 2})
	if err != nil {
		t.Fatal(err)
	}
	if s := g2.String(); !strings.Contains(s, "Caution: the fit did not converge") || !strings.Contains(s, "Warning: glm.fit: algorithm did not converge") {
		t.Errorf("maxit 2:\n%s", s)
	}
	g3, _ := GLM("am ~ wt + hp", cars, Binomial("logit"))
	if s := g3.String(); strings.Contains(s, "Caution") {
		t.Errorf("a clean fit has no caution:\n%s", s)
	}
	if significance(nan()) != "no test: the standard error is not available" {
		t.Error("NaN p-value worded as a test")
	}
}

func nan() float64 { var z float64; return z / z }

// TestBasisReadings: columns of poly(), ns() and bs() terms are not read
// per unit of the variable.
func TestBasisReadings(t *testing.T) {
	cars, _ := datasets.Load("mtcars")
	m, err := OLS("mpg ~ poly(hp, 2) + wt", cars)
	if err != nil {
		t.Fatal(err)
	}
	s := m.String()
	if strings.Contains(s, "poly(hp, 2)1: each unit") || !strings.Contains(s, "of one column of poly(hp, 2)") ||
		!strings.Contains(s, "wt: each unit increase") {
		t.Errorf("lm reading:\n%s", s)
	}
	g, err := GLM("am ~ ns(hp, 2)", cars, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	if s := g.String(); strings.Contains(s, "each unit increase in ns(") || !strings.Contains(s, "(log odds scale) of one column of ns(hp, 2)") {
		t.Errorf("glm reading:\n%s", s)
	}
}

// TestEmptyCellNote: an empty cell of a factor interaction (R 4.2 gives NA
// for factor(cyl)8:factor(gear)4 in lm(log(mpg) ~ factor(cyl) *
// factor(gear), mtcars)) is explained as an all-zero column.
func TestEmptyCellNote(t *testing.T) {
	cars, _ := datasets.Load("mtcars")
	m, err := OLS("log(mpg) ~ factor(cyl) * factor(gear)", cars)
	if err != nil {
		t.Fatal(err)
	}
	s := m.String()
	if !strings.Contains(s, "factor(cyl)8:factor(gear)4       NA         NA      NA       NA") ||
		!strings.Contains(s, "Note: factor(cyl)8:factor(gear)4 is aliased: its column is all zero (no\nobservation used has this combination of levels)") {
		t.Errorf("empty cell:\n%s", s)
	}
}

// TestNegativeZeroStatistic: a z value that rounds to -0 prints as 0, as
// R 4.2 prints summary(glm(vs ~ wt, binomial, subset(mtcars, vs == 1)))
// ("wt 1.443e-06 8.379e+04 0 1"; the estimate is rounding noise).
func TestNegativeZeroStatistic(t *testing.T) {
	out := coefTable([]string{"a", "b"}, []float64{25.57, -7.995e-32}, []float64{2.263e5, 8.379e4},
		[]float64{1.13e-4, -9.5e-37}, []float64{0.9999, 1}, "z value", "Pr(>|z|)", true)
	if strings.Contains(out, "-0 ") || strings.Contains(out, "-0\n") {
		t.Errorf("negative zero shown:\n%s", out)
	}
}
