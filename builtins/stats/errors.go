package stats

import (
	"fmt"
	"math"
)

// InputError reports input a statistics function cannot use: which function,
// which argument, what is wrong with it and how to fix it. All functions of
// this package return errors of this type for bad input.
type InputError struct {
	Func    string // the function called, e.g. "TTest"
	Arg     string // the argument at fault, e.g. "x"
	Problem string // what is wrong, e.g. "has fewer than 2 non-missing values"
	Hint    string // what to do about it (may be empty)
}

// Error returns "stats.Func: arg problem (hint)".
func (e *InputError) Error() string {
	s := "stats." + e.Func + ": " + e.Arg + " " + e.Problem
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

func inputErr(fn, arg, problem, hint string, a ...any) error {
	return &InputError{Func: fn, Arg: arg, Problem: fmt.Sprintf(problem, a...), Hint: hint}
}

// dropNaN returns x without its NaN entries (x itself when there are none)
// and the number dropped.
func dropNaN(x []float64) ([]float64, int) {
	n := 0
	for _, v := range x {
		if v != v {
			n++
		}
	}
	if n == 0 {
		return x, 0
	}
	out := make([]float64, 0, len(x)-n)
	for _, v := range x {
		if v == v {
			out = append(out, v)
		}
	}
	return out, n
}

// clean drops NaN and checks that at least min values remain and that none
// is infinite.
func clean(fn, arg string, x []float64, min int) ([]float64, int, error) {
	if len(x) == 0 {
		return nil, 0, inputErr(fn, arg, "is empty", "pass a column with data, e.g. df.Col(\"x\")")
	}
	if len(x) >= min && allFinite(x) {
		return x, 0, nil
	}
	v, na := dropNaN(x)
	if len(v) == 0 {
		return nil, na, inputErr(fn, arg, "has only missing values (%d NaN)", "check the column or how it was read", na)
	}
	for i, t := range v {
		if math.IsInf(t, 0) {
			return nil, na, inputErr(fn, arg, "has an infinite value at position %d", "remove or recode infinite values", indexOf(x, t, i))
		}
		if math.Abs(t) > maxMagnitude {
			return nil, na, inputErr(fn, arg, "has a value of %g at position %d, too large to square without overflow", "rescale the data (e.g. divide by a power of 10)", t, indexOf(x, t, i))
		}
	}
	if len(v) < min {
		return nil, na, inputErr(fn, arg, "has %d non-missing value(s); at least %d are needed", "", len(v), min)
	}
	return v, na, nil
}

func indexOf(x []float64, t float64, hint int) int {
	for i := hint; i < len(x); i++ {
		if x[i] == t {
			return i
		}
	}
	return hint
}

// allFinite reports whether x has no NaN or ±Inf and no value so large
// that its square overflows (x²·0 is NaN exactly then), in four lanes.
func allFinite(x []float64) bool {
	var a0, a1, a2, a3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		b4 := x[i : i+4 : i+4]
		a0 += b4[0] * b4[0] * 0
		a1 += b4[1] * b4[1] * 0
		a2 += b4[2] * b4[2] * 0
		a3 += b4[3] * b4[3] * 0
	}
	for ; i < len(x); i++ {
		a0 += x[i] * x[i] * 0
	}
	return a0+a1+a2+a3 == 0
}

// maxMagnitude is the largest |x| accepted: sums of squares of larger
// values overflow float64.
const maxMagnitude = 1e150

// pairClean drops positions where x or y is NaN (complete cases).
func pairClean(fn string, x, y []float64, min int) ([]float64, []float64, int, error) {
	if len(x) != len(y) {
		return nil, nil, 0, inputErr(fn, "x and y", "have different lengths (%d and %d)", "pair observations one to one", len(x), len(y))
	}
	if len(x) == 0 {
		return nil, nil, 0, inputErr(fn, "x", "is empty", "")
	}
	na := 0
	for i := range x {
		if x[i] != x[i] || y[i] != y[i] {
			na++
		}
	}
	xs, ys := x, y
	if na > 0 {
		xs = make([]float64, 0, len(x)-na)
		ys = make([]float64, 0, len(x)-na)
		for i := range x {
			if x[i] == x[i] && y[i] == y[i] {
				xs = append(xs, x[i])
				ys = append(ys, y[i])
			}
		}
	}
	for i := range xs {
		if math.IsInf(xs[i], 0) || math.IsInf(ys[i], 0) {
			return nil, nil, na, inputErr(fn, "x or y", "has an infinite value", "remove or recode infinite values")
		}
		if math.Abs(xs[i]) > maxMagnitude || math.Abs(ys[i]) > maxMagnitude {
			return nil, nil, na, inputErr(fn, "x or y", "has a value too large to square without overflow", "rescale the data (e.g. divide by a power of 10)")
		}
	}
	if len(xs) < min {
		return nil, nil, na, inputErr(fn, "x and y", "have %d complete pairs; at least %d are needed", "", len(xs), min)
	}
	return xs, ys, na, nil
}
