package plots

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/builtins/frame"
)

// The *Of builders take a frame and column names: axes are labelled with
// the names and groups follow the frame's factor order (e.g. warpbreaks'
// tension L, M, H), where the slice builders sort group labels.

// ScatterOf plots column y against column x of df; by names a grouping
// column ("" for none).
//
//	plots.ScatterOf(iris, "Petal.Length", "Petal.Width", "Species")
func ScatterOf(df *frame.Frame, x, y, by string) *Plot {
	xs, ys, err := twoCols(df, "ScatterOf", x, y)
	if err != nil {
		return failed("ScatterOf", err)
	}
	var p *Plot
	if by == "" {
		p = Scatter(xs, ys)
	} else {
		g, order, err := groupCol(df, "ScatterOf", by)
		if err != nil {
			return failed("ScatterOf", err)
		}
		p = scatterBy(xs, ys, g, order)
	}
	return p.XLabel(x).YLabel(y)
}

// BoxPlotOf draws box plots of column y of df by the groups of column by
// ("" for one box), in the frame's level order.
//
//	plots.BoxPlotOf(datasets.MustLoad("warpbreaks"), "breaks", "tension")
func BoxPlotOf(df *frame.Frame, y, by string) *Plot {
	ys, err := floatCol(df, "BoxPlotOf", y)
	if err != nil {
		return failed("BoxPlotOf", err)
	}
	if by == "" {
		return BoxPlot(ys, nil).XLabel(y)
	}
	g, order, err := groupCol(df, "BoxPlotOf", by)
	if err != nil {
		return failed("BoxPlotOf", err)
	}
	return boxPlot(ys, g, order).XLabel(y).YLabel(by)
}

// HistogramOf draws the histogram (Sturges bins) of column col of df.
func HistogramOf(df *frame.Frame, col string) *Plot {
	v, err := floatCol(df, "HistogramOf", col)
	if err != nil {
		return failed("HistogramOf", err)
	}
	return Histogram(v).XLabel(col)
}

// DensityOf draws the kernel density of column col of df, one curve per
// group of column by ("" for one curve).
func DensityOf(df *frame.Frame, col, by string) *Plot {
	v, err := floatCol(df, "DensityOf", col)
	if err != nil {
		return failed("DensityOf", err)
	}
	if by == "" {
		return Density(v).Title(col)
	}
	g, order, err := groupCol(df, "DensityOf", by)
	if err != nil {
		return failed("DensityOf", err)
	}
	return densityBy(v, g, order).XLabel(col)
}

func floatCol(df *frame.Frame, fn, name string) ([]float64, error) {
	if df == nil {
		return nil, fmt.Errorf("plots.%s: the frame is nil", fn)
	}
	v, err := df.Floats(name)
	if err != nil {
		return nil, fmt.Errorf("plots.%s: %w", fn, err)
	}
	return v, nil
}

func twoCols(df *frame.Frame, fn, x, y string) ([]float64, []float64, error) {
	xs, err := floatCol(df, fn, x)
	if err != nil {
		return nil, nil, err
	}
	ys, err := floatCol(df, fn, y)
	return xs, ys, err
}

func groupCol(df *frame.Frame, fn, by string) ([]string, []string, error) {
	g, err := df.Strings(by)
	if err != nil {
		return nil, nil, fmt.Errorf("plots.%s: %w", fn, err)
	}
	return g, df.Levels(by), nil
}

// CorrHeatmapOf draws the Pearson correlation matrix of the numeric
// columns cols of df (all numeric columns when none are named), each
// correlation over the rows where both columns are present (R's
// cor(use = "pairwise.complete.obs")).
//
//	plots.CorrHeatmapOf(datasets.MustLoad("mtcars"))
func CorrHeatmapOf(df *frame.Frame, cols ...string) *Plot {
	if df == nil {
		return errorf("CorrHeatmapOf", "the frame is nil")
	}
	if len(cols) == 0 {
		cols = df.NumericNames()
	}
	if len(cols) < 2 {
		return errorf("CorrHeatmapOf", "need at least 2 numeric columns, have %d", len(cols))
	}
	data := make([][]float64, len(cols))
	for i, c := range cols {
		v, err := floatCol(df, "CorrHeatmapOf", c)
		if err != nil {
			return failed("CorrHeatmapOf", err)
		}
		data[i] = v
	}
	r := make([][]float64, len(cols))
	for i := range cols {
		r[i] = make([]float64, len(cols))
		for j := range cols {
			r[i][j] = pearson(data[i], data[j])
		}
	}
	return CorrHeatmap(r, cols)
}

// pearson is the correlation of x and y over the pairs where both are
// finite (NaN when fewer than 2 pairs or a zero variance).
func pearson(x, y []float64) float64 {
	xs, ys := pairsFinite(x, y)
	if len(xs) < 2 {
		return math.NaN()
	}
	mx, my := mean(xs), mean(ys)
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}
