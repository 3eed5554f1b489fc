package plots

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/gostat/gostat/display"
)

// Graphics "image" (reports, files) carries a PNG at 1.5× the terminal
// resolution, with the same text form as the plain display.
func TestDisplayImageGraphics(t *testing.T) {
	p := gallery()["diagnostics"]
	o := display.Plain
	o.Graphics = "image"
	b := p.Display(o)
	if b.Text != p.Display(display.Plain).Text {
		t.Fatal("the text form depends on Graphics")
	}
	img, err := png.Decode(bytes.NewReader(b.PNG))
	if err != nil {
		t.Fatalf("PNG: %v", err)
	}
	if r := img.Bounds(); r.Dx() != b.Cols*15 || r.Dy() != b.Rows*30 {
		t.Fatalf("PNG %v for %d×%d cells, want %d×%d", r, b.Cols, b.Rows, b.Cols*15, b.Rows*30)
	}
	if len(b.SVG) == 0 {
		t.Fatal("no SVG form")
	}
}
