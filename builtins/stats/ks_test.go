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
