package main

// End-to-end tests: they build the gostat binary once and run it the way a
// user does (scripts, pipes, signals).

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gostat/gostat/kernel"
)

var gostatBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gostat-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	gostatBin = filepath.Join(dir, "gostat")
	out, err := exec.Command("go", "build", "-o", gostatBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building gostat: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// gostat runs the binary in dir with stdin and returns its outputs.
func gostat(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(gostatBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "TERM=dumb")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodScript = `// %% [markdown]
// A tiny script.

// %%
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}
fib(20)
// Output:
// 6765

// %%
xs := []float64{1, 2, 3}
fmt.Println("len", len(xs))
strconv.Atoi("12x")
// Output:
// len 3
// 0
// strconv.Atoi: parsing "12x": invalid syntax
`

func TestRunAndCheck(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.gost", goodScript)
	r := gostat(t, dir, "", "run", "good.gost")
	if r.code != 0 || r.stdout != "6765\nlen 3\n0\nstrconv.Atoi: parsing \"12x\": invalid syntax\n" {
		t.Errorf("run: %+v", r)
	}
	r = gostat(t, dir, "", "check", "good.gost")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ok  \tgood.gost\t2 cells") {
		t.Errorf("check good: %+v", r)
	}

	bad := strings.Replace(goodScript, "// 6765", "// 6766", 1)
	write(t, dir, "bad.gost", bad)
	r = gostat(t, dir, "", "check", "good.gost", "bad.gost")
	if r.code != 1 || !strings.Contains(r.stdout, "--- FAIL: bad.gost:4: cell 2\n") || !strings.Contains(r.stdout, "-6766\n    +6765\n") || !strings.Contains(r.stdout, "FAIL\tbad.gost\t1 of 2 cells differ") {
		t.Errorf("check bad: %+v", r)
	}
}

func TestRunFailure(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "f.gost", "// %%\nx := 1\n\n// %%\nfmt.Println(\"before\")\nvar s []int\ns[3] = x\n\n// %%\nfmt.Println(\"after\")\n")
	r := gostat(t, dir, "", "run", "f.gost")
	if r.code != 1 || r.stdout != "before\n" || !strings.HasPrefix(r.stderr, "f.gost:7:1: cell 2: ") || !strings.Contains(r.stderr, "index out of range") {
		t.Errorf("run failing: %+v", r)
	}
	r = gostat(t, dir, "", "run", "-k", "f.gost")
	if r.code != 1 || r.stdout != "before\nafter\n" {
		t.Errorf("run -k: %+v", r)
	}
}

func TestRunStdinAndPipe(t *testing.T) {
	dir := t.TempDir()
	r := gostat(t, dir, goodScript, "run", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "6765\n") {
		t.Errorf("run -: %+v", r)
	}
	// Piping a script into bare gostat runs it.
	r = gostat(t, dir, goodScript)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "6765\n") {
		t.Errorf("piped script: %+v", r)
	}
	// Piping plain lines runs them one cell at a time, with continuation.
	r = gostat(t, dir, "x := 2\nfunc sq(v int) int {\n\treturn v * v\n}\nsq(x)\n:vars\n")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "4\nname") || !strings.Contains(r.stdout, "x     int") {
		t.Errorf("piped lines: %+v", r)
	}
	// A parse error names the line.
	r = gostat(t, dir, "// %%\nx\n// Output:\n// 1\ny\n", "run", "-")
	if r.code != 2 || !strings.HasPrefix(r.stderr, "gostat: -:5: code after") {
		t.Errorf("bad script: %+v", r)
	}
}

