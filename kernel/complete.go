package kernel

import (
	"fmt"
	"go/constant"
	"go/scanner"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/traefik/yaegi/interp"

	"github.com/gostat/gostat/builtins/symbols"
	"github.com/gostat/gostat/display"
)

var goKeywords = []string{"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
	"range", "return", "select", "struct", "switch", "type", "var"}

var goBuiltins = []string{"append", "cap", "clear", "close", "complex", "copy", "delete", "imag",
	"len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover"}

var goTypes = []string{"any", "bool", "byte", "complex128", "complex64", "error", "float32",
	"float64", "int", "int16", "int32", "int64", "int8", "rune", "string", "uint", "uint16",
	"uint32", "uint64", "uint8", "uintptr"}

func isIdentRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// Complete returns completion candidates for src with the cursor at byte
// offset pos: identifiers in scope, keywords, package names, package
// members, fields and methods of a variable's value, and column names
// inside a string literal after a frame method call (df.Col("…).
func (s *Session) Complete(src string, pos int) ([]Completion, int) {
	if pos < 0 || pos > len(src) {
		pos = len(src)
	}
	if !s.mu.TryLock() {
		return s.completeBusy(src[:pos])
	}
	defer s.mu.Unlock()
	if s.in == nil {
		return nil, pos
	}
	before := src[:pos]
	if items, start, ok := s.completeColumn(before); ok {
		return items, start
	}
	start := pos
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:start])
		if !isIdentRune(r) {
			break
		}
		start -= n
	}
	word := before[start:]
	if start > 0 && before[start-1] == '.' {
		expr := exprBefore(before[:start-1])
		if expr == "" {
			return nil, start
		}
		return filter(s.members(expr), word), start
	}
	return filter(append(s.identifiers(), cellNames(before[:start])...), word), start
}

// cellNames finds names the cell being typed declares before the cursor
// (x := …, var x, func f, type T, for k, v := range): they are not in the
// session yet but are in scope for what follows.
func cellNames(src string) []Completion {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), nil, 0)
	var items []Completion
	var idents []string // identifiers since the last statement start
	prev := token.ILLEGAL
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case tok == token.IDENT && (prev == token.VAR || prev == token.CONST):
			items = append(items, Completion{Text: lit, Kind: "var"})
		case tok == token.IDENT && prev == token.FUNC:
			items = append(items, Completion{Text: lit, Kind: "func"})
		case tok == token.IDENT && prev == token.TYPE:
			items = append(items, Completion{Text: lit, Kind: "type"})
		case tok == token.IDENT:
			idents = append(idents, lit)
		case tok == token.DEFINE:
			for _, id := range idents {
				if id != "_" {
					items = append(items, Completion{Text: id, Kind: "var"})
				}
			}
		}
		if tok != token.IDENT && tok != token.COMMA {
			idents = idents[:0]
		}
		prev = tok
	}
	return items
}

// exprBefore returns the selector chain (a.b.c) that ends at the end of s.
func exprBefore(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isIdentRune(r) && r != '.' {
			break
		}
		i -= n
	}
	return strings.Trim(s[i:], ".")
}

