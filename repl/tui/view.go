package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/gostat/gostat/repl/meta"
)

// editorLines renders the editor with its prompt column.
func (m *Model) editorLines() []string {
	g := m.gutter()
	n := m.counter + 1
	word := "In "
	if m.editing != 0 {
		if c := m.cells.byID(m.editing); c != nil {
			n = c.N
			word = "Ed "
		}
	}
	prompt := m.th.Prompt.Render(padRight(" "+label(word, n), g))
	cont := strings.Repeat(" ", g-4) + m.th.Dim.Render("... ")
	maxRows := max(3, m.height/3)
	return m.ed.View(&m.th, prompt, cont, maxRows, m.mode == modeEdit && !m.srch.active && m.confirm == nil && !m.asking)
}

// historyHeight is the number of rows left for the cells.
func (m *Model) historyHeight() int {
	return max(1, m.height-len(m.editorLines())-2)
}

// View draws the whole screen: cells, separator with hints, editor, status.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	ed := m.editorLines()
	h := max(1, m.height-len(ed)-2)
	hw := m.historyWidth()

	var area []string
	switch {
	case m.showKeys:
		area = m.keysView(h)
	case len(m.cells.cells) == 0:
		area = m.welcome(h)
	default:
		area = m.cells.view(h, m.renderCtx())
	}
	// Completion popup over the bottom of the history area.
	if pop := m.comp.view(&m.th, m.width-m.gutter()); len(pop) > 0 && len(pop) <= h {
		for i, p := range pop {
			row := h - len(pop) + i
			area[row] = strings.Repeat(" ", m.gutter()) + p
		}
	}
	if m.pane != paneNone && !m.showKeys {
		pane := m.paneView(h)
		for i := range area {
			area[i] = padRight(ansi.Truncate(area[i], hw, ""), hw) + pane[i]
		}
	}
	var b strings.Builder
	for _, l := range area {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteString(m.separator())
	b.WriteByte('\n')
	for _, l := range ed {
		b.WriteString(ansi.Truncate(l, m.width, ""))
		b.WriteByte('\n')
	}
	b.WriteString(m.statusBar())
	return b.String()
}

func (m *Model) welcome(h int) []string {
	lines := []string{
		"",
		"  " + m.th.PaneTitle.Render("gostat") + " — statistics in Go. Type Go code below; Enter runs it.",
		"",
		m.th.Dim.Render("  Try:  cars := datasets.MustLoad(\"mtcars\"); cars.Profile()"),
		m.th.Dim.Render("        models.OLS(\"mpg ~ wt + hp\", cars)"),
		m.th.Dim.Render("        plots.Histogram(cars.Col(\"mpg\"))"),
		"",
		m.th.Dim.Render("  Tab completes · F1 help on a name (or these keys) · F2 variables"),
		m.th.Dim.Render("  Esc selects earlier cells · Ctrl-S saves · Ctrl-D quits"),
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = lines[i]
		}
	}
	return out
}

func (m *Model) separator() string {
	w := m.width
	var text string
	switch {
	case m.editing != 0:
		text = "editing an earlier cell: Enter re-runs it in place · Esc cancels"
	case m.sigText != "":
		text = m.sigText
	}
	rule := m.th.G.Rule
	if text == "" {
		return m.th.Dim.Render(strings.Repeat(rule, w))
	}
	text = ansi.Truncate(text, w-6, "…")
	left := rule + rule + " "
	return m.th.Dim.Render(left) + m.th.Func.Render(text) + m.th.Dim.Render(" "+strings.Repeat(rule, max(0, w-ansi.StringWidth(text)-4)))
}

// waitHintAfter is how long the cell after an interrupted one runs before
// the status bar says it may be waiting for the interrupted call.
const waitHintAfter = time.Second

func (m *Model) statusBar() string {
	w := m.width
	bar := m.th.StatusBar
	switch {
	case m.confirm != nil:
		return bar.Render(padRight(fitQuestion(" "+m.confirm.text, w), w))
	case m.asking:
		return padRight(ansi.Truncate(m.saveAs.View(), w, ""), w)
	case m.srch.active:
		match := ""
		if m.srch.at < 0 && m.srch.query != "" {
			match = " (no match)"
		}
		return bar.Render(padRight(fmt.Sprintf(" (reverse-i-search)`%s'%s  Enter accepts · Ctrl-R older · Esc cancels", m.srch.query, match), w))
	}
	var left []string
	if m.mode == modeNav {
		left = append(left, m.th.StatusKey.Render(" CELLS "))
	} else {
		left = append(left, m.th.StatusKey.Render(" EDIT "))
	}
	if m.run != nil {
		if c := m.cells.byID(m.run.id); c != nil {
			s := fmt.Sprintf("%s In[%d] %s", m.spin.View(), c.N, fmtDur(m.now.Sub(c.Started)))
			if len(m.queue) > 0 {
				s += fmt.Sprintf(" +%d queued", len(m.queue))
			}
			if m.afterInterrupt && m.now.Sub(c.Started) >= waitHintAfter {
				s += " · waiting for the interrupted call? Ctrl-C, then :reset ends it"
			}
			if !strings.Contains(s, "Ctrl-C") {
				s += " · Ctrl-C stops"
			}
			left = append(left, bar.Render(s))
		}
	}
	if m.status != "" {
		left = append(left, bar.Render(m.status))
	} else if m.mode == modeNav {
		left = append(left, bar.Render("↑↓ select · enter edit · r run · d delete · o fold · ? keys · esc back"))
	}
	right := ""
	if m.file != "" {
		right = filepath.Base(m.file)
	} else {
		right = "unsaved"
	}
	if m.dirty {
		right += "*"
	}
	right += " · F1 help "
	l := strings.Join(left, bar.Render(" "))
	lw, rw := ansi.StringWidth(l), ansi.StringWidth(right)
	if lw+rw+1 > w {
		l = ansi.Truncate(l, max(0, w-rw-2), "…")
		lw = ansi.StringWidth(l)
	}
	if lw+rw+1 > w {
		return ansi.Truncate(l, w, "")
	}
	return l + bar.Render(strings.Repeat(" ", w-lw-rw)+right)
}

