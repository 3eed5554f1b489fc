package meta

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote/fakekernel"
	"github.com/gostat/gostat/notebooks"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want Command
		ok   bool
	}{
		{":help", Command{"help", ""}, true},
		{"  :help stats.TTest ", Command{"help", "stats.TTest"}, true},
		{"?stats", Command{"help", "stats"}, true},
		{":time fib(20)", Command{"time", "fib(20)"}, true},
		{":save my file.gost", Command{"save", "my file.gost"}, true},
		{":quit", Command{"quit", ""}, true},
		{"x := 1", Command{}, false},
		{"fmt.Println(\":x\")", Command{}, false},
	}
	for _, tc := range cases {
		got, ok := Parse(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %+v %v, want %+v %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// newEnv returns an Env over the fake kernel whose Eval prints the cell's
// text and records it, as a front end does.
func newEnv(t *testing.T) (*Env, *bytes.Buffer) {
	k := fakekernel.New()
	out := &bytes.Buffer{}
	env := &Env{Kernel: k, History: NewHistory(nil), Out: out}
	env.Eval = func(ctx context.Context, src string) kernel.Result {
		r := k.Eval(ctx, src, nil)
		out.WriteString(notebooks.OutputText(r))
		env.History.Add(src, r)
		return r
	}
	return env, out
}

func run(t *testing.T, env *Env, line string) (Action, error) {
	t.Helper()
	c, ok := Parse(line)
	if !ok {
		t.Fatalf("%q is not a meta-command", line)
	}
	return Run(context.Background(), env, c)
}

func TestHelp(t *testing.T) {
	env, out := newEnv(t)
	if _, err := run(t, env, ":help"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"stats", "Package stats does statistics.", "plots", "(not available in this build)", ":save FILE", ":vars", "Ctrl-C"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf(":help lacks %q:\n%s", want, out)
		}
	}
	out.Reset()
	run(t, env, "?stats")
	if !strings.HasPrefix(out.String(), "Package stats does statistics.\n\nMore text.") {
		t.Errorf("?stats printed %q", out)
	}
	out.Reset()
	run(t, env, ":help save")
	if !strings.HasPrefix(out.String(), ":save FILE") {
		t.Errorf(":help save printed %q", out)
	}
	if _, err := run(t, env, "?nosuch"); err == nil || !strings.Contains(err.Error(), `no help for "nosuch"`) {
		t.Errorf("?nosuch: %v", err)
	}
	if _, err := run(t, env, ":frobnicate"); !errors.Is(err, ErrUnknown) {
		t.Errorf(":frobnicate: %v", err)
	}
}

func TestVarsTimeReset(t *testing.T) {
	env, out := newEnv(t)
	run(t, env, ":vars")
	if out.String() != "no variables yet\n" {
		t.Errorf(":vars on empty: %q", out)
	}
	env.Eval(context.Background(), "set a_long_name "+strings.Repeat("x", 200))
	out.Reset()
	run(t, env, ":vars")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "name") || !strings.HasSuffix(lines[1], "…") || len([]rune(lines[1])) > 80 {
		t.Errorf(":vars: %q", out)
	}
	out.Reset()
	run(t, env, ":time print hi")
	if !strings.HasPrefix(out.String(), "hi\ntime: ") {
		t.Errorf(":time printed %q", out)
	}
	if len(env.History.Live()) != 2 {
		t.Errorf("live cells %d, want 2", len(env.History.Live()))
	}
	out.Reset()
	run(t, env, ":reset")
	if !strings.Contains(out.String(), "kernel reset") || len(env.History.Live()) != 0 || len(env.History.Entries()) != 2 {
		t.Errorf(":reset: %q, live %d", out, len(env.History.Live()))
	}
	if vs := env.Kernel.Vars(); len(vs) != 0 {
		t.Errorf("vars after reset: %v", vs)
	}
	if a, _ := run(t, env, ":quit"); a != Quit {
		t.Error(":quit did not quit")
	}
}

func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	env, out := newEnv(t)
	if _, err := run(t, env, ":save "+filepath.Join(dir, "empty")); err == nil {
		t.Error("saving an empty session did not fail")
	}
	env.Eval(context.Background(), "set x 1")
	env.Eval(context.Background(), "fail oops")
	env.Eval(context.Background(), "print a\nget x")
	path := filepath.Join(dir, "s")
	if _, err := run(t, env, ":save "+path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path + ".gost")
	if err != nil {
		t.Fatal(err)
	}
	want := "// %%\nset x 1\n\n// %%\nprint a\nget x\n// Output:\n// a\n// 1\n"
	if string(b) != want {
		t.Errorf("saved %q\nwant %q", b, want)
	}
	// The saved script checks clean against a fresh kernel.
	nb, err := notebooks.Parse(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if rep := notebooks.Check(context.Background(), fakekernel.New(), nb, notebooks.Options{}); !rep.OK() {
		t.Errorf("saved script does not check: %+v", rep)
	}
	// :load replays it into a fresh session.
	env2, out2 := newEnv(t)
	if _, err := run(t, env2, ":load "+path+".gost"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out2.String(), "loaded ") || len(env2.History.Live()) != 2 {
		t.Errorf("load: %q", out2)
	}
	bad := filepath.Join(dir, "bad.gost")
	os.WriteFile(bad, []byte("// %%\nset y 2\n\n// %%\nprint z\nfail boom\n\n// %%\nset w 3\n"), 0o644)
	_, err = run(t, env2, ":load "+bad)
	if err == nil || !strings.Contains(err.Error(), "bad.gost:6:1: cell 2 failed") {
		t.Errorf("load of failing script: %v", err)
	}
	if _, err := run(t, env2, ":load "+filepath.Join(dir, "nope.gost")); err == nil || !strings.Contains(err.Error(), "no file") {
		t.Errorf("load of a missing file: %v", err)
	}
	// Outputs laid out at another width (or in ASCII) are saved with the
	// directives that make check lay them out the same.
	env.Width, env.ASCII = 100, true
	out.Reset()
	if _, err := run(t, env, ":save "+path); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "saved 2 cells") {
		t.Errorf("save with a layout header: %q", out)
	}
	nb, err = notebooks.ReadFile(path + ".gost")
	if err != nil {
		t.Fatal(err)
	}
	if nb.Width() != 100 || !nb.ASCII() {
		t.Errorf("saved without the layout:\n%s", nb.Bytes())
	}
	if _, err := run(t, env, ":save "+filepath.Join(dir, "missing", "x")); err == nil || err.Error() != "save: the folder "+filepath.Join(dir, "missing")+" does not exist" {
		t.Errorf("save into a missing folder: %v", err)
	}
}

