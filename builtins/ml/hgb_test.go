package ml

import (
	"math"
	"testing"
)

// TestBoostingReproducibleAcrossCores fits on data large enough for every
// parallel path (histograms, gathering, partitioning) with missing values,
// and checks that 1, 2 and 3 workers give bit-identical probabilities.
func TestBoostingReproducibleAcrossCores(t *testing.T) {
	X, y := clfData(40000, 9, 11)
	for i := 0; i < 40000; i += 7 {
		X.Set(i, i%9, math.NaN())
	}
	fit := func(w int) []float64 {
		old := setWorkers(w)
		defer setWorkers(old)
		m := NewHistGradientBoostingClassifier()
		m.EarlyStopping = "off"
		m.MaxIter = 15
		if err := m.FitXY(X, y); err != nil {
			t.Fatal(err)
		}
		P, err := m.PredictProbaX(X)
		if err != nil {
			t.Fatal(err)
		}
		return P.RawMatrix().Data
	}
	a := fit(1)
	for _, w := range []int{2, 3} {
		b := fit(w)
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("boosting differs between 1 and %d workers at %d: %v vs %v", w, i, a[i], b[i])
			}
		}
	}
}
