package ml

import (
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
	"math"
	"strconv"
	"strings"
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

// table converts t to the shared display.Table renderer.
func (t *textTable) table() *display.Table {
	nc := len(t.header)
	for _, r := range t.rows {
		if len(r) > nc {
			nc = len(r)
		}
	}
	al := make([]display.Align, nc)
	for j := 1; j < nc; j++ {
		al[j] = display.Right
	}
	return &display.Table{Footer: strings.Join(t.notes, "\n"), Headers: t.header, Rows: t.rows, Align: al, KeepLeft: 1, Rule: len(t.header) > 0, MaxCellWidth: 60}
}

// bundle renders t in all forms for o; the title is word-wrapped to the
// width instead of being cut.
func (t *textTable) bundle(kind string, o display.Options) display.Bundle {
	return withTitle(t.title, t.table().Bundle(kind, o.Normalized()), o.Normalized().Width)
}

func (t *textTable) String() string { return t.bundle("", display.Plain).Text }

// withTitle puts a wrapped title line above every text form of b.
func withTitle(title string, b display.Bundle, width int) display.Bundle {
	if title == "" {
		return b
	}
	w := wrap(title, width)
	b.Text = w + "\n" + b.Text
	if b.ANSI != "" {
		b.ANSI = w + "\n" + b.ANSI
	}
	if b.Markdown != "" {
		b.Markdown = "**" + title + "**\n\n" + b.Markdown
	}
	return b
}

// wrap breaks s into lines of at most width cells at spaces (existing
// line breaks are kept; continuation lines are indented by two spaces).
func wrap(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for display.Width(line) > width {
			cut := -1
			for i, r := range line {
				if r == ' ' && display.Width(line[:i]) <= width {
					cut = i
				}
			}
			if cut <= 2 {
				break
			}
			out = append(out, line[:cut])
			line = "  " + strings.TrimLeft(line[cut:], " ")
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// num formats x with 4 significant digits, as R prints model summaries.
func num(x float64) string { return numDigits(x, 4) }

// numDigits formats x with d significant digits as R's format(x, digits =
// d) does (package rfmt); NaN prints as "NaN", infinities as "Inf"/"-Inf".
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
	return rfmt.Num(x, d)
}

// fixed formats x with dec decimals.
func fixed(x float64, dec int) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return strconv.FormatFloat(x, 'f', dec, 64)
}
