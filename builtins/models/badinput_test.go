package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
	"gonum.org/v1/gonum/mat"
)

// TestBadInputErrors: input R refuses (testdata/r/bad_input.R, .Rout) or
// that would give numbers that are not results is an error naming the
// problem and the fix, never NaN estimates.
func TestBadInputErrors(t *testing.T) {
	cars, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	inf := math.Inf(1)
	nan := math.NaN()
	cases := []struct {
		name string
		fit  func() error
		want []string
	}{
		{"Inf response (R: NA/NaN/Inf in 'y')", func() error {
			_, err := OLS("y ~ x", frame.New("y", []float64{1, 3, inf, 4}, "x", []float64{2, 5, 6, 8}))
			return err
		}, []string{"response y is +Inf at row 3", "remove or fix"}},
		{"Inf predictor (R: NA/NaN/Inf in 'x')", func() error {
			_, err := GLM("y ~ x", frame.New("y", []float64{0, 1, 0, 1}, "x", []float64{2, -inf, 6, 8}), Binomial("logit"))
			return err
		}, []string{"x is -Inf at row 2", "non-finite values"}},
		{"Inf through a transform", func() error {
			_, err := OLS("y ~ exp(x)", frame.New("y", []float64{1, 3, 2, 4}, "x", []float64{2, 1000, 6, 8}))
			return err
		}, []string{"exp(x) is +Inf at row 2"}},
		{"empty frame (R: 0 (non-NA) cases)", func() error {
			_, err := OLS("y ~ x", frame.New("y", []float64{}, "x", []float64{}))
			return err
		}, []string{"has no rows"}},
		{"all-NA column (R: 0 (non-NA) cases)", func() error {
			_, err := OLS("y ~ x + z", frame.New("y", []float64{1, 2, 3}, "x", []float64{nan, nan, nan}, "z", []float64{1, nan, 3}))
			return err
		}, []string{"column x is missing (NA) in every row", "drop it from the formula"}},
		{"all weights zero", func() error {
			_, err := WLS("mpg ~ wt", cars, make([]float64, 32))
			return err
		}, []string{"every weight", "is 0", "positive weight"}},
		{"poisson with a binomial link", func() error {
			_, err := GLM("carb ~ wt", cars, Poisson("logit"))
			return err
		}, []string{`link "logit" is not available for the poisson family (use log, identity, sqrt)`}},
		{"many-level factor response", func() error {
			_, err := OLS("model ~ wt", cars)
			return err
		}, []string{"levels AMC Javelin,", "(32 levels)", "numeric response"}},
		{"newdata without a model variable (R: object 'hp' not found)", func() error {
			m, err := OLS("mpg ~ wt + hp", cars)
			if err != nil {
				return nil
			}
			_, err = m.Predict(frame.New("wt", []float64{3}), "confidence", 0.95)
			return err
		}, []string{"new data lack a variable", `"hp"`}},
	}
	for _, c := range cases {
		err := c.fit()
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, err, w)
			}
		}
	}
	// zero weights on some rows still fit (R: they do not count as cases)
	w := make([]float64, 32)
	for i := range w {
		w[i] = float64(i % 3)
	}
	if m, err := WLS("mpg ~ wt + hp", cars, w); err != nil || m.DFResidual != 18 {
		t.Errorf("partly zero weights: %v", err)
	}
}

// TestGLMMatrixNonFinite: missing values in the matrix interface are named,
// as OLSMatrix does, not reported as a failed start.
func TestGLMMatrixNonFinite(t *testing.T) {
	X := mat.NewDense(3, 2, []float64{1, 2, 1, math.NaN(), 1, 4})
	if _, err := GLMMatrix(X, []float64{0, 1, 1}, nil, Binomial("logit")); err == nil || !strings.Contains(err.Error(), "X[2, x2] is NaN") {
		t.Errorf("NaN in X: %v", err)
	}
	X2 := mat.NewDense(3, 2, []float64{1, 2, 1, 3, 1, 4})
	if _, err := GLMMatrix(X2, []float64{0, math.NaN(), 1}, nil, Binomial("logit")); err == nil || !strings.Contains(err.Error(), "y[2] is NaN") {
		t.Errorf("NaN in y: %v", err)
	}
	if _, err := GLMMatrix(X2, []float64{0, 1, 1}, []string{"a"}, Binomial("logit")); err == nil || !strings.Contains(err.Error(), "1 names for 2 columns") {
		t.Errorf("names: %v", err)
	}
}
