package models

import (
	"math/rand"
	"sort"
	"testing"
)

func TestQuantileMethodsAgree(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{60001, 100000} {
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64()
			if i%7 == 0 {
				x[i] = float64(i % 13) // ties
			}
		}
		probs := []float64{0, 0.25, 0.5, 0.75, 1}
		a := quantile7(x, probs)
		s := append([]float64(nil), x...)
		sort.Float64s(s)
		for k, p := range probs {
			h := float64(n-1) * p
			i := int(h)
			want := s[i]
			if i+1 < n {
				want += (h - float64(i)) * (s[i+1] - s[i])
			}
			if a[k] != want {
				t.Errorf("n=%d p=%g: %g, want %g", n, p, a[k], want)
			}
		}
	}
}
