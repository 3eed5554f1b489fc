package frame

import (
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"

	"github.com/gostat/gostat/display"
)

// Groups is a frame split into groups by key columns (from GroupBy). Its
// summaries return one row per group, ordered by the keys (factor order
// for strings, ascending for numbers, NA last) so output is deterministic.
type Groups struct {
	f     *Frame
	keys  []string
	code  []int32 // group of each row
	n     int     // number of groups
	first []int   // first row of each group (for key values)
	start []int   // rows of group g are order[start[g]:start[g+1]]
	order []int32 // rows sorted by group (built on first use, see rows)
}

// sortRows builds the row order by group (a counting sort) unless done.
// Call it before summaries run in parallel.
func (g *Groups) sortRows() {
	if g.order != nil || g.n == 0 {
		return
	}
	pos := append([]int(nil), g.start[:g.n]...)
	order := make([]int32, len(g.code))
	for r, c := range g.code {
		order[pos[c]] = int32(r)
		pos[c]++
	}
	g.order = order
}

// GroupBy splits the frame by the distinct combinations of the key
// columns. Group codes are computed densely without hashing for string,
// bool and small-range int keys.
//
//	f.GroupBy("cyl").Mean("mpg", "hp")
//	f.GroupBy("cyl", "am").Agg("n()", "mean(mpg)", "sd(mpg)", "q90 = quantile(mpg, 0.9)")
func (f *Frame) GroupBy(keys ...string) *Groups {
	if len(keys) == 0 {
		panic(errorf("GroupBy", "name at least one key column"))
	}
	n := f.nrows
	mult := uint64(1)
	overflow := false
	keyCodes := make([][]int32, len(keys))
	card := make([]int, len(keys))
	for k, name := range keys {
		c := f.mustCol("GroupBy", name)
		keyCodes[k], card[k] = denseCodesOpt(c, len(keys) > 1)
	}
	if len(keys) == 1 && card[0] <= 4*n+1024 {
		return groupsOneKey(f, keys, keyCodes[0], card[0])
	}
	// Combine: code = ((c0 * card1) + c1) * card2 + c2 …  (row-major in key
	// order, so sorting codes sorts by keys).
	for k := range keys {
		m := uint64(card[k])
		if mult > math.MaxUint64/(m+1) {
			overflow = true
		}
		mult *= m
	}
	var gcode []int32
	var ng int
	if !overflow && mult <= uint64(4*n+1024) {
		// Direct addressing.
		var codes []uint64
		if len(keys) > 1 {
			codes = make([]uint64, n)
			for r := 0; r < n; r++ {
				var v uint64
				for k := range keys {
					v = v*uint64(card[k]) + uint64(keyCodes[k][r])
				}
				codes[r] = v
			}
		}
		present := make([]int32, mult)
		if codes == nil {
			for _, v := range keyCodes[0] {
				present[v] = 1
			}
		} else {
			for _, v := range codes {
				present[v] = 1
			}
		}
		for v := range present {
			if present[v] != 0 {
				present[v] = int32(ng)
				ng++
			} else {
				present[v] = -1
			}
		}
		gcode = make([]int32, n)
		if codes == nil {
			for r, v := range keyCodes[0] {
				gcode[r] = present[v]
			}
		} else {
			for r, v := range codes {
				gcode[r] = present[v]
			}
		}
	} else {
		// Sparse keys: combine the codes into one 64-bit code per row
		// (renumbering pairs through a map if the product overflows), radix
		// sort the codes and number the runs, which keeps key order.
		codes := make([]uint64, n)
		for r := range codes {
			codes[r] = uint64(keyCodes[0][r])
		}
		span := uint64(card[0])
		for k := 1; k < len(keys); k++ {
			m := uint64(card[k])
			if span > math.MaxUint64/(m+1) {
				// Renumber the distinct prefixes in order first.
				codes, span = rankCodes(codes)
			}
			for r := range codes {
				codes[r] = codes[r]*m + uint64(keyCodes[k][r])
			}
			span *= m
		}
		idx := make([]int32, n)
		for r := range idx {
			idx[r] = int32(r)
		}
		sorted := append([]uint64(nil), codes...)
		radixSort(sorted, idx, make([]uint64, n), make([]int32, n))
		gcode = make([]int32, n)
		for p, r := range idx {
			if p > 0 && sorted[p] != sorted[p-1] {
				ng++
			}
			gcode[r] = int32(ng)
		}
		if n > 0 {
			ng++
		}
	}
	g := &Groups{f: f, keys: keys, code: gcode, n: ng}
	g.start = make([]int, ng+1)
	g.first = make([]int, ng)
	for k := range g.first {
		g.first[k] = -1
	}
	for r, c := range gcode {
		g.start[c+1]++
		if g.first[c] < 0 {
			g.first[c] = r
		}
	}
	for k := 0; k < ng; k++ {
		g.start[k+1] += g.start[k]
	}
	return g
}

