// Package kernel runs one interpreter session: it evaluates cells of Go code
// with yaegi, keeps their state, captures what they print, contains their
// panics, stops them on request, and answers the questions front ends ask
// (completion, docs, variables). It knows nothing about terminals.
//
// Front ends talk to a Kernel. Session is the in-process implementation;
// package kernel/remote runs a Session in a child process and implements the
// same interface over a pipe, so that a crash of user code never takes the
// front end (and the user's work) with it.
package kernel

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/gostat/gostat/display"
)

// Kernel is what every front end (line REPL, notebook UI, `gostat run` and
// `gostat check`) uses to evaluate code.
type Kernel interface {
	// Eval runs one cell. Cancelling ctx interrupts it; Eval then returns
	// promptly with an error of kind Interrupted. on, if not nil, is called
	// with events (printed output, displays, progress) while the cell runs,
	// in order, from one goroutine at a time.
	Eval(ctx context.Context, cell string, on func(Event)) Result
	// Complete returns completion candidates for src with the cursor at
	// byte offset pos, and the byte offset where the replaced word starts.
	Complete(src string, pos int) (items []Completion, start int)
	// Doc returns the help text for a name: a builtin package or member
	// ("stats.TTest"), a stdlib symbol, a variable of the session, or a
	// meta-command. ok is false when nothing is known by that name.
	Doc(name string) (text string, ok bool)
	// Vars lists the session's variables, sorted by name.
	Vars() []Var
	// SetOptions sets the display options used for following cells.
	SetOptions(o display.Options)
	// Reset discards all state and starts a fresh interpreter.
	Reset() error
	// Close releases the kernel.
	Close() error
}

// Result is the outcome of evaluating one cell.
type Result struct {
	// Output is everything the cell printed to standard output and
	// standard error (interpreted and compiled code alike), in order.
	Output string `json:"output,omitempty"`
	// Displays are the displays the cell produced, in order: values shown
	// explicitly during the cell, then the value(s) of a final expression.
	Displays []display.Bundle `json:"displays,omitempty"`
	// DisplayAt[i] is the length of Output when Displays[i] was shown: the
	// display came after that much printed text. Nil means every display
	// follows all of Output (results made before this field existed).
	DisplayAt []int `json:"display_at,omitempty"`
	// Err is nil on success.
	Err *Error `json:"err,omitempty"`
	// Duration is the wall time the cell took.
	Duration time.Duration `json:"duration"`
	// Warnings are notes about the cell that are not errors (for example
	// a redefined type).
	Warnings []string `json:"warnings,omitempty"`
}

// ErrorKind classifies why a cell failed.
type ErrorKind string

const (
	// Syntax: the cell does not parse.
	Syntax ErrorKind = "syntax"
	// Compile: the cell parses but does not type-check or compile.
	Compile ErrorKind = "compile"
	// Runtime: the cell panicked while running (index out of range, nil
	// map, explicit panic, …).
	Runtime ErrorKind = "runtime"
	// Unsupported: the cell uses a Go feature the interpreter lacks.
	Unsupported ErrorKind = "unsupported"
	// Interrupted: the cell was stopped by the user (Ctrl-C) or a deadline.
	Interrupted ErrorKind = "interrupted"
	// KernelDied: the kernel process exited while running the cell
	// (os.Exit, log.Fatal, out of memory, a panic in a goroutine…).
	KernelDied ErrorKind = "kernel-died"
)

// Error is a failed cell: what went wrong, where in the user's cell, and
// what to do about it.
type Error struct {
	Kind    ErrorKind `json:"kind"`
	Message string    `json:"message"`
	// Line and Col are 1-based positions in the cell (0 when unknown).
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
	// Hint suggests a fix, when one is known.
	Hint string `json:"hint,omitempty"`
	// Stack is the user's call stack for runtime panics (cell lines only).
	Stack string `json:"stack,omitempty"`
}

// Error formats the error as "line:col: message" plus the hint.
func (e *Error) Error() string {
	s := ""
	if e.Line > 0 {
		s = strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": "
	}
	s += e.Message
	if e.Hint != "" {
		s += "\n  hint: " + e.Hint
	}
	return s
}

// Text is the canonical plain text of a result: what the cell printed,
// followed by the plain-text form of each display, each ending in a newline.
// It is what scripts record in their `// Output:` blocks.
func (r Result) Text() string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		if s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	r.Interleave(line, func(_ int, d display.Bundle) { line(d.Text) })
	return b.String()
}

// Interleave calls text with the pieces of Output and disp with each
// display, in the order the cell produced them (see DisplayAt). Empty
// pieces of text are skipped.
func (r Result) Interleave(text func(string), disp func(i int, d display.Bundle)) {
	at := 0
	for i, d := range r.Displays {
		if i < len(r.DisplayAt) {
			if end := min(max(r.DisplayAt[i], at), len(r.Output)); end > at {
				text(r.Output[at:end])
				at = end
			}
		}
		if i >= len(r.DisplayAt) && at < len(r.Output) {
			text(r.Output[at:])
			at = len(r.Output)
		}
		disp(i, d)
	}
	if at < len(r.Output) {
		text(r.Output[at:])
	}
}

// EventKind tells what an Event carries.
type EventKind string

const (
	// OutputEvent carries text the cell printed.
	OutputEvent EventKind = "output"
	// DisplayEvent carries a display shown during the cell.
	DisplayEvent EventKind = "display"
	// ProgressEvent reports progress of a long builtin.
	ProgressEvent EventKind = "progress"
)

// Event is something that happened while a cell ran.
type Event struct {
	Kind    EventKind       `json:"kind"`
	Text    string          `json:"text,omitempty"`
	Display *display.Bundle `json:"display,omitempty"`
	// Progress: Done of Total units of the task named Text.
	Done  int `json:"done,omitempty"`
	Total int `json:"total,omitempty"`
}

// Completion is one completion candidate.
type Completion struct {
	// Text is what replaces the word being completed.
	Text string `json:"text"`
	// Kind is "func", "var", "const", "type", "package", "field",
	// "method", "keyword" or "column".
	Kind string `json:"kind,omitempty"`
	// Detail is a one-line signature or type.
	Detail string `json:"detail,omitempty"`
	// Doc is the first line of the documentation, if any.
	Doc string `json:"doc,omitempty"`
}

// Var describes one variable of a session.
type Var struct {
	Name string `json:"name"`
	Type string `json:"type"`
	// Value is a short one-line rendering of the value (a frame shows
	// its shape).
	Value string `json:"value"`
}
