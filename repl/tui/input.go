package tui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/gostat/gostat/repl/meta"
)

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	m.now = m.opts.now()
	// A status message lasts until the next key.
	if m.confirm == nil {
		m.status = ""
	}
	// A question waits for y/n (Ctrl-C and Esc mean no).
	if m.confirm != nil {
		q := m.confirm
		answer := func(yes bool) tea.Cmd {
			m.confirm = nil
			cmd := q.answer(m, yes)
			if q.next != nil {
				q.next(m)
			}
			return cmd
		}
		switch strings.ToLower(msg.String()) {
		case "y", "enter":
			return answer(true)
		case "n", "esc", "ctrl+c":
			return answer(false)
		}
		return nil
	}
	if m.asking {
		switch msg.String() {
		case "enter":
			m.asking = false
			path := strings.TrimSpace(m.saveAs.Value())
			if path == "" {
				return nil
			}
			return m.save(meta.SaveName(path))
		case "esc", "ctrl+c":
			m.asking = false
			m.setStatus("not saved")
			return nil
		}
		var cmd tea.Cmd
		m.saveAs, cmd = m.saveAs.Update(msg)
		return cmd
	}
	if m.showKeys {
		switch msg.String() {
		case "esc", "q", "?", "f1", "enter", "ctrl+c":
			m.showKeys = false
			m.keysOff = 0
		case "up", "k":
			m.keysOff = max(0, m.keysOff-1)
		case "down", "j":
			m.keysOff++
		case "pgup":
			m.keysOff = max(0, m.keysOff-m.historyHeight()+2)
		case "pgdown", " ":
			m.keysOff += m.historyHeight() - 2
		}
		return nil
	}
	if m.srch.active {
		return m.searchKey(msg)
	}
	// Keys that work everywhere.
	switch {
	case key.Matches(msg, m.keys.Save):
		return m.saveKey()
	case key.Matches(msg, m.keys.Vars):
		m.togglePane(paneVars)
		return tea.Batch(m.varsCmd(), m.setOptionsCmd())
	case key.Matches(msg, m.keys.PageUp) && m.pane == paneDoc:
		m.doc.HalfPageUp()
		return nil
	case key.Matches(msg, m.keys.PageDown) && m.pane == paneDoc:
		m.doc.HalfPageDown()
		return nil
	case key.Matches(msg, m.keys.PageUp):
		m.cells.scroll(-(m.historyHeight() - 2), m.historyHeight(), m.renderCtx())
		return nil
	case key.Matches(msg, m.keys.PageDown):
		m.cells.scroll(m.historyHeight()-2, m.historyHeight(), m.renderCtx())
		return nil
	}
	if m.mode == modeNav {
		return m.navKey(msg)
	}
	return m.editKey(msg)
}

func (m *Model) togglePane(p paneKind) {
	if m.pane == p {
		m.pane = paneNone
	} else {
		m.pane = p
	}
	m.layout()
	m.cells.invalidateAll()
}

func (m *Model) saveKey() tea.Cmd {
	if m.file != "" {
		return m.save(m.file)
	}
	m.asking = true
	m.saveAs.SetValue("session.gost")
	m.saveAs.CursorEnd()
	m.saveAs.Focus()
	return nil
}

