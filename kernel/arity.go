package kernel

import (
	"fmt"
	"go/ast"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gostat/gostat/builtins/symbols"
)

// yaegi v0.16.1 accepts a := f() when f returns two values (it keeps the
// first and drops the rest, typically the error), and a, b := g() when g
// returns one. The kernel checks the number of results of the calls whose
// function it knows before the cell runs, and reports Go's compile error:
//
//	assignment mismatch: 1 variable but frame.ReadCSV returns 2 values
//
// Known functions: package-level functions of imported packages (from the
// symbol tables), functions declared in cells, and methods of session
// variables whose value has the method in reflect (compiled types such as
// *frame.Frame).

// packageSymbol returns the symbol-table value of pkg.name: from the
// static tables, else from the interpreter in (may be nil).
func packageSymbol(in *interp.Interpreter, path, name string) (reflect.Value, bool) {
	key := path + "/" + pkgName(path)
	for _, tab := range []map[string]map[string]reflect.Value{symbols.Symbols, stdlib.Symbols} {
		if m, ok := tab[key]; ok {
			v, ok := m[name]
			return v, ok
		}
	}
	if in == nil {
		return reflect.Value{}, false
	}
	for _, m := range in.Symbols(path) {
		if v, ok := m[name]; ok {
			return v, true
		}
	}
	return reflect.Value{}, false
}

// callResults is what the kernel knows of a called function.
type callResults struct {
	n         int  // number of results
	lastError bool // the last result is an error
	must      string
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

func funcResults(t reflect.Type) callResults {
	r := callResults{n: t.NumOut()}
	r.lastError = r.n > 0 && t.Out(r.n-1) == errorType
	return r
}

// arityChecker finds the number of results of calls.
type arityChecker struct {
	in       *interp.Interpreter
	pkgOf    func(string) string
	funcInfo func(string) (funcInfo, bool)
	globals  map[string]reflect.Value
	// local reports whether a name is declared or assigned earlier in the
	// cell (its session value may be stale).
	local func(string) bool
}

// results returns the results of call's function, if known.
func (a *arityChecker) results(call *ast.CallExpr) (callResults, bool) {
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		if a.local(fun.Name) {
			return callResults{}, false
		}
		// A declared function (possibly redefined earlier in this cell)
		// before the session's value of the name.
		if fi, ok := a.funcInfo(fun.Name); ok && fi.sig != "" {
			return callResults{n: fi.results}, true
		}
		if v, ok := a.globals[fun.Name]; ok && v.IsValid() && v.Kind() == reflect.Func && !v.IsNil() {
			return funcResults(v.Type()), true
		}
	case *ast.SelectorExpr:
		id, ok := fun.X.(*ast.Ident)
		if !ok || a.local(id.Name) {
			return callResults{}, false
		}
		if v, ok := a.globals[id.Name]; ok {
			for v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
				v = v.Elem()
			}
			if !v.IsValid() || !v.CanInterface() {
				return callResults{}, false
			}
			m := v.MethodByName(fun.Sel.Name)
			if !m.IsValid() {
				return callResults{}, false
			}
			r := funcResults(m.Type())
			if v.MethodByName("Must" + fun.Sel.Name).IsValid() {
				r.must = id.Name + ".Must" + fun.Sel.Name
			}
			return r, true
		}
		path := a.pkgOf(id.Name)
		if path == "" {
			return callResults{}, false
		}
		v, ok := packageSymbol(a.in, path, fun.Sel.Name)
		if !ok || v.Kind() != reflect.Func {
			return callResults{}, false
		}
		r := funcResults(v.Type())
		if _, ok := packageSymbol(a.in, path, "Must"+fun.Sel.Name); ok {
			r.must = id.Name + ".Must" + fun.Sel.Name
		}
		return r, true
	}
	return callResults{}, false
}

