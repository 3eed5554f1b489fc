package kernel

import (
	"errors"
	"fmt"
	"go/scanner"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/builtins/symbols"
)

// errPos matches "line:col: message" (optionally with a file name) at the
// start of an interpreter error.
var errPos = regexp.MustCompile(`^(?:[^\s:]*\.go:)?(\d+):(\d+): ((?s).*)$`)

// mapError turns an interpreter error for plan p into an Error located in
// the user's cell.
func (s *Session) mapError(err error, p *evalPlan) *Error {
	if errors.Is(err, errInterrupted) {
		s.cap.takePanics()
		return &Error{Kind: Interrupted, Message: "interrupted"}
	}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := &Error{Kind: Syntax, Message: strings.TrimPrefix(list[0].Msg, "syntax error: ")}
		e.Line, e.Col, _ = p.cellPosition(list[0].Pos.Line, list[0].Pos.Column)
		return e
	}
	var pan interp.Panic
	if errors.As(err, &pan) {
		return s.mapPanic(pan, p)
	}
	msg := err.Error()
	e := &Error{Kind: Compile, Message: msg}
	if m := errPos.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		e.Message = m[3]
		var ok bool
		e.Line, e.Col, ok = p.cellPosition(line, col)
		if !ok {
			e.Line, e.Col = 0, 0
		}
	}
	e.Message = strings.ReplaceAll(e.Message, loopVarPrefix, "")
	explainCompile(e)
	s.explainUndefined(e, p)
	s.explainArgCount(e, p)
	if p.minmax && e.Hint == "" && strings.Contains(e.Message, "cannot use") {
		e.Hint = "min and max are provided for float64, int and string; convert the arguments to one of these, e.g. min(float64(a), float64(b))"
	}
	return e
}

// incompleteType matches yaegi's message for an undefined name in some
// top-level declarations.
var incompleteType = regexp.MustCompile(`^CFG post-order panic: (?:\d+:\d+: )?incomplete type (\S+)$`)

// explainCompile rewrites interpreter messages that hide an unsupported
// feature or an ordinary error.
func explainCompile(e *Error) {
	if m := incompleteType.FindStringSubmatch(e.Message); m != nil {
		e.Message = "undefined: " + m[1]
	}
	msg := e.Message
	switch {
	case strings.HasPrefix(msg, "undefined selector: slices.") || strings.HasPrefix(msg, "undefined selector: maps."):
		e.Kind = Unsupported
		name := strings.TrimPrefix(msg, "undefined selector: ")
		e.Message = unsupportedPrefix + name
		e.Hint = "use package sort, gonum.org/v1/gonum/floats, or a loop"
	case strings.HasPrefix(msg, "undefined type for "):
		e.Kind = Unsupported
		e.Message = unsupportedPrefix + "this generic standard-library function (" + msg + ")"
		e.Hint = "use package sort, gonum.org/v1/gonum/floats, or a loop"
	case strings.Contains(msg, "unable to find source related to"):
		if m := regexp.MustCompile(`import "([^"]+)"`).FindStringSubmatch(msg); m != nil {
			e.Message = fmt.Sprintf("cannot import %q: the interpreter knows the Go 1.22 standard library and the packages gostat exposes", m[1])
			e.Hint = "exposed third-party packages: gonum.org/v1/gonum/{stat,stat/distuv,mat,floats,optimize}, gonum.org/v1/plot{,/plotter,/vg,/vg/draw,/vg/vgimg}, github.com/go-gota/gota/{dataframe,series}"
		}
	case strings.HasPrefix(msg, "undefined: min") || strings.HasPrefix(msg, "undefined: max") || strings.HasPrefix(msg, "undefined: clear"):
		e.Kind = Unsupported
	}
}

// reflectPanics are messages of panics that yaegi's use of reflect raises
// where compiled Go raises a runtime error.
var reflectPanics = map[string]string{
	"reflect: slice index out of range":               "runtime error: index out of range",
	"reflect: array index out of range":               "runtime error: index out of range",
	"reflect: string index out of range":              "runtime error: index out of range",
	"reflect.Value.Slice: slice index out of bounds":  "runtime error: slice bounds out of range",
	"reflect.Value.Slice3: slice index out of bounds": "runtime error: slice bounds out of range",
}

