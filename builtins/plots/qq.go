package plots

import (
	"github.com/gostat/gostat/plotting"
)

// QQNorm plots the sorted values of x against the normal quantiles of R's
// ppoints(n) (qqnorm), with the line through the first and third quartiles
// (qqline: type-7 quantiles against qnorm(0.25), qnorm(0.75)).
func QQNorm(x []float64) *Plot {
	v, _ := finite(x)
	if len(v) < 2 {
		return errorf("QQNorm", "x needs at least 2 finite values, has %d", len(v))
	}
	p := plotting.NewPanel("Normal Q-Q Plot", "Theoretical Quantiles", "Sample Quantiles")
	qqLayers(p, v)
	return newPlot("QQNorm", p)
}

func qqLayers(p *plotting.Panel, v []float64) {
	s := sorted(v)
	pp := ppoints(len(s))
	th := make([]float64, len(s))
	for i, q := range pp {
		th[i] = qnorm(q)
	}
	p.Add(plotting.Layer{Kind: plotting.Points, X: th, Y: s})
	y1, y2 := quantile7(s, 0.25), quantile7(s, 0.75)
	x1, x2 := qnorm(0.25), qnorm(0.75)
	b := (y2 - y1) / (x2 - x1)
	a := y1 - b*x1
	p.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{th[0], th[len(th)-1]}, Y: []float64{a + b*th[0], a + b*th[len(th)-1]}, Color: -1, Dashed: true, Reference: true})
}
