package models

import (
	"math"
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
			// R's quantile.default, type 7: nppm = 1 + p(n-1),
			// j = floor(nppm + 4ε), h = nppm - j, (1-h)·s[j] + h·s[j+1].
			nppm := 1 + p*float64(n-1)
			j := math.Floor(nppm + 4*2.220446049250313e-16)
			h := nppm - j
			want := s[int(j)-1]
			if h > 4*2.220446049250313e-16 && want != s[int(j)] {
				want = (1-h)*s[int(j)-1] + h*s[int(j)]
			}
			if a[k] != want {
				t.Errorf("n=%d p=%g: %g, want %g", n, p, a[k], want)
			}
		}
	}
}
