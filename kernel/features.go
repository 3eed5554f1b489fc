package kernel

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gostat/gostat/builtins/symbols"
)

// The interpreter (yaegi v0.16.1) lacks some Go features, and runs a
// cell's statements in the global scope, where some constructs fail that
// work inside functions. Before a group runs, the kernel rewrites what it
// can rewrite safely and refuses the rest with an Unsupported error that
// names the feature and a workaround. Rewrites keep every byte of the
// user's code at its place on its line (text is only inserted), and errors
// are mapped back through the insertions, so positions stay exact.
//
// Rewritten:
//   - range over an int (Go 1.22): range over make([]struct{}, n) (no
//     memory is allocated) when n is visibly an integer: a literal, len or
//     cap, a conversion, an integer global, a parameter or local declared
//     in the cell with an integer type, arithmetic on those. The loop
//     variable is then an int. Otherwise, if the interpreter fails, the
//     error names the feature.
//   - min and max: calls become host functions for float64, int or string,
//     chosen from the arguments' visible types (float64 when nothing is
//     known; a float literal makes it float64, so min(1, 2.5) is 1 as in
//     Go, and NaN and ±0 follow Go's rules). clear: a host function for
//     maps and slices.
//   - top-level comma-ok: v, ok := m[k] becomes v, ok := m[k], false;
//     v, ok = m[k] (only when the index has no calls: it is evaluated
//     twice), and v, ok := x.(T) becomes v, ok := *new(T), false; v, ok =
//     x.(T).
//   - a top-level if, for, switch, select or block that contains a
//     comma-ok definition or a type switch with a binding runs inside
//     func() { … }() (the variables it declares are local to it anyway).
//   - var e error = T{} and error(T{}) at top level: the value is wrapped
//     in func() error { return T{} }().
//   - loop variables captured by closures: each iteration gets its own
//     copy (Go 1.22 semantics; yaegi's closures all see the last value).
//     The header variable is renamed and the body starts with
//     i := __lv_i; three-clause loops whose body assigns the variable are
//     left alone.
//   - x := v where x is already a global that functions use: run as
//     x = v (yaegi would make a new x and leave the functions with the
//     old one); if v's type differs, the := runs and a warning names the
//     functions that keep the old x.
//   - go statements: each goroutine body gets a deferred recover that
//     reports a panic with the next result instead of crashing the
//     process. For go f(x) the arguments are evaluated in the new
//     goroutine rather than before it starts.
//   - importing an already imported package under the same name is a
//     no-op (the pre-imported fmt, math, … included).
//   - var v = func(x …) {…} whose function literal declares a name that
//     is also a global runs as a statement (yaegi reports "variable
//     definition loop" otherwise); see moveShadowingVars.
//
// Refused (Unsupported, with a workaround):
//   - range over a function (Go 1.23 iterators) and package iter;
//   - v, ok := <-ch at top level, and comma-ok in a top-level var;
//   - declaring a variable from a generic function's result at top level
//     (x := Rev(xs): yaegi fails), though the call itself works;
//   - generic functions with two or more type parameters whose function
//     typed parameters use them, called without explicit type arguments;
//   - method expressions used as values (g := T.M);
//   - slices and maps functions the interpreter cannot compile
//     (slices.Sort, slices.Max, maps.Keys, …);
//   - defer at the top level of a cell (yaegi runs it at once and again
//     after every later cell);
//   - func main (it would re-run after every later cell) and redefining a
//     type with a different definition (yaegi would silently keep the old
//     one); rebinding a package name to another import path.

// slicesOK are the functions of package slices that work in yaegi v0.16.1.
var slicesOK = map[string]bool{"Contains": true, "ContainsFunc": true, "Index": true, "IndexFunc": true, "DeleteFunc": true}

// mapsOK are the functions of package maps that work.
var mapsOK = map[string]bool{"DeleteFunc": true}

// slicesFix suggests replacements for slices functions.
var slicesFix = map[string]string{
	"Sort":           "use sort.Ints, sort.Float64s or sort.Strings, or sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })",
	"SortFunc":       "use sort.Slice(xs, func(i, j int) bool { return less(xs[i], xs[j]) })",
	"SortStableFunc": "use sort.SliceStable(xs, func(i, j int) bool { return less(xs[i], xs[j]) })",
	"Max":            "use floats.Max(xs) from gonum.org/v1/gonum/floats (float64), or a loop",
	"Min":            "use floats.Min(xs) from gonum.org/v1/gonum/floats (float64), or a loop",
	"Reverse":        "use floats.Reverse(xs) from gonum.org/v1/gonum/floats (float64), or a loop swapping xs[i] and xs[len(xs)-1-i]",
	"Clone":          "use append([]T(nil), xs...)",
	"Equal":          "use floats.Equal(a, b) from gonum.org/v1/gonum/floats (float64), or a loop",
	"BinarySearch":   "use sort.SearchInts, sort.SearchFloat64s or sort.Search",
	"IsSorted":       "use sort.IntsAreSorted, sort.Float64sAreSorted or sort.SliceIsSorted",
}

const unsupportedPrefix = "not supported by the interpreter (yaegi v0.16.1): "

