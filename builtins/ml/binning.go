package ml

import (
	"math"
	"sync"

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
	raw := X.RawMatrix()
	// columns in groups read together from the row-major X (one strided
	// pass per group instead of one per column), groups shared out
	// between the cores; each column is then sorted and cut on its own
	const group = 5
	ng := (p + group - 1) / group
	var bufs sync.Pool // column and sort buffers per goroutine, reused
	mustParallel(parallelFor(ctxBackground, "", ng, func(gi int) error {
		b, _ := bufs.Get().(*fitBinsBuf)
		if b == nil {
			b = &fitBinsBuf{}
		}
		defer bufs.Put(b)
		j0, j1 := gi*group, min(p, (gi+1)*group)
		for len(b.cols) < j1-j0 {
			b.cols = append(b.cols, make([]float64, 0, n/step+1))
		}
		cols := b.cols[:j1-j0]
		for k := range cols {
			cols[k] = cols[k][:0]
		}
		for i := 0; i < n; i += step {
			row := raw.Data[i*raw.Stride+j0 : i*raw.Stride+j1]
			for k, v := range row {
				if !math.IsNaN(v) {
					cols[k] = append(cols[k], v)
				}
			}
		}
		for k, col := range cols {
			fitColumn(m, j0+k, col, maxBins, &b.radix)
		}
		return nil
	}))
	return m
}

// fitColumn sets the thresholds (and distinct values) of feature j from
// its non-missing values col, which it sorts.
func fitColumn(m *binMapper, j int, col []float64, maxBins int, rb *radixBuf) {
	sortFloatsBuf(col, rb)
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
		return
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
}

// fitBinsBuf is the scratch space of fitBins for one group of columns.
type fitBinsBuf struct {
	cols  [][]float64
	radix radixBuf
}

// transform bins X with the fitted thresholds (16-bit codes, and byte
// codes too when every code fits in a byte).
func (m *binMapper) transform(X *mat.Dense) *binned { return m.transformCodes(X, true) }

// transformBytes bins X into byte codes only (boosting: at most 255 bins
// plus the missing bin).
func (m *binMapper) transformBytes(X *mat.Dense) *binned { return m.transformCodes(X, false) }

// binLookupCells is the number of cells of a feature's lookup table.
const binLookupCells = 1024

// binLookup finds a value's code (the number of thresholds below it) in
// few steps: the thresholds' range [t0, tLast] is cut into equal cells,
// cell(v) = ⌊(v − t0)·scale⌋ clamped to [0, cells−1], and start[c] is the
// number of thresholds whose cell is below c. cell is non-decreasing in v
// (rounded subtraction and multiplication are monotone), so a threshold in
// a lower cell is below v and one in a higher cell is not: the code is
// start[c] plus the number of thresholds below v among those in cell c,
// found by a short binary search. The result is exactly the lower bound
// of v among all thresholds.
type binLookup struct {
	th    []float64
	t0    float64
	scale float64
	start [binLookupCells + 1]uint16
}

func newBinLookup(th []float64) *binLookup {
	lk := &binLookup{th: th}
	if len(th) < 2 {
		return lk
	}
	lk.t0 = th[0]
	span := th[len(th)-1] - th[0]
	if !(span > 0) || math.IsInf(span, 0) {
		lk.scale = 0 // every value in cell 0: plain binary search
	} else {
		lk.scale = binLookupCells / span
		if math.IsInf(lk.scale, 0) {
			lk.scale = 0
		}
	}
	var cnt [binLookupCells]uint16
	for _, t := range th {
		cnt[lk.cell(t)]++
	}
	for c := range cnt {
		lk.start[c+1] = lk.start[c] + cnt[c]
	}
	return lk
}

func (lk *binLookup) cell(v float64) int {
	x := (v - lk.t0) * lk.scale
	switch {
	case !(x >= 1): // also NaN (−∞ − −∞ or a zero scale times ∞)
		return 0
	case x >= binLookupCells-1:
		return binLookupCells - 1
	}
	return int(x)
}

// code returns the number of thresholds below v (v not NaN).
func (lk *binLookup) code(v float64) int {
	th := lk.th
	if len(th) < 2 {
		if len(th) == 1 && th[0] < v {
			return 1
		}
		return 0
	}
	c := lk.cell(v)
	lo, hi := int(lk.start[c]), int(lk.start[c+1])
	for cnt := hi - lo; cnt > 0; {
		half := cnt >> 1
		if th[lo+half] < v {
			lo += cnt - half
		}
		cnt = half
	}
	return lo
}

func (m *binMapper) transformCodes(X *mat.Dense, wide bool) *binned {
	n, p := X.Dims()
	b := &binned{n: n, p: p, nb: make([]int, p), hasNaN: make([]bool, p), m: m}
	raw := X.RawMatrix()
	lks := make([]*binLookup, p)
	for j := range lks {
		b.nb[j] = len(m.Thresholds[j]) + 1
		lks[j] = newBinLookup(m.Thresholds[j])
	}
	if wide {
		b.codes = make([][]uint16, p)
		for j := range b.codes {
			b.codes[j] = make([]uint16, n)
		}
	}
	small := m.MissingBin <= 255
	if small {
		b.codes8 = make([][]uint8, p)
		for j := range b.codes8 {
			b.codes8[j] = make([]uint8, n)
		}
	}
	// blocks of rows in parallel; within a block one feature at a time,
	// so that its lookup table stays at hand (the block of X is in cache)
	const block = 4096
	nblk := (n + block - 1) / block
	nan := make([][]bool, nblk)
	miss := m.MissingBin
	mustParallel(parallelFor(ctxBackground, "", nblk, func(k int) error {
		nan[k] = make([]bool, p)
		lo, hi := k*block, min(n, (k+1)*block)
		for j, lk := range lks {
			th := lk.th
			var c16 []uint16
			var c8 []uint8
			if wide {
				c16 = b.codes[j][lo:hi]
			}
			if small {
				c8 = b.codes8[j][lo:hi]
			}
			x := raw.Data[lo*raw.Stride+j:]
			for i := range hi - lo {
				v := x[i*raw.Stride]
				code := miss
				switch {
				case v != v: // NaN
					nan[k][j] = true
				case len(th) < 2:
					code = lk.code(v)
				default:
					// lk.code, inlined
					c := lk.cell(v)
					lo, hi := int(lk.start[c]), int(lk.start[c+1])
					for cnt := hi - lo; cnt > 0; {
						half := cnt >> 1
						if th[lo+half] < v {
							lo += cnt - half
						}
						cnt = half
					}
					code = lo
				}
				if wide {
					c16[i] = uint16(code)
				}
				if small {
					c8[i] = uint8(code)
				}
			}
		}
		return nil
	}))
	for _, f := range nan {
		for j, v := range f {
			b.hasNaN[j] = b.hasNaN[j] || v
		}
	}
	return b
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
