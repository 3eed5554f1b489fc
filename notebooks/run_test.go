package notebooks

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote/fakekernel"
)

func mustParse(t *testing.T, src string) *Notebook {
	t.Helper()
	nb, err := Parse("s.gost", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func TestRun(t *testing.T) {
	cases := []struct {
		name       string
		src        string
		keepGoing  bool
		stdout     string
		stderr     string
		ran, fails int
		stopped    bool
	}{
		{
			name:   "all good",
			src:    "// %% [markdown]\n// hi\n\n// %%\nprint a\nshow t\nvalue v\n\n// %%\n// only a comment\n\n// %%\nprint b\n",
			stdout: "a\nt\nv\nb\n", ran: 2,
		},
		{
			name:   "stops at first failure",
			src:    "// %%\nprint a\n\n// %%\nprint b\n\nfail bad thing\n\n// %%\nprint c\n",
			stdout: "a\nb\n", stderr: "s.gost:7:1: cell 2: bad thing\n", ran: 2, fails: 1, stopped: true,
		},
		{
			name:   "keep going",
			src:    "// %%\nfail one\n// %%\nprint c\n",
			stdout: "c\n", stderr: "s.gost:2:1: cell 1: one\n", keepGoing: true, ran: 2, fails: 1,
		},
		{
			name:   "expected failure",
			src:    "// %%\nprint a\nfail wanted\n// Output:\n// a\n// error: 2:1: wanted\n// %%\nprint c\n",
			stdout: "a\nc\n", ran: 2,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			rep := Run(context.Background(), fakekernel.New(), mustParse(t, tc.src), Options{KeepGoing: tc.keepGoing, Stdout: &out, Stderr: &errb})
			if out.String() != tc.stdout {
				t.Errorf("stdout %q, want %q", out.String(), tc.stdout)
			}
			if errb.String() != tc.stderr {
				t.Errorf("stderr %q, want %q", errb.String(), tc.stderr)
			}
			if rep.Ran != tc.ran || rep.Failed != tc.fails || rep.Stopped != tc.stopped {
				t.Errorf("report ran %d failed %d stopped %v, want %d %d %v", rep.Ran, rep.Failed, rep.Stopped, tc.ran, tc.fails, tc.stopped)
			}
			if rep.OK() != (tc.fails == 0) {
				t.Errorf("OK() = %v", rep.OK())
			}
		})
	}
}

func TestRunUsesPlainOptions(t *testing.T) {
	k := fakekernel.New()
	Run(context.Background(), k, mustParse(t, "// %%\nprint a\n"), Options{})
	if k.Options() != display.Plain {
		t.Errorf("options %+v, want display.Plain", k.Options())
	}
}

// A script recorded at another width, or in ASCII, is run and checked so.
func TestRunHonoursLayoutDirectives(t *testing.T) {
	nb := mustParse(t, "//gostat:width 100\n//gostat:ascii\n// %%\nprint a\n// Output:\n// a\n")
	want := display.Plain
	want.Width, want.Unicode = 100, false
	for name, run := range map[string]func(kernel.Kernel) *Report{
		"Run":   func(k kernel.Kernel) *Report { return Run(context.Background(), k, nb, Options{}) },
		"Check": func(k kernel.Kernel) *Report { return Check(context.Background(), k, nb, Options{}) },
	} {
		k := fakekernel.New()
		if rep := run(k); !rep.OK() || rep.Ran != 1 {
			t.Errorf("%s: report %+v", name, rep)
		}
		if k.Options() != want {
			t.Errorf("%s: options %+v, want %+v", name, k.Options(), want)
		}
	}
}

func TestRunRecordAndImages(t *testing.T) {
	dir := t.TempDir()
	nb := mustParse(t, "// %%\nprint a\npng\n\n// %%\nprint b\n// Output:\n// old\n")
	nb.Name = filepath.Join(dir, "p.gost")
	var errb bytes.Buffer
	rep := Run(context.Background(), fakekernel.New(), nb, Options{Record: true, OutDir: filepath.Join(dir, "out"), Stderr: &errb})
	if !rep.OK() {
		t.Fatalf("run failed: %s", errb.String())
	}
	want := "// %%\nprint a\npng\n// Output:\n// a\n// [plot]\n\n// %%\nprint b\n// Output:\n// b\n"
	if got := string(nb.Bytes()); got != want {
		t.Errorf("recorded %q\nwant %q", got, want)
	}
	img := filepath.Join(dir, "out", "p-cell1-1.png")
	if b, err := os.ReadFile(img); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("image %s: %v", img, err)
	}
	if !strings.Contains(errb.String(), "wrote "+img) {
		t.Errorf("stderr %q does not name the image", errb.String())
	}
}

