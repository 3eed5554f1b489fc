// Package term shows plot images in terminals. It detects which image
// protocol the terminal speaks (kitty graphics, iTerm2 inline images,
// sixel, or none — then plots are drawn as text), and encodes PNG images
// for each protocol, including kitty's Unicode placeholders, the one image
// method that survives a full-screen bubbletea view.
//
// Detection looks at the environment first (GOSTAT_GRAPHICS, then
// KITTY_WINDOW_ID, TERM, TERM_PROGRAM, LC_TERMINAL, WEZTERM_*, GHOSTTY_*,
// TMUX, …) and only when that is not conclusive sends one query (XTVERSION,
// a kitty graphics query and DA1 in a single write, as yazi does) and reads
// the answer for at most 200 ms, so a terminal that never answers cannot
// hang gostat.
package term

import (
	"bytes"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	xterm "github.com/charmbracelet/x/term"
)

// Protocol names, as in display.Options.Graphics.
const (
	Kitty = "kitty"
	ITerm = "iterm"
	Sixel = "sixel"
	Text  = "text"
	None  = "none"
)

// Caps describe what the terminal can show.
type Caps struct {
	// Protocol is Kitty, ITerm, Sixel, Text or None.
	Protocol string
	// Placeholders reports that kitty Unicode placeholders (virtual
	// placements) work: kitty ≥ 0.28 and Ghostty. Needed to show images
	// inside a full-screen TUI and inside tmux.
	Placeholders bool
	// Tmux reports that output goes through tmux; image sequences are
	// wrapped in tmux passthrough (needs `set -g allow-passthrough on`).
	Tmux bool
	// Terminal names the terminal when known ("kitty", "iTerm2",
	// "WezTerm 20240203", …).
	Terminal string
	// Source says how the answer was found: "GOSTAT_GRAPHICS", "env",
	// "query" or "default".
	Source string
}

// Images reports whether the protocol shows images.
func (c Caps) Images() bool {
	return c.Protocol == Kitty || c.Protocol == ITerm || c.Protocol == Sixel
}

// QueryTimeout bounds the wait for the terminal's answer to the query.
const QueryTimeout = 200 * time.Millisecond

// FromEnv decides from the environment alone. sure is false when the
// environment does not settle it and a query to the terminal would help.
func FromEnv(getenv func(string) string) (c Caps, sure bool) {
	c = Caps{Protocol: Text, Source: "env"}
	if v := strings.ToLower(strings.TrimSpace(getenv("GOSTAT_GRAPHICS"))); v != "" {
		switch v {
		case Kitty, ITerm, Sixel, Text, None:
			c.Protocol, c.Source = v, "GOSTAT_GRAPHICS"
			c.Tmux = getenv("TMUX") != ""
			c.Placeholders = v == Kitty
			return c, true
		case "iterm2":
			c.Protocol, c.Source = ITerm, "GOSTAT_GRAPHICS"
			c.Tmux = getenv("TMUX") != ""
			return c, true
		}
	}
	term := getenv("TERM")
	prog := getenv("TERM_PROGRAM")
	if term == "dumb" {
		c.Terminal = "dumb"
		return c, true
	}
	c.Tmux = getenv("TMUX") != "" || strings.HasPrefix(term, "tmux") || prog == "tmux"
	switch {
	case getenv("KITTY_WINDOW_ID") != "" || term == "xterm-kitty":
		c.Protocol, c.Terminal, c.Placeholders = Kitty, "kitty", true
		return c, true
	case getenv("GHOSTTY_RESOURCES_DIR") != "" || prog == "ghostty" || term == "xterm-ghostty":
		c.Protocol, c.Terminal, c.Placeholders = Kitty, "ghostty", true
		return c, true
	case prog == "iTerm.app" || getenv("LC_TERMINAL") == "iTerm2" || getenv("ITERM_SESSION_ID") != "":
		c.Protocol, c.Terminal = ITerm, "iTerm2"
		return c, true
	case prog == "WezTerm" || getenv("WEZTERM_EXECUTABLE") != "" || getenv("WEZTERM_PANE") != "":
		c.Protocol, c.Terminal = ITerm, "WezTerm"
		return c, true
	case getenv("KONSOLE_VERSION") != "":
		c.Protocol, c.Terminal = ITerm, "Konsole"
		return c, true
	case prog == "mintty" || prog == "WarpTerminal":
		c.Protocol, c.Terminal = ITerm, prog
		return c, true
	case term == "foot" || term == "foot-extra" || term == "foot-direct" || term == "mlterm" ||
		strings.HasPrefix(term, "yaft") || term == "contour":
		c.Protocol, c.Terminal = Sixel, term
		return c, true
	case prog == "Apple_Terminal" || term == "linux":
		c.Terminal = prog
		if c.Terminal == "" {
			c.Terminal = term
		}
		return c, true
	case getenv("NVIM") != "":
		c.Terminal = "nvim"
		return c, true
	}
	// Anything else (xterm, VS Code, Windows Terminal, tmux over an
	// unknown terminal, …) may or may not speak sixel: ask.
	return c, false
}

