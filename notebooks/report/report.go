// Package report writes the results of running a gostat script as documents
// to share with people who do not use gostat: a self-contained HTML page, a
// Markdown file with its images in a folder beside it, or a Jupyter
// notebook (.ipynb, nbformat 4.5).
//
// A report shows every cell of the script in order: prose cells rendered,
// code cells with their source, what they printed, their displays (tables
// in their HTML or Markdown forms, plots as PNG images) and their errors.
//
//	nb, _ := notebooks.ReadFile("analysis.gost")
//	k, _ := kernel.NewSession(kernel.Options{})
//	rep, doc := report.Run(ctx, k, nb, notebooks.Options{KeepGoing: true})
//	err := doc.WriteFile("analysis.html") // or .md, .ipynb
//
// Run asks the kernel for display.Options with Graphics "image", so that
// plots carry PNG forms; their text forms, which scripts record, are the
// same as with display.Plain.
package report

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
)

// Document is a script together with the outcome of running it: what the
// writers (HTML, Markdown, Notebook) render.
type Document struct {
	// Title is the text of the first heading of the script's first prose
	// cell, or else the script's file name without its extension.
	Title string
	// Name is the script's file name, as given to notebooks.Parse.
	Name string
	// Cells are the script's cells in order (cells holding only blank
	// lines are left out).
	Cells []Cell
	// Duration is the total time the code cells took.
	Duration time.Duration
}

// Cell is one cell of a report.
type Cell struct {
	// Markdown marks a prose cell; Source is then its text without the
	// "// " comment markers.
	Markdown bool
	// Source is the code of a code cell as it ran (without the
	// //gostat:ignore-output directive and trailing blank lines).
	Source string
	// Count is the cell's execution count: 1 for the first code cell that
	// ran, 2 for the second… 0 when the cell did not run.
	Count int
	// Outputs are what the cell printed and displayed, in order.
	Outputs []Output
	// Err is the cell's error, if it failed.
	Err *kernel.Error
	// Duration is the time the cell took.
	Duration time.Duration
	// Warnings are the kernel's notes about the cell (not errors).
	Warnings []string
}

// Ran reports whether the cell is a code cell that ran.
func (c *Cell) Ran() bool { return c.Count > 0 }

// Output is one thing a cell showed: text it printed (Display nil), or a
// display.
type Output struct {
	Text    string
	Display *display.Bundle
}

// Options are the display options a report run asks the kernel for:
// display.Plain (so text forms match the recorded outputs) with Graphics
// "image", which makes plots carry PNG images.
func Options() display.Options {
	o := display.Plain
	o.Graphics = "image"
	return o
}

// New builds the document of nb from results: the results of the code
// cells that ran, in order (the cells notebooks.Run runs: code cells that
// are not Empty). Cells past the end of results did not run. Each result's
// printed output comes before its displays (use Run to keep the order in
// which a cell printed and displayed).
func New(nb *notebooks.Notebook, results []kernel.Result) *Document {
	byCell := map[int]kernel.Result{}
	k := 0
	for i, c := range nb.Cells {
		if c.Kind == notebooks.Code && !c.Empty() && k < len(results) {
			byCell[i] = results[k]
			k++
		}
	}
	return build(nb, func(i int) (kernel.Result, []kernel.Event, bool) {
		r, ok := byCell[i]
		return r, nil, ok
	})
}

// FromReport builds the document of nb from the report of notebooks.Run
// (or notebooks.Check) on it.
func FromReport(nb *notebooks.Notebook, rep *notebooks.Report) *Document {
	byCell := map[int]kernel.Result{}
	for _, cr := range rep.Cells {
		byCell[cr.Number-1] = cr.Result
	}
	return build(nb, func(i int) (kernel.Result, []kernel.Event, bool) {
		r, ok := byCell[i]
		return r, nil, ok
	})
}

// Run runs nb on k with notebooks.Run (same options, printing and
// stopping rules) and returns its report and the document of the run. The
// document keeps the order in which each cell printed text and showed
// displays. When o.Display is the zero value, the kernel gets Options().
func Run(ctx context.Context, k kernel.Kernel, nb *notebooks.Notebook, o notebooks.Options) (*notebooks.Report, *Document) {
	if o.Display == (display.Options{}) {
		o.Display = Options()
	}
	rec := &recorder{Kernel: k}
	rep := notebooks.Run(ctx, rec, nb, o)
	byCell := map[int]recorded{}
	next := 0
	for _, cr := range rep.Cells {
		// The cells' evaluations come in order; evaluations that replay
		// earlier cells after a kernel restart have no event callback and
		// are not recorded.
		for j := next; j < len(rec.evals); j++ {
			if rec.evals[j].src == cr.Cell.Code() {
				byCell[cr.Number-1] = recorded{events: rec.evals[j].events, res: cr.Result}
				next = j + 1
				break
			}
		}
		if _, ok := byCell[cr.Number-1]; !ok {
			byCell[cr.Number-1] = recorded{res: cr.Result}
		}
	}
	return rep, build(nb, func(i int) (kernel.Result, []kernel.Event, bool) {
		r, ok := byCell[i]
		return r.res, r.events, ok
	})
}

// recorder is a kernel that keeps the events of the cells it evaluates.
type recorder struct {
	kernel.Kernel
	mu    sync.Mutex
	evals []recorded
}

type recorded struct {
	src    string
	events []kernel.Event
	res    kernel.Result
}

