package num

import (
	"math"
	"math/rand"
	"testing"
)

// naiveGram is the definition: G[j][k] = Σ_i w_i x_ij x_ik for j ≤ k.
func naiveGram(cols [][]float64, w []float64, lo, hi int) []float64 {
	q := len(cols)
	g := make([]float64, q*q)
	for j := 0; j < q; j++ {
		for k := j; k < q; k++ {
			s := 0.0
			for i := lo; i < hi; i++ {
				wi := 1.0
				if w != nil {
					wi = w[i]
				}
				s += wi * cols[j][i] * cols[k][i]
			}
			g[j*q+k] = s
		}
	}
	return g
}

func TestWeightedGramAdd(t *testing.T) {
	fma := hasFMA
	defer func() { hasFMA = fma }()
	for _, useFMA := range []bool{false, fma} {
		hasFMA = useFMA
		testWeightedGramAdd(t)
	}
}

func testWeightedGramAdd(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, tc := range []struct {
		q, n, lo, hi int
		unit         bool
	}{
		{1, 10, 0, 10, false},
		{2, 7, 0, 7, false},
		{3, 300, 5, 300, false},
		{4, 256, 0, 256, false},
		{5, 257, 0, 257, true},
		{7, 1000, 13, 999, false},
		{8, 513, 0, 513, false},
		{21, 2000, 0, 2000, false},
		{22, 1031, 3, 1030, true},
		{22, 10, 4, 4, false}, // empty range
		{6, 1029, 0, 1029, false},
		{13, 3, 0, 3, false}, // fewer rows than one FMA step
	} {
		cols := make([][]float64, tc.q)
		for j := range cols {
			cols[j] = make([]float64, tc.n)
			for i := range cols[j] {
				cols[j][i] = rng.NormFloat64() * float64(j+1)
			}
		}
		var w []float64
		if !tc.unit {
			w = make([]float64, tc.n)
			for i := range w {
				w[i] = rng.Float64()
			}
		}
		want := naiveGram(cols, w, tc.lo, tc.hi)
		g := make([]float64, tc.q*tc.q)
		for i := range g {
			g[i] = 1 // WeightedGramAdd adds; below-diagonal entries stay
		}
		WeightedGramAdd(g, cols, w, tc.lo, tc.hi)
		for j := 0; j < tc.q; j++ {
			for k := 0; k < tc.q; k++ {
				got := g[j*tc.q+k]
				if k < j {
					if got != 1 {
						t.Errorf("q=%d n=%d: below-diagonal G[%d][%d] changed to %v", tc.q, tc.n, j, k, got)
					}
					continue
				}
				// sums of |terms| bound the rounding error
				scale := 0.0
				for i := tc.lo; i < tc.hi; i++ {
					wi := 1.0
					if w != nil {
						wi = w[i]
					}
					scale += math.Abs(wi * cols[j][i] * cols[k][i])
				}
				if e := math.Abs(got - 1 - want[j*tc.q+k]); e > 1e-13*(scale+1) {
					t.Errorf("fma=%v q=%d n=%d [%d,%d): G[%d][%d] = %.17g, want %.17g", hasFMA, tc.q, tc.n, tc.lo, tc.hi, j, k, got-1, want[j*tc.q+k])
				}
			}
		}
	}
}

func BenchmarkWeightedGramAdd(b *testing.B) {
	const n, q = 100000, 22
	rng := rand.New(rand.NewSource(1))
	cols := make([][]float64, q)
	for j := range cols {
		cols[j] = make([]float64, n)
		for i := range cols[j] {
			cols[j][i] = rng.NormFloat64()
		}
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = rng.Float64()
	}
	g := make([]float64, q*q)
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		WeightedGramAdd(g, cols, w, 0, n)
	}
}

func BenchmarkWeightedGramAddGo(b *testing.B) {
	fma := hasFMA
	defer func() { hasFMA = fma }()
	hasFMA = false
	BenchmarkWeightedGramAdd(b)
}

// TestPanelsGram checks the panel layout's cross product (with and
// without the extra column z) against the column version.
func TestPanelsGram(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for _, n := range []int{1, 5, PanelRows, PanelRows + 3, 3*PanelRows + 1} {
		for _, p := range []int{1, 3, 4, 21} {
			cols := make([][]float64, p+1)
			for j := range cols {
				cols[j] = make([]float64, n)
				for i := range cols[j] {
					cols[j][i] = rng.NormFloat64()
				}
			}
			w := make([]float64, n)
			for i := range w {
				w[i] = rng.Float64()
			}
			pn := NewPanels(n, p, nil)
			pn.Fill(cols[:p], 0, 1)
			pn.Fill(cols[:p], 1, pn.Blocks())
			for b := 0; b < pn.Blocks(); b++ {
				lo, hi := pn.Rows(b)
				for j := 0; j < p; j++ {
					for i, v := range pn.Col(b, j) {
						if v != cols[j][lo+i] {
							t.Fatalf("n=%d p=%d: block %d col %d row %d: %v, want %v", n, p, b, j, lo+i, v, cols[j][lo+i])
						}
					}
				}
				if hi-lo != len(pn.Col(b, 0)) {
					t.Fatalf("block %d has %d rows", b, len(pn.Col(b, 0)))
				}
			}
			for _, withZ := range []bool{false, true} {
				q := p
				var z []float64
				if withZ {
					q, z = p+1, cols[p]
				}
				want := make([]float64, q*q)
				WeightedGramAdd(want, cols[:q], w, 0, n)
				got := make([]float64, q*q)
				var work GramWork
				pn.WeightedGramAdd(got, z, w, 0, 1, &work)
				pn.WeightedGramAdd(got, z, w, 1, pn.Blocks(), &work)
				for k := range got {
					if got[k] != want[k] {
						t.Errorf("n=%d p=%d z=%v: entry %d: %v, want %v", n, p, withZ, k, got[k], want[k])
					}
				}
			}
		}
	}
}

func BenchmarkPanelsGram(b *testing.B) {
	const n, p = 100000, 21
	rng := rand.New(rand.NewSource(1))
	cols := make([][]float64, p+1)
	for j := range cols {
		cols[j] = make([]float64, n)
		for i := range cols[j] {
			cols[j][i] = rng.NormFloat64()
		}
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = rng.Float64()
	}
	pn := NewPanels(n, p, nil)
	pn.Fill(cols[:p], 0, pn.Blocks())
	g := make([]float64, (p+1)*(p+1))
	var work GramWork
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		pn.WeightedGramAdd(g, cols[p], w, 0, pn.Blocks(), &work)
	}
}
