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

// TestFrameTests checks the frame-column tests against R:
//
//	t.test(extra ~ group, sleep)          # t = -1.8608, df = 17.776, p = 0.07939
//	chisq.test(xtabs(Freq ~ Class + Survived, Titanic))  # X-squared = 190.4, df = 3
func TestFrameTests(t *testing.T) {
	sl := datasets.MustLoad("sleep")
	h, err := stats.TTestOf(sl, "extra", "group")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), "data:  extra by group") || math.Abs(h.Statistic+1.860813) > 1e-6 {
		t.Errorf("TTestOf:\n%s", h)
	}
	ti := datasets.MustLoad("Titanic")
	ct, err := stats.CrossTabOf(ti, "Class", "Survived", "Freq")
	if err != nil {
		t.Fatal(err)
	}
	if got := ct.Counts[0]; got[0] != 122 || got[1] != 203 {
		t.Errorf("CrossTabOf 1st class = %v, want [122 203]\n%s", got, ct)
	}
	h, err = ct.ChisqTest()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), "data:  Class and Survived") || math.Abs(h.Statistic-190.4011) > 1e-3 || h.Params[0] != 3 {
		t.Errorf("CrossTabOf(...).ChisqTest():\n%s", h)
	}
	cars := datasets.MustLoad("mtcars")
	h, err = stats.ChisqTestOf(cars, "cyl", "am")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), "data:  cyl and am") || math.Abs(h.Statistic-8.740733) > 1e-5 {
		t.Errorf("ChisqTestOf:\n%s", h)
	}
	if _, err := stats.CrossTabOf(cars, "cyll", "am"); err == nil || !strings.Contains(err.Error(), "cyl") {
		t.Errorf("unknown column error: %v", err)
	}
}