func TestRecord(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "r.gost", "// %%\nx := 6 * 7\nx\n// Output:\n// 41\n\n// %%\nfmt.Println(\"hi  \")\n")
	os.Chmod(p, 0o600)
	r := gostat(t, dir, "", "run", "-record", "r.gost")
	if r.code != 0 || !strings.Contains(r.stderr, "recorded the outputs of 2 cells in r.gost") {
		t.Fatalf("record: %+v", r)
	}
	b, _ := os.ReadFile(p)
	want := "// %%\nx := 6 * 7\nx\n// Output:\n// 42\n\n// %%\nfmt.Println(\"hi  \")\n// Output:\n// hi\n"
	if string(b) != want {
		t.Errorf("recorded file %q\nwant %q", b, want)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files left beside the script: %v", ents)
	}
	if r := gostat(t, dir, "", "check", "r.gost"); r.code != 0 {
		t.Errorf("check after record: %+v", r)
	}
	// A failing cell leaves the file alone.
	write(t, dir, "bad.gost", "// %%\nundefinedThing\n")
	r = gostat(t, dir, "", "run", "-record", "bad.gost")
	b, _ = os.ReadFile(filepath.Join(dir, "bad.gost"))
	if r.code != 1 || string(b) != "// %%\nundefinedThing\n" || !strings.Contains(r.stderr, "not recorded") {
		t.Errorf("record of failing script: %+v, file %q", r, b)
	}
	// With -k the error is recorded as the expected output, and check passes.
	r = gostat(t, dir, "", "run", "-k", "-record", "bad.gost")
	b, _ = os.ReadFile(filepath.Join(dir, "bad.gost"))
	if !strings.Contains(string(b), "// error: ") {
		t.Errorf("error not recorded: %+v, file %q", r, b)
	}
	if r := gostat(t, dir, "", "check", "bad.gost"); r.code != 0 {
		t.Errorf("check of an expected failure: %+v", r)
	}
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"run"}, 2, "run takes one script"},
		{[]string{"run", "-record", "-"}, 2, "needs a file"},
		{[]string{"run", "-zzz", "x.gost"}, 2, "flag provided but not defined: -zzz"},
		{[]string{"check"}, 2, "check needs at least one script"},
		{[]string{"check", "missing.gost"}, 2, "no such file"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
	}
	for _, tc := range cases {
		r := gostat(t, dir, "", tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("gostat %v: %+v, want code %d and %q", tc.args, r, tc.code, tc.want)
		}
	}
	if r := gostat(t, dir, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "gostat ") || !strings.Contains(r.stdout, "yaegi v0.16.1") {
		t.Errorf("version: %+v", r)
	}
	if r := gostat(t, dir, "", "help"); r.code != 0 || !strings.Contains(r.stdout, "gostat check FILE...") {
		t.Errorf("help: %+v", r)
	}
}

// "gostat CMD -h" prints that command's usage, not a flag error.
func TestSubcommandHelp(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "-h"}, "Usage: gostat run [-k] [-record]"},
		{[]string{"run", "-help"}, "-report FILE"},
		{[]string{"check", "-h"}, "Usage: gostat check FILE..."},
		{[]string{"-plain", "-h"}, "Flags of an interactive session"},
	} {
		r := gostat(t, dir, "", tc.args...)
		if r.code != 0 || !strings.Contains(r.stdout, tc.want) || r.stderr != "" {
			t.Errorf("gostat %v: %+v, want status 0 and %q", tc.args, r, tc.want)
		}
	}
}

// -ascii (or GOSTAT_ASCII=1) draws plots in ASCII; run -record writes the
// //gostat:ascii header line, and check then draws them so again.
func TestASCII(t *testing.T) {
	dir := t.TempDir()
	src := "// %%\ncars := datasets.MustLoad(\"mtcars\")\nplots.Histogram(cars.Col(\"mpg\"))\n"
	write(t, dir, "h.gost", src)
	nonASCII := func(s string) bool { return strings.IndexFunc(s, func(r rune) bool { return r > 127 }) >= 0 }
	if r := gostat(t, dir, "", "run", "h.gost"); r.code != 0 || !nonASCII(r.stdout) {
		t.Fatalf("default run is not Unicode: %+v", r)
	}
	r := gostat(t, dir, "", "run", "-ascii", "-record", "h.gost")
	if r.code != 0 || nonASCII(r.stdout) || !strings.Contains(r.stdout, "#") {
		t.Fatalf("run -ascii: %+v", r)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "h.gost"))
	if !strings.HasPrefix(string(b), "//gostat:ascii\n") || nonASCII(string(b)) {
		t.Errorf("recorded script:\n%s", b)
	}
	if r := gostat(t, dir, "", "check", "h.gost"); r.code != 0 {
		t.Errorf("check of the ASCII record: %+v", r)
	}
	cmd := exec.Command(gostatBin, "run", "-")
	cmd.Env = append(os.Environ(), "GOSTAT_ASCII=1")
	cmd.Stdin = strings.NewReader(src)
	out, err := cmd.Output()
	if err != nil || nonASCII(string(out)) {
		t.Errorf("GOSTAT_ASCII=1: %v\n%s", err, out)
	}
}

