package plotting

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/gostat/gostat/display"
)

// TextSize returns the size in cells of the text rendering of a figure of
// rows × cols panels for options o: the available width less 4 columns and
// the available height less 4 rows (76 × 20 for the default 80 × 24), with
// at least 10 rows per panel row.
func TextSize(o display.Options, rows int) (w, h int) {
	o = o.Normalized()
	w = max(o.Width-4, 30)
	h = max(o.Height-4, 10)
	if rows > 1 {
		h = max(h, rows*14)
	}
	return w, h
}

// FigureTextSize is TextSize for the figure f: a box-plot panel also gets at
// least one row per box besides its title, axis and labels, so that no two
// boxes (and labels) share a row however many groups there are.
func FigureTextSize(f *Figure, o display.Options) (w, h int) {
	rows := max(f.Rows, 1)
	w, h = TextSize(o, rows)
	need := 0
	for _, p := range f.Panels {
		if p != nil {
			if nb := boxCount(p); nb > 0 {
				need = max(need, nb+6)
			}
		}
	}
	if need > 0 {
		h = max(h, need*rows+rows-1)
	}
	return w, h
}

// Text renders f as plain text for o (no escape codes): braille dots when
// o.Unicode, ASCII otherwise. The result is deterministic.
func Text(f *Figure, o display.Options) string {
	return renderText(f, o, false)
}

// ANSI renders f as text with SGR colour sequences (the Okabe–Ito palette
// in xterm-256 colours), for terminals where o.Color is set.
func ANSI(f *Figure, o display.Options) string {
	return renderText(f, o, true)
}

type tcell struct {
	r    rune
	col  int
	bg   int // xterm-256 background, noColor for none
	bold bool
}

// sheet is a grid of character cells with colours.
type sheet struct {
	w, h  int
	c     []tcell
	ascii bool // text is transliterated to ASCII
}

func newSheet(w, h int) *sheet {
	s := &sheet{w: w, h: h, c: make([]tcell, w*h)}
	for i := range s.c {
		s.c[i] = tcell{r: ' ', col: noColor, bg: noColor}
	}
	return s
}

func (s *sheet) set(x, y int, r rune, col int) {
	if x < 0 || y < 0 || x >= s.w || y >= s.h {
		return
	}
	s.c[y*s.w+x] = tcell{r: r, col: col, bg: noColor}
}

