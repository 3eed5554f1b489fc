package tui

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/gostat/gostat/notebooks"
	"github.com/gostat/gostat/repl/meta"
)

// isMeta reports whether a cell is a meta-command (":vars", "?name").
func isMeta(s string) bool {
	_, ok := meta.Parse(s)
	return ok
}

func itoa(n int) string { return strconv.Itoa(n) }

// runMeta runs a meta-command (parsed by package repl/meta, shared with line
// mode). In the notebook each one acts on the screen: help and variables
// open their panes, :save writes the current cells, :load opens a script,
// :time runs its code as a cell (every cell shows its run time).
func (m *Model) runMeta(line string) tea.Cmd {
	c, _ := meta.Parse(line)
	switch c.Name {
	case "help", "h":
		if c.Arg == "" {
			// The general help of repl/meta (builtin packages and
			// commands), in the help pane; F1 lists the keys.
			k, w := m.k, max(40, min(78, m.width/2)-2)
			return func() tea.Msg {
				var b strings.Builder
				meta.Run(context.Background(), &meta.Env{Kernel: k, Out: &b, Width: w}, meta.Command{Name: "help"})
				b.WriteString("\nF1 on an empty line lists every key of the notebook.\n")
				return docMsg{name: "gostat", text: b.String(), ok: true}
			}
		}
		if info, ok := meta.Lookup(c.Arg); ok && strings.HasPrefix(c.Arg, ":") {
			m.showDoc(c.Arg, commandHelp(info))
			return nil
		}
		return m.docCmd(c.Arg)
	case "vars":
		if m.pane != paneVars {
			m.togglePane(paneVars)
		}
		return m.varsCmd()
	case "save", "w":
		if c.Arg == "" {
			return m.saveKey()
		}
		return m.save(meta.SaveName(c.Arg))
	case "load", "open", "e":
		if c.Arg == "" {
			m.setStatus("usage: :load FILE")
			return nil
		}
		if err := m.load(c.Arg); err != nil {
			m.setStatus("cannot load " + c.Arg + ": " + err.Error())
		}
		return nil
	case "replay":
		var cmds []tea.Cmd
		for _, x := range m.cells.cells {
			if x.State == OK && !x.Prose {
				x.replay = true // already in the journal
				cmds = append(cmds, m.enqueue(x))
			}
		}
		if len(cmds) == 0 {
			m.setStatus("nothing to replay")
		}
		return tea.Batch(cmds...)
	case "quit", "q", "exit":
		return m.quit()
	case "reset":
		if m.run != nil {
			m.setStatus("a cell is running; Ctrl-C stops it first")
			return nil
		}
		for _, x := range m.cells.cells {
			if x.State == OK || x.State == Failed || x.State == Interrupted {
				x.State = Loaded
				x.invalidate()
			}
		}
		if m.opts.Session != nil {
			m.opts.Session.NewEpoch()
		}
		k := m.k
		return func() tea.Msg {
			if err := k.Reset(); err != nil {
				return metaMsg{err: err}
			}
			return metaMsg{out: "kernel reset: all variables are gone; the cells stay (Esc then R runs them again)"}
		}
	case "time":
		if c.Arg == "" {
			m.setStatus("usage: :time <code>")
			return nil
		}
		return m.submit(c.Arg)
	}
	m.setStatus(fmt.Errorf("%w :%s; :help lists them", meta.ErrUnknown, c.Name).Error())
	return nil
}

func commandHelp(c meta.Info) string {
	s := c.Usage + "\n    " + c.Summary
	if c.Help != "" {
		s += "\n\n" + c.Help
	}
	return s
}

func (m *Model) onMeta(msg metaMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus(msg.err.Error())
	} else {
		m.setStatus(msg.out)
	}
	return m.varsCmd()
}

// recoverOrphan offers to bring back the cells of a crashed session found
// in dir (the journal of a process that ended without :quit).
func (m *Model) recoverOrphan(dir string) {
	orphans, err := meta.Orphans(dir)
	if err != nil || len(orphans) == 0 {
		return
	}
	// The newest journal that holds cells (empty ones are left alone).
	var o notebooks.Orphan
	for i := len(orphans) - 1; i >= 0 && o.Path == ""; i-- {
		if orphans[i].Cells > 0 {
			o = orphans[i]
		}
	}
	if o.Path == "" {
		return
	}
	m.confirm = &question{
		text: meta.RecoverQuestion(o) + " (y/n)",
		answer: func(m *Model, yes bool) tea.Cmd {
			if !yes {
				m.setStatus("not recovered; the journal stays in " + o.Path)
				return nil
			}
			first := len(m.cells.cells)
			if err := m.loadCells(o.Path); err != nil {
				m.setStatus("cannot recover: " + err.Error())
				return nil
			}
			m.recovering = o.Path
			var cmds []tea.Cmd
			for _, c := range m.cells.cells[first:] {
				if !c.Prose {
					cmds = append(cmds, m.enqueue(c))
				}
			}
			m.dirty = true
			return tea.Batch(cmds...)
		},
	}
}

// recovered is called when the run queue drains: a recovered journal whose
// cells all ran again is deleted (they are in this session's journal now).
func (m *Model) recovered(allOK bool) {
	if m.recovering == "" {
		return
	}
	if allOK {
		os.Remove(m.recovering)
		m.setStatus("recovered the cells of the crashed session")
	} else {
		m.setStatus("some recovered cells failed; the old journal stays in " + m.recovering)
	}
	m.recovering = ""
}