func TestOpenScriptThenPrompt(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "s.gost", "// %%\nx := 20\n// %%\ny := x + 1\n")
	r := gostat(t, dir, "x + y\n", "s.gost")
	if r.code != 0 || r.stdout != "41\n" {
		t.Errorf("gostat FILE: %+v", r)
	}
}

// live is a gostat process driven through a stdin pipe, its output
// collected as it comes.
type live struct {
	t     *testing.T
	cmd   *exec.Cmd
	stdin io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer
	done  chan struct{}
}

type lockedWriter struct{ l *live }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	return w.l.out.Write(p)
}

func startLive(t *testing.T, dir string, args ...string) *live {
	t.Helper()
	l := &live{t: t, done: make(chan struct{})}
	l.cmd = exec.Command(gostatBin, args...)
	l.cmd.Dir = dir
	l.cmd.Env = append(os.Environ(), "NO_COLOR=1", "TERM=dumb")
	l.cmd.Stdout = lockedWriter{l}
	l.cmd.Stderr = lockedWriter{l}
	var err error
	if l.stdin, err = l.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := l.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { l.cmd.Wait(); close(l.done) }()
	t.Cleanup(func() {
		l.cmd.Process.Kill()
		<-l.done
	})
	return l
}

func (l *live) send(s string) {
	if _, err := io.WriteString(l.stdin, s); err != nil {
		l.t.Fatal(err)
	}
}

func (l *live) output() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out.String()
}

// waitFor waits until the output contains want (after from bytes).
func (l *live) waitFor(want string, from int) int {
	l.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := l.output()
		if i := strings.Index(out[min(from, len(out)):], want); i >= 0 {
			return from + i + len(want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	l.t.Fatalf("no %q in output:\n%s", want, l.output())
	return 0
}

// kernelPID finds the kernel child of the gostat process.
func (l *live) kernelPID() int {
	l.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		pids := childPIDs(l.cmd.Process.Pid)
		if len(pids) == 1 {
			return pids[0]
		}
		time.Sleep(10 * time.Millisecond)
	}
	l.t.Fatalf("no kernel child of %d", l.cmd.Process.Pid)
	return 0
}

func childPIDs(pid int) []int {
	var out []int
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		for _, s := range strings.Fields(string(b)) {
			if n, err := strconv.Atoi(s); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// A zombie (state Z) has exited.
	f := strings.Fields(string(b))
	return len(f) > 2 && f[2] != "Z"
}

func requireLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /proc")
	}
}

// TestKernelDiesMidCell kills the kernel while a cell runs (a fatal
// runtime error in user code, and a SIGKILL from outside) and checks that
// the front end says why, starts a fresh kernel, replays the cells that had
// run, and goes on.
func TestKernelDiesMidCell(t *testing.T) {
	requireLinux(t)
	dir := t.TempDir()
	l := startLive(t, dir)
	l.send("x := 41\nfmt.Println(\"ready\", x)\n")
	pos := l.waitFor("ready 41\n", 0)
	first := l.kernelPID()

	// 1. A data race on a map is a fatal error that no recover catches.
	l.send("m := map[int]int{}\nfor i := 0; i < 4; i++ { go func() { for j := 0; ; j++ { m[j%100] = j } }() }; time.Sleep(5 * time.Second)\n")
	pos = l.waitFor("the kernel exited with status 2: fatal error: concurrent map writes", pos)
	pos = l.waitFor("Replay the 3 cells", pos)
	pos = l.waitFor("replayed 3 cells", pos)
	l.send("x + 1\n")
	pos = l.waitFor("42\n", pos)
	second := l.kernelPID()
	if second == first || alive(first) {
		t.Errorf("kernel %d still alive, new kernel %d", first, second)
	}

	// 2. The test kills the kernel while a cell sleeps.
	l.send("time.Sleep(30 * time.Second)\n")
	time.Sleep(300 * time.Millisecond)
	syscall.Kill(second, syscall.SIGKILL)
	pos = l.waitFor("the kernel was killed (SIGKILL) — out of memory?", pos)
	pos = l.waitFor("replayed 4 cells", pos)
	l.send("x + 2\n")
	pos = l.waitFor("43\n", pos)

	// 3. os.Exit in a cell is stopped by the kernel itself; the session
	// goes on without a restart.
	third := l.kernelPID()
	l.send("os.Exit(3)\nx + 3\n")
	l.waitFor("44\n", pos)
	if l.kernelPID() != third {
		t.Error("os.Exit restarted the kernel")
	}
	l.send(":quit\n")
	<-l.done
	if _, err := os.Stat(filepath.Join(dir, ".gostat", fmt.Sprintf("journal-%d.gost", l.cmd.Process.Pid))); !os.IsNotExist(err) {
		t.Errorf(":quit left the journal: %v", err)
	}
}

