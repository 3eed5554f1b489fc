package meta

import (
	"sync"
	"time"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
)

// Entry is one cell a front end ran.
type Entry struct {
	Source string
	Result kernel.Result
	// Epoch is the kernel state the cell ran in: it goes up at every reset
	// (and when a dead kernel's cells are not replayed).
	Epoch int
	Time  time.Time
}

// OK reports whether the cell ran without error.
func (e Entry) OK() bool { return e.Result.Err == nil }

// History is the list of every cell a front end ran in a session; front ends
// keep one and add to it after each cell. It knows which cells built the
// kernel's current state (Live): those are what :save writes and what a new
// kernel replays after a crash. With a journal attached, each successful cell
// is also appended to it, synced, before Add returns.
type History struct {
	mu      sync.Mutex
	entries []Entry
	epoch   int
	journal *notebooks.Journal
}

// NewHistory returns an empty history writing to journal (which may be nil).
func NewHistory(journal *notebooks.Journal) *History {
	return &History{journal: journal}
}

// Add records a cell and its result. A successful cell goes to the journal;
// the journal error, if any, is returned (the cell is recorded anyway).
func (h *History) Add(src string, r kernel.Result) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = append(h.entries, Entry{Source: src, Result: r, Epoch: h.epoch, Time: time.Now()})
	if r.Err == nil && h.journal != nil {
		return h.journal.Append(src, notebooks.OutputText(r))
	}
	return nil
}

// Entries returns every cell run in the session, in order.
func (h *History) Entries() []Entry {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Entry(nil), h.entries...)
}

// Live returns the successful cells of the current kernel state, in order.
func (h *History) Live() []Entry {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []Entry
	for _, e := range h.entries {
		if e.Epoch == h.epoch && e.OK() {
			out = append(out, e)
		}
	}
	return out
}

// Sources returns the sources of the Live cells.
func (h *History) Sources() []string {
	var s []string
	for _, e := range h.Live() {
		s = append(s, e.Source)
	}
	return s
}

// NewEpoch marks the kernel state as empty (after :reset, or when a new
// kernel starts without replay). Earlier cells stay in Entries.
func (h *History) NewEpoch() {
	h.mu.Lock()
	h.epoch++
	h.mu.Unlock()
}

// Notebook returns the Live cells as a script: each cell with its recorded
// output.
func (h *History) Notebook(name string) *notebooks.Notebook {
	nb := &notebooks.Notebook{Name: name}
	for _, e := range h.Live() {
		nb.Append(notebooks.NewCodeCell(e.Source, notebooks.OutputText(e.Result)))
	}
	nb.Renumber()
	return nb
}

// Journal returns the journal (nil if none).
func (h *History) Journal() *notebooks.Journal {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.journal
}

// Close ends the session: a clean end removes the journal, otherwise it is
// kept for recovery.
func (h *History) Close(clean bool) error {
	h.mu.Lock()
	j := h.journal
	h.journal = nil
	h.mu.Unlock()
	if clean {
		return j.Remove()
	}
	return j.Close()
}
