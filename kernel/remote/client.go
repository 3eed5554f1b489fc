package remote

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// Options say how to start a kernel child.
type Options struct {
	// Path is the executable to run; empty means this program
	// (os.Executable), whose main must call ServeChild when IsChild.
	Path string
	// Args are extra command-line arguments for the child.
	Args []string
	// Env is added to this process's environment for the child.
	Env []string
	// Dir is the child's working directory (empty: the current one).
	Dir string
	// InterruptGrace is how long Eval waits, after asking the kernel to stop
	// a cell, before giving control back while the kernel finishes a
	// blocking compiled call in the background. Zero means 1 s.
	InterruptGrace time.Duration
	// StartTimeout bounds the wait for a new child to be ready; zero
	// means 30 s.
	StartTimeout time.Duration
	// Stray receives what the child writes to its standard output and
	// error while no cell is running (a goroutine printing after its cell
	// ended). Nil discards it. While a cell runs, such writes become part of
	// the cell's output.
	Stray io.Writer
}

// Client is a kernel.Kernel running in one child process.
type Client struct {
	o   Options
	cmd *exec.Cmd
	w   *os.File

	wmu sync.Mutex
	enc *json.Encoder

	mu      sync.Mutex
	nextID  int64
	pending map[int64]chan response
	evalID  int64 // the running eval, 0 if none

	busy chan struct{} // holds a token while an eval runs in the child

	dead   chan struct{} // closed when the child has exited
	reason string        // why it exited (set before dead is closed)
	trace  string        // panic or fatal error text from its stderr
	code   int           // exit status, or -1 when killed by a signal
	closed bool          // Close was called

	tail tailBuffer // the end of the child's stderr

	// held is stderr text from the first "panic: " or "fatal error: " line
	// on, kept back while a cell runs: if the child dies it is the crash
	// report (shown once, in the error), otherwise it joins the output.
	held    strings.Builder
	holding bool

	// PID is the child's process id.
	PID int
	// StartDuration is the time from starting the process to the kernel
	// being ready.
	StartDuration time.Duration
}

// Start starts a kernel child and waits until it is ready.
func Start(o Options) (*Client, error) {
	if o.InterruptGrace == 0 {
		o.InterruptGrace = time.Second
	}
	if o.StartTimeout == 0 {
		o.StartTimeout = 30 * time.Second
	}
	path := o.Path
	if path == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("start kernel: %w", err)
		}
		path = exe
	}
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("start kernel: %w", err)
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, fmt.Errorf("start kernel: %w", err)
	}
	c := &Client{
		o:       o,
		w:       reqW,
		enc:     json.NewEncoder(reqW),
		pending: map[int64]chan response{},
		busy:    make(chan struct{}, 1),
		dead:    make(chan struct{}),
	}
	cmd := exec.Command(path, o.Args...)
	cmd.Dir = o.Dir
	cmd.Env = append(append(os.Environ(), ChildEnv+"=1"), o.Env...)
	cmd.ExtraFiles = []*os.File{reqR, respW}
	cmd.Stdout = &strayWriter{c: c}
	cmd.Stderr = &strayWriter{c: c, stderr: true}
	// A process group of its own: Ctrl-C at the terminal goes to the front
	// end only, which turns it into an interrupt request.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = time.Second
	c.cmd = cmd
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		reqR.Close()
		reqW.Close()
		respR.Close()
		respW.Close()
		return nil, fmt.Errorf("start kernel: %w", err)
	}
	reqR.Close()
	respW.Close()
	c.PID = cmd.Process.Pid

	ready := make(chan response, 1)
	readerDone := make(chan struct{})
	go c.read(respR, ready, readerDone)
	go func() {
		err := cmd.Wait()
		<-readerDone
		c.mu.Lock()
		c.reason, c.trace, c.code = exitReason(cmd.ProcessState, err, c.tail.String(), c.closed)
		c.mu.Unlock()
		close(c.dead)
	}()

	timer := time.NewTimer(o.StartTimeout)
	defer timer.Stop()
	select {
	case hello := <-ready:
		if hello.Err != "" {
			c.Kill()
			return nil, fmt.Errorf("start kernel: %s", hello.Err)
		}
		c.StartDuration = time.Since(t0)
		return c, nil
	case <-c.dead:
		return nil, fmt.Errorf("start kernel: %s", c.reason)
	case <-timer.C:
		c.Kill()
		return nil, fmt.Errorf("start kernel: not ready after %v", o.StartTimeout)
	}
}