// TestInterrupt sends Ctrl-C (SIGINT) to gostat while a cell spins.
func TestInterrupt(t *testing.T) {
	requireLinux(t)
	dir := t.TempDir()
	l := startLive(t, dir)
	l.send("n := 0\nfmt.Println(\"go\")\nfor { n++ }\n")
	pos := l.waitFor("go\n", 0)
	time.Sleep(200 * time.Millisecond)
	t0 := time.Now()
	l.cmd.Process.Signal(os.Interrupt)
	pos = l.waitFor("error: ", pos)
	t.Logf("Ctrl-C to the error message: %v", time.Since(t0))
	l.send("n > 0\n")
	l.waitFor("true\n", pos)
}

// TestWholeProcessKilled kills gostat itself with SIGKILL and checks that
// the kernel child goes too, and that the next gostat in the folder finds
// the journal and recovers every cell that had run.
func TestWholeProcessKilled(t *testing.T) {
	requireLinux(t)
	dir := t.TempDir()
	l := startLive(t, dir)
	l.send("x := 40\nfunc inc(v int) int { return v + 1 }\ny := inc(x)\ny + 1\n")
	l.waitFor("42\n", 0)
	kpid := l.kernelPID()
	l.cmd.Process.Signal(syscall.SIGKILL)
	<-l.done
	deadline := time.Now().Add(5 * time.Second)
	for alive(kpid) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if alive(kpid) {
		t.Errorf("kernel %d outlived gostat", kpid)
	}
	journal := filepath.Join(dir, ".gostat", fmt.Sprintf("journal-%d.gost", l.cmd.Process.Pid))
	if _, err := os.Stat(journal); err != nil {
		t.Fatalf("no journal: %v", err)
	}
	// Not interactive: gostat says how to recover, and does not touch it.
	r := gostat(t, dir, "1\n")
	if !strings.Contains(r.stderr, "found 4 cells of a session") || !strings.Contains(r.stderr, "gostat -recover") {
		t.Errorf("no recovery hint: %+v", r)
	}
	// The journal is a script that checks clean.
	if r := gostat(t, dir, "", "check", journal); r.code != 0 {
		t.Errorf("journal does not check: %+v", r)
	}
	r = gostat(t, dir, "y * 2\ninc(y)\n", "-recover")
	if r.code != 0 || !strings.Contains(r.stdout, "recovered 4 cells") || !strings.HasSuffix(r.stdout, "82\n42\n") {
		t.Errorf("recover: %+v", r)
	}
	if _, err := os.Stat(journal); !os.IsNotExist(err) {
		t.Errorf("recovered journal kept: %v", err)
	}
}

// tmuxSession runs gostat -plain on a real terminal (a tmux pane), so that
// line editing (liner), its history file and Ctrl-C at the prompt are
// exercised as a person uses them.
type tmuxSession struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, dir string, env ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	name := fmt.Sprintf("gostat-e2e-%d", time.Now().UnixNano())
	args := []string{"new-session", "-d", "-s", name, "-x", "100", "-y", "30", "-c", dir, "env"}
	args = append(args, env...)
	args = append(args, "TERM=xterm", "NO_COLOR=1", gostatBin, "-plain")
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Skipf("tmux cannot start a session here: %v %s", err, out)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return s
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", s.name}, keys...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys: %v %s", err, out)
	}
}

func (s *tmuxSession) screen() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

func (s *tmuxSession) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("no %q on the screen:\n%s", want, s.screen())
}

