package tui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
)

type mode int

const (
	modeEdit mode = iota
	modeNav
)

type paneKind int

const (
	paneNone paneKind = iota
	paneVars
	paneDoc
)

// Model is the notebook's bubbletea model.
type Model struct {
	k    kernel.Kernel
	opts Options
	th   Theme
	keys keyMap

	width, height int

	cells   cellList
	ed      editor
	comp    completion
	hist    History
	nav     histNav
	srch    search
	spin    spinner.Model
	doc     viewport.Model
	saveAs  textinput.Model
	asking  bool // saveAs prompt is open
	confirm *question

	mode     mode
	pane     paneKind
	showKeys bool
	keysOff  int // scroll offset of the key list
	vars     []kernel.Var
	docName  string
	docText  string

	editing int    // ID of the cell being edited (0: a new cell)
	draft   string // editor text put aside while editing an earlier cell

	run *runState
	// afterInterrupt: the last cell to finish was interrupted. The kernel
	// makes the next cell wait for a compiled call (time.Sleep, a big read)
	// the interrupted cell was still in, so a slow start is explained.
	afterInterrupt bool
	queue          []int // IDs of cells waiting to run
	counter        int   // execution count
	nextID         int

	file string
	// loadedLayout is the layout (width, Unicode) the outputs of the
	// loaded script were recorded with; cells saved without being re-run
	// keep those outputs.
	loadedLayout *display.Options
	dirty        bool
	recovering   string // journal of a crashed session being replayed
	deleted      []deletedCell
	status       string
	quitting     bool
	quitOnce     bool // Ctrl-D pressed once with unsaved cells

	sigName string
	sigText string
	sigSeq  int
	sigMemo map[string]string
	optSync *optionsSync

	now time.Time
}

type question struct {
	text   string
	answer func(m *Model, yes bool) tea.Cmd
	next   func(m *Model) // runs after the answer (may ask again)
}

type deletedCell struct {
	at   int
	cell *Cell
}

type runState struct {
	id     int
	cancel context.CancelFunc
	ch     chan tea.Msg
}

const statusInterrupting = "interrupting…"

// Messages.
type (
	evalEventMsg struct {
		id int
		ev kernel.Event
	}
	evalDoneMsg struct {
		id  int
		res kernel.Result
	}
	completeMsg struct {
		seq   int
		items []kernel.Completion
		start int
	}
	docMsg struct {
		name, text string
		ok         bool
	}
	varsMsg []kernel.Var
	sigMsg  struct {
		seq        int
		name, text string
	}
	// metaMsg carries the result of a meta-command run off the UI goroutine.
	metaMsg struct {
		out string
		err error
	}
)

// New returns the notebook model driving k.
func New(k kernel.Kernel, opts Options) *Model {
	opts = opts.normalized()
	th := NewTheme(opts.Theme, !opts.NoColor)
	if opts.ASCII {
		th.ASCIIOnly()
	}
	sp := spinner.New(spinner.WithSpinner(spinner.MiniDot))
	if opts.ASCII {
		sp.Spinner = spinner.Line
	}
	ti := textinput.New()
	ti.Prompt = "save as: "
	m := &Model{
		k:       k,
		opts:    opts,
		th:      th,
		keys:    newKeyMap(),
		cells:   newCellList(),
		ed:      newEditor(),
		hist:    opts.History,
		spin:    sp,
		doc:     viewport.New(20, 10),
		saveAs:  ti,
		width:   opts.Width,
		height:  opts.Height,
		nextID:  1,
		sigMemo: map[string]string{},
		optSync: &optionsSync{},
		now:     opts.now(),
	}
	if m.hist == nil {
		m.hist = OpenHistory(opts.HistoryFile)
	}
	m.nav.reset(m.hist)
	m.layout()
	return m
}

// Init sends the display options to the kernel, offers to recover a
// crashed session, and opens the script given, in that order (the script
// after the recovery question is answered).
func (m *Model) Init() tea.Cmd {
	open := func(m *Model) {
		if m.opts.File == "" {
			return
		}
		if err := m.load(m.opts.File); err != nil {
			m.setStatus("cannot open " + m.opts.File + ": " + err.Error())
		}
	}
	if m.opts.RecoverDir != "" {
		m.recoverOrphan(m.opts.RecoverDir)
	}
	if m.confirm != nil {
		m.confirm.next = open
	} else {
		open(m)
	}
	return m.setOptionsCmd()
}

