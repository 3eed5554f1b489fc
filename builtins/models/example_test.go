package models_test

import (
	"fmt"

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
	// Multiple R-squared:  0.8374,  Adjusted R-squared:    0.82
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
