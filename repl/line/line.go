// Package line is gostat's line-mode REPL: a prompt with line editing and
// persistent history (github.com/peterh/liner) on terminals, and plain
// line-by-line reading when standard input is a pipe or the terminal is dumb.
// It is the plain alternative to the full-screen notebook (repl/tui) and
// shares its meta-commands (repl/meta) and kernel (usually a
// kernel/remote.Supervisor, so a crashing cell cannot take the session down).
package line

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/peterh/liner"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/repl/meta"
)

// Config configures a line-mode session.
type Config struct {
	// Kernel runs the cells.
	Kernel kernel.Kernel
	// History records the cells run (with a journal attached, every
	// successful cell is saved to disk at once). Nil makes one without a
	// journal.
	History *meta.History
	// IsComplete reports whether src is a complete cell; while it is not,
	// more lines are read (kernel.IsComplete). Nil treats every line as a
	// complete cell.
	IsComplete func(src string) bool

	// In is read when Liner is off (default os.Stdin). Out receives
	// outputs; Err receives errors and notes (defaults os.Stdout/Stderr).
	In       io.Reader
	Out, Err io.Writer
	// Interactive: a person types at a terminal (prompts are shown and
	// questions asked). Liner: use line editing (needs a real terminal).
	Interactive, Liner bool
	// Color shows the ANSI forms of displays and coloured errors.
	Color bool
	// Display are the display options sent to the kernel.
	Display display.Options
	// HistoryFile keeps the typed lines across sessions (Liner only); ""
	// keeps none. See DefaultHistoryFile.
	HistoryFile string
	// Image turns a display with a PNG into terminal text (an image
	// protocol escape sequence or a text rendering); nil, or ok false,
	// shows the display's text form.
	Image func(b display.Bundle) (s string, ok bool)
	// RecoverDir is searched for journals of crashed sessions at start
	// ("" skips the search). Recover replays them without asking.
	RecoverDir string
	Recover    bool
	// Banner is printed at the start of an interactive session.
	Banner string
	// Load is a script whose cells run before the first prompt (gostat
	// FILE).
	Load string
}

// Prompts.
const (
	Prompt       = "gostat> "
	ContinuePrmt = "   ...> "
)

// DefaultHistoryFile is $XDG_STATE_HOME/gostat/history, or
// ~/.local/state/gostat/history.
func DefaultHistoryFile() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "gostat", "history")
}

// errAbort is returned by an input when the user pressed Ctrl-C at the
// prompt.
var errAbort = errors.New("aborted")

type input interface {
	readLine(prompt string) (string, error)
	close()
}

type plainInput struct {
	sc     *bufio.Scanner
	out    io.Writer
	prompt bool
}

func (p *plainInput) readLine(prompt string) (string, error) {
	if p.prompt {
		io.WriteString(p.out, prompt)
	}
	if !p.sc.Scan() {
		if err := p.sc.Err(); err != nil {
			return "", err
		}
		return "", io.EOF
	}
	return strings.TrimSuffix(p.sc.Text(), "\r"), nil
}

func (p *plainInput) close() {}

type linerInput struct {
	st   *liner.State
	file string
}

func (l *linerInput) readLine(prompt string) (string, error) {
	s, err := l.st.Prompt(prompt)
	if errors.Is(err, liner.ErrPromptAborted) {
		return "", errAbort
	}
	return s, err
}

func (l *linerInput) close() {
	if l.file != "" {
		if err := os.MkdirAll(filepath.Dir(l.file), 0o755); err == nil {
			if f, err := os.Create(l.file); err == nil {
				l.st.WriteHistory(f)
				f.Close()
			}
		}
	}
	l.st.Close()
}

// session is one running REPL.
type session struct {
	cfg Config
	in  input
	env *meta.Env

	sigs chan os.Signal
	mu   sync.Mutex
	stop context.CancelFunc // cancels the running cell

	failures int
}

