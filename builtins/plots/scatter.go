package plots

import (
	"fmt"
	"math"

	"strconv"

	"github.com/gostat/gostat/plotting"
)

// Scatter plots y against x. NaN pairs are left out.
//
//	plots.Scatter(df.Col("wt"), df.Col("mpg")).Fit()
func Scatter(x, y []float64) *Plot {
	if err := sameLen("Scatter", "x", x, "y", y); err != nil {
		return failed("Scatter", err)
	}
	p := plotting.NewPanel("", "x", "y")
	p.Add(plotting.Layer{Kind: plotting.Points, X: x, Y: y})
	return newPlot("Scatter", p)
}

// ScatterBy plots y against x with one colour (and marker) per group; the
// groups are the distinct values of group, in sorted order (as R's
// factor), listed in the legend.
//
//	plots.ScatterBy(iris.Col("Sepal.Length"), iris.Col("Petal.Length"), iris.Factor("Species"))
func ScatterBy(x, y []float64, group []string) *Plot {
	return scatterBy(x, y, group, nil)
}

func scatterBy(x, y []float64, group, order []string) *Plot {
	if err := sameLen("ScatterBy", "x", x, "y", y); err != nil {
		return failed("ScatterBy", err)
	}
	if len(group) != len(x) {
		return failed("ScatterBy", fmt.Errorf("plots.ScatterBy: group has %d values but x has %d; give one group label per point", len(group), len(x)))
	}
	p := plotting.NewPanel("", "x", "y")
	p.Legend = true
	for k, lv := range levelsIn(group, order) {
		var xs, ys []float64
		for i, g := range group {
			if g == lv {
				xs = append(xs, x[i])
				ys = append(ys, y[i])
			}
		}
		p.Add(plotting.Layer{Kind: plotting.Points, X: xs, Y: ys, Label: lv, Color: k, Marker: k})
	}
	return newPlot("ScatterBy", p)
}

// Line plots y against x joined in the order given (sort x first for a
// function graph).
func Line(x, y []float64) *Plot {
	if err := sameLen("Line", "x", x, "y", y); err != nil {
		return failed("Line", err)
	}
	p := plotting.NewPanel("", "x", "y")
	p.Add(plotting.Layer{Kind: plotting.Lines, X: x, Y: y})
	return newPlot("Line", p)
}

// Fit adds the least-squares line y = a + b·x through all the points of the
// plot, with its 95% confidence band for the mean,
// ŷ ± t(0.975, n−2) · s · sqrt(1/n + (x − x̄)²/Sxx), as R's
// geom_smooth(method = "lm") draws it. The legend shows the fitted line.
func (p *Plot) Fit() *Plot { return p.FitLevel(0.95) }

// FitLevel is Fit with the band's confidence level (0 < level < 1; 0 draws
// no band).
func (p *Plot) FitLevel(level float64) *Plot {
	if p.err != nil {
		return p
	}
	if level < 0 || level >= 1 {
		return failed("Fit", fmt.Errorf("plots.Fit: level %v is not in [0, 1)", level))
	}
	q := p.panel()
	var xs, ys []float64
	for _, l := range q.Layers {
		if l.Kind == plotting.Points {
			a, b := pairsFinite(l.X, l.Y)
			xs = append(xs, a...)
			ys = append(ys, b...)
		}
	}
	if len(xs) < 3 {
		return failed("Fit", fmt.Errorf("plots.Fit: need at least 3 points with finite x and y, have %d", len(xs)))
	}
	a, b, s, mx, sxx := ols(xs, ys)
	if sxx == 0 {
		return failed("Fit", fmt.Errorf("plots.Fit: all x values are equal; a line cannot be fitted"))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range xs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	const m = 80
	gx := make([]float64, m)
	fy := make([]float64, m)
	bl := make([]float64, m)
	bu := make([]float64, m)
	n := float64(len(xs))
	t := 0.0
	if level > 0 {
		t = qt(0.5+level/2, n-2)
	}
	for i := range gx {
		x := lo + (hi-lo)*float64(i)/(m-1)
		gx[i] = x
		fy[i] = a + b*x
		se := s * math.Sqrt(1/n+(x-mx)*(x-mx)/sxx)
		bl[i], bu[i] = fy[i]-t*se, fy[i]+t*se
	}
	c := p.nextColor()
	if len(q.Layers) == 1 {
		c = 3 // vermillion against the blue points
	}
	if level > 0 {
		q.Add(plotting.Layer{Kind: plotting.Band, X: gx, Y: bl, Y2: bu, Color: c})
	}
	label := fmt.Sprintf("y = %s %s %s x", signif(a, 4), sign(b), signif(math.Abs(b), 4))
	q.Add(plotting.Layer{Kind: plotting.Lines, X: gx, Y: fy, Color: c, Label: label, Marker: c})
	q.Legend = true
	return p
}

func sign(b float64) string {
	if b < 0 {
		return "-"
	}
	return "+"
}

// signif formats v with d significant digits (R's signif, printed without
// trailing zeros).
func signif(v float64, d int) string { return strconv.FormatFloat(v, 'g', d, 64) }
