package tui

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
	"github.com/gostat/gostat/repl/tui/internal/fakekernel"
	"github.com/muesli/termenv"
)

func TestClassify(t *testing.T) {
	src := "func f(x int) string { return \"s\" } // c\n3.5"
	cl := classify(src)
	rs := []rune(src)
	at := func(sub string) class { return cl[len([]rune(src[:strings.Index(src, sub)]))] }
	for _, tc := range []struct {
		sub  string
		want class
	}{
		{"func", clKeyword}, {"f(", clFunc}, {"int", clType}, {"string", clType},
		{"return", clKeyword}, {"\"s\"", clString}, {"// c", clComment}, {"3.5", clNumber}, {"x ", clPlain},
	} {
		if got := at(tc.sub); got != tc.want {
			t.Errorf("%q: class %d, want %d", tc.sub, got, tc.want)
		}
	}
	if len(cl) != len(rs) {
		t.Fatalf("%d classes for %d runes", len(cl), len(rs))
	}
	// Unterminated string and raw string run to the end.
	for _, src := range []string{`x := "abc`, "x := `abc\ndef"} {
		cl := classify(src)
		if cl[len(cl)-1] != clString {
			t.Errorf("%q: last rune class %d, want string", src, cl[len(cl)-1])
		}
	}
	// Non-ASCII text keeps rune alignment.
	cl = classify(`s := "héllo"; n := 1`)
	if c := cl[len([]rune(`s := "héllo"; n := `))]; c != clNumber {
		t.Errorf("after non-ASCII string: class %d, want number", c)
	}
}

func TestMatchBracket(t *testing.T) {
	src := `f(a[1], "(", g(b))`
	rs := []rune(src)
	cl := classify(src)
	for _, tc := range []struct{ at, want int }{
		{1, 17}, {17, 1}, {3, 5}, {14, 16}, {9, -1}, {0, -1},
	} {
		if got := matchBracket(rs, cl, tc.at); got != tc.want {
			t.Errorf("match at %d: %d, want %d", tc.at, got, tc.want)
		}
	}
}

func TestEditorAutoIndent(t *testing.T) {
	e := newEditor()
	e.Insert("func f() {")
	e.Newline()
	e.Insert("if x {")
	e.Newline()
	e.Insert("y()")
	e.Newline()
	e.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'}'}})
	want := "func f() {\n    if x {\n        y()\n    }"
	if e.Value() != want {
		t.Fatalf("got %q want %q", e.Value(), want)
	}
	// Enter between a bracket pair opens an indented line.
	e.SetValue("g(")
	e.Insert(")")
	e.SetCursor(0, 2)
	e.Newline()
	if e.Value() != "g(\n    \n)" || e.Row() != 1 || e.Col() != 4 {
		t.Fatalf("got %q at %d:%d", e.Value(), e.Row(), e.Col())
	}
}

func TestEditorOffsetsAndWord(t *testing.T) {
	e := newEditor()
	e.SetValueCursor("héllo\nstats.Mean(x)", len("héllo\nstats.Me"))
	if e.Row() != 1 || e.Col() != 8 {
		t.Fatalf("cursor %d:%d", e.Row(), e.Col())
	}
	if got := e.Offset(); got != len("héllo\nstats.Me") {
		t.Errorf("offset %d", got)
	}
	if w := e.WordAtCursor(); w != "stats.Mean" {
		t.Errorf("word %q", w)
	}
	if !e.OnLastLine() || e.OnFirstLine() {
		t.Error("line position")
	}
}