// check returns Go's assignment-mismatch message for nlhs variables
// assigned from rhs, or "" when the count is right or unknown.
func (a *arityChecker) check(nlhs int, rhs []ast.Expr, lhsText string, text func(ast.Node) string) (msg, hint string) {
	if len(rhs) != 1 {
		return "", ""
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return "", ""
	}
	r, ok := a.results(call)
	if !ok {
		return "", ""
	}
	name := text(call.Fun)
	if r.n == 0 {
		return fmt.Sprintf("%s() (no value) used as value", name), ""
	}
	if r.n == nlhs {
		return "", ""
	}
	msg = fmt.Sprintf("assignment mismatch: %d %s but %s returns %d %s", nlhs, plural(nlhs, "variable"), name, r.n, plural(r.n, "value"))
	if r.lastError && nlhs == r.n-1 {
		hint = fmt.Sprintf("write %s, err := %s(…) and check err", lhsText, name)
		if r.must != "" {
			hint += fmt.Sprintf(", or use %s(…), which stops the cell with the error", r.must)
		}
	} else if nlhs < r.n {
		hint = fmt.Sprintf("assign every result; use _ for the ones you do not need: %s%s := %s(…)", lhsText, strings.Repeat(", _", r.n-nlhs), name)
	}
	return msg, hint
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// calleeAt matches a called name (f, pkg.F, v.Method) at an error position.
var calleeAt = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?`)

// explainArgCount completes yaegi's "not enough arguments in call to"
// (which names no method) with the function and its parameters:
//
//	not enough arguments in call to a.Tukey
//		want (float64)
func (s *Session) explainArgCount(e *Error, p *evalPlan) {
	var prefix string
	for _, pre := range []string{"not enough arguments in call to", "too many arguments in call to"} {
		if strings.HasPrefix(e.Message, pre) {
			prefix = pre
		}
	}
	if prefix == "" || e.Line == 0 {
		return
	}
	off := 0
	for l := 1; l < e.Line; l++ {
		i := strings.IndexByte(p.cell.src[off:], '\n')
		if i < 0 {
			return
		}
		off += i + 1
	}
	off += e.Col - 1
	if off >= len(p.cell.src) {
		return
	}
	name := calleeAt.FindString(p.cell.src[off:])
	if name == "" {
		return
	}
	want := s.paramsOf(name)
	e.Message = prefix + " " + name
	if want != "" {
		e.Message += "\n\twant " + want
	}
}

// paramsOf returns the parameter list "(float64, ...string)" of a named
// function or method, or "".
func (s *Session) paramsOf(name string) string {
	pkgOf := func(n string) string { return s.state.imports[n] }
	globals := s.globals()
	var t reflect.Type
	if i := strings.IndexByte(name, '.'); i < 0 {
		if v, ok := globals[name]; ok && v.IsValid() && v.Kind() == reflect.Func {
			t = v.Type()
		} else if fi, ok := s.state.funcs[name]; ok {
			if j := strings.Index(fi.sig, "("); j >= 0 {
				return paramList(fi.sig[j:])
			}
		}
	} else if v, ok := globals[name[:i]]; ok {
		for v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
		}
		if v.IsValid() {
			if m := v.MethodByName(name[i+1:]); m.IsValid() {
				t = m.Type()
			}
		}
	} else if path := pkgOf(name[:i]); path != "" {
		if v, ok := packageSymbol(s.in, path, name[i+1:]); ok && v.Kind() == reflect.Func {
			t = v.Type()
		}
	}
	if t == nil {
		return ""
	}
	var ps []string
	for i := 0; i < t.NumIn(); i++ {
		if t.IsVariadic() && i == t.NumIn()-1 {
			ps = append(ps, "..."+t.In(i).Elem().String())
			continue
		}
		ps = append(ps, t.In(i).String())
	}
	return "(" + strings.Join(ps, ", ") + ")"
}

// paramList returns the parenthesised parameters at the start of a
// signature text "(x int, y ...string) (int, error)".
func paramList(sig string) string {
	depth := 0
	for i, r := range sig {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return sig[:i+1]
			}
		}
	}
	return ""
}

// typeCalled explains a call of a package's struct type as if it were a
// function — models.LM(formula, df) for models.OLS — which yaegi reports
// with an internal reflect panic, or with a conversion error that does not
// say what to call instead. It names the package's functions that return
// the type. Conversions to non-struct types (stats.Alternative("less"))
// are left alone.
func (s *Session) typeCalled(call *ast.CallExpr, pkgOf func(string) string) (msg, hint string) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", ""
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", ""
	}
	path := pkgOf(id.Name)
	if path == "" {
		return "", ""
	}
	v, ok := packageSymbol(s.in, path, sel.Sel.Name)
	// The symbol tables hold a type T as a nil *T.
	if !ok || v.Kind() != reflect.Pointer || !v.IsNil() || v.Type().Elem().Kind() != reflect.Struct {
		return "", ""
	}
	t := v.Type().Elem()
	name := id.Name + "." + sel.Sel.Name
	msg = fmt.Sprintf("%s is a type, not a function", name)
	var makers []string
	for _, tab := range []map[string]map[string]reflect.Value{symbols.Symbols, stdlib.Symbols} {
		for fn, fv := range tab[path+"/"+pkgName(path)] {
			if fv.Kind() != reflect.Func {
				continue
			}
			ft := fv.Type()
			for i := 0; i < ft.NumOut(); i++ {
				if o := ft.Out(i); o == t || o.Kind() == reflect.Pointer && o.Elem() == t {
					makers = append(makers, id.Name+"."+fn)
					break
				}
			}
		}
	}
	sort.Strings(makers)
	// MustX is listed only when there is no X.
	have := map[string]bool{}
	for _, m := range makers {
		have[m] = true
	}
	kept := makers[:0]
	for _, m := range makers {
		if base, ok := strings.CutPrefix(m, id.Name+".Must"); !ok || !have[id.Name+"."+base] {
			kept = append(kept, m)
		}
	}
	makers = kept
	switch {
	case len(makers) > 6:
		hint = fmt.Sprintf("functions that make a %s: %s, …", name, strings.Join(makers[:6], ", "))
	case len(makers) > 0:
		hint = fmt.Sprintf("functions that make a %s: %s", name, strings.Join(makers, ", "))
	default:
		hint = fmt.Sprintf("declare a value of the type (var v %s) or a composite literal (%s{…})", name, name)
	}
	return msg, hint
}
