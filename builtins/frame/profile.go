package frame

import (
	"fmt"
	"math"
	"sort"
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
		x, mean, v, lo, hi := summarize(cs[k].floats())
		rw.count = float64(len(x))
		rw.mean, rw.sd, rw.min, rw.max = mean, math.Sqrt(v), lo, hi
		q := radixQuantiles(x, []float64{0.25, 0.5, 0.75})
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

// summarize copies the non-NaN values of x and returns them with their
// mean (two-pass corrected), sample variance, min and max, in two passes.
func summarize(x []float64) (vals []float64, mean, variance, lo, hi float64) {
	vals = make([]float64, 0, len(x))
	s := 0.0
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v == v {
			vals = append(vals, v)
			s += v
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	n := float64(len(vals))
	if len(vals) == 0 {
		nan := math.NaN()
		return vals, nan, nan, nan, nan
	}
	m := s / n
	c, ss := 0.0, 0.0
	for _, v := range vals {
		d := v - m
		c += d
		ss += d * d
	}
	mean = m + c/n
	variance = math.NaN()
	if len(vals) > 1 {
		variance = (ss - c*c/n) / (n - 1)
	}
	return vals, mean, variance, lo, hi
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
		codes, labels := levelsOf(c)
		cnt := make([]int, len(labels))
		for _, k := range codes {
			if k >= 0 {
				cnt[k]++
			}
		}
		for _, n := range cnt {
			if n > 0 {
				cp.Unique++
			}
		}
		cp.Constant = cp.Unique <= 1
		order := make([]int, len(labels))
		for k := range order {
			order[k] = k
		}
		sort.SliceStable(order, func(a, b int) bool { return cnt[order[a]] > cnt[order[b]] })
		for _, k := range order[:min(3, len(order))] {
			if cnt[k] > 1 || c.kind == kString || c.kind == kBool {
				if cnt[k] > 0 {
					cp.Top = append(cp.Top, fmt.Sprintf("%s (%d)", labels[k], cnt[k]))
				}
			}
		}
		nan := math.NaN()
		cp.Mean, cp.SD, cp.Min, cp.Q25, cp.Median, cp.Q75, cp.Max = nan, nan, nan, nan, nan, nan, nan
		if c.kind == kFloat || c.kind == kInt {
			x := dropNaN(c.floats())
			cp.Mean = meanOf(x)
			cp.SD = math.Sqrt(varOf(x))
			cp.Min, cp.Max = minMax(x)
			q := quantilesInPlace(x, []float64{0.25, 0.5, 0.75})
			cp.Q25, cp.Median, cp.Q75 = q[0], q[1], q[2]
			iqr := cp.Q75 - cp.Q25
			lo, hi := cp.Q25-1.5*iqr, cp.Q75+1.5*iqr
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

func sameValues(a, b *column) bool {
	if a.kind != b.kind || a.len() != b.len() {
		return false
	}
	for r := 0; r < a.len(); r++ {
		if a.isNA(r) != b.isNA(r) {
			return false
		}
		if !a.isNA(r) && a.str(r) != b.str(r) {
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
