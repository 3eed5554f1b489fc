package plotting

import (
	"math/rand"
	"testing"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/plot/vg"
)

// scatter100k is a 100,000-point scatter (two correlated normals, seed 1),
// the shape of issue 7's speed target.
func scatter100k() *Figure {
	r := rand.New(rand.NewSource(1))
	n := 100000
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i] = r.NormFloat64()
		ys[i] = 0.6*xs[i] + 0.8*r.NormFloat64()
	}
	p := NewPanel("100k points", "x", "y")
	p.Add(Layer{Kind: Points, X: xs, Y: ys})
	return Single(p)
}

func BenchmarkScatter100kPNG(b *testing.B) {
	f := scatter100k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := PNG(f, 6*vg.Inch, 4*vg.Inch, 96)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(out)), "bytes")
	}
}

func BenchmarkScatter100kSVG(b *testing.B) {
	f := scatter100k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := SVG(f, 6*vg.Inch, 4*vg.Inch)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(out)), "bytes")
	}
}

func BenchmarkScatter100kPDF(b *testing.B) {
	f := scatter100k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := PDF(f, 6*vg.Inch, 4*vg.Inch)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(out)), "bytes")
	}
}

func BenchmarkScatter100kText(b *testing.B) {
	f := scatter100k()
	o := display.Plain
	o.Color = true
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Text(f, o)
		_ = ANSI(f, o)
	}
}
