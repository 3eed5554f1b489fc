package ml

import (
	"math"
	"math/rand/v2"
	"slices"
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
		var out []float64
		// without and with early stopping (validation scores summed on
		// all workers)
		for _, early := range []string{"off", "on"} {
			m := NewHistGradientBoostingClassifier()
			m.EarlyStopping = early
			m.MaxIter = 15
			if err := m.FitXY(X, y); err != nil {
				t.Fatal(err)
			}
			P, err := m.PredictProbaX(X)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, P.RawMatrix().Data...)
			out = append(out, m.fit.ValScores...)
		}
		return out
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

// TestParallelPartition checks the block-parallel partition against a
// plain stable partition with 1, 2 and 3 workers, missing values going
// either way.
func TestParallelPartition(t *testing.T) {
	const n = 20000
	r := rand.New(rand.NewPCG(1, 1))
	codes := make([]uint8, n)
	for i := range codes {
		codes[i] = uint8(r.IntN(256)) // 255 is the missing bin
	}
	b := &binned{n: n, p: 1, codes8: [][]uint8{codes}, m: &binMapper{MissingBin: 255}}
	for _, w := range []int{1, 2, 3} {
		for _, missingLeft := range []bool{false, true} {
			wp := newHGBPool(w)
			gr := &hgbGrower{b: b, wp: wp, scratch: make([]int32, n)}
			var rows []int32
			for i := 0; i < n; i++ {
				if r.IntN(3) > 0 {
					rows = append(rows, int32(i))
				}
			}
			var want []int32
			for pass := 0; pass < 2; pass++ {
				for _, i := range rows {
					c := codes[i]
					left := c <= 100 || (c == 255 && missingLeft)
					if c == 255 && !missingLeft {
						left = false
					}
					if left == (pass == 0) {
						want = append(want, i)
					}
				}
			}
			nd := &hgbNode{rows: rows, feat: 0, bin: 100, missingLeft: missingLeft}
			nl := gr.partition(nd)
			wp.stop()
			if !slices.Equal(rows, want) {
				t.Fatalf("%d workers, missing left %v: partition differs from the stable one", w, missingLeft)
			}
			for k, i := range rows {
				c := codes[i]
				if left := k < nl; left != (c <= 100 && c != 255 || c == 255 && missingLeft) {
					t.Fatalf("%d workers: row %d (code %d) on the wrong side", w, i, c)
				}
			}
		}
	}
}

// TestBinLookup checks the cell lookup of bin codes against a plain
// binary search (the number of thresholds below the value).
func TestBinLookup(t *testing.T) {
	lower := func(th []float64, v float64) int {
		k := 0
		for k < len(th) && th[k] < v {
			k++
		}
		return k
	}
	r := rand.New(rand.NewPCG(3, 4))
	skewed := make([]float64, 254)
	for k := range skewed {
		skewed[k] = math.Exp(float64(k) / 10) // thresholds crowd at the low end
	}
	normal := make([]float64, 254)
	for k := range normal {
		normal[k] = -3 + 6*float64(k)/253
	}
	cases := []struct {
		name string
		th   []float64
	}{
		{"none", nil},
		{"one", []float64{0.5}},
		{"two", []float64{-1, 1}},
		{"uniform", normal},
		{"skewed", skewed},
		{"huge range", []float64{-math.MaxFloat64, -1, 0, 1e-300, 1, math.MaxFloat64}},
		{"tiny range", []float64{1, math.Nextafter(1, 2), math.Nextafter(math.Nextafter(1, 2), 2)}},
	}
	for _, c := range cases {
		lk := newBinLookup(c.th)
		vals := []float64{math.Inf(-1), math.Inf(1), 0, -0.0, 1, -1, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64}
		for _, t := range c.th {
			vals = append(vals, t, math.Nextafter(t, math.Inf(1)), math.Nextafter(t, math.Inf(-1)))
		}
		for k := 0; k < 2000; k++ {
			vals = append(vals, r.NormFloat64()*3, math.Exp(r.NormFloat64()*8))
		}
		for _, v := range vals {
			if got, want := lk.code(v), lower(c.th, v); got != want {
				t.Errorf("%s: code(%v) = %d, want %d", c.name, v, got, want)
			}
		}
	}
}

// TestSortFloatsRuns checks the radix sort on data whose keys agree in
// their top bits (long runs finished by the run sort), on repeated values
// and on mixed signs.
func TestSortFloatsRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	cases := map[string]func(i int) float64{
		"normal":     func(int) float64 { return r.NormFloat64() },
		"low bits":   func(i int) float64 { return 1 + float64(r.IntN(1<<20))*0x1p-50 }, // one long run
		"integers":   func(int) float64 { return 1e9 + float64(r.IntN(5000)) },
		"few values": func(int) float64 { return float64(r.IntN(3) - 1) },
		"signs":      func(int) float64 { return (r.Float64() - 0.5) * 1e-300 },
	}
	for name, gen := range cases {
		v := make([]float64, 20000)
		for i := range v {
			v[i] = gen(i)
		}
		w := slices.Clone(v)
		sortFloats(v)
		slices.Sort(w)
		if !slices.Equal(v, w) {
			t.Errorf("%s: sortFloats differs from slices.Sort", name)
		}
	}
}

// TestTransformCodes checks binned codes against the definition (the
// number of thresholds below the value; missing values get MissingBin),
// in 16-bit and byte codes, for continuous, discrete and constant
// features with missing values.
func TestTransformCodes(t *testing.T) {
	X, _ := clfData(9000, 6, 9)
	for i := 0; i < 9000; i++ {
		X.Set(i, 1, math.Floor(X.At(i, 1)*3)) // few distinct values
		X.Set(i, 2, 7)                        // constant
		if i%11 == 0 {
			X.Set(i, i%6, math.NaN())
		}
	}
	for _, maxBins := range []int{255, 16, 65535} {
		bm := fitBins(X, maxBins)
		b := bm.transform(X)
		for j := 0; j < 6; j++ {
			th := bm.Thresholds[j]
			for i := 0; i < 9000; i++ {
				v := X.At(i, j)
				want := bm.MissingBin
				if !math.IsNaN(v) {
					want = 0
					for want < len(th) && th[want] < v {
						want++
					}
				}
				if got := int(b.codes[j][i]); got != want {
					t.Fatalf("maxBins %d, feature %d, row %d (%v): code %d, want %d", maxBins, j, i, v, got, want)
				}
				if b.codes8 != nil && int(b.codes8[j][i]) != want {
					t.Fatalf("maxBins %d, feature %d, row %d: byte code %d, want %d", maxBins, j, i, b.codes8[j][i], want)
				}
			}
		}
	}
}
