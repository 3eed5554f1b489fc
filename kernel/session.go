package kernel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"io"
	"log"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/builtins/symbols"
	"github.com/gostat/gostat/display"
)

// Options configure a Session.
type Options struct {
	// Display are the display options for the first cells (SetOptions
	// changes them later). Zero means display.Plain.
	Display display.Options
	// Dir, if set, is made the process's working directory when the
	// session starts (relative paths in cells resolve against it). It
	// changes the whole process's directory.
	Dir string
	// Stdin is what interpreted code reads with fmt.Scan*; when it is an
	// *os.File it is also interpreted code's os.Stdin, which is otherwise
	// the null device. Nil means an empty reader: cells never read the
	// process's own standard input.
	Stdin io.Reader
	// Env is the environment interpreted code sees through os.Getenv.
	// Nil means the process's environment.
	Env []string
	// KeepStdioRedirected keeps os.Stdout and os.Stderr pointing at the
	// kernel's capture pipe for the whole life of the session instead of
	// only while a cell runs, so that compiled code in goroutines that
	// print between cells never reaches the real terminal. Use it in a
	// kernel process whose own stdout is not a terminal a person reads;
	// the session restores them on Close.
	KeepStdioRedirected bool
}

// Session is an in-process Kernel: one yaegi interpreter and the state of
// the cells evaluated in it. Eval calls are serialised; the query methods
// (Complete, Doc, Vars) may be called while no cell runs.
type Session struct {
	mu   sync.Mutex // held during Eval, Reset and queries that use the interpreter
	opts Options

	optMu sync.Mutex
	dopts display.Options

	cap *capture
	// stdout and stderr are what interpreted code sees as os.Stdout and
	// os.Stderr: the capture pipe.
	stdout, stderr *os.File
	// stdin is interpreted code's os.Stdin.
	stdin   *os.File
	restore func() // undoes KeepStdioRedirected

	in    *interp.Interpreter
	state *cellState
	cells int // number of cells evaluated (for error locations)

	// snap is the state for completion and docs while a cell runs.
	snap atomic.Pointer[snapshot]
	// lastVars is the last Vars result, returned while a cell runs.
	lastVars atomic.Pointer[[]Var]

	// unbind restores the cell hooks kept bound for an interrupted cell.
	unbind func()

	// stale is closed when the run of a cell that was interrupted while
	// the interpreter was still busy (a blocking compiled call) ends; nil
	// when there is none. The next cell waits for it up to staleWait,
	// then returns an Interrupted error saying the call still runs
	// (:reset ends it by restarting the kernel process in a remote
	// kernel). time.Sleep in cells is the kernel's interruptible sleep,
	// so it never leaves a stale cell.
	stale <-chan struct{}

	// yr runs code on the interpreter (see yaegirun.go).
	yr *yaegiRun

	// run is the cell being evaluated (nil between cells).
	runMu sync.Mutex
	run   *cellRun

	// goPanics are panics of goroutines started by cells, reported with
	// the next result.
	goMu     sync.Mutex
	goPanics []string

	closed bool
}

// staleWait is how long a cell waits for the compiled call of an
// interrupted cell to return before it reports that it cannot run.
const staleWait = 500 * time.Millisecond

// busy reports whether the compiled call of an interrupted cell still
// runs (s.mu held); it forgets the cell once its goroutine has ended.
func (s *Session) busy() bool {
	if s.stale != nil {
		select {
		case <-s.stale:
			s.stale = nil
		default:
		}
	}
	return s.stale != nil
}

