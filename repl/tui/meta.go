package tui

import (
	"context"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/gostat/gostat/kernel"
)

// MetaFunc runs a meta-command line that the notebook does not handle
// itself and returns its output.
type MetaFunc func(ctx context.Context, k kernel.Kernel, line string) (output string, err error)

// isMeta reports whether a cell is a meta-command (":vars", "?name").
func isMeta(s string) bool {
	return strings.HasPrefix(s, ":") || strings.HasPrefix(s, "?")
}

func itoa(n int) string { return strconv.Itoa(n) }

// runMeta runs a meta-command. Those that act on the notebook (help, vars,
// save, load, reset, quit, time) are handled here; others go to
// Options.Meta. The command line shows in the history as a cell of its own
// with its output, but is never saved into scripts.
func (m *Model) runMeta(line string) tea.Cmd {
	name, arg := line, ""
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		name, arg = line[:i], strings.TrimSpace(line[i+1:])
	}
	if strings.HasPrefix(name, "?") {
		name, arg = ":help", strings.TrimSpace(line[1:])
	}
	switch name {
	case ":help", ":h":
		if arg == "" {
			m.showKeys = true
			return nil
		}
		return m.docCmd(arg)
	case ":vars":
		if m.pane != paneVars {
			m.togglePane(paneVars)
		}
		return m.varsCmd()
	case ":save", ":w":
		if arg == "" {
			return m.saveKey()
		}
		return m.save(arg)
	case ":load", ":open", ":e":
		if arg == "" {
			m.setStatus("usage: :load FILE")
			return nil
		}
		if err := m.load(arg); err != nil {
			m.setStatus("cannot load " + arg + ": " + err.Error())
		}
		return nil
	case ":quit", ":q", ":exit":
		return m.quit()
	case ":reset":
		if m.run != nil {
			m.setStatus("a cell is running; Ctrl-C stops it first")
			return nil
		}
		k := m.k
		for _, c := range m.cells.cells {
			if c.State == OK || c.State == Failed || c.State == Interrupted {
				c.State = Loaded
				c.invalidate()
			}
		}
		return func() tea.Msg {
			err := k.Reset()
			out := "session reset: all variables are gone (cells kept; R in cell mode re-runs them)"
			return metaMsg{out: out, err: err}
		}
	case ":time":
		if arg == "" {
			m.setStatus("usage: :time CODE")
			return nil
		}
		// Every cell shows its run time; :time runs its code as a cell.
		return m.submit(arg)
	}
	if m.opts.Meta == nil {
		m.setStatus("unknown command " + name + " (:help lists the keys and commands)")
		return nil
	}
	c := &Cell{ID: m.nextID, Src: line, State: Running, Started: m.opts.now()}
	m.nextID++
	m.cells.cells = append(m.cells.cells, c)
	m.cells.follow = true
	f, k, id := m.opts.Meta, m.k, c.ID
	return func() tea.Msg {
		out, err := f(context.Background(), k, line)
		return metaMsg{id: id, out: out, err: err}
	}
}

func (m *Model) onMeta(msg metaMsg) tea.Cmd {
	c := m.cells.byID(msg.id)
	if c == nil {
		if msg.err != nil {
			m.setStatus(msg.err.Error())
		} else {
			m.setStatus(msg.out)
		}
		return m.varsCmd()
	}
	c.Meta = strings.TrimRight(msg.out, "\n")
	c.State = OK
	c.Dur = m.opts.now().Sub(c.Started)
	if msg.err != nil {
		c.State = Failed
		c.Err = &kernel.Error{Kind: kernel.Runtime, Message: msg.err.Error()}
	}
	c.invalidate()
	return m.varsCmd()
}
