package tui

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/gostat/gostat/notebooks"
)

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

// historyLimit is the number of entries kept (liner's limit too).
const historyLimit = 1000

// newlineMark stands for a line break inside a multi-line entry in the
// history file, which line mode (liner) reads as one entry per line.
const newlineMark = "␤"

// FileHistory is a History kept in a file shared with line mode
// (line.DefaultHistoryFile): one entry per line, oldest first, a
// multi-line cell written on one line with ␤ for its line breaks. Each
// entry is appended to the file as soon as it is added, so a crash loses
// nothing.
type FileHistory struct {
	path    string
	entries []string
}

// OpenHistory reads the history file at path (a missing file is an empty
// history). path "" keeps the history in memory.
func OpenHistory(path string) *FileHistory {
	h := &FileHistory{path: path}
	if path == "" {
		return h
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return h
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			h.entries = append(h.entries, strings.ReplaceAll(l, newlineMark, "\n"))
		}
	}
	if len(h.entries) > historyLimit {
		h.entries = h.entries[len(h.entries)-historyLimit:]
		h.rewrite()
	}
	return h
}

// Entries returns the entries, oldest first.
func (h *FileHistory) Entries() []string { return h.entries }

// Add appends an entry (consecutive duplicates are kept once) and writes it.
func (h *FileHistory) Add(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	if n := len(h.entries); n > 0 && h.entries[n-1] == s {
		return
	}
	h.entries = append(h.entries, s)
	if h.path == "" {
		return
	}
	if len(h.entries) > 2*historyLimit {
		h.entries = h.entries[len(h.entries)-historyLimit:]
		h.rewrite()
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err != nil {
		return
	}
	f, err := os.OpenFile(h.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	f.WriteString(strings.ReplaceAll(s, "\n", newlineMark) + "\n")
	f.Close()
}

func (h *FileHistory) rewrite() {
	var b strings.Builder
	for _, e := range h.entries {
		b.WriteString(strings.ReplaceAll(e, "\n", newlineMark) + "\n")
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err == nil {
		notebooks.WriteFileAtomic(h.path, []byte(b.String()), 0o600)
	}
}
