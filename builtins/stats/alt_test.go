package stats

import (
	"path/filepath"
	"testing"
)

// TestAlternativesR covers one-sided alternatives, other confidence levels,
// null values and small-sample exact paths (testdata/make_alt.R).
func TestAlternativesR(t *testing.T) {
	var r struct {
		A, B, S1, S2, TX, TY []float64
		T2G                  rHT `json:"t2_greater_90"`
		T2P                  rHT `json:"t2_pooled_less"`
		TPG                  rHT `json:"tp_greater"`
		W2L                  rHT `json:"w2_less_normal"`
		W2G                  rHT `json:"w2_greater_exact_ci"`
		W1L                  rHT `json:"w1_less_exact_ci"`
		SpL                  rHT `json:"spearman_n7_less"`
		SpT                  rHT `json:"spearman_n7_two"`
		KeG                  rHT `json:"kendall_n7_greater"`
		KeTies               rHT `json:"kendall_ties_two"`
		SpTies               rHT `json:"spearman_ties_greater"`
		FiG                  rHT `json:"fisher_greater"`
		P1G                  rHT `json:"prop1_greater"`
		BiL                  rHT `json:"binom_less"`
		KrT                  rHT `json:"kruskal_ties"`
		KsG                  rHT `json:"ks_one_greater"`
		GOF                  rHT `json:"chisq_gof_ties"`
	}
	readJSON(t, filepath.Join("testdata", "alt_R.json"), &r)
	must := func(h *HTest, err error) *HTest {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	checkHT(t, "t2 greater 90", must(TTest2(r.A, r.B, Opt{Alternative: Greater, ConfLevel: 0.9})), r.T2G, 1e-12)
	checkHT(t, "t2 pooled less", must(TTest2(r.A, r.B, Opt{VarEqual: true, Alternative: Less, Mu: -1})), r.T2P, 1e-12)
	checkHT(t, "paired greater", must(TTestPaired(r.A[:7], r.B, Opt{Alternative: Greater})), r.TPG, 1e-12)
	checkHT(t, "w2 less normal", must(WilcoxTest2(r.A, r.B, Opt{Alternative: Less, Exact: ExactNo, ConfInt: true})), r.W2L, 1e-10)
	checkHT(t, "w2 greater exact", must(WilcoxTest2(r.A, r.B, Opt{Alternative: Greater, ConfInt: true, ConfLevel: 0.9})), r.W2G, 1e-12)
	checkHT(t, "w1 less exact", must(WilcoxTest(r.A, Opt{Mu: 4, Alternative: Less, ConfInt: true})), r.W1L, 1e-12)
	checkHT(t, "spearman n7 less", must(CorTest(r.S1, r.S2, Spearman, Opt{Alternative: Less})), r.SpL, 1e-12)
	checkHT(t, "spearman n7", must(CorTest(r.S1, r.S2, Spearman)), r.SpT, 1e-12)
	checkHT(t, "kendall n7 greater", must(CorTest(r.S1, r.S2, Kendall, Opt{Alternative: Greater})), r.KeG, 1e-12)
	checkHT(t, "kendall ties", must(CorTest(r.TX, r.TY, Kendall)), r.KeTies, 1e-12)
	checkHT(t, "spearman ties greater", must(CorTest(r.TX, r.TY, Spearman, Opt{Alternative: Greater})), r.SpTies, 1e-12)
	checkHT(t, "fisher greater", must(FisherTest([][]float64{{10, 2}, {3, 15}}, Opt{Alternative: Greater, ConfLevel: 0.9})), r.FiG, 1e-10)
	checkHT(t, "prop1 greater", must(PropTest([]float64{30}, []float64{50}, []float64{0.45}, Opt{Alternative: Greater})), r.P1G, 1e-12)
	checkHT(t, "binom less", must(BinomTest(2, 25, 0.2, Opt{Alternative: Less, ConfLevel: 0.99})), r.BiL, 1e-10)
	g := make([]string, 24)
	for i := range g {
		g[i] = []string{"a", "b", "c"}[i%3]
	}
	checkHT(t, "kruskal ties", must(KruskalTest(append(append([]float64(nil), r.TX...), r.TY...), g)), r.KrT, 1e-12)
	checkHT(t, "ks one greater", must(KSTest(r.A, Normal{4, 1.2}, Opt{Alternative: Greater})), r.KsG, 1e-10)
	checkHT(t, "gof", must(ChisqGOF([]float64{10, 12, 9, 14}, []float64{0.2, 0.3, 0.2, 0.3})), r.GOF, 1e-12)
}