// plan prepares one group of a cell: checks, rewrites, and the source the
// interpreter evaluates.
func (s *Session) plan(c *cellSrc, g group, prev []*evalPlan) (*evalPlan, []string, *Error) {
	// Names declared by earlier groups of the same cell count as known.
	lookupImport := func(name string) (string, bool) {
		for i := len(prev) - 1; i >= 0; i-- {
			if path, ok := prev[i].newImports[name]; ok {
				return path, true
			}
		}
		path, ok := s.state.imports[name]
		return path, ok
	}
	lookupType := func(name string) (string, bool) {
		for i := len(prev) - 1; i >= 0; i-- {
			if def, ok := prev[i].newTypes[name]; ok {
				return def, true
			}
		}
		def, ok := s.state.types[name]
		return def, ok
	}
	lookupFunc := func(name string) (funcInfo, bool) {
		for i := len(prev) - 1; i >= 0; i-- {
			if fi, ok := prev[i].newFuncs[name]; ok {
				return fi, true
			}
		}
		fi, ok := s.state.funcs[name]
		return fi, ok
	}
	base := blankExcept(c.src, g.ranges())
	p := &evalPlan{kind: g.kind, cell: c, nchunks: len(g.chunks), firstChunk: g.chunks[0].start, newTypes: map[string]string{}, newFuncs: map[string]funcInfo{}, newImports: map[string]string{}, newMethods: map[string]map[string]funcInfo{}}
	fset := token.NewFileSet()
	var root ast.Node
	var off0 int // parse wrapper length: AST offset - off0 = cell offset
	var stmts []ast.Stmt
	errAt := func(off int, kind ErrorKind, msg, hint string) *Error {
		l, col := c.position(off)
		return &Error{Kind: kind, Message: msg, Hint: hint, Line: l, Col: col}
	}
	switch g.kind {
	case declChunk, importChunk:
		f, err := parseDeclChunk(fset, base)
		if err != nil {
			return nil, nil, chunkSyntaxError(c.src, g.chunks[0].start, g.chunks[len(g.chunks)-1].end)
		}
		root, off0 = f, len(declPrefix)
	default:
		list, err := parseStmtChunk(fset, base)
		if err != nil {
			return nil, nil, chunkSyntaxError(c.src, g.chunks[0].start, g.chunks[len(g.chunks)-1].end)
		}
		stmts = list
		root, off0 = &ast.BlockStmt{List: list}, len(stmtPrefix)
	}
	offset := func(pos token.Pos) int { return fset.Position(pos).Offset - off0 }
	text := func(n ast.Node) string { return nodeText(c.src, fset, n, off0) }

	var edits []edit
	var assignEdits []edit // x := v → x = v for globals functions use
	var warnings []string
	var perr *Error
	fail := func(e *Error) {
		if perr == nil {
			perr = e
		}
	}
	unsupported := func(n ast.Node, feature, fix string) {
		fail(errAt(offset(n.Pos()), Unsupported, unsupportedPrefix+feature, fix))
	}

	// Declarations: imports, types, funcs.
	localTypes := map[string]bool{}
	var typeSpecs []*ast.TypeSpec
	if f, ok := root.(*ast.File); ok {
		kept := 0
		for _, im := range f.Imports {
			path := strings.Trim(im.Path.Value, "\"`")
			name := pkgName(path)
			if im.Name != nil {
				name = im.Name.Name
			}
			if path == "iter" {
				unsupported(im, "package iter (range-over-func iterators)", "write loops over slices, or functions that take a callback")
			}
			if name == "_" || name == "." {
				kept++
				continue
			}
			if old, ok := lookupImport(name); ok {
				if old == path {
					// Already imported (pre-imported packages, or an
					// earlier cell): importing again is a no-op, as yaegi
					// would refuse it.
					o := offset(im.Path.Pos())
					if im.Name != nil {
						o = offset(im.Name.Pos())
						e := offset(im.Name.End())
						edits = append(edits, edit{o, e, "_"})
					} else {
						edits = append(edits, edit{o, o, "_ "})
					}
					continue
				}
				fail(errAt(offset(im.Pos()), Compile,
					fmt.Sprintf("%s is already imported as %q; the interpreter cannot rebind a package name", name, old),
					fmt.Sprintf("import it under another name: import %s2 %q", name, path)))
			}
			kept++
			p.newImports[name] = path
		}
		if len(f.Imports) > 0 && kept == 0 && len(f.Decls) == len(importDecls(f)) {
			p.noop = true
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "main" {
					fail(errAt(offset(d.Name.Pos()), Compile, "func main cannot be declared in a cell: cells run from top to bottom, and the interpreter would run main again after every later cell",
						"rename it (for example to run) and call it: run()"))
				}
				if path, ok := lookupImport(d.Name.Name); ok && d.Recv == nil {
					fail(errAt(offset(d.Name.Pos()), Compile,
						fmt.Sprintf("%s is the name of the imported package %q", d.Name.Name, path),
						"choose another name for the function"))
				}
				if d.Recv == nil {
					p.newFuncs[d.Name.Name] = s.funcInfo(fset, d, p)
					if _, redefined := lookupFunc(d.Name.Name); redefined {
						if callers := s.callersOf(d.Name.Name); len(callers) > 0 {
							warnings = append(warnings, fmt.Sprintf("%s is redefined, but %s, defined earlier, still call the old %s: run their cells again to use the new one",
								d.Name.Name, strings.Join(callers, ", "), d.Name.Name))
						}
					}
				} else if len(d.Recv.List) == 1 {
					rt := d.Recv.List[0].Type
					if st, ok := rt.(*ast.StarExpr); ok {
						rt = st.X
					}
					if id, ok := rt.(*ast.Ident); ok {
						if p.newMethods[id.Name] == nil {
							p.newMethods[id.Name] = map[string]funcInfo{}
						}
						p.newMethods[id.Name][d.Name.Name] = s.funcInfo(fset, d, p)
					}
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					if ts, ok := sp.(*ast.TypeSpec); ok {
						typeSpecs = append(typeSpecs, ts)
					}
					var names []*ast.Ident
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						names = []*ast.Ident{sp.Name}
					case *ast.ValueSpec:
						names = sp.Names
					}
					for _, id := range names {
						if path, ok := lookupImport(id.Name); ok {
							fail(errAt(offset(id.Pos()), Compile,
								fmt.Sprintf("%s is the name of the imported package %q", id.Name, path),
								"choose another name"))
						}
					}
				}
			}
		}
	}
	for _, st := range stmts {
		if ds, ok := st.(*ast.DeclStmt); ok {
			if gd, ok := ds.Decl.(*ast.GenDecl); ok {
				for _, sp := range gd.Specs {
					if ts, ok := sp.(*ast.TypeSpec); ok {
						typeSpecs = append(typeSpecs, ts)
					}
				}
			}
		}
	}
	for _, ts := range typeSpecs {
		def := typeDef(fset, ts)
		localTypes[ts.Name.Name] = true
		if old, ok := lookupType(ts.Name.Name); ok && old != def {
			fail(errAt(offset(ts.Name.Pos()), Compile,
				fmt.Sprintf("type %s is already defined as %s; the interpreter cannot change a type's definition", ts.Name.Name, old),
				fmt.Sprintf("use a new name (for example %s2), or :reset to start a fresh session", ts.Name.Name)))
		}
		p.newTypes[ts.Name.Name] = def
	}
	if len(p.newTypes) > 0 && perr == nil {
		var b strings.Builder
		for name := range p.newTypes {
			if ts := findTypeSpec(typeSpecs, name); ts != nil && ts.TypeParams == nil {
				fmt.Fprintf(&b, ";__k.RegisterType(%q, (*%s)(nil))", name, name)
			}
		}
		p.registerTypes = b.String()
	}
	isType := func(name string) bool {
		_, ok := lookupType(name)
		return ok || localTypes[name]
	}
	funcInfoOf := func(name string) (funcInfo, bool) {
		if fi, ok := p.newFuncs[name]; ok {
			return fi, true
		}
		return lookupFunc(name)
	}
	pkgOf := func(name string) string {
		if path, ok := p.newImports[name]; ok {
			return path
		}
		path, _ := lookupImport(name)
		return path
	}
	globals := s.globalKinds()
	// Names the cell declares or assigns at top level: in earlier groups
	// (prevAssigned) and in this one (p.assigned).
	p.assigned = topLevelNames(root)
	p.loopVars = topLoopVars(stmts)
	for name := range p.loopVars {
		if _, isGlobal := globals[name]; isGlobal {
			delete(p.loopVars, name) // a session variable the loop reuses
		}
	}
	prevAssigned := func(name string) bool {
		for _, q := range prev {
			if q.assigned[name] {
				return true
			}
		}
		return false
	}

	// Walk everything for go statements, ranges, calls and selectors.
	callFuns := map[ast.Expr]bool{}
	declared := declaredTypes(root)
	genericCalls := map[*ast.CallExpr]string{}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			callFuns[n.Fun] = true
			if msg, hint := s.typeCalled(n, pkgOf); msg != "" {
				fail(errAt(offset(n.Pos()), Compile, msg, hint))
			}
			if id, ok := n.Fun.(*ast.Ident); ok {
				if (id.Name == "min" || id.Name == "max") && !userDefined(p, lookupFunc, id.Name) && len(n.Args) > 0 {
					typ, bad := minMaxType(n.Args, globals, declared)
					if bad != "" {
						unsupported(n, id.Name+" over "+bad+" values",
							fmt.Sprintf("%s is provided for float64, int and string; convert the arguments, e.g. %s(float64(a), float64(b))", id.Name, id.Name))
					} else {
						o, e := offset(id.Pos()), offset(id.End())
						edits = append(edits, edit{o, e, "__k." + strings.ToUpper(id.Name[:1]) + id.Name[1:] + typ})
						p.minmax = true
					}
				}
				if id.Name == "clear" && !userDefined(p, lookupFunc, id.Name) {
					o, e := offset(id.Pos()), offset(id.End())
					edits = append(edits, edit{o, e, "__k.Clear"})
				}
				if fi, ok := funcInfoOf(id.Name); ok && fi.tparams > 0 {
					genericCalls[n] = id.Name
				}
				if fi, ok := funcInfoOf(id.Name); ok && fi.tparams >= 2 && fi.funcTyp {
					unsupported(n, fmt.Sprintf("inferring the %d type parameters of %s from a function argument", fi.tparams, id.Name),
						fmt.Sprintf("give the type arguments explicitly: %s[T1, T2](…)", id.Name))
				}
			}
		case *ast.GoStmt:
			const rec = "defer func(){__k.GoPanic(recover())}();"
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
				o := offset(lit.Body.Lbrace) + 1
				edits = append(edits, edit{o, o, rec})
			} else {
				o, e := offset(n.Call.Pos()), offset(n.Call.End())
				edits = append(edits, edit{o, o, "func(){" + rec}, edit{e, e, "}()"})
			}
		case *ast.ForStmt:
			edits = append(edits, perIteration(n, n.Body, offset)...)
		case *ast.RangeStmt:
			edits = append(edits, perIteration(n, n.Body, offset)...)
			switch x := n.X.(type) {
			case *ast.FuncLit:
				unsupported(x, "range over a function (Go 1.23 iterators)", "call the function with a callback, or collect the values into a slice and range over it")
				return true
			case *ast.Ident:
				if fi, ok := funcInfoOf(x.Name); ok && fi.sig != "" && globals[x.Name] == reflect.Invalid {
					unsupported(x, "range over a function (Go 1.23 iterators)", "call the function with a callback, or collect the values into a slice and range over it")
					return true
				}
				if globals[x.Name] == reflect.Func {
					unsupported(x, "range over a function (Go 1.23 iterators)", "call the function with a callback, or collect the values into a slice and range over it")
					return true
				}
			}
			if isIntExpr(n.X, globals, declared) {
				o, e := offset(n.X.Pos()), offset(n.X.End())
				edits = append(edits, edit{o, o, "make([]struct{}, "}, edit{e, e, ")"})
			} else {
				p.suspects = append(p.suspects, suspect{offset(n.X.Pos()), "range over an int (Go 1.22) or over a function (Go 1.23)",
					"write for i := 0; i < n; i++ { … }, or range over a slice"})
			}
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && pkgOf(id.Name) == "" && id.Obj == nil && !p.assigned[id.Name] && !prevAssigned(id.Name) {
				if _, isGlobal := globals[id.Name]; !isGlobal && declared[id.Name] == "" && !isType(id.Name) {
					if _, isFunc := funcInfoOf(id.Name); !isFunc {
						if paths := importable(id.Name); len(paths) > 0 {
							fail(errAt(offset(id.Pos()), Compile,
								fmt.Sprintf("undefined: %s (package %s is not imported)", id.Name, strings.Join(quoteAll(paths), " or ")),
								fmt.Sprintf("import it first: import %q", paths[0])))
						}
					}
				}
			}
			if id, ok := n.X.(*ast.Ident); ok {
				switch pkgOf(id.Name) {
				case "slices":
					if !slicesOK[n.Sel.Name] {
						fix := slicesFix[n.Sel.Name]
						if fix == "" {
							fix = "write it with a loop, or use package sort or gonum.org/v1/gonum/floats"
						}
						unsupported(n, "slices."+n.Sel.Name, fix+" (slices.Contains, ContainsFunc, Index, IndexFunc and DeleteFunc work)")
					}
				case "maps":
					if !mapsOK[n.Sel.Name] {
						unsupported(n, "maps."+n.Sel.Name, "loop over the map: for k, v := range m { … }")
					}
				}
				if isType(id.Name) && !callFuns[n] && globals[id.Name] == reflect.Invalid {
					unsupported(n, "a method expression used as a value ("+id.Name+"."+n.Sel.Name+")",
						fmt.Sprintf("wrap it in a function literal: func(v %s, …) { return v.%s(…) }, or call it directly", id.Name, n.Sel.Name))
				}
			}
			if par, ok := n.X.(*ast.ParenExpr); ok {
				if st, ok := par.X.(*ast.StarExpr); ok {
					if id, ok := st.X.(*ast.Ident); ok && isType(id.Name) && !callFuns[n] {
						unsupported(n, "a method expression used as a value ((*"+id.Name+")."+n.Sel.Name+")",
							fmt.Sprintf("wrap it in a function literal: func(v *%s, …) { return v.%s(…) }", id.Name, n.Sel.Name))
					}
				}
			}
		}
		return true
	})

	// Top-level statements: comma-ok forms and error-typed interface values.
	genericDefine := func(n ast.Node, rhs []ast.Expr) {
		for _, r := range rhs {
			if call, ok := r.(*ast.CallExpr); ok {
				if name, ok := genericCalls[call]; ok {
					unsupported(n, "declaring a variable from a generic function's result ("+name+") at the top level of a cell",
						fmt.Sprintf("declare the variable with its type first and assign: var v T; v = %s(…) — or use the call inside a function or directly as the cell's last expression", name))
				}
			}
		}
	}
	seen := map[string]bool{}
	arity := &arityChecker{in: s.in, pkgOf: pkgOf, funcInfo: funcInfoOf, globals: s.globals(),
		local: func(name string) bool { return seen[name] || prevAssigned(name) }}
	checkArity := func(n ast.Node, lhs []ast.Expr, rhs []ast.Expr) {
		var names []string
		for _, l := range lhs {
			names = append(names, text(l))
		}
		if msg, hint := arity.check(len(lhs), rhs, strings.Join(names, ", "), text); msg != "" {
			fail(errAt(offset(n.Pos()), Compile, msg, hint))
		}
	}
	topVar := func(vs *ast.ValueSpec) {
		var lhs []ast.Expr
		for _, id := range vs.Names {
			lhs = append(lhs, id)
		}
		checkArity(vs, lhs, vs.Values)
		for _, id := range vs.Names {
			seen[id.Name] = true
		}
		genericDefine(vs, vs.Values)
		if len(vs.Names) == 2 && len(vs.Values) == 1 && isCommaOK(vs.Values[0]) {
			unsupported(vs, "comma-ok in a top-level var declaration",
				"use := (v, ok := m[k]), or declare the variables first and assign: var v T; var ok bool; v, ok = m[k]")
		}
		if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "error" {
			for _, v := range vs.Values {
				if isNilIdent(v) {
					continue
				}
				edits = append(edits, wrapError(v, offset)...)
			}
		}
	}
	if f, ok := root.(*ast.File); ok {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, sp := range gd.Specs {
					topVar(sp.(*ast.ValueSpec))
				}
			}
		}
	}
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				unsupported(n, "defer at the top level of a cell (the interpreter would run the deferred call at once and again after every later cell)",
					"put the code in a function, e.g. func() { defer f.Close(); … }(), or make the call at the end of the cell")
			}
			return true
		})
		if needsFuncScope(st) {
			// yaegi runs a cell's statements in the global scope, where
			// comma-ok definitions and type-switch bindings fail even
			// inside blocks. Variables a compound statement declares are
			// local to it, so running it in a function literal is the same.
			o, e := offset(st.Pos()), offset(st.End())
			edits = append(edits, edit{o, o, "func() { "}, edit{e, e, " }()"})
			continue
		}
		switch st := st.(type) {
		case *ast.DeclStmt:
			if gd, ok := st.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, sp := range gd.Specs {
					topVar(sp.(*ast.ValueSpec))
				}
			}
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE || st.Tok == token.ASSIGN {
				checkArity(st, st.Lhs, st.Rhs)
				for _, l := range st.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						seen[id.Name] = true
					}
				}
			}
			if st.Tok == token.DEFINE {
				// x := v where x is a global that functions use: yaegi
				// would make a new x and leave the functions with the old
				// one. Run it as x = v (same layout: ":=" becomes " =");
				// if that does not compile (v has another type), run the
				// original and warn.
				allExist, used := true, false
				var notes []string
				for _, l := range st.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok || id.Name == "_" {
						continue
					}
					if _, exists := globals[id.Name]; !exists {
						allExist = false
						continue
					}
					if users := s.usersOf(id.Name); len(users) > 0 {
						used = true
						notes = append(notes, fmt.Sprintf("%s := declares a new %s (its type changed), but %s, defined earlier, still use the old one: run their cells again to use the new one",
							id.Name, id.Name, strings.Join(users, ", ")))
					}
				}
				if used && allExist && len(st.Rhs) > 0 {
					o := offset(st.TokPos)
					assignEdits = append(assignEdits, edit{o, o + 2, " ="})
					p.defineNotes = append(p.defineNotes, notes...)
				}
				p.defines = append(p.defines, define{lhsStart: offset(st.Lhs[0].Pos()), opEnd: offset(st.TokPos) + 2, end: offset(st.End()), n: len(st.Lhs)})
				genericDefine(st, st.Rhs)
				for _, r := range st.Rhs {
					if call, ok := r.(*ast.CallExpr); ok && len(call.Args) == 1 {
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "error" && !isNilIdent(call.Args[0]) {
							edits = append(edits, wrapError(call.Args[0], offset)...)
						}
					}
				}
			}
			if st.Tok != token.DEFINE || len(st.Lhs) != 2 || len(st.Rhs) != 1 {
				break
			}
			lhs := text(st.Lhs[0]) + ", " + text(st.Lhs[1])
			switch r := st.Rhs[0].(type) {
			case *ast.IndexExpr:
				if !pureExpr(r) {
					unsupported(st, "comma-ok (v, ok := m[k]) at the top level of a cell with a computed key",
						"compute the key first (k := …; v, ok := m[k]), or wrap the code in a function")
					break
				}
				e := offset(r.End())
				edits = append(edits, edit{e, e, ", false; " + lhs + " = " + text(r)})
			case *ast.TypeAssertExpr:
				if r.Type == nil {
					break
				}
				o := offset(r.Pos())
				edits = append(edits, edit{o, o, "*new(" + text(r.Type) + "), false; " + lhs + " = "})
			case *ast.UnaryExpr:
				if r.Op == token.ARROW {
					unsupported(st, "comma-ok receive (v, ok := <-ch) at the top level of a cell",
						"declare the variables first and assign: var v T; var ok bool; v, ok = <-ch (or do it inside a function)")
				}
			}
		}
	}
	if perr != nil {
		return nil, warnings, perr
	}

	switch g.kind {
	case declChunk, importChunk:
		p.yprefix = len("package main;")
		p.build("", base, edits, "")
	case stmtChunk:
		p.yprefix = len("package main; func main() {")
		if len(assignEdits) > 0 {
			orig := *p
			orig.segs = nil
			orig.build(";", base, edits, "")
			p.build(";", base, append(append([]edit(nil), edits...), assignEdits...), "")
			p.defineFallback = &orig
		} else {
			p.build(";", base, edits, "")
		}
	case exprChunk:
		fb := *p
		fb.kind = stmtChunk
		fb.segs = nil
		fb.yprefix = len("package main; func main() {")
		fb.build(";", base, edits, "")
		if isPrintCall(stmts[0], pkgOf) {
			return &fb, warnings, nil
		}
		end := g.chunks[0].end
		var inner []edit
		for _, e := range edits {
			if e.start <= end {
				inner = append(inner, e)
			}
		}
		inner = append(inner, edit{end, end, ")"})
		p.yprefix = len("package main; func main() {")
		p.build(";__k.Show(", base, inner, "")
		p.fallback = &fb
	}
	return p, warnings, nil
}

