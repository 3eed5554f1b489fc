package stats

import (
	"math"
	"strings"
	"testing"
)

func TestDescriptiveFaithful(t *testing.T) {
	var r map[string]any
	loadR(t, "descriptive_faithful", &r)
	f := loadCSV(t, "faithful")
	for _, col := range []string{"eruptions", "waiting"} {
		x := floatsOf(t, f[col])
		ref := r[col].(map[string]any)
		g := func(k string) float64 { return ref[k].(float64) }
		m, _ := Mean(x)
		v, _ := Var(x)
		sd, _ := SD(x)
		se, _ := SE(x)
		med, _ := Median(x)
		sum, _ := Sum(x)
		g1, _ := Skewness(x, false)
		G1, _ := Skewness(x, true)
		g2, _ := Kurtosis(x, false)
		G2, _ := Kurtosis(x, true)
		near(t, col+" mean", m, g("mean"), 1e-14)
		near(t, col+" var", v, g("var"), 1e-13)
		near(t, col+" sd", sd, g("sd"), 1e-13)
		near(t, col+" sem", se, g("sem"), 1e-13)
		near(t, col+" median", med, g("median"), 0)
		near(t, col+" sum", sum, g("sum"), 1e-15)
		near(t, col+" g1", g1, g("skewness_biased_g1"), 1e-12)
		near(t, col+" G1", G1, g("skewness_unbiased_G1"), 1e-12)
		near(t, col+" g2", g2, g("kurtosis_excess_biased_g2"), 1e-12)
		near(t, col+" G2", G2, g("kurtosis_excess_unbiased_G2"), 1e-12)
		s, err := Describe(x)
		if err != nil {
			t.Fatal(err)
		}
		near(t, col+" describe sd", s.SD, g("sd"), 1e-13)
		near(t, col+" describe skew", s.Skewness, g("skewness_biased_g1"), 1e-12)
		near(t, col+" min", s.Min, g("min"), 0)
		near(t, col+" max", s.Max, g("max"), 0)
	}
}

func TestQuantilesR(t *testing.T) {
	var r struct {
		V        []float64            `json:"v"`
		Probs    []float64            `json:"probs"`
		Q        map[string][]float64 `json:"quantile"`
		Median   float64              `json:"median"`
		IQR      float64              `json:"IQR_type7"`
		MAD      float64              `json:"mad_R_constant_1.4826"`
		FiveNum  []float64            `json:"fivenum"`
		MPGProbs []float64            `json:"mtcars_mpg_probs"`
		MPG7     []float64            `json:"mtcars_mpg_type7"`
	}
	loadR(t, "quantiles", &r)
	for typ := 1; typ <= 9; typ++ {
		got, err := Quantiles(r.V, r.Probs, typ)
		if err != nil {
			t.Fatal(err)
		}
		want := r.Q["type"+string(rune('0'+typ))]
		for i := range got {
			near(t, "type "+string(rune('0'+typ)), got[i], want[i], 1e-14)
		}
	}
	med, _ := Median(r.V)
	iqr, _ := IQR(r.V)
	mad, _ := MAD(r.V)
	near(t, "median", med, r.Median, 0)
	near(t, "IQR", iqr, r.IQR, 1e-14)
	near(t, "MAD", mad, r.MAD, 1e-14)
	fn, _ := FiveNum(r.V)
	for i := range fn {
		near(t, "fivenum", fn[i], r.FiveNum[i], 1e-14)
	}
	m := loadCSV(t, "mtcars")
	q, _ := Quantiles(floatsOf(t, m["mpg"]), r.MPGProbs, 0)
	for i := range q {
		near(t, "mpg", q[i], r.MPG7[i], 1e-14)
	}
	// the selection path used by Describe agrees with the sorting path
	s, _ := Describe(floatsOf(t, m["mpg"]))
	near(t, "describe Q1", s.Q1, r.MPG7[1], 1e-14)
	near(t, "describe Q3", s.Q3, r.MPG7[3], 1e-14)
}

func TestDescriptiveErrors(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		err  error
		want string
	}{
		{errOf(Mean(nil)), "empty"},
		{errOf(Mean([]float64{nan, nan})), "only missing"},
		{errOf(Var([]float64{1})), "at least 2"},
		{errOf(Skewness([]float64{1, 1, 1}, false)), "constant"},
		{errOf(Quantile([]float64{1, 2}, 1.5, 7)), "outside"},
		{errOf(Quantile([]float64{1, 2}, 0.5, 10)), "types are 1 to 9"},
		{errOf(Cor([]float64{1, 2}, []float64{1}, "")), "different lengths"},
		{errOf(Cor([]float64{1, 2, 3}, []float64{1, 1, 1}, "")), "constant"},
		{errOf(Cor([]float64{1, 2, 3}, []float64{1, 2, 3}, "pearsn")), "method"},
		{errOf(Mean([]float64{1, math.Inf(1)})), "infinite"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("error %v, want %q", c.err, c.want)
		}
	}
	m, err := Mean([]float64{1, nan, 3})
	if err != nil || m != 2 {
		t.Errorf("NaN not skipped: %v %v", m, err)
	}
}

func TestModeAndTables(t *testing.T) {
	modes, c, _ := Mode([]float64{3, 1, 3, 2, 1})
	if len(modes) != 2 || modes[0] != 1 || modes[1] != 3 || c != 2 {
		t.Errorf("Mode = %v (%d)", modes, c)
	}
	f, _ := Freq([]string{"b", "a", "b", "NA", "c"})
	if strings.Join(f.Levels, ",") != "a,b,c" || f.Counts[1] != 2 || f.NA != 1 {
		t.Errorf("Freq = %+v", f)
	}
	ct, _ := CrossTab([]string{"x", "x", "y", "y", "y"}, []string{"1", "2", "1", "1", "10"})
	if ct.Counts[1][0] != 2 || strings.Join(ct.ColLevels, ",") != "1,2,10" {
		t.Errorf("CrossTab = %+v", ct)
	}
	r, _ := Cor([]float64{1, 2, 3, 4}, []float64{2, 4, 5, 9}, Spearman)
	near(t, "spearman", r, 1, 1e-15)
}