func (m *Model) editKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	// The completion popup takes the keys it needs.
	if m.comp.open {
		switch {
		case msg.String() == "up" || msg.String() == "shift+tab" || msg.String() == "ctrl+p":
			m.comp.move(-1)
			return m.compDocCmd()
		case msg.String() == "down" || msg.String() == "ctrl+n":
			m.comp.move(1)
			return m.compDocCmd()
		case key.Matches(msg, k.Accept):
			m.acceptCompletion()
			return m.sigCmd()
		case key.Matches(msg, k.Close):
			m.comp.close()
			return nil
		}
	}
	switch {
	case key.Matches(msg, k.Interrupt):
		if m.run != nil {
			m.interrupt()
			return nil
		}
		if m.editing != 0 {
			m.cancelEdit()
			return nil
		}
		if m.ed.Value() != "" {
			m.ed.Reset()
			m.comp.close()
			m.clearSig()
			return nil
		}
		m.setStatus("Ctrl-D or :quit leaves gostat")
		return nil
	case key.Matches(msg, k.Quit) && m.ed.Value() == "":
		return m.quit()
	case key.Matches(msg, k.Newline):
		m.ed.Newline()
		m.comp.close()
		return nil
	case key.Matches(msg, k.Run):
		src := m.ed.Value()
		t := strings.TrimSpace(src)
		if t == "" {
			return nil
		}
		// Run a complete cell; inside a multi-line cell (cursor above its
		// last line) Enter edits, as in an editor.
		if isMeta(t) || m.opts.IsComplete(src) && m.ed.OnLastLine() {
			return m.submit(src)
		}
		m.ed.Newline()
		return nil
	case key.Matches(msg, k.Complete):
		before := m.ed.currentLineBefore()
		if strings.TrimSpace(before) == "" {
			m.ed.Insert(indentUnit)
			return nil
		}
		return m.completeCmd(true)
	case key.Matches(msg, k.Search):
		m.srch = search{active: true, at: -1, saved: m.ed.Value()}
		m.comp.close()
		return nil
	case key.Matches(msg, k.Help):
		word := m.ed.WordAtCursor()
		call := callAtCursor(m.ed.Value()[:m.ed.Offset()])
		if word == "" && call == "" {
			m.showKeys = true
			return nil
		}
		if word == call {
			call = ""
		}
		return m.docCmd(word, call)
	case key.Matches(msg, k.CancelEdit) && m.pane == paneDoc:
		m.togglePane(paneDoc)
		return nil
	case key.Matches(msg, k.CancelEdit) && m.editing != 0:
		m.cancelEdit()
		return nil
	case key.Matches(msg, k.Navigate):
		if len(m.cells.cells) == 0 {
			return nil
		}
		m.mode = modeNav
		m.cells.sel = len(m.cells.cells) - 1
		m.cells.reveal(m.historyHeight(), m.renderCtx())
		return nil
	case key.Matches(msg, k.HistPrev) && m.ed.OnFirstLine():
		if s, ok := m.nav.prev(m.hist, m.ed.Value()); ok {
			m.ed.SetValue(s) // cursor at the end: Enter runs it again
		}
		return nil
	case key.Matches(msg, k.HistNext) && m.ed.OnLastLine():
		if s, ok := m.nav.next(m.hist); ok {
			m.ed.SetValue(s)
		}
		return nil
	}
	cmd := m.ed.Update(msg)
	if m.comp.open && msg.Type == tea.KeyRunes && !identRunes(msg.Runes) {
		m.comp.close() // a bracket, space or operator ends the word
	}
	if m.comp.open {
		return tea.Batch(cmd, m.completeCmd(false), m.sigCmd())
	}
	return tea.Batch(cmd, m.sigCmd())
}

func (m *Model) cancelEdit() {
	if c := m.cells.byID(m.editing); c != nil {
		c.invalidate()
	}
	m.editing = 0
	m.ed.SetValue(m.draft)
	m.draft = ""
	m.setStatus("edit cancelled")
}

func (m *Model) quit() tea.Cmd {
	if m.dirty && !m.quitOnce && m.hasCode() {
		m.quitOnce = true
		m.setStatus("Unsaved cells: Ctrl-S saves; Ctrl-D again quits without saving")
		return nil
	}
	m.quitting = true
	if m.run != nil {
		m.run.cancel()
	}
	return tea.Quit
}

func (m *Model) hasCode() bool {
	for _, c := range m.cells.cells {
		if !c.Prose && c.State == OK && !isMeta(strings.TrimSpace(c.Src)) {
			return true
		}
	}
	return false
}

