// Package plotting renders gostat's plots. A plot is described once, as a
// Figure (panels of layers of data), and drawn by two renderers:
//
//   - the text renderer draws the data region at braille resolution (2×4
//     dots per character cell) or in plain ASCII, and lays out the title,
//     tick labels, axis labels and legend as real characters, so the text
//     form is readable in every terminal and deterministic enough to be
//     recorded in scripts;
//   - the image renderer draws the same Figure with gonum/plot to PNG, SVG
//     or PDF.
//
// Builtins (package builtins/plots) build Figures; they never write escape
// codes themselves — the ANSI form comes from Text here.
package plotting

import "math"

// LayerKind says how a layer's data are drawn.
type LayerKind int

const (
	// Points draws (X[i], Y[i]) as markers.
	Points LayerKind = iota
	// Lines joins (X[i], Y[i]) in order; NaN breaks the line.
	Lines
	// Band fills the region between Y (lower) and Y2 (upper) over X.
	Band
	// Rects draws filled rectangles [X[i], X2[i]] × [Y[i], Y2[i]]
	// (histogram and bar charts).
	Rects
	// Boxes draws horizontal Tukey box plots, one per Box, at y = 1, 2, ….
	Boxes
	// Heat draws a matrix as coloured cells with the values printed.
	Heat
	// Labels writes Text[i] beside the point (X[i], Y[i]) (R's text(),
	// used to name extreme points). Labels do not widen the axes.
	Labels
)

// Box holds the statistics of one horizontal box: the whisker ends, the
// hinges, the median and the points beyond the whiskers.
type Box struct {
	Label                           string
	Low, Lower, Median, Upper, High float64
	Outliers                        []float64
	N                               int
}

// HeatMap is a matrix drawn as coloured cells. Values[i][j] is row i (drawn
// from the top) and column j. Lo and Hi fix the colour scale; Diverging
// centres it on (Lo+Hi)/2 with a blue–white–red scale (correlations).
type HeatMap struct {
	Values    [][]float64
	RowNames  []string
	ColNames  []string
	Lo, Hi    float64
	Diverging bool
	Digits    int
}

// position maps a value to [0, 1] on the colour scale from Lo to Hi: 0.5
// for NaN (missing) or when the scale is empty or not finite, and values
// beyond the ends (±Inf included) clamp to them.
func (h *HeatMap) position(v float64) float64 {
	span := h.Hi - h.Lo
	if math.IsNaN(v) || !(span > 0) || math.IsInf(span, 0) {
		return 0.5
	}
	return math.Max(0, math.Min(1, (v-h.Lo)/span))
}

// Layer is one set of data in a panel.
type Layer struct {
	Kind LayerKind
	// Label names the layer in the legend; empty leaves it out.
	Label string
	// Color is a palette index (see Palette); -1 is the neutral grey used
	// for reference lines and outlines.
	Color int
	// Marker is a marker index for Points (see Markers).
	Marker int
	X, Y   []float64
	X2, Y2 []float64
	Dashed bool
	// Reference marks a guide line (y = a + bx, a QQ line, a zero line)
	// that, like R's abline, does not widen the axis limits.
	Reference bool
	Boxes     []Box
	Heat      *HeatMap
	// Text holds the strings of a Labels layer.
	Text []string
}

// Tick is a labelled position on an axis.
type Tick struct {
	Value float64
	Label string
}

// Panel is one plot region with its axes.
type Panel struct {
	Title, XLabel, YLabel string
	Layers                []Layer
	// XMin, XMax, YMin, YMax fix the axis limits; NaN means from the data.
	XMin, XMax, YMin, YMax float64
	// XTicks and YTicks replace the automatic ticks when not nil
	// (categorical axes).
	XTicks, YTicks []Tick
	// Legend shows the labelled layers.
	Legend bool
	// Equal asks for the same limits on both axes (ROC, calibration).
	Equal bool
	// LegendPos places the legend inside image renderings: "" or
	// "topright", "topleft", "bottomright", "bottomleft". Text renderings
	// always put the legend in the header line.
	LegendPos string
}

