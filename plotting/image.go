package plotting

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// RasterThreshold is the number of points above which a point layer is
// rasterised directly into an image at device resolution instead of being
// drawn glyph by glyph (which costs about 2 µs per point in gonum/plot and
// makes SVG and PDF files huge).
const RasterThreshold = 5000

// Draw draws f on a vg canvas of size w × h.
func Draw(f *Figure, c vg.CanvasSizer) error {
	dc := draw.New(c)
	m := vg.Points(6)
	dc = draw.Crop(dc, m, -m, m, -m)
	if f.Title != "" {
		sty := draw.TextStyle{Color: color.Black, Font: plot.DefaultFont, XAlign: draw.XCenter, YAlign: draw.YTop, Handler: plot.DefaultTextHandler}
		sty.Font.Size = vg.Points(14)
		dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - vg.Points(4)}, f.Title)
		dc = draw.Crop(dc, 0, 0, 0, -vg.Points(24))
	}
	rows, cols := max(f.Rows, 1), max(f.Cols, 1)
	grid := make([][]*plot.Plot, rows)
	for r := range grid {
		grid[r] = make([]*plot.Plot, cols)
	}
	for i, p := range f.Panels {
		if p == nil || i >= rows*cols {
			continue
		}
		pl, err := buildPlot(p, rows*cols > 1)
		if err != nil {
			return err
		}
		grid[i/cols][i%cols] = pl
	}
	if rows == 1 && cols == 1 {
		if grid[0][0] != nil {
			grid[0][0].Draw(dc)
		}
		return nil
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Millimeter * 4, PadY: vg.Millimeter * 4,
		PadTop: vg.Millimeter * 2, PadBottom: vg.Millimeter * 2, PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 2}
	cs := plot.Align(grid, tiles, dc)
	for r := range grid {
		for c := range grid[r] {
			if grid[r][c] != nil {
				grid[r][c].Draw(cs[r][c])
			}
		}
	}
	return nil
}

// Image renders f to an image of w × h at dpi dots per inch.
func Image(f *Figure, w, h vg.Length, dpi int) (image.Image, error) {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	if err := Draw(f, c); err != nil {
		return nil, err
	}
	return c.Image(), nil
}

