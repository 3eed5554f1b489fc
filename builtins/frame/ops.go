package frame

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Select returns a frame with only the named columns, in the given order.
// An unknown name panics with an *Error suggesting the closest name.
func (f *Frame) Select(names ...string) *Frame {
	cols := make([]*column, len(names))
	seen := map[string]bool{}
	for k, n := range names {
		if seen[n] {
			panic(errorf("Select", "column %q selected twice", n))
		}
		seen[n] = true
		cols[k] = f.mustCol("Select", n)
	}
	g := newFrame(cols)
	g.nrows = f.nrows
	return g
}

// Drop returns a frame without the named columns.
func (f *Frame) Drop(names ...string) *Frame {
	drop := map[string]bool{}
	for _, n := range names {
		f.mustCol("Drop", n)
		drop[n] = true
	}
	var cols []*column
	for _, c := range f.cols {
		if !drop[c.name] {
			cols = append(cols, c)
		}
	}
	g := newFrame(cols)
	g.nrows = f.nrows
	return g
}

// Rename returns a frame with columns renamed by old, new pairs:
// f.Rename("mpg", "miles_per_gallon", "wt", "weight").
func (f *Frame) Rename(oldNew ...string) *Frame {
	if len(oldNew)%2 != 0 {
		panic(errorf("Rename", "want old, new name pairs; got %d names", len(oldNew)))
	}
	g := f.Copy()
	for k := 0; k < len(oldNew); k += 2 {
		j := g.index(oldNew[k])
		if j < 0 {
			panic(wrapErr("Rename", unknownColumn(oldNew[k], g.Names())))
		}
		if oldNew[k] != oldNew[k+1] && g.index(oldNew[k+1]) >= 0 {
			panic(errorf("Rename", "a column named %q already exists", oldNew[k+1]))
		}
		g.cols[j] = g.cols[j].renamed(oldNew[k+1])
	}
	return g
}

// Take returns the rows at the given 0-based indexes, in that order
// (indexes may repeat).
func (f *Frame) Take(rows []int) *Frame {
	for _, r := range rows {
		if r < 0 || r >= f.nrows {
			panic(errorf("Take", "row index %d out of range [0, %d)", r, f.nrows))
		}
	}
	return f.take(rows)
}

func (f *Frame) take(rows []int) *Frame {
	cols := make([]*column, len(f.cols))
	parallelFor(len(f.cols), func(j int) { cols[j] = f.cols[j].take(rows) })
	g := newFrame(cols)
	g.nrows = len(rows)
	return g
}

// Slice returns rows from (inclusive) to to (exclusive), 0-based, clamped
// to the frame.
func (f *Frame) Slice(from, to int) *Frame {
	from = max(0, min(from, f.nrows))
	to = max(from, min(to, f.nrows))
	idx := make([]int, to-from)
	for k := range idx {
		idx[k] = from + k
	}
	return f.take(idx)
}

// Head returns the first n rows (6 when n is omitted, as in R).
func (f *Frame) Head(n ...int) *Frame {
	k := 6
	if len(n) > 0 {
		k = n[0]
	}
	return f.Slice(0, k)
}

// Tail returns the last n rows (6 when n is omitted).
func (f *Frame) Tail(n ...int) *Frame {
	k := 6
	if len(n) > 0 {
		k = n[0]
	}
	return f.Slice(f.nrows-k, f.nrows)
}

// Sample returns n rows drawn at random without replacement, seeded so the
// result is reproducible. n larger than NRows is an error.
func (f *Frame) Sample(n int, seed uint64) *Frame {
	if n < 0 || n > f.nrows {
		panic(errorf("Sample", "cannot draw %d rows without replacement from %d", n, f.nrows))
	}
	return f.take(sampleIndex(f.nrows, n, seed))
}

