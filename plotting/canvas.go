package plotting

import "math"

// noColor marks a cell drawn in the terminal's default colour.
const noColor = -100

// canvas is the data region of a panel: w × h character cells, each made of
// sx × sy dots (2 × 4 braille dots in Unicode mode, one dot per cell in
// ASCII mode). Three layers are kept per cell and the highest set one is
// shown: overlay characters (markers, box plots), dots, fill (bars).
type canvas struct {
	w, h    int
	sx, sy  int
	unicode bool
	mask    []uint8 // braille dot bits (Unicode)
	asc     []rune  // dot characters (ASCII)
	dcol    []int
	over    []rune
	ocol    []int
	fill    []rune
	fcol    []int
}

func newCanvas(w, h int, unicode bool) *canvas {
	c := &canvas{w: w, h: h, sx: 1, sy: 1, unicode: unicode}
	if unicode {
		c.sx, c.sy = 2, 4
	}
	n := w * h
	c.mask = make([]uint8, n)
	c.asc = make([]rune, n)
	c.dcol = make([]int, n)
	c.over = make([]rune, n)
	c.ocol = make([]int, n)
	c.fill = make([]rune, n)
	c.fcol = make([]int, n)
	return c
}

// dotsW and dotsH are the canvas size in dots.
func (c *canvas) dotsW() int { return c.w * c.sx }
func (c *canvas) dotsH() int { return c.h * c.sy }

var brailleBits = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// dot lights dot (x, y) in colour col; ch is the character used in ASCII
// mode.
func (c *canvas) dot(x, y, col int, ch rune) {
	if x < 0 || y < 0 || x >= c.dotsW() || y >= c.dotsH() {
		return
	}
	i := (y/c.sy)*c.w + x/c.sx
	if c.unicode {
		c.mask[i] |= brailleBits[y%4][x%2]
	} else {
		c.asc[i] = ch
	}
	c.dcol[i] = col
}

// put sets an overlay character at cell (cx, cy).
func (c *canvas) put(cx, cy int, r rune, col int) {
	if cx < 0 || cy < 0 || cx >= c.w || cy >= c.h {
		return
	}
	c.over[cy*c.w+cx] = r
	c.ocol[cy*c.w+cx] = col
}

// putFill sets a fill character at cell (cx, cy).
func (c *canvas) putFill(cx, cy int, r rune, col int) {
	if cx < 0 || cy < 0 || cx >= c.w || cy >= c.h {
		return
	}
	c.fill[cy*c.w+cx] = r
	c.fcol[cy*c.w+cx] = col
}

// cell returns the character and colour shown at (cx, cy).
func (c *canvas) cell(cx, cy int) (rune, int) {
	i := cy*c.w + cx
	switch {
	case c.over[i] != 0:
		return c.over[i], c.ocol[i]
	case c.unicode && c.mask[i] != 0:
		return 0x2800 + rune(c.mask[i]), c.dcol[i]
	case !c.unicode && c.asc[i] != 0:
		return c.asc[i], c.dcol[i]
	case c.fill[i] != 0:
		return c.fill[i], c.fcol[i]
	}
	return ' ', noColor
}

// line draws a segment between dot coordinates (x0, y0) and (x1, y1),
// clipped to the canvas. style 0 is solid, 1 dashed, 2 dotted.
func (c *canvas) line(x0, y0, x1, y1 float64, col, style int) {
	W, H := float64(c.dotsW()-1), float64(c.dotsH()-1)
	var ok bool
	x0, y0, x1, y1, ok = clip(x0, y0, x1, y1, -0.49, -0.49, W+0.49, H+0.49)
	if !ok {
		return
	}
	ch := '.'
	if !c.unicode {
		dx, dy := x1-x0, y1-y0
		switch {
		case math.Abs(dy) <= 0.35*math.Abs(dx):
			ch = '-'
		case math.Abs(dy) >= 2*math.Abs(dx):
			ch = '|'
		case (dx > 0) == (dy < 0):
			ch = '/'
		default:
			ch = '\\'
		}
	}
	ix0, iy0 := int(math.Round(x0)), int(math.Round(y0))
	ix1, iy1 := int(math.Round(x1)), int(math.Round(y1))
	dx, dy := abs(ix1-ix0), -abs(iy1-iy0)
	sx, sy := 1, 1
	if ix0 > ix1 {
		sx = -1
	}
	if iy0 > iy1 {
		sy = -1
	}
	e := dx + dy
	for step := 0; ; step++ {
		draw := true
		switch style {
		case 1:
			if c.unicode {
				draw = (step/3)%2 == 0
			} else {
				draw = step%2 == 0
			}
		case 2:
			draw = step%2 == 0
		}
		if draw {
			c.dot(ix0, iy0, col, ch)
		}
		if ix0 == ix1 && iy0 == iy1 {
			break
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			ix0 += sx
		}
		if e2 <= dx {
			e += dx
			iy0 += sy
		}
	}
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// clip clips a segment to a rectangle (Liang–Barsky).
func clip(x0, y0, x1, y1, xmin, ymin, xmax, ymax float64) (float64, float64, float64, float64, bool) {
	if anyNaN(x0, y0, x1, y1) {
		return 0, 0, 0, 0, false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, pq := range [4][2]float64{{-dx, x0 - xmin}, {dx, xmax - x0}, {-dy, y0 - ymin}, {dy, ymax - y0}} {
		p, q := pq[0], pq[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return 0, 0, 0, 0, false
			}
			if r > t0 {
				t0 = r
			}
		} else {
			if r < t0 {
				return 0, 0, 0, 0, false
			}
			if r < t1 {
				t1 = r
			}
		}
	}
	return x0 + t0*dx, y0 + t0*dy, x0 + t1*dx, y0 + t1*dy, true
}

func anyNaN(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return true
		}
	}
	return false
}
