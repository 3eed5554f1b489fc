// Package tui is gostat's full-screen terminal notebook, built on bubbletea.
//
// A session is a scrolling list of numbered cells (input, output, run time,
// status) above a multi-line Go editor. The model drives any kernel.Kernel:
// the in-process kernel.Session or the supervised child-process kernel of
// package kernel/remote. See KEYS.md for the key bindings.
package tui

import (
	"io"
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/repl/meta"
)

// Options configure the notebook. The zero value works: colours follow the
// terminal and NO_COLOR, text graphics, history kept in memory.
type Options struct {
	// File is a script to open at start: its cells are shown with their
	// recorded outputs and run when the user says so. Ctrl-S saves to it.
	File string
	// History is the shared cell history (line mode uses the same file).
	// nil keeps history in memory for this session only.
	History History
	// Theme is "dark" or "light"; "" picks from the terminal background.
	Theme string
	// NoColor turns colours off. It is set automatically when NO_COLOR is
	// in the environment or TERM=dumb.
	NoColor bool
	// ASCII restricts the notebook's own drawing characters (rules,
	// markers, progress bars) to ASCII and asks builtins for ASCII forms.
	ASCII bool
	// Graphics is the image protocol of the terminal: "kitty" shows PNG
	// plots inline through Image; anything else uses the text forms (a
	// full-screen view cannot hold sixel or iTerm2 images). "" lets Run
	// detect it (plotting/term).
	Graphics string
	// Image renders a display's PNG as lines of terminal text (kitty Unicode
	// placeholders: every line one row, so bubbletea's renderer keeps its
	// layout). Used when Graphics is "kitty"; nil then means KittyImages.
	Image func(b display.Bundle, width int) (lines []string, ok bool)
	// IsComplete tells whether Enter runs the cell (true) or continues it
	// on a new line. nil means kernel.IsComplete.
	IsComplete func(src string) bool
	// HistoryFile is read into History when History is nil ("": none).
	// Line mode's file is line.DefaultHistoryFile().
	HistoryFile string
	// Session records every cell run (meta.History); with a journal
	// attached, each successful cell is synced to disk as it completes.
	Session *meta.History
	// RecoverDir is searched at start for journals of sessions that
	// crashed; the user is offered to recover their cells.
	RecoverDir string
	// Input and Output default to the terminal (stdin/stdout).
	Input  io.Reader
	Output io.Writer
	// Width and Height are the initial size (tests); the terminal's size
	// replaces them when known.
	Width, Height int
	// NoAltScreen and NoMouse keep the normal screen / the terminal's own
	// mouse handling.
	NoAltScreen, NoMouse bool
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time
}

func (o Options) normalized() Options {
	if NoColor() {
		o.NoColor = true
	}
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Height <= 0 {
		o.Height = 24
	}
	if o.Theme == "" {
		o.Theme = os.Getenv("GOSTAT_THEME")
	}
	if o.IsComplete == nil {
		o.IsComplete = kernel.IsComplete
	}
	return o
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Run shows the notebook on the terminal and returns when the user quits.
// k is the kernel cells run in (the caller closes it afterwards). cmd/gostat
// starts it as
//
//	err := tui.Run(supervisor, tui.Options{
//		File:        file,                     // `gostat FILE`, or ""
//		Session:     hist,                     // meta.NewHistory(journal)
//		HistoryFile: line.DefaultHistoryFile(), // shared with line mode
//		RecoverDir:  dir,                      // offer to recover crashed sessions
//		NoColor:     !color,
//		Graphics:    graphics,                 // "kitty" to show PNG plots inline
//		Image:       image,                    // kitty placeholder renderer
//	})
func Run(k kernel.Kernel, opts Options) error {
	if opts.Theme == "" && os.Getenv("GOSTAT_THEME") == "" {
		opts.Theme = themeFromEnv()
	}
	detectGraphics(&opts)
	m := New(k, opts)
	m.th.SetProfile()
	popts := []tea.ProgramOption{}
	if !opts.NoAltScreen {
		popts = append(popts, tea.WithAltScreen())
	}
	if !opts.NoMouse {
		popts = append(popts, tea.WithMouseCellMotion())
	}
	if opts.Input != nil {
		popts = append(popts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		popts = append(popts, tea.WithOutput(opts.Output))
	}
	_, err := tea.NewProgram(m, popts...).Run()
	if m.run != nil {
		m.run.cancel()
	}
	return err
}

// themeFromEnv guesses the background from COLORFGBG ("fg;bg", set by many
// terminals): a light background colour (7 or 9-15) means the light theme.
func themeFromEnv() string {
	v := os.Getenv("COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		switch v[i+1:] {
		case "7", "9", "10", "11", "12", "13", "14", "15":
			return "light"
		}
	}
	return "dark"
}
