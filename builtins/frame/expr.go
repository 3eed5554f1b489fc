package frame

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// The expression mini-language of Mutate and Filter: a tokenizer, a
// recursive-descent parser producing a tree, and a vectorised evaluator.

type vkind int

const (
	vNum vkind = iota
	vBool
	vStr
)

// vec is an evaluated expression: a numeric vector (NaN = NA), a bool
// vector (-1 = NA), or a string column / constant. Scalars broadcast.
type vec struct {
	kind   vkind
	scalar bool
	f      []float64
	b      []int8
	str    *column // string column (kind vStr, not scalar)
	s      string  // string constant (kind vStr, scalar)
}

func (v vec) num(r int) float64 {
	if v.scalar {
		return v.f[0]
	}
	return v.f[r]
}

func (v vec) bl(r int) int8 {
	if v.scalar {
		return v.b[0]
	}
	return v.b[r]
}

func (v vec) floatsN(n int) []float64 {
	if !v.scalar {
		return v.f
	}
	out := make([]float64, n)
	for r := range out {
		out[r] = v.f[0]
	}
	return out
}

func (v vec) boolsN(n int) []int8 {
	if !v.scalar {
		return v.b
	}
	out := make([]int8, n)
	for r := range out {
		out[r] = v.b[0]
	}
	return out
}

func (v vec) boolMask(n int) []bool {
	out := make([]bool, n)
	for r := range out {
		out[r] = v.bl(r) == 1
	}
	return out
}

type token struct {
	kind string // num, str, ident, op, (, ), ",", eof
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
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
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
			toks = append(toks, token{"num", src[i:j], i})
			i = j
		case c == '"' || c == '\'':
			j := i + 1
			var sb strings.Builder
			for j < len(src) && src[j] != c {
				if src[j] == '\\' && j+1 < len(src) {
					j++
				}
				sb.WriteByte(src[j])
				j++
			}
			if j >= len(src) {
				return nil, fmt.Errorf("unterminated string starting at position %d", i+1)
			}
			toks = append(toks, token{"str", sb.String(), i})
			i = j + 1
		case c == '`':
			j := strings.IndexByte(src[i+1:], '`')
			if j < 0 {
				return nil, fmt.Errorf("unterminated `name` starting at position %d", i+1)
			}
			toks = append(toks, token{"ident", src[i+1 : i+1+j], i})
			i += j + 2
		case c == '_' || unicode.IsLetter(rune(c)) || c >= 0x80:
			j := i
			for j < len(src) && (src[j] == '_' || src[j] == '.' || src[j] >= 0x80 || unicode.IsLetter(rune(src[j])) || unicode.IsDigit(rune(src[j]))) {
				j++
			}
			toks = append(toks, token{"ident", src[i:j], i})
			i = j
		case c == '(' || c == ')' || c == ',':
			toks = append(toks, token{string(c), string(c), i})
			i++
		default:
			two := ""
			if i+1 < len(src) {
				two = src[i : i+2]
			}
			switch two {
			case "==", "!=", "<=", ">=", "&&", "||", "**":
				if two == "**" {
					two = "^"
				}
				toks = append(toks, token{"op", two, i})
				i += 2
				continue
			}
			switch c {
			case '+', '-', '*', '/', '%', '^', '<', '>', '!':
				toks = append(toks, token{"op", string(c), i})
				i++
			case '&', '|':
				toks = append(toks, token{"op", string(c) + string(c), i})
				i++
			case '=':
				toks = append(toks, token{"op", "==", i})
				i++
			default:
				return nil, fmt.Errorf("unexpected character %q at position %d", c, i+1)
			}
		}
	}
	return append(toks, token{"eof", "", len(src)}), nil
}

type node struct {
	op   string // num, str, col, call, or an operator; "neg", "not"
	num  float64
	text string
	args []*node
	pos  int
}

type parser struct {
	toks []token
	k    int
	src  string
}

