package frame

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gostat/gostat/display"
)

// maxShownCols is the number of columns a frame display shows before it
// lists the rest by name.
const maxShownCols = 24

// maxBlocks is the number of folded blocks of columns a frame display uses
// at most.
const maxBlocks = 2

// Display shows the frame as an aligned table: its shape, column names and
// types, and the first and last rows with the middle elided when it is
// long (all rows up to 20, otherwise the first and last 5; o.Height > 40
// shows more). Wide frames fold into blocks of columns that fit o.Width,
// with the row number repeated. Markdown and HTML forms are included.
func (f *Frame) Display(o display.Options) display.Bundle {
	if f == nil {
		return display.Text("nil", "<nil *frame.Frame> (did the call return an error?)\n")
	}
	o = o.Normalized()
	t := f.table(o)
	return t.Bundle("frame", o)
}

// String returns the plain-text display of the frame.
func (f *Frame) String() string { return f.Display(display.Plain).Text }

func (f *Frame) table(o display.Options) *display.Table {
	if len(f.cols) == 0 {
		return &display.Table{Title: fmt.Sprintf("frame: %d rows, no columns", f.nrows)}
	}
	head, tail := f.nrows, 0
	limit := 20
	show := 5
	if o.Height > 40 {
		limit, show = o.Height-10, (o.Height-10)/2
	}
	if f.nrows > limit {
		head, tail = show, show
	}
	var rows []int
	for r := 0; r < head; r++ {
		rows = append(rows, r)
	}
	for r := f.nrows - tail; r < f.nrows; r++ {
		rows = append(rows, r)
	}
	times := "×"
	dots := "⋮"
	if !o.Unicode {
		times, dots = "x", ":"
	}
	t := &display.Table{
		Title:    fmt.Sprintf("frame: %d rows %s %d columns", f.nrows, times, len(f.cols)),
		Headers:  []string{""},
		Align:    []display.Align{display.Right},
		KeepLeft: 1,
	}
	t.SubHeaders = []string{""}
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = []string{strconv.Itoa(r + 1)}
	}
	// Columns are shown while they fit in maxBlocks folded blocks (and at
	// most maxShownCols); the rest are listed by name in the footer.
	labelW := len(strconv.Itoa(f.nrows)) + 2
	budget := maxBlocks * max(20, o.Width-labelW)
	used := 0
	var cols []*column
	var hidden []string
	for j, c := range f.cols {
		al := display.Left
		var vals []string
		if c.kind == kFloat {
			al = display.Right
			v := make([]float64, len(rows))
			for i, r := range rows {
				v[i] = c.f[r]
			}
			vals = FormatFloats(v)
		} else {
			if c.kind == kInt {
				al = display.Right
			}
			vals = make([]string, len(rows))
			for i, r := range rows {
				vals[i] = c.str(r)
			}
		}
		w := max(display.Width(c.name), len(c.short())+2)
		for _, v := range vals {
			w = max(w, display.Width(v))
		}
		w = min(w, 40) + 2
		if j > 0 && (used+w > budget || len(cols) >= maxShownCols) {
			for _, h := range f.cols[j:] {
				hidden = append(hidden, h.name+" <"+h.short()+">")
			}
			break
		}
		used += w
		cols = append(cols, c)
		t.Headers = append(t.Headers, c.name)
		t.SubHeaders = append(t.SubHeaders, "<"+c.short()+">")
		t.Align = append(t.Align, al)
		for i := range rows {
			cells[i] = append(cells[i], vals[i])
		}
	}
	if tail > 0 {
		el := make([]string, len(cols)+1)
		el[0] = dots
		for j := range cols {
			el[j+1] = dots
		}
		cells = append(cells[:head], append([][]string{el}, cells[head:]...)...)
	}
	t.Rows = cells
	var foot []string
	if len(hidden) > 0 {
		ell := "…"
		if !o.Unicode {
			ell = "..."
		}
		foot = append(foot, fmt.Sprintf("%s and %d more columns: %s", ell, len(hidden), strings.Join(hidden, ", ")))
	}
	if n := len(f.warnings); n > 0 {
		w := f.warnings
		if n > 3 {
			w = w[:3]
		}
		foot = append(foot, fmt.Sprintf("%d warning(s) while reading (f.Warnings()): %s", n, strings.Join(w, "; ")))
	}
	t.Footer = strings.Join(foot, "\n")
	return t
}