// read dispatches the child's replies to the waiting calls.
func (c *Client) read(r io.ReadCloser, ready chan<- response, done chan<- struct{}) {
	defer close(done)
	defer r.Close()
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var resp response
			if json.Unmarshal(line, &resp) == nil {
				if resp.ID == 0 {
					select {
					case ready <- resp:
					default:
					}
				} else {
					c.mu.Lock()
					ch := c.pending[resp.ID]
					c.mu.Unlock()
					if ch != nil {
						ch <- resp
					}
				}
			}
		}
		if err != nil {
			return
		}
	}
}

// strayWriter receives the child's standard output or error.
type strayWriter struct {
	c      *Client
	stderr bool
}

func (s *strayWriter) Write(p []byte) (int, error) {
	c := s.c
	text := string(p)
	c.mu.Lock()
	if s.stderr {
		c.tail.Write(p)
		if c.evalID != 0 {
			if c.holding {
				c.held.WriteString(text)
				text = ""
			} else if i := crashStart(text); i >= 0 {
				c.holding = true
				c.held.WriteString(text[i:])
				text = text[:i]
			}
		}
	}
	ch := c.pending[c.evalID]
	c.mu.Unlock()
	if text == "" {
		return len(p), nil
	}
	if ch != nil {
		// Never block: the cell may have ended (and stopped reading)
		// between the lookup and the send.
		select {
		case ch <- response{Event: &kernel.Event{Kind: kernel.OutputEvent, Text: text}, stray: true}:
			return len(p), nil
		default:
		}
	}
	if c.o.Stray != nil {
		io.WriteString(c.o.Stray, text)
	}
	return len(p), nil
}

// crashStart is the offset of a line starting "panic: " or "fatal error: "
// in s, or -1.
func crashStart(s string) int {
	i := -1
	for _, m := range []string{"panic: ", "fatal error: "} {
		j := -1
		if strings.HasPrefix(s, m) {
			j = 0
		} else if k := strings.Index(s, "\n"+m); k >= 0 {
			j = k + 1
		}
		if j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	return i
}

// takeHeld returns and clears the held-back stderr text.
func (c *Client) takeHeld() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.held.String()
	c.held.Reset()
	c.holding = false
	return s
}

func (c *Client) register() (int64, chan response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	ch := make(chan response, 256)
	c.pending[c.nextID] = ch
	return c.nextID, ch
}

func (c *Client) unregister(id int64) {
	c.mu.Lock()
	delete(c.pending, id)
	if c.evalID == id {
		c.evalID = 0
	}
	c.mu.Unlock()
}

func (c *Client) send(req request) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.enc.Encode(req)
}

// Dead is closed when the child has exited.
func (c *Client) Dead() <-chan struct{} { return c.dead }

// Alive reports whether the child is still running.
func (c *Client) Alive() bool {
	select {
	case <-c.dead:
		return false
	default:
		return true
	}
}

// Reason says why the child exited ("" while it runs).
func (c *Client) Reason() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reason
}

// Kill kills the child (SIGKILL) without waiting.
func (c *Client) Kill() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.cmd.Process.Kill()
}

// WaitIdle waits until no cell is running in the child (one may still be
// finishing after an interrupt), ctx ends, or the child dies.
func (c *Client) WaitIdle(ctx context.Context) error {
	select {
	case c.busy <- struct{}{}:
		<-c.busy
		return nil
	default:
	}
	select {
	case c.busy <- struct{}{}:
		<-c.busy
		return nil
	case <-c.dead:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) diedResult(out string, start time.Time) kernel.Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	return kernel.Result{
		Output:   out,
		Duration: time.Since(start),
		Err: &kernel.Error{
			Kind:    kernel.KernelDied,
			Message: c.reason,
			Hint:    deathHint(c.code, c.trace),
			Stack:   c.trace,
		},
	}
}

