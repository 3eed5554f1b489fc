package kernel

import (
	"reflect"
	"strings"
	"testing"
)

// TestMultiValueResults checks which results of a (value, error) call are
// shown: a nil error is not, a non-nil error hides nil values, and Display
// is never called on a nil pointer (QA Q1, Q6).
func TestMultiValueResults(t *testing.T) {
	s := newTestSession(t)
	tests := []struct {
		src      string
		displays []string
	}{
		{"kt.DispE(false)", []string{"model with 3 terms"}},
		{"kt.DispE(true)", []string{`unknown variable "hpp" in formula`}},
		{`strconv.Atoi("7")`, []string{"7"}},
		{`strconv.Atoi("x")`, []string{"0", `strconv.Atoi: parsing "x": invalid syntax`}},
		{"kt.NilPtr()", []string{"<nil *kernel.ptrDisplay>"}},
		{"func two() (int, int) { return 1, 2 }\ntwo()", []string{"1", "2"}},
		{"func pe() (*int, error) { return nil, nil }\npe()", []string{"<nil>"}},
		{"kt.Panicky()", []string{"cannot display the kernel.panicDisplay value: its Display method panicked: broken display"}},
		{"\"a\\nb\\n\"", []string{"a\nb"}},
		{`"one line"`, []string{`"one line"`}},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if r.Err != nil {
			t.Errorf("%q: error %v", tt.src, r.Err)
			continue
		}
		if got := texts(r); !reflect.DeepEqual(got, tt.displays) {
			t.Errorf("%q: displays %q, want %q", tt.src, got, tt.displays)
		}
		for _, d := range r.Displays {
			if strings.Contains(d.Text, "invalid memory address") {
				t.Errorf("%q: %q", tt.src, d.Text)
			}
		}
	}
}

// TestAssignmentMismatch checks that a := f() with a two-result f is Go's
// compile error, which yaegi does not report (QA Q12).
func TestAssignmentMismatch(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "f := kt.Frame()\nfunc two() (int, error) { return 1, nil }\nvar fv = func() (int, int) { return 1, 2 }")
	tests := []struct {
		src, msg, hint string // msg "" means no error
	}{
		{`a := strconv.Atoi("1")`, "assignment mismatch: 1 variable but strconv.Atoi returns 2 values", "write a, err := strconv.Atoi(…) and check err"},
		{`df := frame.ReadCSV("x.csv")`, "assignment mismatch: 1 variable but frame.ReadCSV returns 2 values", "write df, err := frame.ReadCSV(…) and check err"},
		{`cars := datasets.Load("mtcars")`, "assignment mismatch: 1 variable but datasets.Load returns 2 values", "or use datasets.MustLoad(…)"},
		{`d := kfix.DispE(false)`, "assignment mismatch: 1 variable but kfix.DispE returns 2 values", ""},
		{"x := two()", "assignment mismatch: 1 variable but two returns 2 values", ""},
		{"x := fv()", "assignment mismatch: 1 variable but fv returns 2 values", "assign every result"},
		{"var y = two()", "assignment mismatch: 1 variable but two returns 2 values", ""},
		{"n, m := f.NRows()", "assignment mismatch: 2 variables but f.NRows returns 1 value", ""},
		{"z := 1\nz, w := two()", "", ""},
		{"p, q := two()", "", ""},
		{"n := f.NRows()", "", ""},
		{"v := kfix.Compiled(\"x\")", "kfix.Compiled() (no value) used as value", ""},
		// f is redefined earlier in the cell: its old type is not trusted.
		{"f := two\nr, e := f()", "", ""},
		// a local variable named like a standard package (Q15).
		{"big := kt.Frame(); big.NRows()", "", ""},
		// two is redefined earlier in the cell with one result.
		{"func two() int { return 2 }\nq := two()", "", ""},
		{"func two() int { return 2 }\nq, e := two()", "assignment mismatch: 2 variables but two returns 1 value", ""},
		// A builtin struct type called as a function (models.LM for
		// models.OLS): yaegi fails with a reflect panic.
		{`m, err := models.LM("mpg ~ wt", f)`, "models.LM is a type, not a function", "functions that make a models.LM: models.OLS, models.OLSMatrix, models.OLSRows, models.WLS"},
		{`models.LM("mpg ~ wt", f)`, "models.LM is a type, not a function", "models.OLS"},
		{`fr := frame.Frame(f)`, "frame.Frame is a type, not a function", "frame."},
		// Conversions to non-struct types stay legal.
		{`d := time.Duration(5)`, "", ""},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if tt.msg == "" {
			if r.Err != nil {
				t.Errorf("%q: error %v", tt.src, r.Err)
			}
			continue
		}
		if r.Err == nil || r.Err.Message != tt.msg || r.Err.Line != 1 && !strings.Contains(tt.src, "\n") {
			t.Errorf("%q: error %+v, want %q", tt.src, r.Err, tt.msg)
			continue
		}
		if !strings.Contains(r.Err.Hint, tt.hint) {
			t.Errorf("%q: hint %q, want %q", tt.src, r.Err.Hint, tt.hint)
		}
	}
}