func findTypeSpec(specs []*ast.TypeSpec, name string) *ast.TypeSpec {
	for _, ts := range specs {
		if ts.Name.Name == name {
			return ts
		}
	}
	return nil
}

// typeDef is the normalised text of a type definition.
func typeDef(fset *token.FileSet, ts *ast.TypeSpec) string {
	var b strings.Builder
	if ts.TypeParams != nil {
		b.WriteString(printNode(fset, ts.TypeParams))
		b.WriteByte(' ')
	}
	if ts.Assign.IsValid() {
		b.WriteString("= ")
	}
	b.WriteString(printNode(fset, ts.Type))
	return strings.Join(strings.Fields(b.String()), " ")
}

// funcInfo describes a declared function for completion, docs and the
// generic-inference check.
func (s *Session) funcInfo(fset *token.FileSet, d *ast.FuncDecl, p *evalPlan) funcInfo {
	fi := funcInfo{plan: p, calls: map[string]bool{}, uses: map[string]bool{}}
	if d.Body != nil {
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok {
					fi.calls[id.Name] = true
				}
			case *ast.Ident:
				// Globals: names not declared inside the function.
				if n.Obj == nil || !inside(d, n.Obj.Decl) {
					fi.uses[n.Name] = true
				}
			}
			return true
		})
	}
	sig := *d
	sig.Body = nil
	sig.Doc = nil
	fi.sig = strings.Join(strings.Fields(printNode(fset, &sig)), " ")
	fi.results = d.Type.Results.NumFields()
	if d.Doc != nil {
		fi.doc = d.Doc.Text()
	}
	if d.Type.TypeParams != nil {
		tp := map[string]bool{}
		for _, f := range d.Type.TypeParams.List {
			for _, n := range f.Names {
				tp[n.Name] = true
				fi.tparams++
			}
		}
		for _, f := range d.Type.Params.List {
			if ft, ok := f.Type.(*ast.FuncType); ok {
				ast.Inspect(ft, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && tp[id.Name] {
						fi.funcTyp = true
					}
					return true
				})
			}
		}
	}
	return fi
}

