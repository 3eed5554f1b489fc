package frame_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

func refDir(t *testing.T) string {
	t.Helper()
	d := filepath.Join("..", "..", "..", "shared", "reference")
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("reference data missing at %s: %v", d, err)
	}
	return d
}

func loadJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// lre is the number of correct significant digits of got against want.
func lre(got, want float64) float64 {
	if got == want {
		return 16
	}
	if want == 0 {
		return -math.Log10(math.Abs(got))
	}
	return -math.Log10(math.Abs(got-want) / math.Abs(want))
}

func checkLRE(t *testing.T, what string, got, want, digits float64) {
	t.Helper()
	if math.IsNaN(want) && math.IsNaN(got) {
		return
	}
	if l := lre(got, want); !(l >= digits) {
		t.Errorf("%s = %.17g, want %.17g (LRE %.1f < %.0f)", what, got, want, l, digits)
	}
}

func TestDescriptiveFaithful(t *testing.T) {
	var ref struct {
		R map[string]json.RawMessage `json:"R"`
	}
	loadJSON(t, filepath.Join(refDir(t), "r", "descriptive_faithful.json"), &ref)
	f := datasets.MustLoad("faithful")
	for _, col := range []string{"eruptions", "waiting"} {
		var v map[string]float64
		if err := json.Unmarshal(ref.R[col], &v); err != nil {
			t.Fatal(err)
		}
		checkLRE(t, col+" mean", f.Mean(col), v["mean"], 14)
		checkLRE(t, col+" var", f.Var(col), v["var"], 13)
		checkLRE(t, col+" sd", f.SD(col), v["sd"], 13)
		checkLRE(t, col+" min", f.Min(col), v["min"], 15)
		checkLRE(t, col+" max", f.Max(col), v["max"], 15)
		checkLRE(t, col+" median", f.Median(col), v["median"], 15)
		checkLRE(t, col+" sum", f.Sum(col), v["sum"], 14)
		if got := f.Count(col); got != int(v["n"]) {
			t.Errorf("%s count = %d, want %v", col, got, v["n"])
		}
	}
}

func TestQuantilesType7(t *testing.T) {
	var ref struct {
		R struct {
			V        []float64 `json:"v"`
			Probs    []float64 `json:"probs"`
			Quantile map[string][]float64
			Median   float64
			MtProbs  []float64 `json:"mtcars_mpg_probs"`
			MtType7  []float64 `json:"mtcars_mpg_type7"`
		} `json:"R"`
	}
	loadJSON(t, filepath.Join(refDir(t), "r", "quantiles.json"), &ref)
	f := frame.New("v", ref.R.V)
	for k, p := range ref.R.Probs {
		checkLRE(t, "quantile type 7", f.Quantile("v", p), ref.R.Quantile["type7"][k], 14)
	}
	checkLRE(t, "median", f.Median("v"), ref.R.Median, 15)
	m := datasets.MustLoad("mtcars")
	for k, p := range ref.R.MtProbs {
		checkLRE(t, "mtcars mpg quantile", m.Quantile("mpg", p), ref.R.MtType7[k], 14)
	}
	d := m.Describe("mpg")
	want := []float64{ref.R.MtType7[1], ref.R.MtType7[2], ref.R.MtType7[3]}
	for k, name := range []string{"q25", "median", "q75"} {
		got, _ := d.Floats(name)
		checkLRE(t, "describe "+name, got[0], want[k], 14)
	}
}

type rRef map[string]json.RawMessage

func (r rRef) vec(t *testing.T, key string) []float64 {
	t.Helper()
	var raw []*float64
	if err := json.Unmarshal(r[key], &raw); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	out := make([]float64, len(raw))
	for k, p := range raw {
		out[k] = math.NaN()
		if p != nil {
			out[k] = *p
		}
	}
	return out
}