func (p *parser) peek() token { return p.toks[p.k] }
func (p *parser) next() token { t := p.toks[p.k]; p.k++; return t }

func (p *parser) errAt(t token, msg string) error {
	return fmt.Errorf("%s at position %d in %q", msg, t.pos+1, p.src)
}

func parseExpr(src string) (*node, error) {
	toks, err := tokenize(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, src: src}
	n, err := p.binary(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != "eof" {
		return nil, p.errAt(t, fmt.Sprintf("unexpected %q", t.text))
	}
	return n, nil
}

var precedence = map[string]int{
	"||": 1, "&&": 2,
	"==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
	"+": 4, "-": 4, "*": 5, "/": 5, "%": 5,
}

func (p *parser) binary(minPrec int) (*node, error) {
	lhs, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		prec, ok := precedence[t.text]
		if t.kind != "op" || !ok || prec <= minPrec {
			return lhs, nil
		}
		p.next()
		rhs, err := p.binary(prec)
		if err != nil {
			return nil, err
		}
		lhs = &node{op: t.text, args: []*node{lhs, rhs}, pos: t.pos}
	}
}

func (p *parser) unary() (*node, error) {
	t := p.peek()
	if t.kind == "op" && (t.text == "-" || t.text == "!" || t.text == "+") {
		p.next()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		switch t.text {
		case "-":
			return &node{op: "neg", args: []*node{x}, pos: t.pos}, nil
		case "!":
			return &node{op: "not", args: []*node{x}, pos: t.pos}, nil
		}
		return x, nil
	}
	return p.power()
}

func (p *parser) power() (*node, error) {
	base, err := p.primary()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == "op" && t.text == "^" {
		p.next()
		exp, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &node{op: "^", args: []*node{base, exp}, pos: t.pos}, nil
	}
	return base, nil
}

func (p *parser) primary() (*node, error) {
	t := p.next()
	switch t.kind {
	case "num":
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, p.errAt(t, fmt.Sprintf("bad number %q", t.text))
		}
		return &node{op: "num", num: v, pos: t.pos}, nil
	case "str":
		return &node{op: "str", text: t.text, pos: t.pos}, nil
	case "ident":
		if p.peek().kind == "(" {
			p.next()
			call := &node{op: "call", text: t.text, pos: t.pos}
			if p.peek().kind != ")" {
				for {
					a, err := p.binary(0)
					if err != nil {
						return nil, err
					}
					call.args = append(call.args, a)
					if p.peek().kind == "," {
						p.next()
						continue
					}
					break
				}
			}
			if c := p.next(); c.kind != ")" {
				return nil, p.errAt(c, "expected ) to close "+t.text+"(")
			}
			return call, nil
		}
		switch t.text {
		case "true", "TRUE":
			return &node{op: "bool", num: 1, pos: t.pos}, nil
		case "false", "FALSE":
			return &node{op: "bool", num: 0, pos: t.pos}, nil
		case "NA":
			return &node{op: "num", num: math.NaN(), pos: t.pos}, nil
		case "pi":
			return &node{op: "num", num: math.Pi, pos: t.pos}, nil
		}
		return &node{op: "col", text: t.text, pos: t.pos}, nil
	case "(":
		n, err := p.binary(0)
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != ")" {
			return nil, p.errAt(c, "expected )")
		}
		return n, nil
	case "eof":
		return nil, p.errAt(t, "expression ends too early")
	}
	return nil, p.errAt(t, fmt.Sprintf("unexpected %q", t.text))
}

var funcs1 = map[string]func(float64) float64{
	"abs": math.Abs, "sqrt": math.Sqrt, "exp": math.Exp, "log": math.Log,
	"log2": math.Log2, "log10": math.Log10, "log1p": math.Log1p, "expm1": math.Expm1,
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "floor": math.Floor,
	"ceil": math.Ceil, "round": math.RoundToEven, "trunc": math.Trunc,
	"sign": func(x float64) float64 {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return x
	},
}

