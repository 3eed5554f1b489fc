package stats

import "testing"

func TestCorTestR(t *testing.T) {
	var r struct {
		Pearson  rHT `json:"pearson"`
		Spearman rHT `json:"spearman"`
		Kendall  rHT `json:"kendall"`
	}
	loadR(t, "cor_test_mtcars", &r)
	m := loadCSV(t, "mtcars")
	mpg, wt := floatsOf(t, m["mpg"]), floatsOf(t, m["wt"])
	h, err := CorTest(mpg, wt, Pearson)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "pearson", h, r.Pearson, 1e-12)
	h, _ = CorTest(mpg, wt, Spearman)
	checkHT(t, "spearman", h, r.Spearman, 1e-11)
	h, _ = CorTest(mpg, wt, Kendall)
	checkHT(t, "kendall", h, r.Kendall, 1e-11)

	var x struct {
		SpE  rHT       `json:"spearman_exact"`
		KeE  rHT       `json:"kendall_exact"`
		PeG  rHT       `json:"pearson_greater"`
		CorY []float64 `json:"cor_y"`
	}
	loadMore(t, &x)
	xv := []float64{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46}
	h, _ = CorTest(xv, x.CorY, Spearman)
	checkHT(t, "spearman exact", h, x.SpE, 1e-10)
	h, _ = CorTest(xv, x.CorY, Kendall)
	checkHT(t, "kendall exact", h, x.KeE, 1e-12)
	h, _ = CorTest(xv, x.CorY, Pearson, Opt{Alternative: Greater})
	checkHT(t, "pearson greater", h, x.PeG, 1e-12)
}
