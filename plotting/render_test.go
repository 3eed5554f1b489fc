package plotting

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/plot/vg"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

func waves() *Figure {
	p := NewPanel("Two waves", "t (s)", "amplitude")
	p.Legend = true
	var xs, s, c []float64
	for i := 0; i <= 120; i++ {
		x := float64(i) / 12
		xs = append(xs, x)
		s = append(s, math.Sin(x))
		c = append(c, 0.6*math.Cos(x))
	}
	p.Add(Layer{Kind: Lines, X: xs, Y: s, Label: "sin", Color: 0, Marker: 0})
	p.Add(Layer{Kind: Lines, X: xs, Y: c, Label: "0.6 cos", Color: 1, Marker: 1})
	p.Add(Layer{Kind: Lines, X: []float64{0, 10}, Y: []float64{0, 0}, Color: -1, Dashed: true})
	return Single(p)
}

func groups() *Figure {
	p := NewPanel("Three groups", "x", "y")
	p.Legend = true
	for g := 0; g < 3; g++ {
		var xs, ys []float64
		for i := 0; i < 25; i++ {
			a := float64(i)*0.7 + float64(g)*2.1
			xs = append(xs, float64(g)*3+math.Cos(a)*1.2)
			ys = append(ys, float64(g)*2+math.Sin(a*1.3)*1.1)
		}
		p.Add(Layer{Kind: Points, X: xs, Y: ys, Label: []string{"a", "b", "c"}[g], Color: g, Marker: g})
	}
	return Single(p)
}

func bars() *Figure {
	p := NewPanel("Counts", "value", "Frequency")
	br := []float64{0, 2, 4, 6, 8, 10}
	p.Add(Layer{Kind: Rects, X: br[:5], X2: br[1:], Y: make([]float64, 5), Y2: []float64{3, 9, 14.5, 6, 1}, Color: 0})
	return Single(p)
}

func boxesFig() *Figure {
	p := NewPanel("Boxes", "value", "")
	p.Add(Layer{Kind: Boxes, Color: 2, Boxes: []Box{
		{Label: "first", Low: 1, Lower: 2.5, Median: 3, Upper: 4, High: 6, Outliers: []float64{9}},
		{Label: "second", Low: 2, Lower: 4, Median: 5.5, Upper: 6, High: 8},
	}})
	return Single(p)
}

func heat() *Figure {
	p := NewPanel("Correlations", "", "")
	names := []string{"mpg", "wt", "hp"}
	p.Add(Layer{Kind: Heat, Heat: &HeatMap{Values: [][]float64{{1, -0.8677, -0.7762}, {-0.8677, 1, 0.6587}, {-0.7762, 0.6587, 1}},
		RowNames: names, ColNames: names, Lo: -1, Hi: 1, Diverging: true, Digits: 2}})
	return Single(p)
}

func grid() *Figure {
	f := &Figure{Title: "A grid", Rows: 2, Cols: 2}
	f.Panels = append(f.Panels, waves().Panels[0], groups().Panels[0], bars().Panels[0], boxesFig().Panels[0])
	return f
}

var figures = map[string]func() *Figure{"waves": waves, "groups": groups, "bars": bars, "boxes": boxesFig, "heat": heat, "grid": grid}

func TestTextGolden(t *testing.T) {
	ascii := display.Plain
	ascii.Unicode = false
	color := display.Plain
	color.Color = true
	small := display.Options{Width: 50, Height: 16, Unicode: true}
	for name, mk := range figures {
		golden(t, name+".unicode", Text(mk(), display.Plain))
		golden(t, name+".ascii", Text(mk(), ascii))
		golden(t, name+".ansi", ANSI(mk(), color))
		golden(t, name+".small", Text(mk(), small))
	}
}

func TestTextProperties(t *testing.T) {
	ascii := display.Plain
	ascii.Unicode = false
	for name, mk := range figures {
		u := Text(mk(), display.Plain)
		if u != Text(mk(), display.Plain) {
			t.Errorf("%s: text rendering is not deterministic", name)
		}
		if strings.Contains(u, "\x1b") {
			t.Errorf("%s: plain text has escape codes", name)
		}
		w, h := TextSize(display.Plain, mk().Rows)
		lines := strings.Split(strings.TrimSuffix(u, "\n"), "\n")
		extra := 0
		if mk().Title != "" {
			extra = 1
		}
		if len(lines) > h+extra {
			t.Errorf("%s: %d lines, more than %d", name, len(lines), h+extra)
		}
		for _, l := range lines {
			if n := len([]rune(l)); n > w {
				t.Errorf("%s: line of %d cells wider than %d: %q", name, n, w, l)
			}
		}
		a := Text(mk(), ascii)
		for i, r := range a {
			if r > 127 {
				t.Errorf("%s: ASCII rendering has %q at byte %d", name, r, i)
				break
			}
		}
		// Titles, labels and legends are real text.
		f := mk()
		for _, p := range f.Panels {
			for _, s := range []string{p.Title, p.XLabel} {
				if s != "" && !strings.Contains(u, s) {
					t.Errorf("%s: label %q not in the text", name, s)
				}
			}
		}
	}
	c := display.Plain
	c.Color = true
	if !strings.Contains(ANSI(groups(), c), "\x1b[38;5;") {
		t.Error("ANSI form has no colour")
	}
}

