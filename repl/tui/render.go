package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

const tabWidth = 4

// mark flags for one rune of rendered source.
const (
	markCursor uint8 = 1 << iota
	markBracket
)

// renderSource renders Go source with syntax highlighting, wrapped to width
// columns (no wrapping when width <= 0). cursor is the rune index of the
// editor's cursor (-1: none); brackets are rune indices to emphasise (a
// bracket pair). It returns the visual lines and the index of the visual line
// holding the cursor (0 when there is none).
func renderSource(src string, th *Theme, width, cursor int, brackets []int) ([]string, int) {
	classes := classify(src)
	rs := []rune(src)
	marks := make([]uint8, len(rs)+1)
	if cursor >= 0 && cursor <= len(rs) {
		marks[cursor] |= markCursor
	}
	for _, b := range brackets {
		if b >= 0 && b < len(rs) {
			marks[b] |= markBracket
		}
	}
	var (
		lines     []string
		cursorRow int
		b         strings.Builder
		run       strings.Builder
		runStyle  = -1 // index into styles
		col       int
	)
	styleFor := func(c class, m uint8) int { return int(c)<<2 | int(m) }
	render := func(idx int, s string) string {
		c, m := class(idx>>2), uint8(idx&3)
		st := th.classStyle(c)
		if m&markBracket != 0 {
			st = th.Bracket
		}
		if m&markCursor != 0 {
			st = th.Cursor
		}
		return st.Render(s)
	}
	flushRun := func() {
		if run.Len() > 0 {
			b.WriteString(render(runStyle, run.String()))
			run.Reset()
		}
		runStyle = -1
	}
	endLine := func() {
		flushRun()
		lines = append(lines, b.String())
		b.Reset()
		col = 0
	}
	put := func(s string, w, st int) {
		if width > 0 && col+w > width && col > 0 {
			endLine()
		}
		if st != runStyle {
			flushRun()
			runStyle = st
		}
		run.WriteString(s)
		col += w
	}
	for i := 0; i <= len(rs); i++ {
		m := marks[i]
		if m&markCursor != 0 {
			cursorRow = len(lines)
		}
		if i == len(rs) || rs[i] == '\n' {
			if m&markCursor != 0 {
				put(" ", 1, styleFor(clPlain, markCursor))
				if width > 0 && col > width {
					// the cursor cell wrapped on its own
					cursorRow = len(lines)
				}
			}
			endLine()
			continue
		}
		r := rs[i]
		st := styleFor(classes[i], m)
		switch {
		case r == '\t':
			n := tabWidth - col%tabWidth
			if width > 0 && col+n > width {
				n = max(1, width-col)
			}
			put(" ", 1, st)
			if n > 1 {
				put(strings.Repeat(" ", n-1), n-1, styleFor(classes[i], 0))
			}
		case r < ' ' || r == 0x7f:
			put("?", 1, st)
		default:
			put(string(r), max(1, runewidth.RuneWidth(r)), st)
		}
		if m&markCursor != 0 {
			cursorRow = len(lines)
		}
	}
	return lines, cursorRow
}

// matchBracket returns the rune index of the bracket matching the one at
// rune index i of src (or -1), skipping brackets in strings and comments.
func matchBracket(rs []rune, classes []class, i int) int {
	if i < 0 || i >= len(rs) || classes[i] == clString || classes[i] == clComment {
		return -1
	}
	open, close := "([{", ")]}"
	if k := strings.IndexRune(open, rs[i]); k >= 0 {
		depth := 0
		for j := i; j < len(rs); j++ {
			if classes[j] == clString || classes[j] == clComment {
				continue
			}
			switch rs[j] {
			case rune(open[k]):
				depth++
			case rune(close[k]):
				depth--
				if depth == 0 {
					return j
				}
			}
		}
		return -1
	}
	if k := strings.IndexRune(close, rs[i]); k >= 0 {
		depth := 0
		for j := i; j >= 0; j-- {
			if classes[j] == clString || classes[j] == clComment {
				continue
			}
			switch rs[j] {
			case rune(close[k]):
				depth++
			case rune(open[k]):
				depth--
				if depth == 0 {
					return j
				}
			}
		}
	}
	return -1
}

// sanitizeOutput makes text a program printed safe to lay out: escape
// sequences and control characters are removed (they would move the cursor
// and break the screen), tabs are expanded to 8-column stops, and carriage
// returns keep only what was written after the last one on a line.
func sanitizeOutput(s string) string {
	s = ansi.Strip(s)
	if !strings.ContainsAny(s, "\t\r\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") {
		return s
	}
	lines := strings.Split(s, "\n")
	for li, line := range lines {
		if k := strings.LastIndexByte(strings.TrimRight(line, "\r"), '\r'); k >= 0 {
			line = line[k+1:]
		}
		var b strings.Builder
		col := 0
		for _, r := range line {
			switch {
			case r == '\t':
				n := 8 - col%8
				b.WriteString(strings.Repeat(" ", n))
				col += n
			case r < ' ' || r == 0x7f:
			default:
				b.WriteRune(r)
				col += runewidth.RuneWidth(r)
			}
		}
		lines[li] = b.String()
	}
	return strings.Join(lines, "\n")
}

// splitLines splits text into lines, dropping one trailing newline.
func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// fitLine cuts a (possibly styled) line to the columns [off, off+width) and
// marks cut-off content with a dim arrow at the right edge.
func fitLine(line string, off, width int, th *Theme) string {
	w := ansi.StringWidth(line)
	if off > 0 {
		line = ansi.Cut(line, off, w)
		w -= off
	}
	if w > width {
		return ansi.Truncate(line, width-1, "") + th.Dim.Render(th.G.Cut)
	}
	return line
}

// padRight pads a styled line with spaces to width columns.
func padRight(s string, width int) string {
	if w := ansi.StringWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// joinRight puts right at the right edge of a line of width columns after
// left, or returns ok=false when both do not fit with two spaces between.
func joinRight(left, right string, width int) (string, bool) {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if lw+2+rw > width {
		return left, false
	}
	return left + strings.Repeat(" ", width-lw-rw) + right, true
}