// TestBuiltinPanicsAndShortValues checks that a builtin's designed error
// panic reads as an error, not a crash (Q28), and that :vars shows a
// one-line summary of displays and multi-line strings (Q22).
func TestBuiltinPanicsAndShortValues(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, `cars := datasets.MustLoad("mtcars")`)
	errs := []struct{ src, msg string }{
		{`cars.Select("mpgg", "wt")`, `frame.Select: no column named "mpgg"; did you mean "mpg"?`},
		{`x := 2` + "\n" + `cars.Col("mpgg")`, `frame.Col: no column named "mpgg"`},
		{`panic(errors.New("mine"))`, "panic: mine"},
		{"import \"log\"\nlog.Fatal(\"bye\")", "log.Fatal: bye (the cell stopped and the session goes on)"},
	}
	for _, tt := range errs {
		r := eval(t, s, tt.src)
		if r.Err == nil || !strings.HasPrefix(r.Err.Message, tt.msg) {
			t.Errorf("%q: error %+v, want %q", tt.src, r.Err, tt.msg)
		}
	}
	if r := eval(t, s, "log.Printf(\"%d\", 1)\nlog.Fatalf(\"n=%d\", 3)"); r.Err == nil || !strings.HasPrefix(r.Err.Message, "log.Fatal: n=3") {
		t.Errorf("log.Fatalf: %+v", r.Err)
	}
	if r := eval(t, s, "x := 2\ncars.Col(\"mpgg\")"); r.Err == nil || r.Err.Line != 2 {
		t.Errorf("line of a builtin's panic: %+v, want line 2", r.Err)
	}
	eval(t, s, "d := kt.Disp()\nmulti := \"a\\nb\\nc\\n\"\nnp := kt.NilPtr()")
	want := map[string]string{"d": "shown at width 80", "multi": "3 lines of text", "np": "<nil>", "cars": "32×12 frame"}
	for _, v := range s.Vars() {
		if w, ok := want[v.Name]; ok && v.Value != w {
			t.Errorf("Vars %s = %q, want %q", v.Name, v.Value, w)
		}
	}
}

// TestIncompleteCell checks that a cell that ends mid-statement is
// reported at the end of the user's text, not at a wrapper's "}" (Q11).
func TestIncompleteCell(t *testing.T) {
	s := newTestSession(t)
	tests := []struct {
		src, msg  string
		line, col int
	}{
		{"y := 1 +", "unexpected end of cell after '+'", 1, 9},
		{"x := 1\n// c\ny := x +\n", "unexpected end of cell after '+'", 3, 9},
		{"f(1,", "unexpected end of cell after ','", 1, 5},
		{"func g() {\n\treturn", "unexpected end of cell after 'return': expected '}'", 2, 8},
		{"y := (1 + )", "expected operand, found ')'", 1, 11},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if r.Err == nil || r.Err.Message != tt.msg || r.Err.Line != tt.line || r.Err.Col != tt.col {
			t.Errorf("%q: error %+v, want %d:%d: %s", tt.src, r.Err, tt.line, tt.col, tt.msg)
		}
	}
}

