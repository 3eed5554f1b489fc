package stats

import "testing"

func TestWilcoxonR(t *testing.T) {
	var r struct {
		X            []float64 `json:"x"`
		Y            []float64 `json:"y"`
		ExactTwo     rHT       `json:"ranksum_exact_two_sided"`
		ExactGreater rHT       `json:"ranksum_exact_greater"`
		NormalCC     rHT       `json:"ranksum_normal_cc"`
		NormalNoCC   rHT       `json:"ranksum_normal_nocc"`
		Mtcars       rHT       `json:"mtcars_mpg_am0_vs_am1_normal_cc"`
		PairedSleep  rHT       `json:"signed_rank_paired_sleep_normal_cc"`
		OneSampleMu1 rHT       `json:"signed_rank_one_sample_x_mu1_exact"`
	}
	loadR(t, "wilcox_tests", &r)
	h, err := WilcoxTest2(r.X, r.Y)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "exact", h, r.ExactTwo, 1e-12)
	h, _ = WilcoxTest2(r.X, r.Y, Opt{Alternative: Greater})
	checkHT(t, "exact greater", h, r.ExactGreater, 1e-12)
	h, _ = WilcoxTest2(r.X, r.Y, Opt{Exact: ExactNo})
	checkHT(t, "normal cc", h, r.NormalCC, 1e-12)
	h, _ = WilcoxTest2(r.X, r.Y, Opt{Exact: ExactNo, NoCorrect: true})
	checkHT(t, "normal", h, r.NormalNoCC, 1e-12)

	m := loadCSV(t, "mtcars")
	mpg, am := floatsOf(t, m["mpg"]), floatsOf(t, m["am"])
	var a0, a1 []float64
	for i := range mpg {
		if am[i] == 0 {
			a0 = append(a0, mpg[i])
		} else {
			a1 = append(a1, mpg[i])
		}
	}
	h, _ = WilcoxTest2(a0, a1, Opt{Exact: ExactNo})
	checkHT(t, "mtcars", h, r.Mtcars, 1e-12)

	_, _, g1, g2 := sleepData(t)
	h, _ = WilcoxPaired(g1, g2, Opt{Exact: ExactNo})
	checkHT(t, "paired sleep", h, r.PairedSleep, 1e-12)
	h, _ = WilcoxTest(r.X, Opt{Mu: 1})
	checkHT(t, "one-sample", h, r.OneSampleMu1, 1e-12)
}

func TestShapiroR(t *testing.T) {
	var r struct {
		Faithful rHT `json:"faithful_eruptions"`
		Women    rHT `json:"women_height"`
	}
	loadR(t, "shapiro_tests", &r)
	f := loadCSV(t, "faithful")
	h, err := ShapiroTest(floatsOf(t, f["eruptions"]))
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "faithful", h, r.Faithful, 1e-10)
	w := loadCSV(t, "women")
	h, _ = ShapiroTest(floatsOf(t, w["height"]))
	checkHT(t, "women", h, r.Women, 1e-10)
}