func (m *Model) navKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	l := &m.cells
	h := m.historyHeight()
	rc := m.renderCtx()
	if l.sel >= len(l.cells) {
		l.sel = len(l.cells) - 1
	}
	var sel *Cell
	if l.sel >= 0 {
		sel = l.cells[l.sel]
	}
	switch {
	case key.Matches(msg, k.Interrupt):
		if m.run != nil {
			m.interrupt()
			return nil
		}
		m.leaveNav()
	case key.Matches(msg, k.Back):
		m.leaveNav()
	case key.Matches(msg, k.KeysHelp):
		m.showKeys = true
	case key.Matches(msg, k.Up):
		if l.sel > 0 {
			l.sel--
		}
		l.reveal(h, rc)
	case key.Matches(msg, k.Down):
		if l.sel < len(l.cells)-1 {
			l.sel++
		}
		l.reveal(h, rc)
	case key.Matches(msg, k.Top):
		l.sel = 0
		l.reveal(h, rc)
	case key.Matches(msg, k.Bottom):
		l.sel = len(l.cells) - 1
		l.reveal(h, rc)
	case sel == nil:
	case key.Matches(msg, k.Edit):
		if sel.Prose {
			m.setStatus("prose cells are not editable here; edit the script file")
			return nil
		}
		if m.editing == 0 {
			m.draft = m.ed.Value()
		}
		m.editing = sel.ID
		m.ed.SetValue(sel.Src)
		m.leaveNav()
		m.setStatus("editing In[" + itoa(sel.N) + "]: Enter re-runs it in place, Esc cancels")
	case key.Matches(msg, k.Rerun):
		if sel.Prose || (m.run != nil && m.run.id == sel.ID) {
			return nil
		}
		m.dirty = true
		return m.enqueue(sel)
	case key.Matches(msg, k.RunAll):
		m.dirty = true
		return m.runAll()
	case key.Matches(msg, k.Delete):
		if m.run != nil && m.run.id == sel.ID {
			m.setStatus("the cell is running; Ctrl-C stops it first")
			return nil
		}
		m.removeQueued(sel.ID)
		m.deleted = append(m.deleted, deletedCell{at: l.sel, cell: sel})
		l.cells = append(l.cells[:l.sel], l.cells[l.sel+1:]...)
		if l.sel >= len(l.cells) {
			l.sel = len(l.cells) - 1
		}
		m.dirty = true
		m.setStatus("deleted a cell (u undoes)")
		if len(l.cells) == 0 {
			m.leaveNav()
		}
		l.follow = l.follow || len(l.cells) == 0
		l.topCell = min(l.topCell, max(0, len(l.cells)-1))
		l.reveal(h, rc)
	case key.Matches(msg, k.Fold):
		sel.Expanded = !sel.Expanded
		l.reveal(h, rc)
	case key.Matches(msg, k.Left):
		sel.XOff = max(0, sel.XOff-8)
	case key.Matches(msg, k.Right):
		sel.XOff += 8
	}
	if key.Matches(msg, k.Undo) && len(m.deleted) > 0 {
		d := m.deleted[len(m.deleted)-1]
		m.deleted = m.deleted[:len(m.deleted)-1]
		at := min(d.at, len(l.cells))
		l.cells = append(l.cells[:at], append([]*Cell{d.cell}, l.cells[at:]...)...)
		l.sel = at
		d.cell.invalidate()
		l.reveal(h, rc)
		m.setStatus("restored the cell")
	}
	return nil
}

func (m *Model) removeQueued(id int) {
	q := m.queue[:0]
	for _, x := range m.queue {
		if x != id {
			q = append(q, x)
		}
	}
	m.queue = q
}

func (m *Model) leaveNav() {
	m.mode = modeEdit
	if m.cells.sel >= 0 && m.cells.sel < len(m.cells.cells) {
		m.cells.cells[m.cells.sel].invalidate()
	}
	m.cells.sel = -1
	m.cells.follow = true
}

func (m *Model) searchKey(msg tea.KeyMsg) tea.Cmd {
	s := &m.srch
	entries := m.hist.Entries()
	switch msg.String() {
	case "ctrl+r":
		from := len(entries)
		if s.at >= 0 {
			from = s.at
		}
		if i := s.find(m.hist, from); i >= 0 {
			s.at = i
		}
	case "enter", "right", "left", "tab":
		s.active = false
		if s.at >= 0 {
			m.ed.SetValue(entries[s.at])
		}
		return nil
	case "esc", "ctrl+c", "ctrl+g":
		s.active = false
		m.ed.SetValue(s.saved)
		return nil
	case "backspace":
		if r := []rune(s.query); len(r) > 0 {
			s.query = string(r[:len(r)-1])
		}
		s.at = s.find(m.hist, len(entries))
	default:
		if msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace {
			s.query += string(msg.Runes)
			s.at = s.find(m.hist, len(entries))
		}
	}
	if s.at >= 0 {
		m.ed.SetValue(entries[s.at])
	}
	return nil
}

func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if msg.Action != tea.MouseActionPress {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		if m.pane == paneDoc && msg.X >= m.historyWidth() {
			m.doc.ScrollUp(3)
			return nil
		}
		m.cells.scroll(-3, m.historyHeight(), m.renderCtx())
	case tea.MouseButtonWheelDown:
		if m.pane == paneDoc && msg.X >= m.historyWidth() {
			m.doc.ScrollDown(3)
			return nil
		}
		m.cells.scroll(3, m.historyHeight(), m.renderCtx())
	}
	return nil
}

// identRunes reports whether typed runes continue a (dotted) name.
func identRunes(rs []rune) bool {
	for _, r := range rs {
		if r != '_' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
