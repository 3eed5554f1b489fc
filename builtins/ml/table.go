package ml

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// textTable lays out a small table as plain text: a header row, a rule and
// rows; the first column is left-aligned, the others right-aligned.
type textTable struct {
	title  string
	header []string
	rows   [][]string
	notes  []string
}

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *textTable) String() string {
	nc := len(t.header)
	for _, r := range t.rows {
		if len(r) > nc {
			nc = len(r)
		}
	}
	w := make([]int, nc)
	all := append([][]string{t.header}, t.rows...)
	for _, r := range all {
		for j, c := range r {
			if n := utf8.RuneCountInString(c); n > w[j] {
				w[j] = n
			}
		}
	}
	var b strings.Builder
	if t.title != "" {
		b.WriteString(t.title)
		b.WriteByte('\n')
	}
	line := func(r []string) {
		var lb strings.Builder
		for j := 0; j < nc; j++ {
			c := ""
			if j < len(r) {
				c = r[j]
			}
			pad := strings.Repeat(" ", w[j]-utf8.RuneCountInString(c))
			if j > 0 {
				lb.WriteString("  ")
			}
			if j == 0 {
				lb.WriteString(c + pad)
			} else {
				lb.WriteString(pad + c)
			}
		}
		b.WriteString(strings.TrimRight(lb.String(), " "))
		b.WriteByte('\n')
	}
	if len(t.header) > 0 {
		line(t.header)
		tot := 0
		for j, x := range w {
			tot += x
			if j > 0 {
				tot += 2
			}
		}
		b.WriteString(strings.Repeat("─", tot))
		b.WriteByte('\n')
	}
	for _, r := range t.rows {
		line(r)
	}
	for _, n := range t.notes {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

// num formats x with 4 significant digits, as R prints model summaries.
func num(x float64) string { return numDigits(x, 4) }

// numDigits formats x with d significant digits and no trailing zeros
// beyond them; NaN prints as "NaN", infinities as "Inf"/"-Inf".
func numDigits(x float64, d int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	case x == 0:
		return "0"
	}
	ax := math.Abs(x)
	if ax >= 1e-4 && ax < 1e15 {
		e := int(math.Floor(math.Log10(ax)))
		dec := d - 1 - e
		if dec < 0 {
			dec = 0
		}
		s := strconv.FormatFloat(x, 'f', dec, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s
	}
	return strconv.FormatFloat(x, 'g', d, 64)
}

// fixed formats x with dec decimals.
func fixed(x float64, dec int) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return strconv.FormatFloat(x, 'f', dec, 64)
}
