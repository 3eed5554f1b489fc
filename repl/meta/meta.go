// Package meta parses and runs the meta-commands every gostat front end
// offers (line mode and the full-screen notebook alike):
//
//	:help [name]  ?name   help on a builtin, package, variable or command
//	:vars                 the session's variables
//	:time <code>          run a cell and report how long it took
//	:reset                discard all state
//	:save FILE            write the session as a replayable script
//	:load FILE            replay a script
//	:replay               re-run the session's cells in the kernel
//	:quit                 leave
//
// A front end keeps a History of the cells it ran, and gives Run an Env that
// says how to run a cell its own way (showing the outputs, adding it to the
// History).
package meta

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
)

// Command is a parsed meta-command: Name without the colon ("help",
// "save", …) and the rest of the line as Arg.
type Command struct {
	Name string
	Arg  string
}

// Action tells the front end what to do after a command.
type Action int

const (
	// Continue: show the next prompt.
	Continue Action = iota
	// Quit: end the session cleanly.
	Quit
)

// Info describes a meta-command for help screens and completion.
type Info struct {
	Name    string // without the colon
	Usage   string // e.g. ":save FILE"
	Summary string
	Help    string // longer text
}

// Commands lists the meta-commands, in the order help shows them.
var Commands = []Info{
	{"help", ":help [name]", "help on a builtin, package, variable or command (also ?name)",
		"Without a name, lists the builtin packages and the meta-commands. With a name (a package like\n\"stats\", a member like \"stats.TTest\", a variable, a stdlib symbol or a meta-command), shows its\ndocumentation, which comes from the Go doc comments of the code. ?name is a shorthand."},
	{"vars", ":vars", "list the session's variables (name, type, short value)", ""},
	{"time", ":time <code>", "run a cell and report the time it took", "The cell runs like any other (its outputs show, it joins the history), then its wall time is printed."},
	{"reset", ":reset", "discard all variables and start a fresh interpreter",
		"The cells you ran stay in the history, but :save writes only the cells run after the reset."},
	{"save", ":save FILE", "save the session as a script (the cells that ran successfully, with outputs)",
		"Writes the script format (// %% cells with // Output: blocks) atomically. Replay it with\n:load FILE or `gostat FILE`, check it with `gostat check FILE`. A name without an extension\ngets .gost."},
	{"load", ":load FILE", "run the code cells of a script, in order", "Stops at the first failing cell and names its line."},
	{"replay", ":replay", "re-run the session's cells (after a kernel restart)", ""},
	{"quit", ":quit", "leave gostat (also Ctrl-D); a clean exit removes the crash journal", ""},
}

// Builtins are the pre-imported builtin packages listed by :help.
var Builtins = []string{"frame", "datasets", "stats", "models", "ml", "plots"}

// Lookup finds a meta-command by name (with or without the colon).
func Lookup(name string) (Info, bool) {
	name = strings.TrimPrefix(name, ":")
	for _, c := range Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Info{}, false
}

// Parse recognises a meta-command: a line starting with ':' or '?'. (Go
// code never starts with either, so there is no ambiguity.) ok is false for
// anything else.
func Parse(line string) (c Command, ok bool) {
	s := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(s, "?"):
		return Command{Name: "help", Arg: strings.TrimSpace(s[1:])}, true
	case strings.HasPrefix(s, ":"):
		name, arg, _ := strings.Cut(s[1:], " ")
		if i := strings.IndexAny(name, "\t\n"); i >= 0 {
			name, arg = name[:i], name[i+1:]+" "+arg
		}
		return Command{Name: strings.TrimSpace(name), Arg: strings.TrimSpace(arg)}, true
	}
	return Command{}, false
}

// Env is what meta-commands need from the front end.
type Env struct {
	Kernel  kernel.Kernel
	History *History
	// Out receives what commands print.
	Out io.Writer
	// Eval runs a cell the front end's way: it shows the outputs and adds
	// the cell to the History. Used by :time and :load.
	Eval func(ctx context.Context, src string) kernel.Result
	// Width is the width of the output in columns (0: 80).
	Width int
	// ASCII is set when the outputs are drawn without Unicode
	// (display.Options.Unicode false); :save records it.
	ASCII bool
}

// ErrUnknown is returned (wrapped) for an unknown meta-command.
var ErrUnknown = errors.New("unknown meta-command")

