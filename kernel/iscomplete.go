package kernel

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete reports whether src is a complete cell (it may still contain
// errors, which Eval reports) or whether more input is needed: an open
// bracket, an unterminated raw string or comment, or a statement that
// ends in the middle (x := 3 +). It only looks at the syntax; front ends
// use it to decide whether Enter runs the cell or continues it.
func IsComplete(src string) bool {
	if strings.TrimSpace(src) == "" {
		return true
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	incomplete := false
	s.Init(file, []byte(src), func(_ token.Position, msg string) {
		if msg == "raw string literal not terminated" || msg == "comment not terminated" {
			incomplete = true
		}
	}, scanner.ScanComments)
	depth := 0
	for {
		_, tok, _ := s.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	if incomplete {
		return false
	}
	if depth > 0 {
		return false
	}
	if depth < 0 {
		return true // a stray closing bracket: an error, not more input
	}
	_, failStart, err := splitCellAt(src)
	if err == nil {
		return true
	}
	if _, ok := err.(*Error); !ok {
		return true
	}
	// Parse the failing part in an unclosed function body: a complete
	// statement list only lacks the body's closing brace, anything else
	// that stops at the end of the input needs more.
	rest := src[failStart:]
	_, perr := parser.ParseFile(token.NewFileSet(), "", "package main; func _() {\n"+rest, 0)
	if list, ok := perr.(scanner.ErrorList); ok && len(list) > 0 {
		msg := list[0].Msg
		if strings.HasSuffix(msg, "found 'EOF'") && msg != "expected '}', found 'EOF'" {
			return false
		}
	}
	// Declarations: func f() int { … or var x = 3 +.
	_, derr := parser.ParseFile(token.NewFileSet(), "", "package main;"+rest, 0)
	if list, ok := derr.(scanner.ErrorList); ok && len(list) > 0 && strings.HasSuffix(list[0].Msg, "found 'EOF'") {
		return false
	}
	return true
}