// sleep is time.Sleep for interpreted code: called while a cell runs, it
// returns early when the cell is interrupted (also in goroutines the cell
// started) (so Ctrl-C on
// time.Sleep(time.Minute) stops at once); it then waits until the
// interrupted Eval has returned, so that the interpreter has stopped the
// cell before it goes on.
func (s *Session) sleep(d time.Duration) {
	if d <= 0 {
		return
	}
	cellCode := calledByEval()
	r := s.current()
	if r == nil {
		if cellCode {
			// The Eval that ran this cell has returned (it was
			// interrupted before the call began): the cell is over.
			return
		}
		time.Sleep(d)
		return
	}
	ctx := cell.Context()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
		if !cellCode && r.finished.Load() {
			// The context ended after the cell (a front end cancels it
			// when Eval returns): a goroutine the cell started sleeps on.
			<-t.C
			return
		}
		select {
		case <-r.done:
		case <-t.C:
		}
	}
}

// calledByEval reports whether the calling goroutine is the one the kernel
// runs a cell in (yaegiRun.eval's), not a goroutine the cell started.
func calledByEval() bool {
	buf := make([]byte, 64<<10)
	buf = buf[:runtime.Stack(buf, false)]
	return bytes.Contains(buf, []byte("created by github.com/gostat/gostat/kernel.(*yaegiRun).eval"))
}

// hookPkg is the import path of the kernel's own host functions, imported
// in every session as __k.
const hookPkg = "gostatkernel"

// preImports are imported into every session without an import line.
var preImports = []string{"fmt", "math", "strings", "sort", "time", "math/rand", "os", "errors", "strconv"}

// NewSession starts a session.
func NewSession(opts Options) (*Session, error) {
	if opts.Dir != "" {
		if err := os.Chdir(opts.Dir); err != nil {
			return nil, fmt.Errorf("kernel: %w", err)
		}
	}
	if opts.Display.Width == 0 {
		opts.Display = display.Plain
	}
	c, err := newCapture()
	if err != nil {
		return nil, fmt.Errorf("kernel: %w", err)
	}
	s := &Session{opts: opts, dopts: opts.Display.Normalized(), cap: c}
	if err := s.start(); err != nil {
		c.close()
		return nil, err
	}
	if opts.KeepStdioRedirected {
		s.restore = c.redirect()
	}
	s.takeSnapshot()
	return s, nil
}