// PNG renders f to PNG bytes of w × h at dpi.
func PNG(f *Figure, w, h vg.Length, dpi int) ([]byte, error) {
	img, err := Image(f, w, h, dpi)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// SVG renders f to SVG bytes of w × h.
func SVG(f *Figure, w, h vg.Length) ([]byte, error) {
	c := vgsvg.New(w, h)
	if err := Draw(f, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// PDF renders f to PDF bytes of w × h.
func PDF(f *Figure, w, h vg.Length) ([]byte, error) {
	c := vgpdf.New(w, h)
	if err := Draw(f, c); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes f to path in the format named by its extension (.png, .svg,
// .pdf), w × h in size; dpi applies to PNG.
func Save(f *Figure, path string, w, h vg.Length, dpi int) error {
	var (
		b   []byte
		err error
	)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png":
		b, err = PNG(f, w, h, dpi)
	case ".svg":
		b, err = SVG(f, w, h)
	case ".pdf":
		b, err = PDF(f, w, h)
	default:
		return fmt.Errorf("plot: cannot save %q: unknown extension %q; use .png, .svg or .pdf", path, ext)
	}
	if err != nil {
		return fmt.Errorf("plot: rendering %s: %w", path, err)
	}
	return os.WriteFile(path, b, 0o644)
}

// BuildPlot converts a panel to a gonum plot.
func BuildPlot(p *Panel) (*plot.Plot, error) {
	return buildPlot(p, false)
}

func buildPlot(p *Panel, small bool) (*plot.Plot, error) {
	pl := plot.New()
	pl.Title.Text = p.Title
	pl.X.Label.Text = p.XLabel
	pl.Y.Label.Text = p.YLabel
	pl.Title.TextStyle.Font.Size = vg.Points(12)
	pl.Legend.Top = !strings.HasPrefix(p.LegendPos, "bottom")
	pl.Legend.Left = strings.HasSuffix(p.LegendPos, "left")
	pl.Legend.ThumbnailWidth = vg.Points(14)
	var heat *HeatMap
	nPoints, nLegend := 0, 0
	for _, l := range p.Layers {
		if l.Kind == Points {
			nPoints++
		}
	}
	order := []LayerKind{Heat, Band, Rects, Lines, Points, Boxes, Labels}
	for _, k := range order {
		for _, l := range p.Layers {
			if l.Kind != k {
				continue
			}
			col := ColorAt(l.Color)
			var th plot.Thumbnailer
			switch k {
			case Points:
				n := min(len(l.X), len(l.Y))
				if n > RasterThreshold {
					r := &rasterPoints{x: l.X[:n], y: l.Y[:n], col: col}
					pl.Add(r)
					th = r
					break
				}
				xys := finiteXYs(l.X, l.Y)
				if len(xys) == 0 {
					continue
				}
				s, err := plotter.NewScatter(xys)
				if err != nil {
					return nil, err
				}
				s.GlyphStyle.Color = col
				s.GlyphStyle.Radius = vg.Points(2.2)
				if small {
					s.GlyphStyle.Radius = vg.Points(1.4)
				}
				s.GlyphStyle.Shape = glyphShape(l.Marker, nPoints > 1)
				if n > 1000 {
					s.GlyphStyle.Radius = vg.Points(1.2)
					s.GlyphStyle.Shape = draw.BoxGlyph{}
				}
				pl.Add(s)
				th = s
			case Lines:
				ls := draw.LineStyle{Color: col, Width: vg.Points(1.5)}
				if l.Color < 0 {
					ls.Width = vg.Points(1)
				}
				if l.Dashed {
					ls.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
				}
				for _, seg := range segments(l.X, l.Y) {
					ln, err := plotter.NewLine(seg)
					if err != nil {
						return nil, err
					}
					ln.LineStyle = ls
					pl.Add(ln)
					th = ln
				}
			case Band:
				var pts plotter.XYs
				for i := range l.X {
					if i < len(l.Y2) && !anyNaN(l.X[i], l.Y2[i]) {
						pts = append(pts, plotter.XY{X: l.X[i], Y: l.Y2[i]})
					}
				}
				for i := len(l.X) - 1; i >= 0; i-- {
					if i < len(l.Y) && !anyNaN(l.X[i], l.Y[i]) {
						pts = append(pts, plotter.XY{X: l.X[i], Y: l.Y[i]})
					}
				}
				if len(pts) < 3 {
					continue
				}
				pg, err := plotter.NewPolygon(pts)
				if err != nil {
					return nil, err
				}
				pg.Color = color.NRGBA{col.R, col.G, col.B, 60}
				pg.LineStyle.Width = 0
				pl.Add(pg)
				th = pg
			case Rects:
				r := &rects{l: l, col: col}
				pl.Add(r)
				th = r
			case Boxes:
				b := &boxes{l: l, col: col}
				pl.Add(b)
			case Labels:
				pl.Add(&labels{l: l})
			case Heat:
				if l.Heat != nil {
					heat = l.Heat
					pl.Add(&heatPlot{h: l.Heat})
				}
			}
			if l.Label != "" && th != nil {
				pl.Legend.Add(l.Label, th)
				nLegend++
			}
		}
	}
	if nLegend > 0 {
		pl.Legend.XOffs = -vg.Points(4)
		if pl.Legend.Left {
			pl.Legend.XOffs = vg.Points(4)
		}
		if !pl.Legend.Top {
			pl.Legend.YOffs = vg.Points(4)
		}
		pl.Add(legendBackground{})
	}
	if heat != nil {
		nr := len(heat.Values)
		var xt, yt []plot.Tick
		for j, n := range heat.ColNames {
			xt = append(xt, plot.Tick{Value: float64(j) + 0.5, Label: n})
		}
		for i, n := range heat.RowNames {
			yt = append(yt, plot.Tick{Value: float64(nr-1-i) + 0.5, Label: n})
		}
		pl.X.Tick.Marker = plot.ConstantTicks(xt)
		pl.Y.Tick.Marker = plot.ConstantTicks(yt)
		pl.X.Min, pl.X.Max = 0, float64(len(heat.ColNames))
		pl.Y.Min, pl.Y.Max = 0, float64(nr)
		pl.X.Padding, pl.Y.Padding = 0, 0
		return pl, nil
	}
	x0, x1, y0, y1 := p.limits()
	pl.X.Min, pl.X.Max, pl.Y.Min, pl.Y.Max = x0, x1, y0, y1
	pl.X.Padding, pl.Y.Padding = 0, 0
	pl.X.Tick.Marker = ticker(p.XTicks, x0, x1)
	yt := p.YTicks
	if yt == nil {
		yt = boxTicks(p)
	}
	pl.Y.Tick.Marker = ticker(yt, y0, y1)
	return pl, nil
}

// ticker returns fixed ticks, or R-style pretty ticks over [lo, hi].
func ticker(ts []Tick, lo, hi float64) plot.Ticker {
	var out []plot.Tick
	if ts != nil {
		for _, t := range ts {
			out = append(out, plot.Tick{Value: t.Value, Label: t.Label})
		}
		return plot.ConstantTicks(out)
	}
	vs := AxisTicks(lo, hi, 5)
	for i, l := range TickLabels(vs) {
		out = append(out, plot.Tick{Value: vs[i], Label: l})
	}
	// Unlabelled minor ticks halfway between the major ones.
	for i := 1; i < len(vs); i++ {
		out = append(out, plot.Tick{Value: (vs[i-1] + vs[i]) / 2})
	}
	return plot.ConstantTicks(out)
}

func glyphShape(marker int, distinct bool) draw.GlyphDrawer {
	if !distinct {
		return draw.CircleGlyph{}
	}
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.PlusGlyph{}, draw.CrossGlyph{}, draw.RingGlyph{},
		draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.BoxGlyph{}}
	return shapes[((marker%len(shapes))+len(shapes))%len(shapes)]
}

func finiteXYs(xs, ys []float64) plotter.XYs {
	n := min(len(xs), len(ys))
	out := make(plotter.XYs, 0, n)
	for i := 0; i < n; i++ {
		if !anyNaN(xs[i], ys[i]) {
			out = append(out, plotter.XY{X: xs[i], Y: ys[i]})
		}
	}
	return out
}

// segments splits a path at missing values.
func segments(xs, ys []float64) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	n := min(len(xs), len(ys))
	for i := 0; i < n; i++ {
		if anyNaN(xs[i], ys[i]) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: xs[i], Y: ys[i]})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// rasterPoints draws many points straight into an image at device
// resolution and places that image on the canvas: one pass over the data,
// no per-point path, and small SVG/PDF files.
type rasterPoints struct {
	x, y []float64
	col  color.RGBA
}

func (r *rasterPoints) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	dpi := 150.0
	if d, ok := c.Canvas.(interface{ DPI() float64 }); ok {
		dpi = d.DPI()
	}
	sz := c.Rectangle.Size()
	W, H := int(math.Ceil(sz.X.Dots(dpi))), int(math.Ceil(sz.Y.Dots(dpi)))
	if W <= 0 || H <= 0 {
		return
	}
	img := image.NewNRGBA(image.Rect(0, 0, W, H))
	rad := int(math.Max(1, math.Round(dpi/96*1.2)))
	minX, minY := c.Min.X, c.Min.Y
	pix := img.Pix
	for i := range r.x {
		if anyNaN(r.x[i], r.y[i]) {
			continue
		}
		px := int((trX(r.x[i]) - minX).Dots(dpi))
		py := H - 1 - int((trY(r.y[i]) - minY).Dots(dpi))
		for dy := -rad; dy <= rad; dy++ {
			yy := py + dy
			if yy < 0 || yy >= H {
				continue
			}
			for dx := -rad; dx <= rad; dx++ {
				xx := px + dx
				if xx < 0 || xx >= W || dx*dx+dy*dy > rad*rad+rad {
					continue
				}
				o := yy*img.Stride + xx*4
				pix[o], pix[o+1], pix[o+2], pix[o+3] = r.col.R, r.col.G, r.col.B, 255
			}
		}
	}
	c.DrawImage(c.Rectangle, img)
}

func (r *rasterPoints) DataRange() (xmin, xmax, ymin, ymax float64) {
	return plotter.XYRange(finiteXYs(r.x, r.y))
}

func (r *rasterPoints) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(draw.GlyphStyle{Color: r.col, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}, c.Center())
}