// groupsOneKey builds the groups of a single key from its codes in
// [0, card) in one counting pass (sizes and first rows together); the
// codes become the group codes directly when every value is present.
func groupsOneKey(f *Frame, keys []string, kc []int32, card int) *Groups {
	counts := make([]int, card)
	first := make([]int, card)
	for r, v := range kc {
		if counts[v] == 0 {
			first[v] = r
		}
		counts[v]++
	}
	remap := make([]int32, card)
	ng := 0
	for v, c := range counts {
		if c > 0 {
			remap[v] = int32(ng)
			ng++
		}
	}
	g := &Groups{f: f, keys: keys, n: ng, code: kc}
	if ng < card {
		g.code = make([]int32, len(kc))
		for r, v := range kc {
			g.code[r] = remap[v]
		}
	}
	g.start = make([]int, ng+1)
	g.first = make([]int, ng)
	k := 0
	for v, c := range counts {
		if c > 0 {
			g.first[k] = first[v]
			g.start[k+1] = g.start[k] + c
			k++
		}
	}
	return g
}

// rankCodes replaces codes by their rank among the distinct values
// (order kept) and returns the number of distinct values.
func rankCodes(codes []uint64) ([]uint64, uint64) {
	n := len(codes)
	idx := make([]int32, n)
	for r := range idx {
		idx[r] = int32(r)
	}
	sorted := append([]uint64(nil), codes...)
	radixSort(sorted, idx, make([]uint64, n), make([]int32, n))
	out := make([]uint64, n)
	rank := uint64(0)
	for p, r := range idx {
		if p > 0 && sorted[p] != sorted[p-1] {
			rank++
		}
		out[r] = rank
	}
	return out, rank + 1
}

// denseCodes maps a column's values to 0..card-1 in sort order (NA last).
func denseCodes(c *column) ([]int32, int) { return denseCodesOpt(c, true) }

// denseCodesOpt is denseCodes; with compress false, small-range int codes
// are value - min (absent values leave gaps; the caller compacts them).
func denseCodesOpt(c *column, compress bool) ([]int32, int) {
	n := c.len()
	out := make([]int32, n)
	switch c.kind {
	case kString:
		na := int32(len(c.lv))
		hasNA := false
		for r, v := range c.c {
			if v < 0 {
				out[r] = na
				hasNA = true
			} else {
				out[r] = v
			}
		}
		if hasNA {
			return out, len(c.lv) + 1
		}
		return out, len(c.lv)
	case kBool:
		for r, v := range c.b {
			if v < 0 {
				out[r] = 2
			} else {
				out[r] = int32(v)
			}
		}
		return out, 3
	case kInt:
		lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
		hasNA := false
		for r, v := range c.i {
			if c.na != nil && c.na[r] {
				hasNA = true
				continue
			}
			lo, hi = min(lo, v), max(hi, v)
		}
		if lo <= hi && hi-lo < int64(4*n+1024) {
			span := int32(hi - lo + 1)
			for r, v := range c.i {
				if c.na != nil && c.na[r] {
					out[r] = span
				} else {
					out[r] = int32(v - lo)
				}
			}
			if !compress {
				return out, int(span) + 1
			}
			// compress to present values
			return compressCodes(out, int(span)+1, hasNA)
		}
	}
	// General: rank the values by a radix sort of their order keys (NA,
	// keyed highest, ranks last).
	keys := make([]uint64, n)
	for r := range keys {
		keys[r] = sortKey(c, r, false)
	}
	idx := make([]int32, n)
	for r := range idx {
		idx[r] = int32(r)
	}
	radixSort(keys, idx, make([]uint64, n), make([]int32, n))
	rank := int32(-1)
	for p, r := range idx {
		if p == 0 || keys[p] != keys[p-1] {
			rank++
		}
		out[r] = rank
	}
	return out, int(rank + 1)
}

