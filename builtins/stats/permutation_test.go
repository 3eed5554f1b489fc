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

func TestPermTestPaired(t *testing.T) {
	_, _, g1, g2 := sleepData(t)
	h, err := PermTestPaired(g1, g2, BootOpt{R: 20000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	// exact sign-flip p-value by enumerating all 2^10 sign patterns
	d := make([]float64, len(g1))
	for i := range d {
		d[i] = g1[i] - g2[i]
	}
	obs := 0.0
	for _, v := range d {
		obs += v
	}
	ext := 0
	for mask := 0; mask < 1<<len(d); mask++ {
		s := 0.0
		for i, v := range d {
			if mask>>i&1 == 1 {
				s -= v
			} else {
				s += v
			}
		}
		if math.Abs(s) >= math.Abs(obs)-1e-9 {
			ext++
		}
	}
	exact := float64(ext) / float64(int(1)<<len(d))
	se := math.Sqrt(exact * (1 - exact) / 20000)
	if math.Abs(h.PValue-exact) > 4*se+1.0/20001 {
		t.Errorf("Monte Carlo p = %v, exact %v", h.PValue, exact)
	}
	h2, _ := PermTestPaired(g1, g2, BootOpt{R: 20000, Seed: 5, Workers: 1})
	if h2.PValue != h.PValue {
		t.Errorf("depends on workers: %v %v", h.PValue, h2.PValue)
	}
}