func (m *Model) setStatus(s string) {
	m.status = s
}

// displayOptions are the options sent to the kernel: displays are laid out
// for the width of a cell's output column.
func (m *Model) displayOptions() display.Options {
	g := m.opts.Graphics
	if g != "kitty" {
		g = "text"
	}
	return display.Options{
		Width:    max(20, m.historyWidth()-m.gutter()),
		Height:   max(8, m.height*2/3),
		Color:    m.th.Color,
		Unicode:  !m.opts.ASCII,
		Graphics: g,
		Theme:    m.th.Name,
	}
}

// optionsSync orders SetOptions calls made from concurrent commands: a
// call older than one already applied is dropped.
type optionsSync struct {
	mu      sync.Mutex
	seq     int
	applied int
}

func (m *Model) setOptionsCmd() tea.Cmd {
	o := m.displayOptions()
	k, sy := m.k, m.optSync
	sy.mu.Lock()
	sy.seq++
	seq := sy.seq
	sy.mu.Unlock()
	return func() tea.Msg {
		sy.mu.Lock()
		defer sy.mu.Unlock()
		if seq > sy.applied {
			k.SetOptions(o)
			sy.applied = seq
		}
		return nil
	}
}

func (m *Model) gutter() int {
	return max(8, len(fmt.Sprintf(" Out[%d] ", m.counter+1)))
}

func (m *Model) paneWidth() int {
	switch m.pane {
	case paneNone:
		return 0
	case paneDoc: // doc comments are written for ~75 columns
		return min(78, max(24, m.width/2))
	}
	return min(48, max(24, m.width*2/5))
}

func (m *Model) historyWidth() int { return max(20, m.width-m.paneWidth()) }

// layout sizes the sub-models after a resize or a pane toggle.
func (m *Model) layout() {
	m.ed.width = max(10, m.width-m.gutter())
	if w := max(10, m.paneWidth()-2); w != m.doc.Width {
		m.doc.Width = w
		m.doc.SetContent(wrapDoc(m.docText, w)) // reflow the help text
	}
	m.doc.Height = max(3, m.historyHeight()-1)
	m.saveAs.Width = max(10, m.width-12)
}

func (m *Model) renderCtx() *renderCtx {
	m.cells.editing = m.editing
	rc := &renderCtx{
		th:      &m.th,
		width:   m.historyWidth(),
		gutter:  m.gutter(),
		now:     m.now,
		spinner: m.spin.View(),
	}
	if m.opts.Graphics == "kitty" && m.opts.Image != nil {
		rc.image = m.opts.Image
	}
	return rc
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		resized := msg.Width != m.width
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		if resized {
			return m, m.setOptionsCmd()
		}
		return m, nil
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case tea.KeyMsg:
		return m, m.key(msg)
	case spinner.TickMsg:
		if m.run == nil {
			return m, nil
		}
		m.now = m.opts.now()
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case evalEventMsg:
		return m, m.onEvent(msg)
	case evalDoneMsg:
		return m, m.onDone(msg)
	case metaMsg:
		return m, m.onMeta(msg)
	case completeMsg:
		m.onComplete(msg)
		return m, m.compDocCmd()
	case compDocMsg:
		m.onCompDoc(msg)
		return m, nil
	case docMsg:
		m.onDoc(msg)
		return m, nil
	case varsMsg:
		m.vars = msg
		return m, nil
	case sigMsg:
		m.sigMemo[msg.name] = msg.text
		if msg.seq == m.sigSeq {
			m.sigText = msg.text
		}
		return m, nil
	case savedMsg:
		m.onSaved(msg)
		return m, nil
	}
	return m, nil
}