// Run runs a command. The error, if any, is a message for the user.
func Run(ctx context.Context, env *Env, c Command) (Action, error) {
	switch c.Name {
	case "help", "h":
		return Continue, env.help(c.Arg)
	case "vars":
		return Continue, env.vars()
	case "time":
		if c.Arg == "" {
			return Continue, errors.New("usage: :time <code>")
		}
		t0 := time.Now()
		r := env.Eval(ctx, c.Arg)
		d := r.Duration
		if d == 0 {
			d = time.Since(t0)
		}
		fmt.Fprintf(env.Out, "time: %s\n", FormatDuration(d))
		return Continue, nil
	case "reset":
		if err := env.Kernel.Reset(); err != nil {
			return Continue, fmt.Errorf("reset: %v", err)
		}
		n := len(env.History.Live())
		env.History.NewEpoch()
		fmt.Fprintf(env.Out, "kernel reset: all variables are gone (%d cells stay in the history; :save now writes only new cells)\n", n)
		return Continue, nil
	case "save":
		return Continue, env.save(c.Arg)
	case "load":
		return Continue, env.load(ctx, c.Arg)
	case "replay":
		return Continue, env.Replay(ctx)
	case "quit", "q", "exit":
		return Quit, nil
	}
	return Continue, fmt.Errorf("%w :%s; :help lists them", ErrUnknown, c.Name)
}

func (env *Env) width() int {
	if env.Width <= 0 {
		return 80
	}
	return env.Width
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// synopsis is the first sentence of a package's documentation, skipping a
// "package x // import …" header line.
func synopsis(doc string) string {
	doc = strings.TrimSpace(doc)
	if strings.HasPrefix(doc, "package ") {
		_, doc, _ = strings.Cut(doc, "\n")
		doc = strings.TrimSpace(doc)
	}
	para, _, _ := strings.Cut(doc, "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	if i := strings.Index(para, ". "); i >= 0 {
		para = para[:i+1]
	}
	return para
}

func (env *Env) help(name string) error {
	w := env.Out
	if name == "" {
		fmt.Fprintln(w, "Type Go at the prompt: declarations, statements, and a final expression whose value is shown.")
		fmt.Fprintln(w, "\nBuiltin packages (pre-imported, no import line needed):")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, p := range Builtins {
			doc, ok := env.Kernel.Doc(p)
			if !ok {
				doc = "(not available in this build)"
			}
			fmt.Fprintf(tw, "  %s\t%s\n", p, env.truncate(synopsis(doc), env.width()-14))
		}
		tw.Flush()
		fmt.Fprintln(w, "\nMeta-commands:")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, c := range Commands {
			fmt.Fprintf(tw, "  %s\t%s\n", c.Usage, c.Summary)
		}
		tw.Flush()
		fmt.Fprintln(w, "\nKeys: Ctrl-C interrupts a running cell (or clears the line), Ctrl-D quits.")
		fmt.Fprintln(w, "More: ?stats lists a package's members, ?stats.TTest shows one.")
		return nil
	}
	if strings.HasPrefix(name, ":") {
		if c, ok := Lookup(name); ok {
			fmt.Fprintln(w, helpOf(c))
			return nil
		}
	}
	if doc, ok := env.Kernel.Doc(name); ok {
		fmt.Fprintln(w, strings.TrimRight(doc, "\n"))
		return nil
	}
	if c, ok := Lookup(name); ok {
		fmt.Fprintln(w, helpOf(c))
		return nil
	}
	return fmt.Errorf("no help for %q; :help lists the packages and commands", name)
}

func helpOf(c Info) string {
	s := c.Usage + "\n    " + c.Summary
	if c.Help != "" {
		s += "\n\n" + c.Help
	}
	return s
}

func (env *Env) vars() error {
	vs := env.Kernel.Vars()
	if len(vs) == 0 {
		fmt.Fprintln(env.Out, "no variables yet")
		return nil
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Name < vs[j].Name })
	nw, tw := len("name"), len("type")
	for _, v := range vs {
		nw = max(nw, len(v.Name))
		tw = max(tw, len(v.Type))
	}
	tw = min(tw, 30)
	room := max(env.width()-nw-tw-4, 10)
	fmt.Fprintf(env.Out, "%-*s  %-*s  %s\n", nw, "name", tw, "type", "value")
	for _, v := range vs {
		val := strings.ReplaceAll(v.Value, "\n", " ")
		fmt.Fprintf(env.Out, "%-*s  %-*s  %s\n", nw, v.Name, tw, env.truncate(v.Type, tw), env.truncate(val, room))
	}
	return nil
}

// truncate is truncate for the front end: an ASCII one gets "..." rather
// than "…".
func (env *Env) truncate(s string, n int) string {
	t := truncate(s, n)
	if env.ASCII && t != s {
		return string([]rune(t)[:max(n-3, 0)]) + "..."
	}
	return t
}

// truncate shortens s to n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if n < 1 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// SaveName returns the file name :save writes for arg: ".gost" is added
// when arg has no extension.
func SaveName(arg string) string {
	base := arg
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if !strings.Contains(strings.TrimPrefix(base, "."), ".") {
		return arg + ".gost"
	}
	return arg
}

func (env *Env) save(arg string) error {
	if arg == "" {
		return errors.New("usage: :save FILE")
	}
	path := SaveName(arg)
	nb := env.History.Notebook(path)
	if len(nb.Cells) == 0 {
		return errors.New("nothing to save: no cell has run successfully yet")
	}
	// The outputs were laid out for this terminal: the script records the
	// width so that run and check lay them out the same way.
	n := len(nb.Cells)
	nb.SetLayout(env.Width, !env.ASCII)
	if err := nb.WriteFile(path); err != nil {
		return fmt.Errorf("save: %v", saveError(path, err))
	}
	fmt.Fprintf(env.Out, "saved %d cells to %s\n", n, path)
	return nil
}