// text writes str from (x, y), clipped at xmax (exclusive); it returns the
// column after the last character written.
func (s *sheet) text(x, y int, str string, col int, xmax int) int {
	if s.ascii {
		str = ASCIIOnly(str)
	}
	for _, r := range str {
		if x >= xmax {
			break
		}
		s.set(x, y, r, col)
		x++
	}
	return x
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// asciiFor spells out the non-ASCII characters that labels commonly use.
var asciiFor = map[rune]string{
	'√': "sqrt", '−': "-", '–': "-", '—': "-", '…': "...", '×': "x", '·': "*", '²': "^2", '³': "^3",
	'λ': "lambda", 'α': "alpha", 'β': "beta", 'σ': "sigma", 'μ': "mu", '≤': "<=", '≥': ">=", '±': "+/-",
	'é': "e", 'è': "e", 'ü': "u", 'ö': "o", 'ä': "a", '°': "deg",
}

// ASCIIOnly transliterates s to ASCII for terminals without Unicode:
// common symbols are spelled out, anything else becomes '?'.
func ASCIIOnly(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case asciiFor[r] != "":
			b.WriteString(asciiFor[r])
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// truncate shortens s to n runes, marking the cut with an ellipsis.
func truncate(s string, n int, unicode bool) string {
	if !unicode {
		s = ASCIIOnly(s)
	}
	if runeLen(s) <= n {
		return s
	}
	if n <= 1 {
		return string([]rune(s)[:max(n, 0)])
	}
	if unicode {
		return string([]rune(s)[:n-1]) + "…"
	}
	return string([]rune(s)[:n-1]) + "~"
}

func (s *sheet) string(color bool) string {
	var b strings.Builder
	for y := 0; y < s.h; y++ {
		row := s.c[y*s.w : (y+1)*s.w]
		end := len(row)
		for end > 0 && row[end-1].r == ' ' && row[end-1].bg == noColor {
			end--
		}
		cur, curBg, curBold := noColor, noColor, false
		for _, c := range row[:end] {
			if color && (c.col != cur || c.bg != curBg || c.bold != curBold) {
				if cur != noColor || curBg != noColor || curBold {
					b.WriteString(sgrReset)
				}
				if c.bold {
					b.WriteString("\x1b[1m")
				}
				if c.bg != noColor {
					b.WriteString(sgrBg256(c.bg))
					if c.col == noColor {
						// Black or white text, whichever reads on the background.
						if luma256(c.bg) < 0.5 {
							b.WriteString("\x1b[38;5;231m")
						} else {
							b.WriteString("\x1b[38;5;16m")
						}
					}
				}
				if c.col != noColor {
					b.WriteString(sgrFg(c.col))
				}
				cur, curBg, curBold = c.col, c.bg, c.bold
			}
			b.WriteRune(c.r)
		}
		if color && (cur != noColor || curBg != noColor || curBold) {
			b.WriteString(sgrReset)
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func renderText(f *Figure, o display.Options, color bool) string {
	o = o.Normalized()
	rows, cols := max(f.Rows, 1), max(f.Cols, 1)
	W, H := FigureTextSize(f, o)
	top := 0
	if f.Title != "" {
		top = 1
	}
	s := newSheet(W, H+top)
	s.ascii = !o.Unicode
	if f.Title != "" {
		t := truncate(f.Title, W, o.Unicode)
		x := (W - runeLen(t)) / 2
		s.text(x, 0, t, noColor, W)
		for i := x; i < x+runeLen(t); i++ {
			s.c[i].bold = true
		}
	}
	pw := (W - 2*(cols-1)) / cols
	ph := (H - (rows - 1)) / rows
	for i, p := range f.Panels {
		if i >= rows*cols {
			break
		}
		r, c := i/cols, i%cols
		m := mode{unicode: o.Unicode, color: color}
		if p == nil {
			continue
		}
		renderPanel(p, s, c*(pw+2), top+r*(ph+1), pw, ph, m)
	}
	return s.string(color)
}

type mode struct{ unicode, color bool }

func (m mode) pick(u, a rune) rune {
	if m.unicode {
		return u
	}
	return a
}

// legendEntry is one item of a legend.
type legendEntry struct {
	glyph rune
	label string
	col   int
}

// panelStyle decides per layer how it is drawn in this mode.
type panelStyle struct {
	markPoints bool // points as cell markers instead of dots
	markLines  bool // lines carry markers to tell them apart
}

func styleFor(p *Panel, m mode) panelStyle {
	np, nl := 0, 0
	for _, l := range p.Layers {
		switch l.Kind {
		case Points:
			np++
		case Lines:
			if l.Label != "" {
				nl++
			}
		}
	}
	// Without colour, points are drawn as markers when braille dots would
	// be confused with other points or with a labelled line (a fit).
	return panelStyle{
		markPoints: !m.unicode || (!m.color && (np > 1 || (np == 1 && nl > 0))),
		markLines:  !m.color && nl > 1,
	}
}

func legendFor(p *Panel, m mode, st panelStyle) []legendEntry {
	var out []legendEntry
	for _, l := range p.Layers {
		if l.Label == "" {
			continue
		}
		col := l.Color
		if !m.color {
			col = noColor
		}
		var g rune
		switch l.Kind {
		case Points:
			if st.markPoints {
				g = markerRune(l.Marker, m.unicode)
			} else {
				g = m.pick('•', '*')
			}
		case Lines:
			switch {
			case st.markLines:
				g = markerRune(l.Marker, m.unicode)
			case l.Dashed:
				g = m.pick('┄', '-')
			default:
				g = m.pick('─', '-')
			}
		case Band:
			g = m.pick('┈', '.')
		case Rects:
			g = m.pick('█', '#')
		default:
			continue
		}
		label := l.Label
		if !m.unicode {
			label = ASCIIOnly(label)
		}
		out = append(out, legendEntry{g, label, col})
	}
	return out
}

// renderPanel draws panel p into the w × h region of s at (ox, oy).
func renderPanel(p *Panel, s *sheet, ox, oy, w, h int, m mode) {
	if w < 12 || h < 4 {
		return
	}
	for _, l := range p.Layers {
		if l.Kind == Heat && l.Heat != nil {
			renderHeat(p, l, s, ox, oy, w, h, m)
			return
		}
	}
	st := styleFor(p, m)
	y := oy
	if p.Title != "" {
		t := truncate(p.Title, w, m.unicode)
		x := ox + (w-runeLen(t))/2
		s.text(x, y, t, noColor, ox+w)
		for i := x; i < x+runeLen(t); i++ {
			s.c[y*s.w+i].bold = true
		}
		y++
	}
	// Header: y label on the left, legend on the right (wrapped if long).
	leg := []legendEntry(nil)
	if p.Legend {
		leg = legendFor(p, m, st)
	}
	ylab := truncate(p.YLabel, w, m.unicode)
	var legRows [][]legendEntry
	if len(leg) > 0 {
		room := w - runeLen(ylab) - 2
		if ylab == "" {
			room = w
		}
		cur, curW := []legendEntry(nil), 0
		for _, e := range leg {
			ew := 2 + runeLen(e.label)
			if len(cur) > 0 {
				ew += 2
			}
			if len(cur) > 0 && curW+ew > room {
				legRows = append(legRows, cur)
				cur, curW, room = nil, 0, w
				ew -= 2
			}
			cur = append(cur, e)
			curW += ew
		}
		legRows = append(legRows, cur)
		if len(legRows) > 3 {
			legRows = legRows[:3]
		}
	}
	if ylab != "" || len(legRows) > 0 {
		s.text(ox, y, ylab, noColor, ox+w)
		for k, row := range legRows {
			total := 0
			for i, e := range row {
				if i > 0 {
					total += 2
				}
				total += 2 + runeLen(e.label)
			}
			x := max(ox+w-total, ox)
			if k == 0 && ylab != "" {
				x = max(x, ox+runeLen(ylab)+2)
			}
			for i, e := range row {
				if i > 0 {
					x += 2
				}
				s.set(x, y, e.glyph, e.col)
				x = s.text(x+2, y, e.label, noColor, ox+w)
			}
			if k < len(legRows)-1 {
				y++
			}
		}
		y++
	}
	bottom := 2
	if p.XLabel != "" {
		bottom = 3
	}
	ph := oy + h - y - bottom
	nb := boxCount(p)
	if nb > 0 {
		// Boxes need about four rows each; more only adds empty space.
		ph = min(ph, 4*nb+1)
	}
	if ph < 2 {
		return
	}
	x0, x1, y0, y1 := p.limits()
	// Y ticks and their labels.
	var yt []Tick
	if p.YTicks != nil {
		yt = p.YTicks
	} else if bt := boxTicks(p); bt != nil {
		yt = bt
	} else {
		vs := AxisTicks(y0, y1, clampInt(ph/3, 2, 5))
		for i, l := range TickLabels(vs) {
			yt = append(yt, Tick{vs[i], l})
		}
	}
	lw := 0
	for _, t := range yt {
		lw = max(lw, runeLen(t.Label))
	}
	lw = min(lw, w/3)
	pw := w - lw - 3
	if pw < 4 {
		return
	}
	cv := newCanvas(pw, ph, m.unicode)
	mp := mapper{x0: x0, x1: x1, y0: y0, y1: y1, dw: float64(cv.dotsW() - 1), dh: float64(cv.dotsH() - 1)}
	drawLayers(p, cv, mp, m, st)
	ax := ox + lw + 1 // axis column
	px := ax + 1      // first data column
	for cy := 0; cy < ph; cy++ {
		s.set(ax, y+cy, m.pick('│', '|'), noColor)
		for cx := 0; cx < pw; cx++ {
			r, col := cv.cell(cx, cy)
			if !m.color {
				col = noColor
			}
			s.set(px+cx, y+cy, r, col)
		}
	}
	boxRows := p.YTicks == nil && boxTicks(p) != nil
	for _, t := range yt {
		ry := int(math.Round(mp.dy(t.Value))) / cv.sy
		if boxRows {
			ry = boxRow(len(yt)-int(math.Round(t.Value)), len(yt), ph)
		}
		if ry < 0 || ry >= ph {
			continue
		}
		lab := truncate(t.Label, lw, m.unicode)
		s.text(ox+lw-runeLen(lab), y+ry, lab, noColor, ax)
		s.set(ax, y+ry, m.pick('┤', '+'), noColor)
	}
	// X axis, ticks and labels.
	ay := y + ph
	s.set(ax, ay, m.pick('└', '+'), noColor)
	for cx := 0; cx < pw; cx++ {
		s.set(px+cx, ay, m.pick('─', '-'), noColor)
	}
	var xt []Tick
	if p.XTicks != nil {
		xt = p.XTicks
	} else {
		vs := AxisTicks(x0, x1, clampInt(pw/10, 3, 5))
		for i, l := range TickLabels(vs) {
			xt = append(xt, Tick{vs[i], l})
		}
	}
	last := ox - 1
	for _, t := range xt {
		cx := int(math.Round(mp.dx(t.Value))) / cv.sx
		if cx < 0 || cx >= pw {
			continue
		}
		s.set(px+cx, ay, m.pick('┬', '+'), noColor)
		lab := t.Label
		if !m.unicode {
			lab = ASCIIOnly(lab)
		}
		start := px + cx - runeLen(lab)/2
		if start+runeLen(lab) > ox+w {
			start = ox + w - runeLen(lab)
		}
		if start <= last {
			continue
		}
		last = s.text(start, ay+1, lab, noColor, ox+w)
	}
	if p.XLabel != "" {
		lab := truncate(p.XLabel, pw, m.unicode)
		s.text(px+(pw-runeLen(lab))/2, ay+2, lab, noColor, ox+w)
	}
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }

// mapper maps data coordinates to dot coordinates.
type mapper struct{ x0, x1, y0, y1, dw, dh float64 }

func (m mapper) dx(x float64) float64 { return (x - m.x0) / (m.x1 - m.x0) * m.dw }
func (m mapper) dy(y float64) float64 { return (m.y1 - y) / (m.y1 - m.y0) * m.dh }

// boxTicks labels the rows of a box-plot panel with the box labels.
func boxTicks(p *Panel) []Tick {
	for _, l := range p.Layers {
		if l.Kind == Boxes {
			var out []Tick
			for i, b := range l.Boxes {
				out = append(out, Tick{BoxY(i, len(l.Boxes)), b.Label})
			}
			return out
		}
	}
	return nil
}

// boxCount is the number of boxes when the panel holds only box plots.
func boxCount(p *Panel) int {
	n := 0
	for _, l := range p.Layers {
		if l.Kind != Boxes {
			return 0
		}
		n += len(l.Boxes)
	}
	return n
}

// BoxY is the y position of box i of n: the first box is drawn at the top.
func BoxY(i, n int) float64 { return float64(n - i) }

// boxRow is the text row of box i of n in a panel h rows high: boxes are
// spread evenly, so neighbouring three-row boxes never overlap (mapping
// BoxY through the padded y range rounds to uneven gaps of 2 to 4 rows).
func boxRow(i, n, h int) int { return (2*i + 1) * h / (2 * n) }

func layerCol(l Layer, m mode) int {
	if !m.color {
		return noColor
	}
	return l.Color
}

func drawLayers(p *Panel, cv *canvas, mp mapper, m mode, st panelStyle) {
	// Fills first, then bands, lines and points, then boxes on top.
	order := []LayerKind{Rects, Band, Lines, Points, Boxes, Labels}
	for _, k := range order {
		for _, l := range p.Layers {
			if l.Kind != k {
				continue
			}
			col := layerCol(l, m)
			switch k {
			case Rects:
				drawRects(cv, mp, l, col, m)
			case Band:
				if !m.color {
					// Without colour the band's edges read as data.
					continue
				}
				for _, ys := range [][]float64{l.Y, l.Y2} {
					drawPath(cv, mp, l.X, ys, col, 2)
				}
			case Lines:
				style := 0
				if l.Dashed {
					style = 1
				}
				drawPath(cv, mp, l.X, l.Y, col, style)
				if st.markLines && l.Label != "" {
					markPath(cv, mp, l, col, m)
				}
			case Points:
				mk := markerRune(l.Marker, m.unicode)
				for i := range l.X {
					if i >= len(l.Y) || anyNaN(l.X[i], l.Y[i]) {
						continue
					}
					dx, dy := mp.dx(l.X[i]), mp.dy(l.Y[i])
					if dx < -0.5 || dy < -0.5 || dx > mp.dw+0.5 || dy > mp.dh+0.5 {
						continue
					}
					ix, iy := int(math.Round(dx)), int(math.Round(dy))
					if st.markPoints {
						cv.put(ix/cv.sx, iy/cv.sy, mk, col)
					} else {
						cv.dot(ix, iy, col, mk)
					}
				}
			case Boxes:
				drawBoxes(cv, mp, l, col, m)
			case Labels:
				drawLabels(cv, mp, l, m)
			}
		}
	}
}

func drawPath(cv *canvas, mp mapper, xs, ys []float64, col, style int) {
	n := min(len(xs), len(ys))
	for i := 1; i < n; i++ {
		if anyNaN(xs[i-1], ys[i-1], xs[i], ys[i]) {
			continue
		}
		cv.line(mp.dx(xs[i-1]), mp.dy(ys[i-1]), mp.dx(xs[i]), mp.dy(ys[i]), col, style)
	}
	if n == 1 && !anyNaN(xs[0], ys[0]) {
		cv.dot(int(math.Round(mp.dx(xs[0]))), int(math.Round(mp.dy(ys[0]))), col, '.')
	}
}

// markPath puts the layer's marker at three places along a line so that
// lines can be told apart without colour.
func markPath(cv *canvas, mp mapper, l Layer, col int, m mode) {
	n := min(len(l.X), len(l.Y))
	if n == 0 {
		return
	}
	mk := markerRune(l.Marker, m.unicode)
	for j := 1; j <= 3; j++ {
		f := float64(j)/4 + 0.06*float64(l.Marker%4) - 0.09
		i := int(math.Round(f * float64(n-1)))
		i = clampInt(i, 0, n-1)
		if anyNaN(l.X[i], l.Y[i]) {
			continue
		}
		cx := int(math.Round(mp.dx(l.X[i]))) / cv.sx
		cy := int(math.Round(mp.dy(l.Y[i]))) / cv.sy
		cv.put(cx, cy, mk, col)
	}
}

// drawLabels writes each label one cell right of its point (left of it
// when it would run off the canvas).
func drawLabels(cv *canvas, mp mapper, l Layer, m mode) {
	n := min(len(l.X), len(l.Y), len(l.Text))
	taken := map[[2]int]bool{}
	free := func(cx, cy, w int) bool {
		if cx < 0 || cx+w > cv.w {
			return false
		}
		// One blank cell between two labels.
		for k := -1; k <= w; k++ {
			if taken[[2]int{cx + k, cy}] {
				return false
			}
		}
		return true
	}
	for i := 0; i < n; i++ {
		if anyNaN(l.X[i], l.Y[i]) {
			continue
		}
		t := l.Text[i]
		if !m.unicode {
			t = ASCIIOnly(t)
		}
		w := runeLen(t)
		px := int(math.Round(mp.dx(l.X[i]))) / cv.sx
		cy := int(math.Round(mp.dy(l.Y[i]))) / cv.sy
		cx := px + 1
		if !free(cx, cy, w) {
			cx = px - 1 - w
			if !free(cx, cy, w) {
				continue
			}
		}
		for k, r := range []rune(t) {
			cv.put(cx+k, cy, r, noColor)
			taken[[2]int{cx + k, cy}] = true
		}
	}
}

// drawRects fills bars column by column, with eighth blocks at the top and
// a half-cell gap where one bar meets the next.
func drawRects(cv *canvas, mp mapper, l Layer, col int, m mode) {
	n := min(len(l.X), len(l.X2), len(l.Y), len(l.Y2))
	which := make([]int, cv.w)
	for cx := range which {
		which[cx] = -1
		// Data x at the centre of the column.
		x := mp.x0 + (float64(cx*cv.sx)+float64(cv.sx-1)/2)/mp.dw*(mp.x1-mp.x0)
		for i := 0; i < n; i++ {
			lo, hi := math.Min(l.X[i], l.X2[i]), math.Max(l.X[i], l.X2[i])
			if x >= lo && x < hi || (i == n-1 && x == hi) {
				which[cx] = i
				break
			}
		}
	}
	cellsPer := func(i int) float64 {
		return math.Abs(mp.dx(l.X2[i])-mp.dx(l.X[i])) / float64(cv.sx)
	}
	// Bars narrower than a column (hist(x, breaks = 1000)) may hold no
	// column's centre: a column shows the tallest such bar it overlaps
	// when its centre's bar is empty, so no bar vanishes.
	height := func(i int) float64 {
		if i < 0 {
			return 0
		}
		return math.Abs(l.Y2[i] - l.Y[i])
	}
	for cx := range which {
		xa := mp.x0 + float64(cx*cv.sx)/mp.dw*(mp.x1-mp.x0)
		xb := mp.x0 + float64((cx+1)*cv.sx)/mp.dw*(mp.x1-mp.x0)
		for i := 0; i < n; i++ {
			lo, hi := math.Min(l.X[i], l.X2[i]), math.Max(l.X[i], l.X2[i])
			if lo < xb && hi > xa && cellsPer(i) < 1 && height(i) > height(which[cx]) {
				which[cx] = i
			}
		}
	}
	eighths := []rune{' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'}
	for cx, i := range which {
		if i < 0 {
			continue
		}
		top := math.Max(l.Y[i], l.Y2[i])
		base := math.Min(l.Y[i], l.Y2[i])
		// Heights in cell units from the bottom of the canvas.
		ht := (top - mp.y0) / (mp.y1 - mp.y0) * float64(cv.h)
		hb := math.Max((base-mp.y0)/(mp.y1-mp.y0)*float64(cv.h), 0)
		if ht <= hb {
			continue
		}
		edge := cx+1 < len(which) && which[cx+1] != i && which[cx+1] >= 0 && cellsPer(i) >= 2.5
		full := int(math.Floor(ht + 1e-9))
		rem := int(math.Round((ht - float64(full)) * 8))
		if rem == 8 {
			full++
			rem = 0
		}
		start := int(math.Floor(hb))
		for k := start; k < full && k < cv.h; k++ {
			r := m.pick('█', '#')
			if edge {
				r = m.pick('▌', ' ')
			}
			cv.putFill(cx, cv.h-1-k, r, col)
		}
		if full < cv.h && rem > 0 {
			var r rune
			switch {
			case !m.unicode:
				if rem >= 4 && !edge {
					r = '#'
				}
			case edge:
				if rem >= 4 {
					r = '▖'
				}
			default:
				r = eighths[rem]
			}
			if r != 0 {
				cv.putFill(cx, cv.h-1-full, r, col)
			}
		}
	}
}

// drawBoxes draws horizontal Tukey boxes: a three-row box when there is
// room, otherwise a one-row box.
func drawBoxes(cv *canvas, mp mapper, l Layer, col int, m mode) {
	n := len(l.Boxes)
	if n == 0 {
		return
	}
	cxOf := func(v float64) int { return int(math.Round(mp.dx(v))) / cv.sx }
	three := cv.h/n >= 3
	for i, b := range l.Boxes {
		cy := boxRow(i, n, cv.h)
		lo, q1, md, q3, hi := cxOf(b.Low), cxOf(b.Lower), cxOf(b.Median), cxOf(b.Upper), cxOf(b.High)
		for x := lo; x <= hi; x++ {
			cv.put(x, cy, m.pick('─', '-'), col)
		}
		cv.put(lo, cy, m.pick('├', '|'), col)
		cv.put(hi, cy, m.pick('┤', '|'), col)
		if three {
			for x := q1; x <= q3; x++ {
				cv.put(x, cy-1, m.pick('─', '-'), col)
				cv.put(x, cy+1, m.pick('─', '-'), col)
				cv.put(x, cy, ' ', col)
			}
			cv.put(q1, cy-1, m.pick('┌', '+'), col)
			cv.put(q3, cy-1, m.pick('┐', '+'), col)
			cv.put(q1, cy+1, m.pick('└', '+'), col)
			cv.put(q3, cy+1, m.pick('┘', '+'), col)
			cv.put(q1, cy, m.pick('┤', '|'), col)
			cv.put(q3, cy, m.pick('├', '|'), col)
			cv.put(md, cy-1, m.pick('┯', '+'), col)
			cv.put(md, cy, m.pick('┃', '|'), col)
			cv.put(md, cy+1, m.pick('┷', '+'), col)
		} else {
			for x := q1; x <= q3; x++ {
				cv.put(x, cy, m.pick('█', '#'), col)
			}
			cv.put(md, cy, m.pick('┃', '|'), col)
		}
		for _, o := range b.Outliers {
			cv.put(cxOf(o), cy, m.pick('•', 'o'), col)
		}
	}
}

// heat colour ramps (xterm-256): a blue–white–red diverging ramp for
// correlations and a sequential viridis-like ramp.
var (
	divergingRamp  = []int{19, 25, 31, 68, 110, 153, 255, 224, 217, 210, 167, 160, 124}
	sequentialRamp = []int{54, 61, 67, 31, 37, 36, 72, 71, 107, 149, 185, 220}
	shades         = []rune{' ', '░', '▒', '▓', '█'}
	asciiShades    = []rune{' ', '.', ':', '+', '#'}
)

// renderHeat draws a matrix as a table of values; the ANSI form colours
// each cell's background, the plain form puts a shade character before the
// value.
func renderHeat(p *Panel, l Layer, s *sheet, ox, oy, w, h int, m mode) {
	hm := l.Heat
	y := oy
	if p.Title != "" {
		t := truncate(p.Title, w, m.unicode)
		s.text(ox+(w-runeLen(t))/2, y, t, noColor, ox+w)
		y++
	}
	nr := len(hm.Values)
	if nr == 0 {
		return
	}
	nc := len(hm.Values[0])
	digits := hm.Digits
	if digits <= 0 {
		digits = 2
	}
	lw := 0
	for _, r := range hm.RowNames {
		lw = max(lw, runeLen(r))
	}
	lw = min(lw, w/4)
	maxName := 0
	for _, c := range hm.ColNames {
		maxName = max(maxName, runeLen(c))
	}
	// Cell layout: [shade, space,] value right-aligned, one blank column.
	// No shade, then fewer digits, when the matrix does not fit.
	var vals [][]string
	var vw, cw int
	shade := !m.color
	for {
		vals, vw = heatValues(hm, digits)
		pad := 1
		if shade {
			pad = 3
		}
		cw = max(vw+pad, min(maxName+1, 10))
		if lw+1+nc*cw <= w {
			break
		}
		cw = vw + pad
		if lw+1+nc*cw <= w {
			break
		}
		if shade {
			shade = false
			continue
		}
		if digits > 1 {
			digits--
			continue
		}
		break
	}
	show := max(min(nc, (w-lw-1)/cw), 1)
	x0 := ox + lw + 1
	for j := 0; j < show && j < len(hm.ColNames); j++ {
		name := truncate(hm.ColNames[j], cw-1, m.unicode)
		s.text(x0+j*cw+cw-1-runeLen(name), y, name, noColor, ox+w)
	}
	y++
	for i := 0; i < nr && y < oy+h; i++ {
		if i < len(hm.RowNames) {
			name := truncate(hm.RowNames[i], lw, m.unicode)
			s.text(ox+lw-runeLen(name), y, name, noColor, x0)
		}
		for j := 0; j < show; j++ {
			v := math.NaN()
			if j < len(hm.Values[i]) {
				v = hm.Values[i][j]
			}
			t := hm.position(v)
			cx := x0 + j*cw
			str := vals[i][j]
			if m.color {
				ramp := sequentialRamp
				if hm.Diverging {
					ramp = divergingRamp
				}
				bg := ramp[int(math.Round(t*float64(len(ramp)-1)))]
				if math.IsNaN(v) {
					bg = 244
				}
				for k := 0; k < cw-1; k++ {
					s.c[y*s.w+cx+k] = tcell{r: ' ', col: noColor, bg: bg}
				}
				start := cx + cw - 1 - runeLen(str)
				for k, r := range []rune(str) {
					s.c[y*s.w+start+k] = tcell{r: r, col: noColor, bg: bg}
				}
			} else {
				mag := t
				if hm.Diverging {
					mag = math.Abs(t-0.5) * 2
				}
				sh := shades
				if !m.unicode {
					sh = asciiShades
				}
				k := int(math.Round(mag * float64(len(sh)-1)))
				if math.IsNaN(v) {
					k = 0
				}
				if shade {
					s.set(cx+cw-1-vw-2, y, sh[k], noColor)
				}
				s.text(cx+cw-1-runeLen(str), y, str, noColor, ox+w)
			}
		}
		y++
	}
}

// luma256 is the relative luminance (0–1) of xterm-256 colour c.
func luma256(c int) float64 {
	var r, g, b float64
	switch {
	case c >= 232:
		v := float64(8+10*(c-232)) / 255
		r, g, b = v, v, v
	case c >= 16:
		lv := []float64{0, 95, 135, 175, 215, 255}
		c -= 16
		r, g, b = lv[c/36]/255, lv[(c/6)%6]/255, lv[c%6]/255
	default:
		if c == 7 || c >= 9 {
			return 0.8
		}
		return 0.2
	}
	return 0.299*r + 0.587*g + 0.114*b
}

// heatValues formats the matrix with d decimals and returns the widest.
func heatValues(hm *HeatMap, d int) ([][]string, int) {
	vals := make([][]string, len(hm.Values))
	vw := 0
	nc := len(hm.Values[0])
	for i := range hm.Values {
		vals[i] = make([]string, nc)
		for j := range nc {
			v := math.NaN()
			if j < len(hm.Values[i]) {
				v = hm.Values[i][j]
			}
			vals[i][j] = fmtFixed(v, d)
			vw = max(vw, runeLen(vals[i][j]))
		}
	}
	return vals, vw
}

func fmtFixed(v float64, d int) string {
	if math.IsNaN(v) {
		return "NA"
	}
	s := strconvF(v, d)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}