func TestCheck(t *testing.T) {
	cases := []struct {
		name     string
		src      string
		ok       bool
		mismatch int
		failed   int
		ignored  int
		report   []string // substrings of the report
	}{
		{
			name: "all match", ok: true,
			src:    "// %%\nprint a   \nvalue v\n// Output:\n// a\n// v\n\n// %%\nset x 1\n",
			report: []string{"ok  \ts.gost\t2 cells"},
		},
		{
			name: "mismatch", mismatch: 1,
			src:    "// %% [markdown]\n// m\n\n// %%\nprint a\nprint b\n// Output:\n// a\n// B\n",
			report: []string{"--- FAIL: s.gost:4: cell 2\n", "    -B\n", "    +b\n", "FAIL\ts.gost\t1 of 1 cells differ"},
		},
		{
			name: "missing block", mismatch: 1,
			src:    "// %%\nprint a\n",
			report: []string{"+a", "gostat run -record s.gost"},
		},
		{
			name: "ignored output", ok: true, ignored: 1,
			src: "// %%\n//gostat:ignore-output\nprint 12:01\n// Output:\n// 12:00\n",
		},
		{
			name: "ignored output still fails on error", failed: 1,
			src:    "// %%\n//gostat:ignore-output\nfail oops\n",
			report: []string{"error: oops"},
		},
		{
			name: "unexpected error", failed: 1,
			src:    "// %%\nfail oops\n// Output:\n// fine\n",
			report: []string{"-fine", "+error: 1:1: oops"},
		},
		{
			name: "expected error", ok: true,
			src: "// %%\nfail oops\n// Output:\n// error: 1:1: oops\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			rep := Check(context.Background(), fakekernel.New(), mustParse(t, tc.src), Options{Stdout: &out})
			if rep.OK() != tc.ok || rep.Mismatched != tc.mismatch || rep.Failed != tc.failed || rep.Ignored != tc.ignored {
				t.Errorf("ok %v mismatched %d failed %d ignored %d, want %v %d %d %d\n%s", rep.OK(), rep.Mismatched, rep.Failed, rep.Ignored, tc.ok, tc.mismatch, tc.failed, tc.ignored, out.String())
			}
			for _, s := range tc.report {
				if !strings.Contains(out.String(), s) {
					t.Errorf("report lacks %q:\n%s", s, out.String())
				}
			}
		})
	}
}

func TestCheckInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	rep := Check(ctx, fakekernel.New(), mustParse(t, "// %%\nprint a\n"), Options{Stdout: &out})
	if rep.OK() || !rep.Stopped {
		t.Errorf("cancelled check reported OK: %s", out.String())
	}
}

func TestOutputText(t *testing.T) {
	r := kernel.Result{Output: "a", Displays: []display.Bundle{{Text: "d"}}, Err: &kernel.Error{Kind: kernel.Runtime, Message: "m", Line: 2, Col: 3, Hint: "h"}}
	if got, want := OutputText(r), "a\nd\nerror: 2:3: m\n  hint: h\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestJournal(t *testing.T) {
	dir := t.TempDir()
	j, err := OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Append("x := 1", ""); err != nil {
		t.Fatal(err)
	}
	if err := j.Append("x", "1\n"); err != nil {
		t.Fatal(err)
	}
	nb, err := ReadFile(j.Path)
	if err != nil {
		t.Fatal(err)
	}
	var code []string
	for _, c := range nb.Cells {
		if c.Kind == Code && !c.Empty() {
			code = append(code, strings.TrimSpace(c.Source)+"="+c.Output)
		}
	}
	if strings.Join(code, "|") != "x := 1=|x=1\n" {
		t.Errorf("journal cells %q", code)
	}
	// Our own journal is not an orphan.
	if o, _ := Orphans(dir); len(o) != 0 {
		t.Errorf("live journal listed as orphan: %v", o)
	}
	j.Close()
	// A journal of a dead process is.
	dead := JournalPath(dir, 999999999)
	if err := os.Rename(j.Path, dead); err != nil {
		t.Fatal(err)
	}
	o, err := Orphans(dir)
	if err != nil || len(o) != 1 || o[0].PID != 999999999 || o[0].Cells != 2 {
		t.Fatalf("orphans %+v, %v", o, err)
	}
	j2, _ := OpenJournal(dir)
	if err := j2.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(j2.Path); !os.IsNotExist(err) {
		t.Errorf("removed journal still there: %v", err)
	}
}

