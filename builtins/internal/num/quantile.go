// R type-7 quantiles (Hyndman & Fan 1996, definition 7), shared by frame
// and models.

package num

import (
	"math"
	"sort"
)

// QuantilesInPlace returns R's type-7 quantiles of x (no NaN; x is
// reordered) for the probabilities ps (ascending), by successive
// selection: Q(p) = (1−h)·x₍ₖ₎ + h·x₍ₖ₊₁₎ with k and h as in type7
// (Hyndman & Fan 1996, definition 7), bit for bit as R's quantile.
func QuantilesInPlace(x []float64, ps []float64) []float64 {
	out := make([]float64, len(ps))
	n := len(x)
	if n == 0 {
		for k := range out {
			out[k] = math.NaN()
		}
		return out
	}
	from := 0
	for i, p := range ps {
		k, h := type7(n, p)
		if k < from {
			// already placed by an earlier selection
			from = 0
		}
		selectK(x[from:], k-from)
		a, b := x[k], x[k]
		if h > 0 {
			b = x[k+1]
			for _, v := range x[k+2:] {
				if v < b {
					b = v
				}
			}
		}
		out[i] = interp7(a, b, h)
		from = k
	}
	return out
}

// type7 returns the 0-based order statistic k and the weight h of R's
// type-7 quantile at probability p of n values, Q(p) = (1−h)·x₍ₖ₎ +
// h·x₍ₖ₊₁₎, computed as R's quantile.default does: nppm = 1 + p(n−1),
// j = ⌊nppm + 4ε⌋, h = nppm − j (0 when |h| < 4ε), k = j − 1.
func type7(n int, p float64) (k int, h float64) {
	const fuzz = 4 * 2.220446049250313e-16
	nppm := 1 + p*float64(n-1)
	j := math.Floor(nppm + fuzz)
	h = nppm - j
	if math.Abs(h) < fuzz {
		h = 0
	}
	return min(max(int(j)-1, 0), n-1), h
}

// interp7 is R's interpolation between neighbouring order statistics:
// (1−h)·a + h·b, or exactly a when h is 0 or a == b.
func interp7(a, b, h float64) float64 {
	if h > 0 && a != b {
		return (1-h)*a + h*b
	}
	return a
}

// selectK rearranges x so x[k] is the k-th smallest, smaller ones before
// it and larger ones after (introselect: quickselect with median-of-3
// pivots falling back to sorting small ranges).
func selectK(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for hi > lo {
		if hi-lo < 16 {
			sort.Float64s(x[lo : hi+1])
			return
		}
		mid := lo + (hi-lo)/2
		// median of three into x[mid]
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// Quantiles returns R's type-7 quantiles of x (NaN skipped; x is not
// modified) at the probabilities ps. It finds the needed order statistics
// by one histogram pass over the top 16 bits of order-preserving float
// keys, gathers only the buckets that hold them, and selects within those
// small buckets: about two passes over the data for all probabilities.
func Quantiles(x []float64, ps []float64) []float64 {
	if len(x) < 1<<14 {
		return QuantilesInPlace(dropNaN(x), ps)
	}
	// NaN (NA) values are skipped.
	counts := new([1 << 16]int32)
	nan := 0
	for _, v := range x {
		if v != v {
			nan++
			continue
		}
		counts[FloatKey(v)>>48]++
	}
	return QuantilesFromHist(x, counts, len(x)-nan, ps)
}

// QuantilesFromHist finishes Quantiles given the histogram of the top
// 16 key bits of the n non-NaN values of x.
func QuantilesFromHist(x []float64, counts *[1 << 16]int32, n int, ps []float64) []float64 {
	out := make([]float64, len(ps))
	if n == 0 {
		for k := range out {
			out[k] = math.NaN()
		}
		return out
	}
	// Needed ranks.
	type need struct{ rank, bucket, start int }
	var ranks []int
	for _, p := range ps {
		k, h := type7(n, p)
		ranks = append(ranks, k)
		if h > 0 {
			ranks = append(ranks, k+1)
		}
	}
	bucketOf := map[int]int{} // bucket → start rank
	needs := make([]need, len(ranks))
	for k, rk := range ranks {
		cum := 0
		for b := 0; b < len(counts); b++ {
			c := int(counts[b])
			if rk < cum+c {
				needs[k] = need{rk, b, cum}
				bucketOf[b] = cum
				break
			}
			cum += c
		}
	}
	var slot [1 << 16]int8
	for b := range slot {
		slot[b] = -1
	}
	var bufs [][]float64
	for b := range bucketOf {
		slot[b] = int8(len(bufs))
		bufs = append(bufs, make([]float64, 0, counts[b]))
	}
	for _, v := range x {
		if v != v {
			continue
		}
		if s := slot[FloatKey(v)>>48]; s >= 0 {
			bufs[s] = append(bufs[s], v)
		}
	}
	vals := map[int][]float64{}
	for b := range bucketOf {
		vals[b] = bufs[slot[b]]
	}
	stat := map[int]float64{}
	for _, nd := range needs {
		buf := vals[nd.bucket]
		selectK(buf, nd.rank-nd.start)
		stat[nd.rank] = buf[nd.rank-nd.start]
	}
	for i, p := range ps {
		k, h := type7(n, p)
		a, b := stat[k], stat[k]
		if h > 0 {
			b = stat[k+1]
		}
		out[i] = interp7(a, b, h)
	}
	return out
}

// FloatKey maps a float64 to a uint64 with the same order (NaN excluded).
func FloatKey(v float64) uint64 {
	b := math.Float64bits(v)
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

func dropNaN(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if v == v {
			out = append(out, v)
		}
	}
	return out
}