// Eval runs a cell in the child. Cancelling ctx sends an interrupt; if the
// cell has not stopped after Options.InterruptGrace (a blocking compiled
// call), Eval returns an Interrupted error and the child finishes the call in
// the background; the next Eval waits for it. If the child dies, Eval
// returns an error of kind KernelDied saying why.
func (c *Client) Eval(ctx context.Context, cell string, on func(kernel.Event)) kernel.Result {
	start := time.Now()
	acquired := false
	select {
	case c.busy <- struct{}{}:
		acquired = true
	default:
	}
	if !acquired {
		select {
		case c.busy <- struct{}{}:
		case <-c.dead:
			return c.diedResult("", start)
		case <-ctx.Done():
			return kernel.Result{Duration: time.Since(start), Err: &kernel.Error{
				Kind:    kernel.Interrupted,
				Message: "interrupted while waiting for the kernel to finish the previous cell",
			}}
		}
	}
	id, ch := c.register()
	c.mu.Lock()
	c.evalID = id
	c.mu.Unlock()
	release := func() {
		c.unregister(id)
		<-c.busy
	}
	var stray strings.Builder
	deliver := func(resp response) (kernel.Result, bool) {
		if resp.Event != nil {
			if resp.stray {
				stray.WriteString(resp.Event.Text)
			}
			if on != nil {
				on(*resp.Event)
			}
			return kernel.Result{}, false
		}
		if !resp.Done {
			return kernel.Result{}, false
		}
		var r kernel.Result
		if resp.Result != nil {
			r = *resp.Result
		} else {
			r.Err = &kernel.Error{Kind: kernel.Runtime, Message: "kernel: " + resp.Err}
		}
		stray.WriteString(c.takeHeld())
		if stray.Len() > 0 {
			if r.Output != "" && !strings.HasSuffix(r.Output, "\n") {
				r.Output += "\n"
			}
			r.Output += stray.String()
		}
		return r, true
	}
	if err := c.send(request{ID: id, Op: opEval, Cell: cell}); err != nil {
		<-c.dead
		release()
		return c.diedResult("", start)
	}
	ctxDone := ctx.Done()
	var grace <-chan time.Time
	for {
		select {
		case resp := <-ch:
			if r, done := deliver(resp); done {
				release()
				return r
			}
		case <-ctxDone:
			ctxDone = nil
			c.send(request{ID: c.nextIDLocked(), Op: opInterrupt, Target: id})
			grace = time.After(c.o.InterruptGrace)
		case <-grace:
			go func() {
				for {
					select {
					case resp := <-ch:
						if resp.Done {
							release()
							return
						}
					case <-c.dead:
						release()
						return
					}
				}
			}()
			return kernel.Result{Output: stray.String(), Duration: time.Since(start), Err: &kernel.Error{
				Kind:    kernel.Interrupted,
				Message: "interrupted; the kernel is still inside a compiled call and finishes it in the background",
				Hint:    "the next cell starts when that call returns; press Ctrl-C while waiting to restart the kernel instead",
			}}
		case <-c.dead:
			for {
				select {
				case resp := <-ch:
					if r, done := deliver(resp); done {
						release()
						return r
					}
					continue
				default:
				}
				break
			}
			c.takeHeld()
			release()
			return c.diedResult(stray.String(), start)
		}
	}
}

func (c *Client) nextIDLocked() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	return c.nextID
}

