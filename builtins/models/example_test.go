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
}
