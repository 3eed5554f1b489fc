package notebooks

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aymanbagabas/go-udiff"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
)

// Options control Run and Check.
type Options struct {
	// Display are the display options sent to the kernel; the zero value
	// means display.Plain, which keeps output reproducible.
	Display display.Options
	// KeepGoing makes Run go on after a failing cell.
	KeepGoing bool
	// Record makes Run store each cell's output in the cell (write the
	// notebook afterwards to save it).
	Record bool
	// OutDir, when set, receives the images (PNG, SVG) of the displays.
	OutDir string
	// Stdout receives the cells' outputs (Run) or the report (Check);
	// Stderr receives errors. Nil means io.Discard.
	Stdout, Stderr io.Writer
}

func (o *Options) fill() {
	if o.Display == (display.Options{}) {
		o.Display = display.Plain
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
}

// CellReport is the outcome of one cell.
type CellReport struct {
	// Number is the 1-based position of the cell in the notebook.
	Number int
	Cell   *Cell
	Result kernel.Result
	// Got is OutputText(Result).
	Got string
	// Failed: the cell returned an error that its recorded block does not
	// expect. Mismatch (Check only): the output differs from the block.
	Failed, Mismatch bool
	// Diff is the unified diff of a mismatch (recorded → got).
	Diff string
}

// Report summarises a run or check.
type Report struct {
	Name  string
	Cells []CellReport
	// Ran counts the code cells that ran; Failed the failing ones;
	// Mismatched the cells whose output differs (Check); Ignored the cells
	// excluded from comparison.
	Ran, Failed, Mismatched, Ignored int
	// Stopped is set when Run stopped at a failing cell (or ctx ended).
	Stopped  bool
	Duration time.Duration
}

// OK reports whether every cell ran as expected (and matched, for Check).
func (r *Report) OK() bool { return r.Failed == 0 && r.Mismatched == 0 && !r.Stopped }

// OutputText is the text a script records for a result: Result.Text(), and
// for a failed cell a final "error: " line (with the hint, if any).
func OutputText(r kernel.Result) string {
	s := r.Text()
	if r.Err != nil {
		s += "error: " + r.Err.Error() + "\n"
	}
	return s
}

// Normalize prepares output text for comparison: trailing spaces on each
// line and trailing blank lines are ignored, as are "\r" line endings.
func Normalize(text string) string {
	return normalizeForRecord(text)
}

// expectedFailure reports whether a failing result is what the cell's
// recorded block says.
func expectedFailure(c *Cell, got string) bool {
	return c.HasOutput && Normalize(c.Output) == Normalize(got)
}

// ErrorLine returns the file line of a cell error: the cell's source line
// plus the error's line within the cell.
func ErrorLine(c *Cell, e *kernel.Error) int {
	if e != nil && e.Line > 0 {
		return c.SourceLine + e.Line - 1
	}
	return c.SourceLine
}

// ErrorPos returns "FILE:LINE" or "FILE:LINE:COL" for a cell error, in the
// file's coordinates, as compilers print positions.
func ErrorPos(file string, c *Cell, e *kernel.Error) string {
	pos := fmt.Sprintf("%s:%d", file, ErrorLine(c, e))
	if e != nil && e.Line > 0 && e.Col > 0 {
		pos += fmt.Sprintf(":%d", e.Col)
	}
	return pos
}

// Run replays the code cells of nb in order on k, printing their outputs to
// o.Stdout as they come. At the first failing cell it prints
// "FILE:LINE: cell N: error" to o.Stderr and stops, unless o.KeepGoing.
// A failed cell whose recorded block holds that very error is expected and
// does not count as a failure.
func Run(ctx context.Context, k kernel.Kernel, nb *Notebook, o Options) *Report {
	o.fill()
	if w := nb.Width(); w > 0 {
		o.Display.Width = w
	}
	if nb.ASCII() {
		o.Display.Unicode = false
	}
	k.SetOptions(o.Display)
	rep := &Report{Name: nb.Name}
	start := time.Now()
	var done []string // cells that ran without error, to replay after a kernel death
	for i, c := range nb.Cells {
		if c.Kind != Code || c.Empty() {
			continue
		}
		if ctx.Err() != nil {
			rep.Stopped = true
			break
		}
		cr := CellReport{Number: i + 1, Cell: c}
		p := &streamPrinter{w: o.Stdout}
		cr.Result = k.Eval(ctx, c.Code(), p.event)
		p.finish(cr.Result)
		cr.Got = OutputText(cr.Result)
		rep.Ran++
		writeImages(o, nb, &cr)
		failed := cr.Result.Err != nil && !expectedFailure(c, cr.Got)
		if o.Record {
			c.SetOutput(cr.Got)
		}
		if failed {
			cr.Failed = true
			rep.Failed++
			fmt.Fprintf(o.Stderr, "%s: cell %d: %s\n", ErrorPos(nb.Name, c, cr.Result.Err), cr.Number, errorText(cr.Result.Err))
			rep.Cells = append(rep.Cells, cr)
			if !o.KeepGoing || cr.Result.Err.Kind == kernel.Interrupted && ctx.Err() != nil {
				rep.Stopped = true
				break
			}
			afterDeath(ctx, k, cr.Result, done, o.Stderr)
			continue
		}
		if cr.Result.Err == nil {
			done = append(done, c.Code())
		}
		rep.Cells = append(rep.Cells, cr)
	}
	rep.Duration = time.Since(start)
	return rep
}

func errorText(e *kernel.Error) string {
	s := e.Message
	if e.Hint != "" {
		s += "\n  hint: " + e.Hint
	}
	if e.Stack != "" {
		s += "\n" + strings.TrimRight(e.Stack, "\n")
	}
	return s
}

// streamPrinter prints a cell's events as they arrive and, at the end, what
// the events did not carry.
type streamPrinter struct {
	w        io.Writer
	out      strings.Builder
	displays int
	nl       bool // the last byte written was a newline (or nothing yet)
	wrote    bool
}

func (p *streamPrinter) write(s string) {
	if s == "" {
		return
	}
	io.WriteString(p.w, s)
	p.wrote = true
	p.nl = strings.HasSuffix(s, "\n")
}

func (p *streamPrinter) endLine() {
	if p.wrote && !p.nl {
		p.write("\n")
	}
}

func (p *streamPrinter) event(e kernel.Event) {
	switch e.Kind {
	case kernel.OutputEvent:
		p.out.WriteString(e.Text)
		p.write(e.Text)
	case kernel.DisplayEvent:
		if e.Display != nil {
			p.displays++
			p.endLine()
			p.write(e.Display.Text)
			p.endLine()
		}
	}
}

func (p *streamPrinter) finish(r kernel.Result) {
	if rest, ok := strings.CutPrefix(r.Output, p.out.String()); ok {
		p.write(rest)
	}
	p.endLine()
	for k := p.displays; k < len(r.Displays); k++ {
		p.write(r.Displays[k].Text)
		p.endLine()
	}
}

// writeImages saves the images of a cell's displays into o.OutDir as
// <script>-cell<N>-<k>.png/.svg.
func writeImages(o Options, nb *Notebook, cr *CellReport) {
	if o.OutDir == "" {
		return
	}
	base := strings.TrimSuffix(filepath.Base(nb.Name), filepath.Ext(nb.Name))
	if base == "-" || base == "" {
		base = "stdin"
	}
	for k, d := range cr.Result.Displays {
		for _, img := range []struct {
			ext  string
			data []byte
		}{{"png", d.PNG}, {"svg", d.SVG}} {
			if len(img.data) == 0 {
				continue
			}
			if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
				fmt.Fprintf(o.Stderr, "gostat: %v\n", err)
				return
			}
			path := filepath.Join(o.OutDir, fmt.Sprintf("%s-cell%d-%d.%s", base, cr.Number, k+1, img.ext))
			if err := WriteFileAtomic(path, img.data, 0o644); err != nil {
				fmt.Fprintf(o.Stderr, "gostat: %v\n", err)
				continue
			}
			fmt.Fprintf(o.Stderr, "wrote %s\n", path)
		}
	}
}