func filter(items []Completion, prefix string) []Completion {
	var out []Completion
	seen := map[string]bool{}
	for _, it := range items {
		if strings.HasPrefix(it.Text, prefix) && !seen[it.Text] {
			seen[it.Text] = true
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// identifiers are the names in scope at the top level of a cell.
func (s *Session) identifiers() []Completion {
	var items []Completion
	for name, v := range s.globals() {
		items = append(items, Completion{Text: name, Kind: "var", Detail: s.state.typeName(v)})
	}
	for name, fi := range s.state.funcs {
		items = append(items, Completion{Text: name, Kind: "func", Detail: fi.sig, Doc: firstLine(fi.doc)})
	}
	for name, def := range s.state.types {
		items = append(items, Completion{Text: name, Kind: "type", Detail: def})
	}
	for name, path := range s.state.imports {
		items = append(items, Completion{Text: name, Kind: "package", Detail: path, Doc: firstLine(docText(path + "."))})
	}
	return append(items, staticIdentifiers()...)
}

// staticIdentifiers are Go's keywords, builtin functions and types.
func staticIdentifiers() []Completion {
	var items []Completion
	for _, k := range goKeywords {
		items = append(items, Completion{Text: k, Kind: "keyword"})
	}
	for _, b := range goBuiltins {
		items = append(items, Completion{Text: b, Kind: "func", Detail: "builtin", Doc: firstLine(docText("builtin." + b))})
	}
	for _, t := range goTypes {
		items = append(items, Completion{Text: t, Kind: "type"})
	}
	return items
}

// globals returns the user's globals (without the kernel's own).
func (s *Session) globals() map[string]reflect.Value {
	out := map[string]reflect.Value{}
	if s.in == nil || s.busy() {
		return out
	}
	for name, v := range s.safeGlobals() {
		if strings.HasPrefix(name, "__") || name == "_" {
			continue
		}
		out[name] = v
	}
	return out
}

// safeGlobals is Interpreter.Globals, which panics when a cell that
// declared variables failed to compile (the symbols exist but the frame was
// not grown); running an empty statement grows the frame.
func (s *Session) safeGlobals() map[string]reflect.Value {
	try := func() (g map[string]reflect.Value, ok bool) {
		defer func() {
			if r := recover(); r != nil {
				ok = false
			}
		}()
		return s.in.Globals(), true
	}
	if g, ok := try(); ok {
		return g
	}
	_ = s.evalRaw(";")
	if g, ok := try(); ok {
		return g
	}
	return map[string]reflect.Value{}
}

// members completes after "expr.": package members, or fields and methods
// of a variable's value.
func (s *Session) members(expr string) []Completion {
	parts := strings.Split(expr, ".")
	if _, isVar := s.globals()[parts[0]]; !isVar {
		if path, ok := s.state.imports[parts[0]]; ok && len(parts) == 1 {
			return s.packageMembers(path)
		}
	}
	v, ok := s.lookup(parts)
	if !ok {
		return nil
	}
	items := valueMembers(v)
	// Methods of cell-declared types are not visible through reflect.
	name := strings.TrimPrefix(s.state.typeName(v), "*")
	for m, fi := range s.state.methods[name] {
		items = append(items, Completion{Text: m, Kind: "method", Detail: fi.sig, Doc: firstLine(fi.doc)})
	}
	return items
}

// lookup resolves a selector chain starting at a global variable.
func (s *Session) lookup(parts []string) (reflect.Value, bool) {
	v, ok := s.globals()[parts[0]]
	if !ok {
		return reflect.Value{}, false
	}
	for _, f := range parts[1:] {
		for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		sf, ok := v.Type().FieldByName(f)
		if !ok || !sf.IsExported() {
			return reflect.Value{}, false
		}
		v = v.FieldByIndex(sf.Index)
	}
	return v, true
}

// packageMembers lists the exported symbols of a compiled package.
func (s *Session) packageMembers(path string) []Completion {
	return packageMembers(s.in, path)
}

func packageMembers(in *interp.Interpreter, path string) []Completion {
	syms := in.Symbols(path)[path]
	var items []Completion
	for name, v := range syms {
		if name == "" || strings.HasPrefix(name, "_") || !unicode.IsUpper(rune(name[0])) {
			continue
		}
		kind, detail := symbolKind(name, v)
		items = append(items, Completion{Text: name, Kind: kind, Detail: detail, Doc: firstLine(docText(path + "." + name))})
	}
	return items
}

// symbolKind classifies an extracted symbol.
func symbolKind(name string, v reflect.Value) (kind, detail string) {
	if !v.IsValid() {
		return "const", ""
	}
	if _, ok := v.Interface().(constant.Value); ok {
		return "const", v.Interface().(constant.Value).ExactString()
	}
	switch {
	case v.Kind() == reflect.Pointer && v.IsNil():
		return "type", v.Type().Elem().String()
	case v.CanAddr():
		return "var", v.Type().String()
	case v.Kind() == reflect.Func:
		return "func", strings.Replace(v.Type().String(), "func", "func "+name, 1)
	}
	return "const", fmt.Sprint(v.Interface())
}

// valueMembers lists exported fields and methods of a value.
func valueMembers(v reflect.Value) []Completion {
	var items []Completion
	if !v.IsValid() {
		return nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	t := v.Type()
	addMethods := func(t reflect.Type) {
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if !m.IsExported() {
				continue
			}
			sig := m.Type.String()
			if t.Kind() != reflect.Interface {
				// Drop the receiver from the signature.
				sig = methodSig(m.Type)
			}
			items = append(items, Completion{Text: m.Name, Kind: "method", Detail: strings.Replace(sig, "func", "func "+m.Name, 1),
				Doc: firstLine(docText(docKey(t, m.Name)))})
		}
	}
	addMethods(t)
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		addMethods(reflect.PointerTo(t))
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for i := 0; i < st.NumField(); i++ {
			f := st.Field(i)
			if f.IsExported() {
				items = append(items, Completion{Text: f.Name, Kind: "field", Detail: f.Type.String()})
			}
		}
	}
	return items
}

// methodSig formats a method type without its receiver.
func methodSig(t reflect.Type) string {
	var in, out []string
	for i := 1; i < t.NumIn(); i++ {
		s := t.In(i).String()
		if t.IsVariadic() && i == t.NumIn()-1 {
			s = "..." + t.In(i).Elem().String()
		}
		in = append(in, s)
	}
	for i := 0; i < t.NumOut(); i++ {
		out = append(out, t.Out(i).String())
	}
	sig := "func(" + strings.Join(in, ", ") + ")"
	switch len(out) {
	case 0:
	case 1:
		sig += " " + out[0]
	default:
		sig += " (" + strings.Join(out, ", ") + ")"
	}
	return sig
}

// docKey is the docs table key of a method of t: "path.Type.Method".
func docKey(t reflect.Type, method string) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.PkgPath() == "" || t.Name() == "" {
		return ""
	}
	return t.PkgPath() + "." + t.Name() + "." + method
}

// completeColumn completes column names inside a string literal that is
// the first argument of a method call on a value with Names() []string:
// df.Col("mp → mpg.
func (s *Session) completeColumn(before string) ([]Completion, int, bool) {
	q := strings.LastIndexByte(before, '"')
	if q < 0 || strings.Count(before, "\"")%2 == 0 {
		return nil, 0, false
	}
	partial := before[q+1:]
	if strings.ContainsAny(partial, "\\\n") {
		return nil, 0, false
	}
	head := strings.TrimRight(before[:q], " \t")
	if !strings.HasSuffix(head, "(") && !strings.HasSuffix(head, ",") {
		return nil, 0, false
	}
	// Walk back to the call's selector: x.Method( [args,]
	depth := 0
	i := len(head) - 1
	for ; i >= 0; i-- {
		switch head[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				goto found
			}
			depth--
		}
	}
	return nil, 0, false
found:
	root, method := callChain(head[:i])
	if root == "" {
		return nil, 0, false
	}
	// The word being completed: a formula ("mpg ~ w") or an expression
	// ("mpg > 20 && c") completes its last name.
	word := partial
	if k := strings.LastIndexFunc(partial, func(r rune) bool { return !isIdentRune(r) && r != '.' }); k >= 0 {
		word = partial[k+1:]
	}
	wordStart := q + 1 + len(partial) - len(word)
	var names []string
	kind := "column"
	globals := s.globals()
	if v, ok := globals[root]; ok {
		names = columnsOf(v)
		if names == nil {
			return nil, 0, false
		}
	} else if path, ok := s.state.imports[root]; ok {
		switch {
		case strings.HasSuffix(path, "/builtins/datasets") && (method == "Load" || method == "MustLoad" || method == "Describe"):
			names, kind, word, wordStart = datasetNames(s.in, path), "dataset", partial, q+1
		case strings.HasSuffix(path, "/builtins/frame") && strings.Contains(method, "CSV"):
			return fileNames(partial), q + 1, true
		default:
			// A frame among the call's arguments (plots.ScatterOf(cars, "w),
			// else the columns of every frame of the session (the frame of
			// models.OLS("mpg ~ w", cars) comes after the formula).
			for _, id := range identsIn(head[i+1:]) {
				if v, ok := globals[id]; ok {
					if cols := columnsOf(v); cols != nil {
						names = cols
						break
					}
				}
			}
			if names == nil {
				seen := map[string]bool{}
				for _, v := range globals {
					for _, c := range columnsOf(v) {
						if !seen[c] {
							seen[c] = true
							names = append(names, c)
						}
					}
				}
				sort.Strings(names)
			}
		}
	} else {
		return nil, 0, false
	}
	var items []Completion
	for _, n := range names {
		if strings.HasPrefix(n, word) {
			items = append(items, Completion{Text: n, Kind: kind})
		}
	}
	return items, wordStart, true
}

