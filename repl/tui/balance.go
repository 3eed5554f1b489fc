package tui

import (
	"go/scanner"
	"go/token"
	"strings"
)

// bracketsClosed is a syntax-only completeness test used until a kernel
// provides one: the cell is complete when every bracket is closed and no
// string or comment is left open.
func bracketsClosed(src string) bool {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	open := false
	s.Init(file, []byte(src), func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			open = true
		}
	}, scanner.ScanComments)
	depth := 0
	for {
		_, t, _ := s.Scan()
		if t == token.EOF {
			break
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	return depth <= 0 && !open
}