func TestCallAtCursor(t *testing.T) {
	for src, want := range map[string]string{
		"stats.TTest(x, ":        "stats.TTest",
		"f(g(1), ":               "f",
		"f(g(1":                  "g",
		"f(x)":                   "",
		"m := map[string]int{":   "",
		"plots.Scatter(df, []s{": "",
		"x := 1":                 "",
	} {
		if got := callAtCursor(src); got != want {
			t.Errorf("callAtCursor(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestEditorView(t *testing.T) {
	th := NewTheme("dark", false)
	e := newEditor()
	e.width = 10
	e.SetValue("abcdefghijklmnop\nx")
	lines := e.View(&th, "> ", ". ", 0, true)
	want := []string{"> abcdefghij", ". klmnop", ". x "}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("view %q, want %q", lines, want)
	}
	// At most maxRows rows, scrolled to the cursor (at the end).
	lines = e.View(&th, "> ", ". ", 2, true)
	if len(lines) != 2 || lines[1] != ". x " {
		t.Errorf("scrolled view %q", lines)
	}
}

func TestHistoryNav(t *testing.T) {
	h := &memHistory{}
	h.Add("a")
	h.Add("b")
	h.Add("b") // consecutive duplicates are kept once
	var n histNav
	n.reset(h)
	if s, _ := n.prev(h, "draft"); s != "b" {
		t.Fatalf("prev %q", s)
	}
	if s, _ := n.prev(h, ""); s != "a" {
		t.Fatalf("prev %q", s)
	}
	if _, ok := n.prev(h, ""); ok {
		t.Fatal("prev past the oldest")
	}
	n.next(h)
	if s, _ := n.next(h); s != "draft" {
		t.Fatalf("next back to the draft: %q", s)
	}
	s := search{query: "a"}
	if i := s.find(h, 2); i != 0 {
		t.Errorf("search found %d", i)
	}
}

func TestCompletionPopup(t *testing.T) {
	items := []kernel.Completion{{Text: "Mean", Kind: "func", Doc: "the mean"}, {Text: "Median", Kind: "func"}}
	if p := commonPrefix(items); p != "Me" {
		t.Errorf("common prefix %q", p)
	}
	c := completion{open: true, items: items}
	c.move(-1)
	if it, _ := c.selected(); it.Text != "Median" {
		t.Errorf("wrapped to %q", it.Text)
	}
	th := NewTheme("dark", false)
	v := c.view(&th, 40)
	if len(v) != 3 || !strings.Contains(v[2], "2/2") || ansi.StringWidth(v[0]) != 40 {
		t.Errorf("popup %q", v)
	}
}

func rc80() *renderCtx {
	th := NewTheme("dark", false)
	return &renderCtx{th: &th, width: 80, gutter: 8}
}

func TestCellFoldAndScroll(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "row %d\n", i)
	}
	c := &Cell{ID: 1, N: 1, Src: "x", State: OK, Output: b.String()}
	lines := c.lines(rc80())
	// header + foldKeep lines + fold note + blank
	if len(lines) != 1+foldKeep+1+1 || !strings.Contains(lines[len(lines)-2], "20 more lines") {
		t.Fatalf("folded: %d lines, %q", len(lines), lines[len(lines)-2])
	}
	c.Expanded = true
	if n := len(c.lines(rc80())); n != 1+40+1 {
		t.Errorf("expanded: %d lines", n)
	}
	w := &Cell{ID: 2, N: 2, Src: "w", State: OK, Output: strings.Repeat("0123456789", 12) + "\n"}
	out := w.lines(rc80())[1]
	if ansi.StringWidth(out) != 80 || !strings.HasSuffix(out, "›") {
		t.Errorf("wide line not cut with a marker: %q", out)
	}
	w.XOff = 8
	if out := w.lines(rc80())[1]; !strings.Contains(out, "89012345") {
		t.Errorf("scrolled line %q", out)
	}
}

