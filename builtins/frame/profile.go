package frame

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gostat/gostat/display"
)

// Describe returns summary statistics of the numeric columns (all float and
// int columns when none are named), one row per column: count (non-NA),
// mean, sd (n-1), min, q25, median, q75 (R's type-7 quantiles) and max. NA
// values are skipped. Columns are summarised in parallel with
// selection-based quantiles (no full sort).
func (f *Frame) Describe(cols ...string) *Frame {
	if len(cols) == 0 {
		cols = f.NumericNames()
	}
	cs := make([]*column, len(cols))
	for k, name := range cols {
		cs[k] = f.numCol("Describe", name)
	}
	type row struct{ count, mean, sd, min, q25, q50, q75, max float64 }
	rows := make([]row, len(cols))
	parallelFor(len(cs), func(k int) {
		var rw row
		x := cs[k].floats()
		n, mean, v, lo, hi, hist := describeColumn(x)
		rw.count = float64(n)
		rw.mean, rw.sd, rw.min, rw.max = mean, math.Sqrt(v), lo, hi
		var q []float64
		if hist != nil {
			q = quantilesFromHist(x, hist, n, []float64{0.25, 0.5, 0.75})
		} else {
			q = quantilesInPlace(dropNaN(x), []float64{0.25, 0.5, 0.75})
		}
		rw.q25, rw.q50, rw.q75 = q[0], q[1], q[2]
		rows[k] = rw
	})
	get := func(fn func(row) float64) []float64 {
		v := make([]float64, len(rows))
		for k := range rows {
			v[k] = fn(rows[k])
		}
		return v
	}
	cnt := make([]int64, len(rows))
	for k := range rows {
		cnt[k] = int64(rows[k].count)
	}
	return newFrame([]*column{
		stringColumn("column", cols),
		intColumn("count", cnt),
		floatColumn("mean", get(func(r row) float64 { return r.mean })),
		floatColumn("sd", get(func(r row) float64 { return r.sd })),
		floatColumn("min", get(func(r row) float64 { return r.min })),
		floatColumn("q25", get(func(r row) float64 { return r.q25 })),
		floatColumn("median", get(func(r row) float64 { return r.q50 })),
		floatColumn("q75", get(func(r row) float64 { return r.q75 })),
		floatColumn("max", get(func(r row) float64 { return r.max })),
	})
}

// describeColumn is moments fused with the histogram pass of the radix
// quantiles (nil for short columns): three passes over the data in all.
func describeColumn(x []float64) (n int, mean, variance, lo, hi float64, hist *[1 << 16]int32) {
	if len(x) >= 1<<14 {
		hist = new([1 << 16]int32)
	}
	s := 0.0
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v != v {
			continue
		}
		n++
		s += v
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
		if hist != nil {
			hist[floatKey(v)>>48]++
		}
	}
	if n == 0 {
		nan := math.NaN()
		return 0, nan, nan, nan, nan, nil
	}
	fn := float64(n)
	m := s / fn
	// The second pass corrects the mean (the first-pass sum need not be
	// exact) and sums squared deviations with compensation.
	var c, ss kahan
	for _, v := range x {
		if v == v {
			d := v - m
			c.add(d)
			ss.add(d * d)
		}
	}
	cs := c.sum()
	mean = m + cs/fn
	variance = math.NaN()
	if n > 1 {
		variance = (ss.sum() - cs*cs/fn) / (fn - 1)
	}
	return n, mean, variance, lo, hi, hist
}