func TestReplayAndAfterDeath(t *testing.T) {
	env, out := newEnv(t)
	env.Eval(context.Background(), "set x 1")
	env.Eval(context.Background(), "set y 2")
	env.Kernel.Reset() // as if a fresh kernel replaced a dead one
	asked := ""
	if err := env.AfterDeath(context.Background(), func(q string) bool { asked = q; return true }); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(asked, "Replay the 2 cells") || len(env.Kernel.Vars()) != 2 || !strings.Contains(out.String(), "replayed 2 cells") {
		t.Errorf("asked %q, vars %v, out %q", asked, env.Kernel.Vars(), out)
	}
	env.Kernel.Reset()
	env.AfterDeath(context.Background(), func(string) bool { return false })
	if len(env.History.Live()) != 0 || len(env.History.Entries()) != 2 {
		t.Errorf("declined replay: live %d entries %d", len(env.History.Live()), len(env.History.Entries()))
	}
}

func TestJournalAndRecover(t *testing.T) {
	dir := t.TempDir()
	j, err := notebooks.OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	env, _ := newEnv(t)
	env.History = NewHistory(j)
	env.Eval(context.Background(), "set x 1")
	env.Eval(context.Background(), "fail not journalled")
	env.Eval(context.Background(), "set y 2")
	j.Close()
	// Pretend the process died: move the journal to a dead pid.
	orphanPath := notebooks.JournalPath(dir, 999999998)
	if err := os.Rename(j.Path, orphanPath); err != nil {
		t.Fatal(err)
	}
	orphans, err := Orphans(dir)
	if err != nil || len(orphans) != 1 || orphans[0].Cells != 2 {
		t.Fatalf("orphans %+v %v", orphans, err)
	}
	if q := RecoverQuestion(orphans[0]); !strings.Contains(q, "2 cells") {
		t.Errorf("question %q", q)
	}
	if h := RecoverHint(orphans[0]); !strings.Contains(h, "gostat -recover") {
		t.Errorf("hint %q", h)
	}
	env2, out2 := newEnv(t)
	n, err := Recover(context.Background(), env2, orphans[0])
	if err != nil || n != 2 || len(env2.Kernel.Vars()) != 2 {
		t.Fatalf("recover %d %v, vars %v", n, err, env2.Kernel.Vars())
	}
	if _, err := os.Stat(orphanPath); !os.IsNotExist(err) || !strings.Contains(out2.String(), "recovered 2 cells") {
		t.Errorf("orphan kept after recovery (%v), out %q", err, out2)
	}
	// A clean close removes the live journal.
	j2, _ := notebooks.OpenJournal(dir)
	h := NewHistory(j2)
	h.Add("set a 1", kernel.Result{})
	h.Close(true)
	if _, err := os.Stat(j2.Path); !os.IsNotExist(err) {
		t.Errorf("clean close kept the journal: %v", err)
	}
}

func TestSaveName(t *testing.T) {
	for in, want := range map[string]string{"a": "a.gost", "a.gost": "a.gost", "dir.x/a": "dir.x/a.gost", "a.txt": "a.txt", ".hidden": ".hidden.gost"} {
		if got := SaveName(in); got != want {
			t.Errorf("SaveName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSynopsis(t *testing.T) {
	doc := "package stats // import \"x/stats\"\n\nPackage stats holds\nstatistics. More here.\n\nConventions"
	if got := synopsis(doc); got != "Package stats holds statistics." {
		t.Errorf("synopsis %q", got)
	}
	if got := synopsis("Package frame does frames"); got != "Package frame does frames" {
		t.Errorf("synopsis %q", got)
	}
}

// A cut value ends in "…", or "..." for an ASCII front end.
func TestTruncateASCII(t *testing.T) {
	env := &Env{}
	if got := env.truncate("abcdefghij", 6); got != "abcde…" {
		t.Errorf("unicode: %q", got)
	}
	env.ASCII = true
	if got := env.truncate("abcdefghij", 6); got != "abc..." {
		t.Errorf("ascii: %q", got)
	}
	if got := env.truncate("abc", 6); got != "abc" {
		t.Errorf("short: %q", got)
	}
}