// Run runs the REPL until :quit, end of input (Ctrl-D) or ctx ends. It
// returns nil after a clean end. In a non-interactive session it returns an
// error if any cell failed (the outputs and errors have been printed).
func Run(ctx context.Context, cfg Config) error {
	if cfg.In == nil {
		cfg.In = os.Stdin
	}
	if cfg.Out == nil {
		cfg.Out = os.Stdout
	}
	if cfg.Err == nil {
		cfg.Err = os.Stderr
	}
	if cfg.History == nil {
		cfg.History = meta.NewHistory(nil)
	}
	if cfg.IsComplete == nil {
		cfg.IsComplete = func(string) bool { return true }
	}
	if cfg.Display == (display.Options{}) {
		cfg.Display = display.Plain
		cfg.Display.Color = cfg.Color
	}
	cfg.Kernel.SetOptions(cfg.Display)
	s := &session{cfg: cfg}
	s.env = &meta.Env{Kernel: cfg.Kernel, History: cfg.History, Out: cfg.Out, Eval: s.eval, Width: cfg.Display.Width, ASCII: !cfg.Display.Unicode}

	if cfg.Liner {
		st := liner.NewLiner()
		st.SetCtrlCAborts(true)
		st.SetMultiLineMode(true)
		st.SetTabCompletionStyle(liner.TabPrints)
		st.SetWordCompleter(s.complete)
		if cfg.HistoryFile != "" {
			if f, err := os.Open(cfg.HistoryFile); err == nil {
				st.ReadHistory(f)
				f.Close()
			}
		}
		s.in = &linerInput{st: st, file: cfg.HistoryFile}
	} else {
		sc := bufio.NewScanner(cfg.In)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		s.in = &plainInput{sc: sc, out: cfg.Out, prompt: cfg.Interactive}
	}
	defer s.in.close()

	// Ctrl-C while a cell runs interrupts it. At the prompt liner reads it
	// as a key; in a non-interactive session it ends the session.
	s.sigs = make(chan os.Signal, 1)
	signal.Notify(s.sigs, os.Interrupt)
	defer signal.Stop(s.sigs)
	ctx, cancelAll := context.WithCancel(ctx)
	defer cancelAll()
	go s.watchSignals(ctx, cancelAll)

	if cfg.Interactive && cfg.Banner != "" {
		fmt.Fprintln(cfg.Out, cfg.Banner)
	}
	s.recover(ctx)
	if cfg.Load != "" {
		if n, err := meta.Load(ctx, s.env, cfg.Load); err != nil {
			s.printErr(err.Error())
			s.failures++
		} else if cfg.Interactive {
			s.printNote(fmt.Sprintf("ran the %d cells of %s", n, cfg.Load))
		}
	}
	return s.loop(ctx)
}

func (s *session) watchSignals(ctx context.Context, cancelAll context.CancelFunc) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.sigs:
			s.mu.Lock()
			stop := s.stop
			s.mu.Unlock()
			if stop != nil {
				stop()
			} else if !s.cfg.Interactive {
				cancelAll()
			}
		}
	}
}

func (s *session) ask(q string) bool {
	if !s.cfg.Interactive {
		fmt.Fprintf(s.cfg.Err, "%s yes (not interactive)\n", q)
		return true
	}
	ans, err := s.in.readLine(q + " [Y/n] ")
	if err != nil {
		return false
	}
	ans = strings.ToLower(strings.TrimSpace(ans))
	return ans == "" || ans == "y" || ans == "yes"
}

// recover offers to replay the journals of crashed sessions.
func (s *session) recover(ctx context.Context) {
	if s.cfg.RecoverDir == "" {
		return
	}
	orphans, err := meta.Orphans(s.cfg.RecoverDir)
	if err != nil {
		fmt.Fprintf(s.cfg.Err, "gostat: %v\n", err)
		return
	}
	for _, o := range orphans {
		if o.Cells <= 0 {
			continue
		}
		switch {
		case s.cfg.Recover:
		case s.cfg.Interactive:
			if !s.ask(meta.RecoverQuestion(o)) {
				fmt.Fprintf(s.cfg.Err, "kept %s; recover later with `gostat -recover`, or delete it\n", o.Path)
				continue
			}
		default:
			fmt.Fprintln(s.cfg.Err, meta.RecoverHint(o))
			continue
		}
		if _, err := meta.Recover(ctx, s.env, o); err != nil {
			s.printErr(err.Error())
		}
	}
}

func (s *session) loop(ctx context.Context) error {
	var buf []string
	clean := false // the input ended normally (Ctrl-D, end of the pipe)
	for {
		if ctx.Err() != nil {
			break
		}
		prompt := Prompt
		if len(buf) > 0 {
			prompt = ContinuePrmt
		}
		text, err := s.in.readLine(prompt)
		if errors.Is(err, errAbort) {
			// Ctrl-C at the prompt clears the input.
			buf = buf[:0]
			continue
		}
		if err != nil {
			if len(buf) > 0 {
				// End of input inside an incomplete cell: run it so the
				// user sees the syntax error.
				s.runCell(ctx, strings.Join(buf, "\n"))
			}
			if err == io.EOF {
				clean = true
			} else {
				fmt.Fprintf(s.cfg.Err, "gostat: %v\n", err)
			}
			if s.cfg.Interactive {
				fmt.Fprintln(s.cfg.Out)
			}
			break
		}
		if len(buf) == 0 {
			if strings.TrimSpace(text) == "" {
				continue
			}
			if c, ok := meta.Parse(text); ok {
				s.addHistory(text)
				act, err := meta.Run(ctx, s.env, c)
				if err != nil {
					s.printErr(err.Error())
					if !s.cfg.Interactive {
						s.failures++
					}
				}
				if act == meta.Quit {
					s.cfg.History.Close(true)
					return s.result()
				}
				continue
			}
		}
		// Lines go into the editing history one by one, as typed: a
		// multi-line cell comes back line by line with the arrow keys.
		s.addHistory(text)
		buf = append(buf, text)
		src := strings.Join(buf, "\n")
		if !s.cfg.IsComplete(src) {
			continue
		}
		buf = buf[:0]
		s.runCell(ctx, src)
	}
	// End of input (Ctrl-D) is a clean end too; a lost terminal or an
	// interrupt keeps the journal for recovery.
	s.cfg.History.Close(clean && ctx.Err() == nil)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return s.result()
}

