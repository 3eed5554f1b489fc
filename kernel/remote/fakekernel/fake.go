// Package fakekernel is a tiny scripted kernel.Kernel for tests of front
// ends, the remote protocol and the script runner. It does not run Go: each
// line of a cell is a command.
//
//	print TEXT     prints TEXT and a newline (as an output event)
//	show TEXT      shows a display with text TEXT during the cell
//	value TEXT     ends the cell with a display of TEXT (a final value)
//	png            ends the cell with a display carrying a tiny PNG
//	fail MSG       fails with a runtime error at this line
//	sleep MS       sleeps MS milliseconds (interruptible)
//	block MS       sleeps MS milliseconds, ignoring interrupts
//	spin           loops until interrupted
//	set NAME VAL   sets a variable
//	get NAME       ends the cell with the variable's value
//	exit N         exits the process with status N
//	panicgo        panics in a new goroutine (crashes the process)
//	stdout TEXT    writes TEXT straight to os.Stdout (bypassing capture)
//	stderr TEXT    writes TEXT straight to os.Stderr
//	alloc          allocates memory until the process is killed
//	pid            ends the cell with a display of the process id
//
// Blank lines and lines starting with "//" are ignored.
package fakekernel

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// Kernel is the fake kernel. The zero value is not ready; use New.
type Kernel struct {
	mu   sync.Mutex
	vars map[string]string
	opts display.Options
	// Evals counts the cells evaluated.
	Evals int
}

// New returns an empty fake kernel.
func New() *Kernel { return &Kernel{vars: map[string]string{}, opts: display.Plain} }

// Eval runs the commands of cell.
func (k *Kernel) Eval(ctx context.Context, cell string, on func(kernel.Event)) kernel.Result {
	start := time.Now()
	k.mu.Lock()
	k.Evals++
	k.mu.Unlock()
	var r kernel.Result
	emit := func(e kernel.Event) {
		if on != nil {
			on(e)
		}
	}
	var out strings.Builder
	fail := func(kind kernel.ErrorKind, line int, msg string) kernel.Result {
		r.Output = out.String()
		r.Err = &kernel.Error{Kind: kind, Message: msg, Line: line, Col: 1}
		r.Duration = time.Since(start)
		return r
	}
	for i, line := range strings.Split(cell, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		cmd, arg, _ := strings.Cut(line, " ")
		switch cmd {
		case "print":
			out.WriteString(arg + "\n")
			emit(kernel.Event{Kind: kernel.OutputEvent, Text: arg + "\n"})
		case "show":
			b := display.Text("text", arg)
			r.Displays = append(r.Displays, b)
			emit(kernel.Event{Kind: kernel.DisplayEvent, Display: &b})
		case "value":
			r.Displays = append(r.Displays, display.Text("value", arg))
		case "png":
			r.Displays = append(r.Displays, display.Bundle{Kind: "plot", Text: "[plot]", PNG: []byte("\x89PNG\r\n\x1a\nfake")})
		case "fail":
			return fail(kernel.Runtime, i+1, arg)
		case "sleep", "block":
			ms, _ := strconv.Atoi(arg)
			t := time.NewTimer(time.Duration(ms) * time.Millisecond)
			if cmd == "block" {
				<-t.C
				if ctx.Err() != nil {
					return fail(kernel.Interrupted, i+1, "interrupted")
				}
				continue
			}
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return fail(kernel.Interrupted, i+1, "interrupted")
			}
		case "spin":
			for ctx.Err() == nil {
			}
			return fail(kernel.Interrupted, i+1, "interrupted")
		case "set":
			name, val, _ := strings.Cut(arg, " ")
			k.mu.Lock()
			k.vars[name] = val
			k.mu.Unlock()
		case "get":
			k.mu.Lock()
			v, ok := k.vars[arg]
			k.mu.Unlock()
			if !ok {
				return fail(kernel.Compile, i+1, "undefined: "+arg)
			}
			r.Displays = append(r.Displays, display.Text("value", v))
		case "exit":
			n, _ := strconv.Atoi(arg)
			os.Exit(n)
		case "panicgo":
			go func() { panic("boom in goroutine") }()
			time.Sleep(time.Second)
		case "stdout":
			fmt.Fprintln(os.Stdout, arg)
		case "stderr":
			fmt.Fprintln(os.Stderr, arg)
		case "alloc":
			var keep [][]byte
			for {
				b := make([]byte, 64<<20)
				for j := range b {
					b[j] = 1
				}
				keep = append(keep, b)
			}
		case "pid":
			r.Displays = append(r.Displays, display.Text("value", strconv.Itoa(os.Getpid())))
		default:
			return fail(kernel.Compile, i+1, "unknown command "+strconv.Quote(cmd))
		}
	}
	r.Output = out.String()
	r.Duration = time.Since(start)
	return r
}

// Complete completes variable names.
func (k *Kernel) Complete(src string, pos int) ([]kernel.Completion, int) {
	start := pos
	for start > 0 && src[start-1] != ' ' && src[start-1] != '\n' {
		start--
	}
	word := src[start:pos]
	var items []kernel.Completion
	for _, v := range k.Vars() {
		if strings.HasPrefix(v.Name, word) {
			items = append(items, kernel.Completion{Text: v.Name, Kind: "var"})
		}
	}
	return items, start
}

// Doc knows the names "stats" and "frame" and the variables.
func (k *Kernel) Doc(name string) (string, bool) {
	switch name {
	case "stats":
		return "Package stats does statistics.\n\nMore text.", true
	case "frame":
		return "Package frame holds dataframes.", true
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if v, ok := k.vars[name]; ok {
		return "var " + name + " string = " + strconv.Quote(v), true
	}
	return "", false
}

// Vars lists the variables.
func (k *Kernel) Vars() []kernel.Var {
	k.mu.Lock()
	defer k.mu.Unlock()
	var vs []kernel.Var
	for n, v := range k.vars {
		vs = append(vs, kernel.Var{Name: n, Type: "string", Value: strconv.Quote(v)})
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Name < vs[j].Name })
	return vs
}

// SetOptions stores o.
func (k *Kernel) SetOptions(o display.Options) {
	k.mu.Lock()
	k.opts = o
	k.mu.Unlock()
}

// Options returns the options last set.
func (k *Kernel) Options() display.Options {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.opts
}

// Reset forgets the variables.
func (k *Kernel) Reset() error {
	k.mu.Lock()
	k.vars = map[string]string{}
	k.mu.Unlock()
	return nil
}

// Close does nothing.
func (k *Kernel) Close() error { return nil }

var _ kernel.Kernel = (*Kernel)(nil)