// Check replays every code cell of nb on k and compares its output with the
// recorded block (trailing spaces and trailing blank lines ignored). It
// prints a unified diff for each mismatching cell and a summary line to
// o.Stdout, like `go test`. Cells with IgnoreOutputDirective run but are not
// compared (an unexpected error still fails them).
func Check(ctx context.Context, k kernel.Kernel, nb *Notebook, o Options) *Report {
	o.fill()
	if w := nb.Width(); w > 0 {
		o.Display.Width = w
	}
	if nb.ASCII() {
		o.Display.Unicode = false
	}
	k.SetOptions(o.Display)
	rep := &Report{Name: nb.Name}
	start := time.Now()
	var done []string
	for i, c := range nb.Cells {
		if c.Kind != Code || c.Empty() {
			continue
		}
		if ctx.Err() != nil {
			rep.Stopped = true
			break
		}
		cr := CellReport{Number: i + 1, Cell: c}
		cr.Result = k.Eval(ctx, c.Code(), nil)
		cr.Got = OutputText(cr.Result)
		rep.Ran++
		if cr.Result.Err == nil {
			done = append(done, c.Code())
		} else {
			afterDeath(ctx, k, cr.Result, done, o.Stderr)
		}
		want := ""
		if c.HasOutput {
			want = c.Output
		}
		switch {
		case c.IgnoreOutput && cr.Result.Err == nil:
			rep.Ignored++
		case c.IgnoreOutput && expectedFailure(c, cr.Got):
			rep.Ignored++
		case Normalize(want) != Normalize(cr.Got):
			if cr.Result.Err != nil {
				cr.Failed = true
				rep.Failed++
			} else {
				cr.Mismatch = true
				rep.Mismatched++
			}
			if c.IgnoreOutput {
				cr.Diff = "error: " + errorText(cr.Result.Err) + "\n"
			} else {
				cr.Diff = udiff.Unified("recorded", "got", Normalize(want), Normalize(cr.Got))
			}
			fmt.Fprintf(o.Stdout, "--- FAIL: %s:%d: cell %d\n%s", nb.Name, c.Line, cr.Number, indentDiff(cr.Diff))
			if !c.HasOutput && cr.Result.Err == nil {
				fmt.Fprintf(o.Stdout, "    (the cell has no \"// Output:\" block; record one with `gostat run -record %s`)\n", nb.Name)
			}
		}
		rep.Cells = append(rep.Cells, cr)
	}
	rep.Duration = time.Since(start)
	switch {
	case rep.Stopped:
		fmt.Fprintf(o.Stdout, "FAIL\t%s\tinterrupted after %d cells\n", nb.Name, rep.Ran)
	case rep.OK():
		fmt.Fprintf(o.Stdout, "ok  \t%s\t%d cells\t%.3fs\n", nb.Name, rep.Ran, rep.Duration.Seconds())
	default:
		fmt.Fprintf(o.Stdout, "FAIL\t%s\t%d of %d cells differ\t%.3fs\n", nb.Name, rep.Failed+rep.Mismatched, rep.Ran, rep.Duration.Seconds())
	}
	return rep
}

func indentDiff(d string) string {
	var b strings.Builder
	for _, l := range outputLines(d) {
		b.WriteString("    ")
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// afterDeath rebuilds the state of a kernel that died during a cell (the
// supervisor has started a fresh one) by replaying the cells that had run,
// so that the cells after it run in the state they expect.
func afterDeath(ctx context.Context, k kernel.Kernel, r kernel.Result, done []string, stderr io.Writer) {
	if r.Err == nil || r.Err.Kind != kernel.KernelDied || len(done) == 0 {
		return
	}
	for i, src := range done {
		if rr := k.Eval(ctx, src, nil); rr.Err != nil {
			fmt.Fprintf(stderr, "gostat: replay after the kernel restart stopped at cell %d of %d: %s\n", i+1, len(done), rr.Err.Message)
			return
		}
	}
	fmt.Fprintf(stderr, "gostat: the kernel restarted; replayed the %d cells that had run\n", len(done))
}
