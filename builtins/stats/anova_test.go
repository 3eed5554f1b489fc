package stats

import (
	"strings"
	"testing"
)

func TestANOVAPlantGrowth(t *testing.T) {
	d := loadCSV(t, "PlantGrowth")
	y := floatsOf(t, d["weight"])
	g := d["group"]
	var r struct {
		Df       []float64          `json:"df"`
		SumSq    []float64          `json:"sum_sq"`
		MeanSq   []float64          `json:"mean_sq"`
		F        float64            `json:"f_value"`
		P        float64            `json:"p_value"`
		Means    map[string]float64 `json:"group_means"`
		Bartlett struct {
			Statistic, Df, PValue float64 `json:"-"`
			S                     float64 `json:"statistic"`
			D                     float64 `json:"df"`
			P                     float64 `json:"p_value"`
		} `json:"bartlett"`
		Kruskal struct {
			S float64 `json:"statistic"`
			D float64 `json:"df"`
			P float64 `json:"p_value"`
		} `json:"kruskal"`
	}
	loadR(t, "aov_plantgrowth", &r)
	a, err := ANOVA(y, g)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "df between", a.DFBetween, r.Df[0], 0)
	near(t, "df within", a.DFWithin, r.Df[1], 0)
	near(t, "SS between", a.SSBetween, r.SumSq[0], 1e-13)
	near(t, "SS within", a.SSWithin, r.SumSq[1], 1e-13)
	near(t, "MS between", a.MSBetween, r.MeanSq[0], 1e-13)
	near(t, "MS within", a.MSWithin, r.MeanSq[1], 1e-13)
	near(t, "F", a.F, r.F, 1e-12)
	near(t, "p", a.PValue, r.P, 1e-12)
	for i, l := range a.Levels {
		near(t, "mean "+l, a.Means[i], r.Means[l], 1e-14)
	}
	b, err := BartlettTest(y, g)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Bartlett K2", b.Statistic, r.Bartlett.S, 1e-12)
	near(t, "Bartlett p", b.PValue, r.Bartlett.P, 1e-12)
	k, err := KruskalTest(y, g)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Kruskal stat", k.Statistic, r.Kruskal.S, 1e-12)
	near(t, "Kruskal p", k.PValue, r.Kruskal.P, 1e-12)

	s := a.String()
	want := `            Df Sum Sq Mean Sq F value Pr(>F)  
group        2  3.766  1.8832   4.846 0.0159 *
Residuals   27 10.492  0.3886                 
---
Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1
`
	if !strings.HasPrefix(s, want) {
		t.Errorf("display:\n%s\nwant prefix:\n%s", s, want)
	}
}