// usersOf lists the session's functions that use the global name, sorted.
func (s *Session) usersOf(name string) []string {
	var out []string
	for f, fi := range s.state.funcs {
		if fi.uses[name] {
			out = append(out, f)
		}
	}
	for t, ms := range s.state.methods {
		for m, fi := range ms {
			if fi.uses[name] {
				out = append(out, t+"."+m)
			}
		}
	}
	sort.Strings(out)
	return out
}

// inside reports whether decl (an object's declaring node) lies in n.
func inside(n ast.Node, decl any) bool {
	dn, ok := decl.(ast.Node)
	return ok && dn.Pos() >= n.Pos() && dn.End() <= n.End()
}

// callersOf lists the session's functions that call name, sorted.
func (s *Session) callersOf(name string) []string {
	var out []string
	for f, fi := range s.state.funcs {
		if f != name && fi.calls[name] {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// userDefined reports whether a cell declared a function of that name.
func userDefined(p *evalPlan, lookup func(string) (funcInfo, bool), name string) bool {
	if _, ok := p.newFuncs[name]; ok {
		return true
	}
	_, ok := lookup(name)
	return ok
}

// minMaxType picks the host implementation of min or max for the
// arguments: Float64 when any argument is visibly a float (or nothing is
// known), String for strings, Int for integers. bad names a known type the
// host functions do not cover.
func minMaxType(args []ast.Expr, globals map[string]reflect.Kind, declared map[string]string) (typ, bad string) {
	hasFloat, hasString, hasInt := false, false, false
	for _, a := range args {
		switch t := exprType(a, globals, declared); t {
		case "float64", "untyped float":
			hasFloat = true
		case "string":
			hasString = true
		case "int", "untyped int":
			hasInt = true
		case "":
		default:
			bad = t
		}
	}
	switch {
	case bad != "":
		return "", bad
	case hasFloat:
		return "Float64", ""
	case hasString:
		return "String", ""
	case hasInt:
		return "Int", ""
	}
	return "Float64", ""
}

// exprType guesses the type of an expression from its syntax, the
// session's globals and the types declared in the group; "" when unknown.
func exprType(e ast.Expr, globals map[string]reflect.Kind, declared map[string]string) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT:
			return "untyped int"
		case token.FLOAT:
			return "untyped float"
		case token.STRING:
			return "string"
		}
	case *ast.ParenExpr:
		return exprType(e.X, globals, declared)
	case *ast.UnaryExpr:
		return exprType(e.X, globals, declared)
	case *ast.BinaryExpr:
		x, y := exprType(e.X, globals, declared), exprType(e.Y, globals, declared)
		if x == "" || strings.HasPrefix(x, "untyped") {
			if y != "" {
				return y
			}
		}
		return x
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok {
			switch id.Name {
			case "len", "cap":
				return "int"
			case "float64", "int", "string", "float32", "int64", "int32", "uint", "uint64":
				return id.Name
			}
		}
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "math" {
				return "float64"
			}
		}
	case *ast.Ident:
		if t, ok := declared[e.Name]; ok {
			if t == "?" {
				return ""
			}
			return t
		}
		if k, ok := globals[e.Name]; ok {
			switch k {
			case reflect.Float64:
				return "float64"
			case reflect.Int:
				return "int"
			case reflect.String:
				return "string"
			case reflect.Invalid:
				return ""
			}
			return k.String()
		}
	}
	return ""
}

