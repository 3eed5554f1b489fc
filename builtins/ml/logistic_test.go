package ml

import (
	"math"
	"testing"
)

// lre is the number of correct significant digits of got against want.
func lre(got, want float64) float64 {
	if got == want {
		return 16
	}
	if want == 0 {
		return -math.Log10(math.Abs(got))
	}
	return -math.Log10(math.Abs(got-want) / math.Abs(want))
}

func TestLogisticMLEMatchesGLM(t *testing.T) {
	ref := readRef(t, "glm_binomial_mtcars_am")
	X, y := numericData(t, "mtcars.csv", []string{"wt", "hp"}, "am")
	want := getF(ref, "R", "tight_tol_1e-14", "coefficients").(map[string]any)
	for _, m := range []*LogisticRegression{{Penalty: "none"}, {C: 1e12}} {
		if err := m.FitXY(X, y); err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{"(Intercept)": m.Intercept()[0], "wt": m.Coef().At(0, 0), "hp": m.Coef().At(0, 1)}
		for k, w := range want {
			if d := lre(got[k], w.(float64)); d < 6 {
				t.Errorf("penalty %q C %v: %s = %.12g, want %.12g (LRE %.1f)", m.Penalty, m.C, k, got[k], w, d)
			}
		}
	}
}

func TestLogisticL1ShrinksToZero(t *testing.T) {
	X, y := numericData(t, "mtcars.csv", []string{"wt", "hp", "qsec", "drat"}, "am")
	m := &LogisticRegression{Penalty: "l1", C: 0.05}
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	zeros := 0
	for _, v := range m.fit.Coef[0] {
		if v == 0 {
			zeros++
		}
	}
	if zeros == 0 {
		t.Errorf("l1 with C=0.05 left no zero coefficient: %v", m.fit.Coef[0])
	}
}

func TestLogisticLargeDataConverges(t *testing.T) {
	X, y := clfData(60000, 20, 8) // uses the subsample warm start
	m := NewLogisticRegression()
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	beta := append(append([]float64(nil), m.fit.Coef[0]...), m.fit.Intercept[0])
	g := make([]float64, len(beta))
	binaryPass(X, y, beta, 1, true, g, nil)
	if mg := maxAbs(g); mg > 1e-6 {
		t.Errorf("gradient at the solution has max |g| = %g after %d iterations", mg, m.fit.NIter)
	}
}
