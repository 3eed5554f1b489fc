package ml

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// binMapper maps each feature's values to small integer codes, as
// scikit-learn's HistGradientBoosting does: with at most maxBins distinct
// values the thresholds are the midpoints between consecutive distinct
// values (so splits are exactly those of an exact tree); otherwise they are
// maxBins−1 percentiles (midpoint interpolation) of the values. A value v
// gets the code b such that Thresholds[b−1] < v ≤ Thresholds[b]; a missing
// value gets the code MissingBin.
type binMapper struct {
	Thresholds [][]float64 `json:"thresholds"`
	// Values holds each feature's distinct values when there are at most
	// maxBins of them (nil otherwise); tree splits then use the midpoint of
	// the two values either side, as an exact CART tree would.
	Values     [][]float64 `json:"-"`
	MissingBin int         `json:"missing_bin"`
}

// binned is a column-major matrix of bin codes.
type binned struct {
	n, p  int
	codes [][]uint16
	// codes8 holds the same codes as bytes when every code fits (at most
	// 255 bins plus the missing bin), for the boosting histograms.
	codes8 [][]uint8
	// rows8 holds the byte codes row-major (row i's codes at [i·s, i·s+p)
	// with s = stride8, p rounded up to a multiple of 8), built on demand by
	// rowMajor8 for the boosting histograms.
	rows8   []uint8
	stride8 int
	// nb[f] is the number of non-missing bins of feature f.
	nb     []int
	hasNaN []bool
	m      *binMapper
}

// fitBins computes the thresholds from X (sampling at most 200000 rows).
func fitBins(X *mat.Dense, maxBins int) *binMapper {
	n, p := X.Dims()
	m := &binMapper{Thresholds: make([][]float64, p), Values: make([][]float64, p), MissingBin: maxBins}
	step := 1
	if n > 200000 {
		step = (n + 199999) / 200000
	}
	_ = parallelFor(ctxBackground, "", p, func(j int) error {
		col := make([]float64, 0, n/step+1)
		for i := 0; i < n; i += step {
			v := X.At(i, j)
			if !math.IsNaN(v) {
				col = append(col, v)
			}
		}
		sortFloats(col)
		var distinct []float64
		for i, v := range col {
			if i == 0 || v != col[i-1] {
				distinct = append(distinct, v)
				if len(distinct) > maxBins {
					break
				}
			}
		}
		if len(distinct) <= maxBins {
			th := make([]float64, 0, len(distinct))
			for i := 0; i+1 < len(distinct); i++ {
				th = append(th, distinct[i]/2+distinct[i+1]/2)
			}
			m.Thresholds[j] = th
			m.Values[j] = distinct
			return nil
		}
		th := make([]float64, 0, maxBins-1)
		for k := 1; k < maxBins; k++ {
			// numpy percentile, method "midpoint"
			pos := float64(k) / float64(maxBins) * float64(len(col)-1)
			lo, hi := math.Floor(pos), math.Ceil(pos)
			v := (col[int(lo)] + col[int(hi)]) / 2
			if len(th) > 0 && v <= th[len(th)-1] {
				continue
			}
			th = append(th, v)
		}
		m.Thresholds[j] = th
		return nil
	})
	return m
}

// transform bins X with the fitted thresholds.
func (m *binMapper) transform(X *mat.Dense) *binned {
	n, p := X.Dims()
	b := &binned{n: n, p: p, codes: make([][]uint16, p), nb: make([]int, p), hasNaN: make([]bool, p), m: m}
	raw := X.RawMatrix()
	_ = parallelFor(ctxBackground, "", p, func(j int) error {
		th := m.Thresholds[j]
		c := make([]uint16, n)
		for i := 0; i < n; i++ {
			v := raw.Data[i*raw.Stride+j]
			if math.IsNaN(v) {
				c[i] = uint16(m.MissingBin)
				b.hasNaN[j] = true
				continue
			}
			lo, hi := 0, len(th)
			for lo < hi {
				mid := (lo + hi) >> 1
				if v <= th[mid] {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			c[i] = uint16(lo)
		}
		b.codes[j] = c
		b.nb[j] = len(th) + 1
		return nil
	})
	if m.MissingBin <= 255 {
		b.codes8 = make([][]uint8, p)
		for j, c := range b.codes {
			c8 := make([]uint8, len(c))
			for i, v := range c {
				c8[i] = uint8(v)
			}
			b.codes8[j] = c8
		}
	}
	return b
}

// rowMajor8 fills b.rows8 from b.codes8 (no-op without byte codes).
func (b *binned) rowMajor8() {
	if b.codes8 == nil || b.rows8 != nil {
		return
	}
	s := (b.p + 7) &^ 7
	r := make([]uint8, b.n*s)
	for f, c := range b.codes8 {
		for i, v := range c {
			r[i*s+f] = v
		}
	}
	b.rows8, b.stride8 = r, s
}

// splitThreshold is the real threshold for "code ≤ lo goes left" when the
// next occupied bin in the node is hi: the midpoint of the two distinct
// values when known, else the bin edge.
func (m *binMapper) splitThreshold(f, lo, hi int) float64 {
	if v := m.Values[f]; v != nil && hi < len(v) {
		t := v[lo]/2 + v[hi]/2
		if t == v[hi] || math.IsInf(t, 0) {
			t = v[lo]
		}
		return t
	}
	return m.Thresholds[f][lo]
}