// compressCodes renumbers codes in [0, span) to the present ones, keeping
// order.
func compressCodes(codes []int32, span int, _ bool) ([]int32, int) {
	present := make([]int32, span)
	for _, v := range codes {
		present[v] = 1
	}
	k := int32(0)
	for v := range present {
		if present[v] != 0 {
			present[v] = k
			k++
		}
	}
	for r, v := range codes {
		codes[r] = present[v]
	}
	return codes, int(k)
}

// NGroups returns the number of groups.
func (g *Groups) NGroups() int { return g.n }

// Indices returns the 0-based rows of each group, in group order.
func (g *Groups) Indices() [][]int {
	g.sortRows()
	out := make([][]int, g.n)
	for k := 0; k < g.n; k++ {
		rows := make([]int, 0, g.start[k+1]-g.start[k])
		for _, r := range g.order[g.start[k]:g.start[k+1]] {
			rows = append(rows, int(r))
		}
		out[k] = rows
	}
	return out
}

// Group returns the rows of group k (0-based, in group order) as a frame.
func (g *Groups) Group(k int) *Frame {
	if k < 0 || k >= g.n {
		panic(errorf("Group", "group %d out of range [0, %d)", k, g.n))
	}
	return g.f.take(g.Indices()[k])
}

// keyFrame returns the key columns, one row per group.
func (g *Groups) keyFrame() *Frame {
	return g.f.Select(g.keys...).take(g.first)
}

// Count returns the keys and the number of rows n of each group.
func (g *Groups) Count() *Frame { return g.Agg("n()") }

// Mean returns the keys and the mean of each named column (all numeric
// non-key columns when none are named) per group, skipping NA.
func (g *Groups) Mean(cols ...string) *Frame { return g.simple("mean", cols) }

// Sum returns per-group sums (NA skipped).
func (g *Groups) Sum(cols ...string) *Frame { return g.simple("sum", cols) }

// Median returns per-group medians (NA skipped).
func (g *Groups) Median(cols ...string) *Frame { return g.simple("median", cols) }

// SD returns per-group sample standard deviations (n-1; NA skipped).
func (g *Groups) SD(cols ...string) *Frame { return g.simple("sd", cols) }

// Var returns per-group sample variances (n-1; NA skipped).
func (g *Groups) Var(cols ...string) *Frame { return g.simple("var", cols) }

// Min returns per-group minima (NA skipped).
func (g *Groups) Min(cols ...string) *Frame { return g.simple("min", cols) }

// Max returns per-group maxima (NA skipped).
func (g *Groups) Max(cols ...string) *Frame { return g.simple("max", cols) }

// First returns each group's first non-missing value of each column.
func (g *Groups) First(cols ...string) *Frame { return g.simple("first", cols) }

// Last returns each group's last non-missing value of each column.
func (g *Groups) Last(cols ...string) *Frame { return g.simple("last", cols) }

// NUnique returns each group's number of distinct non-missing values.
func (g *Groups) NUnique(cols ...string) *Frame { return g.simple("n_unique", cols) }

// Quantile returns per-group type-7 quantiles at p (NA skipped).
func (g *Groups) Quantile(p float64, cols ...string) *Frame {
	if len(cols) == 0 {
		cols = g.valueCols(true)
	}
	specs := make([]string, len(cols))
	for k, c := range cols {
		specs[k] = fmt.Sprintf("%s = quantile(`%s`, %v)", c, c, p)
	}
	return g.Agg(specs...)
}

