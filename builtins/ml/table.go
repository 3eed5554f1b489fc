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
	return &display.Table{Title: t.title, Footer: strings.Join(t.notes, "\n"), Headers: t.header, Rows: t.rows, Align: al, KeepLeft: 1, Rule: len(t.header) > 0, MaxCellWidth: 60}
}

// bundle renders t in all forms for o.
func (t *textTable) bundle(kind string, o display.Options) display.Bundle {
	return t.table().Bundle(kind, o.Normalized())
}

func (t *textTable) String() string { return t.table().Text(display.Plain) }

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
