package models

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// TestSmallResidualBlocks: with residual df <= 5 the summaries list every
// residual named by its frame row, as R 4.2 (testdata/r/small_resid.R,
// .Rout) — after NA rows are dropped, and for a GLM with 6 rows (df 4).
func TestSmallResidualBlocks(t *testing.T) {
	f, err := frame.FromRecords([]string{"y", "x", "g"}, [][]string{
		{"1.2", "1", "a"}, {"2.3", "2", "b"}, {"2.9", "3", "b"}, {"4.1", "4", "a"},
		{"NA", "5", "b"}, {"6.2", "6", "c"}, {"6.8", "7", "c"}, {"8.1", "8", "NA"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := OLS("y ~ x + g", f)
	if err != nil {
		t.Fatal(err)
	}
	want := "Residuals:\n    1     2     3     4     6     7\n-0.10  0.15 -0.15  0.10  0.15 -0.15\n"
	if s := m.String(); !strings.Contains(s, want) {
		t.Errorf("lm residuals: want\n%s\ngot\n%s", want, s)
	}
	f2 := frame.New("y", []float64{0.1, 0.5, 0.3, 0.8, 0.9, 0.6}, "x", []float64{1, 2, 3, 4, 5, 6})
	g, err := GLM("y ~ x", f2, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	want = "Deviance Residuals:\n      1        2        3        4        5        6\n-0.3467   0.3208  -0.3523   0.4163   0.4326  -0.5099\n"
	if s := g.String(); !strings.Contains(s, want) {
		t.Errorf("glm residuals: want\n%s\ngot\n%s", want, s)
	}
}
