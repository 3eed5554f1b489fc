// Command gostat is a statistics and machine-learning workbench for the
// terminal: type Go at a prompt, get tables, model summaries and plots, and
// save the session as a script that replays and checks itself.
//
// Usage:
//
//	gostat [-plain] [-ascii] [-recover]  interactive session (notebook UI or line mode)
//	gostat [-plain] [-ascii] FILE        open a script: run its cells, then go on interactively
//	gostat run [-k] [-record] [-ascii] [-o DIR] [-report FILE] FILE|-   replay a script, printing its outputs
//	gostat check FILE...             replay scripts and compare with their recorded outputs
//	gostat version                   print the version
//	gostat help                      print this help
//
// Piping a script into gostat runs it like `gostat run -`; piping other
// lines runs them one cell at a time.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"

	xterm "github.com/charmbracelet/x/term"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote"
	"github.com/gostat/gostat/notebooks"
	"github.com/gostat/gostat/notebooks/report"
	"github.com/gostat/gostat/plotting/term"
	"github.com/gostat/gostat/repl/line"
	"github.com/gostat/gostat/repl/meta"
)

const usage = `gostat — statistics and machine learning in Go, at the terminal

Usage:
  gostat [-plain] [-ascii] [-recover]   start an interactive session
  gostat [-plain] [-ascii] FILE         open a script: run its cells, then go on interactively
  gostat run [-k] [-record] [-ascii] [-o DIR] [-report FILE] FILE|-
                                        replay a script (- reads standard input)
  gostat check FILE...                  replay scripts and compare each cell's output
                                        with its recorded "// Output:" block
  gostat version                        print the version
  gostat help                           print this help

` + sessionFlags + "\n" + runFlags + `
Scripts: cells start with "// %%" lines, prose cells with "// %% [markdown]";
see README.md. Inside a session, :help lists the builtins and meta-commands.
`

const sessionFlags = `Flags of an interactive session:
  -plain     line mode even on a full terminal (also when TERM=dumb or input is piped)
  -recover   replay the journals of sessions that ended without :quit
  -ascii     draw tables and plots in plain ASCII (also GOSTAT_ASCII=1; chosen
             by itself when TERM=dumb or the locale is not UTF-8, e.g. LANG=C)
`

const runFlags = `Flags of run:
  -k         keep going after a failing cell
  -record    write each cell's output into the script's "// Output:" blocks
  -ascii     draw tables and plots in plain ASCII (also GOSTAT_ASCII=1); with
             -record the script gets a //gostat:ascii header line
  -o DIR     write the images of plots into DIR
  -report FILE
             write a report of the run, in the format of FILE's extension:
             .html (one self-contained page), .md (images in NAME_files/
             beside it) or .ipynb (Jupyter); repeat the flag or separate
             names with commas for several reports
`

// subUsage is what "gostat CMD -h" prints.
var subUsage = map[string]string{
	"run": `Usage: gostat run [-k] [-record] [-ascii] [-o DIR] [-report FILE] FILE|-

Replays a script's code cells in order on a fresh kernel, printing their
outputs; - reads the script from standard input. The exit status is 1 when a
cell fails (unless its recorded block expects that error).

` + runFlags + `
Examples:
  gostat run examples/tour.gost
  gostat run -record analysis.gost        # (re)write the "// Output:" blocks
  gostat run -report out.html,out.md,out.ipynb analysis.gost
`,
	"check": `Usage: gostat check FILE...

Replays each script on a fresh kernel and compares every code cell's output
with its recorded "// Output:" block, printing a diff for each cell that
differs and one "ok"/"FAIL" line per script, like go test. Trailing spaces
and trailing blank lines are ignored; cells marked //gostat:ignore-output run
but are not compared; a header line //gostat:width N (or //gostat:ascii)
lays the outputs out as they were recorded. The exit status is 1 when a
script differs.
`,
	"gostat": `Usage: gostat [-plain] [-ascii] [-recover] [FILE]

Starts an interactive session: the notebook UI on a full terminal, line mode
otherwise. With FILE, its cells run first. Piped input runs as a script
(when it starts with "// %%") or line by line.

` + sessionFlags,
}

