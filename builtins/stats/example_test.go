package stats_test

import (
	"fmt"

	"github.com/gostat/gostat/builtins/stats"
)

func ExampleTTest2() {
	// Student's sleep data, extra hours of sleep under two drugs.
	g1 := []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	g2 := []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
	h, err := stats.TTest2(g1, g2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: t = %.4f, df = %.3f, p = %.4g\n", h.Method, h.Statistic, h.DF(), h.PValue)
	// Output:
	// Welch Two Sample t-test: t = -1.8608, df = 17.776, p = 0.07939
}

func ExampleTTest_error() {
	_, err := stats.TTest([]float64{3, 3, 3})
	fmt.Println(err)
	// Output:
	// stats.TTest: x is essentially constant (sd = 0) (a t-test needs variation in the data)
}

func ExampleStudentsT() {
	d := stats.StudentsT{Nu: 5}
	fmt.Printf("%.6g %.6g %.6g\n", d.CDF(-2), d.Survival(40), d.Quantile(0.975))
	// Output:
	// 0.0509697 9.20598e-08 2.57058
}

func ExampleNormal_tails() {
	z := stats.Normal{Mu: 0, Sigma: 1}
	// Upper tails are computed directly, not as 1 - CDF.
	fmt.Printf("%.6g %.6g %.6g\n", z.Survival(37), z.LogCDF(-40), z.QuantileUpper(1e-300))
	// Output:
	// 5.72557e-300 -804.608 37.0471
}

func ExampleANOVA() {
	weight := []float64{4.17, 5.58, 5.18, 6.11, 4.50, 4.61, 5.17, 4.53, 5.33, 5.14,
		4.81, 4.17, 4.41, 3.59, 5.87, 3.83, 6.03, 4.89, 4.32, 4.69,
		6.31, 5.12, 5.54, 5.50, 5.37, 5.29, 4.92, 6.15, 5.80, 5.26}
	group := make([]string, 30)
	for i := range group {
		group[i] = []string{"ctrl", "trt1", "trt2"}[i/10]
	}
	a, _ := stats.ANOVA(weight, group)
	fmt.Printf("F = %.4f on %g and %g df, p = %.4g\n", a.F, a.DFBetween, a.DFWithin, a.PValue)
	tk, _ := a.Tukey(0.95)
	fmt.Printf("%s: diff %.3f, p adj %.4f\n", tk.Pairs[2], tk.Diff[2], tk.PAdj[2])
	// Output:
	// F = 4.8461 on 2 and 27 df, p = 0.01591
	// trt2-trt1: diff 0.865, p adj 0.0120
}

func ExampleChisqTest() {
	h, _ := stats.ChisqTest([][]float64{{12, 7}, {5, 15}})
	fmt.Printf("%s\nX-squared = %.4f, p = %.4g\n", h.Method, h.Statistic, h.PValue)
	// Output:
	// Pearson's Chi-squared test with Yates' continuity correction
	// X-squared = 4.3221, p = 0.03762
}

func ExamplePAdjust() {
	p, _ := stats.PAdjust([]float64{0.01, 0.02, 0.03, 0.04, 0.5}, "holm")
	fmt.Printf("%.4g\n", p)
	// Output:
	// [0.05 0.08 0.09 0.09 0.5]
}

func ExampleBootstrap() {
	x := stats.Normal{Mu: 10, Sigma: 2}.Rand(100, 1)
	b, _ := stats.Bootstrap(x, "median", stats.BootOpt{R: 2000, Seed: 7})
	fmt.Printf("R = %d, seed %d, percentile interval contains the estimate: %v\n",
		b.R, b.Seed, b.Percentile[0] < b.Estimate && b.Estimate < b.Percentile[1])
	// Output:
	// R = 2000, seed 7, percentile interval contains the estimate: true
}

func ExamplePowerTTest() {
	p, _ := stats.PowerTTest(stats.PowerT{Delta: 1, SD: 2, Power: 0.8})
	fmt.Printf("n = %.2f per group\n", p.Get("n"))
	// Output:
	// n = 63.77 per group
}