// start creates a fresh interpreter with the symbol tables and the
// pre-imports.
func (s *Session) start() error {
	stdin := s.opts.Stdin
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	env := s.opts.Env
	if env == nil {
		env = os.Environ()
	}
	in := interp.New(interp.Options{
		Stdin:  stdin,
		Stdout: pipeWriter{s.cap},
		Stderr: stderrWriter{s.cap},
		Env:    env,
		Args:   []string{"gostat"},
	})
	if err := in.Use(stdlib.Symbols); err != nil {
		return fmt.Errorf("kernel: stdlib symbols: %w", err)
	}
	if err := in.Use(symbols.Symbols); err != nil {
		return fmt.Errorf("kernel: builtin symbols: %w", err)
	}
	if err := in.Use(interp.Exports{"time/time": {"Sleep": reflect.ValueOf(s.sleep)}}); err != nil {
		return fmt.Errorf("kernel: time symbols: %w", err)
	}
	if err := in.Use(logFatalExports); err != nil {
		return fmt.Errorf("kernel: log symbols: %w", err)
	}
	if err := in.Use(s.hooks()); err != nil {
		return fmt.Errorf("kernel: hooks: %w", err)
	}
	// Interpreted code's os.Stdout and os.Stderr are the capture pipe at
	// all times, so that goroutines printing between cells never reach
	// the terminal (their text goes to the next cell).
	s.stdout, s.stderr = s.cap.w, s.cap.w
	// os.Stdin is never the process's own standard input (in a kernel
	// process that is the front end's pipe): Options.Stdin when it is a
	// file, else the null device.
	if f, ok := s.opts.Stdin.(*os.File); ok {
		s.stdin = f
	} else if s.stdin == nil {
		if f, err := os.Open(os.DevNull); err == nil {
			s.stdin = f
		}
	}
	if err := in.Use(interp.Exports{"os/os": {
		"Stdout": reflect.ValueOf(&s.stdout).Elem(),
		"Stderr": reflect.ValueOf(&s.stderr).Elem(),
		"Stdin":  reflect.ValueOf(&s.stdin).Elem(),
	}}); err != nil {
		return fmt.Errorf("kernel: stdio: %w", err)
	}
	yr, err := newYaegiRun(in)
	if err != nil {
		return err
	}
	s.in, s.yr = in, yr
	s.state = newCellState()
	var b strings.Builder
	b.WriteString("import (\n\t__k \"" + hookPkg + "\"\n")
	for _, p := range preImports {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	for _, p := range symbols.Builtins {
		if symbols.Has(p) {
			fmt.Fprintf(&b, "\t%q\n", p)
		}
	}
	b.WriteString(")")
	if err := s.evalRaw(b.String()); err != nil {
		return fmt.Errorf("kernel: pre-imports: %w", err)
	}
	for _, p := range preImports {
		s.state.imports[pkgName(p)] = p
	}
	for _, p := range symbols.Builtins {
		if symbols.Has(p) {
			s.state.imports[pkgName(p)] = p
		}
	}
	return nil
}

func (s *Session) evalRaw(src string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	_, err = s.in.EvalWithContext(context.Background(), src)
	return err
}

// pkgName is the default package name of an import path: its last
// element, skipping a major-version suffix (math/rand/v2 is rand).
func pkgName(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last
}

// hooks are the host functions interpreted code calls through __k.
func (s *Session) hooks() interp.Exports {
	show := reflect.ValueOf(func(vs ...any) { s.showResults(vs) })
	return interp.Exports{
		hookPkg + "/" + hookPkg: {
			"Show":       show,
			"Clear":      reflect.ValueOf(clearValue),
			"MinFloat64": reflect.ValueOf(minFloat64),
			"MaxFloat64": reflect.ValueOf(maxFloat64),
			"MinInt":     reflect.ValueOf(minOrdered[int]),
			"MaxInt":     reflect.ValueOf(maxOrdered[int]),
			"MinString":  reflect.ValueOf(minOrdered[string]),
			"MaxString":  reflect.ValueOf(maxOrdered[string]),
			"GoPanic":    reflect.ValueOf(func(r any) { s.goPanic(r) }),
			"RegisterType": reflect.ValueOf(func(name string, ptr any) {
				if t := reflect.TypeOf(ptr); t != nil && t.Kind() == reflect.Pointer {
					s.state.typeNames[t.Elem()] = name
				}
			}),
		},
		// Let interpreted values that implement these interfaces reach
		// Show with their methods (as yaegi does for fmt.Println).
		".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
			show: {
				reflect.TypeOf((*display.Displayer)(nil)).Elem(),
				reflect.TypeOf((*error)(nil)).Elem(),
				reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
			},
		})},
	}
}

// cellRun collects what one cell produces.
type cellRun struct {
	on        func(Event)
	finished  atomic.Bool   // Eval has returned: no more events
	done      chan struct{} // closed when Eval returns
	evMu      sync.Mutex    // serialises calls of on
	outMu     sync.Mutex
	out       strings.Builder
	truncated bool
	displays  []display.Bundle
	at        []int // len(out) when each display was shown
	opts      display.Options
}

func (r *cellRun) event(e Event) {
	if r.on == nil {
		return
	}
	r.evMu.Lock()
	defer r.evMu.Unlock()
	r.on(e)
}

// maxCellOutput bounds the output kept for one cell; the rest is dropped
// with a note (events carry it all).
const maxCellOutput = 8 << 20

func (r *cellRun) output(text string) {
	r.outMu.Lock()
	switch n := r.out.Len(); {
	case n+len(text) <= maxCellOutput:
		r.out.WriteString(text)
	case !r.truncated:
		r.truncated = true
		r.out.WriteString("\n… output truncated (more than 8 MB)\n")
	}
	r.outMu.Unlock()
	r.event(Event{Kind: OutputEvent, Text: text})
}

