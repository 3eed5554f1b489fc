// Package cell connects compiled builtins to the cell that is running them:
// its context (so long work stops when the user presses Ctrl-C), a progress
// reporter, and a way to show a display before the cell ends.
//
// The kernel binds these hooks around each cell; outside a kernel (in tests
// or compiled programs) they are no-ops and Context is context.Background.
package cell

import (
	"context"
	"sync"

	"github.com/gostat/gostat/display"
)

// Hooks are what the kernel provides to builtins while a cell runs.
type Hooks struct {
	Ctx      context.Context
	Show     func(display.Bundle)
	Progress func(task string, done, total int)
	// Options are the display options of the front end.
	Options display.Options
}

var (
	mu    sync.RWMutex
	hooks Hooks
)

// Bind installs h for the cell about to run and returns a function that
// restores the previous hooks.
func Bind(h Hooks) (restore func()) {
	mu.Lock()
	old := hooks
	hooks = h
	mu.Unlock()
	return func() {
		mu.Lock()
		hooks = old
		mu.Unlock()
	}
}

func current() Hooks {
	mu.RLock()
	defer mu.RUnlock()
	return hooks
}

// Context returns the running cell's context. Long loops in builtins check
// Context().Err() now and then and return it when set.
func Context() context.Context {
	if c := current().Ctx; c != nil {
		return c
	}
	return context.Background()
}

// Interrupted reports whether the running cell has been asked to stop.
func Interrupted() bool { return Context().Err() != nil }

// Show sends a display to the front end while the cell is still running.
func Show(b display.Bundle) {
	if f := current().Show; f != nil {
		f(b)
	}
}

// Progress reports that done of total units of task are finished.
func Progress(task string, done, total int) {
	if f := current().Progress; f != nil {
		f(task, done, total)
	}
}

// Options returns the display options of the front end (display.Plain
// outside a kernel).
func Options() display.Options {
	o := current().Options
	if o.Width == 0 {
		return display.Plain
	}
	return o.Normalized()
}
