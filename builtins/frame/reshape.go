package frame

import (
	"fmt"
	"math"
	"sort"
)

// Pivot spreads a long frame wide (tidyr's pivot_wider, pandas'
// pivot_table): one row per distinct value of index, one column per level
// of columns, holding agg (n, sum, mean, median, sd, var, min, max, first,
// last) of values over the rows with that index and level. Cells with no
// rows are NA (0 for n).
//
//	f.Pivot("Chick", "Time", "weight", "mean")
func (f *Frame) Pivot(index, columns, values, agg string) *Frame {
	f.mustCol("Pivot", index)
	cc := f.mustCol("Pivot", columns)
	if index == columns {
		panic(errorf("Pivot", "index and columns are both %q; they must be different columns", index))
	}
	fn := fmt.Sprintf("%s(`%s`)", agg, values)
	if agg == "n" || agg == "count" {
		fn = "n()"
	}
	long := f.GroupBy(index, columns).Agg("value = " + fn)
	rows := f.GroupBy(index)
	out := rows.keyFrame()
	// Column levels in order.
	colCodes, ncl := denseCodes(cc)
	labels := make([]string, ncl)
	for r, k := range colCodes {
		labels[k] = cc.str(r)
	}
	// Map index values to output rows.
	ic, _ := long.col(index)
	lc, _ := long.col(columns)
	vc, _ := long.col("value")
	rowOf := map[string]int{}
	okc, _ := out.col(index)
	for r := 0; r < out.nrows; r++ {
		rowOf[okc.str(r)] = r
	}
	colOf := map[string]int{}
	for k, l := range labels {
		colOf[l] = k
	}
	cells := make([][]float64, ncl)
	for k := range cells {
		cells[k] = make([]float64, out.nrows)
		for r := range cells[k] {
			cells[k][r] = math.NaN()
			if fn == "n()" {
				cells[k][r] = 0
			}
		}
	}
	for r := 0; r < long.nrows; r++ {
		cells[colOf[lc.str(r)]][rowOf[ic.str(r)]] = vc.float(r)
	}
	for k, l := range labels {
		name := l
		if out.index(name) >= 0 {
			name = columns + "_" + l
		}
		out.cols = append(out.cols, floatColumn(name, cells[k]))
	}
	return out
}

// Melt gathers columns into rows (tidyr's pivot_longer, pandas' melt): the
// id columns are repeated, and each value column becomes rows with its
// name in "variable" and its value in "value". Value columns default to
// all non-id columns; if any of them is a string column, values are
// strings.
//
//	f.Melt([]string{"Month", "Day"}, []string{"Ozone", "Temp"})
func (f *Frame) Melt(ids []string, values []string) *Frame {
	for _, n := range ids {
		f.mustCol("Melt", n)
	}
	if len(values) == 0 {
		isID := map[string]bool{}
		for _, n := range ids {
			isID[n] = true
		}
		for _, c := range f.cols {
			if !isID[c.name] {
				values = append(values, c.name)
			}
		}
	}
	vcols := make([]*column, len(values))
	allNum := true
	for k, n := range values {
		vcols[k] = f.mustCol("Melt", n)
		allNum = allNum && vcols[k].numeric()
	}
	n := f.nrows
	idx := make([]int, 0, n*len(values))
	for range values {
		for r := 0; r < n; r++ {
			idx = append(idx, r)
		}
	}
	out := f.Select(ids...).take(idx)
	variable := &column{name: "variable", kind: kString, lv: append([]string(nil), values...), c: make([]int32, len(idx))}
	for k := range values {
		for r := 0; r < n; r++ {
			variable.c[k*n+r] = int32(k)
		}
	}
	out.cols = append(out.cols, variable)
	if allNum {
		v := make([]float64, 0, len(idx))
		for _, c := range vcols {
			v = append(v, c.floats()...)
		}
		out.cols = append(out.cols, floatColumn("value", v))
	} else {
		s := make([]string, 0, len(idx))
		na := make([]bool, 0, len(idx))
		for _, c := range vcols {
			for r := 0; r < n; r++ {
				s = append(s, c.str(r))
				na = append(na, c.isNA(r))
			}
		}
		vc := &column{name: "value", kind: kString}
		vc.c, vc.lv = encodeStrings(s, na)
		out.cols = append(out.cols, vc)
	}
	out.nrows = len(idx)
	return out
}

// Crosstab counts rows by the levels of two columns (R's table(a, b)): one
// row per level of row, one int column per level of col. NA is skipped.
func (f *Frame) Crosstab(row, col string) *Frame {
	rc := f.mustCol("Crosstab", row)
	cc := f.mustCol("Crosstab", col)
	rl, rlab := levelsOf(rc)
	cl, clab := levelsOf(cc)
	counts := make([][]int64, len(clab))
	for k := range counts {
		counts[k] = make([]int64, len(rlab))
	}
	for r := 0; r < f.nrows; r++ {
		if rl[r] >= 0 && cl[r] >= 0 {
			counts[cl[r]][rl[r]]++
		}
	}
	out := &Frame{nrows: len(rlab)}
	out.cols = append(out.cols, stringColumn(row, rlab))
	for k, l := range clab {
		name := l
		if name == row {
			name = col + "_" + l
		}
		out.cols = append(out.cols, intColumn(name, counts[k]))
	}
	return out
}