func (r *cellRun) display(b display.Bundle) {
	r.outMu.Lock()
	r.displays = append(r.displays, b)
	r.at = append(r.at, r.out.Len())
	r.outMu.Unlock()
	bb := b
	r.event(Event{Kind: DisplayEvent, Display: &bb})
}

func (s *Session) current() *cellRun {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	return s.run
}

// showResults displays the values of a cell's final expression.
func (s *Session) showResults(vs []any) {
	r := s.current()
	if r == nil {
		return
	}
	s.cap.flush()
	for _, v := range resultsToShow(vs) {
		r.display(showValue(v, r.opts))
	}
}

// resultsToShow picks which results of a cell's final expression are
// shown. A multi-value call whose last result is nil (a nil error) shows
// only the other results; when the last result is a non-nil error, the
// results that are nil (a nil pointer, interface, slice or map: Go's "no
// value" with an error) are left out and the error is shown.
func resultsToShow(vs []any) []any {
	if len(vs) < 2 {
		return vs
	}
	last := vs[len(vs)-1]
	if last == nil {
		return vs[:len(vs)-1]
	}
	if _, ok := last.(error); !ok {
		return vs
	}
	out := make([]any, 0, len(vs))
	for _, v := range vs[:len(vs)-1] {
		if !isNilValue(v) {
			out = append(out, v)
		}
	}
	return append(out, last)
}

// isNilValue reports whether v is nil or a nil pointer, interface, slice,
// map, channel or function.
func isNilValue(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Chan, reflect.Func:
		return rv.IsNil()
	}
	return false
}

// show is cell.Show for builtins: a display shown while the cell runs.
func (s *Session) show(b display.Bundle) {
	r := s.current()
	if r == nil {
		return
	}
	s.cap.flush()
	r.display(b)
}

func (s *Session) goPanic(r any) {
	if r == nil {
		return
	}
	msg := fmt.Sprintf("a goroutine started by a cell panicked: %v", r)
	s.goMu.Lock()
	if len(s.goPanics) < 16 {
		s.goPanics = append(s.goPanics, msg)
	}
	s.goMu.Unlock()
}

func (s *Session) takeGoPanics() []string {
	s.goMu.Lock()
	defer s.goMu.Unlock()
	p := s.goPanics
	s.goPanics = nil
	return p
}

// SetOptions sets the display options used for following cells.
func (s *Session) SetOptions(o display.Options) {
	s.optMu.Lock()
	s.dopts = o.Normalized()
	s.optMu.Unlock()
}

func (s *Session) displayOptions() display.Options {
	s.optMu.Lock()
	defer s.optMu.Unlock()
	return s.dopts
}