func (g *Groups) valueCols(numeric bool) []string {
	isKey := map[string]bool{}
	for _, k := range g.keys {
		isKey[k] = true
	}
	var out []string
	for _, c := range g.f.cols {
		if !isKey[c.name] && (!numeric || c.kind == kFloat || c.kind == kInt) {
			out = append(out, c.name)
		}
	}
	return out
}

func (g *Groups) simple(fn string, cols []string) *Frame {
	if len(cols) == 0 {
		cols = g.valueCols(fn != "first" && fn != "last" && fn != "n_unique")
	}
	specs := make([]string, len(cols))
	for k, c := range cols {
		specs[k] = fmt.Sprintf("%s = %s(`%s`)", c, fn, c)
	}
	return g.Agg(specs...)
}

type aggSpec struct {
	out, fn, col string
	p            float64
}

func parseAggSpec(s string) (aggSpec, error) {
	var a aggSpec
	body := strings.TrimSpace(s)
	if eq := strings.Index(body, "="); eq >= 0 && !strings.Contains(body[:eq], "(") {
		a.out = strings.TrimSpace(body[:eq])
		body = strings.TrimSpace(body[eq+1:])
	}
	open := strings.Index(body, "(")
	if open < 0 || !strings.HasSuffix(body, ")") {
		return a, fmt.Errorf("aggregate %q should look like mean(col), n() or name = quantile(col, 0.9)", s)
	}
	a.fn = strings.TrimSpace(body[:open])
	args := strings.Split(body[open+1:len(body)-1], ",")
	a.col = strings.Trim(strings.TrimSpace(args[0]), "`")
	if a.fn == "quantile" {
		if len(args) != 2 {
			return a, fmt.Errorf("quantile needs a probability: quantile(col, 0.9)")
		}
		p, err := strconv.ParseFloat(strings.TrimSpace(args[1]), 64)
		if err != nil || p < 0 || p > 1 {
			return a, fmt.Errorf("quantile probability %q is not a number in [0, 1]", args[1])
		}
		a.p = p
	} else if len(args) > 1 {
		return a, fmt.Errorf("%s takes one column", a.fn)
	}
	if a.out == "" {
		switch {
		case a.fn == "n" || a.fn == "count" && a.col == "":
			a.out = "n"
		case a.fn == "quantile":
			a.out = fmt.Sprintf("%s_q%s", a.col, strconv.FormatFloat(a.p*100, 'g', -1, 64))
		default:
			a.out = a.fn + "_" + a.col
		}
	}
	return a, nil
}

var aggNames = []string{"n", "count", "sum", "mean", "median", "sd", "var", "min", "max", "quantile", "n_unique", "first", "last"}

