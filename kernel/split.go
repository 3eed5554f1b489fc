package kernel

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"regexp"
	"strings"
)

// chunkKind classifies one top-level piece of a cell.
type chunkKind int

const (
	declChunk   chunkKind = iota // const, func, type, var
	importChunk                  // import
	stmtChunk                    // any statement
	exprChunk                    // an expression statement
)

// chunk is one top-level declaration or statement of a cell, as a byte range
// of the cell.
type chunk struct {
	kind       chunkKind
	start, end int
	decl       *ast.File      // for declChunk and importChunk: the parsed pseudo-file
	stmt       ast.Stmt       // for stmtChunk and exprChunk
	fset       *token.FileSet // positions of decl/stmt
}

// group is a run of chunks evaluated in one interpreter call.
type group struct {
	kind   chunkKind // declChunk, importChunk, stmtChunk or exprChunk
	chunks []chunk
}

// blankExcept returns src with every byte outside the ranges replaced by a
// space (newlines are kept), so that positions in the result are positions
// in src. Between two ranges separated by an explicit semicolon on the same
// line, one semicolon is kept.
func blankExcept(src string, ranges [][2]int) string {
	b := []byte(src)
	keep := make([]bool, len(b))
	for _, r := range ranges {
		for i := max(r[0], 0); i < min(r[1], len(b)); i++ {
			keep[i] = true
		}
	}
	for i := range b {
		if !keep[i] && b[i] != '\n' {
			b[i] = ' '
		}
	}
	// Restore one separator between consecutive kept ranges that sit on the
	// same line.
	for k := 1; k < len(ranges); k++ {
		if ranges[k-1][1] >= ranges[k][0] || ranges[k][0] > len(src) {
			continue
		}
		gap := src[ranges[k-1][1]:ranges[k][0]]
		if !strings.Contains(gap, "\n") && len(gap) > 0 {
			b[ranges[k-1][1]] = ';'
		} else if len(gap) == 0 {
			// Adjacent ranges cannot happen for well-formed cells; keep as is.
			continue
		}
	}
	return string(b)
}

// declPrefix makes declarations a file. It has the length of the
// "package main;" yaegi uses, so offsets agree; the newline keeps a doc
// comment on the cell's first line attached to its declaration.
const declPrefix = "package main\n"

// parseDeclChunk parses text (a cell with only the chunk kept) as
// declarations. Offsets in the result minus len(declPrefix) are cell
// offsets.
func parseDeclChunk(fset *token.FileSet, text string) (*ast.File, error) {
	return parser.ParseFile(fset, "", declPrefix+text, parser.ParseComments)
}

// stmtPrefix wraps statements in a function body on the first line so that
// columns on line 1 are shifted by its length.
const stmtPrefix = "package main; func _() {"

func parseStmtChunk(fset *token.FileSet, text string) ([]ast.Stmt, error) {
	f, err := parser.ParseFile(fset, "", stmtPrefix+text+"\n}", parser.ParseComments)
	if err != nil {
		return nil, err
	}
	return f.Decls[0].(*ast.FuncDecl).Body.List, nil
}

// splitCell cuts a cell into chunks at depth-0 semicolons (explicit or
// inserted at line ends), not inside for/if/switch headers: a cut is made
// only where the text so far parses as a complete declaration or statement.
// It returns a *syntaxError when the cell does not parse.
func splitCell(src string) ([]chunk, error) {
	chunks, _, err := splitCellAt(src)
	return chunks, err
}