// Eval runs one cell. See Kernel.Eval.
//
// How a cell runs:
//  1. split.go cuts the cell into top-level declarations and statements
//     (go/scanner, cutting only where the text so far parses) and groups
//     consecutive ones of a kind: imports, declarations, statements, and a
//     final expression.
//  2. features.go plans each group: it checks for what the interpreter
//     cannot do, rewrites what it can (by inserting text, so positions
//     stay exact) and builds the source yaegi evaluates. The user's code
//     keeps its layout: the rest of the cell is blanked, not removed.
//     Statement groups start with ";" so that yaegi runs them once in its
//     main body; a final expression becomes ";__k.Show(expr)", whose
//     variadic host function receives all results of a call.
//  3. Each group runs (yaegiRun.eval, yaegirun.go) in a fresh goroutine while
//     os.Stdout/os.Stderr point at the capture pipe (capture.go) and the
//     cell hooks (builtins/cell) are bound.
//  4. errors.go maps yaegi's errors and panics back to the cell's lines.
func (s *Session) Eval(ctx context.Context, src string, on func(Event)) Result {
	t0 := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Result{Err: &Error{Kind: KernelDied, Message: "the session is closed"}, Duration: time.Since(t0)}
	}
	if s.stale != nil {
		// The interrupted cell's compiled call still runs. Give it a
		// moment (a builtin that checks cell.Context() stops within
		// milliseconds), then say so at once rather than hang: the
		// interpreter cannot run two cells at a time.
		wctx, cancel := context.WithTimeout(ctx, staleWait)
		var err error
		select {
		case <-s.stale:
		case <-wctx.Done():
			err = wctx.Err()
		}
		cancel()
		if err != nil {
			return Result{Err: &Error{Kind: Interrupted, Message: "not run: the interrupted cell's compiled call (a function the interpreter cannot stop midway) is still running",
				Hint: "run this cell again when it has finished, or :reset to restart the kernel and end it"}, Duration: time.Since(t0)}
		}
		s.stale = nil
	}
	if s.unbind != nil {
		s.unbind()
		s.unbind = nil
	}
	if strings.TrimSpace(src) != "" {
		s.cells++ // cells are numbered in stacks ("in f (cell 3, …)")
	}
	run := &cellRun{on: on, opts: s.displayOptions(), done: make(chan struct{})}
	var res Result
	s.cap.start(run.output)
	s.runMu.Lock()
	s.run = run
	s.runMu.Unlock()
	restoreHooks := cell.Bind(cell.Hooks{
		Ctx:  ctx,
		Show: s.show,
		Progress: func(task string, done, total int) {
			if !run.finished.Load() {
				run.event(Event{Kind: ProgressEvent, Text: task, Done: done, Total: total})
			}
		},
		Options: run.opts,
	})
	// yaegi reports some compile failures through the standard logger's
	// log.Panic; keep them off the terminal while the cell runs (the kernel
	// turns them into errors).
	oldLog := log.Writer()
	log.SetOutput(io.Discard)
	defer log.SetOutput(oldLog)
	var restoreStdio func()
	if !s.opts.KeepStdioRedirected {
		restoreStdio = s.cap.redirect()
	}
	res.Err, res.Warnings = s.safeEvalCell(ctx, src)
	if restoreStdio != nil {
		restoreStdio()
	}
	run.finished.Store(true)
	if s.stale != nil {
		// A builtin may still be running in the interrupted cell: keep its
		// (cancelled) context bound so that cell.Context() tells it to
		// stop; the next cell unbinds once it has finished.
		s.unbind = restoreHooks
	} else {
		restoreHooks()
	}
	s.cap.stop()
	s.runMu.Lock()
	s.run = nil
	s.runMu.Unlock()
	close(run.done)
	s.takeSnapshot()
	for _, p := range s.takeGoPanics() {
		res.Warnings = append(res.Warnings, p)
	}
	run.outMu.Lock()
	res.Output = run.out.String()
	res.Displays = run.displays
	res.DisplayAt = run.at
	run.outMu.Unlock()
	res.Duration = time.Since(t0)
	return res
}

// moveShadowingVars works around a yaegi bug: a package-level
// var v = func(x …) {…} whose function literal declares a name that is
// also a global (x here) fails with "variable definition loop" and leaves
// v nil. The same declaration run as a statement works, so such var
// declarations move into a statement group right after their
// declaration group (functions of that group can then not refer to them).
func (s *Session) moveShadowingVars(groups []group, chunks []chunk) []group {
	globals := map[string]bool{}
	for name := range s.globals() {
		globals[name] = true
	}
	for _, c := range chunks {
		if a, ok := c.stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			for _, l := range a.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					globals[id.Name] = true
				}
			}
		}
		if c.decl != nil {
			for _, d := range c.decl.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
					for _, sp := range gd.Specs {
						for _, n := range sp.(*ast.ValueSpec).Names {
							globals[n.Name] = true
						}
					}
				}
			}
		}
	}
	var out []group
	for _, g := range groups {
		if g.kind != declChunk {
			out = append(out, g)
			continue
		}
		var keep, moved []chunk
		for _, c := range g.chunks {
			if shadowsGlobal(c, globals) {
				moved = append(moved, c)
			} else {
				keep = append(keep, c)
			}
		}
		if len(keep) > 0 {
			out = append(out, group{kind: declChunk, chunks: keep})
		}
		if len(moved) > 0 {
			out = append(out, group{kind: stmtChunk, chunks: moved})
		}
	}
	return out
}

