// Package plots draws statistical graphics: scatter, line, histogram,
// density, box, bar, heatmap, QQ, regression diagnostics, ROC and PR
// curves, calibration and learning curves, lasso paths and scatter
// matrices.
//
// Every builder returns a *Plot. Ending a cell with a plot shows it: as an
// image in terminals that can show one (kitty, iTerm2, sixel), and
// everywhere else as text drawn with braille dots and real-text labels. Its
// text form is deterministic, so scripts record and check it.
//
//	df := datasets.MustLoad("faithful")
//	plots.Scatter(df.Col("eruptions"), df.Col("waiting")).Fit().
//		Title("Old Faithful").XLabel("eruption (min)").YLabel("waiting (min)")
//	plots.Histogram(df.Col("waiting"))
//	p.Save("faithful.png", plots.Size(7, 4.5), plots.DPI(150))
//
// Methods change the plot and return it, so calls chain. A builder given bad
// input returns a plot that shows the error (and Save returns it).
package plots

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/plotting"
	"gonum.org/v1/plot/vg"
)

// Plot is a figure: one panel, or a grid of panels (diagnostics, pairs).
// It shows itself (display.Displayer) and saves to PNG, SVG or PDF.
type Plot struct {
	fig  *plotting.Figure
	kind string
	err  error
	data []float64 // the sample of a histogram (for WithDensity)
}

func newPlot(kind string, p *plotting.Panel) *Plot {
	return &Plot{fig: plotting.Single(p), kind: kind}
}

func failed(kind string, err error) *Plot {
	return &Plot{fig: &plotting.Figure{}, kind: kind, err: err}
}

func errorf(kind, format string, args ...any) *Plot {
	return failed(kind, fmt.Errorf("plots.%s: "+format, append([]any{kind}, args...)...))
}

// Err returns the error that stopped the plot from being built, or nil.
func (p *Plot) Err() error { return p.err }

func (p *Plot) panel() *plotting.Panel {
	if len(p.fig.Panels) == 0 {
		return nil
	}
	return p.fig.Panels[0]
}

// Title sets the plot's title (the overall title of a grid of panels).
func (p *Plot) Title(s string) *Plot {
	if p.err != nil {
		return p
	}
	if len(p.fig.Panels) == 1 {
		p.fig.Panels[0].Title = s
	} else {
		p.fig.Title = s
	}
	return p
}

// XLabel sets the x-axis label (of every panel in a grid).
func (p *Plot) XLabel(s string) *Plot {
	for _, q := range p.fig.Panels {
		q.XLabel = s
	}
	return p
}

// YLabel sets the y-axis label (of every panel in a grid).
func (p *Plot) YLabel(s string) *Plot {
	for _, q := range p.fig.Panels {
		q.YLabel = s
	}
	return p
}

// XLim fixes the x-axis limits.
func (p *Plot) XLim(lo, hi float64) *Plot {
	for _, q := range p.fig.Panels {
		q.XMin, q.XMax = lo, hi
	}
	return p
}

// YLim fixes the y-axis limits.
func (p *Plot) YLim(lo, hi float64) *Plot {
	for _, q := range p.fig.Panels {
		q.YMin, q.YMax = lo, hi
	}
	return p
}

// Figure returns the plot's description, for renderers.
func (p *Plot) Figure() *plotting.Figure { return p.fig }

// Display renders the plot for o: Text always (braille or ASCII with text
// labels), ANSI when o.Color, PNG when o.Graphics is an image protocol
// (kitty, iterm, sixel) or "image" (reports; at 144 dpi), and SVG (for
// reports and `gostat run -o`) unless o.Graphics is "none". Point layers
// of more than 5000 points are rasterised inside the SVG, so it stays small.
func (p *Plot) Display(o display.Options) display.Bundle {
	o = o.Normalized()
	if p.err != nil {
		return display.Bundle{Kind: "error", Text: p.err.Error() + "\n"}
	}
	b := display.Bundle{Kind: "plot", Text: plotting.Text(p.fig, o)}
	if o.Color {
		b.ANSI = plotting.ANSI(p.fig, o)
	}
	w, h := plotting.FigureTextSize(p.fig, o)
	b.Cols, b.Rows = w, h
	switch o.Graphics {
	case "kitty", "iterm", "sixel":
		// About 10 × 20 pixels per cell, at 96 dpi.
		png, err := plotting.PNG(p.fig, pxToPt(w*10), pxToPt(h*20), 96)
		if err == nil {
			b.PNG = png
		}
	case "image":
		// Reports and files: the same layout at 1.5× resolution, so the
		// picture stays sharp on high-density screens.
		png, err := plotting.PNG(p.fig, pxToPt(w*10), pxToPt(h*20), 144)
		if err == nil {
			b.PNG = png
		}
	}
	if o.Graphics != "none" {
		if svg, err := plotting.SVG(p.fig, pxToPt(w*10), pxToPt(h*20)); err == nil {
			b.SVG = svg
		}
	}
	return b
}

