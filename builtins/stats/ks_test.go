package stats

import "testing"

func TestKSR(t *testing.T) {
	var m struct {
		One     rHT       `json:"ks_one"`
		Two     rHT       `json:"ks_two"`
		OneLess rHT       `json:"ks_one_less"`
		TwoGr   rHT       `json:"ks_two_greater"`
		Z1      []float64 `json:"z1"`
		Z2      []float64 `json:"z2"`
	}
	loadMore(t, &m)
	h, err := KSTest(m.Z1, Normal{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	m.One.Alternative = "two-sided"
	checkHT(t, "ks one", h, m.One, 1e-10)
	h, _ = KSTest(m.Z1, Normal{0, 1}, Opt{Alternative: Less})
	checkHT(t, "ks one less", h, m.OneLess, 1e-10)
	h, err = KSTest2(m.Z1, m.Z2)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "ks two", h, m.Two, 1e-10)
	h, _ = KSTest2(m.Z1, m.Z2, Opt{Alternative: Greater})
	checkHT(t, "ks two greater", h, m.TwoGr, 1e-10)
}

// TestKSTiesR: exact two-sample p-values with ties and the "less" side
// (R 4.2.2: ks.test on the vectors below).
func TestKSTiesR(t *testing.T) {
	x := []float64{1, 2, 2, 3, 4, 5, 5, 6}
	y := []float64{2, 3, 3, 4, 6, 7, 8, 8, 9}
	for _, c := range []struct {
		a, b []float64
		alt  string
		p    float64
	}{
		{x, y, TwoSided, 0.20608802961744421},
		{x, y, Greater, 0.085067873303170671},
		{x, y, Less, 1},
		{y, x, Less, 0.12143150966680383},
		{y, x, Greater, 1},
	} {
		h, err := KSTest2(c.a, c.b, Opt{Alternative: c.alt})
		if err != nil {
			t.Fatal(err)
		}
		near(t, "ks ties "+c.alt, h.PValue, c.p, 1e-12)
	}
	var m struct {
		Z1 []float64 `json:"z1"`
		Z2 []float64 `json:"z2"`
	}
	loadMore(t, &m)
	h, _ := KSTest2(m.Z1, m.Z2, Opt{Alternative: Less})
	near(t, "ks less D", h.Statistic, 0.046666666666666648, 1e-14)
	near(t, "ks less p", h.PValue, 0.90539827011328022, 1e-12)
}