func (s *session) result() error {
	if !s.cfg.Interactive && s.failures > 0 {
		return fmt.Errorf("%d cells failed", s.failures)
	}
	return nil
}

func (s *session) addHistory(src string) {
	if l, ok := s.in.(*linerInput); ok {
		l.st.AppendHistory(src)
	}
}

func (s *session) runCell(ctx context.Context, src string) {
	r := s.eval(ctx, src)
	if r.Err != nil && !s.cfg.Interactive {
		s.failures++
	}
}

// eval runs a cell: Ctrl-C interrupts it; outputs stream to Out; the cell
// joins the history (and journal); a dead kernel leads to the replay offer.
func (s *session) eval(ctx context.Context, src string) kernel.Result {
	cctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	s.stop = cancel
	s.mu.Unlock()
	p := &printer{w: s.cfg.Out, color: s.cfg.Color, image: s.cfg.Image}
	r := s.cfg.Kernel.Eval(cctx, src, p.event)
	s.mu.Lock()
	s.stop = nil
	s.mu.Unlock()
	cancel()
	p.finish(r)
	for _, w := range r.Warnings {
		s.printNote("warning: " + w)
	}
	if r.Err != nil {
		s.printErr(errorText(r.Err))
	} else if s.cfg.Interactive && r.Duration > time.Second {
		s.printNote("(" + meta.FormatDuration(r.Duration) + ")")
	}
	if err := s.cfg.History.Add(src, r); err != nil {
		s.printErr("journal: " + err.Error())
	}
	if r.Err != nil && r.Err.Kind == kernel.KernelDied {
		if err := s.env.AfterDeath(ctx, s.ask); err != nil {
			s.printErr(err.Error())
		}
	}
	return r
}

func errorText(e *kernel.Error) string {
	var b strings.Builder
	b.WriteString("error: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Col)
	}
	b.WriteString(e.Message)
	if e.Hint != "" {
		b.WriteString("\n  hint: " + e.Hint)
	}
	// A dead kernel's crash report is runtime internals; its first line
	// is already in the message.
	if e.Stack != "" && e.Kind != kernel.KernelDied {
		b.WriteString("\n" + strings.TrimRight(e.Stack, "\n"))
	}
	return b.String()
}

func (s *session) printErr(msg string) {
	if s.cfg.Color {
		msg = "\x1b[31m" + msg + "\x1b[0m"
	}
	fmt.Fprintln(s.cfg.Err, msg)
}

func (s *session) printNote(msg string) {
	if s.cfg.Color {
		msg = "\x1b[2m" + msg + "\x1b[0m"
	}
	fmt.Fprintln(s.cfg.Err, msg)
}

// complete is liner's word completer: meta-command names after ':', the
// kernel's completions otherwise.
func (s *session) complete(line string, pos int) (head string, items []string, tail string) {
	if pos > len(line) {
		pos = len(line)
	}
	if strings.HasPrefix(line, ":") && !strings.Contains(line[:pos], " ") {
		for _, c := range meta.Commands {
			if strings.HasPrefix(":"+c.Name, line[:pos]) {
				items = append(items, ":"+c.Name)
			}
		}
		return "", items, line[pos:]
	}
	cs, start := s.cfg.Kernel.Complete(line, pos)
	if start < 0 || start > pos {
		start = pos
	}
	for _, c := range cs {
		items = append(items, c.Text)
	}
	return line[:start], items, line[pos:]
}

// printer writes a cell's events as they come, and at the end whatever the
// events did not carry.
type printer struct {
	w        io.Writer
	color    bool
	image    func(display.Bundle) (string, bool)
	out      strings.Builder
	displays int
	nl       bool
	wrote    bool
}

func (p *printer) write(s string) {
	if s == "" {
		return
	}
	io.WriteString(p.w, s)
	p.wrote = true
	p.nl = strings.HasSuffix(s, "\n")
}

func (p *printer) endLine() {
	if p.wrote && !p.nl {
		p.write("\n")
	}
}

func (p *printer) show(b display.Bundle) {
	p.endLine()
	switch {
	case len(b.PNG) > 0 && p.image != nil:
		if s, ok := p.image(b); ok {
			p.write(s)
			break
		}
		p.write(b.Text)
	case p.color && b.ANSI != "":
		p.write(b.ANSI)
	default:
		p.write(b.Text)
	}
	p.endLine()
}

func (p *printer) event(e kernel.Event) {
	switch e.Kind {
	case kernel.OutputEvent:
		p.out.WriteString(e.Text)
		p.write(e.Text)
	case kernel.DisplayEvent:
		if e.Display != nil {
			p.displays++
			p.show(*e.Display)
		}
	}
}

func (p *printer) finish(r kernel.Result) {
	if rest, ok := strings.CutPrefix(r.Output, p.out.String()); ok {
		p.write(rest)
	}
	p.endLine()
	for k := p.displays; k < len(r.Displays); k++ {
		p.show(r.Displays[k])
	}
}