// On a terminal whose locale is not UTF-8, line mode draws in ASCII.
func TestLineModeASCIILocale(t *testing.T) {
	dir := t.TempDir()
	s := startTmux(t, dir, "XDG_STATE_HOME="+t.TempDir(), "LC_ALL=C", "LANG=C")
	s.waitFor("gostat>")
	s.keys(`plots.Histogram(datasets.MustLoad("mtcars").Col("mpg"))`, "Enter")
	s.waitFor("####")
	if scr := s.screen(); strings.ContainsAny(scr, "█▌│─┼") {
		t.Errorf("Unicode drawing on a C locale:\n%s", scr)
	}
	s.keys("C-d")
}

func TestLineModeOnTerminal(t *testing.T) {
	dir := t.TempDir()
	state := t.TempDir()
	s := startTmux(t, dir, "XDG_STATE_HOME="+state)
	s.waitFor("gostat>")
	// Multi-line continuation.
	s.keys("func sq(v int) int {", "Enter")
	s.waitFor("   ...>")
	s.keys("return v * v", "Enter", "}", "Enter")
	s.keys("sq(12)", "Enter")
	s.waitFor("144")
	// Ctrl-C at the prompt clears the line; the next line runs alone.
	s.keys("this is not go", "C-c")
	s.keys("sq(3) + 1000", "Enter")
	s.waitFor("1009")
	// Ctrl-C interrupts a running cell.
	s.keys("for {}", "Enter")
	time.Sleep(300 * time.Millisecond)
	s.keys("C-c")
	s.waitFor("error: interrupted")
	// Up-arrow recalls the history.
	s.keys("Up", "Up", "Enter")
	deadline0 := time.Now().Add(10 * time.Second)
	for strings.Count(s.screen(), "\n1009\n") < 2 && time.Now().Before(deadline0) {
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Count(s.screen(), "\n1009\n") < 2 {
		t.Fatalf("the recalled line did not run again:\n%s", s.screen())
	}
	s.keys("C-d")
	deadline := time.Now().Add(10 * time.Second)
	hist := filepath.Join(state, "gostat", "history")
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(hist); err == nil && strings.Contains(string(b), "sq(12)") {
			if strings.Contains(string(b), "this is not go") {
				t.Errorf("an aborted line went into the history:\n%s", b)
			}
			if ents, _ := os.ReadDir(filepath.Join(dir, ".gostat")); len(ents) != 0 {
				t.Errorf("Ctrl-D left the journal: %v", ents)
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("history file %s not written; screen:\n%s", hist, s.screen())
}

// TestRecoverOnTerminal: after a crash, the next interactive session in the
// folder asks whether to recover, and does.
func TestRecoverOnTerminal(t *testing.T) {
	dir := t.TempDir()
	journal := filepath.Join(dir, ".gostat", "journal-999999996.gost")
	os.MkdirAll(filepath.Dir(journal), 0o755)
	write(t, filepath.Dir(journal), filepath.Base(journal), "// %%\nx := 20\n\n// %%\ny := x * 2\n")
	s := startTmux(t, dir, "XDG_STATE_HOME="+t.TempDir())
	s.waitFor("Found 2 cells of a gostat session (process 999999996")
	s.keys("y", "Enter")
	s.waitFor("recovered 2 cells from process 999999996")
	s.keys("y + 2", "Enter")
	s.waitFor("42")
	if _, err := os.Stat(journal); !os.IsNotExist(err) {
		t.Errorf("recovered journal kept: %v", err)
	}
	s.keys(":quit", "Enter")
}

// Every R alias of the kernel's help search leads to a documented name in
// line mode (repl/meta asks Kernel.Doc, as the notebook does).
func TestHelpAliasesResolve(t *testing.T) {
	dir := t.TempDir()
	var in strings.Builder
	names := slices.Sorted(maps.Keys(kernel.RAliases))
	for _, n := range names {
		in.WriteString("?" + n + "\n")
	}
	in.WriteString("?TTest\n")
	r := gostat(t, dir, in.String(), "-plain")
	if r.code != 0 || strings.Contains(r.stderr, "no help") {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	for _, n := range append(names, "TTest") {
		if !strings.Contains(r.stdout, n+" (R) → ") && !strings.Contains(r.stdout, n+" → ") {
			t.Errorf("?%s printed no \"%s → …\" line", n, n)
		}
	}
}