// mapPanic handles a recovered panic: a runtime panic of the cell, or an
// internal failure of the interpreter while compiling.
func (s *Session) mapPanic(pan interp.Panic, p *evalPlan) *Error {
	frames := s.cap.takePanics()
	stack := string(pan.Stack)
	internal := len(frames) == 0 && (strings.Contains(stack, "interp.(*Interpreter).cfg") ||
		strings.Contains(stack, "interp.(*Interpreter).gta") || strings.Contains(stack, "interp.genRun") ||
		strings.Contains(stack, "interp.(*Interpreter).ast") || stack == "")
	val := fmt.Sprint(pan.Value)
	if internal || val == "nil type" {
		e := &Error{Kind: Compile, Message: "the interpreter failed on this cell: " + val}
		if len(p.suspects) > 0 {
			sp := p.suspects[0]
			e.Kind = Unsupported
			e.Message = unsupportedPrefix + sp.feature + " (the interpreter reported: " + val + ")"
			e.Hint = sp.fix
			e.Line, e.Col = p.cell.position(sp.off)
		} else {
			e.Hint = "the cell may use a Go feature the interpreter lacks (range over int or func, top-level comma-ok, generic inference); try writing it more plainly or inside a function"
		}
		return e
	}
	e := &Error{Kind: Runtime}
	switch v := pan.Value.(type) {
	case runtime.Error:
		e.Message = v.Error()
	case *reflect.ValueError:
		e.Message = "runtime error: invalid memory address or nil pointer dereference (" + v.Error() + ")"
	case logFatal:
		e.Message = "log.Fatal: " + strings.TrimSuffix(string(v), "\n") + " (the cell stopped and the session goes on)"
	case error:
		e.Message = "panic: " + v.Error()
		if fromBuiltin(stack) || builtinType(v) {
			// A builtin's designed error (frame's Col, Select, …): an
			// error message, not a crash.
			e.Message = v.Error()
		}
	default:
		e.Message = "panic: " + val
		if m, ok := reflectPanics[val]; ok {
			e.Message = m
		}
		switch {
		case strings.HasPrefix(val, "os.Exit("):
			e.Message = val + " was called; the cell stopped and the session goes on"
		case fromBuiltin(stack):
			e.Message = val
		}
	}
	// frames are innermost first: "L:C: panic: main.f(...)".
	var lines []string
	located := false
	for _, fr := range frames {
		m := yaegiPanicLine.FindStringSubmatch(fr)
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		fn := m[3]
		plan, cellIdx := p, p.cell.index
		name := strings.TrimPrefix(fn, "main.")
		if name != "main" && name != "func" {
			base := strings.SplitN(name, ".", 2)[0]
			if fi, ok := s.state.funcs[base]; ok && fi.plan != nil {
				plan, cellIdx = fi.plan, fi.plan.cell.index
			} else {
				plan = nil
			}
		}
		where := "cell"
		if name != "main" {
			where = name
		}
		if plan == nil {
			lines = append(lines, "  in "+where)
			continue
		}
		l, c, ok := plan.cellPosition(line, col)
		if ok && plan.nchunks > 1 && plan.kind != declChunk && name == "main" {
			// yaegi reports some runtime panics of a statement group at
			// its first statement whichever statement failed: unknown.
			if fl, fc := plan.cell.position(plan.firstChunk); fl == l && fc == c {
				ok = false
			}
		}
		if !ok {
			lines = append(lines, "  in "+where)
			continue
		}
		switch {
		case plan.cell == p.cell && where == "cell":
			lines = append(lines, fmt.Sprintf("  at line %d:%d", l, c))
		case plan.cell == p.cell:
			lines = append(lines, fmt.Sprintf("  in %s (line %d:%d)", where, l, c))
		default:
			lines = append(lines, fmt.Sprintf("  in %s (cell %d, line %d:%d)", where, cellIdx, l, c))
		}
		if plan.cell == p.cell && !located {
			e.Line, e.Col, located = l, c, true
		}
	}
	// A stack of the cell's own line only repeats the position.
	if len(lines) > 1 || (len(lines) == 1 && !located) {
		e.Stack = strings.Join(lines, "\n")
	}
	if strings.Contains(e.Message, "nil pointer dereference") {
		// The reported line first; yaegi sometimes reports a statement
		// group's first line, so then the whole cell.
		if e.Hint = s.nilHint(p, e.Line); e.Hint == "" && e.Line > 0 {
			e.Hint = s.nilHint(p, 0)
		}
	}
	return e
}

// nilHint names the session variables used on line of p's cell (all lines
// when 0) that hold a nil pointer, the usual cause of a nil dereference
// in a notebook: a call that failed returned nil with its error.
func (s *Session) nilHint(p *evalPlan, line int) string {
	src := p.cell.src
	if ls := strings.Split(src, "\n"); line > 0 && line <= len(ls) {
		src = ls[line-1]
	}
	globals := s.globals()
	var nils []string
	seen := map[string]bool{}
	for _, id := range identRE.FindAllString(src, -1) {
		v, ok := globals[id]
		if !ok || seen[id] || !v.IsValid() {
			continue
		}
		seen[id] = true
		for v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
		}
		if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface || v.Kind() == reflect.Map) && v.IsNil() {
			nils = append(nils, id)
		}
	}
	switch len(nils) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s is nil: the call that made it probably failed; check the error it returned", nils[0])
	}
	return fmt.Sprintf("%s are nil: the calls that made them probably failed; check the errors they returned", strings.Join(nils, ", "))
}

// identRE matches Go identifiers.
var identRE = regexp.MustCompile(`[\p{L}_][\p{L}\p{N}_]*`)

// builtinPrefix is the import path prefix of the builtin packages.
const builtinPrefix = "github.com/gostat/gostat/builtins/"