// rects draws filled rectangles with a thin outline (histograms, bars).
type rects struct {
	l   Layer
	col color.RGBA
}

func (r *rects) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	l := r.l
	n := min(len(l.X), len(l.X2), len(l.Y), len(l.Y2))
	fill := color.NRGBA{r.col.R, r.col.G, r.col.B, 200}
	outline := draw.LineStyle{Color: color.NRGBA{40, 40, 40, 255}, Width: vg.Points(0.5)}
	for i := 0; i < n; i++ {
		if anyNaN(l.X[i], l.X2[i], l.Y[i], l.Y2[i]) {
			continue
		}
		pts := []vg.Point{{X: trX(l.X[i]), Y: trY(l.Y[i])}, {X: trX(l.X2[i]), Y: trY(l.Y[i])},
			{X: trX(l.X2[i]), Y: trY(l.Y2[i])}, {X: trX(l.X[i]), Y: trY(l.Y2[i])}}
		c.FillPolygon(fill, c.ClipPolygonXY(pts))
		c.StrokeLines(outline, c.ClipLinesXY(append(pts, pts[0]))...)
	}
}

func (r *rects) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, vs := range [][]float64{r.l.X, r.l.X2} {
		for _, v := range vs {
			xmin, xmax = math.Min(xmin, v), math.Max(xmax, v)
		}
	}
	for _, vs := range [][]float64{r.l.Y, r.l.Y2} {
		for _, v := range vs {
			ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
		}
	}
	return
}