// startCell adds a cell for src (or reuses the edited one) and runs it.
func (m *Model) submit(src string) tea.Cmd {
	trimmed := strings.TrimSpace(src)
	if trimmed == "" {
		return nil
	}
	m.hist.Add(strings.TrimRight(src, "\n"))
	m.nav.reset(m.hist)
	m.ed.Reset()
	m.comp.close()
	m.clearSig()
	if isMeta(trimmed) {
		return m.runMeta(trimmed)
	}
	var c *Cell
	if m.editing != 0 {
		c = m.cells.byID(m.editing)
		m.editing = 0
		if m.draft != "" {
			m.ed.SetValue(m.draft)
			m.draft = ""
		}
	}
	if c == nil {
		c = &Cell{ID: m.nextID}
		m.nextID++
		m.cells.cells = append(m.cells.cells, c)
		m.cells.follow = true
	}
	c.Src = strings.TrimRight(src, "\n")
	m.dirty = true
	m.quitOnce = false
	return m.enqueue(c)
}

// clearSig hides the signature hint and drops answers still on the way.
func (m *Model) clearSig() {
	m.sigName, m.sigText = "", ""
	m.sigSeq++
}

// enqueue runs c now, or after the running cell.
func (m *Model) enqueue(c *Cell) tea.Cmd {
	resetOutput(c)
	c.State = Queued
	c.invalidate()
	if m.run != nil {
		m.queue = append(m.queue, c.ID)
		return nil
	}
	return m.start(c)
}

func resetOutput(c *Cell) {
	c.live.Reset()
	c.Output, c.Displays, c.DisplayAt, c.Err, c.Warnings, c.Meta = "", nil, nil, nil, nil, ""
	c.Task, c.Done, c.Total = "", 0, 0
	c.Expanded, c.XOff = false, 0
}

// start evaluates c in the background; events and the result come back as
// messages through a channel so the UI never waits for the kernel.
func (m *Model) start(c *Cell) tea.Cmd {
	m.counter++
	c.N = m.counter
	c.State = Running
	c.Started = m.opts.now()
	m.now = c.Started
	c.invalidate()
	m.layout()
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan tea.Msg, 256)
	m.run = &runState{id: c.ID, cancel: cancel, ch: ch}
	k, src, id := m.k, c.Src, c.ID
	go func() {
		res := k.Eval(ctx, src, func(ev kernel.Event) {
			select {
			case ch <- evalEventMsg{id: id, ev: ev}:
			case <-ctx.Done():
			}
		})
		ch <- evalDoneMsg{id: id, res: res}
	}()
	return tea.Batch(listen(ch), m.spin.Tick)
}

