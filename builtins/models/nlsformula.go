package models

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
)

// NLSFormula fits a nonlinear model written as an R nls formula, e.g.
//
//	fit, err := models.NLSFormula("y ~ b1*(1-exp(-b2*x))", df,
//	        map[string]float64{"b1": 500, "b2": 1e-4})
//
// Names in the formula that are columns of f are data; every other name
// must have a start value in start and is a parameter. The expression may
// use + - * / ^ (or **), parentheses, numbers, pi and the functions exp,
// log, log10, log2, log1p, expm1, sqrt, abs, sin, cos, tan, atan, asin,
// acos, sinh, cosh, tanh. The model is compiled (no
// interpreted callback per observation) and fitted by NLS; parameters are
// ordered as they first appear in the formula. The Jacobian is exact
// (forward-mode automatic differentiation of the formula), which keeps
// ill-conditioned fits accurate. Rows with missing values in used columns
// are dropped.
func NLSFormula(formula string, f *frame.Frame, start map[string]float64) (fit *NLSFit, err error) {
	defer recoverErr("models.NLSFormula", &err)
	if f == nil {
		return nil, fmt.Errorf("models.NLSFormula: the data frame is nil")
	}
	pf, err := parseFormula(formula)
	if err != nil {
		return nil, err
	}
	if pf.lhs == nil {
		return nil, &FormulaError{formula, 0, 1, "nls formula needs a response, as in \"y ~ b1*exp(b2*x)\""}
	}
	// classify names
	var vars []*node
	varsOf(pf.rhs, &vars)
	var dataNames, params []string
	seen := map[string]bool{}
	for _, v := range vars {
		if seen[v.text] {
			continue
		}
		seen[v.text] = true
		switch {
		case f.Has(v.text):
			dataNames = append(dataNames, v.text)
		case v.text == "pi":
		default:
			if _, ok := start[v.text]; !ok {
				msg := fmt.Sprintf("%q is neither a column nor a parameter with a start value", v.text)
				cands := append(f.Names(), keys(start)...)
				if c := frame.Closest(v.text, cands); c != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", c)
				}
				return nil, &FormulaError{formula, v.pos, v.end - v.pos, msg}
			}
			params = append(params, v.text)
		}
	}
	for k := range start {
		if !seen[k] {
			return nil, fmt.Errorf("models.NLSFormula: start value for %q, which the formula does not use", k)
		}
	}
	var yVars []*node
	varsOf(pf.lhs, &yVars)
	all := append([]string{}, dataNames...)
	for _, v := range yVars {
		if !f.Has(v.text) {
			msg := fmt.Sprintf("unknown response variable %q", v.text)
			if c := frame.Closest(v.text, f.Names()); c != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", c)
			}
			return nil, &FormulaError{formula, v.pos, v.end - v.pos, msg}
		}
		all = append(all, v.text)
	}
	// complete rows
	nr := f.NRows()
	keep := make([]bool, nr)
	for i := range keep {
		keep[i] = true
	}
	cols := map[string][]float64{}
	for _, nm := range all {
		c, err := f.Floats(nm)
		if err != nil {
			return nil, err
		}
		cols[nm] = c
		for i, v := range c {
			if math.IsNaN(v) {
				keep[i] = false
			}
		}
	}
	vi := map[string]int{}
	for i, nm := range dataNames {
		vi[nm] = i
	}
	pi := map[string]int{}
	for i, nm := range params {
		pi[nm] = i
	}
	model, err := compileExpr(pf, pf.rhs, vi, pi)
	if err != nil {
		return nil, err
	}
	var X [][]float64
	var y []float64
	yvi := map[string]int{}
	for i, v := range yVars {
		yvi[v.text] = i
	}
	ycomp, err := compileExpr(pf, pf.lhs, yvi, map[string]int{})
	if err != nil {
		return nil, err
	}
	for r := 0; r < nr; r++ {
		if !keep[r] {
			continue
		}
		row := make([]float64, len(dataNames))
		for j, nm := range dataNames {
			row[j] = cols[nm][r]
		}
		yr := make([]float64, len(yVars))
		for j, v := range yVars {
			yr[j] = cols[v.text][r]
		}
		X = append(X, row)
		y = append(y, ycomp(yr, nil))
	}
	b0 := make([]float64, len(params))
	for i, nm := range params {
		b0[i] = start[nm]
	}
	dual, err := compileDual(pf, pf.rhs, vi, pi)
	if err != nil {
		return nil, err
	}
	jac := func(x []float64, b []float64, grad []float64) {
		for j := range grad {
			_, grad[j] = dual(x, b, j)
		}
	}
	fit, err = NLS(model, X, y, b0, &NLSOptions{Names: params, Jacobian: jac})
	if fit != nil {
		fit.Model = formula
		fit.NDropped = nr - len(y)
	}
	return fit, err
}