func (r *rects) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(color.NRGBA{r.col.R, r.col.G, r.col.B, 200}, pts)
}

// boxes draws horizontal Tukey box plots.
type boxes struct {
	l   Layer
	col color.RGBA
}

func (b *boxes) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(b.l.Boxes)
	ls := draw.LineStyle{Color: color.NRGBA{40, 40, 40, 255}, Width: vg.Points(1)}
	med := draw.LineStyle{Color: color.Black, Width: vg.Points(2.5)}
	fill := color.NRGBA{b.col.R, b.col.G, b.col.B, 150}
	for i, bx := range b.l.Boxes {
		y := BoxY(i, n)
		yc := trY(y)
		hh := (trY(y+0.3) - trY(y-0.3)) / 2
		q1, q3 := trX(bx.Lower), trX(bx.Upper)
		box := []vg.Point{{X: q1, Y: yc - hh}, {X: q3, Y: yc - hh}, {X: q3, Y: yc + hh}, {X: q1, Y: yc + hh}}
		c.FillPolygon(fill, box)
		c.StrokeLines(ls, append(box, box[0]))
		c.StrokeLine2(med, trX(bx.Median), yc-hh, trX(bx.Median), yc+hh)
		dashed := ls
		dashed.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
		c.StrokeLine2(dashed, trX(bx.Low), yc, q1, yc)
		c.StrokeLine2(dashed, q3, yc, trX(bx.High), yc)
		c.StrokeLine2(ls, trX(bx.Low), yc-hh/2, trX(bx.Low), yc+hh/2)
		c.StrokeLine2(ls, trX(bx.High), yc-hh/2, trX(bx.High), yc+hh/2)
		for _, o := range bx.Outliers {
			c.DrawGlyph(draw.GlyphStyle{Color: color.Black, Radius: vg.Points(2), Shape: draw.RingGlyph{}}, vg.Point{X: trX(o), Y: yc})
		}
	}
}

// heatPlot draws a matrix as coloured cells with the values printed.
type heatPlot struct{ h *HeatMap }