// String returns the plain-text rendering (display.Plain), so fmt.Println
// shows the plot.
func (p *Plot) String() string { return p.Display(display.Plain).Text }

// addLayer appends a layer to the first panel.
func (p *Plot) addLayer(l plotting.Layer) *Plot {
	if p.err != nil {
		return p
	}
	if q := p.panel(); q != nil {
		q.Add(l)
		if l.Label != "" {
			q.Legend = true
		}
	}
	return p
}

// nextColor returns the first palette index not used by the first panel.
func (p *Plot) nextColor() int {
	q := p.panel()
	if q == nil {
		return 0
	}
	used := map[int]bool{}
	for _, l := range q.Layers {
		used[l.Color] = true
	}
	for i := 0; ; i++ {
		if !used[i] {
			return i
		}
	}
}

// Points adds points (x[i], y[i]) to the plot, named label in the legend.
func (p *Plot) Points(x, y []float64, label string) *Plot {
	if p.err != nil {
		return p
	}
	if err := sameLen("Points", "x", x, "y", y); err != nil {
		return failed("Points", err)
	}
	c := p.nextColor()
	return p.addLayer(plotting.Layer{Kind: plotting.Points, X: x, Y: y, Label: label, Color: c, Marker: c})
}

// Line adds a line through (x[i], y[i]) in order, named label in the
// legend.
func (p *Plot) Line(x, y []float64, label string) *Plot {
	if p.err != nil {
		return p
	}
	if err := sameLen("Line", "x", x, "y", y); err != nil {
		return failed("Line", err)
	}
	c := p.nextColor()
	return p.addLayer(plotting.Layer{Kind: plotting.Lines, X: x, Y: y, Label: label, Color: c, Marker: c})
}

// HLine adds a dashed grey horizontal reference line at y.
func (p *Plot) HLine(y float64) *Plot {
	x0, x1 := p.xspan()
	return p.addLayer(plotting.Layer{Kind: plotting.Lines, X: []float64{x0, x1}, Y: []float64{y, y}, Color: -1, Dashed: true, Reference: true})
}

// VLine adds a dashed grey vertical reference line at x.
func (p *Plot) VLine(x float64) *Plot {
	y0, y1 := p.yspan()
	return p.addLayer(plotting.Layer{Kind: plotting.Lines, X: []float64{x, x}, Y: []float64{y0, y1}, Color: -1, Dashed: true, Reference: true})
}

// ABLine adds the dashed grey line y = a + b·x across the plot.
func (p *Plot) ABLine(a, b float64) *Plot {
	x0, x1 := p.xspan()
	return p.addLayer(plotting.Layer{Kind: plotting.Lines, X: []float64{x0, x1}, Y: []float64{a + b*x0, a + b*x1}, Color: -1, Dashed: true, Reference: true})
}

// xspan and yspan are the data extent of the first panel (reference lines
// span it without widening the axes).
func (p *Plot) xspan() (float64, float64) { return p.span(true) }
func (p *Plot) yspan() (float64, float64) { return p.span(false) }

func (p *Plot) span(x bool) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	q := p.panel()
	if q == nil {
		return 0, 1
	}
	for _, l := range q.Layers {
		vs := [][]float64{l.Y, l.Y2}
		if x {
			vs = [][]float64{l.X, l.X2}
		}
		for _, v := range vs {
			for _, f := range v {
				if !math.IsNaN(f) && !math.IsInf(f, 0) {
					lo, hi = math.Min(lo, f), math.Max(hi, f)
				}
			}
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	return lo, hi
}

func sameLen(fn, an string, a []float64, bn string, b []float64) error {
	if len(a) != len(b) {
		return fmt.Errorf("plots.%s: %s has %d values but %s has %d; give slices of the same length", fn, an, len(a), bn, len(b))
	}
	if xs, _ := pairsFinite(a, b); len(xs) == 0 {
		if len(a) == 0 {
			return fmt.Errorf("plots.%s: %s and %s are empty; there is nothing to draw", fn, an, bn)
		}
		return fmt.Errorf("plots.%s: none of the %d points has a finite %s and %s (all are NaN, missing or infinite); there is nothing to draw", fn, len(a), an, bn)
	}
	return nil
}

func pxToPt(px int) vg.Length { return vg.Length(float64(px) * 72 / 96) }

// Show displays the plot now, before the cell ends — for several plots from
// one cell or from a loop. It returns the plot.
//
//	for _, c := range []string{"mpg", "hp", "wt"} {
//		plots.HistogramOf(mtcars, c).Show()
//	}
func (p *Plot) Show() *Plot {
	cell.Show(p.Display(cell.Options()))
	return p
}
