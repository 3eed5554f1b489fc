package display

import (
	"html"
	"strings"

	"github.com/mattn/go-runewidth"
)

// Align is the horizontal alignment of a table column.
type Align int

// Alignments of table columns.
const (
	Left Align = iota
	Right
	Center
)

// Table is a general table renderer shared by the builtins: headers, rows of
// strings, per-column alignment, an optional sub-header line (for example
// column types), title and footer. It lays the table out for a terminal
// width, folding wide tables into blocks of columns (R style) and
// truncating over-long cells, and renders plain text, styled ANSI, Markdown
// and HTML.
//
//	t := &display.Table{Headers: []string{"term", "estimate"}, Align: []display.Align{display.Left, display.Right}}
//	t.Rows = append(t.Rows, []string{"(Intercept)", "37.23"})
//	b := t.Bundle("lm", o)
type Table struct {
	// Title is printed above the table; Footer below it (both may be
	// several lines).
	Title, Footer string
	// Headers are the column names; SubHeaders (optional) a second header
	// line such as "<dbl>".
	Headers, SubHeaders []string
	// Rows are the cells; short rows are padded with empty cells.
	Rows [][]string
	// Align gives each column's alignment (missing entries: Left).
	Align []Align
	// KeepLeft is the number of leading columns (row labels) repeated in
	// every block when a wide table is folded.
	KeepLeft int
	// MaxCellWidth truncates longer cells with an ellipsis (0: 40).
	MaxCellWidth int
	// Rule draws a line under the headers (default off).
	Rule bool
	// RuleAfter lists row indexes after which a separator line is drawn.
	RuleAfter []int
}

// Bundle renders the table in all its forms.
func (t *Table) Bundle(kind string, o Options) Bundle {
	return Bundle{Kind: kind, Text: t.Text(o), ANSI: t.ANSI(o), Markdown: t.Markdown(), HTML: t.HTML()}
}

// Width returns the display width of s in terminal cells.
func Width(s string) int { return runewidth.StringWidth(s) }

// Truncate shortens s to at most w cells, ending in an ellipsis ("…", or
// "~" when unicode is false) when it was cut.
func Truncate(s string, w int, unicode bool) string {
	if Width(s) <= w {
		return s
	}
	tail := "…"
	if !unicode {
		tail = "~"
	}
	if w < 1 {
		return ""
	}
	return runewidth.Truncate(s, w, tail)
}

// Pad aligns s in a field of w cells.
func Pad(s string, w int, a Align) string {
	d := w - Width(s)
	if d <= 0 {
		return s
	}
	switch a {
	case Right:
		return strings.Repeat(" ", d) + s
	case Center:
		l := d / 2
		return strings.Repeat(" ", l) + s + strings.Repeat(" ", d-l)
	}
	return s + strings.Repeat(" ", d)
}