// SampleReplace returns n rows drawn at random with replacement (a
// bootstrap sample), seeded.
func (f *Frame) SampleReplace(n int, seed uint64) *Frame {
	if f.nrows == 0 {
		panic(errorf("SampleReplace", "the frame has no rows"))
	}
	r := newRand(seed)
	idx := make([]int, n)
	for k := range idx {
		idx[k] = r.IntN(f.nrows)
	}
	return f.take(idx)
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
}

// sampleIndex returns n distinct indexes of [0,N) in random order.
func sampleIndex(N, n int, seed uint64) []int {
	r := newRand(seed)
	p := make([]int, N)
	for k := range p {
		p[k] = k
	}
	for k := 0; k < n; k++ {
		q := k + r.IntN(N-k)
		p[k], p[q] = p[q], p[k]
	}
	return p[:n]
}

// Filter keeps the rows where the expression is true; rows where it is NA
// are dropped (as dplyr::filter does). The expression language is that of
// Mutate plus comparisons (== != < <= > >=), && || !, and string literals
// in quotes:
//
//	f.Filter("mpg > 20 && cyl == 4")
//	f.Filter(`Species != "setosa"`)
//	f.Filter("is_na(Ozone)")
func (f *Frame) Filter(expr string) *Frame {
	v, err := f.eval(expr)
	if err != nil {
		panic(wrapErr("Filter", err))
	}
	if v.kind != vBool {
		panic(errorf("Filter", "%q is not a condition (it gives numbers); compare it, e.g. %s > 0", expr, expr))
	}
	return f.FilterMask(v.boolMask(f.nrows))
}

// FilterMask keeps the rows where keep is true.
func (f *Frame) FilterMask(keep []bool) *Frame {
	if len(keep) != f.nrows {
		panic(errorf("FilterMask", "mask has %d values, the frame has %d rows", len(keep), f.nrows))
	}
	idx := make([]int, 0, f.nrows)
	for r, k := range keep {
		if k {
			idx = append(idx, r)
		}
	}
	return f.take(idx)
}

// FilterFunc keeps the rows r (0-based) for which keep(r) is true. It calls
// back once per row, which is slow from interpreted code (about 1 µs a row);
// prefer Filter or Where for ordinary conditions.
func (f *Frame) FilterFunc(keep func(r int) bool) *Frame {
	idx := make([]int, 0, f.nrows)
	for r := 0; r < f.nrows; r++ {
		if keep(r) {
			idx = append(idx, r)
		}
	}
	return f.take(idx)
}

// Where keeps the rows where column col compares true with value, a
// compiled comparison without an expression string. op is one of
// == != < <= > >= for a number or string value, or "in" / "not in" with a
// []string, []float64 or []int of values. NA rows are dropped.
//
//	f.Where("mpg", ">", 20)
//	f.Where("Species", "in", []string{"setosa", "virginica"})
func (f *Frame) Where(col, op string, value any) *Frame {
	c := f.mustCol("Where", col)
	keep := make([]bool, f.nrows)
	switch op {
	case "in", "not in":
		set := map[string]bool{}
		fset := map[float64]bool{}
		switch v := value.(type) {
		case []string:
			for _, s := range v {
				set[s] = true
			}
		case []float64:
			for _, x := range v {
				fset[x] = true
			}
		case []int:
			for _, x := range v {
				fset[float64(x)] = true
			}
		default:
			panic(errorf("Where", "%q needs a []string, []float64 or []int of values, got %T", op, value))
		}
		neg := op == "not in"
		for r := range keep {
			if c.isNA(r) {
				continue
			}
			var in bool
			if c.numeric() && len(fset) > 0 {
				in = fset[c.float(r)]
			} else {
				in = set[c.str(r)]
			}
			keep[r] = in != neg
		}
		return f.FilterMask(keep)
	}
	cmp, ok := cmpOps[op]
	if !ok {
		panic(errorf("Where", "unknown operator %q (use == != < <= > >= in, not in)", op))
	}
	x, isNum := toFloat(value)
	if isNum {
		if !c.numeric() {
			panic(errorf("Where", "column %q is string but the value %v is a number; quote it (%q)", col, value, fmt.Sprint(value)))
		}
		for r := range keep {
			v := c.float(r)
			keep[r] = v == v && cmp(compareF(v, x))
		}
		return f.FilterMask(keep)
	}
	s, ok := value.(string)
	if !ok {
		panic(errorf("Where", "value must be a number or a string, got %T", value))
	}
	if c.kind == kString {
		// Compare in factor order when s is a level, else as text.
		lvIdx := -1
		for k, l := range c.lv {
			if l == s {
				lvIdx = k
			}
		}
		for r := range keep {
			code := c.c[r]
			if code < 0 {
				continue
			}
			if lvIdx >= 0 {
				keep[r] = cmp(compareI(int(code), lvIdx))
			} else {
				keep[r] = cmp(strings.Compare(c.lv[code], s))
			}
		}
		return f.FilterMask(keep)
	}
	for r := range keep {
		if !c.isNA(r) {
			keep[r] = cmp(strings.Compare(c.str(r), s))
		}
	}
	return f.FilterMask(keep)
}

