package tui

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// State is where a cell is in its life.
type State int

const (
	// Loaded: the cell came from a script and has not run in this session
	// (its recorded output, if any, is shown).
	Loaded State = iota
	// Queued: waiting for earlier cells to finish.
	Queued
	// Running: the kernel is evaluating it.
	Running
	// OK: it ran without error.
	OK
	// Failed: it ran and failed.
	Failed
	// Interrupted: the user stopped it.
	Interrupted
)

// foldAt and foldKeep: outputs longer than foldAt lines show their first
// foldKeep lines until expanded.
const (
	foldAt   = 30
	foldKeep = 20
)

// Cell is one notebook cell: its source and what running it produced.
type Cell struct {
	ID  int    // unique within the session, stable across edits
	N   int    // execution count of its last run (0: never run here)
	Src string // the Go code (or meta-command) typed

	State    State
	Output   string           // printed text
	live     strings.Builder  // Output while the cell runs
	Displays []display.Bundle // displays, in order
	// DisplayAt[i] is len(Output) when Displays[i] was shown, so that
	// printed text and displays interleave as the cell produced them.
	DisplayAt []int
	Err       *kernel.Error
	Warnings  []string
	Meta      string // output of a meta-command (not kept in scripts)
	Recorded  string // output recorded in the script it was loaded from
	Prose     bool   // a Markdown cell of a script (shown, never run)
	// IgnoreOutput: the script marks the output as not compared.
	IgnoreOutput bool
	Dur          time.Duration
	Started      time.Time

	Task        string // progress of a long builtin
	Done, Total int

	replay   bool // re-run to rebuild state: not journaled again
	Expanded bool // long output shown in full
	XOff     int  // sideways scroll of the output, in columns

	// render cache
	cache    []string
	cacheKey string
}

// Text is the cell's plain output as scripts record it.
func (c *Cell) Text() string {
	return c.result().Text()
}

// result is what the cell shows, as a kernel result.
func (c *Cell) result() kernel.Result {
	return kernel.Result{Output: c.Output, Displays: c.Displays, DisplayAt: c.DisplayAt}
}

func (c *Cell) invalidate() { c.cache = nil }

// renderCtx is what rendering a cell depends on.
type renderCtx struct {
	th       *Theme
	width    int // full width of the history area
	gutter   int // width of the "In [n] " column
	selected bool
	now      time.Time
	spinner  string
	// image renders a display's PNG as terminal lines (kitty placeholders);
	// nil or ok=false falls back to the text forms.
	image func(b display.Bundle, width int) (lines []string, ok bool)
}

// lines renders the cell (cached until its content, the width or the
// selection changes). A running cell is rendered afresh each time.
func (c *Cell) lines(rc *renderCtx) []string {
	key := fmt.Sprintf("%d/%d/%v/%v/%d", rc.width, rc.gutter, rc.selected, c.Expanded, c.XOff)
	if c.State == Running {
		key += "/" + rc.spinner + rc.now.Format("15:04:05.0")
	}
	if c.cache != nil && c.cacheKey == key {
		return c.cache
	}
	c.cache = c.render(rc)
	c.cacheKey = key
	return c.cache
}

func label(word string, n int) string {
	if n <= 0 {
		return word + "[ ]"
	}
	return fmt.Sprintf("%s[%d]", word, n)
}

func (c *Cell) statusText(rc *renderCtx) string {
	th := rc.th
	switch c.State {
	case Loaded:
		return th.Dim.Render("not run")
	case Queued:
		return th.Dim.Render("queued")
	case Running:
		s := rc.spinner + " running " + fmtDur(rc.now.Sub(c.Started))
		return th.Running.Render(s)
	case OK:
		return th.OK.Render("ok") + th.Dim.Render(" "+fmtDur(c.Dur))
	case Failed:
		kind := "error"
		if c.Err != nil && c.Err.Kind == kernel.KernelDied {
			kind = "kernel died"
		}
		return th.Error.Render(kind) + th.Dim.Render(" "+fmtDur(c.Dur))
	case Interrupted:
		return th.Warning.Render("interrupted") + th.Dim.Render(" "+fmtDur(c.Dur))
	}
	return ""
}

