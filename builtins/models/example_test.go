package models_test

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/models"
)

func ExampleOLS() {
	mtcars := datasets.MustLoad("mtcars")
	m, err := models.OLS("mpg ~ wt + factor(cyl)", mtcars)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	fmt.Println(m.Anova())
	// Output:
	// Call:
	// lm(formula = mpg ~ wt + factor(cyl))
	//
	// Residuals:
	//     Min      1Q  Median      3Q     Max
	// -4.5890 -1.2357 -0.5159  1.3845  5.7915
	//
	// Coefficients:
	//              Estimate Std. Error t value Pr(>|t|)
	// (Intercept)   33.9908     1.8878  18.006  < 2e-16 ***
	// wt            -3.2056     0.7539  -4.252 0.000213 ***
	// factor(cyl)6  -4.2556     1.3861  -3.070 0.004718 **
	// factor(cyl)8  -6.0709     1.6523  -3.674 0.000999 ***
	// ---
	// Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1
	//
	// Residual standard error: 2.557 on 28 degrees of freedom
	// Multiple R-squared:  0.8374,  Adjusted R-squared:   0.82
	// F-statistic: 48.08 on 3 and 28 DF,  p-value: 3.594e-11
	//
	// Reading:
	//   - wt: each unit increase goes with a change of -3.206 in mpg, holding the
	//     other terms fixed (p=0.00021, statistically significant at the 5% level).
	//   - factor(cyl)6: mpg is on average 4.256 lower than at the baseline cyl = 4
	//     (p=0.0047, statistically significant at the 5% level).
	//   - factor(cyl)8: mpg is on average 6.071 lower than at the baseline cyl = 4
	//     (p=0.001, statistically significant at the 5% level).
	//   The model explains 83.7% of the variance of mpg (R²); the typical prediction
	//   error is 2.56.
	//
	// Analysis of Variance Table
	//
	// Response: mpg
	//             Df Sum Sq Mean Sq  F value    Pr(>F)
	// wt           1 847.73  847.73 129.6650 5.079e-12 ***
	// factor(cyl)  2  95.26   47.63   7.2856  0.002835 **
	// Residuals   28 183.06    6.54
	// ---
	// Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1
}

func ExampleGLM() {
	mtcars := datasets.MustLoad("mtcars")
	g, err := models.GLM("am ~ wt + hp", mtcars, models.Binomial("logit"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("coef %.6f %.6f %.6f\n", g.Coef[0], g.Coef[1], g.Coef[2])
	fmt.Printf("deviance %.4f on %d df, AIC %.4f, %d iterations\n", g.Deviance, g.DFResidual, g.AIC(), g.Iterations)
	or, _ := g.OddsRatios(0.95)
	fmt.Print(or)
	// Output:
	// coef 18.866299 -8.083475 0.036256
	// deviance 10.0591 on 29 df, AIC 16.0591, 8 iterations
	//                    ratio        2.5 %       97.5 %
	// (Intercept) 1.561455e+08 7.203795e+01 3.384524e+14
	// wt          3.085967e-04 7.539288e-07 1.263142e-01
	// hp          1.036921e+00 1.001498e+00 1.073596e+00
}

func ExampleNLSFormula() {
	mtcars := datasets.MustLoad("mtcars")
	fit, err := models.NLSFormula("mpg ~ a * exp(b * wt)", mtcars, map[string]float64{"a": 40, "b": -0.3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(fit)
	// Output:
	// Formula: mpg ~ a * exp(b * wt)
	//
	// Parameters:
	//   Estimate Std. Error t value Pr(>|t|)
	// a 49.65973    3.78876   13.11 5.96e-14 ***
	// b -0.29358    0.02664  -11.02 4.53e-12 ***
	// ---
	// Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1
	//
	// Residual standard error: 2.668 on 30 degrees of freedom
	//
	// Number of iterations to convergence: 5
	// Achieved convergence tolerance: < 1e-10
}

func ExampleNLSCurve() {
	// The model as a Go function (at the prompt: an interpreted func).
	x := []float64{1, 2, 3, 5, 7, 10}
	y := []float64{109, 149, 149, 191, 213, 224}
	f := func(x float64, b []float64) float64 { return b[0] * (1 - math.Exp(-b[1]*x)) }
	fit, err := models.NLSCurve(f, x, y, []float64{100, 0.75}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("b1 = %.6f, b2 = %.6f, RSS = %.4f\n", fit.Coef[0], fit.Coef[1], fit.RSS)
	// Output:
	// b1 = 213.809409, b2 = 0.547237, RSS = 1168.0089
}

func ExampleLasso() {
	mtcars := datasets.MustLoad("mtcars")
	l, err := models.Lasso("mpg ~ wt + hp + qsec + drat", mtcars, 0.5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(l)
	// Output:
	// lasso (alpha 0.5), gaussian family, lambda = 0.5
	//
	//                  coef standardized
	// (Intercept) 27.867771
	// wt          -3.274857     -3.15384
	// hp          -0.023799     -1.60602
	// qsec         0.139280      0.24497
	// drat         1.046532      0.55075
	//
	// Objective: 5.752813925 after 112 coordinate-descent passes
}

func ExampleFormulaError() {
	mtcars := datasets.MustLoad("mtcars")
	_, err := models.OLS("mpg ~ wgt + hp", mtcars)
	fmt.Println(err)
	// Output:
	// unknown variable "wgt" in formula (did you mean "wt"?)
	//   mpg ~ wgt + hp
	//         ^^^
}
