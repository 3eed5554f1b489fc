package kernel

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/display"
)

// testFrame is a compiled value with the frame-like methods the kernel
// looks for (Names for column completion, NRows for Vars).
type testFrame struct{ cols []string }

func (f *testFrame) Names() []string { return f.cols }
func (f *testFrame) NRows() int      { return 32 }
func (f *testFrame) Col(name string) []float64 {
	return []float64{1, 2}
}

// testDisplay implements display.Displayer.
type testDisplay struct{}

func (testDisplay) Display(o display.Options) display.Bundle {
	return display.Bundle{Kind: "test", Text: fmt.Sprintf("shown at width %d", o.Width)}
}

// ptrDisplay is a Displayer that dereferences its receiver (not nil-safe).
type ptrDisplay struct{ n int }

func (p *ptrDisplay) Display(o display.Options) display.Bundle {
	return display.Text("test", fmt.Sprintf("model with %d terms", p.n))
}

// panicDisplay is a Displayer whose Display panics.
type panicDisplay struct{}

func (panicDisplay) Display(o display.Options) display.Bundle { panic("broken display") }

func newTestSession(t testing.TB) *Session {
	t.Helper()
	s, err := NewSession(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	// Compiled helpers for tests, imported as kt.
	err = s.in.Use(interp.Exports{"ktest/kt": {
		"Compiled":  reflect.ValueOf(func(msg string) { fmt.Println(msg) }),
		"CompiledE": reflect.ValueOf(func(msg string) { fmt.Fprintln(os.Stderr, msg) }),
		"Show":      reflect.ValueOf(func(text string) { cell.Show(display.Text("test", text)) }),
		"Progress":  reflect.ValueOf(func() { cell.Progress("work", 1, 2) }),
		"Width":     reflect.ValueOf(func() int { return cell.Options().Width }),
		"Frame":     reflect.ValueOf(func() *testFrame { return &testFrame{cols: []string{"mpg", "cyl", "disp"}} }),
		"Disp":      reflect.ValueOf(func() testDisplay { return testDisplay{} }),
		"DispE": reflect.ValueOf(func(fail bool) (*ptrDisplay, error) {
			if fail {
				return nil, errors.New("unknown variable \"hpp\" in formula")
			}
			return &ptrDisplay{n: 3}, nil
		}),
		"Panicky": reflect.ValueOf(func() panicDisplay { return panicDisplay{} }),
		"NilPtr":  reflect.ValueOf(func() *ptrDisplay { return nil }),
		// Block is a compiled call that ignores interrupts.
		"Block": reflect.ValueOf(func(ms int) { time.Sleep(time.Duration(ms) * time.Millisecond) }),
		"Ctx":   reflect.ValueOf(func() error { <-cell.Context().Done(); return cell.Context().Err() }),
		// Poll works like a long builtin: it checks cell.Context() every
		// 50 ms (for at most 10 s).
		"Poll": reflect.ValueOf(func() error {
			for i := 0; i < 200; i++ {
				if err := cell.Context().Err(); err != nil {
					return err
				}
				time.Sleep(50 * time.Millisecond)
			}
			return nil
		}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	// The same under an import path whose last element is the package
	// name, as in the real symbol tables.
	err = s.in.Use(interp.Exports{"kfix/kfix": {
		"DispE":    s.in.Symbols("ktest")["ktest"]["DispE"],
		"Compiled": s.in.Symbols("ktest")["ktest"]["Compiled"],
	}})
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Eval(context.Background(), "import \"ktest\"\nimport \"kfix\"", nil); r.Err != nil {
		t.Fatal(r.Err)
	}
	return s
}

func eval(t testing.TB, s *Session, src string) Result {
	t.Helper()
	return s.Eval(context.Background(), src, nil)
}

func texts(r Result) []string {
	var out []string
	for _, d := range r.Displays {
		out = append(out, d.Text)
	}
	return out
}

func TestEvalDisplays(t *testing.T) {
	s := newTestSession(t)
	tests := []struct {
		src      string
		out      string
		displays []string
	}{
		{"1+1", "", []string{"2"}},
		{"x := 1", "", nil},
		{"x", "", []string{"1"}},
		{"x = 5; x * 2", "", []string{"10"}},
		{"func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }; fib(20)", "", []string{"6765"}},
		{"func sq(x float64) float64 { return x * x }\nsq(1.5)", "", []string{"2.25"}},
		{`strconv.Atoi("12x")`, "", []string{"0", `strconv.Atoi: parsing "12x": invalid syntax`}},
		{`strconv.Atoi("12")`, "", []string{"12"}},
		{`fmt.Println("p")`, "p\n", nil},
		{`fmt.Printf("%d\n", 3)`, "3\n", nil},
		{"func v() {}\nv()", "", nil},
		{`"hi"`, "", []string{`"hi"`}},
		{"0.1 + 0.2", "", []string{"0.3"}}, // constant arithmetic is exact, as in Go
		{"a, b := 0.1, 0.2\na + b", "", []string{"0.30000000000000004"}},
		{"math.Sqrt(2)", "", []string{"1.4142135623730951"}},
		{"[]int{1, 2, 3}", "", []string{"[1 2 3]"}},
		{"type P struct{ A int; B string }\nP{1, \"x\"}", "", []string{"{A:1 B:x}"}},
		{"&P{2, \"y\"}", "", []string{"&{A:2 B:y}"}},
		{"map[string]int{\"a\": 1}", "", []string{"map[a:1]"}},
		{"var e error\ne", "", []string{"<nil>"}},
		{`errors.New("bad")`, "", []string{"bad"}},
		{"time.Duration(1500) * time.Millisecond", "", []string{"1.5s"}},
		{"kt.Disp()", "", []string{"shown at width 80"}},
		{"const K = 3\nvar V = K * 2", "", nil},
		{"V", "", []string{"6"}},
		{"for i := 0; i < 2; i++ { fmt.Print(i) }", "01", nil},
		{"if x > 1 { fmt.Println(\"big\") } else { fmt.Println(\"small\") }", "big\n", nil},
		{"func() int { return 5 }()", "", []string{"5"}},
		{"nil", "", []string{"<nil>"}},
		{"os.Stdin.Name()", "", []string{`"/dev/null"`}},
		{"var word string\nn, err := fmt.Scan(&word)\nfmt.Sprint(n, err != nil)", "", []string{`"0 true"`}},
		// x is a global here: yaegi needs these as statements.
		{"type Op func(float64) float64\nvar dbl Op = func(x float64) float64 { return 2 * x }\ndbl(4)", "", []string{"8"}},
		{"var k = func() int { x := 5; return x }\nk()", "", []string{"5"}},
		{"var total float64\nvar add = func(v float64) { total += v }\nadd(2)\nadd(3)\ntotal", "", []string{"5"}},
		{"const N = 3\ntype Arr [N]int\nvar arr Arr\nlen(arr)", "", []string{"3"}},
		{"strings.ToUpper", "", []string{"func(string) string"}},
		{"sq", "", []string{"func(float64) float64"}},
		{"make(chan int, 3)", "", []string{"chan int (len 0, cap 3)"}},
		{"// just a comment", "", nil},
		{"", "", nil},
		{"make([]int, 150)", "", []string{"[" + strings.Repeat("0 ", 99) + "0 … (150 elements)]"}},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if r.Err != nil {
			t.Errorf("%q: error %v", tt.src, r.Err)
			continue
		}
		if r.Output != tt.out {
			t.Errorf("%q: output %q, want %q", tt.src, r.Output, tt.out)
		}
		if got := texts(r); !reflect.DeepEqual(got, tt.displays) {
			t.Errorf("%q: displays %q, want %q", tt.src, got, tt.displays)
		}
	}
}

func TestStatePersistsAndRedefinition(t *testing.T) {
	s := newTestSession(t)
	steps := []struct {
		src, want string // want: first display, or "error:<substring>"
	}{
		{"y := 42", ""},
		{"y", "42"},
		{`y := "str"`, ""},
		{"y", `"str"`},
		{"func f() int { return 1 }", ""},
		{"f()", "1"},
		{"func f() int { return 2 }", ""},
		{"f()", "2"},
		{"type T struct{ A int }", ""},
		{"type T struct{ A int }", ""}, // the same definition again is fine
		{"type T struct{ B string }", "error:type T is already defined"},
		{"T{A: 3}", "{A:3}"},
		{"func (t T) Double() int { return 2 * t.A }", ""},
		{"T{A: 4}.Double()", "8"},
		{"z := 7\nfunc getZ() int { return z }\ngetZ()", "7"},
		{"func stats(xs []float64) float64 { return xs[0] }", "error:stats is the name of the imported package"},
		{"var strings = 3", "error:strings is the name of the imported package"},
	}
	for _, st := range steps {
		r := eval(t, s, st.src)
		switch {
		case strings.HasPrefix(st.want, "error:"):
			if r.Err == nil || !strings.Contains(r.Err.Message, strings.TrimPrefix(st.want, "error:")) {
				t.Errorf("%q: err %v, want %q", st.src, r.Err, st.want)
			}
		case r.Err != nil:
			t.Errorf("%q: error %v", st.src, r.Err)
		case st.want == "" && len(r.Displays) != 0:
			t.Errorf("%q: displays %q, want none", st.src, texts(r))
		case st.want != "" && (len(r.Displays) == 0 || r.Displays[0].Text != st.want):
			t.Errorf("%q: displays %q, want %q", st.src, texts(r), st.want)
		}
	}
}

func TestRedefinedFunctionWarning(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "func base() int { return 1 }\nfunc user() int { return base() + 1 }")
	r := eval(t, s, "func base() int { return 10 }")
	if r.Err != nil || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "user, defined earlier, still call the old base") {
		t.Fatalf("warnings %q, err %v", r.Warnings, r.Err)
	}
	if r := eval(t, s, "func other() int { return 3 }"); len(r.Warnings) != 0 {
		t.Errorf("new function warned: %q", r.Warnings)
	}
	// Declaring a global again with := keeps functions that use it in
	// step (it runs as an assignment) …
	eval(t, s, "rate := 2.5\nfunc scaled(v float64) float64 { return v * rate }")
	r = eval(t, s, "rate := 4.0\nscaled(1)")
	if r.Err != nil || len(r.Warnings) != 0 || texts(r)[0] != "4" {
		t.Errorf("redeclared variable: %q %q %v", texts(r), r.Warnings, r.Err)
	}
	// … unless its type changes: then the functions keep the old one,
	// and a warning says so.
	r = eval(t, s, "rate := \"high\"\nrate")
	if r.Err != nil || texts(r)[0] != `"high"` || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "scaled, defined earlier, still use the old one") {
		t.Errorf("retyped variable: %q %q %v", texts(r), r.Warnings, r.Err)
	}
	if r := eval(t, s, "scaled(1)"); r.Err != nil || texts(r)[0] != "4" {
		t.Errorf("old binding: %q %v", texts(r), r.Err)
	}
	// The same for a var declared in the function's own cell.
	eval(t, s, "var factor = 2.0\nfunc twice(v float64) float64 { return v * factor }")
	if r := eval(t, s, "factor := 3.0\ntwice(1)"); r.Err != nil || texts(r)[0] != "3" {
		t.Errorf("same-cell var: %q %q %v", texts(r), r.Warnings, r.Err)
	}
}

func TestNoRerun(t *testing.T) {
	s := newTestSession(t)
	r := eval(t, s, `func() { fmt.Println("ran") }()`)
	if r.Output != "ran\n" || r.Err != nil {
		t.Fatalf("literal: %q %v", r.Output, r.Err)
	}
	r = eval(t, s, "func main() { fmt.Println(\"main\") }")
	if r.Err == nil || r.Err.Kind != Compile || !strings.Contains(r.Err.Message, "func main") || r.Err.Line != 1 || r.Err.Col != 6 {
		t.Fatalf("func main: %+v", r.Err)
	}
	r = eval(t, s, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n")
	if r.Err == nil || !strings.Contains(r.Err.Message, "func main") || r.Err.Line != 5 || r.Err.Hint == "" {
		t.Fatalf("pasted file: %+v", r.Err)
	}
	for i := 0; i < 2; i++ {
		r = eval(t, s, "1")
		if r.Output != "" || r.Err != nil {
			t.Fatalf("later cell re-ran earlier code: %q %v", r.Output, r.Err)
		}
	}
}

func TestErrorPositions(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "xs := []int{1, 2}")
	tests := []struct {
		src       string
		kind      ErrorKind
		line, col int
		msg       string
	}{
		{"x := )", Syntax, 1, 6, "expected operand"},
		{"a := 1\nb := 2 + )", Syntax, 2, 10, "expected operand"},
		{"s := \"unterminated", Syntax, 1, 6, "string literal not terminated"},
		{"func() { x := }()", Syntax, 1, 15, "expected operand"},
		{"x := 1\nfunc f( { }", Syntax, 2, 9, "expected ')'"},
		{"type T struct { A int B int }", Syntax, 1, 23, "expected ';'"},
		{"undefinedThing", Compile, 1, 1, "undefined: undefinedThing"},
		{"undefinedThing()\nfmt.Println(1)", Compile, 1, 1, "undefined: undefinedThing"},
		{"a := 1\n  b := undefinedThing + a", Compile, 2, 8, "undefined: undefinedThing"},
		{"func g() int {\n\treturn nope\n}", Compile, 2, 9, "undefined: nope"},
		{"q := 1\nq + \"s\"", Compile, 2, 1, ""},
		{"xs[5]", Runtime, 1, 1, "index out of range"},
		{"ys := xs[4]", Runtime, 1, 7, "index out of range"},
		// yaegi reports this panic at the wrapper, not the statement:
		// the position is unknown rather than wrong.
		{"i := 1\nys := xs[i+4]", Runtime, 0, 0, "index out of range"},
		{"var m map[string]int\nm[\"a\"] = 1", Runtime, 2, 1, "nil map"},
		{"func bad(n int) int { return 10 / n }\nbad(0)", Runtime, 1, 30, "divide by zero"},
		{`panic("boom")`, Runtime, 1, 1, "panic: boom"},
		{`panic(fmt.Errorf("wrapped"))`, Runtime, 1, 7, "panic: wrapped"},
		{"os.Exit(3)", Runtime, 1, 1, "os.Exit(3)"},
		{"var np *int\n*np", Runtime, 2, 1, "nil pointer dereference"},
		// Positions stay exact on lines the kernel rewrote.
		{"go func() { undefinedX() }()", Compile, 1, 13, "undefined: undefinedX"},
		{"for i := range 3 { _ = i + undefinedY }", Compile, 1, 28, "undefined: undefinedY"},
		{"z := min(1, 2) + undefinedZ", Compile, 1, 18, "undefined: undefinedZ"},
		{"func h() {\n\tgo fmt.Println(nope)\n}", Compile, 2, 17, "undefined: nope"},
		{"x1 := 1\nx1 + undefinedW", Compile, 2, 6, "undefined: undefinedW"},
		{"label:\n\tfor {\n\t\tbreak label\n\t}\nundefinedV", Compile, 5, 1, "undefined: undefinedV"},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		e := r.Err
		if e == nil {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		if e.Kind != tt.kind || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Message, tt.msg) {
			t.Errorf("%q: got %s %d:%d %q, want %s %d:%d %q", tt.src, e.Kind, e.Line, e.Col, e.Message, tt.kind, tt.line, tt.col, tt.msg)
		}
	}
	// The session goes on after every failure.
	if r := eval(t, s, "1+1"); r.Err != nil || texts(r)[0] != "2" {
		t.Fatalf("after errors: %v %q", r.Err, texts(r))
	}
}

func TestRuntimeStack(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "func inner(xs []int) int { return xs[3] }")
	eval(t, s, "func outer() int {\n\treturn inner(nil)\n}")
	r := eval(t, s, "a := 1\nouter()")
	if r.Err == nil || r.Err.Kind != Runtime {
		t.Fatalf("err %v", r.Err)
	}
	if r.Err.Line != 2 || r.Err.Col != 1 {
		t.Errorf("position %d:%d, want 2:1", r.Err.Line, r.Err.Col)
	}
	for _, want := range []string{"in inner (cell 2, line 1:35)", "in outer (cell 3, line 2:9)", "at line 2:1"} {
		if !strings.Contains(r.Err.Stack, want) {
			t.Errorf("stack %q lacks %q", r.Err.Stack, want)
		}
	}
	// A panic in the cell's own code: the position says it all.
	r = eval(t, s, "var xs []int\n_ = xs[1]")
	if r.Err == nil || r.Err.Stack != "" {
		t.Errorf("single-frame stack: %+v", r.Err)
	}
	// A function of the same cell.
	r = eval(t, s, "func same() { panic(\"here\") }\nsame()")
	if r.Err == nil || !strings.Contains(r.Err.Stack, "in same (line 1:15)") || r.Err.Line != 1 || r.Err.Col != 15 {
		t.Errorf("same-cell function: %+v", r.Err)
	}
}

func TestFeatures(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "xs := []float64{3, 1, 2}\nn := 3\nm := map[string]int{\"a\": 1}\nvar a any = 2.5\nch := make(chan int, 1)")
	tests := []struct {
		src  string
		want string // displays joined by "|", or "unsupported:<substring>"
	}{
		{"t := 0\nfor i := range 3 { t += i }\nt", "3"},
		{"t := 0\nfor i := range n { t += i }\nt", "3"},
		{"t := 0\nfor i := range len(xs) { t += i }\nt", "3"},
		{"c := 0\nfor range 4 { c++ }\nc", "4"},
		// Go 1.22 loop variables: each iteration's closure sees its own.
		{"fs := []func() int{}\nfor i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\nfs[0]() + fs[1]()*10 + fs[2]()*100", "210"},
		{"gs := []func() int{}\nfor _, v := range []int{1, 2, 3} { gs = append(gs, func() int { return v }) }\ngs[0]() + gs[1]()*10 + gs[2]()*100", "321"},
		{"hs := []func() int{}\nfor i := range 3 { i := i; hs = append(hs, func() int { return i }) }\nhs[0]() + hs[1]()*10 + hs[2]()*100", "210"},
		{"func mk() int { ks := []func() int{}; for i := range 3 { ks = append(ks, func() int { return i }) }; return ks[0]() + ks[1]()*10 + ks[2]()*100 }\nmk()", "210"},
		{"sq := make([]int, 3)\ndone := make(chan bool)\nfor i := range 3 {\n\tgo func() { sq[i] = i * i; done <- true }()\n}\nfor range 3 {\n\t<-done\n}\nsq", "[0 1 4]"},
		{"skip := []func() int{}\nfor i := 0; i < 6; i++ { if i%2 == 0 { i++ }; skip = append(skip, func() int { return i }) }\nlen(skip)", "3"},
		{"func cnt(k int) int { c := 0; for i := range k { c += i }; return c }\ncnt(4)", "6"},
		{"func cnt2(k int64) int64 { c := int64(0); for i := range k { c += int64(i) }; return c }\ncnt2(4)", "6"},
		{"for x := range func(yield func(int) bool) {} { _ = x }", "unsupported:range over a function"},
		{"min(1, 2.5)", "1"},
		{"max(1, 2.5, -3)", "2.5"},
		{"mi := min(3, 1, 2)\nmi + 1", "2"},
		{"max(xs[0], xs[1])", "3"},
		{`min("b", "a")`, `"a"`},
		{"min(math.NaN(), 1)", "NaN"},
		{"func big(p, q int) int { return max(p, q) }\nbig(2, 9)", "9"},
		{"m2 := map[int]int{1: 2}\nclear(m2)\nlen(m2)", "0"},
		{"ys := []int{1, 2}\nclear(ys)\nys", "[0 0]"},
		{"v, ok := m[\"a\"]\nfmt.Sprint(v, ok)", `"1 true"`},
		{"v2, ok2 := m[\"zz\"]\nfmt.Sprint(v2, ok2)", `"0 false"`},
		{"f, okf := a.(float64)\nfmt.Sprint(f, okf)", `"2.5 true"`},
		{"s, oks := a.(string)\nfmt.Sprintf(\"%q %v\", s, oks)", `"\"\" false"`},
		{"r, okr := <-ch", "unsupported:comma-ok receive"},
		{"if v, ok := m[\"a\"]; ok { fmt.Sprint(v) }\n\"done\"", `"done"`},
		{"got := 0\nif f, ok := a.(float64); ok { got = int(f * 2) }\ngot", "5"},
		{"kind := \"\"\nswitch x := a.(type) {\ncase float64:\n\tkind = fmt.Sprint(\"float \", x)\n}\nkind", `"float 2.5"`},
		{"ch <- 4\nrecv := 0\nif v, ok := <-ch; ok { recv = v }\nrecv", "4"},
		{"cnt := 0\nfor i := 0; i < 2; i++ { if _, ok := m[\"a\"]; ok { cnt++ } }\ncnt", "2"},
		{"var w, okw = m[\"a\"]", "unsupported:comma-ok in a top-level var"},
		{"k, okk := m[strings.ToLower(\"A\")]", "unsupported:computed key"},
		{"func lookup() bool { _, ok := m[\"a\"]; return ok }\nlookup()", "true"},
		{"func Map[T, U any](s []T, f func(T) U) []U { var r []U; for _, v := range s { r = append(r, f(v)) }; return r }", ""},
		{"Map([]int{1}, func(i int) float64 { return float64(i) })", "unsupported:inferring the 2 type parameters of Map"},
		{"Map[int, float64]([]int{1}, func(i int) float64 { return float64(i) / 2 })", "[0.5]"},
		{"func Rev[T any](s []T) []T { return s }", ""},
		{"rv := Rev([]int{1})", "unsupported:generic function's result"},
		{"Rev([]int{1})", "[1]"},
		{"type C struct{ N int }\nfunc (c C) Get() int { return c.N }", ""},
		{"g := C.Get", "unsupported:method expression"},
		{"C.Get(C{3})", "3"},
		{"import \"slices\"", ""},
		{"slices.Sort(xs)", "unsupported:slices.Sort"},
		{"slices.Contains(xs, 2.0)", "true"},
		{"import \"maps\"", ""},
		{"maps.Keys(m)", "unsupported:maps.Keys"},
		{"import \"iter\"", "unsupported:package iter"},
		{"defer fmt.Println(\"d\")", "unsupported:defer at the top level"},
		{"for i := 0; i < 1; i++ { defer fmt.Println(i) }", "unsupported:defer at the top level"},
		{"func() { defer fmt.Sprint(\"ok\") }()\n\"no defer leaked\"", `"no defer leaked"`},
		{"type MyErr struct{ Msg string }\nfunc (e MyErr) Error() string { return e.Msg }", ""},
		{"var e error = MyErr{\"custom\"}\ne.Error()", `"custom"`},
		{"e2 := error(MyErr{\"two\"})\ne2.Error()", `"two"`},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if strings.HasPrefix(tt.want, "unsupported:") {
			if r.Err == nil || r.Err.Kind != Unsupported || !strings.Contains(r.Err.Message, strings.TrimPrefix(tt.want, "unsupported:")) || r.Err.Hint == "" {
				t.Errorf("%q: err %+v, want %s with a hint", tt.src, r.Err, tt.want)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("%q: error %v", tt.src, r.Err)
			continue
		}
		if got := strings.Join(texts(r), "|"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestNilTypeIsExplained(t *testing.T) {
	s := newTestSession(t)
	// k's type is not visible to the kernel, so the range is not rewritten;
	// yaegi fails with "nil type" and the kernel names the feature.
	r := eval(t, s, "type Cfg struct{ N int }\nfunc count(cfg Cfg) int {\n\tc := 0\n\tfor i := range cfg.N {\n\t\tc += i\n\t}\n\treturn c\n}")
	if r.Err == nil || r.Err.Kind != Unsupported || !strings.Contains(r.Err.Message, "range over an int") || r.Err.Line != 4 {
		t.Fatalf("got %+v", r.Err)
	}
	if r := eval(t, s, "2*3"); r.Err != nil || texts(r)[0] != "6" {
		t.Fatalf("after: %v", r.Err)
	}
}

func TestOutputCapture(t *testing.T) {
	s := newTestSession(t)
	r := eval(t, s, `fmt.Println("a"); kt.Compiled("b"); fmt.Fprintln(os.Stderr, "c"); kt.CompiledE("d"); fmt.Fprint(os.Stdout, "e\n"); println("f")`)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if want := "a\nb\nc\nd\ne\nf\n"; r.Output != want {
		t.Errorf("output %q, want %q", r.Output, want)
	}
	if os.Stdout.Name() == "|1" {
		t.Error("os.Stdout left redirected")
	}
	var events []Event
	r = s.Eval(context.Background(), `fmt.Println("one"); kt.Show("disp"); kt.Progress(); kt.Compiled("two"); 42`, func(e Event) { events = append(events, e) })
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var kinds []string
	for _, e := range events {
		switch e.Kind {
		case OutputEvent:
			kinds = append(kinds, "out:"+e.Text)
		case DisplayEvent:
			kinds = append(kinds, "display:"+e.Display.Text)
		case ProgressEvent:
			kinds = append(kinds, fmt.Sprintf("progress:%s %d/%d", e.Text, e.Done, e.Total))
		}
	}
	want := []string{"out:one\n", "display:disp", "progress:work 1/2", "out:two\n", "display:42"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("events %q, want %q", kinds, want)
	}
	if got := texts(r); !reflect.DeepEqual(got, []string{"disp", "42"}) {
		t.Errorf("displays %q", got)
	}
	// Recorded text keeps the order the cell produced things in.
	if r.Text() != "one\ndisp\ntwo\n42\n" {
		t.Errorf("Text %q", r.Text())
	}
	if !reflect.DeepEqual(r.DisplayAt, []int{4, 8}) {
		t.Errorf("DisplayAt %v, want [4 8]", r.DisplayAt)
	}
}

// settle adds the output and warnings of further (empty) cells to r's
// until done holds or 5 s pass: goroutines run on their own schedule.
func settle(t *testing.T, s *Session, r Result, done func(out string, warns []string) bool) (string, []string) {
	t.Helper()
	out, warns := r.Output, r.Warnings
	for deadline := time.Now().Add(5 * time.Second); !done(out, warns) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		r := eval(t, s, "")
		out += r.Output
		warns = append(warns, r.Warnings...)
	}
	return out, warns
}

func TestLateGoroutineOutput(t *testing.T) {
	s := newTestSession(t)
	r := eval(t, s, `done := make(chan bool)
go func() { <-done; fmt.Println("late") }()`)
	if r.Err != nil || r.Output != "" {
		t.Fatal(r.Err, r.Output)
	}
	r = eval(t, s, "done <- true")
	if out, _ := settle(t, s, r, func(out string, _ []string) bool { return out != "" }); out != "late\n" {
		t.Fatalf("got %q", out)
	}
	// Printed between cells: delivered with a later result, never lost
	// and never on the terminal.
	r = eval(t, s, `go func() { time.Sleep(10 * time.Millisecond); fmt.Println("between"); fmt.Fprintln(os.Stdout, "via os.Stdout") }()`)
	want := "between\nvia os.Stdout\n"
	if out, _ := settle(t, s, r, func(out string, _ []string) bool { return len(out) >= len(want) }); out != want {
		t.Fatalf("between-cell output: %q", out)
	}
}

func TestGoroutinePanicDoesNotCrash(t *testing.T) {
	s := newTestSession(t)
	hasWarning := func(sub string) func(string, []string) bool {
		return func(_ string, warns []string) bool {
			for _, w := range warns {
				if strings.Contains(w, sub) {
					return true
				}
			}
			return false
		}
	}
	for _, src := range []string{
		`go func() { panic("in goroutine") }()`,
		"func crash(msg string) { var m map[string]int; m[msg] = 1 }\ngo crash(\"x\")",
		`go func() { time.Sleep(10 * time.Millisecond); panic("later") }()`,
	} {
		r := eval(t, s, src)
		if r.Err != nil {
			t.Fatalf("%q: %v", src, r.Err)
		}
		want := map[bool]string{true: "nil map", false: "goroutine"}[strings.Contains(src, "crash")]
		if strings.Contains(src, "later") {
			want = "later"
		}
		_, warns := settle(t, s, r, hasWarning(want))
		if !hasWarning(want)("", warns) || !strings.Contains(warns[0], "a goroutine started by a cell panicked") {
			t.Fatalf("%q: warnings %q", src, warns)
		}
	}
}

func TestInterrupt(t *testing.T) {
	s := newTestSession(t)
	for _, src := range []string{"for {}", "n := 0\nfor { n++ }", "func spin() { for {} }\nspin()", "select {}", "time.Sleep(500 * time.Millisecond)", "kt.Ctx()", "kt.Poll()"} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(30*time.Millisecond, cancel)
		t0 := time.Now()
		r := s.Eval(ctx, src, nil)
		if d := time.Since(t0); d > 2*time.Second {
			t.Errorf("%q: returned after %v", src, d)
		}
		if r.Err == nil || r.Err.Kind != Interrupted {
			t.Errorf("%q: err %v, want interrupted", src, r.Err)
		}
		t1 := time.Now()
		r = eval(t, s, "40 + 2")
		if d := time.Since(t1); d > 2*time.Second {
			t.Errorf("after %q: the next cell waited %v", src, d)
		}
		if r.Err != nil || len(r.Displays) != 1 || r.Displays[0].Text != "42" {
			t.Errorf("after %q: %v %q", src, r.Err, texts(r))
		}
	}
}

func TestInterruptBlockedCompiledCall(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "v := 7")
	s.Vars()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	r := s.Eval(ctx, "kt.Block(300)\nfmt.Println(\"not reached\")", nil)
	if r.Err == nil || r.Err.Kind != Interrupted {
		t.Fatalf("err %v", r.Err)
	}
	if s.stale == nil {
		t.Error("the interrupted eval's goroutine was not tracked")
	}
	// While the call runs, Vars answers the last list (Q16).
	if vs := s.Vars(); len(vs) == 0 {
		t.Error("Vars is empty while an interrupted call runs")
	}
	// The next cell waits for the blocked call briefly, then runs normally.
	r = eval(t, s, "x := 1\nx")
	if r.Err != nil || texts(r)[0] != "1" || strings.Contains(r.Output, "not reached") {
		t.Fatalf("next: %v %q %q", r.Err, texts(r), r.Output)
	}
	// A call that outlasts the wait: the next cell says so at once (Q7).
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	s.Eval(ctx, "kt.Block(1500)", nil)
	r = eval(t, s, "1")
	if r.Err == nil || r.Err.Kind != Interrupted || !strings.Contains(r.Err.Message, "still running") || !strings.Contains(r.Err.Hint, ":reset") {
		t.Fatalf("cell after a blocked call: %+v", r.Err)
	}
	// Once the call has ended, Vars and the next cell work without a cell
	// in between (Q16).
	time.Sleep(1600 * time.Millisecond)
	found := false
	for _, v := range s.Vars() {
		found = found || v.Name == "x"
	}
	if !found || s.stale != nil {
		t.Errorf("Vars after the call ended: x found %v, stale %v", found, s.stale != nil)
	}
	if r := eval(t, s, "2"); r.Err != nil || texts(r)[0] != "2" {
		t.Fatalf("final: %v", r.Err)
	}
}

// TestInterruptSleep checks that time.Sleep in a cell stops at Ctrl-C and
// the next cell runs at once (Q7).
func TestInterruptSleep(t *testing.T) {
	s := newTestSession(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	r := s.Eval(ctx, "time.Sleep(10 * time.Second)\nfmt.Println(\"not reached\")", nil)
	if r.Err == nil || r.Err.Kind != Interrupted {
		t.Fatalf("err %v", r.Err)
	}
	t0 := time.Now()
	r = eval(t, s, "40 + 2")
	if r.Err != nil || texts(r)[0] != "42" || strings.Contains(r.Output, "not reached") {
		t.Fatalf("next: %v %q %q", r.Err, texts(r), r.Output)
	}
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("the next cell waited %v for the interrupted sleep", d)
	}
	// An uninterrupted sleep sleeps.
	t0 = time.Now()
	eval(t, s, "time.Sleep(30 * time.Millisecond)")
	if d := time.Since(t0); d < 30*time.Millisecond {
		t.Errorf("time.Sleep(30ms) took %v", d)
	}
}

func TestVarsDocCompleteReset(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "type Pt struct{ X, Y float64 }\n// Norm is the squared length.\nfunc (p Pt) Norm() float64 { return p.X*p.X + p.Y*p.Y }\np := Pt{1, 2}\nname := \"ann\"\nnums := make([]float64, 100)\ndf := kt.Frame()\nfunc half(x float64) float64 { return x / 2 }")
	vars := map[string]Var{}
	for _, v := range s.Vars() {
		vars[v.Name] = v
	}
	if v := vars["p"]; v.Type != "Pt" || v.Value != "{X:1 Y:2}" {
		t.Errorf("p: %+v", v)
	}
	if v := vars["name"]; v.Type != "string" || v.Value != `"ann"` {
		t.Errorf("name: %+v", v)
	}
	if v := vars["nums"]; v.Value != "[100]float64" {
		t.Errorf("nums: %+v", v)
	}
	if v := vars["df"]; v.Value != "32×3 frame" {
		t.Errorf("df: %+v", v)
	}
	for name := range vars {
		if strings.HasPrefix(name, "__") {
			t.Errorf("internal name %q in Vars", name)
		}
	}

	complete := func(src string) []string {
		items, start := s.Complete(src, len(src))
		var out []string
		for _, it := range items {
			out = append(out, src[:start]+it.Text)
		}
		return out
	}
	has := func(list []string, want string) bool {
		for _, x := range list {
			if x == want {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct{ src, want string }{
		{"strings.HasP", "strings.HasPrefix"},
		{"math.Sq", "math.Sqrt"},
		{"na", "name"},
		{"ha", "half"},
		{"P", "Pt"},
		{"fo", "for"},
		{"p.", "p.X"},
		{"p.No", "p.Norm"},
		{"fm", "fmt"},
		{"df.N", "df.Names"},
		{"df.Col(\"m", "df.Col(\"mpg"},
		{"x := df.Col(\"", "x := df.Col(\"cyl"},
		{"mat.NewD", "mat.NewDense"},
		{"total, count := 0, 0\nfor key, val := range m {}\nfunc helper() {}\nto", "total, count := 0, 0\nfor key, val := range m {}\nfunc helper() {}\ntotal"},
		{"total, count := 0, 0\nco", "total, count := 0, 0\ncount"},
		{"for key, val := range m {\n\tke", "for key, val := range m {\n\tkey"},
		{"func helper() {}\nhel", "func helper() {}\nhelper"},
	} {
		if tt.src == "mat.NewD" {
			eval(t, s, `import "gonum.org/v1/gonum/mat"`)
		}
		if got := complete(tt.src); !has(got, tt.want) {
			t.Errorf("Complete(%q) = %q, want %q among them", tt.src, got, tt.want)
		}
	}

	for _, tt := range []struct{ name, want string }{
		{"math.Sqrt", "func Sqrt(x float64) float64"},
		{"strings", "package strings"},
		{"name", `"ann"`},
		{"half", "func half(x float64) float64"},
		{"Pt", "type Pt struct"},
		{"Pt", "func (p Pt) Norm() float64"},
		{"Pt.Norm", "squared length"},
		{"stat.Mean", "func Mean("},
		{"append", "func append(slice []Type"},
		{"max", "provided by the kernel"},
	} {
		d, ok := s.Doc(tt.name)
		if !ok || !strings.Contains(d, tt.want) {
			t.Errorf("Doc(%q) = %q, %v; want %q", tt.name, d, ok, tt.want)
		}
	}
	if _, ok := s.Doc("noSuchThing"); ok {
		t.Error("Doc of an unknown name succeeded")
	}

	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	if len(s.Vars()) != 0 {
		t.Errorf("vars after reset: %v", s.Vars())
	}
	if r := eval(t, s, "p"); r.Err == nil {
		t.Error("p still defined after Reset")
	}
	if r := eval(t, s, "type Pt struct{ Z int }\nPt{1}"); r.Err != nil {
		t.Errorf("type after reset: %v", r.Err)
	}
}

func TestPreImports(t *testing.T) {
	s := newTestSession(t)
	for _, src := range []string{
		`strings.ToUpper("a")`, "math.Pi", `sort.IsSorted(sort.IntSlice{1})`, "time.Second", "rand.New(rand.NewSource(1)).Intn(10)",
		`os.Getenv("HOME") != ""`, `errors.New("x")`, `strconv.Itoa(3)`, `fmt.Sprint(1)`,
	} {
		if r := eval(t, s, src); r.Err != nil {
			t.Errorf("%q: %v", src, r.Err)
		}
	}
	for _, src := range []string{
		`import "gonum.org/v1/gonum/stat"` + "\nstat.Mean([]float64{1, 2, 3}, nil)",
		`import "gonum.org/v1/gonum/stat/distuv"` + "\ndistuv.Normal{Mu: 0, Sigma: 1}.CDF(0)",
		`import "gonum.org/v1/gonum/floats"` + "\nfloats.Sum([]float64{1, 2})",
		`import "encoding/json"` + "\njson.Valid([]byte(\"{}\"))",
		`import "github.com/go-gota/gota/series"` + "\nseries.Floats([]float64{1, 2}).Mean()",
		`import crand "crypto/rand"` + "\ncrand.Reader != nil",
	} {
		r := eval(t, s, src)
		if r.Err != nil || len(r.Displays) != 1 {
			t.Errorf("%q: %v %q", src, r.Err, texts(r))
		}
	}
	for _, src := range []string{`import "fmt"`, "import (\n\t\"fmt\"\n\t\"strings\"\n\t\"encoding/csv\"\n)\ncsv.ErrQuote != nil", `import m "math"`, `import "encoding/csv"`} {
		if r := eval(t, s, src); r.Err != nil {
			t.Errorf("re-import %q: %v", src, r.Err)
		}
	}
	if r := eval(t, s, `import "math/rand/v2"`); r.Err == nil || !strings.Contains(r.Err.Message, "already imported") || !strings.Contains(r.Err.Hint, "rand2") {
		t.Errorf("rand/v2: %+v", r.Err)
	}
	if r := eval(t, s, `import r2 "math/rand/v2"`+"\nr2.IntN(3) < 3"); r.Err != nil {
		t.Errorf("aliased rand/v2: %v", r.Err)
	}
	if d, ok := s.Doc("csv.NewReader"); !ok || !strings.Contains(d, "func NewReader(io.Reader) *csv.Reader") {
		t.Errorf("Doc(csv.NewReader) = %q %v", d, ok)
	}
	r := eval(t, s, "x := 1\nvar wg sync.WaitGroup")
	if r.Err == nil || r.Err.Line != 2 || r.Err.Col != 8 || !strings.Contains(r.Err.Message, `package "sync" is not imported`) || r.Err.Hint != `import it first: import "sync"` {
		t.Errorf("missing import: %+v", r.Err)
	}
	r = eval(t, s, "func f(json int) int { return json.X }")
	if r.Err != nil && strings.Contains(r.Err.Message, "not imported") {
		t.Errorf("a parameter named like a package: %+v", r.Err)
	}
	r = eval(t, s, `import "github.com/no/such"`)
	if r.Err == nil || !strings.Contains(r.Err.Message, "cannot import") {
		t.Errorf("unknown import: %v", r.Err)
	}
}

func TestDisplayOptions(t *testing.T) {
	s := newTestSession(t)
	s.SetOptions(display.Options{Width: 120})
	r := eval(t, s, "kt.Disp()")
	if texts(r)[0] != "shown at width 120" {
		t.Errorf("got %q", texts(r))
	}
	if r := eval(t, s, "kt.Width()"); texts(r)[0] != "120" {
		t.Errorf("cell.Options width %q", texts(r))
	}
}

func TestKeepStdioRedirected(t *testing.T) {
	orig := os.Stdout
	s, err := NewSession(Options{KeepStdioRedirected: true})
	if err != nil {
		t.Fatal(err)
	}
	if os.Stdout == orig {
		t.Fatal("os.Stdout not redirected")
	}
	// Compiled code printing between cells is kept for the next cell.
	fmt.Fprintln(os.Stdout, "between cells")
	r := s.Eval(context.Background(), "1", nil)
	if !strings.Contains(r.Output, "between cells") {
		t.Errorf("output %q", r.Output)
	}
	s.Close()
	if os.Stdout != orig {
		t.Error("os.Stdout not restored by Close")
	}
}

func TestClosedAndCancelled(t *testing.T) {
	s := newTestSession(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := s.Eval(ctx, "for {}", nil)
	if r.Err == nil || r.Err.Kind != Interrupted {
		t.Errorf("pre-cancelled: %v", r.Err)
	}
	s.Close()
	r = s.Eval(context.Background(), "1", nil)
	if r.Err == nil || r.Err.Kind != KernelDied {
		t.Errorf("closed: %v", r.Err)
	}
}

func TestCompleteWhileRunning(t *testing.T) {
	s := newTestSession(t)
	eval(t, s, "// Twice doubles.\nfunc Twice(x int) int { return 2 * x }\ntype Box struct{ V int }\nbx := Box{3}")
	if len(s.Vars()) != 1 {
		t.Fatalf("vars: %v", s.Vars())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan Result)
	go func() { done <- s.Eval(ctx, "for {}", nil) }()
	// Wait until the cell runs (the session lock is held).
	for s.mu.TryLock() {
		s.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	texts := func(src string) []string {
		items, start := s.Complete(src, len(src))
		var out []string
		for _, it := range items {
			out = append(out, src[:start]+it.Text)
		}
		return out
	}
	for _, tt := range []struct{ src, want string }{
		{"strings.HasP", "strings.HasPrefix"},
		{"Tw", "Twice"},
		{"Bo", "Box"},
		{"fo", "for"},
		{"y := 1\ny", "y := 1\ny"},
	} {
		got := texts(tt.src)
		if !slicesContains(got, tt.want) {
			t.Errorf("busy Complete(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
	for _, tt := range []struct{ name, want string }{{"Twice", "doubles"}, {"math.Sqrt", "square root"}, {"len", "func len("}} {
		if d, ok := s.Doc(tt.name); !ok || !strings.Contains(d, tt.want) {
			t.Errorf("busy Doc(%q) = %q", tt.name, d)
		}
	}
	if v := s.Vars(); len(v) != 1 || v[0].Name != "bx" {
		t.Errorf("busy Vars = %v", v)
	}
	cancel()
	if r := <-done; r.Err == nil || r.Err.Kind != Interrupted {
		t.Fatalf("cell: %v", r.Err)
	}
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
