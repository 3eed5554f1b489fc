package ml

import (
	"math"
	"sort"
)

// sortFloats sorts v (no NaNs) ascending: an LSD radix sort on the IEEE
// bits (11-bit digits, 6 passes) for long slices, sort.Float64s otherwise.
// Binning every feature of a large matrix spends most of its time here.
func sortFloats(v []float64) { sortFloatsBuf(v, nil) }

// radixBuf holds the key buffers of sortFloatsBuf for reuse.
type radixBuf struct{ keys, tmp []uint64 }

// sortFloatsBuf is sortFloats with reusable buffers (buf may be nil).
func sortFloatsBuf(v []float64, buf *radixBuf) {
	n := len(v)
	if n < 4096 {
		sort.Float64s(v)
		return
	}
	if buf == nil {
		buf = &radixBuf{}
	}
	if cap(buf.keys) < n {
		buf.keys, buf.tmp = make([]uint64, n), make([]uint64, n)
	}
	keys, tmp := buf.keys[:n], buf.tmp[:n]
	for i, x := range v {
		b := math.Float64bits(x)
		if b>>63 == 1 {
			b = ^b
		} else {
			b |= 1 << 63
		}
		keys[i] = b
	}
	var cnt [2048]int
	for shift := uint(0); shift < 64; shift += 11 {
		clear(cnt[:])
		for _, k := range keys {
			cnt[(k>>shift)&2047]++
		}
		if cnt[(keys[0]>>shift)&2047] == n {
			continue // every key has this digit
		}
		sum := 0
		for d := range cnt {
			c := cnt[d]
			cnt[d] = sum
			sum += c
		}
		for _, k := range keys {
			d := (k >> shift) & 2047
			tmp[cnt[d]] = k
			cnt[d]++
		}
		keys, tmp = tmp, keys
	}
	for i, b := range keys {
		if b>>63 == 1 {
			b &^= 1 << 63
		} else {
			b = ^b
		}
		v[i] = math.Float64frombits(b)
	}
}
