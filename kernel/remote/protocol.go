// Package remote runs a kernel in a child process and talks to it over a
// pair of pipes, so that nothing a cell does — os.Exit, log.Fatal, a panic in
// a goroutine it started, running out of memory, a kill -9 — can take the
// front end, and the user's work, down with it.
//
// The child is the same executable started again with ChildEnv set in its
// environment; its main function calls ServeChild first thing (see IsChild).
// Requests and replies are JSON objects, one per line, on extra file
// descriptors 3 (front end → kernel) and 4 (kernel → front end). Whatever the
// child writes to its standard output and error is not part of the protocol:
// the Client forwards it into the running cell's output and keeps its tail to
// explain a crash.
//
// Client implements kernel.Kernel for one child. Supervisor implements it
// for a succession of children: when one dies it reports why
// (kernel.KernelDied) and starts a fresh one; Replay re-runs the cells that
// had run.
package remote

import (
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// ChildEnv is the environment variable that makes an executable serve as a
// kernel child (its value is "1").
const ChildEnv = "GOSTAT_KERNEL_CHILD"

// Operations of a request.
const (
	opEval      = "eval"
	opInterrupt = "interrupt"
	opComplete  = "complete"
	opDoc       = "doc"
	opVars      = "vars"
	opOptions   = "options"
	opReset     = "reset"
	opClose     = "close"
)

// request goes from the front end to the kernel.
type request struct {
	ID      int64            `json:"id"`
	Op      string           `json:"op"`
	Cell    string           `json:"cell,omitempty"`
	Pos     int              `json:"pos,omitempty"`
	Name    string           `json:"name,omitempty"`
	Options *display.Options `json:"options,omitempty"`
	// Target is the id of the eval an interrupt is for.
	Target int64 `json:"target,omitempty"`
}

// response goes from the kernel to the front end. ID 0 is the greeting the
// kernel sends when it is ready (Ready set, or Err when it failed to start).
type response struct {
	ID     int64               `json:"id"`
	Ready  bool                `json:"ready,omitempty"`
	PID    int                 `json:"pid,omitempty"`
	Event  *kernel.Event       `json:"event,omitempty"`
	Result *kernel.Result      `json:"result,omitempty"`
	Items  []kernel.Completion `json:"items,omitempty"`
	Start  int                 `json:"start,omitempty"`
	Text   string              `json:"text,omitempty"`
	OK     bool                `json:"ok,omitempty"`
	Vars   []kernel.Var        `json:"vars,omitempty"`
	Err    string              `json:"err,omitempty"`
	// Done marks the last reply to a request.
	Done bool `json:"done,omitempty"`

	stray bool // an output event made from the child's own stdout/stderr
}
