package stats

import (
	"strings"
	"testing"
)

func TestChisqR(t *testing.T) {
	var r struct {
		Yates  rHT `json:"yates"`
		NoCorr rHT `json:"no_correction"`
	}
	loadR(t, "chisq_2x2_yates", &r)
	tab := [][]float64{{12, 7}, {5, 15}}
	h, err := ChisqTest(tab)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "yates", h, r.Yates, 1e-12)
	near(t, "expected", h.Expected[0][0], 8.282051282051283, 1e-14)
	h, _ = ChisqTest(tab, Opt{NoCorrect: true})
	checkHT(t, "no correction", h, r.NoCorr, 1e-12)

	var g struct {
		GivenP  rHT `json:"given_p"`
		Uniform rHT `json:"uniform"`
	}
	loadR(t, "chisq_gof", &g)
	h, err = ChisqGOF([]float64{89, 37, 30, 28, 2}, []float64{0.40, 0.20, 0.20, 0.19, 0.01})
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "gof p", h, g.GivenP, 1e-12)
	h, _ = ChisqGOF([]float64{16, 18, 16, 14, 12, 24}, nil)
	checkHT(t, "gof uniform", h, g.Uniform, 1e-12)

	var m struct {
		C3        rHT `json:"chisq_3x3"`
		F22       rHT `json:"fisher_2x2"`
		F22Less   rHT `json:"fisher_2x2_less"`
		F22b      rHT `json:"fisher_2x2_b"`
		FisherJob rHT `json:"fisher_job"`
	}
	loadMore(t, &m)
	h, _ = ChisqTest([][]float64{{20, 25, 5}, {15, 10, 18}, {30, 12, 22}})
	checkHT(t, "3x3", h, m.C3, 1e-12)
	h, err = FisherTest([][]float64{{3, 1}, {1, 3}})
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "fisher", h, m.F22, 1e-10)
	h, _ = FisherTest([][]float64{{3, 1}, {1, 3}}, Opt{Alternative: Less})
	checkHT(t, "fisher less", h, m.F22Less, 1e-10)
	h, _ = FisherTest(tab)
	checkHT(t, "fisher b", h, m.F22b, 1e-10)
	job := [][]float64{{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}}
	h, err = FisherTest(job)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "fisher job", h, m.FisherJob, 1e-10)
}

func TestTableErrors(t *testing.T) {
	for _, c := range []struct {
		tab  [][]float64
		want string
	}{
		{nil, "empty"},
		{[][]float64{{1, -2}, {3, 4}}, "negative"},
		{[][]float64{{1, 2}, {3}}, "columns"},
		{[][]float64{{0, 0}, {0, 0}}, "no counts"},
		{[][]float64{{1, 2, 3}}, "1×3"},
	} {
		_, err := ChisqTest(c.tab)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ChisqTest(%v): %v, want %q", c.tab, err, c.want)
		}
	}
	if _, err := ChisqGOF([]float64{1, 2}, []float64{0.5, 0.6}); err == nil || !strings.Contains(err.Error(), "sums to") {
		t.Errorf("GOF bad p: %v", err)
	}
}