// splitCellAt is splitCell that also returns the offset where the chunk
// that failed to parse starts.
func splitCellAt(src string) ([]chunk, int, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	var scanErrs scanner.ErrorList
	s.Init(file, []byte(src), func(pos token.Position, msg string) { scanErrs.Add(pos, msg) }, scanner.ScanComments)

	var chunks []chunk
	start := -1 // offset of the first token of the current chunk
	docStart, lastDocEnd := -1, 0
	lastEnd := 0
	depth := 0
	try := func(end int) bool {
		c, ok := classify(src, start, end)
		if ok {
			chunks = append(chunks, c)
		}
		return ok
	}
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if tok == token.COMMENT {
			// A comment on its own line(s) directly above a chunk is its
			// doc comment: the chunk starts there.
			if start < 0 && docStart < 0 && startsLine(src, off) {
				docStart, lastDocEnd = off, off
			}
			if start < 0 && docStart >= 0 {
				if strings.Contains(src[lastDocEnd:off], "\n\n") {
					docStart = off // a blank line ends the previous comment
				}
				lastDocEnd = off + len(lit)
			}
			continue
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		if tok == token.SEMICOLON {
			if start >= 0 && depth <= 0 {
				if try(lastEnd) {
					start = -1
				}
			}
			if start < 0 && docStart >= 0 && strings.Contains(src[lastDocEnd:off+len(lit)], "\n\n") {
				docStart = -1 // a blank line ends a doc comment
			}
			continue
		}
		if start < 0 {
			start = off
			if docStart >= 0 && !strings.Contains(src[lastDocEnd:off], "\n\n") {
				start = docStart
			}
			docStart = -1
		}
		lastEnd = min(off+tokenLen(tok, lit), len(src))
	}
	if len(scanErrs) > 0 {
		e := scanErrs[0]
		return nil, 0, &Error{Kind: Syntax, Message: e.Msg, Line: e.Pos.Line, Col: e.Pos.Column}
	}
	if start >= 0 {
		if !try(lastEnd) {
			return nil, start, chunkSyntaxError(src, start, lastEnd)
		}
	}
	return chunks, 0, nil
}

// startsLine reports whether only spaces precede offset off on its line.
func startsLine(src string, off int) bool {
	i := strings.LastIndexByte(src[:off], '\n')
	return strings.TrimSpace(src[i+1:off]) == ""
}

func tokenLen(tok token.Token, lit string) int {
	if lit != "" {
		return len(lit)
	}
	return len(tok.String())
}

// classify parses src[start:end] (in cell layout) and reports its kind.
func classify(src string, start, end int) (chunk, bool) {
	text := blankExcept(src, [][2]int{{start, end}})
	first := firstToken(src[start:end])
	c := chunk{start: start, end: end}
	switch first {
	case token.IMPORT, token.CONST, token.TYPE, token.VAR, token.FUNC:
		fset := token.NewFileSet()
		if f, err := parseDeclChunk(fset, text); err == nil {
			c.kind = declChunk
			if first == token.IMPORT {
				c.kind = importChunk
			}
			c.decl, c.fset = f, fset
			return c, true
		}
		if first != token.FUNC {
			return c, false
		}
	}
	fset := token.NewFileSet()
	stmts, err := parseStmtChunk(fset, text)
	if err != nil || len(stmts) != 1 {
		return c, false
	}
	c.kind = stmtChunk
	if _, ok := stmts[0].(*ast.ExprStmt); ok {
		c.kind = exprChunk
	}
	c.stmt, c.fset = stmts[0], fset
	return c, true
}

func firstToken(src string) token.Token {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	_, tok, _ := s.Scan()
	return tok
}

// chunkSyntaxError reparses the failing chunk to report the parser's first
// error at its cell position.
func chunkSyntaxError(src string, start, end int) *Error {
	text := blankExcept(src, [][2]int{{start, end}})
	var err error
	prefix := len(stmtPrefix)
	switch firstToken(src[start:end]) {
	case token.IMPORT, token.CONST, token.TYPE, token.VAR:
		_, err = parseDeclChunk(token.NewFileSet(), text)
		prefix = len(declPrefix)
	case token.FUNC:
		// A func declaration with an error, or a func literal statement.
		if isLiteralStart(src[start:end]) {
			_, err = parseStmtChunk(token.NewFileSet(), text)
		} else {
			_, err = parseDeclChunk(token.NewFileSet(), text)
			prefix = len(declPrefix)
		}
	default:
		_, err = parseStmtChunk(token.NewFileSet(), text)
	}
	e := &Error{Kind: Syntax, Message: "syntax error"}
	c := cellSrc{src: src}
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		e.Message = list[0].Msg
		off := list[0].Pos.Offset - prefix
		e.Line, e.Col = c.position(off)
		if last, lastEnd := lastToken(src, start, end); lastEnd >= 0 && off >= lastEnd {
			// The parser ran past the user's text into the kernel's
			// wrapper (a "}" the user never typed) or the end: the cell
			// ends before the statement does.
			msg := strings.TrimPrefix(e.Message, "syntax error: ")
			e.Message = "unexpected end of cell after " + last
			if m := expectedMsg.FindStringSubmatch(msg); m != nil && m[1] != "operand" {
				e.Message += ": expected " + m[1]
			}
			e.Line, e.Col = c.position(lastEnd)
		}
	} else if err != nil {
		e.Message = err.Error()
	}
	e.Message = strings.TrimPrefix(e.Message, "syntax error: ")
	return e
}

