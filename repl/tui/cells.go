package tui

// cellList is the scrolling history of cells. Only the cells on screen are
// rendered (each one cached), so a keystroke costs the same with 10 cells or
// 10,000.
type cellList struct {
	cells []*Cell
	// Scroll position: when follow is set the last line of the last cell
	// sits at the bottom of the area; otherwise line topLine of cell
	// topCell is the first line shown.
	follow  bool
	topCell int
	topLine int
	// sel is the index of the selected cell in navigation mode (-1: none).
	sel int
	// editing is the ID of the cell loaded into the editor (0: none); it
	// is marked like a selected cell.
	editing int
}

func newCellList() cellList { return cellList{follow: true, sel: -1} }

func (l *cellList) index(id int) int {
	for i := len(l.cells) - 1; i >= 0; i-- {
		if l.cells[i].ID == id {
			return i
		}
	}
	return -1
}

func (l *cellList) byID(id int) *Cell {
	if i := l.index(id); i >= 0 {
		return l.cells[i]
	}
	return nil
}

func (l *cellList) invalidateAll() {
	for _, c := range l.cells {
		c.invalidate()
	}
}

func (l *cellList) cellLines(i int, rc *renderCtx) []string {
	r := *rc
	r.selected = i == l.sel || (l.editing != 0 && l.cells[i].ID == l.editing)
	return l.cells[i].lines(&r)
}

// view returns exactly height lines of the history area.
func (l *cellList) view(height int, rc *renderCtx) []string {
	if height <= 0 {
		return nil
	}
	if !l.follow {
		var out []string
		i, skip := l.topCell, l.topLine
		for i < len(l.cells) && len(out) < height {
			ls := l.cellLines(i, rc)
			if skip < len(ls) {
				out = append(out, ls[skip:]...)
			}
			skip = 0
			i++
		}
		if len(out) >= height {
			return out[:height]
		}
		// Reached the end: show the bottom instead.
		l.follow = true
	}
	// Bottom-aligned: walk back from the last cell.
	var rev [][]string
	n := 0
	i := len(l.cells) - 1
	for ; i >= 0 && n < height; i-- {
		ls := l.cellLines(i, rc)
		rev = append(rev, ls)
		n += len(ls)
	}
	out := make([]string, 0, max(n, height))
	for k := len(rev) - 1; k >= 0; k-- {
		out = append(out, rev[k]...)
	}
	if len(out) > height {
		out = out[len(out)-height:]
	}
	for len(out) < height {
		out = append(out, "")
	}
	return out
}

// anchorTop converts the follow position into an explicit top anchor.
func (l *cellList) anchorTop(height int, rc *renderCtx) {
	if !l.follow {
		return
	}
	n := 0
	i := len(l.cells) - 1
	for ; i >= 0; i-- {
		ls := len(l.cellLines(i, rc))
		if n+ls >= height {
			l.topCell, l.topLine = i, n+ls-height
			l.follow = false
			return
		}
		n += ls
	}
	l.topCell, l.topLine = 0, 0
	// Everything fits: stay in follow mode.
}

// scroll moves the view by delta lines (negative: up, towards older cells).
func (l *cellList) scroll(delta, height int, rc *renderCtx) {
	if len(l.cells) == 0 {
		return
	}
	l.anchorTop(height, rc)
	if l.follow { // all content fits on screen
		return
	}
	for delta < 0 {
		if l.topLine > 0 {
			step := min(-delta, l.topLine)
			l.topLine -= step
			delta += step
			continue
		}
		if l.topCell == 0 {
			break
		}
		l.topCell--
		l.topLine = len(l.cellLines(l.topCell, rc))
	}
	for delta > 0 && !l.follow {
		n := len(l.cellLines(l.topCell, rc))
		if l.topLine+delta < n {
			l.topLine += delta
			break
		}
		delta -= n - l.topLine
		l.topCell++
		l.topLine = 0
		if l.topCell >= len(l.cells) {
			l.follow = true
		}
	}
	if !l.follow && l.atBottom(height, rc) {
		l.follow = true
	}
}

// atBottom reports whether the lines from the top anchor to the end fit in
// height (so that scrolling further down shows nothing new).
func (l *cellList) atBottom(height int, rc *renderCtx) bool {
	n := -l.topLine
	for i := l.topCell; i < len(l.cells); i++ {
		n += len(l.cellLines(i, rc))
		if n > height {
			return false
		}
	}
	return true
}

// reveal scrolls so that the selected cell is on screen (its top when it is
// taller than the area).
func (l *cellList) reveal(height int, rc *renderCtx) {
	if l.sel < 0 || l.sel >= len(l.cells) {
		return
	}
	l.anchorTop(height, rc)
	if l.follow {
		// Is the selected cell fully visible from the bottom?
		n := 0
		for i := len(l.cells) - 1; i >= l.sel; i-- {
			n += len(l.cellLines(i, rc))
		}
		if n <= height {
			return
		}
		l.follow = false
		l.topCell, l.topLine = l.sel, 0
		if l.atBottom(height, rc) {
			l.follow = true
		}
		return
	}
	if l.sel < l.topCell || (l.sel == l.topCell && l.topLine > 0) {
		l.topCell, l.topLine = l.sel, 0
		return
	}
	// Below the area? Count lines from the anchor to the end of sel.
	n := -l.topLine
	for i := l.topCell; i <= l.sel; i++ {
		n += len(l.cellLines(i, rc))
	}
	if n <= height {
		return
	}
	selH := len(l.cellLines(l.sel, rc))
	if selH >= height {
		l.topCell, l.topLine = l.sel, 0
	} else {
		// Put the end of sel at the bottom.
		need := height - selH
		i := l.sel
		for i > 0 && need > 0 {
			i--
			h := len(l.cellLines(i, rc))
			if h >= need {
				l.topCell, l.topLine = i, h-need
				need = 0
				break
			}
			need -= h
		}
		if need > 0 {
			l.topCell, l.topLine = 0, 0
		}
	}
	if l.atBottom(height, rc) {
		l.follow = true
	}
}
