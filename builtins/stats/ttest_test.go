package stats

import (
	"strings"
	"testing"
)

func TestTTestsR(t *testing.T) {
	extra, group, g1, g2 := sleepData(t)
	var one struct {
		TwoSided rHT `json:"two_sided"`
		Greater  rHT `json:"greater"`
		Mu1      rHT `json:"mu_1_conf_90"`
	}
	loadR(t, "ttest_one_sample_sleep", &one)
	h, err := TTest(extra)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "one-sample", h, one.TwoSided, 1e-12)
	h, _ = TTest(extra, Opt{Alternative: Greater})
	checkHT(t, "one-sample greater", h, one.Greater, 1e-12)
	h, _ = TTest(extra, Opt{Mu: 1, ConfLevel: 0.90})
	checkHT(t, "one-sample mu=1", h, one.Mu1, 1e-12)

	var welch struct {
		TwoSided rHT `json:"two_sided"`
		Less     rHT `json:"less"`
	}
	loadR(t, "ttest_welch_sleep", &welch)
	h, err = TTestBy(extra, group)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "welch", h, welch.TwoSided, 1e-12)
	h, _ = TTestBy(extra, group, Opt{Alternative: Less})
	checkHT(t, "welch less", h, welch.Less, 1e-12)
	h2, _ := TTest2(g1, g2)
	if h2.Statistic != h.Statistic {
		t.Errorf("TTest2 and TTestBy differ: %v %v", h2.Statistic, h.Statistic)
	}

	var paired struct {
		TwoSided rHT `json:"two_sided"`
	}
	loadR(t, "ttest_paired_sleep", &paired)
	h, err = TTestPaired(g1, g2)
	if err != nil {
		t.Fatal(err)
	}
	checkHT(t, "paired", h, paired.TwoSided, 1e-12)
}

func TestTTestDisplay(t *testing.T) {
	extra, group, _, _ := sleepData(t)
	h, _ := TTestBy(extra, group, Opt{Data: "extra by group"})
	s := h.String()
	want := `
	Welch Two Sample t-test

data:  extra by group
t = -1.8608, df = 17.776, p-value = 0.07939
alternative hypothesis: true difference in means between group 1 and group 2 is not equal to 0
95 percent confidence interval:
 -3.3654832  0.2054832
sample estimates:
mean in group 1 mean in group 2 
           0.75            2.33 
`
	if !strings.HasPrefix(s, want) {
		t.Errorf("display:\n%s\nwant prefix:\n%s", s, want)
	}
	if !strings.Contains(s, "not significant") {
		t.Errorf("conclusion missing: %s", s)
	}
}

func TestTTestErrors(t *testing.T) {
	nan := []float64{nanv(), nanv()}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"empty", errOf(TTest(nil)), "is empty"},
		{"all NA", errOf(TTest(nan)), "only missing"},
		{"constant", errOf(TTest([]float64{2, 2, 2})), "constant"},
		{"one value", errOf(TTest([]float64{1})), "at least 2"},
		{"mismatch", errOf(TTestPaired([]float64{1, 2, 3}, []float64{1, 2})), "different lengths"},
		{"bad alternative", errOf(TTest([]float64{1, 2, 3}, Opt{Alternative: "bigger"})), "Alternative"},
		{"three groups", errOf(TTestBy([]float64{1, 2, 3}, []string{"a", "b", "c"})), "exactly 2"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to mention %q", c.name, c.err, c.want)
		}
	}
}

func errOf[T any](_ T, err error) error { return err }
