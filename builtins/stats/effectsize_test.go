package stats

import (
	"path/filepath"
	"testing"
)

func TestEffectSizes(t *testing.T) {
	var r struct {
		D      float64    `json:"cohens_d"`
		DCI    [2]float64 `json:"cohens_d_ci"`
		G      float64    `json:"hedges_g"`
		GCI    [2]float64 `json:"hedges_g_ci"`
		Eta    float64    `json:"eta2"`
		EtaCI  [2]float64 `json:"eta2_ci"`
		V      float64    `json:"cramers_v"`
		VCI    [2]float64 `json:"cramers_v_ci"`
		PF     float64    `json:"pf_ncp"`
		PChisq float64    `json:"pchisq_ncp"`
		PT     float64    `json:"pt_ncp"`
	}
	readJSON(t, filepath.Join("testdata", "effects_R.json"), &r)
	_, _, g1, g2 := sleepData(t)
	d, err := CohensD(g1, g2, 0)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "d", d.Value, r.D, 1e-13)
	near(t, "d lo", d.ConfInt[0], r.DCI[0], 1e-9)
	near(t, "d hi", d.ConfInt[1], r.DCI[1], 1e-9)
	g, _ := HedgesG(g1, g2, 0.95)
	near(t, "g", g.Value, r.G, 1e-13)
	near(t, "g lo", g.ConfInt[0], r.GCI[0], 1e-9)
	near(t, "g hi", g.ConfInt[1], r.GCI[1], 1e-9)
	pg := loadCSV(t, "PlantGrowth")
	e, err := EtaSquared(floatsOf(t, pg["weight"]), pg["group"], 0)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "eta2", e.Value, r.Eta, 1e-13)
	near(t, "eta2 lo", e.ConfInt[0], r.EtaCI[0], 1e-8)
	near(t, "eta2 hi", e.ConfInt[1], r.EtaCI[1], 1e-8)
	v, err := CramersV([][]float64{{20, 25, 5}, {15, 10, 18}, {30, 12, 22}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "V", v.Value, r.V, 1e-13)
	near(t, "V lo", v.ConfInt[0], r.VCI[0], 1e-8)
	near(t, "V hi", v.ConfInt[1], r.VCI[1], 1e-8)
	// R's pnbeta stops at 1e-9 ; the exact value is from
	// mpmath (Σ Poisson-weighted regularized incomplete beta, 40 digits).
	near(t, "pnf vs R", pnf(3, 2, 20, 4.5), r.PF, 1e-9)
	near(t, "pnf exact", pnf(3, 2, 20, 4.5), 0.5241840458626832191, 1e-14)
	near(t, "pnchisq", pnchisq(10, 4, 3.2), r.PChisq, 1e-10)
	// the effect sizes shown by the tests are the same as the functions'
	a, _ := ANOVA(floatsOf(t, pg["weight"]), pg["group"])
	near(t, "aov eta2 lo", a.EtaSqCI[0], r.EtaCI[0], 1e-8)
	near(t, "aov eta2 hi", a.EtaSqCI[1], r.EtaCI[1], 1e-8)
	ch, _ := ChisqTest([][]float64{{20, 25, 5}, {15, 10, 18}, {30, 12, 22}})
	near(t, "chisq V lo", ch.Effect.ConfInt[0], r.VCI[0], 1e-8)
	near(t, "chisq V hi", ch.Effect.ConfInt[1], r.VCI[1], 1e-8)
	tb, _ := TTest2(g1, g2)
	near(t, "t-test g", tb.Effect.Value, r.G, 1e-13)
	near(t, "t-test g lo", tb.Effect.ConfInt[0], r.GCI[0], 1e-9)
	near(t, "t-test g hi", tb.Effect.ConfInt[1], r.GCI[1], 1e-9)
	near(t, "pnt", NonCentralT{12, 2.1}.CDF(1.5), r.PT, 1e-10)
	or, err := OddsRatio([][]float64{{12, 7}, {5, 15}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "OR", or.Value, 12.0*15/(7*5), 1e-15)
}
