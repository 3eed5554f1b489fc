package stats

import (
	"math"
	"testing"
)

func TestPermTest2(t *testing.T) {
	_, _, g1, g2 := sleepData(t)
	h, err := PermTest2(g1, g2, "mean", BootOpt{R: 20000, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	// the permutation p-value is close to the t-test's for these data
	tt, _ := TTest2(g1, g2, Opt{VarEqual: true})
	if math.Abs(h.PValue-tt.PValue) > 0.01 {
		t.Errorf("permutation p %v vs pooled t p %v", h.PValue, tt.PValue)
	}
	h2, _ := PermTest2(g1, g2, "mean", BootOpt{R: 20000, Seed: 11, Workers: 1})
	if h2.PValue != h.PValue {
		t.Errorf("p-value depends on workers: %v vs %v", h.PValue, h2.PValue)
	}
	near(t, "statistic", h.Statistic, -1.58, 1e-12)
	hl, _ := PermTest2(g1, g2, "mean", BootOpt{R: 5000, Seed: 2}, Opt{Alternative: Less})
	if !(hl.PValue < h.PValue) {
		t.Errorf("one-sided p %v not below two-sided %v", hl.PValue, h.PValue)
	}
}
