package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/gostat/gostat/repl/tui/internal/fakekernel"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var fixedNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func testOptions() Options {
	return Options{NoColor: true, Width: 80, Height: 24, Now: func() time.Time { return fixedNow }}
}

func newTest(t *testing.T, opts Options) (*teatest.TestModel, *fakekernel.Kernel) {
	t.Helper()
	k := fakekernel.New()
	tm := teatest.NewTestModel(t, New(k, opts), teatest.WithInitialTermSize(opts.Width, opts.Height))
	return tm, k
}

func enter(tm *teatest.TestModel) { tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) }

// typeCell types src and presses Enter.
func typeCell(tm *teatest.TestModel, src string) {
	tm.Type(src)
	enter(tm)
}

func waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	return fm.(*Model).View()
}

// TestNotebookGolden runs cells of every kind and compares the final screen.
func TestNotebookGolden(t *testing.T) {
	tm, _ := newTest(t, testOptions())
	typeCell(tm, "x := 42")
	typeCell(tm, "x")
	waitFor(t, tm, "Out[2]")
	typeCell(tm, "print hello, world")
	typeCell(tm, "fail")
	waitFor(t, tm, "declare it first")
	typeCell(tm, "plot")
	waitFor(t, tm, "In [6]")
	// A multi-line cell: Enter inside braces inserts a newline with indent.
	tm.Type("func f() {")
	enter(tm)
	tm.Type("return")
	enter(tm)
	tm.Type("}")
	enter(tm)
	waitFor(t, tm, "In [7]")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm)))
}

// TestInterruptGolden interrupts a runaway cell with Ctrl-C.
func TestInterruptGolden(t *testing.T) {
	tm, _ := newTest(t, testOptions())
	typeCell(tm, "for {}")
	waitFor(t, tm, "Ctrl-C stops")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	waitFor(t, tm, "interrupted by the user")
	typeCell(tm, "print still alive")
	waitFor(t, tm, "In [3]")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm)))
}

// TestCompletionGolden shows the popup with the selected item's doc line.
func TestCompletionGolden(t *testing.T) {
	tm, _ := newTest(t, testOptions())
	tm.Type("stats.M")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	waitFor(t, tm, "Mean returns")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitFor(t, tm, "2/2")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm)))
}

// TestPanesGolden shows the variables pane and the help pane.
func TestPanesGolden(t *testing.T) {
	tm, _ := newTest(t, testOptions())
	typeCell(tm, "alpha := 0.05")
	typeCell(tm, "n := 30")
	waitFor(t, tm, "In [3]")
	tm.Send(tea.KeyMsg{Type: tea.KeyF2})
	waitFor(t, tm, "Variables")
	tm.Type("stats.Mean(x")
	tm.Send(tea.KeyMsg{Type: tea.KeyF1})
	waitFor(t, tm, "Help: stats.Mean")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm)))
}

// TestNavigateEditRerun selects an earlier cell, edits it and re-runs it in
// place, deletes another and checks the saved script.
func TestNavigateEditRerun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.gost")
	opts := testOptions()
	opts.Width = 140 // room for the temporary path in the status line
	tm, _ := newTest(t, opts)
	typeCell(tm, "a := 1")
	typeCell(tm, "print one")
	typeCell(tm, "print two")
	waitFor(t, tm, "In [4]")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc}) // navigation: last cell selected
	tm.Type("k")                          // "print one"
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Ed [2]")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
	tm.Type("print ONE")
	enter(tm)
	waitFor(t, tm, "ONE")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Type("d") // deletes "print two"
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Type(":save " + path)
	enter(tm)
	waitFor(t, tm, "saved 2 cells")
	view := finalView(t, tm)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "//gostat:width 132\n\n// %%\na := 1\n\n// %%\nprint ONE\n// Output:\n// ONE\n" // the outputs were laid out for 132 columns
	if string(got) != want {
		t.Errorf("saved script:\n%s\nwant:\n%s\nscreen:\n%s", got, want, view)
	}
	// The status line names the temporary file, whose name varies in length.
	view = strings.ReplaceAll(view, dir, "DIR")
	view = regexp.MustCompile(`gost +s\.gost`).ReplaceAllString(view, "gost  s.gost")
	teatest.RequireEqualOutput(t, []byte(view))
}

// TestOpenAndReplay opens a script, answers y to run it, and checks the
// cells ran in order.
func TestOpenAndReplay(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.gost")
	script := "// %% [markdown]\n// A tiny notebook.\n\n// %%\nv := 7\n\n// %%\nv\n// Output:\n// 7\n"
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.File = path
	tm, _ := newTest(t, opts)
	waitFor(t, tm, "Run them now?")
	tm.Type("y")
	waitFor(t, tm, "Out[2]")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm)))
}

