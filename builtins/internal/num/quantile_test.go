package num

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// TestQuantiles compares the selection and histogram paths with the
// definition on sorted data, as R's quantile.default computes type 7:
// nppm = 1 + p(n-1), j = floor(nppm + 4ε), h = nppm - j,
// Q = (1-h)·s[j] + h·s[j+1] (1-based), including small n where
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
			nppm := 1 + p*float64(n-1)
			j := math.Floor(nppm + 4*2.220446049250313e-16)
			h := nppm - j
			want := s[int(j)-1]
			if h > 4*2.220446049250313e-16 && want != s[int(j)] {
				want = (1-h)*s[int(j)-1] + h*s[int(j)]
			}
			if got[k] != want {
				t.Errorf("n=%d p=%g: %v, want %v", n, p, got[k], want)
			}
		}
	}
	if q := Quantiles([]float64{math.NaN()}, []float64{0.5}); !math.IsNaN(q[0]) {
		t.Errorf("all-NaN quantile = %v, want NaN", q[0])
	}
	// R 4.2: x <- c(3,1,2,10,0.1,7.7,-2.5,0.3);
	// sprintf("%.17g", quantile(x, p, names = FALSE)): bit for bit.
	rx := []float64{3, 1, 2, 10, 0.1, 7.7, -2.5, 0.3}
	rp := []float64{0, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.999, 1}
	rq := []float64{-2.5, -0.67999999999999949, 0.24999999999999997, 0.53169999999999995, 1.5, 4.1749999999999998, 8.3900000000000006, 9.9839000000000002, 10}
	for k, q := range QuantilesInPlace(append([]float64(nil), rx...), rp) {
		if q != rq[k] {
			t.Errorf("R quantile(x, %g) = %.17g, got %.17g", rp[k], rq[k], q)
		}
	}
	// R: quantile(c(3, 1, 2, 10), 0.1) = 1.3
	if q := Quantiles([]float64{3, 1, 2, 10}, []float64{0.1}); math.Abs(q[0]-1.3) > 1e-15 {
		t.Errorf("quantile(c(3,1,2,10), 0.1) = %v, want 1.3", q[0])
	}
}