// shadowsGlobal reports whether c is a var declaration with a function
// literal that declares one of the names in globals.
func shadowsGlobal(c chunk, globals map[string]bool) bool {
	if c.decl == nil || len(c.decl.Decls) != 1 {
		return false
	}
	gd, ok := c.decl.Decls[0].(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return false
	}
	found := false
	ast.Inspect(gd, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return !found
		}
		ast.Inspect(lit, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.Field:
				for _, id := range m.Names {
					found = found || globals[id.Name]
				}
			case *ast.AssignStmt:
				if m.Tok == token.DEFINE {
					for _, l := range m.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							found = found || globals[id.Name]
						}
					}
				}
			case *ast.ValueSpec:
				for _, id := range m.Names {
					found = found || globals[id.Name]
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{m.Key, m.Value} {
					if id, ok := e.(*ast.Ident); ok && m.Tok == token.DEFINE {
						found = found || globals[id.Name]
					}
				}
			}
			return !found
		})
		return !found
	})
	return found
}

// safeEvalCell is evalCell with a last line of defence: a bug in the
// kernel itself becomes an error of the cell, not a crash.
func (s *Session) safeEvalCell(ctx context.Context, src string) (e *Error, w []string) {
	defer func() {
		if r := recover(); r != nil {
			e = &Error{Kind: Compile, Message: fmt.Sprintf("internal error in the kernel: %v", r),
				Hint: "please report this cell; :reset starts a fresh session if the session misbehaves"}
		}
	}()
	return s.evalCell(ctx, src)
}

// evalCell splits, checks, rewrites and runs a cell's groups in order.
func (s *Session) evalCell(ctx context.Context, src string) (*Error, []string) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	src = stripPackageClause(src)
	chunks, err := splitCell(src)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return e, nil
		}
		return &Error{Kind: Syntax, Message: err.Error()}, nil
	}
	c := &cellSrc{src: src, index: s.cells}
	groups := s.moveShadowingVars(groupChunks(chunks), chunks)
	plans := make([]*evalPlan, 0, len(groups))
	var warnings []string
	for _, g := range groups {
		p, w, e := s.plan(c, g, plans)
		warnings = append(warnings, w...)
		if e != nil {
			return e, warnings
		}
		plans = append(plans, p)
	}
	for _, p := range plans {
		e, w := s.evalPlan(ctx, p)
		warnings = append(warnings, w...)
		if e != nil {
			return e, warnings
		}
	}
	return nil, warnings
}

// stripPackageClause blanks a leading "package name" clause, so that a
// pasted Go file evaluates (its func main is then refused with a hint).
func stripPackageClause(src string) string {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), nil, 0)
	pos, tok, _ := sc.Scan()
	if tok != token.PACKAGE {
		return src
	}
	_, tok, _ = sc.Scan()
	if tok != token.IDENT {
		return src
	}
	end, tok, lit := sc.Scan()
	e := file.Offset(end)
	if tok == token.SEMICOLON && lit == ";" {
		e++
	}
	b := []byte(src)
	for i := file.Offset(pos); i < e && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// evalPlan runs one group. A final expression whose Show call does not
// compile (a call without results) is run as a plain statement.
func (s *Session) evalPlan(ctx context.Context, p *evalPlan) (*Error, []string) {
	if p.noop {
		return nil, nil
	}
	var warnings []string
	err := s.evalSrc(ctx, p)
	if err != nil && p.kind == exprChunk && p.fallback != nil && isCfgError(err) {
		p = p.fallback
		err = s.evalSrc(ctx, p)
	}
	if err != nil && p.defineFallback != nil && isCfgError(err) {
		warnings = p.defineNotes
		p = p.defineFallback
		err = s.evalSrc(ctx, p)
	}
	if err != nil {
		if strings.Contains(err.Error(), "constant definition loop") {
			if e := s.diagnoseDefines(p); e != nil {
				return e, nil
			}
		}
		return s.mapError(err, p), nil
	}
	s.state.commit(p)
	if p.registerTypes != "" {
		// Learn the reflect types of the declared types (for Vars).
		_ = s.evalRaw(p.registerTypes)
	}
	return nil, warnings
}

