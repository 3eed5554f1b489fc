package models

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

func TestFormulaErrors(t *testing.T) {
	f := mtcars(t)
	cases := []struct{ formula, want string }{
		{"mpg ~ wgt + hp", "unknown variable \"wgt\" in formula (did you mean \"wt\"?)\n  mpg ~ wgt + hp\n        ^^^"},
		{"mpg wt", "expected '~' after the response"},
		{"mpg", "formula needs a '~'"},
		{"mpg ~ ", "nothing after '~'"},
		{"mpg ~ lg(hp)", "unknown function lg() in formula (did you mean log()?)"},
		{"mpg ~ wt + (hp", "expected ')'"},
		{"mpg ~ wt + hp^2", "for a power write I(hp^2)"},
		{"mpg ~ (wt + hp)^x", "the power of a term group must be a positive integer"},
		{"mpg ~ wt $ hp", "unexpected character '$'"},
		{"mpgg ~ wt", "did you mean \"mpg\""},
	}
	for _, c := range cases {
		_, err := OLS(c.formula, f)
		if err == nil {
			t.Errorf("%q: no error", c.formula)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error\n%v\nwant it to contain %q", c.formula, err, c.want)
		}
	}
}

func TestFormulaTerms(t *testing.T) {
	f := mtcars(t)
	cases := []struct{ formula, names string }{
		{"mpg ~ wt*hp", "(Intercept),wt,hp,wt:hp"},
		{"mpg ~ (wt + hp + qsec)^2", "(Intercept),wt,hp,qsec,wt:hp,wt:qsec,hp:qsec"},
		{"mpg ~ wt + hp - 1", "wt,hp"},
		{"mpg ~ 0 + factor(cyl)", "factor(cyl)4,factor(cyl)6,factor(cyl)8"},
		{"mpg ~ factor(cyl) + factor(am) - 1", "factor(cyl)4,factor(cyl)6,factor(cyl)8,factor(am)1"},
		{"mpg ~ wt:factor(am)", "(Intercept),wt:factor(am)0,wt:factor(am)1"},
		{"mpg ~ factor(cyl):factor(am)", "(Intercept),factor(cyl)4:factor(am)0,factor(cyl)6:factor(am)0,factor(cyl)8:factor(am)0,factor(cyl)4:factor(am)1,factor(cyl)6:factor(am)1,factor(cyl)8:factor(am)1"},
		{"log(mpg) ~ I(wt^2) + sqrt(hp)", "(Intercept),I(wt^2),sqrt(hp)"},
		{"mpg ~ . - model - disp - drat - qsec - vs - gear - carb - cyl", "(Intercept),hp,wt,am"},
		{"mpg ~ wt + wt", "(Intercept),wt"},
		{"mpg ~ 1", "(Intercept)"},
	}
	for _, c := range cases {
		m, err := OLS(c.formula, f)
		if err != nil {
			t.Errorf("%q: %v", c.formula, err)
			continue
		}
		if got := strings.Join(m.Names, ","); got != c.names {
			t.Errorf("%q: names %s, want %s", c.formula, got, c.names)
		}
	}
}

func TestStringAndBoolFactors(t *testing.T) {
	f := frame.New("y", []float64{1, 2, 3, 4, 5, 7}, "g", []string{"b", "a", "c", "a", "b", "c"}, "ok", []bool{true, false, true, false, true, true})
	m, err := OLS("y ~ g + ok", f)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Names, ","); got != "(Intercept),gb,gc,okTRUE" {
		t.Errorf("names %s", got)
	}
	// level order from the frame
	f2 := f.SetLevels("g", "c", "b", "a")
	m2, _ := OLS("y ~ g", f2)
	if got := strings.Join(m2.Names, ","); got != "(Intercept),gb,ga" {
		t.Errorf("names with explicit levels %s", got)
	}
	if _, err := OLS("y ~ g", nil); err == nil {
		t.Error("nil frame accepted")
	}
}