func (r *recorder) Eval(ctx context.Context, src string, on func(kernel.Event)) kernel.Result {
	if on == nil {
		return r.Kernel.Eval(ctx, src, nil)
	}
	var events []kernel.Event
	var mu sync.Mutex
	res := r.Kernel.Eval(ctx, src, func(e kernel.Event) {
		if e.Kind == kernel.OutputEvent || e.Kind == kernel.DisplayEvent {
			mu.Lock()
			events = append(events, e)
			mu.Unlock()
		}
		on(e)
	})
	mu.Lock()
	ev := events
	mu.Unlock()
	r.mu.Lock()
	r.evals = append(r.evals, recorded{src: src, events: ev, res: res})
	r.mu.Unlock()
	return res
}

// build makes the document; result(i) returns the outcome of nb.Cells[i]
// (ok false: the cell did not run) and, when known, its events.
func build(nb *notebooks.Notebook, result func(i int) (kernel.Result, []kernel.Event, bool)) *Document {
	d := &Document{Name: nb.Name}
	count := 0
	for i, c := range nb.Cells {
		if strings.TrimSpace(c.Source) == "" {
			continue
		}
		if c.Kind == notebooks.Markdown {
			text := prose(c.Source)
			if d.Title == "" {
				d.Title = firstHeading(text)
			}
			d.Cells = append(d.Cells, Cell{Markdown: true, Source: text})
			continue
		}
		rc := Cell{Source: codeSource(c.Source)}
		if r, events, ok := result(i); ok {
			count++
			rc.Count = count
			rc.Outputs = outputs(r, events)
			rc.Err = r.Err
			rc.Duration = r.Duration
			rc.Warnings = r.Warnings
			d.Duration += r.Duration
		}
		d.Cells = append(d.Cells, rc)
	}
	if d.Title == "" {
		base := filepath.Base(nb.Name)
		d.Title = strings.TrimSuffix(base, filepath.Ext(base))
		if d.Title == "-" || d.Title == "" || d.Title == "." {
			d.Title = "gostat report"
		}
	}
	return d
}

// outputs lists what a cell showed, text and displays in the order the
// cell produced them: by the result's DisplayAt offsets or, for results
// without them, by the events (what the events did not carry, the rest of
// the output and the displays of the final expression, follows).
func outputs(r kernel.Result, events []kernel.Event) []Output {
	var out []Output
	addText := func(s string) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Display == nil {
			out[n-1].Text += s
			return
		}
		out = append(out, Output{Text: s})
	}
	if len(r.DisplayAt) > 0 {
		r.Interleave(addText, func(_ int, b display.Bundle) { out = append(out, Output{Display: &b}) })
		return out
	}
	var streamed strings.Builder
	shown := 0
	for _, e := range events {
		switch {
		case e.Kind == kernel.OutputEvent:
			streamed.WriteString(e.Text)
			addText(e.Text)
		case e.Kind == kernel.DisplayEvent && e.Display != nil:
			b := *e.Display
			if shown < len(r.Displays) {
				b = r.Displays[shown]
			}
			shown++
			out = append(out, Output{Display: &b})
		}
	}
	rest, ok := strings.CutPrefix(r.Output, streamed.String())
	if !ok || shown > len(r.Displays) {
		// The events do not match the result (output cut short, say):
		// fall back to the result alone.
		return outputs(r, nil)
	}
	addText(rest)
	for k := shown; k < len(r.Displays); k++ {
		b := r.Displays[k]
		out = append(out, Output{Display: &b})
	}
	return out
}

// prose returns a markdown cell's text: each line without its leading
// "//" and one space, indentation after that kept (for indented code).
func prose(src string) string {
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		t := strings.TrimLeft(l, " \t")
		t = strings.TrimPrefix(t, "//")
		t = strings.TrimPrefix(t, " ")
		lines[i] = t
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// codeSource returns the code of a cell for showing: without the
// ignore-output directive and surrounding blank lines.
func codeSource(src string) string {
	var keep []string
	for _, l := range strings.Split(src, "\n") {
		if strings.TrimSpace(l) == notebooks.IgnoreOutputDirective {
			continue
		}
		keep = append(keep, strings.TrimRight(l, "\r"))
	}
	s := strings.Join(keep, "\n")
	for strings.HasPrefix(s, "\n") {
		s = s[1:]
	}
	return strings.TrimRight(s, " \t\n")
}

// firstHeading returns the text of the first ATX heading in md, if any.
func firstHeading(md string) string {
	for _, l := range strings.Split(md, "\n") {
		if lvl, text := heading(l); lvl > 0 {
			return text
		}
	}
	return ""
}

// WriteFile writes the document to path in the format its extension names:
// .html (or .htm), .md (or .markdown) or .ipynb. Files are written
// atomically; a Markdown report's images go into the folder
// <name>_files beside it.
func (d *Document) WriteFile(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return notebooks.WriteFileAtomic(path, d.HTML(), 0o644)
	case ".md", ".markdown":
		return d.writeMarkdown(path)
	case ".ipynb":
		b, err := d.Notebook()
		if err != nil {
			return err
		}
		return notebooks.WriteFileAtomic(path, b, 0o644)
	}
	return fmt.Errorf("report %s: unknown format %q; name the file .html, .md or .ipynb", path, filepath.Ext(path))
}

// Write writes the report of running nb, with results as for New, to path
// (see Document.WriteFile for the formats).
func Write(path string, nb *notebooks.Notebook, results []kernel.Result) error {
	return New(nb, results).WriteFile(path)
}

// CheckPath reports an error when path does not name a report format, so
// that a command can refuse a bad file name before running anything.
func CheckPath(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".md", ".markdown", ".ipynb":
		return nil
	}
	return fmt.Errorf("report %s: unknown format %q; name the file .html, .md or .ipynb", path, filepath.Ext(path))
}

// errorText is the plain text of a cell error: "error: line:col: message",
// the hint and the stack.
func errorText(e *kernel.Error) string {
	s := "error: " + e.Error()
	if e.Stack != "" {
		s += "\n" + strings.TrimRight(e.Stack, "\n")
	}
	return s
}
