package stats

import (
	"strings"
	"testing"
)

// TestConclusionWording checks the plain-language sentence: no article
// before a Greek parameter, and R's "< 2.2e-16" (with a space) for tiny
// p-values.
func TestConclusionWording(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8}
	y := []float64{2, 1, 4, 3, 6, 5, 8, 7}
	h, err := CorTest(x, y, "spearman")
	if err != nil {
		t.Fatal(err)
	}
	if c := h.Conclusion(); !strings.Contains(c, "that rho is not equal to 0") {
		t.Errorf("spearman conclusion: %s", c)
	}
	// Titanic Class × Survived (R: X-squared = 190.4, df = 3, p-value < 2.2e-16)
	h, err = ChisqTest([][]float64{{122, 203}, {167, 118}, {528, 178}, {673, 212}})
	if err != nil {
		t.Fatal(err)
	}
	if c := h.Conclusion(); !strings.Contains(c, "p < 2.2e-16)") {
		t.Errorf("tiny p conclusion: %s", c)
	}
	if s := h.String(); !strings.Contains(s, "p-value < 2.2e-16") {
		t.Errorf("htest display:\n%s", s)
	}
}