// Agg returns the keys and one column per aggregate spec. Specs are
// "fn(col)" or "name = fn(col)" with fn one of n() (rows in the group),
// count(col) (non-missing values), sum, mean, median, sd, var, min, max,
// quantile(col, p) (type 7), n_unique, first, last. Unnamed outputs are
// called fn_col (n for n()). NA values are skipped by every aggregate.
func (g *Groups) Agg(specs ...string) *Frame {
	out := g.keyFrame()
	cols := make([]*column, len(specs))
	parsed := make([]aggSpec, len(specs))
	for k, s := range specs {
		a, err := parseAggSpec(s)
		if err != nil {
			panic(wrapErr("Agg", err))
		}
		known := false
		for _, n := range aggNames {
			known = known || n == a.fn
		}
		if !known {
			msg := fmt.Sprintf("unknown aggregate %q (use %s)", a.fn, strings.Join(aggNames, ", "))
			if best := Closest(a.fn, aggNames); best != "" {
				msg = fmt.Sprintf("unknown aggregate %q; did you mean %s?", a.fn, best)
			}
			panic(errorf("Agg", "%s", msg))
		}
		if a.fn != "n" {
			c := g.f.mustCol("Agg", a.col)
			switch a.fn {
			case "count", "n_unique", "first", "last":
			default:
				if !c.numeric() {
					panic(errorf("Agg", "%s(%s): column %q is string; use n_unique, first, last or count for string columns", a.fn, a.col, a.col))
				}
			}
		}
		parsed[k] = a
	}
	for _, a := range parsed {
		switch a.fn {
		case "n_unique", "first", "last", "median", "quantile":
			g.sortRows()
		}
	}
	// Sums and means of numeric columns share one pass over the rows.
	var fused []int
	for k, a := range parsed {
		if a.fn == "sum" || a.fn == "mean" {
			fused = append(fused, k)
		}
	}
	if len(fused) > 0 {
		xs := make([][]float64, len(fused))
		for q, k := range fused {
			c, _ := g.f.col(parsed[k].col)
			xs[q] = c.floats()
		}
		sums, counts := g.sumsFused(xs)
		for q, k := range fused {
			v := sums[q]
			if parsed[k].fn == "mean" {
				v = make([]float64, g.n)
				for grp := range v {
					v[grp] = sums[q][grp] / counts[q][grp]
					if counts[q][grp] == 0 {
						v[grp] = math.NaN()
					}
				}
			}
			cols[k] = floatColumn(parsed[k].out, v)
		}
	}
	parallelFor(len(parsed), func(k int) {
		if cols[k] == nil {
			cols[k] = g.aggregate(parsed[k])
		}
	})
	for _, c := range cols {
		out = out.withColumn(c, "Agg")
	}
	return out
}

// sumsFused returns, for each column of xs, the per-group compensated
// (Kahan) sum and count of its non-NaN values, reading the rows once:
// the rows are split across the cores, each accumulating its own partial
// sums, which are then combined (also compensated).
func (g *Groups) sumsFused(xs [][]float64) (sums, counts [][]float64) {
	n := len(g.code)
	ng := g.n
	p := len(xs)
	nw := runtime.GOMAXPROCS(0)
	if n < 1<<16 {
		nw = 1
	}
	type part struct{ s, c, cnt []float64 } // [col*ng + group]
	parts := make([]part, nw)
	var pg panicGroup
	for w := 0; w < nw; w++ {
		pg.Go(func() {
			pt := part{make([]float64, p*ng), make([]float64, p*ng), make([]float64, p*ng)}
			code := g.code
			lo, hi := w*n/nw, (w+1)*n/nw
			for j, x := range xs {
				s, c, cnt := pt.s[j*ng:(j+1)*ng], pt.c[j*ng:(j+1)*ng], pt.cnt[j*ng:(j+1)*ng]
				x = x[:hi]
				for r := lo; r < hi; r++ {
					v := x[r]
					if v != v {
						continue
					}
					// Kahan's compensated step (branch-free).
					k := code[r]
					y := v - c[k]
					t := s[k] + y
					c[k] = (t - s[k]) - y
					s[k] = t
					cnt[k]++
				}
			}
			parts[w] = pt
		})
	}
	pg.Wait()
	sums = make([][]float64, p)
	counts = make([][]float64, p)
	for j := 0; j < p; j++ {
		sums[j] = make([]float64, ng)
		counts[j] = make([]float64, ng)
		for k := 0; k < ng; k++ {
			var acc kahan
			for w := range parts {
				i := j*ng + k
				acc.add(parts[w].s[i])
				acc.add(-parts[w].c[i])
				counts[j][k] += parts[w].cnt[i]
			}
			sums[j][k] = acc.sum()
		}
	}
	return sums, counts
}