// declaredTypes collects names declared in a group with a visible basic
// type: parameters and results (a, b float64), var x T, x := literal.
func declaredTypes(root ast.Node) map[string]string {
	m := map[string]string{}
	// A name declared twice with different types (or with a type that is
	// not a plain name) is ambiguous: "?".
	set := func(name, t string) {
		if old, ok := m[name]; ok && old != t {
			t = "?"
		}
		m[name] = t
	}
	setExpr := func(name string, t ast.Expr) {
		if id, ok := t.(*ast.Ident); ok {
			set(name, id.Name)
		} else {
			set(name, "?")
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			for _, id := range n.Names {
				setExpr(id.Name, n.Type)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if n.Type != nil {
					setExpr(id.Name, n.Type)
				} else {
					set(id.Name, "?")
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok && n.Tok == token.DEFINE {
					set(id.Name, "?")
				}
			}
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				break
			}
			for i, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				t := "?"
				if len(n.Lhs) == len(n.Rhs) {
					if et := exprType(n.Rhs[i], nil, m); et != "" {
						t = strings.TrimPrefix(strings.Replace(et, "untyped float", "float64", 1), "untyped ")
					}
				}
				set(id.Name, t)
			}
		}
		return true
	})
	return m
}

// isIntExpr reports whether e is visibly an integer: a literal, len/cap,
// a conversion to an integer type, a global integer variable, a name
// declared in the group with an integer type, or arithmetic on those.
func isIntExpr(e ast.Expr, globals map[string]reflect.Kind, declared map[string]string) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT
	case *ast.ParenExpr:
		return isIntExpr(e.X, globals, declared)
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && (id.Name == "len" || id.Name == "cap") {
			return true
		}
		if id, ok := e.Fun.(*ast.Ident); ok && len(e.Args) == 1 {
			return isIntTypeName(id.Name)
		}
	case *ast.Ident:
		if t, ok := declared[e.Name]; ok {
			return isIntTypeName(t)
		}
		switch globals[e.Name] {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return true
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM:
			return isIntExpr(e.X, globals, declared) || isIntExpr(e.Y, globals, declared)
		case token.SHL, token.SHR:
			return isIntExpr(e.X, globals, declared)
		}
	case *ast.UnaryExpr:
		return e.Op == token.SUB && isIntExpr(e.X, globals, declared)
	}
	return false
}

