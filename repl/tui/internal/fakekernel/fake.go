// Package fakekernel is a scripted kernel.Kernel for testing front ends
// without an interpreter. It understands a few cell forms:
//
//	name := value     stores a variable (value shown as typed)
//	print TEXT        prints TEXT
//	lines N           prints N numbered lines
//	wide N            prints one line of N columns
//	plot              shows a plot display (Text braille form, ANSI twin)
//	progress N        reports N progress steps, then prints "done"
//	sleep D           waits D (a time.Duration), interruptibly
//	for {}            runs until interrupted
//	fail              fails with a compile error at 1:5 with a hint
//	die               kills the kernel (KernelDied); the next cell restarts it
//	anything else     echoes the cell as the value of its last line
package fakekernel

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// Kernel is the fake. The zero value is not usable; call New.
type Kernel struct {
	mu       sync.Mutex
	vars     map[string]string
	opts     display.Options
	Restarts int
	// Fixed makes every Duration this value (deterministic views).
	Fixed time.Duration
}

// New returns an empty fake kernel.
func New() *Kernel { return &Kernel{vars: map[string]string{}, Fixed: 1500 * time.Microsecond} }

// Options returns the last display options set.
func (k *Kernel) Options() display.Options {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.opts
}

// Eval runs one cell.
func (k *Kernel) Eval(ctx context.Context, cell string, on func(kernel.Event)) kernel.Result {
	if on == nil {
		on = func(kernel.Event) {}
	}
	start := time.Now()
	res := k.eval(ctx, strings.TrimSpace(cell), on)
	res.Duration = time.Since(start)
	if k.Fixed > 0 {
		res.Duration = k.Fixed
	}
	return res
}

func (k *Kernel) eval(ctx context.Context, src string, on func(kernel.Event)) kernel.Result {
	word, arg, _ := strings.Cut(src, " ")
	switch {
	case src == "for {}":
		<-ctx.Done()
		return kernel.Result{Err: &kernel.Error{Kind: kernel.Interrupted, Message: "interrupted by the user"}}
	case word == "sleep":
		d, _ := time.ParseDuration(arg)
		select {
		case <-time.After(d):
			return kernel.Result{Output: "slept\n"}
		case <-ctx.Done():
			return kernel.Result{Err: &kernel.Error{Kind: kernel.Interrupted, Message: "interrupted by the user"}}
		}
	case src == "fail":
		return kernel.Result{Err: &kernel.Error{Kind: kernel.Compile, Message: "undefined: fail", Line: 1, Col: 5, Hint: "declare it first"}}
	case src == "die":
		k.mu.Lock()
		k.vars = map[string]string{}
		k.Restarts++
		k.mu.Unlock()
		return kernel.Result{Err: &kernel.Error{Kind: kernel.KernelDied, Message: "exit status 3"}}
	case word == "print":
		on(kernel.Event{Kind: kernel.OutputEvent, Text: arg + "\n"})
		return kernel.Result{Output: arg + "\n"}
	case word == "lines":
		n, _ := strconv.Atoi(arg)
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "line %d\n", i)
		}
		return kernel.Result{Output: b.String()}
	case word == "wide":
		n, _ := strconv.Atoi(arg)
		var b strings.Builder
		for b.Len() < n {
			fmt.Fprintf(&b, "col%-6d", b.Len()/9)
		}
		return kernel.Result{Output: b.String()[:n] + "\n"}
	case src == "plot":
		b := Plot(k.Options().Width)
		on(kernel.Event{Kind: kernel.DisplayEvent, Display: &b})
		return kernel.Result{Displays: []display.Bundle{b}}
	case word == "progress":
		n, _ := strconv.Atoi(arg)
		for i := 1; i <= n; i++ {
			on(kernel.Event{Kind: kernel.ProgressEvent, Text: "fitting", Done: i, Total: n})
			select {
			case <-time.After(20 * time.Millisecond):
			case <-ctx.Done():
				return kernel.Result{Err: &kernel.Error{Kind: kernel.Interrupted, Message: "interrupted by the user"}}
			}
		}
		return kernel.Result{Output: "done\n"}
	}
	lines := strings.Split(src, "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if name, val, ok := strings.Cut(last, ":="); ok {
		k.mu.Lock()
		k.vars[strings.TrimSpace(name)] = strings.TrimSpace(val)
		k.mu.Unlock()
		return kernel.Result{}
	}
	k.mu.Lock()
	v, ok := k.vars[last]
	k.mu.Unlock()
	if ok {
		return kernel.Result{Displays: []display.Bundle{display.Text("value", v)}}
	}
	return kernel.Result{Displays: []display.Bundle{display.Text("value", last)}}
}