func (g *Groups) aggregate(a aggSpec) *column {
	ng := g.n
	switch a.fn {
	case "n":
		v := make([]int64, ng)
		for k := 0; k < ng; k++ {
			v[k] = int64(g.start[k+1] - g.start[k])
		}
		return intColumn(a.out, v)
	}
	c, _ := g.f.col(a.col)
	switch a.fn {
	case "count":
		v := make([]int64, ng)
		for r, gc := range g.code {
			if !c.isNA(r) {
				v[gc]++
			}
		}
		return intColumn(a.out, v)
	case "n_unique":
		v := make([]int64, ng)
		for k := 0; k < ng; k++ {
			rows := make([]int, 0, g.start[k+1]-g.start[k])
			for _, r := range g.order[g.start[k]:g.start[k+1]] {
				rows = append(rows, int(r))
			}
			v[k] = int64(nUnique(c, rows))
		}
		return intColumn(a.out, v)
	case "first", "last":
		idx := make([]int, ng)
		for k := 0; k < ng; k++ {
			idx[k] = -1
			rows := g.order[g.start[k]:g.start[k+1]]
			if a.fn == "first" {
				for _, r := range rows {
					if !c.isNA(int(r)) {
						idx[k] = int(r)
						break
					}
				}
			} else {
				for q := len(rows) - 1; q >= 0; q-- {
					if !c.isNA(int(rows[q])) {
						idx[k] = int(rows[q])
						break
					}
				}
			}
		}
		return c.take(idx).renamed(a.out)
	}
	x := c.floats()
	v := make([]float64, ng)
	switch a.fn {
	case "sum", "mean", "var", "sd":
		sum := make([]float64, ng)
		cnt := make([]float64, ng)
		for r, gc := range g.code {
			if xv := x[r]; xv == xv {
				sum[gc] += xv
				cnt[gc]++
			}
		}
		if a.fn == "sum" {
			return floatColumn(a.out, sum)
		}
		mean := make([]float64, ng)
		for k := range mean {
			mean[k] = sum[k] / cnt[k]
			if cnt[k] == 0 {
				mean[k] = math.NaN()
			}
		}
		// Second pass: correction for the mean, and squared deviations.
		corr := make([]float64, ng)
		ss := make([]float64, ng)
		needSS := a.fn != "mean"
		for r, gc := range g.code {
			if xv := x[r]; xv == xv {
				d := xv - mean[gc]
				corr[gc] += d
				if needSS {
					ss[gc] += d * d
				}
			}
		}
		for k := range v {
			switch a.fn {
			case "mean":
				v[k] = mean[k] + corr[k]/cnt[k]
			default:
				if cnt[k] < 2 {
					v[k] = math.NaN()
				} else {
					v[k] = (ss[k] - corr[k]*corr[k]/cnt[k]) / (cnt[k] - 1)
				}
				if a.fn == "sd" {
					v[k] = math.Sqrt(v[k])
				}
			}
		}
	case "min", "max":
		for k := range v {
			v[k] = math.NaN()
		}
		isMin := a.fn == "min"
		for r, gc := range g.code {
			xv := x[r]
			if xv != xv {
				continue
			}
			if cur := v[gc]; cur != cur || (isMin && xv < cur) || (!isMin && xv > cur) {
				v[gc] = xv
			}
		}
	case "median", "quantile":
		p := a.p
		if a.fn == "median" {
			p = 0.5
		}
		buf := make([]float64, 0, len(x))
		for k := 0; k < ng; k++ {
			buf = buf[:0]
			for _, r := range g.order[g.start[k]:g.start[k+1]] {
				if xv := x[r]; xv == xv {
					buf = append(buf, xv)
				}
			}
			v[k] = quantilesInPlace(buf, []float64{p})[0]
		}
	}
	return floatColumn(a.out, v)
}

// Display shows the groups: their keys and sizes (call a summary such as
// Mean, Count or Agg for results).
func (g *Groups) Display(o display.Options) display.Bundle {
	if g == nil {
		return display.Text("nil", "<nil *frame.Groups>\n")
	}
	f := g.Count()
	t := f.table(o.Normalized())
	t.Title = fmt.Sprintf("%d groups by %s (summarise with Count, Mean, Agg, …)", g.n, strings.Join(g.keys, ", "))
	return t.Bundle("groups", o)
}

// String returns the plain-text display of the groups.
func (g *Groups) String() string { return g.Display(display.Plain).Text }
