package plots

import (
	"fmt"
	"math"
	"sort"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/plotting"
)

// Histogram draws the counts of x in bins whose number follows Sturges'
// rule, ceiling(log2(n) + 1), with R's pretty() breaks — the same bins as
// R's hist(x). Bins are right-closed, (a, b], the first also holding its
// left end. NaN values are left out.
func Histogram(x []float64) *Plot {
	v, _ := finite(x)
	if len(v) == 0 {
		return errorf("Histogram", "x has no finite values")
	}
	k := int(math.Ceil(math.Log2(float64(len(v))) + 1))
	return histogram("Histogram", v, prettyBreaks(v, k))
}

// HistogramFD is Histogram with the Freedman–Diaconis number of bins:
// bin width 2·IQR(x)·n^(−1/3) (R's nclass.FD), then pretty() breaks.
func HistogramFD(x []float64) *Plot {
	v, _ := finite(x)
	if len(v) == 0 {
		return errorf("HistogramFD", "x has no finite values")
	}
	return histogram("HistogramFD", v, prettyBreaks(v, nclassFD(v)))
}

// HistogramBins draws a histogram with exactly bins equal-width bins from
// min(x) to max(x).
func HistogramBins(x []float64, bins int) *Plot {
	v, _ := finite(x)
	if len(v) == 0 {
		return errorf("HistogramBins", "x has no finite values")
	}
	if bins < 1 || bins > 10000 {
		return errorf("HistogramBins", "bins = %d; use between 1 and 10000 bins", bins)
	}
	s := sorted(v)
	lo, hi := s[0], s[len(s)-1]
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	br := make([]float64, bins+1)
	for i := range br {
		br[i] = lo + (hi-lo)*float64(i)/float64(bins)
	}
	return histogram("HistogramBins", v, br)
}

// HistogramBreaks draws a histogram with the given bin edges (increasing;
// values outside them are an error, as in R).
func HistogramBreaks(x []float64, breaks []float64) *Plot {
	v, _ := finite(x)
	if len(breaks) < 2 || !sort.Float64sAreSorted(breaks) {
		return errorf("HistogramBreaks", "breaks must be at least 2 increasing values")
	}
	for i, e := range v {
		if e < breaks[0] || e > breaks[len(breaks)-1] {
			return errorf("HistogramBreaks", "value %v (x[%d]) is outside the breaks [%v, %v]", e, i, breaks[0], breaks[len(breaks)-1])
		}
	}
	return histogram("HistogramBreaks", v, breaks)
}

// prettyBreaks are R's hist breaks: pretty(range(x), n = k, min.n = 1).
func prettyBreaks(v []float64, k int) []float64 {
	lo, hi := v[0], v[0]
	for _, e := range v {
		lo, hi = math.Min(lo, e), math.Max(hi, e)
	}
	return plotting.Pretty(lo, hi, k, 1)
}

// nclassFD is R's nclass.FD(x).
func nclassFD(v []float64) int {
	s := make([]float64, len(v))
	for i, e := range v {
		s[i] = signifFloat(e, 5)
	}
	sort.Float64s(s)
	h := 2 * (quantile7(s, 0.75) - quantile7(s, 0.25))
	if h == 0 {
		for al := 0.125; h == 0 && al >= 1.0/512; al /= 2 {
			h = (quantile7(s, 1-al) - quantile7(s, al)) / (1 - 2*al)
		}
	}
	if h <= 0 {
		return 1
	}
	lo, hi := v[0], v[0]
	for _, e := range v {
		lo, hi = math.Min(lo, e), math.Max(hi, e)
	}
	return max(1, int(math.Ceil((hi-lo)/(h*math.Pow(float64(len(v)), -1.0/3)))))
}

func signifFloat(v float64, d int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	e := math.Pow(10, float64(d)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*e) / e
}

// HistCounts returns the counts of x in the bins (breaks[i], breaks[i+1]],
// the first bin closed on the left, with R's fuzz of 1e-7 times the median
// bin width (hist.default).
func HistCounts(x, breaks []float64) []int {
	nb := len(breaks) - 1
	widths := make([]float64, nb)
	for i := range widths {
		widths[i] = breaks[i+1] - breaks[i]
	}
	ws := sorted(widths)
	fuzz := 1e-7 * quantile7(ws, 0.5)
	fb := make([]float64, len(breaks))
	for i, b := range breaks {
		if i == 0 {
			fb[i] = b - fuzz
		} else {
			fb[i] = b + fuzz
		}
	}
	counts := make([]int, nb)
	for _, v := range x {
		// First i with v <= fb[i+1], v > fb[i].
		i := sort.SearchFloat64s(fb, v) - 1
		if i < 0 || i >= nb {
			continue
		}
		counts[i]++
	}
	return counts
}

func histogram(kind string, v, breaks []float64) *Plot {
	counts := HistCounts(v, breaks)
	nb := len(counts)
	l := plotting.Layer{Kind: plotting.Rects, X: breaks[:nb], X2: breaks[1:], Y: make([]float64, nb), Y2: make([]float64, nb)}
	for i, c := range counts {
		l.Y2[i] = float64(c)
	}
	p := plotting.NewPanel("", "x", "Frequency")
	p.Add(l)
	pl := newPlot(kind, p)
	pl.data = v
	return pl
}