// callChain returns the root name and the last method of the call
// expression that ends s: "cars.GroupBy(\"cyl\").Mean" gives cars, Mean;
// "models.OLS" gives models, OLS.
func callChain(s string) (root, method string) {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case isIdentRune(r) || r == '.':
			i -= n
			continue
		case r == ')':
			depth := 0
			j := i - 1
			for ; j >= 0; j-- {
				if s[j] == ')' {
					depth++
				} else if s[j] == '(' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < 0 {
				return "", ""
			}
			i = j
			continue
		}
		break
	}
	chain := s[i:]
	root = chain
	if k := strings.IndexAny(chain, ".("); k >= 0 {
		root = chain[:k]
	}
	if k := strings.LastIndexByte(chain, '.'); k >= 0 {
		method = chain[k+1:]
	}
	if root == "" || method == "" {
		return "", ""
	}
	return root, method
}

// columnsOf returns the column names of a frame value (one with a
// Names() []string method), or nil.
func columnsOf(v reflect.Value) (names []string) {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	named, ok := v.Interface().(interface{ Names() []string })
	if !ok || isNilValue(v.Interface()) {
		return nil
	}
	defer func() { _ = recover() }()
	return named.Names()
}

// identsIn returns the identifiers of a text (call arguments so far),
// outside string literals.
func identsIn(s string) []string {
	var out []string
	inStr := false
	start := -1
	for i, r := range s {
		if r == '"' {
			inStr = !inStr
		}
		if !inStr && isIdentRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 && !inStr {
		out = append(out, s[start:])
	}
	return out
}

// datasetNames calls datasets.Names through the symbol table.
func datasetNames(in *interp.Interpreter, path string) (names []string) {
	v, ok := packageSymbol(in, path, "Names")
	if !ok || v.Kind() != reflect.Func {
		return nil
	}
	defer func() { _ = recover() }()
	f, ok := v.Interface().(func() []string)
	if !ok {
		return nil
	}
	return f()
}

// fileNames completes a path: the entries of its directory that start
// with its last element (directories end in /).
func fileNames(partial string) []Completion {
	dir, base := filepath.Split(partial)
	d := dir
	if d == "" {
		d = "."
	}
	entries, err := os.ReadDir(d)
	if err != nil {
		return nil
	}
	var items []Completion
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, base) || strings.HasPrefix(n, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			n += "/"
		}
		items = append(items, Completion{Text: dir + n, Kind: "file"})
		if len(items) == 200 {
			break
		}
	}
	return items
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// Doc returns help for a name: a package ("stats"), a package member
// ("stats.TTest", "math.Sqrt"), a method ("frame.Frame.Names"), a variable,
// function or type of the session. ok is false for unknown names.
// Meta-commands are documented by the front end's meta package.
func (s *Session) Doc(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", false
	}
	lookup := s.docBusy
	if s.mu.TryLock() {
		defer s.mu.Unlock()
		lookup = s.docLocked
	}
	if d, ok := lookup(name); ok {
		return d, true
	}
	if d, ok := docByAlias(name, lookup); ok {
		return d, true
	}
	return docDataset(name)
}