func (f *Frame) eval(src string) (vec, error) {
	n, err := parseExpr(src)
	if err != nil {
		return vec{}, err
	}
	return f.evalNode(n, src)
}

func numScalar(x float64) vec { return vec{kind: vNum, scalar: true, f: []float64{x}} }

func (f *Frame) evalNode(n *node, src string) (vec, error) {
	N := f.nrows
	switch n.op {
	case "num":
		return numScalar(n.num), nil
	case "bool":
		return vec{kind: vBool, scalar: true, b: []int8{int8(n.num)}}, nil
	case "str":
		return vec{kind: vStr, scalar: true, s: n.text}, nil
	case "col":
		c, err := f.col(n.text)
		if err != nil {
			return vec{}, err
		}
		switch c.kind {
		case kString:
			return vec{kind: vStr, str: c}, nil
		case kBool:
			return vec{kind: vBool, b: c.b}, nil
		}
		return vec{kind: vNum, f: c.floats()}, nil
	case "neg":
		x, err := f.evalNum(n.args[0], src)
		if err != nil {
			return vec{}, err
		}
		return mapNum(x, N, func(a float64) float64 { return -a }), nil
	case "not":
		x, err := f.evalNode(n.args[0], src)
		if err != nil {
			return vec{}, err
		}
		if x.kind != vBool {
			return vec{}, fmt.Errorf("! needs a condition at position %d in %q", n.pos+1, src)
		}
		out := vec{kind: vBool, scalar: x.scalar, b: make([]int8, len(x.b))}
		for r, v := range x.b {
			if v < 0 {
				out.b[r] = -1
			} else {
				out.b[r] = 1 - v
			}
		}
		return out, nil
	case "call":
		return f.evalCall(n, src)
	}
	a, err := f.evalNode(n.args[0], src)
	if err != nil {
		return vec{}, err
	}
	b, err := f.evalNode(n.args[1], src)
	if err != nil {
		return vec{}, err
	}
	switch n.op {
	case "&&", "||":
		if a.kind != vBool || b.kind != vBool {
			return vec{}, fmt.Errorf("%s needs conditions on both sides at position %d in %q", n.op, n.pos+1, src)
		}
		and := n.op == "&&"
		out := vec{kind: vBool, scalar: a.scalar && b.scalar}
		m := N
		if out.scalar {
			m = 1
		}
		out.b = make([]int8, m)
		for r := 0; r < m; r++ {
			x, y := a.bl(r), b.bl(r)
			out.b[r] = logic3(x, y, and)
		}
		return out, nil
	case "==", "!=", "<", "<=", ">", ">=":
		return f.compare(n, a, b, src)
	}
	if a.kind != vNum || b.kind != vNum {
		if a.kind == vBool {
			a = boolToNum(a)
		}
		if b.kind == vBool {
			b = boolToNum(b)
		}
		if a.kind != vNum || b.kind != vNum {
			return vec{}, fmt.Errorf("%s needs numbers at position %d in %q (a string column cannot take part in arithmetic)", n.op, n.pos+1, src)
		}
	}
	var op func(x, y float64) float64
	switch n.op {
	case "+":
		op = func(x, y float64) float64 { return x + y }
	case "-":
		op = func(x, y float64) float64 { return x - y }
	case "*":
		op = func(x, y float64) float64 { return x * y }
	case "/":
		op = func(x, y float64) float64 { return x / y }
	case "%":
		op = func(x, y float64) float64 { return x - y*math.Floor(x/y) }
	case "^":
		op = math.Pow
	default:
		return vec{}, fmt.Errorf("unknown operator %q", n.op)
	}
	return zipNum(a, b, N, op), nil
}

func logic3(x, y int8, and bool) int8 {
	if and {
		if x == 0 || y == 0 {
			return 0
		}
		if x < 0 || y < 0 {
			return -1
		}
		return 1
	}
	if x == 1 || y == 1 {
		return 1
	}
	if x < 0 || y < 0 {
		return -1
	}
	return 0
}