// expectedMsg matches the parser's "expected X, found Y".
var expectedMsg = regexp.MustCompile(`^expected (.+?), found `)

// lastToken returns the last token of src[start:end] (quoted as the
// parser quotes tokens) and the cell offset just after it; lastEnd is -1
// when there is none.
func lastToken(src string, start, end int) (last string, lastEnd int) {
	fset := token.NewFileSet()
	text := src[start:end]
	file := fset.AddFile("", fset.Base(), len(text))
	var sc scanner.Scanner
	sc.Init(file, []byte(text), func(token.Position, string) {}, 0)
	lastEnd = -1
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return last, lastEnd
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		o := file.Offset(pos)
		switch {
		case tok.IsLiteral():
			last = lit
			if len(last) > 20 {
				last = last[:20] + "…"
			}
			lastEnd = start + o + len(lit)
		default:
			last = "'" + tok.String() + "'"
			lastEnd = start + o + len(tok.String())
		}
	}
}

// isLiteralStart reports whether src (after comments) starts with a
// function literal "func(" rather than a declaration "func name" or a
// method "func (r T) name".
func isLiteralStart(src string) bool {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), nil, 0)
	if _, tok, _ := sc.Scan(); tok != token.FUNC {
		return false
	}
	if _, tok, _ := sc.Scan(); tok != token.LPAREN {
		return false
	}
	for depth := 1; depth > 0; {
		_, tok, _ := sc.Scan()
		switch tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
		case token.EOF:
			return true
		}
	}
	_, tok, _ := sc.Scan()
	return tok != token.IDENT
}

// groupChunks joins consecutive chunks of the same kind. A final expression
// chunk is its own group; expression chunks elsewhere are statements.
func groupChunks(chunks []chunk) []group {
	var groups []group
	for i, c := range chunks {
		k := c.kind
		if k == exprChunk && i != len(chunks)-1 {
			k = stmtChunk
		}
		if k != exprChunk && len(groups) > 0 && groups[len(groups)-1].kind == k {
			g := &groups[len(groups)-1]
			g.chunks = append(g.chunks, c)
			continue
		}
		groups = append(groups, group{kind: k, chunks: []chunk{c}})
	}
	return splitDeclGroups(groups)
}

// splitDeclGroups evaluates a declaration group's constants and types
// before its variables and functions (Go's package-level declarations do
// not depend on their order): yaegi fails ("variable definition loop")
// on var f T = func…{…} when type T is declared in the same call.
func splitDeclGroups(groups []group) []group {
	var out []group
	for _, g := range groups {
		if g.kind != declChunk {
			out = append(out, g)
			continue
		}
		var types, rest []chunk
		for _, c := range g.chunks {
			switch c.decl.Decls[0].(type) {
			case *ast.GenDecl:
				if tok := c.decl.Decls[0].(*ast.GenDecl).Tok; tok == token.TYPE || tok == token.CONST {
					types = append(types, c)
					continue
				}
			}
			rest = append(rest, c)
		}
		if len(types) == 0 || len(rest) == 0 {
			out = append(out, g)
			continue
		}
		out = append(out, group{kind: declChunk, chunks: types}, group{kind: declChunk, chunks: rest})
	}
	return out
}

// ranges returns the byte ranges of the group's chunks.
func (g group) ranges() [][2]int {
	r := make([][2]int, len(g.chunks))
	for i, c := range g.chunks {
		r[i] = [2]int{c.start, c.end}
	}
	return r
}