// fromBuiltin reports whether a Go stack (of a recovered panic) shows the
// panic raised by a builtin package's own code: the function right above
// the runtime's panic frame is in builtins/ (not the generated symbol
// tables, whose wrappers call interpreted code).
func fromBuiltin(stack string) bool {
	i := strings.LastIndex(stack, "\npanic(")
	if i < 0 {
		return false
	}
	lines := strings.Split(stack[i+1:], "\n")
	// lines[0] "panic(…)", lines[1] its file, lines[2] the caller.
	if len(lines) < 3 {
		return false
	}
	fn := lines[2]
	return strings.HasPrefix(fn, builtinPrefix) && !strings.HasPrefix(fn, builtinPrefix+"symbols") &&
		!strings.HasPrefix(fn, builtinPrefix+"cell")
}

// builtinType reports whether v's type is declared in a builtin package.
func builtinType(v any) bool {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t != nil && strings.HasPrefix(t.PkgPath(), builtinPrefix) && !strings.HasPrefix(t.PkgPath(), builtinPrefix+"symbols")
}

// logFatal is the panic value of log.Fatal, Fatalf and Fatalln in cells
// (the process must not exit; yaegi's own replacement is log.Panic, which
// reads as a crash).
type logFatal string

var logFatalExports = interp.Exports{"log/log": {
	"Fatal":   reflect.ValueOf(func(v ...any) { panic(logFatal(fmt.Sprint(v...))) }),
	"Fatalf":  reflect.ValueOf(func(f string, v ...any) { panic(logFatal(fmt.Sprintf(f, v...))) }),
	"Fatalln": reflect.ValueOf(func(v ...any) { panic(logFatal(fmt.Sprintln(v...))) }),
}}

// undefinedSelector matches yaegi's messages for pkg.Name and v.Method
// that do not exist.
var (
	undefinedSelector = regexp.MustCompile(`^undefined selector:? (\S+)\.([\p{L}_][\p{L}\p{N}_]*)$`)
	undefinedMethod   = regexp.MustCompile(`^undefined method: ([\p{L}_][\p{L}\p{N}_]*)$`)
	noSymbol          = regexp.MustCompile(`^package \S+ "([^"]+)" has no symbol ([\p{L}_][\p{L}\p{N}_]*)$`)
)

// explainUndefined rewrites yaegi's "undefined selector
// github.com/gostat/gostat/builtins/models.OLSS" and "undefined method:
// Predictt" as Go says them, with the closest existing name:
//
//	undefined: models.OLSS
//	  hint: did you mean models.OLS?
//	m.Predictt undefined (type *models.LM has no field or method Predictt)
//	  hint: did you mean m.Predict?
func (s *Session) explainUndefined(e *Error, p *evalPlan) {
	m := undefinedSelector.FindStringSubmatch(e.Message)
	if m == nil {
		m = noSymbol.FindStringSubmatch(e.Message)
	}
	if m != nil {
		path, name := m[1], m[2]
		alias := pkgName(path)
		for a, pth := range s.state.imports {
			if pth == path {
				alias = a
			}
		}
		var names []string
		for _, tab := range []map[string]map[string]reflect.Value{symbols.Symbols, stdlib.Symbols} {
			for n := range tab[path+"/"+pkgName(path)] {
				names = append(names, n)
			}
		}
		if len(names) == 0 && s.in != nil {
			for _, syms := range s.in.Symbols(path) {
				for n := range syms {
					names = append(names, n)
				}
			}
		}
		if len(names) == 0 {
			return
		}
		sort.Strings(names)
		e.Message = "undefined: " + alias + "." + name
		if best := frame.Closest(name, names); best != "" {
			e.Hint = fmt.Sprintf("did you mean %s.%s?", alias, best)
		} else {
			e.Hint = fmt.Sprintf("package %s has no %s; :doc %s lists what it has", alias, name, alias)
		}
		return
	}
	m = undefinedMethod.FindStringSubmatch(e.Message)
	if m == nil || e.Line == 0 {
		return
	}
	name := m[1]
	// The receiver: the identifier before ".Name" on the error's line.
	lines := strings.Split(p.cell.src, "\n")
	if e.Line > len(lines) {
		return
	}
	recv := regexp.MustCompile(`([\p{L}_][\p{L}\p{N}_]*)\s*\.\s*` + regexp.QuoteMeta(name) + `\b`).FindStringSubmatch(lines[e.Line-1])
	if recv == nil {
		return
	}
	v, ok := s.globals()[recv[1]]
	for ok && v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !ok || !v.IsValid() {
		return
	}
	var names []string
	for i := 0; i < v.Type().NumMethod(); i++ {
		names = append(names, v.Type().Method(i).Name)
	}
	if t := v.Type(); t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		for i := 0; i < t.Elem().NumField(); i++ {
			if f := t.Elem().Field(i); f.IsExported() {
				names = append(names, f.Name)
			}
		}
	}
	e.Message = fmt.Sprintf("%s.%s undefined (type %s has no field or method %s)", recv[1], name, v.Type(), name)
	if best := frame.Closest(name, names); best != "" {
		e.Hint = fmt.Sprintf("did you mean %s.%s?", recv[1], best)
	}
}