func main() {
	if remote.IsChild() {
		os.Exit(remote.ServeChild(newChildKernel))
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// newChildKernel is the kernel a child process serves.
func newChildKernel() (kernel.Kernel, error) {
	return kernel.NewSession(kernel.Options{KeepStdioRedirected: true})
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // a cell failed or an output differs
	exitUsage = 2 // bad command line or unreadable script
)

// Main runs gostat with args and returns the exit status.
func Main(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "run":
			return cmdRun(args[1:], stdin, stdout, stderr)
		case "check":
			return cmdCheck(args[1:], stdout, stderr)
		case "version", "-version", "--version":
			fmt.Fprintln(stdout, version())
			return exitOK
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return exitOK
		}
	}
	return cmdSession(args, stdin, stdout, stderr)
}

func usageError(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "gostat: "+format+"\n", a...)
	fmt.Fprintln(stderr, "Run 'gostat help' for usage.")
	return exitUsage
}

// parseInterleaved parses flags that may come before or after the
// positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	return fs
}

// flagError turns a command line error into the exit status: -h prints the
// command's usage to stdout (status 0); other errors are usage errors.
func flagError(cmd string, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, subUsage[cmd])
		return exitOK
	}
	if cmd == "gostat" {
		return usageError(stderr, "%v", err)
	}
	return usageError(stderr, "%s: %v", cmd, err)
}

// interruptContext is cancelled by the first Ctrl-C (SIGINT); a second one
// kills the process the default way.
func interruptContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() {
		select {
		case <-sig:
			cancel()
			signal.Stop(sig)
		case <-ctx.Done():
		}
	}()
	return ctx, func() { signal.Stop(sig); cancel() }
}

func readScript(name string, stdin io.Reader) (*notebooks.Notebook, error) {
	if name == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, err
		}
		return notebooks.Parse("-", b)
	}
	return notebooks.ReadFile(name)
}

func cmdRun(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	fs := newFlagSet("run", stderr)
	keep := fs.Bool("k", false, "keep going after a failing cell")
	record := fs.Bool("record", false, "record outputs into the script")
	outDir := fs.String("o", "", "folder for plot images")
	ascii := fs.Bool("ascii", false, "plain ASCII output")
	var reports reportFlag
	fs.Var(&reports, "report", "write a report (.html, .md, .ipynb)")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagError("run", err, stdout, stderr)
	}
	if len(files) != 1 {
		return usageError(stderr, "run takes one script (or - for standard input), got %d", len(files))
	}
	if *record && files[0] == "-" {
		return usageError(stderr, "run -record needs a file to write to, not standard input")
	}
	nb, err := readScript(files[0], stdin)
	if err != nil {
		fmt.Fprintf(stderr, "gostat: %v\n", err)
		return exitUsage
	}
	o := notebooks.Options{KeepGoing: *keep, Record: *record, OutDir: *outDir, Stdout: stdout, Stderr: stderr}
	if asciiWanted(*ascii) {
		o.Display = display.Plain
		o.Display.Unicode = false
	}
	return runNotebook(nb, o, reports...)
}

// reportFlag collects the files of -report: the flag repeats, and one
// value may name several files separated by commas.
type reportFlag []string

func (r *reportFlag) String() string { return strings.Join(*r, ",") }

func (r *reportFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if err := report.CheckPath(p); err != nil {
			return err
		}
		*r = append(*r, p)
	}
	return nil
}

