package kernel

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"reflect"
	"sort"
	"strings"
)

// cellSrc is the text of the cell being evaluated.
type cellSrc struct {
	src   string
	index int // 1-based number of the cell in the session
}

// position converts a byte offset of the cell to a 1-based line and column.
func (c *cellSrc) position(off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	if off > len(c.src) {
		off = len(c.src)
	}
	line = 1 + strings.Count(c.src[:off], "\n")
	col = off - (strings.LastIndex(c.src[:off], "\n") + 1) + 1
	return line, col
}

// edit replaces cell bytes [start, end) with text in the source given to the
// interpreter (start == end inserts).
type edit struct {
	start, end int
	text       string
}

// seg maps a run of the interpreter source back to the cell.
type seg struct {
	out, cell, n int
	inserted     bool
}

// evalPlan is one interpreter call and what to remember if it succeeds.
type evalPlan struct {
	kind     chunkKind
	src      string // what the interpreter evaluates
	yprefix  int    // bytes the interpreter puts before src on its line 1
	segs     []seg
	cell     *cellSrc
	fallback *evalPlan // for a final expression: run it as a statement
	// defineFallback is the group with its x := v kept when the x = v
	// form (see features.go) does not compile; defineNotes are the
	// warnings that then apply.
	defineFallback *evalPlan
	defineNotes    []string
	suspects       []suspect // constructs that may make yaegi fail with "nil type"
	minmax         bool      // min or max were rewritten to host functions
	defines        []define  // top-level := statements (for diagnosing errors)
	nchunks        int       // number of statements or declarations in the group
	noop           bool      // nothing to evaluate (only re-imports)
	firstChunk     int       // cell offset of the group's first chunk
	// assigned are the names the group's top-level statements declare or
	// assign (later groups of the cell must not trust the session's value
	// of such a name).
	assigned map[string]bool
	// loopVars are the variables top-level for and range statements
	// declare (yaegi leaves them in the global scope).
	loopVars map[string]bool

	newTypes      map[string]string // type name -> definition
	newFuncs      map[string]funcInfo
	newMethods    map[string]map[string]funcInfo // receiver type -> method -> info
	newImports    map[string]string              // local name -> path
	registerTypes string                         // source that reports declared types' reflect types
}

// define is a top-level "a, b := rhs" statement: the cell range of its
// left side and operator, and the number of names.
type define struct {
	lhsStart, opEnd, end, n int
}

// suspect is a construct yaegi may fail on without a clear message.
type suspect struct {
	off          int
	feature, fix string
}

// build applies edits to base and records the mapping.
func (p *evalPlan) build(prefix string, base string, edits []edit, suffix string) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	add := func(text string, cellOff int, inserted bool) {
		if text == "" {
			return
		}
		p.segs = append(p.segs, seg{out: b.Len(), cell: cellOff, n: len(text), inserted: inserted})
		b.WriteString(text)
	}
	first := 0
	for first < len(base) && (base[first] == ' ' || base[first] == '\n' || base[first] == '\t' || base[first] == '\r') {
		first++
	}
	add(prefix, first, true)
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			continue // overlapping edit: keep the first
		}
		add(base[pos:e.start], pos, false)
		add(e.text, e.start, true)
		pos = e.end
	}
	add(base[pos:], pos, false)
	add(suffix, len(base), true)
	p.src = b.String()
}

// cellOffset maps an offset of p.src to an offset of the cell.
func (p *evalPlan) cellOffset(off int) int {
	for i := len(p.segs) - 1; i >= 0; i-- {
		s := p.segs[i]
		if off >= s.out {
			if s.inserted {
				return s.cell
			}
			d := off - s.out
			if d > s.n {
				d = s.n
			}
			return s.cell + d
		}
	}
	return 0
}

// cellPosition maps a line:col reported by the interpreter for this plan
// to a line:col of the cell; ok is false when it is not inside the cell.
func (p *evalPlan) cellPosition(line, col int) (int, int, bool) {
	if line < 1 || col < 1 {
		return 0, 0, false
	}
	var off int
	if line == 1 {
		off = col - 1 - p.yprefix
		if off < 0 {
			return 0, 0, false
		}
	} else {
		// Find the start of line `line` in src.
		start := 0
		for l := 1; l < line; l++ {
			i := strings.IndexByte(p.src[start:], '\n')
			if i < 0 {
				return 0, 0, false
			}
			start += i + 1
		}
		off = start + col - 1
	}
	if off > len(p.src) {
		return 0, 0, false
	}
	l, c := p.cell.position(p.cellOffset(off))
	return l, c, true
}

// funcInfo describes a function declared in a cell.
type funcInfo struct {
	sig     string // "func f(x int) int"
	results int    // number of results
	doc     string
	tparams int  // number of type parameters
	funcTyp bool // a parameter's func type mentions a type parameter
	plan    *evalPlan
	calls   map[string]bool // names the body calls (f(…))
	uses    map[string]bool // identifiers the body uses
}

// cellState is what the kernel knows about the session from the cells that
// ran: imports, declared types and functions.
type cellState struct {
	imports map[string]string // local name -> import path
	types   map[string]string // type name -> definition source
	funcs   map[string]funcInfo
	// methods of cell-declared types: type name -> method name -> info.
	methods map[string]map[string]funcInfo
	// typeNames maps reflect types of cell-declared types to their names.
	typeNames map[reflect.Type]string
	// loopOnly are globals that only exist because a top-level loop
	// declared them (hidden from Vars).
	loopOnly map[string]bool
	// lastPlan is the plan of the statement group being run (for stacks).
}

func newCellState() *cellState {
	return &cellState{
		imports:   map[string]string{},
		types:     map[string]string{},
		funcs:     map[string]funcInfo{},
		methods:   map[string]map[string]funcInfo{},
		typeNames: map[reflect.Type]string{},
		loopOnly:  map[string]bool{},
	}
}

func (st *cellState) commit(p *evalPlan) {
	for name := range p.loopVars {
		st.loopOnly[name] = true
	}
	for name := range p.assigned {
		delete(st.loopOnly, name)
	}
	for k, v := range p.newTypes {
		st.types[k] = v
	}
	for k, v := range p.newFuncs {
		st.funcs[k] = v
	}
	for k, v := range p.newImports {
		st.imports[k] = v
	}
	for t, ms := range p.newMethods {
		if st.methods[t] == nil {
			st.methods[t] = map[string]funcInfo{}
		}
		for k, v := range ms {
			st.methods[t][k] = v
		}
	}
}

// typeName names a value's type for Vars: the cell-declared name when
// known, else the reflect type.
func (st *cellState) typeName(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	t := v.Type()
	if n, ok := st.typeNames[t]; ok {
		return n
	}
	if t.Kind() == reflect.Pointer {
		if n, ok := st.typeNames[t.Elem()]; ok {
			return "*" + n
		}
	}
	if t.Kind() == reflect.Interface && !v.IsNil() {
		return st.typeName(v.Elem())
	}
	return t.String()
}

// nodeText returns the source of a node in the cell, using the parse
// offset base (the length of the parse wrapper).
func nodeText(src string, fset *token.FileSet, n ast.Node, base int) string {
	s := fset.Position(n.Pos()).Offset - base
	e := fset.Position(n.End()).Offset - base
	if s < 0 || e > len(src) || s > e {
		return ""
	}
	return src[s:e]
}

// printNode formats a node with go/printer (for signatures and type
// definitions).
func printNode(fset *token.FileSet, n any) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, n); err != nil {
		return ""
	}
	return b.String()
}