func (t *Table) ncols() int {
	n := len(t.Headers)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

func (t *Table) align(j int) Align {
	if j < len(t.Align) {
		return t.Align[j]
	}
	return Left
}

func cell(row []string, j int) string {
	if j < len(row) {
		return row[j]
	}
	return ""
}

type span struct {
	kind  int // 0 title, 1 header, 2 subheader, 3 rule, 4 row, 5 footer, 6 blank
	cells []string
	text  string
}

// layout returns the lines of the table as spans with cells already padded.
func (t *Table) layout(o Options) []span {
	o = o.Normalized()
	n := t.ncols()
	maxw := t.MaxCellWidth
	if maxw <= 0 {
		maxw = 40
	}
	if maxw > o.Width-2 {
		maxw = max(4, o.Width-2)
	}
	trunc := func(s string) string { return Truncate(strings.ReplaceAll(s, "\n", " "), maxw, o.Unicode) }
	hdr := make([]string, n)
	sub := make([]string, n)
	rows := make([][]string, len(t.Rows))
	w := make([]int, n)
	for j := 0; j < n; j++ {
		hdr[j] = trunc(cell(t.Headers, j))
		sub[j] = trunc(cell(t.SubHeaders, j))
		w[j] = max(Width(hdr[j]), Width(sub[j]))
	}
	for i, r := range t.Rows {
		rows[i] = make([]string, n)
		for j := 0; j < n; j++ {
			rows[i][j] = trunc(cell(r, j))
			w[j] = max(w[j], Width(rows[i][j]))
		}
	}
	// Fold into blocks that fit o.Width (a gap of 2 between columns).
	keep := min(t.KeepLeft, n)
	keepW := 0
	for j := 0; j < keep; j++ {
		keepW += w[j] + 2
	}
	var blocks [][]int
	var cur []int
	curW := keepW
	for j := keep; j < n; j++ {
		if len(cur) > 0 && curW+w[j] > o.Width {
			blocks = append(blocks, cur)
			cur, curW = nil, keepW
		}
		cur = append(cur, j)
		curW += w[j] + 2
	}
	if len(cur) > 0 || len(blocks) == 0 {
		blocks = append(blocks, cur)
	}
	var out []span
	if t.Title != "" {
		for _, l := range strings.Split(t.Title, "\n") {
			out = append(out, span{kind: 0, text: Truncate(l, o.Width, o.Unicode)})
		}
	}
	ruleCh := "─"
	if !o.Unicode {
		ruleCh = "-"
	}
	after := map[int]bool{}
	for _, r := range t.RuleAfter {
		after[r] = true
	}
	hasSub := len(t.SubHeaders) > 0
	for b, blk := range blocks {
		if b > 0 {
			out = append(out, span{kind: 6})
		}
		idx := make([]int, 0, keep+len(blk))
		for j := 0; j < keep; j++ {
			idx = append(idx, j)
		}
		idx = append(idx, blk...)
		mk := func(src []string, k int) span {
			cells := make([]string, len(idx))
			for q, j := range idx {
				cw := w[j]
				if cw > o.Width {
					cw = o.Width
				}
				a := t.align(j)
				cells[q] = Pad(Truncate(src[j], cw, o.Unicode), cw, a)
			}
			return span{kind: k, cells: cells}
		}
		if len(t.Headers) > 0 {
			out = append(out, mk(hdr, 1))
		}
		if hasSub {
			out = append(out, mk(sub, 2))
		}
		total := 0
		for _, j := range idx {
			total += w[j] + 2
		}
		total = max(0, min(total-2, o.Width))
		if t.Rule && len(t.Headers) > 0 {
			out = append(out, span{kind: 3, text: strings.Repeat(ruleCh, total)})
		}
		for i := range rows {
			out = append(out, mk(rows[i], 4))
			if after[i] && i < len(rows)-1 {
				out = append(out, span{kind: 3, text: strings.Repeat(ruleCh, total)})
			}
		}
	}
	if t.Footer != "" {
		for _, l := range strings.Split(t.Footer, "\n") {
			for _, w := range Wrap(l, o.Width) {
				out = append(out, span{kind: 5, text: w})
			}
		}
	}
	return out
}

// Wrap breaks s into lines of at most w cells at spaces (a word longer
// than w is cut), indenting continuation lines by two spaces.
func Wrap(s string, w int) []string {
	if Width(s) <= w || w < 8 {
		return []string{s}
	}
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		for Width(word) > w-2 {
			cut := runewidth.Truncate(word, w-2, "")
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			lines = append(lines, cut)
			word = word[len(cut):]
		}
		switch {
		case cur == "":
			if len(lines) > 0 {
				cur = "  " + word
			} else {
				cur = word
			}
		case Width(cur)+1+Width(word) <= w:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = "  " + word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func joinCells(cells []string) string {
	return strings.TrimRight(strings.Join(cells, "  "), " ")
}

// Text renders the plain-text table laid out for o.Width.
func (t *Table) Text(o Options) string {
	var sb strings.Builder
	for k, s := range t.layout(o) {
		if k > 0 {
			sb.WriteByte('\n')
		}
		if s.cells != nil {
			sb.WriteString(joinCells(s.cells))
		} else {
			sb.WriteString(s.text)
		}
	}
	return sb.String()
}

// SGR sequences used by the styled form.
const (
	sgrReset = "\x1b[0m"
	sgrBold  = "\x1b[1m"
	sgrDim   = "\x1b[2m"
	sgrItal  = "\x1b[3m"
)

// ANSI renders the table with SGR styling (bold headers, dim types and
// rules, coloured title) for colour terminals; it returns "" when o.Color
// is false, so front ends fall back to Text.
func (t *Table) ANSI(o Options) string {
	if !o.Color {
		return ""
	}
	title := "\x1b[1;36m"
	if o.Theme == "light" {
		title = "\x1b[1;34m"
	}
	var sb strings.Builder
	for k, s := range t.layout(o) {
		if k > 0 {
			sb.WriteByte('\n')
		}
		switch s.kind {
		case 0:
			sb.WriteString(title + s.text + sgrReset)
		case 1:
			sb.WriteString(sgrBold + joinCells(s.cells) + sgrReset)
		case 2:
			sb.WriteString(sgrDim + sgrItal + joinCells(s.cells) + sgrReset)
		case 3, 5:
			if s.text != "" {
				sb.WriteString(sgrDim + s.text + sgrReset)
			}
		case 4:
			// Row labels and NA cells are dimmed; padding stays outside
			// the escapes so the layout is that of Text.
			keep := min(t.KeepLeft, len(s.cells))
			cells := make([]string, len(s.cells))
			for q, c := range s.cells {
				if q < keep || strings.TrimSpace(c) == "NA" {
					c = dimCell(c)
				}
				cells[q] = c
			}
			sb.WriteString(strings.TrimRight(strings.Join(cells, "  "), " "))
		}
	}
	return sb.String()
}

// mdEscaper makes cell text literal in GitHub-flavoured Markdown: "|"
// would end the cell, and "<int>" in a header like "Ozone <int>" would be
// taken as an HTML tag and vanish.
var mdEscaper = strings.NewReplacer("|", "\\|", "&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", " ")

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdTitle escapes the title's "|" only: the title is bold Markdown text,
// not a cell (reports keep its text as written).
func mdTitle(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// Markdown renders the table as a GitHub-flavoured Markdown table (no
// folding; sub-headers are appended to the header cells).
func (t *Table) Markdown() string {
	n := t.ncols()
	var sb strings.Builder
	if t.Title != "" {
		sb.WriteString("**" + mdTitle(strings.Split(t.Title, "\n")[0]) + "**\n\n")
	}
	sb.WriteString("|")
	for j := 0; j < n; j++ {
		h := mdEscape(cell(t.Headers, j))
		if s := cell(t.SubHeaders, j); s != "" {
			h += " " + mdEscape(s)
		}
		sb.WriteString(" " + h + " |")
	}
	sb.WriteString("\n|")
	for j := 0; j < n; j++ {
		switch t.align(j) {
		case Right:
			sb.WriteString("---:|")
		case Center:
			sb.WriteString(":---:|")
		default:
			sb.WriteString("---|")
		}
	}
	for _, r := range t.Rows {
		sb.WriteString("\n|")
		for j := 0; j < n; j++ {
			sb.WriteString(" " + mdEscape(cell(r, j)) + " |")
		}
	}
	if t.Footer != "" {
		sb.WriteString("\n\n" + mdEscape(t.Footer))
	}
	return sb.String()
}

// HTML renders the table as an HTML <table> (with <caption> for the title).
func (t *Table) HTML() string {
	n := t.ncols()
	var sb strings.Builder
	sb.WriteString("<table>")
	if t.Title != "" {
		sb.WriteString("<caption>" + html.EscapeString(t.Title) + "</caption>")
	}
	style := func(j int) string {
		switch t.align(j) {
		case Right:
			return ` style="text-align:right"`
		case Center:
			return ` style="text-align:center"`
		}
		return ""
	}
	sb.WriteString("<thead><tr>")
	for j := 0; j < n; j++ {
		sb.WriteString("<th" + style(j) + ">" + html.EscapeString(cell(t.Headers, j)))
		if s := cell(t.SubHeaders, j); s != "" {
			sb.WriteString("<br><small>" + html.EscapeString(s) + "</small>")
		}
		sb.WriteString("</th>")
	}
	sb.WriteString("</tr></thead><tbody>")
	for _, r := range t.Rows {
		sb.WriteString("<tr>")
		for j := 0; j < n; j++ {
			sb.WriteString("<td" + style(j) + ">" + html.EscapeString(cell(r, j)) + "</td>")
		}
		sb.WriteString("</tr>")
	}
	sb.WriteString("</tbody>")
	if t.Footer != "" {
		sb.WriteString("<tfoot><tr><td colspan=\"" + itoa(n) + "\">" + html.EscapeString(t.Footer) + "</td></tr></tfoot>")
	}
	sb.WriteString("</table>")
	return sb.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// dimCell wraps the text of a padded cell in the dim style, leaving the
// padding outside.
func dimCell(c string) string {
	t := strings.TrimSpace(c)
	if t == "" {
		return c
	}
	i := strings.Index(c, t)
	return c[:i] + sgrDim + t + sgrReset + c[i+len(t):]
}
