package models

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
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
		{"mpg = wt", "'=' is only allowed for named arguments"},
		{"mpg ~ poly(wt, 0)", "the degree of poly() must be a positive integer"},
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
		// checked against R 4.2.2's names(coef(lm(...)))
		{"mpg ~ factor(cyl)/wt", "(Intercept),factor(cyl)6,factor(cyl)8,factor(cyl)4:wt,factor(cyl)6:wt,factor(cyl)8:wt"},
		{"mpg ~ wt:hp + factor(am):factor(vs)", "(Intercept),wt:hp,factor(am)0:factor(vs)0,factor(am)1:factor(vs)0,factor(am)0:factor(vs)1,factor(am)1:factor(vs)1"},
		{"mpg ~ 0 + factor(am) + factor(vs)", "factor(am)0,factor(am)1,factor(vs)1"},
		{"mpg ~ hp + factor(am):wt", "(Intercept),hp,factor(am)0:wt,factor(am)1:wt"},
		// deparsed as R writes them, whatever the spacing typed
		{"mpg ~ log( hp ) + I(wt*2) + poly(qsec,2,raw=TRUE)", "(Intercept),log(hp),I(wt * 2),poly(qsec, 2, raw = TRUE)1,poly(qsec, 2, raw = TRUE)2"},
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

func TestBadData(t *testing.T) {
	f := frame.New("y", []float64{1, 2, 3, 4, 5}, "x", []float64{0, 1, 2, 3, 4}, "g", []string{"a", "b", "a", "b", "c"})
	cases := []struct{ formula, want string }{
		{"y ~ log(x)", "log(x) is -Inf at row 1"},
		{"g ~ x", "the response g is categorical"},
	}
	for _, c := range cases {
		_, err := OLS(c.formula, f)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.formula, err, c.want)
		}
	}
	m, err := OLS("y ~ x + g", f)
	if err != nil {
		t.Fatal(err)
	}
	nd := frame.New("x", []float64{1}, "g", []string{"z"})
	if _, err := m.Predict(nd, "none", 0); err == nil || !strings.Contains(err.Error(), `new level "z"`) {
		t.Errorf("unseen level: %v", err)
	}
	nd2 := frame.New("x", []float64{1})
	if _, err := m.Predict(nd2, "none", 0); err == nil || !strings.Contains(err.Error(), `unknown variable "g"`) {
		t.Errorf("missing column: %v", err)
	}
	if _, err := GLM("y ~ x", f, Binomial("logit")); err == nil || !strings.Contains(err.Error(), "binomial response must be in [0, 1]") {
		t.Errorf("binomial y: %v", err)
	}
	if _, err := GLM("y ~ x", f, Binomial("probitt")); err == nil || !strings.Contains(err.Error(), "not available") {
		t.Errorf("bad link: %v", err)
	}
	if _, err := WLS("y ~ x", f, []float64{1, 1}); err == nil {
		t.Error("short weights accepted")
	}
	fit, err := NLSFormula("y ~ a*exp(b*x)", f, map[string]float64{"a": 1})
	if err == nil || fit != nil || !strings.Contains(err.Error(), `"b" is neither a column nor a parameter`) {
		t.Errorf("missing start: %v", err)
	}
	// too few iterations: an honest failure with the partial fit
	x := []float64{50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 125}
	y := []float64{34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872}
	part, err := NLSCurve(func(x float64, b []float64) float64 { return b[0] * math.Exp(b[1]/(x+b[2])) }, x, y, []float64{2, 400000, 25000}, &NLSOptions{MaxIter: 5})
	var ce *ConvergenceError
	if !errors.As(err, &ce) || part == nil || part.Converged || !strings.Contains(part.String(), "Algorithm did not converge") {
		t.Errorf("want a ConvergenceError with the partial fit, got %v", err)
	}
}

func TestSaturatedModel(t *testing.T) {
	m, err := OLS("y ~ x", frame.New("y", []float64{1, 3}, "x", []float64{0, 1}))
	if err != nil {
		t.Fatal(err)
	}
	s := m.String()
	for _, want := range []string{"ALL 2 residuals are 0: no residual degrees of freedom!", "Residual standard error: NaN on 0 degrees of freedom", "(Intercept)        1        NaN"} {
		if !strings.Contains(s, want) {
			t.Errorf("saturated summary lacks %q:\n%s", want, s)
		}
	}
}

func TestTidy(t *testing.T) {
	m := MustOLS("mpg ~ wt + hp", mtcars(t))
	f := m.Tidy()
	if f.NRows() != 3 || strings.Join(f.Names(), ",") != "term,estimate,std_error,statistic,p_value" {
		t.Fatalf("tidy frame %v", f.Names())
	}
	if got := f.Col("estimate")[1]; got != m.Coef[1] {
		t.Errorf("estimate %g, want %g", got, m.Coef[1])
	}
}

func TestASCIIDisplay(t *testing.T) {
	f := mtcars(t)
	m := MustOLS("mpg ~ wt + factor(cyl)", f)
	g, _ := GLM("am ~ wt + hp", f, Binomial("logit"))
	cv, _ := LassoCV("mpg ~ wt + hp + qsec", f, 5)
	for _, d := range []display.Displayer{m, g, cv, m.Anova(), m.Diagnose(), m.ConfInt(0.9)} {
		s := d.Display(display.Options{Width: 80}).Text
		for _, r := range s {
			if r > 127 {
				t.Errorf("non-ASCII %q in ASCII display:\n%s", r, s)
				break
			}
		}
	}
}

func TestUnusedLevelsDropped(t *testing.T) {
	f := frame.New("y", []float64{1, 2, 3, 4, 5, 6}, "g", []string{"a", "b", "a", "b", "c", "c"}, "x", []float64{1, 2, 3, 4, math.NaN(), math.NaN()})
	m, err := OLS("y ~ g + x", f) // rows with g = "c" are dropped for missing x
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Names, ","); got != "(Intercept),gb,x" {
		t.Errorf("names %s, want level c dropped as R does", got)
	}
	if m.NDropped != 2 {
		t.Errorf("dropped %d", m.NDropped)
	}
}

// TestInOperator: a %in% b is the interaction a:b, as in R:
// lm(breaks ~ wool + tension %in% wool) has woolB, woolA:tensionM, …
// and lm(mpg ~ wt %in% factor(am)) has wt:factor(am)0, wt:factor(am)1.
func TestInOperator(t *testing.T) {
	m, err := OLS("breaks ~ wool + tension %in% wool", loadDS(t, "warpbreaks"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Names, ","); got != "(Intercept),woolB,woolA:tensionM,woolB:tensionM,woolA:tensionH,woolB:tensionH" {
		t.Errorf("names %s", got)
	}
	m, err = OLS("mpg ~ wt %in% factor(am)", loadDS(t, "mtcars"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Names, ","); got != "(Intercept),wt:factor(am)0,wt:factor(am)1" {
		t.Errorf("names %s", got)
	}
	if _, err := OLS("mpg ~ wt %o% hp", loadDS(t, "mtcars")); err == nil {
		t.Errorf("the unknown operator %%o%% was accepted")
	}
}