// WithDensity overlays the kernel density estimate (bw.nrd0) on a
// histogram, scaled to counts: n · binwidth · f(x), as
// lines(density(x)) over hist(x, freq = FALSE) would look on the count
// scale.
func (p *Plot) WithDensity() *Plot {
	if p.err != nil {
		return p
	}
	if p.data == nil {
		return failed("WithDensity", fmt.Errorf("plots.WithDensity: only a histogram can carry a density; use plots.Density(x)"))
	}
	q := p.panel()
	l := q.Layers[0]
	width := (l.X2[len(l.X2)-1] - l.X[0]) / float64(len(l.X))
	gx, gy, err := kde(p.data, BandwidthNRD0(p.data))
	if err != nil {
		return failed("WithDensity", err)
	}
	scale := float64(len(p.data)) * width
	ys := make([]float64, len(gy))
	for i, v := range gy {
		ys[i] = v * scale
	}
	q.Add(plotting.Layer{Kind: plotting.Lines, X: gx, Y: ys, Color: 3, Label: "density"})
	q.Legend = true
	return p
}

// BandwidthNRD0 is Silverman's rule-of-thumb bandwidth as R's bw.nrd0:
// 0.9 · min(sd, IQR/1.34) · n^(−1/5), falling back to sd, then |x[0]|,
// then 1 when the spread is zero.
func BandwidthNRD0(x []float64) float64 {
	v, _ := finite(x)
	if len(v) < 2 {
		return math.NaN()
	}
	s := sorted(v)
	hi := sd(v)
	lo := math.Min(hi, (quantile7(s, 0.75)-quantile7(s, 0.25))/1.34)
	if lo == 0 {
		lo = hi
		if lo == 0 {
			lo = math.Abs(v[0])
			if lo == 0 {
				lo = 1
			}
		}
	}
	return 0.9 * lo * math.Pow(float64(len(v)), -0.2)
}

// kde evaluates the Gaussian kernel density estimate of v with bandwidth bw
// at 512 points from min − 3·bw to max + 3·bw (R's density() grid).
func kde(v []float64, bw float64) (gx, gy []float64, err error) {
	s := sorted(v)
	lo, hi := s[0]-3*bw, s[len(s)-1]+3*bw
	const m = 512
	gx = make([]float64, m)
	gy = make([]float64, m)
	norm := 1 / (float64(len(s)) * bw * math.Sqrt(2*math.Pi))
	ctx := cell.Context()
	for i := range gx {
		if i%32 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		x := lo + (hi-lo)*float64(i)/(m-1)
		gx[i] = x
		a := sort.SearchFloat64s(s, x-8*bw)
		b := sort.SearchFloat64s(s, x+8*bw)
		sum := 0.0
		for _, e := range s[a:b] {
			z := (x - e) / bw
			sum += math.Exp(-0.5 * z * z)
		}
		gy[i] = sum * norm
	}
	return gx, gy, nil
}

// Density draws a Gaussian kernel density estimate of x with R's default
// bandwidth (bw.nrd0); the x label gives N and the bandwidth as R's
// plot(density(x)) does.
func Density(x []float64) *Plot {
	v, _ := finite(x)
	if len(v) < 2 {
		return errorf("Density", "x needs at least 2 finite values, has %d", len(v))
	}
	bw := BandwidthNRD0(v)
	gx, gy, err := kde(v, bw)
	if err != nil {
		return failed("Density", err)
	}
	p := plotting.NewPanel("", fmt.Sprintf("N = %d   Bandwidth = %s", len(v), signif(bw, 4)), "Density")
	p.Add(plotting.Layer{Kind: plotting.Lines, X: gx, Y: gy})
	return newPlot("Density", p)
}

// DensityBy draws one density curve per group (each with its own bw.nrd0
// bandwidth), with a legend.
func DensityBy(x []float64, group []string) *Plot {
	return densityBy(x, group, nil)
}

func densityBy(x []float64, group, order []string) *Plot {
	if len(group) != len(x) {
		return errorf("DensityBy", "group has %d values but x has %d; give one group label per value", len(group), len(x))
	}
	p := plotting.NewPanel("", "x", "Density")
	p.Legend = true
	for k, lv := range levelsIn(group, order) {
		var v []float64
		for i, g := range group {
			if g == lv && !math.IsNaN(x[i]) && !math.IsInf(x[i], 0) {
				v = append(v, x[i])
			}
		}
		if len(v) < 2 {
			return errorf("DensityBy", "group %q has %d finite values; a density needs at least 2", lv, len(v))
		}
		gx, gy, err := kde(v, BandwidthNRD0(v))
		if err != nil {
			return failed("DensityBy", err)
		}
		p.Add(plotting.Layer{Kind: plotting.Lines, X: gx, Y: gy, Label: lv, Color: k, Marker: k})
	}
	return newPlot("DensityBy", p)
}