// runNotebook runs nb and writes the reports named (their format chosen by
// extension), also when a cell failed: the report shows the error.
func runNotebook(nb *notebooks.Notebook, o notebooks.Options, reports ...string) int {
	k, err := scriptKernel()
	if err != nil {
		fmt.Fprintf(o.Stderr, "gostat: %v\n", err)
		return exitFail
	}
	defer k.Close()
	ctx, stop := interruptContext()
	defer stop()
	var rep *notebooks.Report
	status := exitOK
	if len(reports) > 0 {
		var doc *report.Document
		rep, doc = report.Run(ctx, k, nb, o)
		for _, p := range reports {
			if err := doc.WriteFile(p); err != nil {
				fmt.Fprintf(o.Stderr, "gostat: %v\n", err)
				status = exitFail
				continue
			}
			fmt.Fprintf(o.Stderr, "wrote %s\n", p)
		}
	} else {
		rep = notebooks.Run(ctx, k, nb, o)
	}
	if o.Record && (rep.OK() || o.KeepGoing && !rep.Stopped) {
		if o.Display != (display.Options{}) && !o.Display.Unicode {
			nb.SetLayout(nb.Width(), false)
		}
		if err := nb.WriteFile(nb.Name); err != nil {
			fmt.Fprintf(o.Stderr, "gostat: %v\n", err)
			return exitFail
		}
		fmt.Fprintf(o.Stderr, "recorded the outputs of %d cells in %s\n", rep.Ran, nb.Name)
	} else if o.Record {
		fmt.Fprintf(o.Stderr, "gostat: %s not recorded: a cell failed (use -k to record errors as expected outputs)\n", nb.Name)
	}
	if !rep.OK() {
		return exitFail
	}
	return status
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", stderr)
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagError("check", err, stdout, stderr)
	}
	if len(files) == 0 {
		return usageError(stderr, "check needs at least one script")
	}
	ctx, stop := interruptContext()
	defer stop()
	status := exitOK
	for _, f := range files {
		nb, err := readScript(f, os.Stdin)
		if err != nil {
			fmt.Fprintf(stderr, "gostat: %v\n", err)
			status = max(status, exitUsage)
			continue
		}
		k, err := scriptKernel()
		if err != nil {
			fmt.Fprintf(stderr, "gostat: %v\n", err)
			return exitFail
		}
		rep := notebooks.Check(ctx, k, nb, notebooks.Options{Stdout: stdout, Stderr: stderr})
		k.Close()
		if !rep.OK() && status == exitOK {
			status = exitFail
		}
		if ctx.Err() != nil {
			return exitFail
		}
	}
	return status
}

// terminal facts about the process's standard streams.
type tty struct {
	in, out bool
	dumb    bool
	color   bool
	width   int
}

func detectTTY(stdin *os.File, stdout io.Writer) tty {
	var t tty
	t.in = stdin != nil && xterm.IsTerminal(stdin.Fd())
	if f, ok := stdout.(*os.File); ok && xterm.IsTerminal(f.Fd()) {
		t.out = true
		if w, _, err := xterm.GetSize(f.Fd()); err == nil && w > 0 {
			t.width = w
		}
	}
	t.dumb = os.Getenv("TERM") == "dumb" || os.Getenv("TERM") == ""
	_, noColor := os.LookupEnv("NO_COLOR")
	t.color = t.out && !t.dumb && !noColor
	return t
}