// NewPanel returns an empty panel with automatic limits.
func NewPanel(title, xlab, ylab string) *Panel {
	nan := math.NaN()
	return &Panel{Title: title, XLabel: xlab, YLabel: ylab, XMin: nan, XMax: nan, YMin: nan, YMax: nan}
}

// Add appends a layer and returns the panel.
func (p *Panel) Add(l Layer) *Panel {
	p.Layers = append(p.Layers, l)
	return p
}

// Figure is a grid of panels (Rows × Cols, filled row by row) with an
// optional overall title.
type Figure struct {
	Title      string
	Rows, Cols int
	Panels     []*Panel
}

// Single returns a one-panel figure.
func Single(p *Panel) *Figure { return &Figure{Rows: 1, Cols: 1, Panels: []*Panel{p}} }

// NPoints is the number of data points drawn, used to decide how costly an
// image rendering is.
func (f *Figure) NPoints() int {
	n := 0
	for _, p := range f.Panels {
		for _, l := range p.Layers {
			n += len(l.X)
		}
	}
	return n
}

// limits returns the data limits of the panel, expanded the way R does (4%
// on each side) unless fixed, with bars and boxes kept on their baseline.
func (p *Panel) limits() (x0, x1, y0, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	upd := func(v float64, lo, hi *float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		if v < *lo {
			*lo = v
		}
		if v > *hi {
			*hi = v
		}
	}
	zeroY, zeroX := false, false
	for _, l := range p.Layers {
		switch l.Kind {
		case Boxes:
			for _, b := range l.Boxes {
				upd(b.Low, &x0, &x1)
				upd(b.High, &x0, &x1)
				for _, o := range b.Outliers {
					upd(o, &x0, &x1)
				}
			}
			upd(0.5, &y0, &y1)
			upd(float64(len(l.Boxes))+0.5, &y0, &y1)
			continue
		case Heat, Labels:
			continue
		}
		if l.Reference {
			continue
		}
		for _, v := range l.X {
			upd(v, &x0, &x1)
		}
		for _, v := range l.X2 {
			upd(v, &x0, &x1)
		}
		for _, v := range l.Y {
			upd(v, &y0, &y1)
		}
		for _, v := range l.Y2 {
			upd(v, &y0, &y1)
		}
		if l.Kind == Rects {
			zeroY = true
		}
	}
	for _, t := range p.XTicks {
		upd(t.Value, &x0, &x1)
	}
	for _, t := range p.YTicks {
		upd(t.Value, &y0, &y1)
	}
	if math.IsInf(x0, 1) {
		x0, x1 = 0, 1
	}
	if math.IsInf(y0, 1) {
		y0, y1 = 0, 1
	}
	if p.Equal {
		lo, hi := math.Min(x0, y0), math.Max(x1, y1)
		x0, y0, x1, y1 = lo, lo, hi, hi
	}
	x0, x1 = expand(x0, x1, zeroX)
	y0, y1 = expand(y0, y1, zeroY)
	if !math.IsNaN(p.XMin) {
		x0 = p.XMin
	}
	if !math.IsNaN(p.XMax) {
		x1 = p.XMax
	}
	if !math.IsNaN(p.YMin) {
		y0 = p.YMin
	}
	if !math.IsNaN(p.YMax) {
		y1 = p.YMax
	}
	return
}

// expand widens [lo, hi] by 4% on each side (R's xaxs = "r"); when base is
// set and lo is 0 the low end stays at 0 (bars stand on the axis).
func expand(lo, hi float64, base bool) (float64, float64) {
	if hi == lo {
		d := math.Abs(lo) * 0.1
		if d == 0 {
			d = 1
		}
		return lo - d, hi + d
	}
	d := (hi - lo) * 0.04
	if base && lo == 0 {
		return 0, hi + d
	}
	return lo - d, hi + d
}