// levelsOf returns 0-based codes (-1 NA) over the present values in sort
// (factor) order, with their labels. String columns keep all levels.
func levelsOf(c *column) ([]int32, []string) {
	if c.kind == kString {
		out := make([]int32, len(c.c))
		copy(out, c.c)
		return out, append([]string(nil), c.lv...)
	}
	codes, card := denseCodes(c)
	labels := make([]string, card)
	hasNA := false
	for r, k := range codes {
		if c.isNA(r) {
			hasNA = true
			continue
		}
		labels[k] = c.str(r)
	}
	if hasNA {
		labels = labels[:card-1]
		for r := range codes {
			if c.isNA(r) {
				codes[r] = -1
			}
		}
	}
	return codes, labels
}

// ValueCounts returns the distinct values of a column with their counts n
// and proportions prop, most frequent first (ties in factor/sort order).
// NA is counted as its own value, listed last.
func (f *Frame) ValueCounts(col string) *Frame {
	c := f.mustCol("ValueCounts", col)
	codes, labels := levelsOf(c)
	cnt := make([]int64, len(labels))
	na := int64(0)
	for _, k := range codes {
		if k < 0 {
			na++
		} else {
			cnt[k]++
		}
	}
	order := make([]int, 0, len(labels))
	for k := range labels {
		if cnt[k] > 0 {
			order = append(order, k)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return cnt[order[a]] > cnt[order[b]] })
	var vals []string
	var n []int64
	for _, k := range order {
		vals = append(vals, labels[k])
		n = append(n, cnt[k])
	}
	if na > 0 {
		vals = append(vals, "NA")
		n = append(n, na)
	}
	prop := make([]float64, len(n))
	for k := range n {
		prop[k] = float64(n[k]) / float64(f.nrows)
	}
	vc := stringColumn(col, vals)
	if na > 0 {
		vc.c[len(vals)-1] = -1
		vc.lv = vc.lv[:len(vc.lv)-1]
		if len(vc.lv) > 0 && vc.lv[len(vc.lv)-1] == "NA" {
			vc.lv = vc.lv[:len(vc.lv)-1]
		}
	}
	return newFrame([]*column{vc, intColumn("n", n), floatColumn("prop", prop)})
}

// Unique returns the distinct rows considering the named columns (all when
// none are named), keeping the first occurrence of each, in order. With
// names, only those columns are returned.
func (f *Frame) Unique(cols ...string) *Frame {
	g := f
	if len(cols) > 0 {
		g = f.Select(cols...)
	}
	dup := g.Duplicated()
	idx := make([]int, 0, g.nrows)
	for r, d := range dup {
		if !d {
			idx = append(idx, r)
		}
	}
	return g.take(idx)
}

// Duplicated returns true for each row equal (in the named columns, or in
// all) to an earlier row (R's duplicated). Rows are hashed column by
// column and candidate matches compared exactly.
func (f *Frame) Duplicated(cols ...string) []bool {
	g := f
	if len(cols) > 0 {
		g = f.Select(cols...)
	}
	h := rowHashes(g.cols, g.nrows)
	n := g.nrows
	idx := make([]int32, n)
	for r := range idx {
		idx[r] = int32(r)
	}
	// Stable radix sort of the hashes: equal rows end up adjacent, in
	// row order.
	radixSort(h, idx, make([]uint64, n), make([]int32, n))
	out := make([]bool, n)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && h[hi] == h[lo] {
			hi++
		}
		if hi-lo > 1 {
			var reps []int32
			for _, r := range idx[lo:hi] {
				dup := false
				for _, q := range reps {
					if rowsEqual(g.cols, int(q), int(r)) {
						dup = true
						break
					}
				}
				out[r] = dup
				if !dup {
					reps = append(reps, r)
				}
			}
		}
		lo = hi
	}
	return out
}

// rowHashes mixes the values of each row into a 64-bit hash.
func rowHashes(cols []*column, n int) []uint64 {
	h := make([]uint64, n)
	for r := range h {
		h[r] = 0x9e3779b97f4a7c15
	}
	for _, c := range cols {
		for r := range h {
			v := uint64(0x5bd1e9955bd1e995)
			if !c.isNA(r) {
				v = hashKey(c, r)
			}
			x := h[r] ^ v
			x ^= x >> 33
			x *= 0xff51afd7ed558ccd
			x ^= x >> 33
			x *= 0xc4ceb9fe1a85ec53
			x ^= x >> 33
			h[r] = x
		}
	}
	return h
}

func rowsEqual(cols []*column, a, b int) bool {
	for _, c := range cols {
		na, nb := c.isNA(a), c.isNA(b)
		if na != nb || !na && hashKey(c, a) != hashKey(c, b) {
			return false
		}
	}
	return true
}
