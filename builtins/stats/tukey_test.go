package stats

import (
	"path/filepath"
	"strings"
	"testing"
)

type tukeyRef struct {
	Rows []string           `json:"rows"`
	Diff map[string]float64 `json:"diff"`
	Lwr  map[string]float64 `json:"lwr"`
	Upr  map[string]float64 `json:"upr"`
	PAdj map[string]float64 `json:"p_adj"`
}

type moreR struct {
	TukeyPG   tukeyRef `json:"tukey_plantgrowth"`
	TukeyIS   tukeyRef `json:"tukey_insectsprays"`
	PTukeyRef struct {
		Q    []float64 `json:"q"`
		P    []float64 `json:"p"`
		QP   []float64 `json:"qtukey_p"`
		Q327 []float64 `json:"q3_27"`
	} `json:"ptukey"`
}

func loadMore(t testing.TB, v any) {
	readJSON(t, filepath.Join("testdata", "more_R.json"), v)
}

func checkTukey(t *testing.T, name string, tr *TukeyResult, r tukeyRef) {
	if len(tr.Pairs) != len(r.Rows) {
		t.Fatalf("%s: %d pairs, R %d", name, len(tr.Pairs), len(r.Rows))
	}
	for i, p := range tr.Pairs {
		if p != r.Rows[i] {
			t.Errorf("%s pair %d = %q, R %q", name, i, p, r.Rows[i])
		}
		near(t, name+" diff "+p, tr.Diff[i], r.Diff[p], 1e-12)
		// R's qtukey stops its secant search at |Δx| < 1e-4.
		near(t, name+" lwr "+p, tr.Lwr[i], r.Lwr[p], 1e-9)
		near(t, name+" upr "+p, tr.Upr[i], r.Upr[p], 1e-9)
		// p adj is 1 - ptukey in R too: absolute accuracy ~1e-16 only.
		if !closeTo(tr.PAdj[i], r.PAdj[p], 1e-9, 2e-15) {
			t.Errorf("%s p adj %s = %.17g, R %.17g", name, p, tr.PAdj[i], r.PAdj[p])
		}
	}
}

func TestTukeyR(t *testing.T) {
	var r moreR
	loadMore(t, &r)
	d := loadCSV(t, "PlantGrowth")
	tr, err := TukeyHSD(floatsOf(t, d["weight"]), d["group"], 0)
	if err != nil {
		t.Fatal(err)
	}
	checkTukey(t, "PlantGrowth", tr, r.TukeyPG)
	is := loadCSV(t, "InsectSprays")
	tr2, err := TukeyHSD(floatsOf(t, is["count"]), is["spray"], 0.95)
	if err != nil {
		t.Fatal(err)
	}
	checkTukey(t, "InsectSprays", tr2, r.TukeyIS)
	for i, q := range r.PTukeyRef.Q {
		near(t, "ptukey", PTukey(q, 4, 20), r.PTukeyRef.P[i], 1e-12)
	}
	for i, p := range r.PTukeyRef.QP {
		near(t, "qtukey", QTukey(p, 3, 27), r.PTukeyRef.Q327[i], 1e-9)
	}
	want := `  Tukey multiple comparisons of means
    95% family-wise confidence level

$group
            diff        lwr       upr     p adj
trt1-ctrl -0.371 -1.0622161 0.3202161 0.3908711
trt2-ctrl  0.494 -0.1972161 1.1852161 0.1979960
trt2-trt1  0.865  0.1737839 1.5562161 0.0120064
`
	if s := tr.String(); !strings.HasPrefix(s, want) {
		t.Errorf("display:\n%s\nwant prefix:\n%s", s, want)
	}
}

// TestTukeyLevelOrder: R keeps warpbreaks' tension levels in the order
// L, M, H (R 4.2.2: TukeyHSD(aov(breaks ~ tension, warpbreaks))).
func TestTukeyLevelOrder(t *testing.T) {
	w := loadCSV(t, "warpbreaks")
	tr, err := TukeyHSD(floatsOf(t, w["breaks"]), w["tension"], 0.95, "L", "M", "H")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		pair              string
		diff, lwr, upr, p float64
	}{
		{"M-L", -9.9999999999999929, -19.559824443982855, -0.44017555601713099, 0.0384597680648381957},
		{"H-L", -14.7222222222222143, -24.282046666205076, -5.16239777823935242, 0.0014315033079779216},
		{"H-M", -4.7222222222222214, -14.282046666205083, 4.83760222176064048, 0.4630830970861818940},
	}
	for i, c := range want {
		if tr.Pairs[i] != c.pair {
			t.Fatalf("pair %d = %s, want %s", i, tr.Pairs[i], c.pair)
		}
		near(t, c.pair+" diff", tr.Diff[i], c.diff, 1e-12)
		near(t, c.pair+" lwr", tr.Lwr[i], c.lwr, 1e-9)
		near(t, c.pair+" upr", tr.Upr[i], c.upr, 1e-9)
		near(t, c.pair+" p", tr.PAdj[i], c.p, 1e-9)
	}
	if _, err := TukeyHSD(floatsOf(t, w["breaks"]), w["tension"], 0.95, "L", "M"); err == nil {
		t.Error("missing level accepted")
	}
	h, err := TTestBy([]float64{1, 2, 3, 4, 5, 6, 7}, []string{"b", "a", "b", "a", "NA", "b", "a"}, Opt{Levels: []string{"b", "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if h.EstNames[0] != "mean in group b" || h.Estimate[0] != (1+3+6)/3.0 {
		t.Errorf("TTestBy levels: %v %v", h.EstNames, h.Estimate)
	}
}