// FormatFloats formats a column of numbers for display with a common number
// of decimals (up to 7 significant digits, like R's print), "NA" for NaN and
// scientific notation for very large or small magnitudes.
func FormatFloats(v []float64) []string {
	out := make([]string, len(v))
	dec := 0
	sci := false
	for _, x := range v {
		if x != x || math.IsInf(x, 0) || x == 0 {
			continue
		}
		a := math.Abs(x)
		if a >= 1e15 || a < 1e-5 {
			sci = true
			break
		}
		s := strconv.FormatFloat(x, 'g', 7, 64)
		if strings.ContainsAny(s, "e") {
			s = strconv.FormatFloat(x, 'f', -1, 64)
			if f, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 7, 64), 64); err == nil {
				s = strconv.FormatFloat(f, 'f', -1, 64)
			}
		}
		if i := strings.IndexByte(s, '.'); i >= 0 {
			d := len(strings.TrimRight(s[i+1:], "0"))
			dec = max(dec, d)
		}
	}
	dec = min(dec, 7)
	// In scientific notation every value gets the same number of mantissa
	// digits, the most any needs (up to 7 significant), as R prints a
	// column: 2.858389e-13 and 4.410650e-01, not 4.41065e-01.
	sciDec := 0
	if sci {
		for _, x := range v {
			if x != x || math.IsInf(x, 0) {
				continue
			}
			m := trimExp(strconv.FormatFloat(x, 'e', 6, 64))
			if i, e := strings.IndexByte(m, '.'), strings.IndexByte(m, 'e'); i >= 0 && e > i {
				sciDec = max(sciDec, e-i-1)
			}
		}
	}
	for i, x := range v {
		switch {
		case x != x:
			out[i] = "NA"
		case math.IsInf(x, 1):
			out[i] = "Inf"
		case math.IsInf(x, -1):
			out[i] = "-Inf"
		case sci:
			out[i] = strconv.FormatFloat(x, 'e', sciDec, 64)
		default:
			out[i] = strconv.FormatFloat(x, 'f', dec, 64)
		}
	}
	return out
}

// trimExp turns 1.500000e+06 into 1.5e+06.
func trimExp(s string) string {
	e := strings.IndexByte(s, 'e')
	if e < 0 {
		return s
	}
	m := s[:e]
	if strings.Contains(m, ".") {
		m = strings.TrimRight(m, "0")
		m = strings.TrimSuffix(m, ".")
	}
	return m + s[e:]
}

// Glimpse is a transposed view of a frame: one line per column with its
// type and first values (dplyr's glimpse), handy for wide frames.
type Glimpse struct{ f *Frame }

// Glimpse returns a transposed view of the frame: one line per column with
// its type and as many leading values as fit the width.
func (f *Frame) Glimpse() Glimpse { return Glimpse{f} }

// Display lays the glimpse out for o.Width.
func (g Glimpse) Display(o display.Options) display.Bundle {
	o = o.Normalized()
	f := g.f
	times := "×"
	ell := "…"
	if !o.Unicode {
		times, ell = "x", "..."
	}
	nameW := 0
	for _, c := range f.cols {
		nameW = max(nameW, display.Width(c.name))
	}
	nameW = min(nameW, 24)
	var lines []string
	lines = append(lines, fmt.Sprintf("frame: %d rows %s %d columns", f.nrows, times, len(f.cols)))
	show := min(f.nrows, 40)
	for _, c := range f.cols {
		var vals []string
		if c.kind == kFloat {
			vals = FormatFloats(c.f[:show])
		} else {
			for r := 0; r < show; r++ {
				vals = append(vals, c.str(r))
			}
		}
		head := display.Pad(display.Truncate(c.name, nameW, o.Unicode), nameW, display.Left) + " <" + c.short() + "> "
		line := head
		room := o.Width - display.Width(head)
		body := ""
		tail := ", " + ell
		for k, v := range vals {
			next := body
			if k > 0 {
				next += ", "
			}
			next += v
			more := k < len(vals)-1 || show < f.nrows
			if more && display.Width(next)+display.Width(tail) > room || !more && display.Width(next) > room {
				if k == 0 {
					body = display.Truncate(v, max(1, room-display.Width(tail)), o.Unicode)
				}
				body += tail
				break
			}
			body = next
		}
		lines = append(lines, line+body)
	}
	text := strings.Join(lines, "\n")
	return display.Bundle{Kind: "frame", Text: text}
}

// String returns the plain-text glimpse.
func (g Glimpse) String() string { return g.Display(display.Plain).Text }