// diagnoseDefines explains yaegi's "constant definition loop", which it
// reports for a top-level x := expr whose expr does not compile: each
// right-hand side is compiled alone (as _ = expr, at the same position) to
// get the real error.
func (s *Session) diagnoseDefines(p *evalPlan) *Error {
	for _, d := range p.defines {
		base := []byte(blankExcept(p.cell.src, [][2]int{{d.lhsStart, d.end}}))
		lhs := "_" + strings.Repeat(",_", d.n-1) + "="
		for i := d.lhsStart; i < d.opEnd; i++ {
			if base[i] != '\n' {
				base[i] = ' '
			}
		}
		copy(base[d.lhsStart:], lhs)
		q := &evalPlan{kind: stmtChunk, cell: p.cell, yprefix: len("package main; func main() {")}
		q.build(";", string(base), nil, "")
		_, err := s.compile(q.src)
		if err != nil && !strings.Contains(err.Error(), "constant definition loop") {
			return s.mapError(err, q)
		}
	}
	return nil
}

// compile compiles src without running it.
func (s *Session) compile(src string) (_ *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return s.in.Compile(src)
}

func isCfgError(err error) bool { return fmt.Sprintf("%T", err) == "*interp.cfgError" }

// errInterrupted marks an eval stopped by its context.
var errInterrupted = errors.New("interrupted")

// evalSrc runs src and returns when it finishes or ctx is done. An
// interrupted run whose goroutine still runs (blocked in a compiled call)
// is kept in s.stale until it ends.
func (s *Session) evalSrc(ctx context.Context, p *evalPlan) error {
	err, ended := s.yr.eval(ctx, p.src)
	if err != nil && ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		select {
		case <-ended:
		default:
			s.stale = ended
		}
		return errInterrupted
	}
	return err
}

// Vars lists the session's variables, sorted by name.
// While a cell runs it returns the list as it was last asked for.
func (s *Session) Vars() []Var {
	if !s.mu.TryLock() {
		if v := s.lastVars.Load(); v != nil {
			return *v
		}
		return nil
	}
	defer s.mu.Unlock()
	if s.busy() {
		// The interpreter still runs an interrupted call: the list as it
		// was (reading the globals now would race with it).
		if v := s.lastVars.Load(); v != nil {
			return *v
		}
		return nil
	}
	vars := s.vars()
	s.lastVars.Store(&vars)
	return vars
}

func (s *Session) vars() []Var {
	if s.in == nil || s.stale != nil {
		return nil
	}
	g := s.safeGlobals()
	out := make([]Var, 0, len(g))
	for name, v := range g {
		if strings.HasPrefix(name, "__") || name == "_" || s.state.loopOnly[name] {
			continue
		}
		out = append(out, Var{Name: name, Type: s.state.typeName(v), Value: shortValue(v)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Reset discards all state and starts a fresh interpreter.
func (s *Session) Reset() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stale = nil
	s.cells = 0
	if s.unbind != nil {
		s.unbind()
		s.unbind = nil
	}
	s.takeGoPanics()
	s.cap.start(nil)
	s.lastVars.Store(nil)
	err := s.start()
	s.takeSnapshot()
	return err
}

// Close releases the session. Restores os.Stdout/os.Stderr when they were
// kept redirected.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.unbind != nil {
		s.unbind()
		s.unbind = nil
	}
	if s.restore != nil {
		s.restore()
	}
	s.in = nil
	s.snap.Store(nil)
	if s.stdin != nil && s.stdin != s.opts.Stdin {
		s.stdin.Close()
	}
	s.cap.close()
	return nil
}

var _ Kernel = (*Session)(nil)