// moments returns the count of non-NaN values of x with their mean
// (two-pass corrected), sample variance, min and max, without copying.
func moments(x []float64) (n int, mean, variance, lo, hi float64) {
	var s kahan
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v == v {
			n++
			s.add(v)
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	if n == 0 {
		nan := math.NaN()
		return 0, nan, nan, nan, nan
	}
	fn := float64(n)
	m := s.sum() / fn
	var c, ss kahan
	for _, v := range x {
		if v == v {
			d := v - m
			c.add(d)
			ss.add(d * d)
		}
	}
	cs := c.sum()
	mean = m + cs/fn
	variance = math.NaN()
	if n > 1 {
		variance = (ss.sum() - cs*cs/fn) / (fn - 1)
	}
	return n, mean, variance, lo, hi
}

// ColumnProfile is the data-quality summary of one column (see Profile).
type ColumnProfile struct {
	// Name and Type are the column's name and type.
	Name, Type string
	// Count is the number of present values; Missing the number of NA and
	// MissingPct their percentage of rows.
	Count, Missing int
	// MissingPct is the percentage of missing rows.
	MissingPct float64
	// Unique is the number of distinct present values.
	Unique int
	// Numeric summaries (NaN for string and bool columns).
	Mean, SD, Min, Q25, Median, Q75, Max float64
	// Outliers counts values outside [Q25 - 1.5 IQR, Q75 + 1.5 IQR]
	// (Tukey's fences).
	Outliers int
	// Top lists the most frequent values with their counts ("a (12)").
	Top []string
	// Constant is true when the column has at most one distinct value;
	// DuplicateOf names an earlier column with identical values.
	Constant bool
	// DuplicateOf names an earlier column with the same values ("" if none).
	DuplicateOf string
}

// Profile is a data-quality report of a frame: one ColumnProfile per
// column plus the number of duplicated rows. It displays as a table.
type Profile struct {
	// Rows and Cols are the frame's shape.
	Rows, Cols int
	// DuplicateRows counts rows equal to an earlier row.
	DuplicateRows int
	// Columns holds one profile per column.
	Columns []ColumnProfile
}

// Profile returns a data-quality report in one call: per column its type,
// count, missing %, unique count, mean/sd/min/quartiles/max, most frequent
// values, IQR outlier count, and whether it is constant or duplicates an
// earlier column; plus the number of duplicated rows.
func (f *Frame) Profile() *Profile {
	p := &Profile{Rows: f.nrows, Cols: len(f.cols), Columns: make([]ColumnProfile, len(f.cols))}
	parallelFor(len(f.cols), func(j int) {
		c := f.cols[j]
		cp := ColumnProfile{Name: c.name, Type: c.kind.String()}
		cp.Missing = c.naCount()
		cp.Count = f.nrows - cp.Missing
		if f.nrows > 0 {
			cp.MissingPct = 100 * float64(cp.Missing) / float64(f.nrows)
		}
		cp.Unique, cp.Top = valueFreq(c, 3)
		cp.Constant = cp.Unique <= 1
		nan := math.NaN()
		cp.Mean, cp.SD, cp.Min, cp.Q25, cp.Median, cp.Q75, cp.Max = nan, nan, nan, nan, nan, nan, nan
		if c.kind == kFloat || c.kind == kInt {
			x := c.floats()
			_, mean, v, lo, hi := moments(x)
			cp.Mean, cp.SD, cp.Min, cp.Max = mean, math.Sqrt(v), lo, hi
			q := radixQuantiles(x, []float64{0.25, 0.5, 0.75})
			cp.Q25, cp.Median, cp.Q75 = q[0], q[1], q[2]
			iqr := cp.Q75 - cp.Q25
			lo, hi = cp.Q25-1.5*iqr, cp.Q75+1.5*iqr
			for _, v := range x {
				if v < lo || v > hi {
					cp.Outliers++
				}
			}
		}
		p.Columns[j] = cp
	})
	// Duplicate columns: same type and identical values.
	for j := range f.cols {
		for q := 0; q < j; q++ {
			if p.Columns[q].DuplicateOf == "" && sameValues(f.cols[q], f.cols[j]) {
				p.Columns[j].DuplicateOf = f.cols[q].name
				break
			}
		}
	}
	for _, d := range f.Duplicated() {
		if d {
			p.DuplicateRows++
		}
	}
	return p
}

// valueFreq returns the number of distinct present values of c and its
// top most frequent values as "value (count)" (ties in sort order; for
// numeric columns only values seen more than once are listed). Numbers are
// counted by sorting a copy, categories by their codes.
func valueFreq(c *column, top int) (int, []string) {
	type vc struct {
		label string
		v     float64
		n     int
	}
	// best keeps the top values by count (first in sort order among ties).
	var best []vc
	uniq := 0
	offer := func(v vc) {
		uniq++
		pos := len(best)
		for pos > 0 && best[pos-1].n < v.n {
			pos--
		}
		if pos < top {
			best = append(best, vc{})
			copy(best[pos+1:], best[pos:])
			best[pos] = v
			if len(best) > top {
				best = best[:top]
			}
		}
	}
	switch c.kind {
	case kString, kBool:
		codes, labels := levelsOf(c)
		cnt := make([]int, len(labels))
		for _, k := range codes {
			if k >= 0 {
				cnt[k]++
			}
		}
		for k, n := range cnt {
			if n > 0 {
				offer(vc{label: labels[k], n: n})
			}
		}
	default:
		src := c.floats()
		keys := make([]uint64, 0, len(src))
		for _, v := range src {
			if v == v {
				if v == 0 {
					v = 0
				}
				keys = append(keys, floatKey(v))
			}
		}
		if len(keys) == 0 {
			return 0, nil
		}
		idx := make([]int32, len(keys))
		radixSort(keys, idx, make([]uint64, len(keys)), make([]int32, len(keys)))
		start := 0
		for i := 1; i <= len(keys); i++ {
			if i == len(keys) || keys[i] != keys[start] {
				offer(vc{v: keyFloat(keys[start]), n: i - start})
				start = i
			}
		}
	}
	var out []string
	for _, v := range best {
		if c.kind == kFloat || c.kind == kInt {
			v.label = formatFloat(v.v)
		}
		if v.n > 1 || c.kind == kString || c.kind == kBool {
			out = append(out, fmt.Sprintf("%s (%d)", v.label, v.n))
		}
	}
	return uniq, out
}

func sameValues(a, b *column) bool {
	if a.kind != b.kind || a.len() != b.len() {
		return false
	}
	for r := 0; r < a.len(); r++ {
		if a.isNA(r) != b.isNA(r) {
			return false
		}
		if !a.isNA(r) && (a.kind == kString && a.lv[a.c[r]] != b.lv[b.c[r]] || a.kind != kString && hashKey(a, r) != hashKey(b, r)) {
			return false
		}
	}
	return true
}

// Frame returns the profile as a frame (one row per column).
func (p *Profile) Frame() *Frame {
	n := len(p.Columns)
	names, types, top, notes := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	count, miss, uniq, outl := make([]int64, n), make([]float64, n), make([]int64, n), make([]int64, n)
	stats := make([][]float64, 7)
	for k := range stats {
		stats[k] = make([]float64, n)
	}
	for j, c := range p.Columns {
		names[j], types[j] = c.Name, c.Type
		count[j], miss[j], uniq[j], outl[j] = int64(c.Count), c.MissingPct, int64(c.Unique), int64(c.Outliers)
		for k, v := range []float64{c.Mean, c.SD, c.Min, c.Q25, c.Median, c.Q75, c.Max} {
			stats[k][j] = v
		}
		top[j] = strings.Join(c.Top, ", ")
		notes[j] = c.note()
	}
	cols := []*column{stringColumn("column", names), stringColumn("type", types), intColumn("count", count),
		floatColumn("missing_pct", miss), intColumn("unique", uniq)}
	for k, name := range []string{"mean", "sd", "min", "q25", "median", "q75", "max"} {
		cols = append(cols, floatColumn(name, stats[k]))
	}
	cols = append(cols, intColumn("outliers", outl), stringColumn("top", top), stringColumn("notes", notes))
	return newFrame(cols)
}

func (c ColumnProfile) note() string {
	var n []string
	if c.Constant {
		n = append(n, "constant")
	}
	if c.DuplicateOf != "" {
		n = append(n, "same as "+c.DuplicateOf)
	}
	return strings.Join(n, "; ")
}

// Display shows the profile as two tables: numeric summaries and value
// summaries, each one row per column.
func (p *Profile) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("nil", "<nil *frame.Profile>\n")
	}
	o = o.Normalized()
	times := "×"
	if !o.Unicode {
		times = "x"
	}
	fmtNum := func(v float64) string {
		if v != v {
			return ""
		}
		return signif(v, 4)
	}
	t1 := &display.Table{
		Title:    fmt.Sprintf("profile: %d rows %s %d columns, %d duplicated rows", p.Rows, times, p.Cols, p.DuplicateRows),
		Headers:  []string{"column", "type", "count", "missing", "unique", "mean", "sd", "min", "q25", "median", "q75", "max", "outliers"},
		Align:    []display.Align{display.Left, display.Left, display.Right, display.Right, display.Right, display.Right, display.Right, display.Right, display.Right, display.Right, display.Right, display.Right, display.Right},
		KeepLeft: 1,
	}
	t2 := &display.Table{Headers: []string{"column", "top values", "notes"}, MaxCellWidth: 50}
	for _, c := range p.Columns {
		out := ""
		if c.Type == "float" || c.Type == "int" {
			out = strconv.Itoa(c.Outliers)
		}
		t1.Rows = append(t1.Rows, []string{c.Name, c.Type, strconv.Itoa(c.Count), fmt.Sprintf("%.1f%%", c.MissingPct), strconv.Itoa(c.Unique),
			fmtNum(c.Mean), fmtNum(c.SD), fmtNum(c.Min), fmtNum(c.Q25), fmtNum(c.Median), fmtNum(c.Q75), fmtNum(c.Max), out})
		t2.Rows = append(t2.Rows, []string{c.Name, strings.Join(c.Top, ", "), c.note()})
	}
	b1, b2 := t1.Bundle("profile", o), t2.Bundle("profile", o)
	b := display.Bundle{Kind: "profile", Text: b1.Text + "\n\n" + b2.Text, Markdown: b1.Markdown + "\n\n" + b2.Markdown, HTML: b1.HTML + b2.HTML}
	if b1.ANSI != "" {
		b.ANSI = b1.ANSI + "\n\n" + b2.ANSI
	}
	return b
}

// String returns the plain-text profile.
func (p *Profile) String() string { return p.Display(display.Plain).Text }

// signif formats v with d significant digits, without trailing zeros.
func signif(v float64, d int) string {
	if v == 0 {
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e6 || a < 1e-4 {
		return trimExp(strconv.FormatFloat(v, 'e', d-1, 64))
	}
	dec := d - 1 - int(math.Floor(math.Log10(a)))
	if dec < 0 {
		dec = 0
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