func cmdSession(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	fs := newFlagSet("gostat", stderr)
	plain := fs.Bool("plain", false, "line mode")
	ascii := fs.Bool("ascii", false, "plain ASCII output")
	recoverFlag := fs.Bool("recover", false, "recover crashed sessions")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagError("gostat", err, stdout, stderr)
	}
	if len(files) > 1 {
		return usageError(stderr, "unknown command %q (or more than one script)", files[0])
	}
	t := detectTTY(stdin, stdout)

	// Piped input: a script runs like `gostat run -`; other text is read
	// line by line.
	var in io.Reader = stdin
	if !t.in && len(files) == 0 && !*recoverFlag {
		br := bufio.NewReaderSize(stdin, 64<<10)
		if looksLikeScript(br) {
			b, err := io.ReadAll(br)
			if err != nil {
				fmt.Fprintf(stderr, "gostat: %v\n", err)
				return exitUsage
			}
			nb, err := notebooks.Parse("-", b)
			if err != nil {
				fmt.Fprintf(stderr, "gostat: %v\n", err)
				return exitUsage
			}
			o := notebooks.Options{Stdout: stdout, Stderr: stderr}
			if asciiWanted(*ascii) {
				o.Display = display.Plain
				o.Display.Unicode = false
			}
			return runNotebook(nb, o)
		}
		in = br
	}
	if len(files) == 1 {
		if _, err := os.Stat(files[0]); err != nil {
			if !strings.ContainsAny(files[0], "./") {
				return usageError(stderr, "unknown command %q", files[0])
			}
			fmt.Fprintf(stderr, "gostat: %v\n", err)
			return exitUsage
		}
	}

	interactive := t.in
	tuiMode := interactive && t.out && !t.dumb && !*plain
	// What a kernel child prints outside any cell (rare: its own crash
	// report) goes to stderr in line mode; the notebook's screen must not
	// be written over.
	ro := remote.Options{Stray: stderr}
	if tuiMode {
		ro.Stray = nil
	}
	k := remote.NewSupervisor(ro)
	defer k.Close()

	dopts := display.Plain
	dopts.Color = t.color
	if t.width > 0 {
		dopts.Width = t.width
	}
	// ASCII when asked, or when an interactive terminal cannot show
	// Unicode (TERM=dumb, a C/POSIX or other non-UTF-8 locale).
	dopts.Unicode = !asciiWanted(*ascii) && !(interactive && !unicodeTerminal())
	// Line mode lays outputs out at dopts for the whole session, so its
	// journal records that layout; the notebook's width follows the window.
	var journalLayout []display.Options
	if !tuiMode {
		journalLayout = []display.Options{dopts}
	}
	dir, _ := os.Getwd()
	j, err := notebooks.OpenJournal(dir, journalLayout...)
	if err != nil {
		fmt.Fprintf(stderr, "gostat: no crash journal (%v); cells will not survive a crash of gostat itself\n", err)
		j = nil
	}
	hist := meta.NewHistory(j)
	if tuiMode {
		return runTUI(k, hist, files, dopts, stderr)
	}
	cfg := line.Config{
		Kernel:      k,
		History:     hist,
		IsComplete:  kernel.IsComplete,
		In:          in,
		Out:         stdout,
		Err:         stderr,
		Interactive: interactive,
		Liner:       interactive && t.out && !t.dumb,
		Color:       t.color,
		Display:     dopts,
		RecoverDir:  dir,
		Recover:     *recoverFlag,
	}

	if interactive && t.out && !t.dumb {
		caps := term.Detect()
		cfg.Display.Graphics = caps.Protocol
		if caps.Images() {
			cfg.Image = func(b display.Bundle) (string, bool) {
				cols, rows := b.Cols, b.Rows
				if cols <= 0 {
					cols = min(cfg.Display.Width, 100)
				}
				if rows <= 0 {
					rows = cols * 2 / 5
				}
				return term.Inline(b.PNG, cols, rows, caps)
			}
		}
	}
	if interactive {
		cfg.HistoryFile = line.DefaultHistoryFile()
		dash := "—"
		if !dopts.Unicode {
			dash = "-"
		}
		cfg.Banner = "gostat " + shortVersion() + " " + dash + " type Go; :help for help, Ctrl-D to quit"
	}
	if len(files) == 1 {
		cfg.Load = files[0]
	}
	if err := line.Run(context.Background(), cfg); err != nil {
		if !errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "gostat:", err)
		}
		return exitFail
	}
	return exitOK
}

// asciiWanted reports whether plain ASCII output was asked for: the -ascii
// flag or GOSTAT_ASCII=1 (also "true", "yes").
func asciiWanted(flag bool) bool {
	switch strings.ToLower(os.Getenv("GOSTAT_ASCII")) {
	case "1", "true", "yes", "on":
		return true
	}
	return flag
}

// unicodeTerminal reports whether the terminal can be expected to show
// Unicode: not TERM=dumb, and a UTF-8 locale. The locale is the first set
// of LC_ALL, LC_CTYPE and LANG, as setlocale reads them; "C", "POSIX" and
// locales without UTF-8 (en_US.ISO-8859-1) mean ASCII. With none set the
// terminal is trusted (most terminals today are UTF-8).
func unicodeTerminal() bool {
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		l := strings.ToLower(loc)
		return strings.Contains(l, "utf-8") || strings.Contains(l, "utf8")
	}
	return true
}

// looksLikeScript peeks at piped input: a script's first non-blank line is
// a cell marker (or a #! line). It reads no further than that line, so an
// interactive pipe is not held up.
func looksLikeScript(br *bufio.Reader) bool {
	isScript := func(l string) bool { return notebooks.IsMarker(l) || strings.HasPrefix(l, "#!") }
	n := 1
	for {
		b, err := br.Peek(n)
		s := string(b)
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				break
			}
			l := strings.TrimSpace(s[:i])
			s = s[i+1:]
			if l != "" {
				return isScript(l)
			}
		}
		if err != nil {
			return isScript(strings.TrimSpace(s))
		}
		n = len(b) + 1
	}
}

// version describes the build.
func version() string {
	v := shortVersion()
	s := fmt.Sprintf("gostat %s (%s %s/%s", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/traefik/yaegi" {
				s += ", yaegi " + d.Version
			}
		}
	}
	return s + ")"
}

func shortVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "-" + s.Value[:12]
			}
		}
	}
	return v
}