// queryBytes asks, in one write, for the terminal's name (XTVERSION), for
// kitty graphics support (a query-only 1×1 image, id 31) and for its
// primary device attributes (DA1), which every terminal answers, so the
// DA1 reply marks the end of the answers.
const queryBytes = "\x1b[>q" + "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\" + "\x1b[c"

var (
	da1Re   = regexp.MustCompile(`\x1b\[\?([0-9;]*)c`)
	xtverRe = regexp.MustCompile(`\x1bP>\|([^\x1b]*)\x1b\\`)
	kittyRe = regexp.MustCompile(`\x1b_Gi=31;OK\x1b\\`)
)

// ParseReply reads the terminal's answers to the query. complete reports
// that the DA1 reply (always the last) has arrived.
func ParseReply(b []byte) (c Caps, complete bool) {
	c = Caps{Protocol: Text, Source: "query"}
	if m := xtverRe.FindSubmatch(b); m != nil {
		c.Terminal = string(m[1])
	}
	var attrs []string
	if m := da1Re.FindSubmatch(b); m != nil {
		complete = true
		attrs = strings.Split(string(m[1]), ";")
	}
	name := strings.ToLower(c.Terminal)
	switch {
	case kittyRe.Match(b):
		c.Protocol = Kitty
		c.Placeholders = strings.Contains(name, "kitty") || strings.Contains(name, "ghostty")
	case strings.Contains(name, "iterm2") || strings.Contains(name, "wezterm") || strings.Contains(name, "konsole"):
		c.Protocol = ITerm
	default:
		for _, a := range attrs {
			if a == "4" {
				c.Protocol = Sixel
			}
		}
	}
	if strings.HasPrefix(name, "tmux") {
		c.Tmux = true
	}
	return c, complete
}

// Query sends the capability query to tty and reads the answers until the
// DA1 reply or until timeout. If tty can set a read deadline (an *os.File
// on a terminal can), reads use it; otherwise a reader goroutine is used
// and abandoned at the timeout. The terminal must be in raw mode.
func Query(tty io.ReadWriter, timeout time.Duration) (Caps, error) {
	if _, err := io.WriteString(tty, queryBytes); err != nil {
		return Caps{Protocol: Text, Source: "default"}, err
	}
	deadline := time.Now().Add(timeout)
	var buf bytes.Buffer
	if d, ok := tty.(interface{ SetReadDeadline(time.Time) error }); ok && d.SetReadDeadline(deadline) == nil {
		defer d.SetReadDeadline(time.Time{})
		p := make([]byte, 256)
		for {
			n, err := tty.Read(p)
			buf.Write(p[:n])
			if c, done := ParseReply(buf.Bytes()); done {
				return c, nil
			}
			if err != nil {
				c, _ := ParseReply(buf.Bytes())
				if errors.Is(err, os.ErrDeadlineExceeded) {
					return c, errTimeout
				}
				return c, err
			}
		}
	}
	type chunk struct {
		b   []byte
		err error
	}
	ch := make(chan chunk, 16)
	go func() {
		for {
			p := make([]byte, 256)
			n, err := tty.Read(p)
			ch <- chunk{p[:n], err}
			if err != nil {
				return
			}
		}
	}()
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	for {
		select {
		case k := <-ch:
			buf.Write(k.b)
			if c, done := ParseReply(buf.Bytes()); done {
				return c, nil
			}
			if k.err != nil {
				c, _ := ParseReply(buf.Bytes())
				return c, k.err
			}
		case <-timer.C:
			c, _ := ParseReply(buf.Bytes())
			return c, errTimeout
		}
	}
}

var errTimeout = errors.New("term: no answer from the terminal within the timeout")

// Detect finds the capabilities of the terminal on standard output: the
// environment first, then, if that is not conclusive and both standard
// input and output are terminals, one query to /dev/tty bounded by
// QueryTimeout. Output that is not a terminal gets Text.
func Detect() Caps {
	c, sure := FromEnv(os.Getenv)
	if sure {
		return c
	}
	if !xterm.IsTerminal(os.Stdin.Fd()) || !xterm.IsTerminal(os.Stdout.Fd()) {
		c.Source = "default"
		return c
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		c.Source = "default"
		return c
	}
	defer tty.Close()
	// Without a read deadline an abandoned reader could swallow the
	// user's first keystroke, so only query when deadlines work.
	if tty.SetReadDeadline(time.Now().Add(QueryTimeout)) != nil {
		c.Source = "default"
		return c
	}
	st, err := xterm.MakeRaw(tty.Fd())
	if err != nil {
		c.Source = "default"
		return c
	}
	defer xterm.Restore(tty.Fd(), st)
	return merge(c, tty)
}

// DetectWith is Detect with the environment and the terminal given (for
// tests and for front ends that already hold the terminal in raw mode).
// tty may be nil: then only the environment is used.
func DetectWith(getenv func(string) string, tty io.ReadWriter, timeout time.Duration) Caps {
	c, sure := FromEnv(getenv)
	if sure || tty == nil {
		if !sure {
			c.Source = "default"
		}
		return c
	}
	q, err := Query(tty, timeout)
	if err != nil && q.Protocol == Text {
		c.Source = "default"
		return c
	}
	q.Tmux = q.Tmux || c.Tmux
	return q
}

func merge(env Caps, tty io.ReadWriter) Caps {
	q, err := Query(tty, QueryTimeout)
	if err != nil && q.Protocol == Text {
		env.Source = "default"
		return env
	}
	q.Tmux = q.Tmux || env.Tmux
	return q
}
