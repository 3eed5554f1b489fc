package stats

import (
	"math"
	"testing"
)

func TestPAdjustR(t *testing.T) {
	var r struct {
		P        []float64            `json:"p"`
		Adjusted map[string][]float64 `json:"adjusted"`
	}
	loadR(t, "p_adjust", &r)
	for _, m := range []string{"bonferroni", "holm", "hochberg", "hommel", "BH", "BY"} {
		got, err := PAdjust(r.P, m)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			near(t, m, got[i], r.Adjusted[m][i], 1e-14)
		}
	}
	got, _ := PAdjust([]float64{0.01, math.NaN(), 0.04}, "bonferroni")
	if !math.IsNaN(got[1]) || got[0] != 0.02 || got[2] != 0.08 {
		t.Errorf("NaN handling: %v", got)
	}
	if _, err := PAdjust([]float64{0.1}, "tukey"); err == nil {
		t.Error("unknown method accepted")
	}
}