func (c *Cell) render(rc *renderCtx) []string {
	th := rc.th
	bodyW := max(10, rc.width-rc.gutter)
	pad := strings.Repeat(" ", rc.gutter)
	// prefix styles a gutter text (which starts with a space); the
	// selected cell shows a bar in that first column.
	prefix := func(text string, st lipgloss.Style) string {
		if rc.selected {
			return th.Selected.Render(th.G.Mark) + st.Render(text[1:])
		}
		return st.Render(text)
	}
	plain := lipgloss.NewStyle()
	gap := prefix(pad, plain)
	var out []string

	// Input, with the status on the right of the first line when it fits.
	src, _ := renderSource(c.Src, th, bodyW, -1, nil)
	if len(src) == 0 {
		src = []string{""}
	}
	inLabel := prefix(padRight(" "+label("In ", c.N), rc.gutter), th.Prompt)
	if c.Prose {
		inLabel = gap
		src = nil
		for _, l := range splitLines(c.Src) {
			src = append(src, th.Dim.Render(ansi.Truncate(l, bodyW, "…")))
		}
	}
	for i, l := range src {
		p := gap
		if i == 0 {
			p = inLabel
		}
		out = append(out, p+l)
	}
	if c.Prose {
		return append(out, "")
	}
	status := c.statusText(rc)
	if line, ok := joinRight(out[0], status, rc.width); ok {
		out[0] = line
	} else {
		out = append(out, gap+status)
	}

	// Output.
	var body []string
	var images []bool // body line is part of an image: never cut sideways
	add := func(lines []string, img bool) {
		body = append(body, lines...)
		for range lines {
			images = append(images, img)
		}
	}
	if c.State == Loaded && c.Output == "" && len(c.Displays) == 0 && c.Err == nil {
		if c.Recorded != "" {
			for _, l := range splitLines(sanitizeOutput(c.Recorded)) {
				add([]string{th.Dim.Render(l)}, false)
			}
		}
	}
	if c.Meta != "" {
		add(splitLines(c.Meta), false)
	}
	hidden := 0 // output lines not laid out because the output is folded
	text := func(t string) {
		if !c.Expanded {
			// Only the head of a long output is shown: lay out no more
			// than that, and count the rest.
			n := 0
			t, n = headOf(t, max(foldAt+1-len(body), 0))
			hidden += n
			if t == "" {
				return
			}
		}
		add(splitLines(sanitizeOutput(t)), false)
	}
	disp := func(_ int, d display.Bundle) {
		if rc.image != nil && len(d.PNG) > 0 {
			if img, ok := rc.image(d, bodyW); ok {
				add(img, true)
				return
			}
		}
		txt := d.Text
		if th.Color && d.ANSI != "" {
			txt = d.ANSI
			add(balanceSGR(trimBlankTail(splitLines(strings.ReplaceAll(txt, "\t", "        ")))), false)
			return
		}
		add(splitLines(sanitizeOutput(txt)), false)
	}
	c.result().Interleave(text, disp)
	for _, w := range c.Warnings {
		add([]string{th.Warning.Render("warning: " + w)}, false)
	}
	if c.Err != nil {
		add(errorLines(c.Err, th, bodyW), false)
	}
	if c.State == Running && c.Total > 0 {
		add([]string{progressBar(c.Task, c.Done, c.Total, bodyW, th)}, false)
	}

	folded := 0
	if !c.Expanded && len(body)+hidden > foldAt {
		folded = len(body) + hidden - foldKeep
		body = body[:foldKeep]
	}
	outLabel := prefix(padRight(" "+label("Out", c.N), rc.gutter), th.OutPrompt)
	for i, l := range body {
		p := gap
		if i == 0 {
			p = outLabel
		}
		if !images[i] {
			l = fitLine(l, c.XOff, bodyW, th)
		}
		out = append(out, p+l)
	}
	if folded > 0 {
		out = append(out, gap+th.Dim.Render(fmt.Sprintf("%s %d more lines (select the cell with Esc, o expands)", th.G.More, folded)))
	}
	if c.XOff > 0 {
		out = append(out, gap+th.Dim.Render(fmt.Sprintf("%s scrolled %d columns (h or left arrow goes back)", th.G.Back, c.XOff)))
	}
	out = append(out, "")
	return out
}

