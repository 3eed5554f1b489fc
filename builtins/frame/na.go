package frame

import (
	"math"
	"strings"
)

// NACounts returns one row per column with its number of missing values
// (na) and their percentage (pct).
func (f *Frame) NACounts() *Frame {
	names := f.Names()
	na := make([]int64, len(f.cols))
	pct := make([]float64, len(f.cols))
	for j, c := range f.cols {
		na[j] = int64(c.naCount())
		if f.nrows > 0 {
			pct[j] = 100 * float64(na[j]) / float64(f.nrows)
		}
	}
	return newFrame([]*column{stringColumn("column", names), intColumn("na", na), floatColumn("pct", pct)})
}

// CompleteCases returns true for the rows with no missing value in the
// named columns (all columns when none are named), as R's complete.cases.
func (f *Frame) CompleteCases(cols ...string) []bool {
	cs := f.cols
	if len(cols) > 0 {
		cs = f.Select(cols...).cols
	}
	out := make([]bool, f.nrows)
	for r := range out {
		out[r] = true
		for _, c := range cs {
			if c.isNA(r) {
				out[r] = false
				break
			}
		}
	}
	return out
}

// DropNA returns the rows with no missing value in the named columns (all
// columns when none are named), as R's na.omit.
func (f *Frame) DropNA(cols ...string) *Frame { return f.FilterMask(f.CompleteCases(cols...)) }

// DropNACols returns the frame without the columns whose fraction of
// missing values is above maxFrac (0 drops every column with any NA).
func (f *Frame) DropNACols(maxFrac float64) *Frame {
	var drop []string
	for _, c := range f.cols {
		if f.nrows > 0 && float64(c.naCount())/float64(f.nrows) > maxFrac {
			drop = append(drop, c.name)
		}
	}
	return f.Drop(drop...)
}

// Impute returns a frame with the missing values of the named columns (all
// columns with NA when none are named) filled by method:
//
//   - "mean", "median": the column's mean or median of the present values
//     (numeric columns; an int column becomes float for "mean");
//   - "mode": the most frequent value (ties: first in sort order);
//   - "ffill": the previous present value (leading NAs stay NA);
//   - "bfill": the next present value (trailing NAs stay NA).
//
// For a learned fill that is applied to new data, use the Imputer
// transformer. For a constant, use FillNA.
func (f *Frame) Impute(method string, cols ...string) *Frame {
	if len(cols) == 0 {
		for _, c := range f.cols {
			if c.naCount() > 0 && (c.numeric() || method == "mode" || method == "ffill" || method == "bfill") {
				cols = append(cols, c.name)
			}
		}
	}
	g := f.Copy()
	for _, name := range cols {
		c := f.mustCol("Impute", name)
		var nc *column
		switch method {
		case "mean", "median":
			if !c.numeric() {
				panic(errorf("Impute", "%s needs a numeric column; %q is string (use \"mode\")", method, name))
			}
			x := c.floats()
			var v float64
			if method == "mean" {
				v = meanOf(x)
			} else {
				v = quantilesInPlace(dropNaN(x), []float64{0.5})[0]
			}
			nc = fillColumn(c, func(r int) (float64, int32, int8) { return v, 0, 0 }, true)
		case "mode":
			codes, labels := levelsOf(c)
			cnt := make([]int, len(labels))
			rep := make([]int, len(labels))
			for r, k := range codes {
				if k >= 0 {
					cnt[k]++
					rep[k] = r
				}
			}
			best := -1
			for k := range cnt {
				if cnt[k] > 0 && (best < 0 || cnt[k] > cnt[best]) {
					best = k
				}
			}
			if best < 0 {
				continue
			}
			src := rep[best]
			nc = fillFrom(c, func(r int) int { return src })
		case "ffill", "locf":
			last := -1
			from := make([]int, f.nrows)
			for r := 0; r < f.nrows; r++ {
				if !c.isNA(r) {
					last = r
				}
				from[r] = last
			}
			nc = fillFrom(c, func(r int) int { return from[r] })
		case "bfill", "nocb":
			next := -1
			from := make([]int, f.nrows)
			for r := f.nrows - 1; r >= 0; r-- {
				if !c.isNA(r) {
					next = r
				}
				from[r] = next
			}
			nc = fillFrom(c, func(r int) int { return from[r] })
		default:
			panic(errorf("Impute", "unknown method %q (use mean, median, mode, ffill or bfill)", method))
		}
		g.cols[g.index(name)] = nc
	}
	return g
}