func isIntTypeName(t string) bool {
	switch t {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return true
	}
	return false
}

// globalKinds returns the reflect kind of every global of the session.
func (s *Session) globalKinds() map[string]reflect.Kind {
	m := map[string]reflect.Kind{}
	if s.in == nil {
		return m
	}
	for name, v := range s.safeGlobals() {
		if v.IsValid() {
			k := v.Kind()
			if k == reflect.Interface && !v.IsNil() {
				k = v.Elem().Kind()
			}
			m[name] = k
		}
	}
	return m
}

var (
	importableOnce sync.Once
	importableMap  map[string][]string
)

// importable returns the import paths of the packages a cell can import
// whose name is name (standard library and exposed packages), sorted.
func importable(name string) []string {
	importableOnce.Do(func() {
		importableMap = map[string][]string{}
		add := func(key string) {
			path := key[:strings.LastIndex(key, "/")]
			if strings.Contains(path, "internal") || strings.HasPrefix(path, "github.com/traefik") {
				return
			}
			n := pkgName(path)
			importableMap[n] = append(importableMap[n], path)
		}
		for key := range stdlib.Symbols {
			if strings.Contains(key, "/") {
				add(key)
			}
		}
		for key := range symbols.Symbols {
			add(key)
		}
		for _, v := range importableMap {
			sort.Strings(v)
		}
	})
	return importableMap[name]
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

func importDecls(f *ast.File) []ast.Decl {
	var out []ast.Decl
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			out = append(out, d)
		}
	}
	return out
}