// errorLines formats a cell error: message with position, hint, stack.
func errorLines(e *kernel.Error, th *Theme, width int) []string {
	var out []string
	msg := e.Message
	if e.Line > 0 {
		msg = fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, msg)
	}
	head := string(e.Kind) + " error: "
	switch e.Kind {
	case kernel.Interrupted:
		head = "interrupted: "
		if strings.Contains(strings.ToLower(msg), "interrupt") {
			head = ""
		}
	case kernel.KernelDied:
		head = "kernel died: "
	case kernel.Unsupported:
		head = "not supported by the interpreter: "
	}
	for _, l := range wrapText(head+msg, width) {
		out = append(out, th.ErrorText.Render(l))
	}
	if e.Hint != "" {
		for _, l := range wrapText("hint: "+e.Hint, width) {
			out = append(out, th.Dim.Render(l))
		}
	}
	for _, l := range splitLines(e.Stack) {
		out = append(out, th.Dim.Render(sanitizeOutput(l)))
	}
	return out
}

// wrapText wraps plain text to width columns.
func wrapText(s string, width int) []string {
	return splitLines(ansi.Wrap(sanitizeOutput(s), width, " "))
}

// progressBar draws "task ━━━━━━╺━━━━ 40% (4/10)".
func progressBar(task string, done, total, width int, th *Theme) string {
	frac := 0.0
	if total > 0 {
		frac = min(1, max(0, float64(done)/float64(total)))
	}
	tail := fmt.Sprintf(" %3.0f%% (%d/%d)", frac*100, done, total)
	head := task + " "
	barW := max(10, min(40, width-ansi.StringWidth(head)-len(tail)))
	full := int(frac * float64(barW))
	bar := strings.Repeat(th.G.Full, full) + strings.Repeat(th.G.Empty, barW-full)
	return head + th.Progress.Render(bar) + tail
}

// fmtDur formats a duration briefly: 830µs, 12ms, 1.4s, 2m03s.
func fmtDur(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}

// trimBlankTail drops trailing lines that show nothing (only escapes or
// spaces).
func trimBlankTail(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// balanceSGR makes every line of a styled text self-contained: a style
// still open at the end of a line is closed there and opened again at the
// start of the next, so that lines can be drawn, cut and redrawn one at a
// time (bubbletea redraws only changed lines) without colour bleeding into
// the gutter or the status bar.
func balanceSGR(lines []string) []string {
	carry := ""
	out := make([]string, len(lines))
	for i, l := range lines {
		seqs := sgrRE.FindAllString(l, -1)
		if carry == "" && len(seqs) == 0 {
			out[i] = l
			continue
		}
		out[i] = carry + l + "\x1b[m"
		for _, q := range seqs {
			p := q[2 : len(q)-1]
			if p == "" || p == "0" {
				carry = ""
			} else if strings.HasPrefix(p, "0;") {
				carry = q
			} else {
				carry += q
			}
		}
	}
	return out
}

// headOf returns the first n lines of s (with their newlines) and the
// number of lines after them.
func headOf(s string, n int) (head string, rest int) {
	i, k := 0, 0
	for k < n {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return s, 0
		}
		i += j + 1
		k++
	}
	if i >= len(s) {
		return s, 0
	}
	tail := s[i:]
	rest = strings.Count(tail, "\n")
	if !strings.HasSuffix(tail, "\n") {
		rest++
	}
	return s[:i], rest
}