// Plot is a small braille "plot" bundle of the given width.
func Plot(width int) display.Bundle {
	if width <= 0 {
		width = 60
	}
	w := min(width, 40)
	var b strings.Builder
	b.WriteString("  y\n")
	for r := 0; r < 6; r++ {
		b.WriteString("  │")
		for c := 0; c < w-3; c++ {
			if (c/3+r)%6 == 5 {
				b.WriteRune('⣿')
			} else {
				b.WriteRune(' ')
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("  └" + strings.Repeat("─", w-3) + " x\n")
	text := b.String()
	return display.Bundle{Kind: "plot", Text: text, ANSI: "\x1b[36m" + strings.ReplaceAll(text, "\n", "\x1b[0m\n\x1b[36m") + "\x1b[0m"}
}

// Complete offers the variables and a few package members.
func (k *Kernel) Complete(src string, pos int) ([]kernel.Completion, int) {
	start := pos
	for start > 0 && isIdent(src[start-1]) {
		start--
	}
	word := src[start:pos]
	pkg := ""
	if start > 0 && src[start-1] == '.' {
		p := start - 1
		for p > 0 && isIdent(src[p-1]) {
			p--
		}
		pkg = src[p : start-1]
	}
	var cands []kernel.Completion
	if pkg == "stats" {
		cands = []kernel.Completion{
			{Text: "Mean", Kind: "func", Detail: "func(x []float64) float64", Doc: "Mean returns the arithmetic mean of x."},
			{Text: "Median", Kind: "func", Detail: "func(x []float64) float64", Doc: "Median returns the middle value of x."},
			{Text: "TTest", Kind: "func", Detail: "func(x, y []float64) *TTestResult", Doc: "TTest is Welch's two-sample t-test."},
		}
	} else {
		k.mu.Lock()
		for name, v := range k.vars {
			cands = append(cands, kernel.Completion{Text: name, Kind: "var", Detail: "= " + v})
		}
		k.mu.Unlock()
		cands = append(cands, kernel.Completion{Text: "stats", Kind: "package", Doc: "Package stats: descriptive statistics and tests."})
	}
	var out []kernel.Completion
	for _, c := range cands {
		if strings.HasPrefix(c.Text, word) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out, start
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Doc knows stats.Mean and the variables.
func (k *Kernel) Doc(name string) (string, bool) {
	switch name {
	case "stats.Mean", "Mean":
		return "func Mean(x []float64) float64\n\nMean returns the arithmetic mean of x: sum(x)/len(x).\nIt is NaN for an empty slice.", true
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if v, ok := k.vars[name]; ok {
		return name + " = " + v, true
	}
	return "", false
}

// Vars lists the variables sorted by name.
func (k *Kernel) Vars() []kernel.Var {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []kernel.Var
	for n, v := range k.vars {
		out = append(out, kernel.Var{Name: n, Type: "int", Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// SetOptions records the display options.
func (k *Kernel) SetOptions(o display.Options) {
	k.mu.Lock()
	k.opts = o
	k.mu.Unlock()
}

// Reset forgets all variables.
func (k *Kernel) Reset() error {
	k.mu.Lock()
	k.vars = map[string]string{}
	k.mu.Unlock()
	return nil
}

// Close does nothing.
func (k *Kernel) Close() error { return nil }

var _ kernel.Kernel = (*Kernel)(nil)