// TestArgumentCount checks that yaegi's truncated "not enough arguments in
// call to" names the function and its parameters (Q14).
func TestArgumentCount(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "f := kt.Frame()\nfunc add(a, b int) int { return a + b }")
	tests := []struct{ src, msg string }{
		{"f.Col()", "not enough arguments in call to f.Col\n\twant (string)"},
		{"add(1)", "not enough arguments in call to add\n\twant (a, b int)"},
		{"x := 1\nstrings.Repeat(\"a\")", "not enough arguments in call to strings.Repeat\n\twant (string, int)"},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if r.Err == nil || r.Err.Message != tt.msg {
			t.Errorf("%q: error %+v, want %q", tt.src, r.Err, tt.msg)
		}
	}
}

// TestFloatSliceDisplay checks that float slices show R-like 7
// significant digits, not binary noise (Q2).
func TestFloatSliceDisplay(t *testing.T) {
	s := newTestSession(t)
	tests := []struct{ src, want string }{
		{"a, b := 0.1, 0.2\n[]float64{a + b, 13.600000000000001, 0.049999999999999996}", "[0.3 13.6 0.05]"},
		{"[]float64{1, 2.5, -3, 12345678, 1e20, 1.23456789e-10}", "[1 2.5 -3 1.2345678e+07 1e+20 1.234568e-10]"},
		{"z := 0.0\n[]float64{z / z, 1 / z, 3.14159265358979}", "[NaN +Inf 3.141593]"},
		{"[2]float32{0.5, 1.25}", "[0.5 1.25]"},
		{"make([]float64, 101)[99:]", "[0 0]"},
		{"make([]float64, 102)", "[" + strings.Repeat("0 ", 99) + "0 … (102 elements)]"},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if got := texts(r); r.Err != nil || len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: %v %q, want %q", tt.src, r.Err, got, tt.want)
		}
	}
}

// TestDocAliases checks help for unqualified names and R names (Q20).
func TestDocAliases(t *testing.T) {
	s := newTestSession(t)
	tests := []struct{ name, head string }{
		{"t.test", "t.test (R) → stats.TTest\n"},
		{"lm", "lm (R) → models.OLS\n"},
		{"read.csv", "read.csv (R) → frame.ReadCSV\n"},
		{"TTest", "TTest → stats.TTest\n"},
		{"GroupBy", "GroupBy → frame.Frame.GroupBy\n"},
	}
	for _, tt := range tests {
		d, ok := s.Doc(tt.name)
		if !ok || !strings.HasPrefix(d, tt.head) || len(d) < len(tt.head)+20 {
			t.Errorf("Doc(%q) = %v %q, want it to start with %q", tt.name, ok, d, tt.head)
		}
	}
	if d, ok := s.Doc("Mean"); !ok || !strings.Contains(d, "see also") {
		t.Errorf("Doc(Mean) = %v %q, want see also", ok, d)
	}
	if d, ok := s.Doc("mtcars"); !ok || !strings.HasPrefix(d, "data set mtcars: datasets.MustLoad(\"mtcars\")") {
		t.Errorf("Doc(mtcars) = %v %q", ok, d)
	}
	if _, ok := s.Doc("noSuchNameAnywhere"); ok {
		t.Error("Doc of an unknown name succeeded")
	}
	for alias, target := range RAliases {
		if _, ok := s.Doc(target); !ok {
			t.Errorf("R alias %s → %s: no doc for %s", alias, target, target)
		}
	}
}