func (m *Model) paneView(h int) []string {
	pw := m.paneWidth()
	border := m.th.PaneBorder.Render(m.th.G.Border)
	inner := pw - 2
	var title string
	var body []string
	switch m.pane {
	case paneVars:
		title = "Variables (F2 closes)"
		if len(m.vars) == 0 {
			body = []string{m.th.Dim.Render("no variables yet")}
		}
		nameW := 0
		for _, v := range m.vars {
			nameW = max(nameW, len(v.Name))
		}
		nameW = min(nameW, inner/3)
		for _, v := range m.vars {
			line := fmt.Sprintf("%-*s %s", nameW, ansi.Truncate(v.Name, nameW, "…"), m.th.TypeName.Render(v.Type))
			body = append(body, ansi.Truncate(line, inner, "…"))
			if v.Value != "" {
				body = append(body, "  "+m.th.Dim.Render(ansi.Truncate(firstLine(v.Value), inner-2, "…")))
			}
		}
	case paneDoc:
		title = "Help: " + m.docName + " (Esc closes)"
		body = strings.Split(m.doc.View(), "\n")
	}
	out := make([]string, h)
	out[0] = border + " " + m.th.PaneTitle.Render(ansi.Truncate(title, inner, "…"))
	for i := 1; i < h; i++ {
		l := ""
		if i-1 < len(body) {
			l = body[i-1]
		}
		out[i] = border + " " + ansi.Truncate(l, inner, "")
	}
	return out
}

// keysView is the help overlay: every binding, from the key map, and the
// meta-commands, in two columns on wide screens.
func (m *Model) keysView(h int) []string {
	section := func(title string, bs []key.Binding) []string {
		out := []string{"", "  " + m.th.PaneTitle.Render(title)}
		for _, b := range bs {
			hp := b.Help()
			out = append(out, fmt.Sprintf("    %-16s %s", hp.Key, hp.Desc))
		}
		return out
	}
	editor := section("Editor", m.keys.editorHelp())
	cells := section("Cells (after Esc)", m.keys.navHelp())
	cmds := []string{"", "  " + m.th.PaneTitle.Render("Commands (typed as a cell)")}
	for _, c := range meta.Commands {
		cmds = append(cmds, fmt.Sprintf("    %-16s %s", c.Usage, c.Summary))
	}
	foot := []string{"", m.th.Dim.Render("  Esc, q or F1 closes this; ↑/↓ scroll.")}
	var out []string
	if m.width >= 100 {
		colW := min(52, m.width/2)
		left := append(editor, foot...)
		right := append(cells, cmds...)
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = ansi.Truncate(left[i], colW-1, "…")
			}
			if i < len(right) {
				r = ansi.Truncate(right[i], m.width-colW, "…")
			}
			out = append(out, padRight(l, colW)+r)
		}
	} else {
		for _, block := range [][]string{editor, cells, cmds, foot} {
			for _, l := range block {
				out = append(out, ansi.Truncate(l, m.width, "…"))
			}
		}
	}
	// Scrolled with ↑/↓ when taller than the screen.
	m.keysOff = min(m.keysOff, max(0, len(out)-h))
	res := make([]string, h)
	copy(res, out[m.keysOff:])
	return res
}

// fitQuestion shortens a yes/no question to w columns: first it drops its
// parenthesised details (not the final choices), then it keeps the end,
// which holds the question and the choices.
func fitQuestion(q string, w int) string {
	if ansi.StringWidth(q) <= w {
		return q
	}
	last := strings.LastIndex(q, " (")
	for last > 0 {
		i := strings.Index(q, " (")
		if i < 0 || i >= last {
			break
		}
		j := strings.Index(q[i:], ")")
		if j < 0 {
			break
		}
		q = q[:i] + q[i+j+1:]
		last = strings.LastIndex(q, " (")
		if ansi.StringWidth(q) <= w {
			return q
		}
	}
	if ansi.StringWidth(q) > w {
		q = "…" + ansi.TruncateLeft(q, ansi.StringWidth(q)-w+1, "")
	}
	return q
}