// docLocked is Doc with s.mu held.
func (s *Session) docLocked(name string) (string, bool) {
	if s.in == nil {
		return "", false
	}
	parts := strings.Split(name, ".")
	if v, ok := s.globals()[parts[0]]; ok {
		if len(parts) == 1 {
			return fmt.Sprintf("var %s %s\n\n%s\n", name, s.state.typeName(v), showValueText(v)), true
		}
		if fv, ok := s.lookup(parts); ok {
			return fmt.Sprintf("%s %s = %s\n", name, s.state.typeName(fv), shortValue(fv)), true
		}
		// A method of the variable's type.
		base, ok := s.lookup(parts[:len(parts)-1])
		if ok {
			for _, it := range valueMembers(base) {
				if it.Text == parts[len(parts)-1] {
					if full := docText(docKey(base.Type(), it.Text)); full != "" {
						return full, true
					}
					if base.Kind() == reflect.Interface && !base.IsNil() {
						if full := docText(docKey(base.Elem().Type(), it.Text)); full != "" {
							return full, true
						}
					}
					return it.Detail + "\n", true
				}
			}
		}
		return "", false
	}
	if len(parts) == 1 {
		if fi, ok := s.state.funcs[name]; ok {
			return fi.sig + "\n\n" + fi.doc, true
		}
		if def, ok := s.state.types[name]; ok {
			text := "type " + name + " " + def + "\n"
			var ms []string
			for _, fi := range s.state.methods[name] {
				ms = append(ms, "  "+fi.sig)
			}
			sort.Strings(ms)
			if len(ms) > 0 {
				text += "\nMethods:\n" + strings.Join(ms, "\n") + "\n"
			}
			return text, true
		}
	}
	if len(parts) == 1 {
		if d, ok := symbols.Doc("builtin." + name); ok {
			switch name {
			case "min", "max":
				d += "\nIn gostat, " + name + " is provided by the kernel for float64, int and string arguments.\n"
			case "clear":
				d += "\nIn gostat, clear is provided by the kernel.\n"
			}
			return d, true
		}
	}
	if len(parts) == 2 {
		if fi, ok := s.state.methods[parts[0]][parts[1]]; ok {
			return fi.sig + "\n\n" + fi.doc, true
		}
	}
	return s.docFromTable(name, s.state.imports)
}

