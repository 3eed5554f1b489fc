package stats_test

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/stats"
)

func TestCorFrame(t *testing.T) {
	cars := datasets.MustLoad("mtcars")
	m, err := stats.CorFrame(cars, "", "mpg", "wt")
	if err != nil {
		t.Fatal(err)
	}
	// R: cor(mtcars$mpg, mtcars$wt) (reference/r/cor_test_mtcars.json)
	if r := m.Values[0][1]; math.Abs(r-(-0.8676593765172278)) > 1e-14 {
		t.Errorf("cor = %.17g", r)
	}
	all, err := stats.CorFrame(cars, stats.Spearman)
	if err != nil || len(all.Names) < 10 {
		t.Fatalf("all numeric columns: %v %v", all, err)
	}
	if _, err := stats.CorFrame(cars, "", "mpgg"); err == nil || !strings.Contains(err.Error(), "mpgg") {
		t.Errorf("unknown column: %v", err)
	}
	if _, err := stats.CovFrame(nil); err == nil {
		t.Error("nil frame accepted")
	}
}