// TestKernelDeathReplay kills the fake kernel and accepts the replay offer.
func TestKernelDeathReplay(t *testing.T) {
	tm, k := newTest(t, testOptions())
	typeCell(tm, "v := 3")
	typeCell(tm, "die")
	waitFor(t, tm, "Replay the 1 cells")
	tm.Type("y")
	typeCell(tm, "v")
	waitFor(t, tm, "Out[4]")
	view := finalView(t, tm)
	if k.Restarts != 1 || !strings.Contains(view, "Out[4] 3") {
		t.Errorf("restarts %d; screen:\n%s", k.Restarts, view)
	}
	teatest.RequireEqualOutput(t, []byte(view))
}

// TestKeysGolden is the key overlay on a wide screen.
func TestKeysGolden(t *testing.T) {
	opts := testOptions()
	opts.Width, opts.Height = 100, 30
	tm, _ := newTest(t, opts)
	tm.Send(tea.KeyMsg{Type: tea.KeyF1})
	waitFor(t, tm, "Commands")
	teatest.RequireEqualOutput(t, []byte(finalView(t, tm)))
}

// TestDisplayOptionsFollowResize: the kernel lays displays out for the
// output column (screen width minus the In/Out gutter), after every resize.
func TestDisplayOptionsFollowResize(t *testing.T) {
	tm, k := newTest(t, testOptions())
	tm.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.Send(tea.WindowSizeMsg{Width: 120, Height: 30})
	typeCell(tm, "x := 1")
	waitFor(t, tm, "In [2]")
	finalView(t, tm)
	o := k.Options()
	if o.Width != 120-8 || o.Color || !o.Unicode || o.Graphics != "text" {
		t.Errorf("display options %+v", o)
	}
}

// TestRecoverCrashedSession: the journal of a process that died is offered
// for recovery; its cells run again and the journal goes away.
func TestRecoverCrashedSession(t *testing.T) {
	dir := t.TempDir()
	j := filepath.Join(dir, ".gostat", "journal-999999.gost")
	os.MkdirAll(filepath.Dir(j), 0o755)
	os.WriteFile(j, []byte("// %% [markdown]\n// gostat journal of process 999999, started 2026-01-02T03:04:05Z.\n\n// %%\nz := 9\n\n// %%\nz\n// Output:\n// 9\n"), 0o644)
	os.Chtimes(j, fixedNow, fixedNow)
	// A newer, empty journal (a session that ran nothing) is passed over.
	empty := filepath.Join(dir, ".gostat", "journal-999998.gost")
	os.WriteFile(empty, []byte("// %% [markdown]\n// gostat journal of process 999998, started 2026-01-02T03:04:05Z.\n"), 0o644)
	opts := testOptions()
	opts.RecoverDir = dir
	tm, _ := newTest(t, opts)
	waitFor(t, tm, "Recover them?")
	tm.Type("y")
	waitFor(t, tm, "Out[2]")
	view := finalView(t, tm)
	if !strings.Contains(view, "Out[2] 9") {
		t.Errorf("recovered cells did not run:\n%s", view)
	}
	if _, err := os.Stat(j); err == nil {
		t.Error("the recovered journal was not removed")
	}
}

// TestRecoverThenOpen: with a crashed session and a script given, the
// recovery question comes first, then the script opens.
func TestRecoverThenOpen(t *testing.T) {
	dir := t.TempDir()
	j := filepath.Join(dir, ".gostat", "journal-999999.gost")
	os.MkdirAll(filepath.Dir(j), 0o755)
	os.WriteFile(j, []byte("// %% [markdown]\n// gostat journal of process 999999, started 2026-01-02T03:04:05Z.\n\n// %%\nz := 9\n"), 0o644)
	script := filepath.Join(dir, "s.gost")
	os.WriteFile(script, []byte("// %%\nprint from the script\n"), 0o644)
	opts := testOptions()
	opts.RecoverDir, opts.File = dir, script
	tm, _ := newTest(t, opts)
	waitFor(t, tm, "Recover them?")
	tm.Type("n")
	waitFor(t, tm, "Run them now?")
	tm.Type("y")
	waitFor(t, tm, "Out[1]")
	view := finalView(t, tm)
	if !strings.Contains(view, "Out[1] from the script") {
		t.Errorf("script did not run:\n%s", view)
	}
	if _, err := os.Stat(j); err != nil {
		t.Error("a journal the user declined to recover must stay")
	}
}
