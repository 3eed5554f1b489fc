package models

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// FormulaError is a formula that cannot be parsed or evaluated. Its message
// shows the formula with a caret under the offending position, for example
//
//	unknown variable "wgt" in formula (did you mean "wt"?)
//	  mpg ~ wgt + hp
//	        ^^^
type FormulaError struct {
	Formula string
	Pos     int // byte offset of the problem
	Len     int // length of the underlined part (at least 1)
	Msg     string
}

// Error returns the message followed by the formula and a caret line.
func (e *FormulaError) Error() string {
	l := e.Len
	if l < 1 {
		l = 1
	}
	pos := e.Pos
	if pos > len(e.Formula) {
		pos = len(e.Formula)
	}
	return fmt.Sprintf("%s\n  %s\n  %s%s", e.Msg, e.Formula, strings.Repeat(" ", pos), strings.Repeat("^", l))
}

type tokKind int

const (
	tEOF tokKind = iota
	tName
	tNum
	tOp
	tLParen
	tRParen
	tComma
	tStr // a quoted string, as in factor(x, levels = c("L", "M", "H"))
)

type token struct {
	kind tokKind
	text string
	pos  int
}

func tokenize(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '`':
			j := strings.IndexByte(src[i+1:], '`')
			if j < 0 {
				return nil, &FormulaError{src, i, 1, "unclosed backquote in formula"}
			}
			toks = append(toks, token{tName, src[i+1 : i+1+j], i})
			i += j + 2
		case c >= '0' && c <= '9' || (c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9'):
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
				k := j + 1
				if k < len(src) && (src[k] == '+' || src[k] == '-') {
					k++
				}
				if k < len(src) && src[k] >= '0' && src[k] <= '9' {
					j = k
					for j < len(src) && src[j] >= '0' && src[j] <= '9' {
						j++
					}
				}
			}
			toks = append(toks, token{tNum, src[i:j], i})
			i = j
		case c == '_' || c == '.' || unicode.IsLetter(rune(c)):
			j := i
			for j < len(src) && (src[j] == '_' || src[j] == '.' || unicode.IsLetter(rune(src[j])) || unicode.IsDigit(rune(src[j]))) {
				j++
			}
			toks = append(toks, token{tName, src[i:j], i})
			i = j
		case c == '"' || c == '\'':
			j := strings.IndexByte(src[i+1:], c)
			if j < 0 {
				return nil, &FormulaError{src, i, 1, "unclosed quote in formula"}
			}
			toks = append(toks, token{tStr, src[i+1 : i+1+j], i})
			i += j + 2
		case c == '(':
			toks = append(toks, token{tLParen, "(", i})
			i++
		case c == ')':
			toks = append(toks, token{tRParen, ")", i})
			i++
		case c == ',':
			toks = append(toks, token{tComma, ",", i})
			i++
		case c == '%' && strings.HasPrefix(src[i:], "%in%"):
			// a %in% b is the interaction a:b in a formula (R)
			toks = append(toks, token{tOp, ":", i})
			i += 4
		case c == '*' && i+1 < len(src) && src[i+1] == '*':
			toks = append(toks, token{tOp, "^", i})
			i += 2
		case (c == '=' || c == '!' || c == '<' || c == '>') && i+1 < len(src) && src[i+1] == '=':
			toks = append(toks, token{tOp, src[i : i+2], i})
			i += 2
		case (c == '&' || c == '|') && i+1 < len(src) && src[i+1] == c:
			toks = append(toks, token{tOp, string(c), i}) // && and || act as & and |
			i += 2
		case c == '<' || c == '>' || c == '!' || c == '&':
			toks = append(toks, token{tOp, string(c), i})
			i++
		case strings.IndexByte("~+-*/:^|%=", c) >= 0:
			toks = append(toks, token{tOp, string(c), i})
			i++
		default:
			return nil, &FormulaError{src, i, 1, fmt.Sprintf("unexpected character %q in formula", c)}
		}
	}
	toks = append(toks, token{tEOF, "", len(src)})
	return toks, nil
}

// node is a formula expression.
type node struct {
	kind string // "var", "num", "call", "op", "neg", "dot", "paren"
	text string // variable or function name, number text, operator
	args []*node
	pos  int
	end  int
}

// src returns the canonical text of an expression, as R's deparse writes
// it in term and coefficient names: "log(hp)", "I(wt^2)", "I(x * 2)",
// "poly(wt, 2, raw = TRUE)", whatever the spacing typed.
func (n *node) src(formula string) string { return n.deparse() }

