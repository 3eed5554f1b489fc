package ml

import (
	"math"
	"slices"
	"sort"
)

// sortFloats sorts v (no NaNs) ascending: for long slices an LSD radix
// sort on the top 33 of the IEEE bits (as an order-preserving key; 11-bit
// digits, 3 passes) finished by sorting the runs of keys equal in those
// bits, sort.Float64s for short ones.
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
	// LSD passes over the top 33 bits only (sign, exponent and 21 bits of
	// mantissa), then each run of keys equal in those bits (few and short
	// for continuous data) is sorted in full
	var cnt [2048]int
	for _, shift := range [...]uint{31, 42, 53} {
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
	for i := 0; i < n; {
		j, hi := i+1, keys[i]>>31
		for j < n && keys[j]>>31 == hi {
			j++
		}
		if run := keys[i:j]; len(run) > 16 {
			slices.Sort(run)
		} else {
			for a := 1; a < len(run); a++ { // insertion sort
				for b := a; b > 0 && run[b] < run[b-1]; b-- {
					run[b], run[b-1] = run[b-1], run[b]
				}
			}
		}
		i = j
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