func TestCellErrorAndProgress(t *testing.T) {
	c := &Cell{ID: 1, N: 3, Src: "f()", State: Failed,
		Err: &kernel.Error{Kind: kernel.Runtime, Message: "index out of range", Line: 2, Col: 7, Hint: "check len(x)", Stack: "f()\n\tcell:2"}}
	got := strings.Join(c.lines(rc80()), "\n")
	for _, want := range []string{"error", "runtime error: line 2:7: index out of range", "hint: check len(x)", "cell:2"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	th := NewTheme("dark", false)
	th.ASCIIOnly()
	if p := progressBar("fit", 3, 10, 60, &th); !strings.Contains(p, " 30% (3/10)") || !strings.Contains(p, "###") {
		t.Errorf("progress %q", p)
	}
}

func TestSanitizeOutput(t *testing.T) {
	in := "a\tb\x1b[2J\x1b[31mred\x1b[0m\nloading 10%\rloading 100%\n\x07bell"
	want := "a       bred\nloading 100%\nbell"
	if got := sanitizeOutput(in); got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestCellListScrolling(t *testing.T) {
	l := newCellList()
	for i := 0; i < 10; i++ {
		l.cells = append(l.cells, &Cell{ID: i + 1, N: i + 1, Src: fmt.Sprintf("c%d", i), State: OK, Output: "o\n"})
	}
	rc := rc80()
	// Each cell is 3 lines (input, output, blank); 30 in all, 9 shown.
	v := l.view(9, rc)
	if len(v) != 9 || !strings.Contains(v[6], "c9") {
		t.Fatalf("bottom view %q", v)
	}
	l.scroll(-9, 9, rc)
	if v := l.view(9, rc); !strings.Contains(v[6], "c6") || l.follow {
		t.Fatalf("after scrolling up: %q", v)
	}
	l.scroll(100, 9, rc)
	if !l.follow {
		t.Error("scrolling to the end must follow new output again")
	}
	l.sel = 0
	l.reveal(9, rc)
	if v := l.view(9, rc); !strings.Contains(v[0], "c0") {
		t.Errorf("reveal first: %q", v)
	}
	l.sel = 9
	l.reveal(9, rc)
	if v := l.view(9, rc); !strings.Contains(v[6], "c9") {
		t.Errorf("reveal last: %q", v)
	}
}

func TestNotebookOfCells(t *testing.T) {
	m := New(nil, testOptions())
	m.cells.cells = []*Cell{
		{ID: 1, Src: "A tiny notebook.", Prose: true},
		{ID: 2, Src: "x := 1", State: OK},
		{ID: 3, Src: "x", State: OK, Displays: []display.Bundle{display.Text("v", "1")}},
		{ID: 4, Src: "boom()", State: Failed, Err: &kernel.Error{Message: "boom"}},
		{ID: 5, Src: ":vars", State: OK},
		{ID: 6, Src: "y := 2", State: Loaded, Recorded: ""},
	}
	nb, kept, skipped := m.notebook()
	want := "// %% [markdown]\n// A tiny notebook.\n\n// %%\nx := 1\n\n// %%\nx\n// Output:\n// 1\n\n// %%\ny := 2\n"
	if got := string(nb.Bytes()); got != want || kept != 3 || skipped != 1 {
		t.Errorf("kept %d skipped %d script:\n%s\nwant:\n%s", kept, skipped, got, want)
	}
}

func TestThemeNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	o := Options{}.normalized()
	if !o.NoColor {
		t.Error("NO_COLOR must turn colour off")
	}
	t.Setenv("COLORFGBG", "0;15")
	if themeFromEnv() != "light" {
		t.Error("COLORFGBG with a white background is the light theme")
	}
}

func TestFileHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "history")
	// Line mode writes one entry per line.
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte("x := 1\nfmt.Println(\"a\\nb\")\n"), 0o600)
	h := OpenHistory(path)
	h.Add("func f() {\n    return\n}")
	h.Add("func f() {\n    return\n}")
	again := OpenHistory(path)
	want := []string{"x := 1", `fmt.Println("a\nb")`, "func f() {\n    return\n}"}
	if got := again.Entries(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("entries %q, want %q", got, want)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "func f() {␤    return␤}\n") {
		t.Errorf("file %q", b)
	}
}

func TestSignature(t *testing.T) {
	k := fakekernel.New()
	if got := signature(k, "stats.TTest"); got != "stats.TTest(x, y []float64) *TTestResult — TTest is Welch's two-sample t-test." {
		t.Errorf("signature %q", got)
	}
}

func TestKittyImageLines(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 400, 160)))
	b := display.Bundle{Kind: "plot", Text: "text form", PNG: buf.Bytes()}
	lines, ok := KittyImages(false)(b, 40)
	if !ok || len(lines) != 8 {
		t.Fatalf("ok %v, %d lines (want 40 cols × 8 rows)", ok, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 40 {
			t.Errorf("line %d is %d columns wide", i, w)
		}
	}
	if !strings.Contains(lines[0], "\x1b_G") {
		t.Error("first line must carry the kitty transmit sequence")
	}
	// In a cell, the image replaces the text form; without an image
	// renderer the text form shows.
	c := &Cell{ID: 1, N: 1, Src: "plot", State: OK, Displays: []display.Bundle{b}}
	rc := rc80()
	rc.image = KittyImages(false)
	if got := strings.Join(c.lines(rc), "\n"); strings.Contains(got, "text form") {
		t.Error("image renderer not used")
	}
	c.invalidate()
	if got := strings.Join(c.lines(rc80()), "\n"); !strings.Contains(got, "text form") {
		t.Error("text form not used without an image renderer")
	}
}