func keys(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type compiled func(x []float64, b []float64) float64

var unaryFuncs = map[string]func(float64) float64{
	"exp": math.Exp, "log": math.Log, "log10": math.Log10, "log2": math.Log2,
	"sqrt": math.Sqrt, "abs": math.Abs, "sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"log1p": math.Log1p, "expm1": math.Expm1, "atan": math.Atan, "asin": math.Asin, "acos": math.Acos,
	"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
}

// compileExpr compiles an arithmetic expression into a closure; variables
// index x via vi, parameters index b via pi.
func compileExpr(pf *parsedFormula, n *node, vi, pi map[string]int) (compiled, error) {
	errf := func(format string, a ...any) error {
		return &FormulaError{pf.src, n.pos, n.end - n.pos, fmt.Sprintf(format, a...)}
	}
	switch n.kind {
	case "num":
		v, err := strconv.ParseFloat(n.text, 64)
		if err != nil {
			return nil, errf("bad number %q", n.text)
		}
		return func([]float64, []float64) float64 { return v }, nil
	case "var":
		if i, ok := vi[n.text]; ok {
			return func(x, _ []float64) float64 { return x[i] }, nil
		}
		if i, ok := pi[n.text]; ok {
			return func(_, b []float64) float64 { return b[i] }, nil
		}
		if n.text == "pi" {
			return func([]float64, []float64) float64 { return math.Pi }, nil
		}
		return nil, errf("unknown name %q", n.text)
	case "paren":
		return compileExpr(pf, n.args[0], vi, pi)
	case "neg":
		a, err := compileExpr(pf, n.args[0], vi, pi)
		if err != nil {
			return nil, err
		}
		return func(x, b []float64) float64 { return -a(x, b) }, nil
	case "call":
		if n.text == "I" && len(n.args) == 1 {
			return compileExpr(pf, n.args[0], vi, pi)
		}
		fn, ok := unaryFuncs[n.text]
		if !ok || len(n.args) != 1 {
			names := make([]string, 0, len(unaryFuncs))
			for k := range unaryFuncs {
				names = append(names, k)
			}
			sort.Strings(names)
			return nil, errf("unknown function %s() (available: %s)", n.text, strings.Join(names, ", "))
		}
		a, err := compileExpr(pf, n.args[0], vi, pi)
		if err != nil {
			return nil, err
		}
		return func(x, b []float64) float64 { return fn(a(x, b)) }, nil
	case "op":
		a, err := compileExpr(pf, n.args[0], vi, pi)
		if err != nil {
			return nil, err
		}
		c, err := compileExpr(pf, n.args[1], vi, pi)
		if err != nil {
			return nil, err
		}
		switch n.text {
		case "+":
			return func(x, b []float64) float64 { return a(x, b) + c(x, b) }, nil
		case "-":
			return func(x, b []float64) float64 { return a(x, b) - c(x, b) }, nil
		case "*":
			return func(x, b []float64) float64 { return a(x, b) * c(x, b) }, nil
		case "/":
			return func(x, b []float64) float64 { return a(x, b) / c(x, b) }, nil
		case "^":
			if n.args[1].kind == "num" {
				if k, err := strconv.Atoi(n.args[1].text); err == nil && k >= 0 && k <= 16 {
					return func(x, b []float64) float64 {
						v := a(x, b)
						r := 1.0
						for i := 0; i < k; i++ {
							r *= v
						}
						return r
					}, nil
				}
			}
			return func(x, b []float64) float64 { return math.Pow(a(x, b), c(x, b)) }, nil
		}
		return nil, errf("operator %s is not arithmetic", n.text)
	}
	return nil, errf("cannot use this in a nonlinear model")
}

// dualFn evaluates an expression and its derivative with respect to
// parameter j (forward-mode automatic differentiation with dual numbers).
type dualFn func(x, b []float64, j int) (float64, float64)

// compileDual compiles the exact derivative of an expression, so that
// NLSFormula fits use an analytic Jacobian (finite differences lose digits
// on ill-conditioned problems such as NIST's Hahn1).
func compileDual(pf *parsedFormula, n *node, vi, pi map[string]int) (dualFn, error) {
	errf := func(format string, a ...any) error {
		return &FormulaError{pf.src, n.pos, n.end - n.pos, fmt.Sprintf(format, a...)}
	}
	switch n.kind {
	case "num":
		v, err := strconv.ParseFloat(n.text, 64)
		if err != nil {
			return nil, errf("bad number %q", n.text)
		}
		return func([]float64, []float64, int) (float64, float64) { return v, 0 }, nil
	case "var":
		if i, ok := vi[n.text]; ok {
			return func(x, _ []float64, _ int) (float64, float64) { return x[i], 0 }, nil
		}
		if i, ok := pi[n.text]; ok {
			return func(_, b []float64, j int) (float64, float64) {
				if j == i {
					return b[i], 1
				}
				return b[i], 0
			}, nil
		}
		if n.text == "pi" {
			return func([]float64, []float64, int) (float64, float64) { return math.Pi, 0 }, nil
		}
		return nil, errf("unknown name %q", n.text)
	case "paren":
		return compileDual(pf, n.args[0], vi, pi)
	case "neg":
		a, err := compileDual(pf, n.args[0], vi, pi)
		if err != nil {
			return nil, err
		}
		return func(x, b []float64, j int) (float64, float64) { v, d := a(x, b, j); return -v, -d }, nil
	case "call":
		if n.text == "I" && len(n.args) == 1 {
			return compileDual(pf, n.args[0], vi, pi)
		}
		if len(n.args) != 1 {
			return nil, errf("%s() takes one argument", n.text)
		}
		a, err := compileDual(pf, n.args[0], vi, pi)
		if err != nil {
			return nil, err
		}
		var f func(float64) (float64, float64) // value, derivative
		switch n.text {
		case "exp":
			f = func(u float64) (float64, float64) { e := math.Exp(u); return e, e }
		case "log":
			f = func(u float64) (float64, float64) { return math.Log(u), 1 / u }
		case "log10":
			f = func(u float64) (float64, float64) { return math.Log10(u), 1 / (u * math.Ln10) }
		case "log2":
			f = func(u float64) (float64, float64) { return math.Log2(u), 1 / (u * math.Ln2) }
		case "log1p":
			f = func(u float64) (float64, float64) { return math.Log1p(u), 1 / (1 + u) }
		case "expm1":
			f = func(u float64) (float64, float64) { return math.Expm1(u), math.Exp(u) }
		case "sqrt":
			f = func(u float64) (float64, float64) { s := math.Sqrt(u); return s, 0.5 / s }
		case "abs":
			f = func(u float64) (float64, float64) { return math.Abs(u), math.Copysign(1, u) }
		case "sin":
			f = func(u float64) (float64, float64) { return math.Sin(u), math.Cos(u) }
		case "cos":
			f = func(u float64) (float64, float64) { return math.Cos(u), -math.Sin(u) }
		case "tan":
			f = func(u float64) (float64, float64) { t := math.Tan(u); return t, 1 + t*t }
		case "atan":
			f = func(u float64) (float64, float64) { return math.Atan(u), 1 / (1 + u*u) }
		case "asin":
			f = func(u float64) (float64, float64) { return math.Asin(u), 1 / math.Sqrt(1-u*u) }
		case "acos":
			f = func(u float64) (float64, float64) { return math.Acos(u), -1 / math.Sqrt(1-u*u) }
		case "sinh":
			f = func(u float64) (float64, float64) { return math.Sinh(u), math.Cosh(u) }
		case "cosh":
			f = func(u float64) (float64, float64) { return math.Cosh(u), math.Sinh(u) }
		case "tanh":
			f = func(u float64) (float64, float64) { t := math.Tanh(u); return t, 1 - t*t }
		default:
			return nil, errf("unknown function %s()", n.text)
		}
		return func(x, b []float64, j int) (float64, float64) {
			u, du := a(x, b, j)
			v, dv := f(u)
			if du == 0 {
				return v, 0
			}
			return v, dv * du
		}, nil
	case "op":
		a, err := compileDual(pf, n.args[0], vi, pi)
		if err != nil {
			return nil, err
		}
		c, err := compileDual(pf, n.args[1], vi, pi)
		if err != nil {
			return nil, err
		}
		switch n.text {
		case "+":
			return func(x, b []float64, j int) (float64, float64) {
				u, du := a(x, b, j)
				v, dv := c(x, b, j)
				return u + v, du + dv
			}, nil
		case "-":
			return func(x, b []float64, j int) (float64, float64) {
				u, du := a(x, b, j)
				v, dv := c(x, b, j)
				return u - v, du - dv
			}, nil
		case "*":
			return func(x, b []float64, j int) (float64, float64) {
				u, du := a(x, b, j)
				v, dv := c(x, b, j)
				return u * v, du*v + u*dv
			}, nil
		case "/":
			return func(x, b []float64, j int) (float64, float64) {
				u, du := a(x, b, j)
				v, dv := c(x, b, j)
				return u / v, (du*v - u*dv) / (v * v)
			}, nil
		case "^":
			return func(x, b []float64, j int) (float64, float64) {
				u, du := a(x, b, j)
				v, dv := c(x, b, j)
				p := math.Pow(u, v)
				d := 0.0
				if du != 0 {
					d += v * math.Pow(u, v-1) * du
				}
				if dv != 0 {
					d += p * math.Log(u) * dv
				}
				return p, d
			}, nil
		}
		return nil, errf("operator %s is not arithmetic", n.text)
	}
	return nil, errf("cannot use this in a nonlinear model")
}