func TestAgainstR(t *testing.T) {
	var ref rRef
	loadJSON(t, filepath.Join("testdata", "r_reference.json"), &ref)
	iris := datasets.MustLoad("iris")
	g := iris.GroupBy("Species")
	for _, v := range []string{"Sepal.Length", "Petal.Width"} {
		cases := []struct {
			name string
			got  *frame.Frame
		}{
			{"mean", g.Mean(v)}, {"sd", g.SD(v)}, {"median", g.Median(v)}, {"q90", g.Quantile(0.9, v)},
		}
		for _, c := range cases {
			want := ref.vec(t, "iris_"+c.name+"_"+v)
			got := c.got.Col(v)
			for k := range want {
				checkLRE(t, "iris "+c.name+" "+v, got[k], want[k], 13)
			}
		}
	}
	m := datasets.MustLoad("mtcars")
	got := m.GroupBy("cyl").Mean("mpg").Col("mpg")
	for k, w := range ref.vec(t, "mtcars_mean_mpg_by_cyl") {
		checkLRE(t, "mtcars mean mpg by cyl", got[k], w, 14)
	}
	gv := m.GroupBy("cyl", "am").Agg("var(hp)").Col("var_hp")
	for k, w := range ref.vec(t, "mtcars_var_hp_by_cyl_am") {
		checkLRE(t, "mtcars var hp by cyl, am", gv[k], w, 13)
	}
	aq := datasets.MustLoad("airquality")
	for _, v := range []string{"Ozone", "Solar.R"} {
		var s map[string]float64
		json.Unmarshal(ref["aq_"+v], &s)
		checkLRE(t, v+" mean", aq.Mean(v), s["mean"], 14)
		checkLRE(t, v+" sd", aq.SD(v), s["sd"], 13)
		checkLRE(t, v+" median (NA skipped)", aq.Median(v), s["median"], 15)
		checkLRE(t, v+" q25", aq.Quantile(v, 0.25), s["q25"], 15)
		checkLRE(t, v+" q75", aq.Quantile(v, 0.75), s["q75"], 15)
		checkLRE(t, v+" min", aq.Min(v), s["min"], 15)
		checkLRE(t, v+" max", aq.Max(v), s["max"], 15)
		if aq.Count(v) != int(s["n"]) {
			t.Errorf("%s count %d, want %v", v, aq.Count(v), s["n"])
		}
		bm := aq.GroupBy("Month").Mean(v).Col(v)
		for k, w := range ref.vec(t, "aq_mean_"+v+"_by_month") {
			checkLRE(t, v+" mean by month", bm[k], w, 14)
		}
		bmed := aq.GroupBy("Month").Median(v).Col(v)
		for k, w := range ref.vec(t, "aq_median_"+v+"_by_month") {
			checkLRE(t, v+" median by month", bmed[k], w, 15)
		}
	}
	var c float64
	json.Unmarshal(ref["aq_cor_ozone_temp"], &c)
	checkLRE(t, "cor(Ozone, Temp, complete.obs)", aq.Cor("Ozone", "Temp"), c, 13)
	cm := m.CorMatrix("mpg", "wt", "hp")
	want := ref.vec(t, "mtcars_cor_mpg_wt_hp")
	for j, col := range []string{"mpg", "wt", "hp"} {
		v := cm.Col(col)
		for i := range v {
			checkLRE(t, "cor matrix", v[i], want[j*3+i], 13)
		}
	}
	us := datasets.MustLoad("USArrests").CorMatrix()
	want = ref.vec(t, "usarrests_cor")
	for j, col := range []string{"Murder", "Assault", "UrbanPop", "Rape"} {
		v := us.Col(col)
		for i := range v {
			checkLRE(t, "USArrests cor", v[i], want[j*4+i], 13)
		}
	}
	tab := datasets.MustLoad("warpbreaks").Crosstab("wool", "tension")
	want = ref.vec(t, "warpbreaks_table")
	for j, col := range []string{"L", "M", "H"} {
		v := tab.Col(col)
		for i := range v {
			if v[i] != want[i*3+j] {
				t.Errorf("crosstab %s[%d] = %v, want %v", col, i, v[i], want[i*3+j])
			}
		}
	}
	z, err := frame.NewStandardize("mpg").FitTransform(m)
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range ref.vec(t, "mtcars_scale_mpg") {
		checkLRE(t, "scale(mpg)", z.Col("mpg")[k], w, 13)
	}
	pv := datasets.MustLoad("ChickWeight").Pivot("Diet", "Time", "weight", "mean")
	want = ref.vec(t, "chick_pivot_mean")
	times := pv.Names()[1:]
	for i := 0; i < 4; i++ {
		for j, tm := range times {
			checkLRE(t, "pivot Diet×Time", pv.Col(tm)[i], want[i*len(times)+j], 14)
		}
	}
	prof := aq.Profile()
	for k, w := range ref.vec(t, "aq_outliers") {
		if got := prof.Columns[k].Outliers; got != int(w) {
			t.Errorf("%s outliers %d, want %v", prof.Columns[k].Name, got, w)
		}
	}
	for k, w := range ref.vec(t, "aq_nunique") {
		if got := prof.Columns[k].Unique; got != int(w) {
			t.Errorf("%s unique %d, want %v", prof.Columns[k].Name, got, w)
		}
		if got := aq.NUnique(prof.Columns[k].Name); got != int(w) {
			t.Errorf("NUnique(%s) %d, want %v", prof.Columns[k].Name, got, w)
		}
	}
	tg := datasets.MustLoad("ToothGrowth").GroupBy("supp", "dose").Mean("len").Col("len")
	for k, w := range ref.vec(t, "tooth_mean_supp_dose") {
		checkLRE(t, "ToothGrowth mean len by supp, dose", tg[k], w, 14)
	}
	var cc float64
	json.Unmarshal(ref["aq_complete_cases"], &cc)
	if n := aq.DropNA().NRows(); n != int(cc) {
		t.Errorf("DropNA rows %d, want %v", n, cc)
	}
}

func TestBoxCoxLambda(t *testing.T) {
	var ref map[string]float64
	loadJSON(t, filepath.Join("testdata", "boxcox_reference.json"), &ref)
	aq := datasets.MustLoad("airquality")
	for col, want := range ref {
		lam, err := frame.BoxCoxLambda(aq.Col(col))
		if err != nil {
			t.Fatal(err)
		}
		// MASS's grid step is 1e-4.
		if math.Abs(lam-want) > 1e-4 {
			t.Errorf("Box-Cox lambda of %s = %.6f, want %.4f (MASS::boxcox grid)", col, lam, want)
		}
	}
	if _, err := frame.BoxCoxLambda([]float64{1, -2, 3}); err == nil {
		t.Error("Box-Cox on negative data: want error")
	}
}