// fillFrom fills each NA row r with the value of row src(r) (if ≥ 0).
func fillFrom(c *column, src func(r int) int) *column {
	idx := make([]int, c.len())
	for r := range idx {
		idx[r] = r
		if c.isNA(r) {
			idx[r] = src(r)
		}
	}
	return c.take(idx)
}

// fillColumn fills NA with a constant number (mean/median).
func fillColumn(c *column, val func(r int) (float64, int32, int8), toFloat bool) *column {
	x := append([]float64(nil), c.floats()...)
	for r := range x {
		if x[r] != x[r] {
			x[r], _, _ = val(r)
		}
	}
	out := &column{name: c.name, kind: kFloat, f: x}
	if c.kind == kInt {
		whole := true
		for _, v := range x {
			whole = whole && v == math.Trunc(v)
		}
		if whole {
			return floatToInt(out)
		}
	}
	return out
}

// FillNA returns a frame where the missing values of column col are
// replaced by value (a number for numeric columns, a string for string
// columns, a bool for bool columns).
func (f *Frame) FillNA(col string, value any) *Frame {
	c := f.mustCol("FillNA", col)
	var nc *column
	switch c.kind {
	case kFloat, kInt:
		v, ok := toFloat(value)
		if !ok {
			panic(errorf("FillNA", "column %q is numeric; give a number, not %T", col, value))
		}
		nc = fillColumn(c, func(int) (float64, int32, int8) { return v, 0, 0 }, false)
		if c.kind == kInt && v != math.Trunc(v) {
			nc = &column{name: c.name, kind: kFloat, f: nc.floats()}
		}
	case kString:
		s, ok := value.(string)
		if !ok {
			panic(errorf("FillNA", "column %q is string; give a string, not %T", col, value))
		}
		vals := make([]string, f.nrows)
		for r := range vals {
			if c.c[r] < 0 {
				vals[r] = s
			} else {
				vals[r] = c.lv[c.c[r]]
			}
		}
		nc = &column{name: col, kind: kString, ord: c.ord}
		// keep existing level order; append the fill value if new
		lv := append([]string(nil), c.lv...)
		found := false
		for _, l := range lv {
			found = found || l == s
		}
		if !found {
			lv = append(lv, s)
		}
		pos := map[string]int32{}
		for k, l := range lv {
			pos[l] = int32(k)
		}
		nc.lv = lv
		nc.c = make([]int32, f.nrows)
		for r, v := range vals {
			nc.c[r] = pos[v]
		}
	case kBool:
		b, ok := value.(bool)
		if !ok {
			panic(errorf("FillNA", "column %q is bool; give true or false, not %T", col, value))
		}
		nc = &column{name: col, kind: kBool, b: append([]int8(nil), c.b...)}
		for r, v := range nc.b {
			if v < 0 {
				nc.b[r] = 0
				if b {
					nc.b[r] = 1
				}
			}
		}
	}
	return f.withColumn(nc, "FillNA")
}

// SetNA returns a frame where the given values of column col are marked
// missing (for example sentinel codes such as -999 or "?").
func (f *Frame) SetNA(col string, values ...any) *Frame {
	c := f.mustCol("SetNA", col)
	keep := make([]int, f.nrows)
	for r := range keep {
		keep[r] = r
		for _, v := range values {
			if x, ok := toFloat(v); ok && c.numeric() && c.float(r) == x {
				keep[r] = -1
			} else if s, ok := v.(string); ok && !c.isNA(r) && strings.TrimSpace(c.str(r)) == s {
				keep[r] = -1
			}
		}
	}
	return f.withColumn(c.take(keep), "SetNA")
}
