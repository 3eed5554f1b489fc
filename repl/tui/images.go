package tui

import (
	"bytes"
	"image/png"
	"math"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/plotting/term"
)

// KittyImages returns an Options.Image that shows a display's PNG inline
// with kitty Unicode placeholders (package plotting/term): the image is
// uploaded once with a zero-width sequence leading its first line and drawn
// by ordinary one-column placeholder characters, so bubbletea's line renderer
// keeps the layout. It is the only image method that works inside a
// full-screen bubbletea view (kitty ≥ 0.28, Ghostty; through tmux with
// allow-passthrough when tmux is set).
func KittyImages(tmux bool) func(b display.Bundle, width int) ([]string, bool) {
	return func(b display.Bundle, width int) ([]string, bool) {
		if len(b.PNG) == 0 {
			return nil, false
		}
		cols, rows := imageCells(b, width)
		if cols <= 0 || rows <= 0 {
			return nil, false
		}
		return term.KittyVirtual(b.PNG, cols, rows, tmux), true
	}
}

// imageCells is the size in cells an image takes: the bundle's own size
// when given (capped to width), else the width of the output column (at
// most 100) and the rows that keep the picture's aspect with cells twice
// as tall as wide.
func imageCells(b display.Bundle, width int) (cols, rows int) {
	cols = b.Cols
	if cols <= 0 {
		cols = min(width, 100)
	}
	cols = min(cols, width)
	if b.Rows > 0 {
		rows = b.Rows
		if b.Cols > cols { // shrunk to fit: keep the aspect
			rows = max(1, b.Rows*cols/b.Cols)
		}
		return cols, rows
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b.PNG))
	if err != nil || cfg.Width == 0 {
		return 0, 0
	}
	rows = int(math.Round(float64(cols) * float64(cfg.Height) / float64(cfg.Width) / 2))
	return cols, max(1, rows)
}

// detectGraphics fills Graphics and Image from the terminal when the
// caller left them empty: kitty placeholders where they work, else text.
func detectGraphics(o *Options) {
	if o.Graphics != "" {
		if o.Graphics == term.Kitty && o.Image == nil {
			o.Image = KittyImages(false)
		}
		return
	}
	c := term.Detect()
	if c.Protocol == term.Kitty && c.Placeholders {
		o.Graphics = term.Kitty
		o.Image = KittyImages(c.Tmux)
		return
	}
	o.Graphics = term.Text
}