// docFromTable looks a name up in the generated docs table; the first
// element may be a package's local name.
func (s *Session) docFromTable(name string, imports map[string]string) (string, bool) {
	parts := strings.SplitN(name, ".", 2)
	path := parts[0]
	if p, ok := imports[parts[0]]; ok {
		path = p
	} else if p, ok := symbols.PackagePath(parts[0]); ok {
		path = p
	}
	key := path + "."
	if len(parts) == 2 {
		key += parts[1]
	}
	if d, ok := symbols.Doc(key); ok {
		return d, true
	}
	// Not documented in the table (other standard-library packages):
	// the signature from the symbol table.
	if len(parts) == 2 && s != nil && s.in != nil {
		if v, ok := s.in.Symbols(path)[path][parts[1]]; ok {
			kind, detail := symbolKind(parts[1], v)
			switch kind {
			case "func":
				return detail + "\n", true
			case "type":
				return "type " + parts[1] + " (" + detail + ")\n", true
			default:
				return kind + " " + parts[0] + "." + parts[1] + " " + detail + "\n", true
			}
		}
	}
	return "", false
}

// docText is the generated doc for key, or "".
func docText(key string) string {
	if key == "" {
		return ""
	}
	d, _ := symbols.Doc(key)
	return d
}

// showValueText is the plain display of a value (for Doc).
func showValueText(v reflect.Value) string {
	if !v.IsValid() || !v.CanInterface() {
		return "<nil>"
	}
	return showValue(v.Interface(), display.Plain).Text
}

// snapshot is what the kernel knows about the session's declarations,
// kept after each cell so that completion and docs keep working while a
// cell runs (the interpreter's variables are then off limits).
type snapshot struct {
	in      *interp.Interpreter // only for its compiled packages' symbols
	imports map[string]string
	funcs   map[string]funcInfo
	types   map[string]string
	methods map[string]map[string]funcInfo
}

// takeSnapshot records the state; s.mu is held.
func (s *Session) takeSnapshot() {
	if s.in == nil || s.state == nil {
		s.snap.Store(nil)
		return
	}
	v := &snapshot{in: s.in, imports: maps.Clone(s.state.imports), funcs: maps.Clone(s.state.funcs),
		types: maps.Clone(s.state.types), methods: map[string]map[string]funcInfo{}}
	for t, ms := range s.state.methods {
		v.methods[t] = maps.Clone(ms)
	}
	s.snap.Store(v)
}

// completeBusy completes while a cell runs: package members, cell
// functions, types and packages, keywords and the names the cell being
// typed declares; not variables.
func (s *Session) completeBusy(before string) ([]Completion, int) {
	start := len(before)
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:start])
		if !isIdentRune(r) {
			break
		}
		start -= n
	}
	v := s.snap.Load()
	if v == nil {
		return nil, start
	}
	word := before[start:]
	if start > 0 && before[start-1] == '.' {
		if path, ok := v.imports[exprBefore(before[:start-1])]; ok {
			return filter(packageMembers(v.in, path), word), start
		}
		return nil, start
	}
	var items []Completion
	for name, fi := range v.funcs {
		items = append(items, Completion{Text: name, Kind: "func", Detail: fi.sig, Doc: firstLine(fi.doc)})
	}
	for name, def := range v.types {
		items = append(items, Completion{Text: name, Kind: "type", Detail: def})
	}
	for name, path := range v.imports {
		items = append(items, Completion{Text: name, Kind: "package", Detail: path, Doc: firstLine(docText(path + "."))})
	}
	items = append(items, staticIdentifiers()...)
	return filter(append(items, cellNames(before[:start])...), word), start
}

// docBusy answers Doc while a cell runs, from the snapshot and the docs
// table.
func (s *Session) docBusy(name string) (string, bool) {
	v := s.snap.Load()
	if v == nil {
		return (*Session)(nil).docFromTable(name, nil)
	}
	parts := strings.Split(name, ".")
	if len(parts) == 1 {
		if fi, ok := v.funcs[name]; ok {
			return fi.sig + "\n\n" + fi.doc, true
		}
		if def, ok := v.types[name]; ok {
			return "type " + name + " " + def + "\n", true
		}
		if d, ok := symbols.Doc("builtin." + name); ok {
			return d, true
		}
	}
	if len(parts) == 2 {
		if fi, ok := v.methods[parts[0]][parts[1]]; ok {
			return fi.sig + "\n\n" + fi.doc, true
		}
	}
	return (*Session)(nil).docFromTable(name, v.imports)
}