// dyingKernel reports a dead kernel (and loses its state, as a fresh one
// would) on the cell "die".
type dyingKernel struct{ *fakekernel.Kernel }

func (k dyingKernel) Eval(ctx context.Context, src string, on func(kernel.Event)) kernel.Result {
	if strings.TrimSpace(src) == "die" {
		k.Reset()
		return kernel.Result{Err: &kernel.Error{Kind: kernel.KernelDied, Message: "the kernel exited with status 2"}}
	}
	return k.Kernel.Eval(ctx, src, on)
}

func TestReplayAfterKernelDeath(t *testing.T) {
	src := "// %%\nset x 1\n\n// %%\ndie\n\n// %%\nget x\n// Output:\n// 1\n"
	var out, errb bytes.Buffer
	rep := Run(context.Background(), dyingKernel{fakekernel.New()}, mustParse(t, src), Options{KeepGoing: true, Stdout: &out, Stderr: &errb})
	if rep.Failed != 1 || out.String() != "1\n" || !strings.Contains(errb.String(), "replayed the 1 cells") {
		t.Errorf("run -k: failed %d, out %q, err %q", rep.Failed, out.String(), errb.String())
	}
	errb.Reset()
	rep = Check(context.Background(), dyingKernel{fakekernel.New()}, mustParse(t, src), Options{Stdout: &out, Stderr: &errb})
	if rep.Failed != 1 || rep.Mismatched != 0 || !strings.Contains(errb.String(), "replayed the 1 cells") {
		t.Errorf("check: failed %d mismatched %d, err %q", rep.Failed, rep.Mismatched, errb.String())
	}
}

func TestJournalPIDReuse(t *testing.T) {
	if _, ok := processStart(1); !ok || !processAlive(1) {
		t.Skip("no /proc start time for pid 1 here")
	}
	dir := t.TempDir()
	// A journal whose pid is now a process that started long after it (pid
	// 1 here, but dated in the future) is an orphan; one dated after the
	// process started is not.
	for _, tc := range []struct {
		stamp  string
		orphan bool
	}{{"2001-01-01T00:00:00Z", true}, {"2999-01-01T00:00:00Z", false}} {
		p := JournalPath(dir, 1)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("// %% [markdown]\n// gostat journal of process 1, started "+tc.stamp+".\n\n// %%\nx := 1\n"), 0o644)
		o, err := Orphans(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(o) == 1; got != tc.orphan {
			t.Errorf("journal started %s: orphan %v, want %v", tc.stamp, got, tc.orphan)
		}
	}
	if ts := journalStart("/nonexistent"); !ts.IsZero() {
		t.Errorf("start of a missing journal: %v", ts)
	}
}

// A journal of a session laid out at another width records it, so that it
// checks clean.
func TestJournalLayout(t *testing.T) {
	dir := t.TempDir()
	j, err := OpenJournal(dir, display.Options{Width: 120, Unicode: false})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Remove()
	if err := j.Append("print a", "a\n"); err != nil {
		t.Fatal(err)
	}
	nb, err := ReadFile(j.Path)
	if err != nil {
		t.Fatal(err)
	}
	if nb.Width() != 120 || !nb.ASCII() {
		t.Errorf("journal layout %d/%v:\n%s", nb.Width(), nb.ASCII(), nb.Bytes())
	}
	if rep := Check(context.Background(), fakekernel.New(), nb, Options{}); !rep.OK() || rep.Ran != 1 {
		t.Errorf("journal does not check: %+v", rep)
	}
}