func TestBalanceSGR(t *testing.T) {
	in := []string{"\x1b[1mbold", "still\x1b[0m plain", "plain", "\x1b[31mred"}
	want := []string{"\x1b[1mbold\x1b[m", "\x1b[1mstill\x1b[0m plain\x1b[m", "plain", "\x1b[31mred\x1b[m"}
	got := balanceSGR(in)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestHeadOf(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		head string
		rest int
	}{
		{"a\nb\nc\n", 2, "a\nb\n", 1},
		{"a\nb\nc", 2, "a\nb\n", 1},
		{"a\nb\n", 2, "a\nb\n", 0},
		{"a\nb", 5, "a\nb", 0},
		{"a\nb\nc\nd\n", 1, "a\n", 3},
	} {
		head, rest := headOf(tc.s, tc.n)
		if head != tc.head || rest != tc.rest {
			t.Errorf("headOf(%q, %d) = %q, %d", tc.s, tc.n, head, rest)
		}
	}
}

// A cell that prints a great deal stays cheap to draw while folded.
func TestHugeOutputFolded(t *testing.T) {
	c := &Cell{ID: 1, N: 1, Src: "p", State: OK, Output: strings.Repeat("0123456789\n", 200000)}
	lines := c.lines(rc80())
	if len(lines) != 1+foldKeep+1+1 || !strings.Contains(lines[len(lines)-2], "199980 more lines") {
		t.Errorf("%d lines; fold note %q", len(lines), lines[len(lines)-2])
	}
}

// No key does two things in the same mode, and every binding has help.
func TestKeyMapHasNoClashes(t *testing.T) {
	k := newKeyMap()
	for name, group := range map[string][]key.Binding{"editor": k.editorHelp(), "cells": k.navHelp()} {
		seen := map[string]string{}
		for _, b := range group {
			h := b.Help()
			if h.Key == "" || h.Desc == "" {
				t.Errorf("%s: binding %v without help", name, b.Keys())
			}
			for _, kk := range b.Keys() {
				if prev, ok := seen[kk]; ok {
					t.Errorf("%s: %q bound to %q and %q", name, kk, prev, h.Desc)
				}
				seen[kk] = h.Desc
			}
		}
	}
}

// Any screen size draws without panicking, in every mode.
func TestTinyAndOddSizes(t *testing.T) {
	m := notebookWith(12, false)
	m.ed.SetValue("func f() {\n    return 1\n}")
	for _, sz := range [][2]int{{1, 1}, {10, 3}, {20, 5}, {33, 9}, {80, 24}, {300, 100}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, f := range []func(){
			func() { m.mode = modeEdit; m.pane = paneNone; m.showKeys = false },
			func() { m.pane = paneVars },
			func() { m.pane = paneDoc; m.doc.SetContent("doc text") },
			func() { m.showKeys = true },
			func() { m.showKeys = false; m.mode = modeNav; m.cells.sel = 3 },
			func() { m.comp = completion{open: true, items: []kernel.Completion{{Text: "a"}, {Text: "b"}}} },
		} {
			f()
			m.layout()
			_ = m.View()
		}
		m.comp.close()
	}
}

// Enter above the last line of a complete multi-line cell edits it; on the
// last line it runs the cell.
func TestEnterInsideMultiLineCell(t *testing.T) {
	m := New(fakekernel.New(), testOptions())
	m.ed.SetValueCursor("x := 1\ny := 2", len("x := 1"))
	m.key(tea.KeyMsg{Type: tea.KeyEnter})
	if got := m.ed.Value(); got != "x := 1\n\ny := 2" || len(m.cells.cells) != 0 {
		t.Fatalf("editor %q, %d cells", got, len(m.cells.cells))
	}
	m.ed.SetValue("x := 1\ny := 2")
	m.key(tea.KeyMsg{Type: tea.KeyEnter})
	if len(m.cells.cells) != 1 || m.ed.Value() != "" {
		t.Fatalf("not run: editor %q, %d cells", m.ed.Value(), len(m.cells.cells))
	}
}

