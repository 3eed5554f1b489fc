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

// TestFormatLevelR: numbers in names and numeric factor levels are written
// as R 4.2's as.character writes them.
func TestFormatLevelR(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{100000, "1e+05"}, {1e6, "1e+06"}, {0.001, "0.001"}, {1e-4, "1e-04"}, {123456, "123456"},
		{2.5e-7, "2.5e-07"}, {1.0 / 3, "0.333333333333333"}, {1e15, "1e+15"}, {1e16, "1e+16"},
		{-1e5, "-1e+05"}, {0.1 + 0.2, "0.3"}, {4, "4"}, {6.5, "6.5"},
	} {
		if got := formatLevel(c.v); got != c.want {
			t.Errorf("formatLevel(%v) = %q, R %q", c.v, got, c.want)
		}
	}
	pf, _ := parseFormula("y ~ I(x/1e6) + I(100000)")
	if got := deparseFormula(pf, ""); got != "y ~ I(x/1e+06) + I(1e+05)" {
		t.Errorf("deparse %q, R %q", got, "y ~ I(x/1e+06) + I(1e+05)")
	}
}