func (hp *heatPlot) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	hm := hp.h
	nr := len(hm.Values)
	sty := draw.TextStyle{Color: color.Black, Font: plot.DefaultFont, XAlign: draw.XCenter, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	sty.Font.Size = vg.Points(9)
	for i, row := range hm.Values {
		for j, v := range row {
			y := float64(nr - 1 - i)
			pts := []vg.Point{{X: trX(float64(j)), Y: trY(y)}, {X: trX(float64(j + 1)), Y: trY(y)},
				{X: trX(float64(j + 1)), Y: trY(y + 1)}, {X: trX(float64(j)), Y: trY(y + 1)}}
			col := heatColor(hm.position(v), hm.Diverging)
			if math.IsNaN(v) {
				col = color.RGBA{200, 200, 200, 255}
			}
			c.FillPolygon(col, pts)
			lum := 0.299*float64(col.R) + 0.587*float64(col.G) + 0.114*float64(col.B)
			sty.Color = color.Black
			if lum < 110 {
				sty.Color = color.White
			}
			d := hm.Digits
			if d <= 0 {
				d = 2
			}
			c.FillText(sty, vg.Point{X: trX(float64(j) + 0.5), Y: trY(y + 0.5)}, fmtFixed(v, d))
		}
	}
}

// heatColor maps t in [0, 1] to a colour: blue–white–red when diverging
// (ColorBrewer RdBu ends), else a viridis-like ramp.
func heatColor(t float64, diverging bool) color.RGBA {
	var stops []color.RGBA
	if diverging {
		stops = []color.RGBA{{33, 102, 172, 255}, {146, 197, 222, 255}, {247, 247, 247, 255}, {244, 165, 130, 255}, {178, 24, 43, 255}}
	} else {
		stops = []color.RGBA{{68, 1, 84, 255}, {59, 82, 139, 255}, {33, 145, 140, 255}, {94, 201, 98, 255}, {253, 231, 37, 255}}
	}
	if !(t >= 0) {
		t = 0 // NaN too
	}
	f := math.Min(t, 1) * float64(len(stops)-1)
	i := int(math.Floor(f))
	if i >= len(stops)-1 {
		return stops[len(stops)-1]
	}
	u := f - float64(i)
	a, b := stops[i], stops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-u) + float64(y)*u)) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

// legendBackground paints a translucent white box under the legend so that
// it stays readable over the data.
type legendBackground struct{}

func (legendBackground) Plot(c draw.Canvas, plt *plot.Plot) {
	r := plt.Legend.Rectangle(c)
	// Legend.Rectangle mirrors left and right and ignores the offsets.
	w := r.Max.X - r.Min.X
	if plt.Legend.Left {
		r.Min.X = c.Min.X + plt.Legend.XOffs
		r.Max.X = r.Min.X + w
	} else {
		r.Max.X = c.Max.X + plt.Legend.XOffs
		r.Min.X = r.Max.X - w
	}
	r.Min.Y += plt.Legend.YOffs
	r.Max.Y += plt.Legend.YOffs
	pad := vg.Points(3)
	r.Min.X -= pad
	r.Min.Y -= pad
	r.Max.X += pad
	r.Max.Y += pad
	c.SetColor(color.NRGBA{255, 255, 255, 210})
	c.Fill(r.Path())
}

// labels writes text beside points, nudged right by a few points.
type labels struct{ l Layer }

func (lb *labels) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	sty := draw.TextStyle{Color: color.NRGBA{60, 60, 60, 255}, Font: plot.DefaultFont, XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	sty.Font.Size = vg.Points(8)
	n := min(len(lb.l.X), len(lb.l.Y), len(lb.l.Text))
	for i := 0; i < n; i++ {
		if anyNaN(lb.l.X[i], lb.l.Y[i]) {
			continue
		}
		pt := vg.Point{X: trX(lb.l.X[i]) + vg.Points(4), Y: trY(lb.l.Y[i])}
		if !c.Contains(pt) {
			continue
		}
		c.FillText(sty, pt, lb.l.Text[i])
	}
}