func boolToNum(v vec) vec {
	out := vec{kind: vNum, scalar: v.scalar, f: make([]float64, len(v.b))}
	for r, x := range v.b {
		if x < 0 {
			out.f[r] = math.NaN()
		} else {
			out.f[r] = float64(x)
		}
	}
	return out
}

func (f *Frame) evalNum(n *node, src string) (vec, error) {
	v, err := f.evalNode(n, src)
	if err != nil {
		return v, err
	}
	if v.kind == vBool {
		return boolToNum(v), nil
	}
	if v.kind != vNum {
		return vec{}, fmt.Errorf("expected numbers at position %d in %q", n.pos+1, src)
	}
	return v, nil
}

func mapNum(x vec, N int, fn func(float64) float64) vec {
	out := vec{kind: vNum, scalar: x.scalar, f: make([]float64, len(x.f))}
	for r, v := range x.f {
		out.f[r] = fn(v)
	}
	return out
}

func zipNum(a, b vec, N int, fn func(x, y float64) float64) vec {
	if a.scalar && b.scalar {
		return numScalar(fn(a.f[0], b.f[0]))
	}
	out := vec{kind: vNum, f: make([]float64, N)}
	switch {
	case a.scalar:
		x := a.f[0]
		for r, y := range b.f {
			out.f[r] = fn(x, y)
		}
	case b.scalar:
		y := b.f[0]
		for r, x := range a.f {
			out.f[r] = fn(x, y)
		}
	default:
		for r := range out.f {
			out.f[r] = fn(a.f[r], b.f[r])
		}
	}
	return out
}

func (f *Frame) compare(n *node, a, b vec, src string) (vec, error) {
	cmp := cmpOps[n.op]
	N := f.nrows
	out := vec{kind: vBool, scalar: a.scalar && b.scalar}
	m := N
	if out.scalar {
		m = 1
	}
	out.b = make([]int8, m)
	switch {
	case a.kind == vStr || b.kind == vStr:
		if a.kind != vStr || b.kind != vStr {
			return vec{}, fmt.Errorf("%s compares a string with a number at position %d in %q; quote the value or compare numbers", n.op, n.pos+1, src)
		}
		if a.scalar != b.scalar {
			// Column against a constant: decide once per level.
			col, lit, swap := a, b, false
			if a.scalar {
				col, lit, swap = b, a, true
			}
			res := make([]int8, len(col.str.lv))
			for k, l := range col.str.lv {
				c := strings.Compare(l, lit.s)
				if swap {
					c = -c
				}
				if cmp(c) {
					res[k] = 1
				}
			}
			for r, code := range col.str.c {
				if code < 0 {
					out.b[r] = -1
				} else {
					out.b[r] = res[code]
				}
			}
			return out, nil
		}
		get := func(v vec, r int) (string, bool) {
			if v.scalar {
				return v.s, true
			}
			c := v.str.c[r]
			if c < 0 {
				return "", false
			}
			return v.str.lv[c], true
		}
		for r := 0; r < m; r++ {
			x, ok1 := get(a, r)
			y, ok2 := get(b, r)
			if !ok1 || !ok2 {
				out.b[r] = -1
				continue
			}
			if cmp(strings.Compare(x, y)) {
				out.b[r] = 1
			}
		}
	default:
		if a.kind == vBool {
			a = boolToNum(a)
		}
		if b.kind == vBool {
			b = boolToNum(b)
		}
		for r := 0; r < m; r++ {
			x, y := a.num(r), b.num(r)
			if x != x || y != y {
				out.b[r] = -1
				continue
			}
			if cmp(compareF(x, y)) {
				out.b[r] = 1
			}
		}
	}
	return out, nil
}