func listen(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

func (m *Model) onEvent(msg evalEventMsg) tea.Cmd {
	if m.run == nil || msg.id != m.run.id {
		return nil
	}
	next := listen(m.run.ch)
	c := m.cells.byID(msg.id)
	if c == nil {
		return next
	}
	switch msg.ev.Kind {
	case kernel.OutputEvent:
		// Appending to a builder keeps a chatty cell linear; String does
		// not copy.
		c.live.WriteString(msg.ev.Text)
		c.Output = c.live.String()
	case kernel.DisplayEvent:
		if msg.ev.Display != nil {
			c.Displays = append(c.Displays, *msg.ev.Display)
			c.DisplayAt = append(c.DisplayAt, len(c.Output))
		}
	case kernel.ProgressEvent:
		c.Task, c.Done, c.Total = msg.ev.Text, msg.ev.Done, msg.ev.Total
	}
	// A running cell is redrawn with the spinner (several times a second);
	// events in between only update its content, so a cell that prints a
	// line per millisecond does not redraw per line.
	return next
}

func (m *Model) onDone(msg evalDoneMsg) tea.Cmd {
	if m.run == nil || msg.id != m.run.id {
		return nil
	}
	m.run.cancel()
	m.run = nil
	if m.status == statusInterrupting {
		m.status = ""
	}
	var cmds []tea.Cmd
	c := m.cells.byID(msg.id)
	died := false
	if c != nil {
		r := msg.res
		c.Output, c.Displays, c.DisplayAt, c.Err, c.Warnings, c.Dur = r.Output, r.Displays, r.DisplayAt, r.Err, r.Warnings, r.Duration
		c.live.Reset()
		c.Task, c.Total = "", 0
		if m.opts.Session != nil && !c.replay {
			// Successful cells go to the crash journal at once (replays
			// of cells it holds already are not written twice).
			if err := m.opts.Session.Add(c.Src, r); err != nil {
				m.setStatus("journal: " + err.Error())
			}
		}
		c.replay = false
		switch {
		case r.Err == nil:
			c.State = OK
		case r.Err.Kind == kernel.Interrupted:
			c.State = Interrupted
		default:
			c.State = Failed
		}
		c.invalidate()
		died = r.Err != nil && r.Err.Kind == kernel.KernelDied
		m.afterInterrupt = c.State == Interrupted
	}
	m.now = m.opts.now()
	// A cell may have (re)defined functions: signatures are asked afresh.
	clear(m.sigMemo)
	if died {
		m.queue = nil
		cmds = append(cmds, m.kernelDied(c))
	} else if c != nil && c.State != OK && len(m.queue) > 0 {
		m.recovered(false)
		m.setStatus(fmt.Sprintf("stopped: In[%d] failed; %d queued cells not run", c.N, len(m.queue)))
		for _, id := range m.queue {
			if q := m.cells.byID(id); q != nil {
				q.State = Loaded
				q.invalidate()
			}
		}
		m.queue = nil
	}
	for len(m.queue) > 0 && m.run == nil {
		id := m.queue[0]
		m.queue = m.queue[1:]
		if q := m.cells.byID(id); q != nil {
			cmds = append(cmds, m.start(q))
		}
	}
	if m.run == nil && len(m.queue) == 0 && m.recovering != "" {
		m.recovered(c != nil && c.State == OK)
	}
	cmds = append(cmds, m.varsCmd())
	return tea.Batch(cmds...)
}

// kernelDied tells the user, and offers to replay the cells that had run.
func (m *Model) kernelDied(c *Cell) tea.Cmd {
	var replay []*Cell
	for _, x := range m.cells.cells {
		if x != c && x.State == OK && !isMeta(x.Src) {
			replay = append(replay, x)
		}
	}
	// The cell shows why the kernel died; the question stays short so that
	// it fits the status line.
	if len(replay) == 0 {
		m.setStatus("The kernel died; a new one is running.")
		return m.setOptionsCmd()
	}
	m.confirm = &question{
		text: fmt.Sprintf("Kernel died; a new one is running. Replay the %d cells that had run? (y/n)", len(replay)),
		answer: func(m *Model, yes bool) tea.Cmd {
			if !yes {
				for _, x := range replay {
					x.State = Loaded
					x.invalidate()
				}
				if m.opts.Session != nil {
					m.opts.Session.NewEpoch()
				}
				m.setStatus("Not replayed; the new kernel is empty. Select cells (Esc) and press r to run them.")
				return nil
			}
			var cmds []tea.Cmd
			for _, x := range replay {
				x.replay = true // already in the journal
				cmds = append(cmds, m.enqueue(x))
			}
			return tea.Batch(cmds...)
		},
	}
	return m.setOptionsCmd()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func (m *Model) interrupt() {
	if m.run != nil {
		m.run.cancel()
		for _, id := range m.queue {
			if q := m.cells.byID(id); q != nil {
				q.State = Loaded
				q.invalidate()
			}
		}
		m.queue = nil
		m.setStatus(statusInterrupting)
	}
}

func (m *Model) varsCmd() tea.Cmd {
	k := m.k
	return func() tea.Msg { return varsMsg(k.Vars()) }
}

// load reads a script: its cells appear with their recorded outputs, not
// run until the user asks.
func (m *Model) load(path string) error {
	first := len(m.cells.cells)
	if err := m.loadCells(path); err != nil {
		return err
	}
	n := 0
	for _, c := range m.cells.cells[first:] {
		if !c.Prose {
			n++
		}
	}
	m.file = path
	if first == 0 {
		m.cells.follow = false
		m.cells.topCell, m.cells.topLine = 0, 0
	}
	if n > 0 {
		m.confirm = &question{
			text: fmt.Sprintf("Opened %s: %d cells. Run them now? (y/n)", filepath.Base(path), n),
			answer: func(m *Model, yes bool) tea.Cmd {
				if !yes {
					m.setStatus("Not run. Esc then R runs all cells; r runs the selected one.")
					return nil
				}
				return m.runAll()
			},
		}
	}
	return nil
}

// loadCells appends the cells of the script at path, not run.
func (m *Model) loadCells(path string) error {
	nb, err := notebooks.ReadFile(path)
	if err != nil {
		return err
	}
	lo := display.Options{Width: 80, Unicode: !nb.ASCII()}
	if w := nb.Width(); w > 0 {
		lo.Width = w
	}
	m.loadedLayout = &lo
	for _, nc := range nb.Cells {
		c := &Cell{ID: m.nextID, State: Loaded}
		m.nextID++
		if nc.Kind == notebooks.Markdown {
			c.Prose = true
			c.Src = strings.TrimRight(nc.Prose(), "\n")
		} else {
			if nc.Empty() {
				continue
			}
			c.Src = strings.Trim(nc.Source, "\n")
			c.Recorded = nc.Output
			c.IgnoreOutput = nc.IgnoreOutput
		}
		m.cells.cells = append(m.cells.cells, c)
	}
	return nil
}

// onlyLoaded reports whether no code cell has run in this notebook (every
// code cell still shows the output recorded in the loaded script).
func (m *Model) onlyLoaded() bool {
	for _, c := range m.cells.cells {
		if !c.Prose && !isMeta(strings.TrimSpace(c.Src)) && c.State != Loaded {
			return false
		}
	}
	return true
}

// runAll queues every code cell, top to bottom.
func (m *Model) runAll() tea.Cmd {
	var cmds []tea.Cmd
	for _, c := range m.cells.cells {
		if c.Prose || isMeta(c.Src) {
			continue
		}
		cmds = append(cmds, m.enqueue(c))
	}
	return tea.Batch(cmds...)
}

// notebook builds the script of the current cells in order: prose cells,
// and code cells that ran successfully (or were loaded and not yet run),
// with their outputs. Failed and interrupted cells and meta-commands are
// left out; skipped counts them.
func (m *Model) notebook() (nb *notebooks.Notebook, kept, skipped int) {
	nb = &notebooks.Notebook{}
	for _, c := range m.cells.cells {
		switch {
		case c.Prose:
			nb.Append(notebooks.NewMarkdownCell(c.Src))
		case isMeta(strings.TrimSpace(c.Src)):
		case c.State == OK:
			nc := notebooks.NewCodeCell(c.Src, c.Text())
			if c.IgnoreOutput {
				nc = notebooks.NewCodeCell(notebooks.IgnoreOutputDirective+"\n"+strings.ReplaceAll(c.Src, notebooks.IgnoreOutputDirective+"\n", ""), c.Text())
			}
			nb.Append(nc)
			kept++
		case c.State == Loaded:
			nc := notebooks.NewCodeCell(c.Src, c.Recorded)
			nb.Append(nc)
			kept++
		default:
			skipped++
		}
	}
	return nb, kept, skipped
}

type savedMsg struct {
	path          string
	kept, skipped int
	err           error
}

// save writes the notebook to path atomically.
func (m *Model) save(path string) tea.Cmd {
	nb, kept, skipped := m.notebook()
	// The outputs were laid out for this window: the script records the
	// width (and ASCII) so that gostat run and check lay them out the same.
	// Cells saved as loaded (not re-run) keep the script's own layout: when
	// no cell ran here, that is the layout recorded.
	o := m.displayOptions()
	if m.loadedLayout != nil && m.onlyLoaded() {
		o = *m.loadedLayout
	}
	nb.SetLayout(o.Width, o.Unicode)
	return func() tea.Msg {
		err := nb.WriteFile(path)
		return savedMsg{path: path, kept: kept, skipped: skipped, err: err}
	}
}

func (m *Model) onSaved(msg savedMsg) {
	if msg.err != nil {
		if dir := filepath.Dir(msg.path); errors.Is(msg.err, fs.ErrNotExist) {
			// The error names the temporary file the save writes first.
			m.setStatus(fmt.Sprintf("save failed: the folder %s does not exist", dir))
			return
		}
		m.setStatus("save failed: " + msg.err.Error())
		return
	}
	m.file = msg.path
	m.dirty = false
	s := fmt.Sprintf("saved %d cells to %s", msg.kept, msg.path)
	if msg.skipped > 0 {
		s += fmt.Sprintf(" (%d failed or interrupted cells left out)", msg.skipped)
	}
	m.setStatus(s)
	if m.quitting {
		m.quitOnce = true
	}
}
