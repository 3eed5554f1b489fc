package tui

import "strings"

// History is the list of cells typed, oldest first, shared with line mode
// through the history file.
type History interface {
	// Entries returns the entries, oldest first.
	Entries() []string
	// Add appends an entry (and persists it).
	Add(entry string)
}

// memHistory is a History kept in memory only.
type memHistory struct{ entries []string }

func (h *memHistory) Entries() []string { return h.entries }
func (h *memHistory) Add(s string) {
	if n := len(h.entries); n > 0 && h.entries[n-1] == s {
		return
	}
	h.entries = append(h.entries, s)
}

// histNav walks the history with Up/Down; the text being typed is kept as
// the newest entry while walking.
type histNav struct {
	pos   int // index into entries; len(entries) means the draft
	draft string
}

func (n *histNav) reset(h History) { n.pos = len(h.Entries()); n.draft = "" }

// prev returns the previous entry (older), or ok=false at the oldest.
func (n *histNav) prev(h History, current string) (string, bool) {
	e := h.Entries()
	if n.pos > len(e) {
		n.pos = len(e)
	}
	if n.pos == 0 {
		return "", false
	}
	if n.pos == len(e) {
		n.draft = current
	}
	n.pos--
	return e[n.pos], true
}

// next returns the next (newer) entry or the draft.
func (n *histNav) next(h History) (string, bool) {
	e := h.Entries()
	if n.pos >= len(e) {
		return "", false
	}
	n.pos++
	if n.pos == len(e) {
		return n.draft, true
	}
	return e[n.pos], true
}

// search is Ctrl-R reverse incremental search.
type search struct {
	active bool
	query  string
	at     int // index of the current match (-1: none)
	saved  string
}

// find returns the index of the newest entry before `before` containing
// query (-1 if none).
func (s *search) find(h History, before int) int {
	e := h.Entries()
	if before > len(e) {
		before = len(e)
	}
	for i := before - 1; i >= 0; i-- {
		if strings.Contains(e[i], s.query) {
			return i
		}
	}
	return -1
}
