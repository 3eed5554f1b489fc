package stats

import (
	"fmt"
	"math"
	"testing"
)

// TestNoPanicsNoSilentNaN calls every test on awkward inputs: each call
// must return an error or a result whose p-value and statistic are not NaN.
func TestNoPanicsNoSilentNaN(t *testing.T) {
	nan := math.NaN()
	inputs := [][]float64{
		nil, {}, {nan}, {1}, {1, 1}, {1, 2}, {1, 1, 1, 1}, {1, 2, 3}, {0, 0, 0, 1},
		{1e300, -1e300, 1}, {1, nan, 2, nan, 3}, {5, 5, 5, 6, 6, 6}, {-1, 0, 1, 2, 3, 4, 5, 6, 7},
	}
	groups := func(n int) []string {
		g := make([]string, n)
		for i := range g {
			g[i] = fmt.Sprint(i % 3)
		}
		return g
	}
	check := func(name string, h *HTest, err error) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: display panicked: %v", name, r)
			}
		}()
		if err != nil {
			if err.Error() == "" {
				t.Errorf("%s: empty error", name)
			}
			return
		}
		if h == nil {
			t.Errorf("%s: nil result without error", name)
			return
		}
		if math.IsNaN(h.PValue) {
			t.Errorf("%s: NaN p-value without error\n%s", name, h)
		}
		_ = h.String()
	}
	run := func(name string, f func() (*HTest, error)) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: panic: %v", name, r)
			}
		}()
		h, err := f()
		check(name, h, err)
	}
	for i, x := range inputs {
		for j, y := range inputs {
			nm := fmt.Sprintf("[%d,%d]", i, j)
			x, y := x, y
			run("TTest2"+nm, func() (*HTest, error) { return TTest2(x, y) })
			run("TTest2 pooled"+nm, func() (*HTest, error) { return TTest2(x, y, Opt{VarEqual: true}) })
			run("WilcoxTest2"+nm, func() (*HTest, error) { return WilcoxTest2(x, y, Opt{ConfInt: true}) })
			run("KSTest2"+nm, func() (*HTest, error) { return KSTest2(x, y) })
			run("PermTest2"+nm, func() (*HTest, error) { return PermTest2(x, y, "mean", BootOpt{R: 50}) })
			if len(x) == len(y) {
				run("TTestPaired"+nm, func() (*HTest, error) { return TTestPaired(x, y) })
				run("WilcoxPaired"+nm, func() (*HTest, error) { return WilcoxPaired(x, y, Opt{ConfInt: true}) })
				for _, m := range []string{Pearson, Spearman, Kendall} {
					run("CorTest "+m+nm, func() (*HTest, error) { return CorTest(x, y, m) })
				}
			}
		}
		nm := fmt.Sprintf("[%d]", i)
		run("TTest"+nm, func() (*HTest, error) { return TTest(x) })
		run("WilcoxTest"+nm, func() (*HTest, error) { return WilcoxTest(x, Opt{ConfInt: true}) })
		run("ShapiroTest"+nm, func() (*HTest, error) { return ShapiroTest(x) })
		run("KSTest"+nm, func() (*HTest, error) { return KSTest(x, Normal{0, 1}) })
		g := groups(len(x))
		run("KruskalTest"+nm, func() (*HTest, error) { return KruskalTest(x, g) })
		run("LeveneTest"+nm, func() (*HTest, error) { return LeveneTest(x, g) })
		run("BartlettTest"+nm, func() (*HTest, error) { return BartlettTest(x, g) })
		run("WelchANOVA"+nm, func() (*HTest, error) { return WelchANOVA(x, g) })
		run("ChisqGOF"+nm, func() (*HTest, error) { return ChisqGOF(x, nil) })
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("descriptive %s: panic %v", nm, r)
				}
			}()
			if a, err := ANOVA(x, g); err == nil {
				_ = a.String()
				if tk, err := a.Tukey(0); err == nil {
					_ = tk.String()
				}
			}
			if s, err := Describe(x); err == nil {
				_ = s.String()
			}
			for _, f := range []func([]float64) (float64, error){Mean, Var, SD, SE, Median, MAD, IQR, Sum} {
				if v, err := f(x); err == nil && math.IsNaN(v) {
					t.Errorf("descriptive %s: NaN without error", nm)
				}
			}
			Skewness(x, true)
			Kurtosis(x, true)
			ZScores(x)
			Mode(x)
			FiveNum(x)
			Quantiles(x, []float64{0, 0.5, 1}, 6)
			Autocorr(x, 1)
			Bootstrap(x, "median", BootOpt{R: 20})
			CohensD(x, nil, 0)
		}()
	}
	for _, tab := range [][][]float64{{{1, 0}, {0, 1}}, {{0, 5}, {0, 7}}, {{1e4, 1}, {1, 1e4}}, {{2, 3, 0}, {1, 0, 4}}, {{0.5, 1}, {2, 3}}} {
		tab := tab
		run(fmt.Sprint("ChisqTest", tab), func() (*HTest, error) { return ChisqTest(tab) })
		run(fmt.Sprint("FisherTest", tab), func() (*HTest, error) { return FisherTest(tab) })
	}
	run("BinomTest 0/1", func() (*HTest, error) { return BinomTest(0, 1, 0.5) })
	run("BinomTest 5/5", func() (*HTest, error) { return BinomTest(5, 5, 0.2, Opt{Alternative: Less}) })
	run("PropTest 0", func() (*HTest, error) { return PropTest([]float64{0}, []float64{10}, nil) })
	run("PropTest all", func() (*HTest, error) { return PropTest([]float64{10, 10}, []float64{10, 10}, nil) })
	if _, err := PowerTTest(PowerT{N: 3, Delta: 0.01, SD: 100, Power: 0.99, Solve: "sig.level"}); err == nil {
		t.Log("power solved")
	}
}