// loopVarPrefix renames loop variables in loop headers (see
// perIteration); error messages drop it.
const loopVarPrefix = "__lv_"

// perIteration gives each iteration of a loop its own copy of the loop
// variables when closures in the body capture them (Go 1.22 semantics;
// yaegi's closures all see the last value). The header's variables are
// renamed and the body starts by declaring the user's names from them:
// for i := range 3 { … } becomes for __lv_i := range 3 { i := __lv_i; … }.
// (yaegi hangs on i := i at the top level, and a new name is what works.)
// A three-clause loop is only rewritten when its body does not assign to
// the variables or take their address, so the loop does the same.
func perIteration(loop ast.Stmt, body *ast.BlockStmt, offset func(token.Pos) int) []edit {
	var decl []*ast.Ident // the declaring identifiers
	var header []ast.Node // parts of the header that may use them
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if l.Tok != token.DEFINE {
			return nil
		}
		for _, e := range []ast.Expr{l.Key, l.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				decl = append(decl, id)
			}
		}
	case *ast.ForStmt:
		init, ok := l.Init.(*ast.AssignStmt)
		if !ok || init.Tok != token.DEFINE {
			return nil
		}
		for _, e := range init.Lhs {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				decl = append(decl, id)
			}
		}
		for _, n := range []ast.Node{l.Cond, l.Post} {
			if n != nil && !reflect.ValueOf(n).IsNil() {
				header = append(header, n)
			}
		}
	}
	if len(decl) == 0 || body == nil {
		return nil
	}
	hasClosure := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			hasClosure = true
		}
		return !hasClosure
	})
	if !hasClosure {
		return nil
	}
	objs := map[*ast.Object]bool{}
	for _, id := range decl {
		if id.Obj == nil {
			return nil
		}
		objs[id.Obj] = true
	}
	if _, ok := loop.(*ast.ForStmt); ok {
		written := false
		mark := func(e ast.Expr) {
			if id, ok := e.(*ast.Ident); ok && objs[id.Obj] {
				written = true
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE {
					for _, l := range n.Lhs {
						mark(l)
					}
				}
			case *ast.IncDecStmt:
				mark(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X)
				}
			}
			return true
		})
		if written {
			return nil
		}
	}
	var edits []edit
	rename := func(id *ast.Ident) {
		o := offset(id.Pos())
		edits = append(edits, edit{o, o, loopVarPrefix})
	}
	// The body may already copy a variable (i := i, the pre-Go 1.22
	// idiom): its right side then names the renamed variable. Any other
	// redeclaration at the top of the body leaves the loop as it is.
	copied := map[string]bool{}
	for _, st := range body.List {
		a, ok := st.(*ast.AssignStmt)
		if !ok || a.Tok != token.DEFINE {
			continue
		}
		for i, l := range a.Lhs {
			lid, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			for _, d := range decl {
				if lid.Name != d.Name {
					continue
				}
				if len(a.Rhs) == len(a.Lhs) {
					if rid, ok := a.Rhs[i].(*ast.Ident); ok && rid.Name == d.Name && objs[rid.Obj] {
						copied[d.Name] = true
						rename(rid)
						continue
					}
				}
				return nil
			}
		}
	}
	var copies []string
	for _, id := range decl {
		rename(id)
		if !copied[id.Name] {
			copies = append(copies, id.Name+" := "+loopVarPrefix+id.Name+";")
		}
	}
	for _, h := range header {
		ast.Inspect(h, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Obj != nil && objs[id.Obj] {
				rename(id)
			}
			return true
		})
	}
	if len(copies) > 0 {
		o := offset(body.Lbrace) + 1
		edits = append(edits, edit{o, o, " " + strings.Join(copies, " ")})
	}
	return edits
}

