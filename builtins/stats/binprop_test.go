package stats

import "testing"

func TestBinomPropR(t *testing.T) {
	var m struct {
		Binom   rHT `json:"binom"`
		BinomGr rHT `json:"binom_greater"`
		BinomP3 rHT `json:"binom_p3"`
		Prop1   rHT `json:"prop1"`
		Prop1nc rHT `json:"prop1_nocc"`
		Prop2   rHT `json:"prop2"`
		Prop2l  rHT `json:"prop2_less"`
		Prop3   rHT `json:"prop3"`
		Welch   rHT `json:"oneway_welch"`
		Levene  struct {
			F float64 `json:"f"`
			P float64 `json:"p"`
		} `json:"levene_bf_plantgrowth"`
	}
	loadMore(t, &m)
	h, err := BinomTest(7, 20, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "binom", h, m.Binom, 1e-10)
	h, _ = BinomTest(15, 20, 0.5, Opt{Alternative: Greater})
	checkHT(t, "binom greater", h, m.BinomGr, 1e-10)
	h, _ = BinomTest(3, 30, 0.3)
	checkHT(t, "binom p=.3", h, m.BinomP3, 1e-10)
	h, err = PropTest([]float64{15}, []float64{40}, []float64{0.5})
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "prop1", h, m.Prop1, 1e-12)
	h, _ = PropTest([]float64{15}, []float64{40}, []float64{0.5}, Opt{NoCorrect: true})
	checkHT(t, "prop1 nocc", h, m.Prop1nc, 1e-12)
	h, _ = PropTest([]float64{15, 25}, []float64{50, 50}, nil)
	checkHT(t, "prop2", h, m.Prop2, 1e-12)
	h, _ = PropTest([]float64{15, 25}, []float64{50, 50}, nil, Opt{Alternative: Less})
	checkHT(t, "prop2 less", h, m.Prop2l, 1e-12)
	h, _ = PropTest([]float64{83, 90, 129, 70}, []float64{86, 93, 136, 82}, nil)
	checkHT(t, "prop3", h, m.Prop3, 1e-12)

	d := loadCSV(t, "PlantGrowth")
	y, g := floatsOf(t, d["weight"]), d["group"]
	h, err = WelchANOVA(y, g)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "welch anova", h, m.Welch, 1e-12)
	h, _ = LeveneTest(y, g)
	near(t, "levene F", h.Statistic, m.Levene.F, 1e-12)
	near(t, "levene p", h.PValue, m.Levene.P, 1e-12)
}