// saveError names a missing folder rather than the temporary file a save
// writes first.
func saveError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		if _, serr := os.Stat(dir); serr != nil {
			return fmt.Errorf("the folder %s does not exist", dir)
		}
	}
	return err
}

func (env *Env) load(ctx context.Context, arg string) error {
	if arg == "" {
		return errors.New("usage: :load FILE")
	}
	n, err := Load(ctx, env, arg)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "loaded %s: %d cells ran\n", arg, n)
	return nil
}

// Load runs the code cells of the script at path through env.Eval, in order,
// and returns how many ran. It stops at the first failing cell with an error
// naming the file, line and cell.
func Load(ctx context.Context, env *Env, path string) (int, error) {
	nb, err := notebooks.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return 0, fmt.Errorf("load: no file %s", path)
		}
		return 0, fmt.Errorf("load: %v", err)
	}
	n := 0
	for i, c := range nb.Cells {
		if c.Kind != notebooks.Code || c.Empty() {
			continue
		}
		r := env.Eval(ctx, c.Code())
		if r.Err != nil {
			return n, fmt.Errorf("%s: cell %d failed; the cells after it did not run", notebooks.ErrorPos(path, c, r.Err), i+1)
		}
		n++
	}
	return n, nil
}

// Replay re-runs the Live cells of the history in the kernel without
// showing their outputs (after a kernel restart), and reports progress.
// If a cell fails, the state is rebuilt up to it and the error says which.
func (env *Env) Replay(ctx context.Context) error {
	cells := env.History.Live()
	if len(cells) == 0 {
		fmt.Fprintln(env.Out, "nothing to replay")
		return nil
	}
	t0 := time.Now()
	for i, e := range cells {
		r := env.Kernel.Eval(ctx, e.Source, nil)
		if r.Err != nil {
			return fmt.Errorf("replay stopped at cell %d of %d (%s): %s", i+1, len(cells), truncate(firstLine(e.Source), 40), r.Err.Error())
		}
	}
	fmt.Fprintf(env.Out, "replayed %d cells in %s\n", len(cells), FormatDuration(time.Since(t0)))
	return nil
}

// AfterDeath is what a front end calls when a cell's result says the kernel
// died (kernel.KernelDied) and a fresh kernel is running: if cells had run,
// it asks (through ask, a yes/no question) whether to replay them, and does.
// Declining starts a new epoch in the history (the cells stay there).
func (env *Env) AfterDeath(ctx context.Context, ask func(question string) bool) error {
	n := len(env.History.Live())
	if n == 0 {
		return nil
	}
	if ask(fmt.Sprintf("A fresh kernel is running. Replay the %d cells that had run to restore the variables?", n)) {
		return env.Replay(ctx)
	}
	env.History.NewEpoch()
	fmt.Fprintln(env.Out, "not replayed: the kernel starts empty (:save now writes only the cells run from here on)")
	return nil
}

// FormatDuration prints a duration with 3 significant digits.
func FormatDuration(d time.Duration) string {
	switch {
	case d < time.Microsecond:
		return d.String()
	case d < time.Millisecond:
		return fmt.Sprintf("%.3gµs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.3gms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.3gs", d.Seconds())
}

// Orphans lists the journals of earlier sessions in dir whose processes
// ended without a clean exit (a crash, a kill -9).
func Orphans(dir string) ([]notebooks.Orphan, error) { return notebooks.Orphans(dir) }

// RecoverQuestion is the question a front end asks about an orphan journal.
func RecoverQuestion(o notebooks.Orphan) string {
	return fmt.Sprintf("Found %d cells of a gostat session (process %d, %s) that ended without :quit. Recover them?",
		o.Cells, o.PID, o.Time.Local().Format("2006-01-02 15:04"))
}

// RecoverHint is what a non-interactive front end prints about an orphan.
func RecoverHint(o notebooks.Orphan) string {
	return fmt.Sprintf("gostat: found %d cells of a session (process %d) that ended without :quit in %s\n"+
		"gostat: recover them with `gostat -recover` (or replay the file with `gostat %s`; delete it to discard)",
		o.Cells, o.PID, o.Path, o.Path)
}

// Recover replays an orphan journal through env.Eval (so its cells join
// this session's history and journal) and deletes it when every cell ran.
// If a cell fails, the journal is kept and the error names it.
func Recover(ctx context.Context, env *Env, o notebooks.Orphan) (int, error) {
	n, err := Load(ctx, env, o.Path)
	if err != nil {
		return n, fmt.Errorf("recovered %d cells; %v (the journal %s is kept)", n, err, o.Path)
	}
	if err := os.Remove(o.Path); err != nil {
		return n, err
	}
	fmt.Fprintf(env.Out, "recovered %d cells from process %d\n", n, o.PID)
	return n, nil
}
