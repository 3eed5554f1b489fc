package report

import (
	"go/scanner"
	"go/token"
	"html"
	"strings"
)

// highlightGo returns src as escaped HTML with <span class> around
// keywords (k), strings and characters (s), numbers (m), comments (c) and
// the builtin packages and predeclared names (b). It uses the standard
// library's Go scanner, so it agrees with the language; source that does
// not scan is escaped as far as it goes.
func highlightGo(src string) string {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var b strings.Builder
	at := 0
	emit := func(off, end int, class string) {
		if off < at || end > len(src) || off >= end {
			return
		}
		b.WriteString(html.EscapeString(src[at:off]))
		if class == "" {
			b.WriteString(html.EscapeString(src[off:end]))
		} else {
			b.WriteString(`<span class="` + class + `">` + html.EscapeString(src[off:end]) + "</span>")
		}
		at = end
	}
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		text := lit
		if text == "" {
			text = tok.String()
		}
		end := off + len(text)
		if end > len(src) || src[off:end] != text {
			continue
		}
		switch {
		case tok.IsKeyword():
			emit(off, end, "k")
		case tok == token.STRING || tok == token.CHAR:
			emit(off, end, "s")
		case tok == token.INT || tok == token.FLOAT || tok == token.IMAG:
			emit(off, end, "m")
		case tok == token.COMMENT:
			emit(off, end, "c")
		case tok == token.IDENT && highlighted[lit]:
			emit(off, end, "b")
		}
	}
	b.WriteString(html.EscapeString(src[at:]))
	return b.String()
}

// highlighted are the identifiers shown as builtins: gostat's pre-imported
// packages and Go's predeclared names.
var highlighted = map[string]bool{
	"frame": true, "datasets": true, "stats": true, "models": true, "ml": true, "plots": true,
	"true": true, "false": true, "nil": true, "iota": true,
	"append": true, "cap": true, "len": true, "make": true, "new": true, "panic": true,
	"print": true, "println": true, "copy": true, "delete": true, "min": true, "max": true,
	"bool": true, "byte": true, "error": true, "float64": true, "int": true, "rune": true,
	"string": true, "any": true, "float32": true, "int64": true, "uint": true,
}