var cmpOps = map[string]func(int) bool{
	"==": func(c int) bool { return c == 0 },
	"!=": func(c int) bool { return c != 0 },
	"<":  func(c int) bool { return c < 0 },
	"<=": func(c int) bool { return c <= 0 },
	">":  func(c int) bool { return c > 0 },
	">=": func(c int) bool { return c >= 0 },
}

func compareF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareI(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case uint:
		return float64(x), true
	case uint64:
		return float64(x), true
	}
	return 0, false
}

// Mutate returns a frame with a column computed from an expression over
// columns, evaluated in compiled, vectorised code (no per-row callback). The
// column is added, or replaced if it exists. Numbers follow IEEE arithmetic
// with NA (NaN) propagating; conditions give a bool column.
//
// Syntax: numbers, column names (R-style names with dots work; other names
// go in backquotes, `my col`), + - * / % ^, comparisons == != < <= > >=,
// && || !, string literals "…" compared with string columns, and the
// functions abs sqrt exp log log2 log10 log1p sin cos tan floor ceil round
// trunc sign is_na ifelse(cond, a, b) pmin(a, b) pmax(a, b) pow(a, b).
//
//	f.Mutate("kpl", "mpg * 0.425144")
//	f.Mutate("heavy", "wt > 3.5")
func (f *Frame) Mutate(name, expr string) *Frame {
	v, err := f.eval(expr)
	if err != nil {
		panic(wrapErr("Mutate", err))
	}
	var c *column
	switch v.kind {
	case vNum:
		c = &column{name: name, kind: kFloat, f: v.floatsN(f.nrows)}
	case vBool:
		c = &column{name: name, kind: kBool, b: v.boolsN(f.nrows)}
	default:
		c = v.str.renamed(name)
		if v.scalar {
			panic(errorf("Mutate", "%q is a constant string; use With(name, values) for constant columns", expr))
		}
	}
	return f.withColumn(c, "Mutate")
}

// Apply returns a frame with column name set to fn applied to each value of
// column src (NA is passed as NaN). It calls back once per row, so prefer
// Mutate for arithmetic.
func (f *Frame) Apply(name, src string, fn func(x float64) float64) *Frame {
	c := f.mustCol("Apply", src)
	if !c.numeric() {
		panic(errorf("Apply", "column %q is string", src))
	}
	out := make([]float64, f.nrows)
	for r := range out {
		out[r] = fn(c.float(r))
	}
	return f.withColumn(&column{name: name, kind: kFloat, f: out}, "Apply")
}

