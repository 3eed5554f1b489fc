package remote

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// Supervisor is a kernel.Kernel that keeps a kernel child running. When the
// child dies during a cell, Eval returns an error of kind KernelDied saying
// why, and a fresh child is started at once; its state is empty, so the
// front end offers to Replay the cells that had run. The display options are
// carried over to every new child.
type Supervisor struct {
	o Options

	mu       sync.Mutex
	cur      *Client
	next     chan startResult // a child being started
	opts     *display.Options
	restarts int
	deaths   []string
	closed   bool
}

type startResult struct {
	c   *Client
	err error
}

// NewSupervisor starts the first kernel child in the background and returns
// at once; the first call that needs the kernel waits for it.
func NewSupervisor(o Options) *Supervisor {
	s := &Supervisor{o: o}
	s.next = s.startAsync()
	return s
}

func (s *Supervisor) startAsync() chan startResult {
	ch := make(chan startResult, 1)
	go func() {
		c, err := Start(s.o)
		ch <- startResult{c, err}
	}()
	return ch
}

// client returns the running child, waiting for one being started.
func (s *Supervisor) client() (*Client, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, fmt.Errorf("the kernel is closed")
	}
	if s.cur != nil && s.cur.Alive() {
		return s.cur, nil
	}
	if s.cur != nil {
		// Died outside a cell (idle goroutine panic, external kill).
		s.deaths = append(s.deaths, s.cur.Reason())
		s.cur = nil
		s.restarts++
		s.next = s.startAsync()
	}
	if s.next == nil {
		s.next = s.startAsync()
	}
	r := <-s.next
	s.next = nil
	if r.err != nil {
		return nil, r.err
	}
	s.cur = r.c
	if s.opts != nil {
		r.c.SetOptions(*s.opts)
	}
	return r.c, nil
}

// replace forgets a dead child and starts its successor.
func (s *Supervisor) replace(dead *Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != dead || s.closed {
		return
	}
	s.deaths = append(s.deaths, dead.Reason())
	s.cur = nil
	s.restarts++
	s.next = s.startAsync()
}

// Ready waits until a kernel child is running and returns the time it took
// to start.
func (s *Supervisor) Ready() (time.Duration, error) {
	c, err := s.client()
	if err != nil {
		return 0, err
	}
	return c.StartDuration, nil
}

// Restarts counts the kernels that died and were replaced.
func (s *Supervisor) Restarts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restarts
}

// PID is the process id of the running kernel child (0 if none).
func (s *Supervisor) PID() int {
	c, err := s.client()
	if err != nil {
		return 0
	}
	return c.PID
}

// Eval runs a cell in the kernel child. See Client.Eval. If the child is
// still finishing an interrupted compiled call, Eval waits for it; if ctx is
// cancelled during that wait, the child is killed and restarted (the result
// is a KernelDied error, so the front end offers replay).
func (s *Supervisor) Eval(ctx context.Context, cell string, on func(kernel.Event)) kernel.Result {
	start := time.Now()
	c, err := s.client()
	if err != nil {
		return kernel.Result{Err: &kernel.Error{Kind: kernel.KernelDied, Message: "cannot start a kernel: " + err.Error()}}
	}
	if err := c.WaitIdle(ctx); err != nil {
		c.Kill()
		<-c.Dead()
		s.replace(c)
		return kernel.Result{Duration: time.Since(start), Err: &kernel.Error{
			Kind:    kernel.KernelDied,
			Message: "the kernel was restarted: it was stuck in a compiled call and you interrupted again",
			Hint:    "a fresh kernel is running; replay the cells that had run to restore the variables",
		}}
	}
	r := c.Eval(ctx, cell, on)
	if r.Err != nil && r.Err.Kind == kernel.KernelDied {
		s.replace(c)
		if r.Err.Hint != "" {
			r.Err.Hint += "; "
		}
		r.Err.Hint += "a fresh kernel is running; replay the cells that had run to restore the variables"
	}
	return r
}

// Complete forwards to the kernel child.
func (s *Supervisor) Complete(src string, pos int) ([]kernel.Completion, int) {
	c, err := s.client()
	if err != nil {
		return nil, pos
	}
	return c.Complete(src, pos)
}

// Doc forwards to the kernel child.
func (s *Supervisor) Doc(name string) (string, bool) {
	c, err := s.client()
	if err != nil {
		return "", false
	}
	return c.Doc(name)
}

// Vars forwards to the kernel child.
func (s *Supervisor) Vars() []kernel.Var {
	c, err := s.client()
	if err != nil {
		return nil
	}
	return c.Vars()
}

// SetOptions sets the display options of this and every later child.
func (s *Supervisor) SetOptions(o display.Options) {
	s.mu.Lock()
	s.opts = &o
	s.mu.Unlock()
	if c, err := s.client(); err == nil {
		c.SetOptions(o)
	}
}

// Reset discards all state by replacing the kernel child with a fresh
// one: a new process is as cheap as resetting an interpreter (about 10–20
// ms) and also ends goroutines and compiled calls a cell left running, and
// returns their memory.
func (s *Supervisor) Reset() error { return s.Restart() }

// Restart kills the kernel child and starts a fresh one.
func (s *Supervisor) Restart() error {
	c, err := s.client()
	if err != nil {
		return err
	}
	c.Kill()
	<-c.Dead()
	s.replace(c)
	_, err = s.client()
	return err
}

// Close stops the kernel child.
func (s *Supervisor) Close() error {
	s.mu.Lock()
	s.closed = true
	cur, next := s.cur, s.next
	s.cur, s.next = nil, nil
	s.mu.Unlock()
	if next != nil {
		if r := <-next; r.c != nil {
			r.c.Close()
		}
	}
	if cur != nil {
		return cur.Close()
	}
	return nil
}

var _ kernel.Kernel = (*Supervisor)(nil)

// Replay runs cells in order on k, calling each (if not nil) with every
// result, and stops at the first cell that fails. It returns the number of
// cells that ran successfully and, if one failed, an error naming it
// (1-based) and why.
func Replay(ctx context.Context, k kernel.Kernel, cells []string, each func(i int, r kernel.Result)) (int, error) {
	for i, src := range cells {
		r := k.Eval(ctx, src, nil)
		if each != nil {
			each(i, r)
		}
		if r.Err != nil {
			return i, fmt.Errorf("replay stopped at cell %d of %d: %s", i+1, len(cells), r.Err.Error())
		}
	}
	return len(cells), nil
}