func (f *Frame) evalCall(n *node, src string) (vec, error) {
	N := f.nrows
	nargs := func(k int) error {
		if len(n.args) != k {
			return fmt.Errorf("%s takes %d argument(s), got %d, at position %d in %q", n.text, k, len(n.args), n.pos+1, src)
		}
		return nil
	}
	if fn, ok := funcs1[n.text]; ok {
		if err := nargs(1); err != nil {
			return vec{}, err
		}
		x, err := f.evalNum(n.args[0], src)
		if err != nil {
			return vec{}, err
		}
		return mapNum(x, N, fn), nil
	}
	switch n.text {
	case "is_na", "is.na":
		if err := nargs(1); err != nil {
			return vec{}, err
		}
		x, err := f.evalNode(n.args[0], src)
		if err != nil {
			return vec{}, err
		}
		out := vec{kind: vBool, b: make([]int8, N)}
		for r := 0; r < N; r++ {
			var na bool
			switch x.kind {
			case vNum:
				na = x.num(r) != x.num(r)
			case vBool:
				na = x.bl(r) < 0
			default:
				na = !x.scalar && x.str.c[r] < 0
			}
			if na {
				out.b[r] = 1
			}
		}
		return out, nil
	case "pow", "pmin", "pmax", "atan2":
		if err := nargs(2); err != nil {
			return vec{}, err
		}
		a, err := f.evalNum(n.args[0], src)
		if err != nil {
			return vec{}, err
		}
		b, err := f.evalNum(n.args[1], src)
		if err != nil {
			return vec{}, err
		}
		fn := map[string]func(x, y float64) float64{"pow": math.Pow, "atan2": math.Atan2,
			"pmin": func(x, y float64) float64 {
				if x != x || y != y {
					return math.NaN()
				}
				return math.Min(x, y)
			},
			"pmax": func(x, y float64) float64 {
				if x != x || y != y {
					return math.NaN()
				}
				return math.Max(x, y)
			}}[n.text]
		return zipNum(a, b, N, fn), nil
	case "ifelse", "if_else":
		if err := nargs(3); err != nil {
			return vec{}, err
		}
		c, err := f.evalNode(n.args[0], src)
		if err != nil {
			return vec{}, err
		}
		if c.kind != vBool {
			return vec{}, fmt.Errorf("ifelse needs a condition first at position %d in %q", n.pos+1, src)
		}
		a, err := f.evalNode(n.args[1], src)
		if err != nil {
			return vec{}, err
		}
		b, err := f.evalNode(n.args[2], src)
		if err != nil {
			return vec{}, err
		}
		if a.kind == vBool && b.kind == vBool {
			out := vec{kind: vBool, b: make([]int8, N)}
			for r := 0; r < N; r++ {
				switch c.bl(r) {
				case 1:
					out.b[r] = a.bl(r)
				case 0:
					out.b[r] = b.bl(r)
				default:
					out.b[r] = -1
				}
			}
			return out, nil
		}
		if a.kind == vBool {
			a = boolToNum(a)
		}
		if b.kind == vBool {
			b = boolToNum(b)
		}
		if a.kind != vNum || b.kind != vNum {
			return vec{}, fmt.Errorf("ifelse branches must be numbers or conditions at position %d in %q", n.pos+1, src)
		}
		out := vec{kind: vNum, f: make([]float64, N)}
		for r := 0; r < N; r++ {
			switch c.bl(r) {
			case 1:
				out.f[r] = a.num(r)
			case 0:
				out.f[r] = b.num(r)
			default:
				out.f[r] = math.NaN()
			}
		}
		return out, nil
	}
	names := []string{"abs", "sqrt", "exp", "log", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "floor", "ceil", "round", "trunc", "sign", "is_na", "pow", "pmin", "pmax", "atan2", "ifelse"}
	msg := fmt.Sprintf("unknown function %q at position %d in %q", n.text, n.pos+1, src)
	if best := Closest(n.text, names); best != "" {
		msg += fmt.Sprintf("; did you mean %s?", best)
	}
	return vec{}, fmt.Errorf("%s", msg)
}
