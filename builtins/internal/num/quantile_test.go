package num

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// TestQuantiles compares the selection and histogram paths with the
// definition on sorted data (R's quantile(x, type = 7):
// x[lo] + (h - lo)(x[lo+1] - x[lo]), h = (n-1)p), including small n where
// p < 1/(n-1) interpolates between the two smallest values.
func TestQuantiles(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ps := []float64{0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1}
	for _, n := range []int{1, 2, 3, 7, 100, 20000, 70000} {
		x := make([]float64, n)
		for i := range x {
			x[i] = r.NormFloat64()
			if i%5 == 0 {
				x[i] = float64(i % 9) // ties
			}
		}
		s := append([]float64(nil), x...)
		sort.Float64s(s)
		withNaN := append(append([]float64(nil), x...), math.NaN())
		got := Quantiles(withNaN, ps)
		for k, p := range ps {
			h := float64(n-1) * p
			lo := int(math.Floor(h))
			want := s[lo]
			if frac := h - float64(lo); frac > 0 && lo+1 < n {
				want += frac * (s[lo+1] - s[lo])
			}
			if got[k] != want {
				t.Errorf("n=%d p=%g: %v, want %v", n, p, got[k], want)
			}
		}
	}
	if q := Quantiles([]float64{math.NaN()}, []float64{0.5}); !math.IsNaN(q[0]) {
		t.Errorf("all-NaN quantile = %v, want NaN", q[0])
	}
	// R: quantile(c(3, 1, 2, 10), 0.1) = 1.3
	if q := Quantiles([]float64{3, 1, 2, 10}, []float64{0.1}); math.Abs(q[0]-1.3) > 1e-15 {
		t.Errorf("quantile(c(3,1,2,10), 0.1) = %v, want 1.3", q[0])
	}
}