func (n *node) deparse() string {
	switch n.kind {
	case "var":
		if isSyntacticName(n.text) {
			return n.text
		}
		return "`" + n.text + "`"
	case "num":
		if v, err := strconv.ParseFloat(n.text, 64); err == nil {
			return formatLevel(v)
		}
		return n.text
	case "dot":
		return "."
	case "str":
		return strconv.Quote(n.text)
	case "paren":
		return "(" + n.args[0].deparse() + ")"
	case "neg":
		return "-" + n.args[0].deparse()
	case "not":
		return "!" + n.args[0].deparse()
	case "named":
		return n.text + " = " + n.args[0].deparse()
	case "call":
		parts := make([]string, len(n.args))
		for i, a := range n.args {
			parts[i] = a.deparse()
		}
		return n.text + "(" + strings.Join(parts, ", ") + ")"
	case "op":
		a, b := n.args[0].deparse(), n.args[1].deparse()
		switch n.text {
		case "^", ":", "/": // R's deparse: x^2, a:b, disp/100
			return a + n.text + b
		}
		return a + " " + n.text + " " + b
	}
	return n.text
}

func isSyntacticName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r == '.' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return !(s[0] == '_' || (s[0] == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9'))
}

type parser struct {
	src  string
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *parser) errAt(t token, msg string) error {
	l := len(t.text)
	return &FormulaError{p.src, t.pos, l, msg}
}

// parsedFormula is a formula split into response and right-hand side.
type parsedFormula struct {
	src string
	lhs *node // nil for one-sided formulas
	rhs *node
}

func parseFormula(src string) (*parsedFormula, error) {
	toks, err := tokenize(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	pf := &parsedFormula{src: src}
	if !(p.peek().kind == tOp && p.peek().text == "~") {
		lhs, err := p.parseExpr(0)
		if err != nil {
			return nil, err
		}
		pf.lhs = lhs
	}
	t := p.next()
	if !(t.kind == tOp && t.text == "~") {
		if t.kind == tEOF {
			return nil, &FormulaError{src, len(src), 1, "formula needs a '~' between the response and the predictors, as in \"y ~ x1 + x2\""}
		}
		return nil, p.errAt(t, fmt.Sprintf("expected '~' after the response but found %q; write formulas as \"y ~ x1 + x2\"", t.text))
	}
	if p.peek().kind == tEOF {
		return nil, &FormulaError{src, len(src), 1, "formula has nothing after '~'; write the predictors, or 1 for an intercept-only model"}
	}
	rhs, err := p.parseExpr(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.errAt(t, fmt.Sprintf("unexpected %q in formula", t.text))
	}
	pf.rhs = rhs
	return pf, nil
}

// binary operator precedence (R): | lowest, then &, comparisons, + -,
// * /, :, and ^ highest; unary minus binds between : and ^, ! below the
// comparisons.
func prec(op string) int {
	switch op {
	case "|":
		return 1
	case "&":
		return 2
	case "==", "!=", "<", ">", "<=", ">=":
		return 3
	case "+", "-":
		return 4
	case "*", "/":
		return 5
	case ":":
		return 6
	case "^":
		return 8
	}
	return -1
}

// isLogicalOp reports whether op gives a logical value (comparison, &, |).
func isLogicalOp(op string) bool {
	switch op {
	case "==", "!=", "<", ">", "<=", ">=", "&", "|":
		return true
	}
	return false
}

func (p *parser) parseExpr(minPrec int) (*node, error) {
	lhs, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if t.kind != tOp || t.text == "~" {
			return lhs, nil
		}
		pr := prec(t.text)
		if pr < 0 {
			if t.text == "=" {
				return nil, p.errAt(t, "'=' is only allowed for named arguments such as poly(x, 2, raw = TRUE); the response and predictors are separated by '~'")
			}
			return nil, p.errAt(t, fmt.Sprintf("operator %q is not supported in formulas", t.text))
		}
		if pr < minPrec {
			return lhs, nil
		}
		p.next()
		nextMin := pr + 1
		if t.text == "^" {
			nextMin = pr // right associative
		}
		rhs, err := p.parseExpr(nextMin)
		if err != nil {
			return nil, err
		}
		lhs = &node{kind: "op", text: t.text, args: []*node{lhs, rhs}, pos: lhs.pos, end: rhs.end}
	}
}

func (p *parser) parseUnary() (*node, error) {
	t := p.peek()
	if t.kind == tOp && t.text == "!" {
		p.next()
		x, err := p.parseExpr(3)
		if err != nil {
			return nil, err
		}
		return &node{kind: "not", args: []*node{x}, pos: t.pos, end: x.end}, nil
	}
	if t.kind == tOp && (t.text == "-" || t.text == "+") {
		p.next()
		x, err := p.parseExpr(7)
		if err != nil {
			return nil, err
		}
		if t.text == "+" {
			return x, nil
		}
		return &node{kind: "neg", args: []*node{x}, pos: t.pos, end: x.end}, nil
	}
	return p.parseAtom()
}

func (p *parser) parseAtom() (*node, error) {
	t := p.next()
	switch t.kind {
	case tNum:
		return &node{kind: "num", text: t.text, pos: t.pos, end: t.pos + len(t.text)}, nil
	case tStr:
		return &node{kind: "str", text: t.text, pos: t.pos, end: t.pos + len(t.text) + 2}, nil
	case tName:
		if t.text == "." {
			return &node{kind: "dot", text: ".", pos: t.pos, end: t.pos + 1}, nil
		}
		end := t.pos + len(t.text)
		if p.src[t.pos] == '`' || (t.pos < len(p.src) && p.src[t.pos] != t.text[0]) {
			end = t.pos + len(t.text) + 2
		}
		if p.peek().kind == tLParen {
			p.next()
			call := &node{kind: "call", text: t.text, pos: t.pos}
			if p.peek().kind != tRParen {
				for {
					if t := p.peek(); t.kind == tName && p.toks[p.i+1].kind == tOp && p.toks[p.i+1].text == "=" {
						// named argument, as in poly(x, 2, raw = TRUE)
						p.next()
						p.next()
						v, err := p.parseExpr(0)
						if err != nil {
							return nil, err
						}
						call.args = append(call.args, &node{kind: "named", text: t.text, args: []*node{v}, pos: t.pos, end: v.end})
						if p.peek().kind == tComma {
							p.next()
							continue
						}
						break
					}
					a, err := p.parseExpr(0)
					if err != nil {
						return nil, err
					}
					call.args = append(call.args, a)
					if p.peek().kind == tComma {
						p.next()
						continue
					}
					break
				}
			}
			r := p.next()
			if r.kind != tRParen {
				return nil, p.errAt(r, fmt.Sprintf("expected ')' to close %s( but found %q", t.text, r.text))
			}
			call.end = r.pos + 1
			return call, nil
		}
		return &node{kind: "var", text: t.text, pos: t.pos, end: end}, nil
	case tLParen:
		x, err := p.parseExpr(0)
		if err != nil {
			return nil, err
		}
		r := p.next()
		if r.kind != tRParen {
			return nil, p.errAt(r, "expected ')'")
		}
		return &node{kind: "paren", args: []*node{x}, pos: t.pos, end: r.pos + 1}, nil
	case tEOF:
		return nil, &FormulaError{p.src, t.pos, 1, "formula ends unexpectedly"}
	}
	return nil, p.errAt(t, fmt.Sprintf("unexpected %q in formula", t.text))
}

// offsetKey marks the key of an offset(expr) pseudo-term.
const offsetKey = "\x00offset:"

// A term is an interaction of factors (variables or expressions), kept as
// an ordered list of factor keys. The empty term is the intercept.
type term struct {
	factors []*node
	keys    []string
}

func (t term) label() string { return strings.Join(t.keys, ":") }

func (t term) keySet() string {
	k := append([]string(nil), t.keys...)
	sort.Strings(k)
	return strings.Join(k, "\x00")
}

// termSet is the expansion of the right-hand side.
type termSet struct {
	terms     []term
	intercept bool
	// offsets are the offset(expr) terms: known parts of the linear
	// predictor, not coefficients (R's attr(terms, "offset")).
	offsets []*node
}

// expandTerms expands the rhs into terms with R's rules: a*b = a + b + a:b,
// (a+b)^2 = a + b + a:b, a - b removes b, -1 / +0 drop the intercept and
// terms are ordered by interaction order, first appearance within an order.
func expandTerms(pf *parsedFormula, dotVars []string) (*termSet, error) {
	ts := &termSet{intercept: true}
	var expand func(n *node) ([]term, error)
	expand = func(n *node) ([]term, error) {
		switch n.kind {
		case "paren":
			return expand(n.args[0])
		case "num":
			v, _ := strconv.ParseFloat(n.text, 64)
			switch v {
			case 1:
				return []term{{}}, nil
			case 0:
				return []term{{keys: []string{"\x000"}}}, nil
			}
			return nil, &FormulaError{pf.src, n.pos, n.end - n.pos, fmt.Sprintf("a number (%s) cannot be a term; use I(%s) for a constant or 0/1 for the intercept", n.text, n.text)}
		case "dot":
			var out []term
			for _, v := range dotVars {
				vn := &node{kind: "var", text: v, pos: n.pos, end: n.end}
				out = append(out, term{factors: []*node{vn}, keys: []string{v}})
			}
			return out, nil
		case "op", "not":
			if n.kind == "not" || isLogicalOp(n.text) {
				// a logical variable such as wt > 3 (R: a factor FALSE/TRUE)
				return []term{{factors: []*node{n}, keys: []string{n.deparse()}}}, nil
			}
			a, err := expand(n.args[0])
			if err != nil {
				return nil, err
			}
			switch n.text {
			case "+":
				b, err := expand(n.args[1])
				if err != nil {
					return nil, err
				}
				return append(a, b...), nil
			case "-":
				b, err := expand(n.args[1])
				if err != nil {
					return nil, err
				}
				return removeTerms(a, b), nil
			case ":":
				b, err := expand(n.args[1])
				if err != nil {
					return nil, err
				}
				return crossOnly(a, b), nil
			case "*":
				b, err := expand(n.args[1])
				if err != nil {
					return nil, err
				}
				out := append(append(append([]term{}, a...), b...), crossOnly(a, b)...)
				return out, nil
			case "/":
				// a/b = a + a:b (nesting)
				b, err := expand(n.args[1])
				if err != nil {
					return nil, err
				}
				all := term{}
				for _, t := range a {
					all = mergeTerm(all, t)
				}
				return append(append([]term{}, a...), crossOnly([]term{all}, b)...), nil
			case "^":
				if base := n.args[0]; base.kind == "var" || base.kind == "call" {
					src := base.src(pf.src)
					return nil, &FormulaError{pf.src, n.pos, n.end - n.pos, fmt.Sprintf("%s in a formula would mean the interaction of %s with itself (just %s); for a power write I(%s)", pf.src[n.pos:n.end], src, src, pf.src[n.pos:n.end])}
				}
				k, err := strconv.Atoi(strings.TrimSpace(pf.src[n.args[1].pos:n.args[1].end]))
				if err != nil || k < 1 {
					return nil, &FormulaError{pf.src, n.args[1].pos, n.args[1].end - n.args[1].pos, "the power of a term group must be a positive integer, as in (a + b + c)^2; for a numeric power of a variable write I(x^2)"}
				}
				out := a
				for i := 1; i < k; i++ {
					out = append(append([]term{}, out...), crossOnly(out, a)...)
				}
				return out, nil
			}
		case "neg":
			sub, err := expand(n.args[0])
			if err != nil {
				return nil, err
			}
			// a bare "-x" at the start: removal from an empty model
			for i := range sub {
				sub[i].keys = append([]string{"\x00-"}, sub[i].keys...)
			}
			return sub, nil
		case "var", "call":
			key := n.src(pf.src)
			if n.kind == "var" {
				key = n.text
			}
			if n.kind == "call" && n.text == "offset" {
				if len(n.args) != 1 || n.args[0].kind == "named" {
					return nil, &FormulaError{pf.src, n.pos, n.end - n.pos, "offset() takes one expression, as in offset(log(exposure))"}
				}
				key = offsetKey + key
			}
			return []term{{factors: []*node{n}, keys: []string{key}}}, nil
		}
		return nil, &FormulaError{pf.src, n.pos, n.end - n.pos, "cannot use this as a formula term"}
	}
	raw, err := expand(pf.rhs)
	if err != nil {
		return nil, err
	}
	// process intercept markers and removals in order
	var terms []term
	seen := map[string]bool{}
	for _, t := range raw {
		if len(t.keys) > 0 && t.keys[0] == "\x00-" {
			rest := term{factors: t.factors, keys: t.keys[1:]}
			if len(rest.keys) == 0 || (len(rest.keys) == 1 && rest.keys[0] == "\x000") {
				ts.intercept = false
				continue
			}
			terms = removeTerms(terms, []term{rest})
			delete(seen, rest.keySet())
			continue
		}
		if len(t.keys) == 0 {
			ts.intercept = true
			continue
		}
		if len(t.keys) == 1 && t.keys[0] == "\x000" {
			ts.intercept = false
			continue
		}
		if t.keys[0] == "\x00noint" {
			ts.intercept = false
			continue
		}
		for i, k := range t.keys {
			if strings.HasPrefix(k, offsetKey) && len(t.keys) > 1 {
				o := t.factors[i]
				return nil, &FormulaError{pf.src, o.pos, o.end - o.pos, "offset() cannot be part of an interaction; add it as a term of its own, as in y ~ x + offset(log(z))"}
			}
		}
		if strings.HasPrefix(t.keys[0], offsetKey) {
			dup := false
			for _, o := range ts.offsets {
				dup = dup || o.deparse() == t.factors[0].deparse()
			}
			if !dup {
				ts.offsets = append(ts.offsets, t.factors[0])
			}
			continue
		}
		k := t.keySet()
		if seen[k] {
			continue
		}
		seen[k] = true
		terms = append(terms, t)
	}
	// factors within a term in order of first appearance in the formula (R)
	order := map[string]int{}
	var walk func(n *node)
	walk = func(n *node) {
		logical := n.kind == "not" || n.kind == "op" && isLogicalOp(n.text)
		switch {
		case n.kind == "var" || n.kind == "call" || logical:
			key := n.src(pf.src)
			if n.kind == "var" {
				key = n.text
			}
			if _, ok := order[key]; !ok {
				order[key] = len(order)
			}
		case n.kind == "dot":
			for _, v := range dotVars {
				if _, ok := order[v]; !ok {
					order[v] = len(order)
				}
			}
		default:
			for _, a := range n.args {
				walk(a)
			}
		}
	}
	walk(pf.rhs)
	for i := range terms {
		t := &terms[i]
		idx := make([]int, len(t.keys))
		for k := range idx {
			idx[k] = k
		}
		sort.SliceStable(idx, func(a, b int) bool { return order[t.keys[idx[a]]] < order[t.keys[idx[b]]] })
		keys := make([]string, len(idx))
		facs := make([]*node, len(idx))
		for k, j := range idx {
			keys[k], facs[k] = t.keys[j], t.factors[j]
		}
		t.keys, t.factors = keys, facs
	}
	// stable sort by order
	sort.SliceStable(terms, func(i, j int) bool { return len(terms[i].keys) < len(terms[j].keys) })
	ts.terms = terms
	return ts, nil
}

func mergeTerm(a, b term) term {
	out := term{factors: append([]*node{}, a.factors...), keys: append([]string{}, a.keys...)}
	for i, k := range b.keys {
		dup := false
		for _, k2 := range out.keys {
			if k2 == k {
				dup = true
			}
		}
		if !dup {
			out.keys = append(out.keys, k)
			out.factors = append(out.factors, b.factors[i])
		}
	}
	return out
}

func crossOnly(a, b []term) []term {
	var out []term
	for _, x := range a {
		for _, y := range b {
			if len(x.keys) == 0 {
				out = append(out, y)
				continue
			}
			if len(y.keys) == 0 {
				out = append(out, x)
				continue
			}
			out = append(out, mergeTerm(x, y))
		}
	}
	return out
}

// removeTerms implements a - b. Removing the intercept term ("1") is marked
// so that the caller drops the intercept.
func removeTerms(a, b []term) []term {
	var out []term
	noint := false
	for _, t := range b {
		if len(t.keys) == 0 {
			noint = true
		}
		if len(t.keys) == 1 && t.keys[0] == "\x000" {
			noint = false
		}
	}
	for _, t := range a {
		drop := false
		for _, r := range b {
			if len(r.keys) > 0 && r.keySet() == t.keySet() {
				drop = true
			}
		}
		if !drop {
			out = append(out, t)
		}
	}
	if noint {
		out = append(out, term{keys: []string{"\x00noint"}})
	}
	return out
}

// varsOf lists the data variables an expression refers to, in order
// (the contrasts argument of C(x, contr) names no variable).
func varsOf(n *node, out *[]*node) {
	switch {
	case n.kind == "var":
		*out = append(*out, n)
	case n.kind == "call" && n.text == "C" && len(n.args) > 0:
		for i, a := range n.args {
			if a.kind == "named" && a.text != "object" || a.kind != "named" && i > 0 {
				continue
			}
			varsOf(a, out)
		}
	default:
		for _, a := range n.args {
			varsOf(a, out)
		}
	}
}

// deparseFormula writes a parsed formula as R's deparse does in a model's
// call and in anova headings ("mpg ~ wt + I(2 * wt)" whatever the spacing
// typed); src when there is nothing parsed.
func deparseFormula(pf *parsedFormula, src string) string {
	if pf == nil || pf.rhs == nil {
		return src
	}
	rhs := pf.rhs.deparse()
	if pf.lhs == nil {
		return "~" + rhs
	}
	return pf.lhs.deparse() + " ~ " + rhs
}