// In colour, both themes draw styled lines that fit the screen exactly.
func TestColourThemesFitTheScreen(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, theme := range []string{"dark", "light"} {
		opts := testOptions()
		opts.NoColor, opts.Theme = false, theme
		m := New(fakekernel.New(), opts)
		m.cells.cells = notebookWith(6, true).cells.cells
		m.ed.SetValue(`s := "x" // note`)
		for _, p := range []paneKind{paneNone, paneVars} {
			m.pane = p
			m.layout()
			m.cells.invalidateAll()
			v := m.View()
			if !strings.Contains(v, "\x1b[") {
				t.Errorf("%s: no colour in the view", theme)
			}
			lines := strings.Split(v, "\n")
			if len(lines) != opts.Height {
				t.Errorf("%s: %d lines, want %d", theme, len(lines), opts.Height)
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > opts.Width {
					t.Errorf("%s pane %d: line %d is %d wide: %q", theme, p, i, w, l)
				}
			}
		}
	}
}

// Accepting a column name inside a string literal closes the string, or
// steps over its closing quote replacing the rest of the name.
func TestAcceptColumnCompletionClosesString(t *testing.T) {
	for _, tc := range []struct {
		src, want string // src has | at the cursor; want has | at the new cursor
		text      string
	}{
		{`cars.GroupBy("c|`, `cars.GroupBy("cyl"|`, "cyl"},
		{`cars.GroupBy("c|)`, `cars.GroupBy("cyl"|)`, "cyl"},
		{`cars.GroupBy("c|yl")`, `cars.GroupBy("cyl"|)`, "cyl"},
		{`cars.GroupBy("c|").Mean("mpg")`, `cars.GroupBy("cyl"|).Mean("mpg")`, "cyl"},
		{"aq.Col(`So|", "aq.Col(`Solar.R`|", "Solar.R"},
		{`aq.Col("So|lar.R")`, `aq.Col("Solar.R"|)`, "Solar.R"},
		// Expressions and formulas go on after the name: the string stays open.
		{`cars.Filter("mp|`, `cars.Filter("mpg|`, "mpg"},
		{`cars.Mutate("kpl", "mp|`, `cars.Mutate("kpl", "mpg|`, "mpg"},
		{`models.OLS("mp|`, `models.OLS("mpg|`, "mpg"},
		{`g.Agg("mean(mp|`, `g.Agg("mean(mpg|`, "mpg"},
	} {
		m := notebookWith(0, false)
		at := strings.Index(tc.src, "|")
		src := strings.Replace(tc.src, "|", "", 1)
		m.ed.SetValueCursor(src, at)
		start := at
		for start > 0 && isNameByte(src[start-1]) {
			start--
		}
		m.comp = completion{open: true, items: []kernel.Completion{{Text: tc.text, Kind: "column"}}, start: start, end: at, src: src}
		m.acceptCompletion()
		got := m.ed.Value()
		off := m.ed.Offset()
		if g := got[:off] + "|" + got[off:]; g != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, g, tc.want)
		}
	}
	// Other kinds are unchanged: a func gets its "(".
	m := notebookWith(0, false)
	m.ed.SetValueCursor("stats.Me", 8)
	m.comp = completion{open: true, items: []kernel.Completion{{Text: "Mean", Kind: "func"}}, start: 6, end: 8}
	m.acceptCompletion()
	if got := m.ed.Value(); got != "stats.Mean(" {
		t.Errorf("func completion: %q", got)
	}
}

