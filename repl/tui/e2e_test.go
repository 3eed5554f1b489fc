package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives a program in a detached tmux session on a private
// server socket.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) start(dir string, env []string, argv ...string) {
	s.t.Helper()
	cmd := "env " + strings.Join(env, " ") + " " + strings.Join(argv, " ")
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", "100", "-y", "30", "-c", dir, cmd); err != nil {
		s.t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
}

// send types keys (tmux key names or literal text).
func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	if out, err := s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...); err != nil {
		s.t.Fatalf("tmux send-keys %q: %v\n%s", keys, err, out)
	}
	time.Sleep(150 * time.Millisecond)
}

// typeLine types literal text (not interpreted as key names) then Enter.
func (s *tmuxSession) typeLine(text string) {
	s.t.Helper()
	if out, err := s.tmux("send-keys", "-t", s.name, "-l", text); err != nil {
		s.t.Fatalf("tmux send-keys: %v\n%s", err, out)
	}
	time.Sleep(100 * time.Millisecond)
	s.send("Enter")
}

func (s *tmuxSession) screen() string {
	out, _ := s.tmux("capture-pane", "-t", s.name, "-p")
	return out
}

// waitFor waits until the screen contains want and returns the screen.
func (s *tmuxSession) waitFor(want string, d time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(d)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen does not show %q after %v:\n%s", want, d, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *tmuxSession) alive() bool {
	_, err := s.tmux("has-session", "-t", s.name)
	return err == nil
}

func (s *tmuxSession) kill() {
	s.tmux("kill-server")
}

// TestEndToEndTmux builds the real gostat binary and drives the notebook in
// tmux: type cells and see their output, draw a plot, interrupt a runaway
// loop, save, quit, reopen the saved script and replay it.
func TestEndToEndTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; the end-to-end notebook test needs it")
	}
	if testing.Short() {
		t.Skip("builds the gostat binary; skipped with -short")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "gostat")
	build := exec.Command("go", "build", "-o", bin, "./cmd/gostat")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/gostat: %v\n%s", err, out)
	}
	work := filepath.Join(tmp, "work")
	os.MkdirAll(work, 0o755)
	env := []string{"TERM=xterm-256color", "XDG_STATE_HOME=" + filepath.Join(tmp, "state"),
		"GOSTAT_GRAPHICS=text", "NO_COLOR=1", "COLORFGBG=", "TMUX="}

	s := &tmuxSession{t: t, socket: "gostat-e2e-" + filepath.Base(tmp), name: "nb"}
	defer s.kill()
	s.start(work, env, bin)
	s.waitFor("In [1]", 10*time.Second)

	// A cell and its output; a multi-line cell continues on Enter while
	// its braces are open.
	s.typeLine("x := 6 * 7")
	s.typeLine("func double(v int) int {")
	s.typeLine("return 2 * v")
	s.typeLine("}")
	s.typeLine("double(x)")
	scr := s.waitFor("Out[3] 84", 10*time.Second)
	t.Logf("after the first cells:\n%s", scr)

	// A plot shows inline (text form: braille and axis labels).
	s.typeLine("plots.Histogram([]float64{1, 2, 2, 3, 3, 3, 4, 4, 5, 6})")
	scr = s.waitFor("In [5]", 20*time.Second)
	t.Logf("after the plot:\n%s", scr)
	if !strings.Contains(scr, "Out[4]") || strings.Contains(scr, "error") {
		t.Errorf("the plot cell failed or showed nothing:\n%s", scr)
	}

	// A runaway loop runs until Ctrl-C; the session lives on.
	s.typeLine("for {}")
	s.waitFor("Ctrl-C stops", 10*time.Second)
	time.Sleep(300 * time.Millisecond)
	s.send("C-c")
	scr = s.waitFor("interrupted", 10*time.Second)
	t.Logf("after Ctrl-C:\n%s", scr)
	s.typeLine("x + 1")
	s.waitFor("43", 10*time.Second)

	// Save and quit.
	s.typeLine(":save analysis")
	scr = s.waitFor("saved", 10*time.Second)
	t.Logf("after :save:\n%s", scr)
	s.send("C-d")
	for i := 0; i < 50 && s.alive(); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if s.alive() {
		t.Fatalf("gostat did not quit on Ctrl-D:\n%s", s.screen())
	}
	saved, err := os.ReadFile(filepath.Join(work, "analysis.gost"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("saved script:\n%s", saved)
	for _, want := range []string{"x := 6 * 7", "func double(v int) int {", "double(x)\n// Output:\n// 84", "plots.Histogram", "x + 1\n// Output:\n// 43"} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("saved script lacks %q", want)
		}
	}
	if strings.Contains(string(saved), "for {}") {
		t.Error("the interrupted cell must not be saved")
	}

	// Reopen the script: its cells show with their recorded outputs and
	// replay on request.
	s.start(work, env, bin, "analysis.gost")
	scr = s.waitFor("Run them now?", 10*time.Second)
	t.Logf("reopened:\n%s", scr)
	s.send("y")
	// All cells ran when the editor's prompt is the next number.
	n := strings.Count(string(saved), "// %%")
	scr = s.waitFor(fmt.Sprintf(" In [%d]", n+1), 20*time.Second)
	if !strings.Contains(scr, "Out[3] 84") || !strings.Contains(scr, " 43") {
		t.Errorf("replayed outputs missing:\n%s", scr)
	}
	t.Logf("replayed:\n%s", scr)
	if strings.Contains(scr, "error") {
		t.Errorf("replay failed:\n%s", scr)
	}
	s.send("C-d")
}
