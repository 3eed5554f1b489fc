package line

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
	"github.com/gostat/gostat/notebooks"
	"github.com/gostat/gostat/repl/meta"
)

// incomplete treats a line ending in a backslash as "more to come".
func incomplete(src string) bool { return !strings.HasSuffix(src, "\\") }

func runLines(t *testing.T, cfg Config, input string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	if cfg.Kernel == nil {
		cfg.Kernel = fakekernel.New()
	}
	cfg.In = strings.NewReader(input)
	cfg.Out, cfg.Err = &out, &errb
	cfg.IsComplete = incomplete
	err := Run(context.Background(), cfg)
	return out.String(), errb.String(), err
}

func TestPipedSession(t *testing.T) {
	in := "set x 41\n\nget x\n:vars\nprint a \\\nprint b\nfail oops\nshow s\n"
	out, errs, err := runLines(t, Config{}, in)
	want := "41\nname  type    value\nx     string  \"41\"\na \\\nb\ns\n"
	if out != want {
		t.Errorf("stdout %q\nwant %q", out, want)
	}
	if errs != "error: 1:1: oops\n" {
		t.Errorf("stderr %q", errs)
	}
	if err == nil || !strings.Contains(err.Error(), "1 cells failed") {
		t.Errorf("err %v", err)
	}
}

func TestQuitAndMetaErrors(t *testing.T) {
	out, errs, err := runLines(t, Config{}, ":nope\nprint a\n:quit\nprint never\n")
	if out != "a\n" || !strings.Contains(errs, "unknown meta-command :nope") {
		t.Errorf("out %q errs %q", out, errs)
	}
	if err == nil {
		t.Error("a failed meta-command in a script should fail the session")
	}
}

func TestInteractivePlain(t *testing.T) {
	out, _, err := runLines(t, Config{Interactive: true, Banner: "hello"}, "print a \\\nprint b\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "hello\n" + Prompt + ContinuePrmt + "a \\\nb\n" + Prompt + "\n"
	if out != want {
		t.Errorf("out %q\nwant %q", out, want)
	}
}

func TestColorDisplays(t *testing.T) {
	k := &bundleKernel{Kernel: fakekernel.New(), b: display.Bundle{Text: "plain", ANSI: "\x1b[1mbold\x1b[0m"}}
	out, _, _ := runLines(t, Config{Kernel: k, Color: true}, "x\n")
	if out != "\x1b[1mbold\x1b[0m\n" {
		t.Errorf("colour out %q", out)
	}
	out, _, _ = runLines(t, Config{Kernel: k}, "x\n")
	if out != "plain\n" {
		t.Errorf("plain out %q", out)
	}
	k.b.PNG = []byte("png")
	img := func(b display.Bundle) (string, bool) { return "<image>", true }
	out, _, _ = runLines(t, Config{Kernel: k, Image: img}, "x\n")
	if out != "<image>\n" {
		t.Errorf("image out %q", out)
	}
}

// bundleKernel answers every cell with one display.
type bundleKernel struct {
	*fakekernel.Kernel
	b display.Bundle
}

func (k *bundleKernel) Eval(ctx context.Context, src string, on func(kernel.Event)) kernel.Result {
	return kernel.Result{Displays: []display.Bundle{k.b}}
}

// dyingKernel reports a dead kernel (and loses its state) on "die".
type dyingKernel struct{ *fakekernel.Kernel }

func (k dyingKernel) Eval(ctx context.Context, src string, on func(kernel.Event)) kernel.Result {
	if src == "die" {
		k.Reset()
		return kernel.Result{Err: &kernel.Error{Kind: kernel.KernelDied, Message: "the kernel exited with status 3"}}
	}
	return k.Kernel.Eval(ctx, src, on)
}

func TestKernelDeathReplays(t *testing.T) {
	k := dyingKernel{fakekernel.New()}
	out, errs, _ := runLines(t, Config{Kernel: k}, "set x 1\ndie\nget x\n")
	if !strings.Contains(errs, "status 3") || !strings.Contains(errs, "Replay the 1 cells") {
		t.Errorf("errs %q", errs)
	}
	if !strings.Contains(out, "replayed 1 cells") || !strings.HasSuffix(out, "\n1\n") {
		t.Errorf("out %q", out)
	}
}

func TestJournalAndRecovery(t *testing.T) {
	dir := t.TempDir()
	j, err := notebooks.OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = runLines(t, Config{History: meta.NewHistory(j)}, "set x 1\nset y 2\n")
	if err != nil {
		t.Fatal(err)
	}
	// End of input is a clean end: the journal is gone.
	if _, err := os.Stat(j.Path); !os.IsNotExist(err) {
		t.Fatalf("journal kept after a clean end: %v", err)
	}
	// A journal left by a dead process is offered (non-interactive: a hint)…
	orphan := notebooks.JournalPath(dir, 999999997)
	os.MkdirAll(filepath.Dir(orphan), 0o755)
	os.WriteFile(orphan, []byte("// %%\nset x 1\n\n// %%\nset y 2\n"), 0o644)
	_, errs, _ := runLines(t, Config{RecoverDir: dir}, "")
	if !strings.Contains(errs, "gostat -recover") {
		t.Errorf("no recovery hint: %q", errs)
	}
	// …and recovered with Recover.
	k := fakekernel.New()
	out, errs, err := runLines(t, Config{Kernel: k, RecoverDir: dir, Recover: true}, "get y\n")
	if err != nil || !strings.Contains(out, "recovered 2 cells") || !strings.HasSuffix(out, "2\n") {
		t.Errorf("recover: out %q errs %q err %v", out, errs, err)
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Errorf("recovered journal kept: %v", err)
	}
}

func TestDefaultHistoryFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/x/state")
	if got := DefaultHistoryFile(); got != "/x/state/gostat/history" {
		t.Errorf("got %q", got)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "/home/u")
	if got := DefaultHistoryFile(); got != "/home/u/.local/state/gostat/history" {
		t.Errorf("got %q", got)
	}
}

func TestComplete(t *testing.T) {
	k := fakekernel.New()
	k.Eval(context.Background(), "set alpha 1", nil)
	s := &session{cfg: Config{Kernel: k}}
	head, items, tail := s.complete("get al", 6)
	if head != "get " || len(items) != 1 || items[0] != "alpha" || tail != "" {
		t.Errorf("complete: %q %q %q", head, items, tail)
	}
	_, items, _ = s.complete(":sa", 3)
	if len(items) != 1 || items[0] != ":save" {
		t.Errorf("meta complete: %q", items)
	}
}
