package models

import "testing"

// TestDeparseFormula: a model's call and anova headings show the formula as
// R 4.2's deparse prints it in print(lm(...)) (values from R, e.g.
// deparse(mpg~wt*factor(am)-1) is "mpg ~ wt * factor(am) - 1").
func TestDeparseFormula(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mpg~wt*factor(am)-1", "mpg ~ wt * factor(am) - 1"},
		{"mpg ~ wt + I(2*wt) + hp", "mpg ~ wt + I(2 * wt) + hp"},
		{"mpg~(wt+hp+qsec)^2", "mpg ~ (wt + hp + qsec)^2"},
		{"mpg ~ poly(hp,2)+I(wt^2)+log(disp)", "mpg ~ poly(hp, 2) + I(wt^2) + log(disp)"},
		{"log(mpg)~wt:hp+0", "log(mpg) ~ wt:hp + 0"},
		{"mpg ~ . - disp", "mpg ~ . - disp"},
		{"cbind(am,1-am)~wt+offset(log(hp))", "cbind(am, 1 - am) ~ wt + offset(log(hp))"},
	} {
		pf, err := parseFormula(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if got := deparseFormula(pf, c.in); got != c.want {
			t.Errorf("deparse(%s) = %q, R %q", c.in, got, c.want)
		}
	}
}