// call sends a request and waits for its final reply.
func (c *Client) call(req request, timeout time.Duration) (response, error) {
	id, ch := c.register()
	defer c.unregister(id)
	req.ID = id
	if err := c.send(req); err != nil {
		return response{}, errors.New("the kernel is not running")
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	for {
		select {
		case resp := <-ch:
			if resp.Done {
				if resp.Err != "" {
					return resp, errors.New(resp.Err)
				}
				return resp, nil
			}
		case <-c.dead:
			return response{}, errors.New(c.Reason())
		case <-t.C:
			return response{}, fmt.Errorf("the kernel did not answer within %v", timeout)
		}
	}
}

// Complete asks the child for completions (nothing if it is busy for more
// than 2 s).
func (c *Client) Complete(src string, pos int) ([]kernel.Completion, int) {
	resp, err := c.call(request{Op: opComplete, Cell: src, Pos: pos}, 2*time.Second)
	if err != nil {
		return nil, pos
	}
	return resp.Items, resp.Start
}

// Doc asks the child for the help text of name.
func (c *Client) Doc(name string) (string, bool) {
	resp, err := c.call(request{Op: opDoc, Name: name}, 5*time.Second)
	if err != nil {
		return "", false
	}
	return resp.Text, resp.OK
}

// Vars lists the child's variables.
func (c *Client) Vars() []kernel.Var {
	resp, err := c.call(request{Op: opVars}, 5*time.Second)
	if err != nil {
		return nil
	}
	return resp.Vars
}

// SetOptions sets the display options in the child.
func (c *Client) SetOptions(o display.Options) {
	c.call(request{Op: opOptions, Options: &o}, 5*time.Second)
}

// Reset resets the child's interpreter.
func (c *Client) Reset() error {
	_, err := c.call(request{Op: opReset}, 30*time.Second)
	return err
}

// Close asks the child to exit and waits up to a second before killing it.
func (c *Client) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	if c.Alive() {
		c.call(request{Op: opClose}, time.Second)
	}
	c.w.Close()
	select {
	case <-c.dead:
	case <-time.After(time.Second):
		c.cmd.Process.Kill()
		<-c.dead
	}
	return nil
}

var _ kernel.Kernel = (*Client)(nil)

// exitReason explains how the child ended, from its wait status and the
// end of its stderr.
func exitReason(ps *os.ProcessState, waitErr error, tail string, closed bool) (reason, trace string, code int) {
	trace = crashTrace(tail)
	code = -1
	if ps == nil {
		return "the kernel could not be waited for: " + fmt.Sprint(waitErr), trace, code
	}
	ws, _ := ps.Sys().(syscall.WaitStatus)
	switch {
	case ws.Signaled() && ws.Signal() == syscall.SIGKILL && !closed:
		reason = "the kernel was killed (SIGKILL) — out of memory?"
	case ws.Signaled():
		reason = "the kernel was killed by signal " + ws.Signal().String()
	default:
		code = ps.ExitCode()
		reason = fmt.Sprintf("the kernel exited with status %d", code)
	}
	if trace != "" {
		first, _, _ := strings.Cut(trace, "\n")
		reason += ": " + first
	} else if last := lastLine(tail); last != "" && code != 0 {
		reason += ": " + last
	}
	return reason, trace, code
}

func deathHint(code int, trace string) string {
	switch {
	case strings.HasPrefix(trace, "panic:"):
		return "a panic in a goroutine the cell started ends the whole kernel; recover() inside the goroutine (defer func(){ recover() }())"
	case strings.Contains(trace, "concurrent map"):
		return "goroutines that share a map need a sync.Mutex around every access"
	case strings.Contains(trace, "out of memory"):
		return "the cell used more memory than the machine has; work on a sample or free large values"
	case code >= 0 && trace == "":
		return "os.Exit and log.Fatal end the kernel process; return an error or panic instead"
	}
	return ""
}

// crashTrace finds a Go panic or fatal error in the child's stderr: the
// first lines from the first line starting "panic: " or "fatal error: ".
func crashTrace(tail string) string {
	i := crashStart(tail)
	if i < 0 {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(tail[i:]), "\n")
	if len(lines) > 12 {
		lines = append(lines[:12], "…")
	}
	return strings.Join(lines, "\n")
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimSpace(s)
}

// tailBuffer keeps the last 16 KiB written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

const tailSize = 16 << 10

func (t *tailBuffer) Write(p []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailSize {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-tailSize:]...)
	}
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