func TestImages(t *testing.T) {
	for name, mk := range figures {
		b, err := PNG(mk(), 5*vg.Inch, 3*vg.Inch, 100)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: PNG does not decode: %v", name, err)
		}
		if r := img.Bounds(); r.Dx() != 500 || r.Dy() != 300 {
			t.Errorf("%s: PNG is %v, want 500×300", name, r)
		}
		svg, err := SVG(mk(), 5*vg.Inch, 3*vg.Inch)
		if err != nil {
			t.Fatal(err)
		}
		checkXML(t, name, svg)
		pdf, err := PDF(mk(), 5*vg.Inch, 3*vg.Inch)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("/Type /Page")) || !bytes.Contains(bytes.TrimSpace(pdf[len(pdf)-32:]), []byte("%%EOF")) {
			t.Errorf("%s: not a PDF document", name)
		}
	}
}

func checkXML(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	texts := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: SVG is not XML: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			if se.Name.Local == "text" {
				texts++
			}
		}
	}
	if root != "svg" || texts == 0 {
		t.Errorf("%s: SVG root %q with %d text elements", name, root, texts)
	}
}

func TestBigScatterIsRasterised(t *testing.T) {
	n := 20000
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i] = math.Sin(float64(i) * 0.37)
		ys[i] = math.Cos(float64(i)*0.11) * xs[i]
	}
	p := NewPanel("many", "x", "y")
	p.Add(Layer{Kind: Points, X: xs, Y: ys, Color: 0})
	f := Single(p)
	svg, err := SVG(f, 5*vg.Inch, 3*vg.Inch)
	if err != nil {
		t.Fatal(err)
	}
	checkXML(t, "many", svg)
	if !bytes.Contains(svg, []byte("<image")) || len(svg) > 2<<20 {
		t.Errorf("20k-point SVG is %d bytes; points should be one embedded image", len(svg))
	}
	b, err := PNG(f, 5*vg.Inch, 3*vg.Inch, 96)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := png.Decode(bytes.NewReader(b))
	blue := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr>>8 == 0 && cg>>8 == 114 && cb>>8 == 178 {
				blue++
			}
		}
	}
	if blue < 1000 {
		t.Errorf("only %d pixels in the point colour", blue)
	}
}

func TestSaveByExtension(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{".png", ".svg", ".pdf", ".PNG"} {
		path := filepath.Join(dir, "f"+ext)
		if err := Save(bars(), path, 4*vg.Inch, 3*vg.Inch, 72); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Fatalf("%s not written", path)
		}
	}
	err := Save(bars(), filepath.Join(dir, "f.jpg"), 4*vg.Inch, 3*vg.Inch, 72)
	if err == nil || !strings.Contains(err.Error(), ".png, .svg or .pdf") {
		t.Fatalf("unknown extension: %v", err)
	}
}

// Five boxes in a short panel are spread evenly: three-row boxes keep
// their top and bottom borders (neighbours used to overwrite them) and every
// label sits on its box's middle row.
func TestBoxesEvenlySpaced(t *testing.T) {
	p := NewPanel("", "Ozone", "Month")
	labels := []string{"5", "6", "7", "8", "9"}
	var bs []Box
	for i, lab := range labels {
		c := 30 + float64(i) // overlapping x ranges: neighbours collide if rows touch
		bs = append(bs, Box{Label: lab, Low: c - 8, Lower: c - 3, Median: c, Upper: c + 3, High: c + 8})
	}
	p.Add(Layer{Kind: Boxes, Boxes: bs})
	threeRow := 0
	for h := 12; h <= 40; h++ {
		txt := Text(Single(p), display.Options{Width: 60, Height: h, Unicode: true})
		lines := strings.Split(txt, "\n")
		seen := 0
		for i, l := range lines {
			for _, lab := range labels {
				if !strings.HasPrefix(strings.TrimSpace(l), lab+" ┤") {
					continue
				}
				seen++
				if !strings.Contains(l, "┃") {
					t.Errorf("height %d: label %s on a row without its median:\n%s", h, lab, txt)
				}
				if strings.Contains(l, "█") {
					continue // one-row box
				}
				threeRow++
				if !strings.Contains(lines[i-1], "┯") || !strings.Contains(lines[i+1], "┷") {
					t.Errorf("height %d: box %s lost a border:\n%s", h, lab, txt)
				}
			}
		}
		if seen != len(labels) {
			t.Errorf("height %d: %d labelled rows, want %d:\n%s", h, seen, len(labels), txt)
		}
	}
	if threeRow == 0 {
		t.Error("no height drew three-row boxes")
	}
}

// More boxes than a default panel has rows: the text grows so every box
// has its own row, and no label is overwritten by another.
func TestManyBoxesOwnRows(t *testing.T) {
	p := NewPanel("", "mpg", "wt")
	var bs []Box
	var labels []string
	for i := 0; i < 29; i++ {
		lab := strconv.FormatFloat(1.5+0.13*float64(i), 'f', 3, 64)
		labels = append(labels, lab)
		c := 10 + float64(i)
		bs = append(bs, Box{Label: lab, Low: c - 1, Lower: c - 0.5, Median: c, Upper: c + 0.5, High: c + 1})
	}
	p.Add(Layer{Kind: Boxes, Boxes: bs})
	txt := Text(Single(p), display.Plain)
	seen := map[string]bool{}
	for _, l := range strings.Split(txt, "\n") {
		lab, _, ok := strings.Cut(strings.TrimSpace(l), " ┤")
		if ok {
			seen[lab] = true
		}
	}
	for _, lab := range labels {
		if !seen[lab] {
			t.Errorf("label %s missing or overwritten:\n%s", lab, txt)
			break
		}
	}
	if len(seen) != len(labels) {
		t.Errorf("%d labelled rows, want %d", len(seen), len(labels))
	}
}