// needsFuncScope reports whether a top-level compound statement contains,
// outside function literals, a comma-ok definition or a type switch with a
// binding.
func needsFuncScope(st ast.Stmt) bool {
	switch st.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
	default:
		return false
	}
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 2 && len(n.Rhs) == 1 && isCommaOK(n.Rhs[0]) {
				found = true
			}
		case *ast.TypeSwitchStmt:
			if _, ok := n.Assign.(*ast.AssignStmt); ok {
				found = true
			}
		case *ast.CommClause:
			if a, ok := n.Comm.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == 2 {
				found = true
			}
		}
		return !found
	})
	return found
}

func isCommaOK(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.IndexExpr:
		return true
	case *ast.TypeAssertExpr:
		return e.Type != nil
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	}
	return false
}

func isNilIdent(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

// wrapError wraps v in func() error { return v }().
func wrapError(v ast.Expr, offset func(token.Pos) int) []edit {
	o, e := offset(v.Pos()), offset(v.End())
	return []edit{{o, o, "func() error { return "}, {e, e, " }()"}}
}

// pureExpr reports whether an index expression can be evaluated twice
// without visible effects (no calls or receives).
func pureExpr(e ast.Expr) bool {
	pure := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr, *ast.FuncLit:
			pure = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				pure = false
			}
		}
		return pure
	})
	return pure
}

// isPrintCall reports whether the statement is a call of fmt.Print,
// Printf, Println or Fprint*; its (n, err) results are not shown.
func isPrintCall(st ast.Stmt, pkgOf func(string) string) bool {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || pkgOf(id.Name) != "fmt" {
		return false
	}
	return strings.HasPrefix(sel.Sel.Name, "Print") || strings.HasPrefix(sel.Sel.Name, "Fprint")
}

// topLevelNames returns the names declared or assigned by the top-level
// statements and declarations of a group.
func topLevelNames(root ast.Node) map[string]bool {
	names := map[string]bool{}
	spec := func(d ast.Decl) {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			return
		}
		for _, sp := range gd.Specs {
			if vs, ok := sp.(*ast.ValueSpec); ok {
				for _, id := range vs.Names {
					names[id.Name] = true
				}
			}
		}
	}
	switch r := root.(type) {
	case *ast.File:
		for _, d := range r.Decls {
			spec(d)
		}
	case *ast.BlockStmt:
		for _, st := range r.List {
			switch st := st.(type) {
			case *ast.AssignStmt:
				for _, l := range st.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			case *ast.DeclStmt:
				spec(st.Decl)
			}
		}
	}
	return names
}

// topLoopVars returns the variables declared by the headers of top-level
// for and range statements.
func topLoopVars(stmts []ast.Stmt) map[string]bool {
	names := map[string]bool{}
	for _, st := range stmts {
		switch st := st.(type) {
		case *ast.ForStmt:
			if a, ok := st.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
				for _, l := range a.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if st.Tok == token.DEFINE {
				for _, e := range []ast.Expr{st.Key, st.Value} {
					if id, ok := e.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		}
	}
	return names
}