// TestColumnCompletionForms checks column names complete in chained
// calls, formulas, expressions and frame arguments, data set names in
// datasets.Load and file names in frame.ReadCSV (Q8).
func TestColumnCompletionForms(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, `cars := datasets.MustLoad("mtcars")`)
	complete := func(src string) []string {
		items, start := s.Complete(src, len(src))
		var out []string
		for _, it := range items {
			out = append(out, src[:start]+it.Text)
		}
		return out
	}
	tests := []struct{ src, want string }{
		{`cars.Col("mp`, `cars.Col("mpg`},
		{`cars.GroupBy("cyl").Mean("mp`, `cars.GroupBy("cyl").Mean("mpg`},
		{`cars.Filter("mpg > 20 && c`, `cars.Filter("mpg > 20 && cyl`},
		{`models.OLS("mpg ~ w`, `models.OLS("mpg ~ wt`},
		{`models.OLS("mpg ~ wt + h`, `models.OLS("mpg ~ wt + hp`},
		{`plots.ScatterOf(cars, "w`, `plots.ScatterOf(cars, "wt`},
		{`d := datasets.MustLoad("mtc`, `d := datasets.MustLoad("mtcars`},
		{`f, err := frame.ReadCSV("testd`, `f, err := frame.ReadCSV("testdata/`},
	}
	for _, tt := range tests {
		got := complete(tt.src)
		found := false
		for _, g := range got {
			found = found || g == tt.want
		}
		if !found {
			t.Errorf("Complete(%q) = %q, want %q among them", tt.src, got, tt.want)
		}
	}
}

// TestLoopVarsHidden checks that a top-level loop's variable does not
// show in Vars, unless the cell also declares it at top level (Q16).
func TestLoopVarsHidden(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "sum := 0\nfor j := 0; j < 3; j++ { sum += j }\nfor k, w := range []int{1} { sum += k + w }")
	names := map[string]bool{}
	for _, v := range s.Vars() {
		names[v.Name] = true
	}
	if !names["sum"] || names["j"] || names["k"] || names["w"] {
		t.Errorf("Vars names %v, want sum without j, k, w", names)
	}
	eval(t, s, "j := 10")
	for _, v := range s.Vars() {
		names[v.Name] = true
	}
	if !names["j"] {
		t.Error("j declared at top level is hidden")
	}
}

// TestUndefinedNames checks that a misspelt package member or method is
// Go's "undefined" error with the closest existing name as a hint, not
// yaegi's "undefined selector <import path>.Name".
func TestUndefinedNames(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "f := kt.Frame()")
	for _, tt := range []struct{ src, msg, hint string }{
		{`x := models.OLSS("y ~ x", f)`, "undefined: models.OLSS", "did you mean models.OLS?"},
		{`x := math.Sqrtt(2)`, "undefined: math.Sqrtt", "did you mean math.Sqrt?"},
		{`var o models.PredictOptions`, "undefined: models.PredictOptions", "did you mean models.Prediction?"},
		{`f.Nrows()`, "f.Nrows undefined (type *kernel.testFrame has no field or method Nrows)", "did you mean f.NRows?"},
		{`models.Zzzzzzzz()`, "undefined: models.Zzzzzzzz", ":doc models"},
	} {
		r := eval(t, s, tt.src)
		if r.Err == nil || r.Err.Message != tt.msg || !strings.Contains(r.Err.Hint, tt.hint) {
			t.Errorf("%q: error %+v, want %q with hint %q", tt.src, r.Err, tt.msg, tt.hint)
		}
	}
}

// TestNilDereferenceHint checks that a nil-pointer panic names the nil
// session variable on the failing line (a failed call's nil result).
func TestNilDereferenceHint(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "var fr *frame.Frame\nn := 3")
	r := eval(t, s, "x := n + 1\ny := fr.NRows() + x")
	if r.Err == nil || !strings.Contains(r.Err.Message, "nil pointer dereference") || r.Err.Hint != "fr is nil: the call that made it probably failed; check the error it returned" {
		t.Fatalf("error %+v", r.Err)
	}
}
