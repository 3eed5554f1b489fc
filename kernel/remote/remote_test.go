package remote

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote/fakekernel"
)

// The test binary doubles as the kernel child: Start re-executes it with
// ChildEnv set.
func TestMain(m *testing.M) {
	if IsChild() {
		os.Exit(ServeChild(func() (kernel.Kernel, error) { return fakekernel.New(), nil }))
	}
	os.Exit(m.Run())
}

func startClient(t *testing.T, o Options) *Client {
	t.Helper()
	c, err := Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestEvalEventsAndResult(t *testing.T) {
	var stray syncBuffer
	c := startClient(t, Options{Stray: &stray})
	var events []string
	r := c.Eval(context.Background(), "print a\nshow s\nvalue v", func(e kernel.Event) {
		if e.Display != nil {
			events = append(events, "display:"+e.Display.Text)
		} else {
			events = append(events, string(e.Kind)+":"+e.Text)
		}
	})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := strings.Join(events, "|"); got != "output:a\n|display:s" {
		t.Errorf("events %q", got)
	}
	if r.Text() != "a\ns\nv\n" {
		t.Errorf("text %q", r.Text())
	}
	r = c.Eval(context.Background(), "fail nope", nil)
	if r.Err == nil || r.Err.Kind != kernel.Runtime || r.Err.Message != "nope" || r.Err.Line != 1 {
		t.Errorf("error %+v", r.Err)
	}
	// Writes to the child's own stdout travel outside the protocol: they
	// join the running cell's output when they arrive before its result,
	// and go to Options.Stray otherwise. Either way they are not lost and
	// do not corrupt the protocol.
	r = c.Eval(context.Background(), "stdout raw\nsleep 20\nvalue after", nil)
	deadline := time.Now().Add(2 * time.Second)
	for !strings.Contains(r.Output+stray.String(), "raw\n") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if !strings.Contains(r.Output+stray.String(), "raw\n") || r.Err != nil || !strings.HasSuffix(r.Text(), "after\n") {
		t.Errorf("stray write: result %+v, stray %q", r, stray.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestQueries(t *testing.T) {
	c := startClient(t, Options{})
	c.Eval(context.Background(), "set alpha 1\nset beta 2", nil)
	vs := c.Vars()
	if len(vs) != 2 || vs[0].Name != "alpha" || vs[1].Value != `"2"` {
		t.Errorf("vars %+v", vs)
	}
	items, start := c.Complete("x al", 4)
	if len(items) != 1 || items[0].Text != "alpha" || start != 2 {
		t.Errorf("complete %+v %d", items, start)
	}
	if d, ok := c.Doc("stats"); !ok || !strings.HasPrefix(d, "Package stats") {
		t.Errorf("doc %q %v", d, ok)
	}
	if _, ok := c.Doc("nothing"); ok {
		t.Error("doc of an unknown name")
	}
	if err := c.Reset(); err != nil {
		t.Fatal(err)
	}
	if vs := c.Vars(); len(vs) != 0 {
		t.Errorf("vars after reset %+v", vs)
	}
}

func TestInterrupt(t *testing.T) {
	c := startClient(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	t0 := time.Now()
	r := c.Eval(ctx, "print before\nspin", nil)
	took := time.Since(t0) - 50*time.Millisecond
	if r.Err == nil || r.Err.Kind != kernel.Interrupted {
		t.Fatalf("result %+v", r)
	}
	if r.Output != "before\n" {
		t.Errorf("output %q", r.Output)
	}
	t.Logf("interrupt returned %v after the cancel", took)
	if r := c.Eval(context.Background(), "value ok", nil); r.Err != nil || r.Text() != "ok\n" {
		t.Errorf("after interrupt: %+v", r)
	}
}

func TestInterruptBlockedCall(t *testing.T) {
	c := startClient(t, Options{InterruptGrace: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	r := c.Eval(ctx, "block 700\nprint never", nil)
	if r.Err == nil || r.Err.Kind != kernel.Interrupted || !strings.Contains(r.Err.Message, "background") {
		t.Fatalf("result %+v", r.Err)
	}
	// The next cell waits for the blocked call, then runs.
	r = c.Eval(context.Background(), "value next", nil)
	if r.Err != nil || r.Text() != "next\n" {
		t.Errorf("next cell %+v", r)
	}
}

func TestKernelDeaths(t *testing.T) {
	cases := []struct {
		name, cell string
		want       []string // substrings of the message
		hint       string
		kill       bool // the test SIGKILLs the child
	}{
		{name: "os.Exit", cell: "print bye\nexit 3", want: []string{"exited with status 3"}, hint: "os.Exit"},
		{name: "goroutine panic", cell: "panicgo", want: []string{"exited with status 2", "panic: boom in goroutine"}, hint: "recover"},
		{name: "SIGKILL", cell: "sleep 10000", kill: true, want: []string{"SIGKILL", "out of memory?"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSupervisor(Options{})
			defer s.Close()
			if r := s.Eval(context.Background(), "set x 1", nil); r.Err != nil {
				t.Fatal(r.Err)
			}
			pid := s.PID()
			if tc.kill {
				time.AfterFunc(100*time.Millisecond, func() { syscall.Kill(pid, syscall.SIGKILL) })
			}
			r := s.Eval(context.Background(), tc.cell, nil)
			if r.Err == nil || r.Err.Kind != kernel.KernelDied {
				t.Fatalf("result %+v", r)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Err.Message, w) {
					t.Errorf("message %q lacks %q", r.Err.Message, w)
				}
			}
			if !strings.Contains(r.Err.Hint, tc.hint) || !strings.Contains(r.Err.Hint, "replay") {
				t.Errorf("hint %q lacks %q and replay", r.Err.Hint, tc.hint)
			}
			// A fresh kernel answers; its state is gone until replayed.
			if r := s.Eval(context.Background(), "get x", nil); r.Err == nil || !strings.Contains(r.Err.Message, "undefined") {
				t.Errorf("fresh kernel still has x: %+v", r)
			}
			if s.PID() == pid || s.Restarts() != 1 {
				t.Errorf("pid %d (was %d), restarts %d", s.PID(), pid, s.Restarts())
			}
			n, err := Replay(context.Background(), s, []string{"set x 1", "set y 2"}, nil)
			if err != nil || n != 2 {
				t.Fatalf("replay %d %v", n, err)
			}
			if r := s.Eval(context.Background(), "get x", nil); r.Text() != "1\n" {
				t.Errorf("after replay x = %q", r.Text())
			}
		})
	}
}

func TestSupervisorRestartsIdleDeath(t *testing.T) {
	s := NewSupervisor(Options{})
	defer s.Close()
	pid := s.PID()
	syscall.Kill(pid, syscall.SIGKILL)
	time.Sleep(50 * time.Millisecond)
	r := s.Eval(context.Background(), "pid", nil)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if r.Text() == strconv.Itoa(pid)+"\n" {
		t.Error("the dead child answered")
	}
}

func TestSupervisorKillsStuckKernel(t *testing.T) {
	s := NewSupervisor(Options{InterruptGrace: 50 * time.Millisecond})
	defer s.Close()
	if _, err := s.Ready(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	if r := s.Eval(ctx, "block 5000", nil); r.Err == nil || r.Err.Kind != kernel.Interrupted {
		t.Fatalf("first %+v", r.Err)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel2)
	r := s.Eval(ctx2, "value x", nil)
	if r.Err == nil || r.Err.Kind != kernel.KernelDied || !strings.Contains(r.Err.Message, "stuck") {
		t.Fatalf("second %+v", r.Err)
	}
	if r := s.Eval(context.Background(), "value y", nil); r.Err != nil || r.Text() != "y\n" {
		t.Errorf("third %+v", r)
	}
}

func TestReplayStops(t *testing.T) {
	k := fakekernel.New()
	var seen []int
	n, err := Replay(context.Background(), k, []string{"set a 1", "fail x", "set b 2"}, func(i int, r kernel.Result) { seen = append(seen, i) })
	if n != 1 || err == nil || !strings.Contains(err.Error(), "cell 2 of 3") || len(seen) != 2 {
		t.Errorf("n %d err %v seen %v", n, err, seen)
	}
}

func TestCrashTrace(t *testing.T) {
	tail := "noise\npanic: boom\n\ngoroutine 7 [running]:\nmain.f()\n"
	if got := crashTrace(tail); !strings.HasPrefix(got, "panic: boom\n") {
		t.Errorf("trace %q", got)
	}
	if got := crashTrace("fatal error: runtime: out of memory\n"); got != "fatal error: runtime: out of memory" {
		t.Errorf("trace %q", got)
	}
	if got := crashTrace("just a log line\n"); got != "" {
		t.Errorf("trace %q", got)
	}
}

// BenchmarkStart measures starting a kernel child until it is ready, and
// closing it (the test binary with the fake kernel serves as the child).
func BenchmarkStart(b *testing.B) {
	for i := 0; i < b.N; i++ {
		c, err := Start(Options{})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

// BenchmarkEvalRoundTrip measures one trivial cell over the pipes.
func BenchmarkEvalRoundTrip(b *testing.B) {
	c, err := Start(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	for i := 0; i < b.N; i++ {
		c.Eval(context.Background(), "value 1", nil)
	}
}

func TestSupervisorReset(t *testing.T) {
	s := NewSupervisor(Options{})
	defer s.Close()
	s.Eval(context.Background(), "set x 1", nil)
	pid := s.PID()
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	if r := s.Eval(context.Background(), "get x", nil); r.Err == nil {
		t.Errorf("x survived the reset: %+v", r)
	}
	if s.PID() == pid {
		t.Error("reset kept the same kernel process")
	}
}

// TestOutOfMemory runs the kernel child under an address-space limit and
// lets a cell allocate until the Go runtime gives up. The limit leaves room
// above a fresh child's own address space (near 1.5 GB, mostly reserved and
// untouched): at 1.5 GB the restarted child itself sometimes failed to start.
func TestOutOfMemory(t *testing.T) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit not installed")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSupervisor(Options{Path: prlimit, Args: []string{"--as=3000000000", "--", exe}})
	defer s.Close()
	if _, err := s.Ready(); err != nil {
		t.Skipf("cannot start a kernel under prlimit: %v", err)
	}
	r := s.Eval(context.Background(), "alloc", nil)
	if r.Err == nil || r.Err.Kind != kernel.KernelDied {
		t.Fatalf("result %+v", r)
	}
	t.Logf("%s\n  hint: %s", r.Err.Message, r.Err.Hint)
	if !strings.Contains(r.Err.Message, "out of memory") || !strings.Contains(r.Err.Hint, "more memory") {
		t.Errorf("message %q hint %q", r.Err.Message, r.Err.Hint)
	}
	if r := s.Eval(context.Background(), "value alive", nil); r.Err != nil {
		t.Errorf("after the restart: %+v", r.Err)
	}
}