// Concat stacks frames by rows. Columns are matched by name; a column
// missing from a frame is NA there. int and float mix to float; string
// levels are merged; a string column meeting a numeric one is an error.
func Concat(frames ...*Frame) *Frame {
	if len(frames) == 0 {
		return &Frame{}
	}
	var names []string
	seen := map[string]kind{}
	for fi, fr := range frames {
		for _, c := range fr.cols {
			k, ok := seen[c.name]
			if !ok {
				seen[c.name] = c.kind
				names = append(names, c.name)
				continue
			}
			if k != c.kind {
				switch {
				case (k == kInt || k == kFloat) && (c.kind == kInt || c.kind == kFloat):
					seen[c.name] = kFloat
				case (k == kBool && (c.kind == kInt || c.kind == kFloat)) || (c.kind == kBool && (k == kInt || k == kFloat)):
					seen[c.name] = kFloat
				default:
					panic(errorf("Concat", "column %q is %s in frame 1 but %s in frame %d; convert one with AsString or AsFloat", c.name, k, c.kind, fi+1))
				}
			}
		}
	}
	total := 0
	for _, fr := range frames {
		total += fr.nrows
	}
	out := make([]*column, len(names))
	for j, name := range names {
		k := seen[name]
		c := &column{name: name, kind: k}
		switch k {
		case kFloat:
			c.f = make([]float64, 0, total)
			for _, fr := range frames {
				if src, err := fr.col(name); err == nil {
					c.f = append(c.f, src.floats()...)
				} else {
					for r := 0; r < fr.nrows; r++ {
						c.f = append(c.f, math.NaN())
					}
				}
			}
		case kInt:
			c.i = make([]int64, 0, total)
			var na []bool
			off := 0
			for _, fr := range frames {
				src, err := fr.col(name)
				for r := 0; r < fr.nrows; r++ {
					if err != nil || src.isNA(r) {
						if na == nil {
							na = make([]bool, total)
						}
						na[off+r] = true
						c.i = append(c.i, 0)
					} else {
						c.i = append(c.i, src.i[r])
					}
				}
				off += fr.nrows
			}
			c.na = na
		case kBool:
			c.b = make([]int8, 0, total)
			for _, fr := range frames {
				src, err := fr.col(name)
				for r := 0; r < fr.nrows; r++ {
					if err != nil {
						c.b = append(c.b, -1)
					} else {
						c.b = append(c.b, src.b[r])
					}
				}
			}
		case kString:
			// Merge levels: keep the first frame's order, append new ones.
			// The result is ordered when the column is ordered in every
			// frame that has it with the same levels (R's rbind keeps an
			// ordered factor only then).
			pos := map[string]int32{}
			var lv []string
			c.ord = true
			var first []string
			for _, fr := range frames {
				if src, err := fr.col(name); err == nil {
					if first == nil {
						first = src.lv
					}
					c.ord = c.ord && src.ord && equalStrings(src.lv, first)
					for _, l := range src.lv {
						if _, ok := pos[l]; !ok {
							pos[l] = int32(len(lv))
							lv = append(lv, l)
						}
					}
				}
			}
			c.lv = lv
			c.c = make([]int32, 0, total)
			for _, fr := range frames {
				src, err := fr.col(name)
				for r := 0; r < fr.nrows; r++ {
					if err != nil || src.c[r] < 0 {
						c.c = append(c.c, -1)
					} else {
						c.c = append(c.c, pos[src.lv[src.c[r]]])
					}
				}
			}
		}
		out[j] = c
	}
	g := newFrame(out)
	g.nrows = total
	return g
}

// Bind returns the columns of f followed by those of other (same number of
// rows); a name already in f gets the suffix ".1".
func (f *Frame) Bind(other *Frame) *Frame {
	if len(f.cols) > 0 && len(other.cols) > 0 && other.nrows != f.nrows {
		panic(errorf("Bind", "frames have %d and %d rows", f.nrows, other.nrows))
	}
	g := f.Copy()
	for _, c := range other.cols {
		name := c.name
		for g.index(name) >= 0 {
			name += ".1"
		}
		g.cols = append(g.cols, c.renamed(name))
		g.nrows = other.nrows
	}
	return g
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
