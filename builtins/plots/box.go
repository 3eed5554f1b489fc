package plots

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/plotting"
)

// BoxStats returns Tukey's box-plot statistics of x as R's boxplot.stats
// (coef = 1.5): hinges and median from fivenum, whiskers at the most
// extreme values within 1.5 × the hinge spread of the hinges, and the
// values beyond them.
func BoxStats(x []float64) (low, lower, median, upper, high float64, outliers []float64) {
	v, _ := finite(x)
	if len(v) == 0 {
		nan := math.NaN()
		return nan, nan, nan, nan, nan, nil
	}
	s := sorted(v)
	f := fivenum(s)
	iqr := f[3] - f[1]
	lo, hi := f[1]-1.5*iqr, f[3]+1.5*iqr
	low, high = math.Inf(1), math.Inf(-1)
	for _, e := range s {
		if e < lo || e > hi {
			outliers = append(outliers, e)
			continue
		}
		low, high = math.Min(low, e), math.Max(high, e)
	}
	return low, f[1], f[2], f[3], high, outliers
}

func box(label string, x []float64) plotting.Box {
	lo, q1, md, q3, hi, out := BoxStats(x)
	return plotting.Box{Label: label, Low: lo, Lower: q1, Median: md, Upper: q3, High: hi, Outliers: out, N: len(x)}
}

// BoxPlot draws horizontal Tukey box plots of y, one per group (the
// distinct values of group in sorted order; nil group gives one box).
// Boxes run from the lower to the upper hinge with a bar at the median;
// whiskers reach the most extreme values within 1.5 hinge spreads; points
// beyond are drawn one by one (R's boxplot).
//
//	plots.BoxPlot(iris.Col("Sepal.Length"), iris.Factor("Species"))
func BoxPlot(y []float64, group []string) *Plot {
	return boxPlot(y, group, nil)
}

func boxPlot(y []float64, group, order []string) *Plot {
	if group != nil && len(group) != len(y) {
		return errorf("BoxPlot", "group has %d values but y has %d; give one group label per value (or nil for one box)", len(group), len(y))
	}
	l := plotting.Layer{Kind: plotting.Boxes, Color: 0}
	if group == nil {
		v, _ := finite(y)
		if len(v) == 0 {
			return errorf("BoxPlot", "y has no finite values")
		}
		l.Boxes = append(l.Boxes, box("", v))
	} else {
		for _, lv := range levelsIn(group, order) {
			var v []float64
			for i, g := range group {
				if g == lv && !math.IsNaN(y[i]) {
					v = append(v, y[i])
				}
			}
			if len(v) == 0 {
				return errorf("BoxPlot", "group %q has no finite values", lv)
			}
			l.Boxes = append(l.Boxes, box(lv, v))
		}
	}
	p := plotting.NewPanel("", "", "")
	p.Add(l)
	return newPlot("BoxPlot", p)
}

// Bar draws one vertical bar per label with the given height.
//
//	plots.Bar([]string{"a", "b"}, []float64{3, 5})
func Bar(labels []string, values []float64) *Plot {
	if len(labels) != len(values) {
		return errorf("Bar", "%d labels but %d values; give one label per bar", len(labels), len(values))
	}
	if len(labels) == 0 {
		return errorf("Bar", "no bars to draw")
	}
	n := len(values)
	l := plotting.Layer{Kind: plotting.Rects, X: make([]float64, n), X2: make([]float64, n), Y: make([]float64, n), Y2: make([]float64, n)}
	var ticks []plotting.Tick
	for i, v := range values {
		if math.IsNaN(v) {
			return errorf("Bar", "value %d (%s) is NaN", i, labels[i])
		}
		c := float64(i + 1)
		l.X[i], l.X2[i] = c-0.4, c+0.4
		l.Y2[i] = v
		ticks = append(ticks, plotting.Tick{Value: c, Label: labels[i]})
	}
	p := plotting.NewPanel("", "", "")
	p.XTicks = ticks
	p.XMin, p.XMax = 0.4, float64(n)+0.6
	p.Add(l)
	return newPlot("Bar", p)
}

// BarCounts draws the count of each distinct value of x as a bar, values in
// sorted order (R's barplot(table(x))).
func BarCounts(x []string) *Plot {
	if len(x) == 0 {
		return errorf("BarCounts", "x is empty")
	}
	lv := levels(x)
	cnt := map[string]int{}
	for _, v := range x {
		cnt[v]++
	}
	vals := make([]float64, len(lv))
	for i, v := range lv {
		vals[i] = float64(cnt[v])
	}
	p := Bar(lv, vals)
	p.kind = "BarCounts"
	return p.YLabel("Count")
}

// Heatmap draws matrix m (m[i][j] is row i, column j) as coloured cells
// with the values printed, rows from the top. rowNames and colNames label
// the rows and columns (nil: numbers). The colour scale runs from the
// smallest to the largest value.
func Heatmap(m [][]float64, rowNames, colNames []string) *Plot {
	if len(m) == 0 || len(m[0]) == 0 {
		return errorf("Heatmap", "the matrix is empty")
	}
	nc := len(m[0])
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, r := range m {
		if len(r) != nc {
			return errorf("Heatmap", "row %d has %d values but row 0 has %d; rows must have equal length", i, len(r), nc)
		}
		for _, v := range r {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if rowNames == nil {
		rowNames = numbered(len(m))
	}
	if colNames == nil {
		colNames = numbered(nc)
	}
	if len(rowNames) != len(m) || len(colNames) != nc {
		return errorf("Heatmap", "%d row names and %d column names for a %d × %d matrix", len(rowNames), len(colNames), len(m), nc)
	}
	h := &plotting.HeatMap{Values: m, RowNames: rowNames, ColNames: colNames, Lo: lo, Hi: hi, Digits: 2}
	p := plotting.NewPanel("", "", "")
	p.Add(plotting.Layer{Kind: plotting.Heat, Heat: h})
	return newPlot("Heatmap", p)
}

// CorrHeatmap draws a correlation matrix (values in [−1, 1]) on a
// blue–white–red scale centred on 0.
func CorrHeatmap(r [][]float64, names []string) *Plot {
	p := Heatmap(r, names, names)
	if p.err != nil {
		return p
	}
	h := p.panel().Layers[0].Heat
	h.Lo, h.Hi, h.Diverging = -1, 1, true
	p.kind = "CorrHeatmap"
	return p
}

func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(i + 1)
	}
	return out
}