// Help text is reflowed to the pane: a prose paragraph broken near 80
// columns by go doc leaves no orphan lines at a narrower width, while code,
// declarations and indented member lists keep their lines.
func TestWrapDocReflowsParagraphs(t *testing.T) {
	doc := "func TTest(x []float64, opts ...Opt) (*HTest, error)\n\n" +
		"TTest performs the one-sample t-test of H0: mu = Opt.Mu (R's\n" +
		"t.test(x, mu = )): t = (mean - mu0)/(s/sqrt n) with n-1 degrees of\n" +
		"freedom. NaN values are dropped.\n\n" +
		"Methods:\n  func (p *Plot) Fit() *Plot\n  func (p *Plot) Title(s string) *Plot\n\n" +
		"\tx := stats.TTest(df.Col(\"x\"))\n" +
		"type Opt struct {\n\tMu float64\n}\n"
	got := wrapDoc(doc, 40)
	want := "func TTest(x []float64, opts ...Opt)\n(*HTest, error)\n\n" +
		"TTest performs the one-sample t-test of\nH0: mu = Opt.Mu (R's t.test(x, mu = )):\n" +
		"t = (mean - mu0)/(s/sqrt n) with n-1\ndegrees of freedom. NaN values are\ndropped.\n\n" +
		"Methods:\n  func (p *Plot) Fit() *Plot\n  func (p *Plot) Title(s string) *Plot\n\n" +
		"\tx := stats.TTest(df.Col(\"x\"))\n" +
		"type Opt struct {\n\tMu float64\n}"
	want = strings.ReplaceAll(want, "\t", "        ") // tabs expand to the next stop
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// Saving from a window whose outputs are not 80 columns wide records the
// width in the script, so that gostat check lays the outputs out the same.
func TestSaveRecordsWidth(t *testing.T) {
	m := notebookWith(0, false)
	m.opts.ASCII = true
	path := filepath.Join(t.TempDir(), "s.gost")
	if msg := m.save(path)().(savedMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	nb, err := notebooks.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	w := m.displayOptions().Width
	if w == 80 {
		t.Fatalf("test window gives 80-column outputs; pick another size")
	}
	if nb.Width() != w || !nb.ASCII() {
		t.Errorf("saved width %d ascii %v, want %d true:\n%s", nb.Width(), nb.ASCII(), w, nb.Bytes())
	}
	m.onSaved(savedMsg{path: path, kept: 2})
	if !strings.Contains(m.status, "saved 2 cells to "+path) {
		t.Errorf("status %q", m.status)
	}
}

// A script opened and saved without running its cells keeps the layout its
// outputs were recorded with.
func TestSaveKeepsLoadedLayout(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in.gost")
	if err := os.WriteFile(src, []byte("//gostat:width 100\n\n// %%\nprint a\n// Output:\n// a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := notebookWith(0, false)
	if err := m.loadCells(src); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.gost")
	if msg := m.save(out)().(savedMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	nb, err := notebooks.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if nb.Width() != 100 || nb.ASCII() {
		t.Errorf("saved layout %d/%v, want the loaded 100 columns:\n%s", nb.Width(), nb.ASCII(), nb.Bytes())
	}
}

// A long yes/no question keeps its start (how many cells) by dropping its
// parenthesised details before cutting, and always keeps the choices.
func TestFitQuestion(t *testing.T) {
	q := " Found 3 cells of a gostat session (process 3632, 2026-11-26 01:12) that ended without :quit. Recover them? (y/n)"
	for _, tc := range []struct {
		w    int
		want string
	}{
		{200, q},
		{100, " Found 3 cells of a gostat session that ended without :quit. Recover them? (y/n)"},
		{40, "…nded without :quit. Recover them? (y/n)"},
	} {
		got := fitQuestion(q, tc.w)
		if ansi.StringWidth(got) > tc.w {
			t.Errorf("width %d: %q is %d wide", tc.w, got, ansi.StringWidth(got))
		}
		if got != tc.want {
			t.Errorf("width %d: got %q, want %q", tc.w, got, tc.want)
		}
	}
}

// After an interrupted cell, a next cell that takes a while is explained:
// the kernel waits for the interrupted compiled call (time.Sleep) to end.
func TestWaitHintAfterInterrupt(t *testing.T) {
	m := notebookWith(2, false)
	first, second := m.cells.cells[0], m.cells.cells[1]
	m.run = &runState{id: first.ID, cancel: func() {}}
	m.onDone(evalDoneMsg{id: first.ID, res: kernel.Result{Err: &kernel.Error{Kind: kernel.Interrupted, Message: "interrupted"}}})
	if !m.afterInterrupt {
		t.Fatal("an interrupted cell does not set afterInterrupt")
	}
	m.run = &runState{id: second.ID, cancel: func() {}}
	second.Started = m.now.Add(-waitHintAfter / 2)
	if s := ansi.Strip(m.statusBar()); strings.Contains(s, "interrupted call") {
		t.Errorf("hint shown too early: %q", s)
	}
	second.Started = m.now.Add(-2 * waitHintAfter)
	if s := ansi.Strip(m.statusBar()); !strings.Contains(s, "waiting for the interrupted call") {
		t.Errorf("no hint after %v: %q", 2*waitHintAfter, s)
	}
	m.onDone(evalDoneMsg{id: second.ID, res: kernel.Result{Output: "ok\n"}})
	if m.afterInterrupt {
		t.Error("a completed cell leaves afterInterrupt set")
	}
}

// The help pane opens on the first of the names the kernel documents (the
// kernel's Doc resolves R names and names without their package).
func TestDocCmd(t *testing.T) {
	// The pane opens on the first candidate the kernel documents.
	m := notebookWith(0, false)
	msg := m.docCmd("Median2", "Mean")().(docMsg)
	if !msg.ok || msg.name != "Mean" {
		t.Errorf("docCmd: %+v", msg)
	}
	msg = m.docCmd("nothing")().(docMsg)
	if msg.ok || msg.name != "nothing" {
		t.Errorf("unknown name: %+v", msg)
	}
}

// The signature hint shows the first sentence of the documentation, not
// the declaration again.
func TestDocSummary(t *testing.T) {
	doc := "func TTest(x []float64, opts ...Opt) (*HTest, error)\n\nTTest performs the one-sample t-test of H0: mu = Opt.Mu (R's\nt.test(x, mu = )). NaN values are dropped.\n"
	if got := docSummary(doc); got != "TTest performs the one-sample t-test of H0: mu = Opt.Mu (R's t.test(x, mu = ))." {
		t.Errorf("summary %q", got)
	}
	typ := "type Opt struct {\n\tMu float64\n}\n\nOpt are the options of the tests"
	if got := docSummary(typ); got != "Opt are the options of the tests" {
		t.Errorf("type summary %q", got)
	}
	if docSummary("func F()") != "" || !isDecl("func (f *Frame) Filter(expr string) *Frame") || isDecl("Filter keeps rows") {
		t.Error("declaration handling")
	}
}

// Saving into a folder that does not exist says so, instead of naming the
// temporary file the save writes first.
func TestSaveMissingFolder(t *testing.T) {
	m := notebookWith(1, false)
	path := filepath.Join(t.TempDir(), "no", "such", "s.gost")
	msg := m.save(path)().(savedMsg)
	m.onSaved(msg)
	if want := "the folder " + filepath.Dir(path) + " does not exist"; !strings.Contains(m.status, want) {
		t.Errorf("status %q, want %q", m.status, want)
	}
}

// A completion candidate whose doc line is only its declaration shows the
// first sentence of its documentation in the popup instead.
func TestCompletionDocSummary(t *testing.T) {
	m := notebookWith(0, false)
	m.comp = completion{open: true, seq: 3, src: "stats.Me", start: 6, end: 8,
		items: []kernel.Completion{{Text: "Mean", Kind: "func", Detail: "func([]float64) float64", Doc: "func Mean(x []float64) float64"}}}
	if v := strings.Join(m.comp.view(&m.th, 80), "\n"); strings.Contains(v, "func Mean(x") {
		t.Errorf("the declaration is repeated as the doc line:\n%s", v)
	}
	cmd := m.compDocCmd()
	if cmd == nil {
		t.Fatal("no doc request for a declaration-only doc line")
	}
	m.Update(cmd())
	if v := ansi.Strip(strings.Join(m.comp.view(&m.th, 80), "\n")); !strings.Contains(v, "Mean returns the arithmetic mean of x") {
		t.Errorf("popup lacks the doc summary:\n%s", v)
	}
	if m.compDocCmd() != nil {
		t.Error("the same candidate's doc is asked twice")
	}
	if got := qualifierBefore("x := stats"); got != "stats" {
		t.Errorf("qualifier %q", got)
	}
}
