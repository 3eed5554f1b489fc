package ml

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// clfData makes the clf.csv shape of ../shared/notes/benchmark-data.md:
// x0…x19 ~ N(0,1), y ~ Bernoulli(1/(1+exp(-(0.3 + x·w)))), w ~ N(0, 0.5).
func clfData(n, p int, seed uint64) (*mat.Dense, []float64) {
	r := rand.New(rand.NewPCG(seed, 7))
	w := make([]float64, p)
	for j := range w {
		w[j] = 0.5 * r.NormFloat64()
	}
	X := mat.NewDense(n, p, nil)
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		row := X.RawRowView(i)
		e := 0.3
		for j := range row {
			row[j] = r.NormFloat64()
			e += row[j] * w[j]
		}
		if r.Float64() < 1/(1+math.Exp(-e)) {
			y[i] = 1
		}
	}
	return X, y
}

var benchX, benchY = func() (*mat.Dense, []float64) { return nil, nil }()

func benchData() (*mat.Dense, []float64) {
	if benchX == nil {
		benchX, benchY = clfData(100000, 20, 42)
	}
	return benchX, benchY
}

func BenchmarkLogistic100kx20(b *testing.B) {
	X, y := benchData()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := NewLogisticRegression()
		if err := m.FitXY(X, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRandomForest100kx20(b *testing.B) {
	X, y := benchData()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := NewRandomForestClassifier()
		if err := m.FitXY(X, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHistGradientBoosting100kx20(b *testing.B) {
	X, y := benchData()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := NewHistGradientBoostingClassifier()
		m.EarlyStopping = "off"
		if err := m.FitXY(X, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCVLogistic5Fold100kx20(b *testing.B) {
	X, y := benchData()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CrossValidateXY(NewLogisticRegression(), X, y, 5, 1, "accuracy"); err != nil {
			b.Fatal(err)
		}
	}
}
