package frame

import (
	"math"
	"runtime"
	"strings"
	"sync"
)

// Sort returns the rows ordered by one or more columns. A name prefixed
// with "-" sorts descending: f.Sort("cyl", "-mpg"). The sort is stable
// (ties keep their order), NA sorts last in both directions (R's default
// na.last = TRUE), and string columns sort in factor order (their levels'
// order; alphabetical unless SetLevels changed it).
//
// It is an LSD radix sort over 64-bit keys, linear in the number of rows.
func (f *Frame) Sort(keys ...string) *Frame {
	idx := f.order32(keys)
	cols := make([]*column, len(f.cols))
	parallelFor(len(f.cols), func(j int) { cols[j] = f.cols[j].take32(idx) })
	g := newFrame(cols)
	g.nrows = len(idx)
	return g
}

// take32 gathers rows by int32 indexes (all valid).
func (c *column) take32(idx []int32) *column {
	out := &column{name: c.name, kind: c.kind, lv: c.lv, ord: c.ord}
	switch c.kind {
	case kFloat:
		out.f = make([]float64, len(idx))
		src := c.f
		for k, r := range idx {
			out.f[k] = src[r]
		}
	case kInt:
		out.i = make([]int64, len(idx))
		src := c.i
		for k, r := range idx {
			out.i[k] = src[r]
		}
		if c.na != nil {
			out.na = make([]bool, len(idx))
			for k, r := range idx {
				out.na[k] = c.na[r]
			}
		}
	case kString:
		out.c = make([]int32, len(idx))
		src := c.c
		for k, r := range idx {
			out.c[k] = src[r]
		}
	default:
		out.b = make([]int8, len(idx))
		src := c.b
		for k, r := range idx {
			out.b[k] = src[r]
		}
	}
	return out
}

// Order returns the row permutation (0-based) that Sort applies.
func (f *Frame) Order(keys ...string) []int {
	idx := f.order32(keys)
	out := make([]int, len(idx))
	for p, r := range idx {
		out[p] = int(r)
	}
	return out
}

func (f *Frame) order32(keys []string) []int32 {
	if len(keys) == 0 {
		panic(errorf("Sort", "name at least one column to sort by"))
	}
	type key struct {
		c    *column
		desc bool
	}
	ks := make([]key, len(keys))
	for k, name := range keys {
		desc := false
		if strings.HasPrefix(name, "-") && f.index(name) < 0 {
			desc = true
			name = name[1:]
		}
		ks[k] = key{f.mustCol("Sort", name), desc}
	}
	n := f.nrows
	idx := make([]int32, n)
	for r := range idx {
		idx[r] = int32(r)
	}
	keysBuf := make([]uint64, n)
	tmpIdx := make([]int32, n)
	tmpKey := make([]uint64, n)
	for k := len(ks) - 1; k >= 0; k-- {
		c, desc := ks[k].c, ks[k].desc
		// keys in the current permutation order
		parallelRange(n, func(lo, hi int) {
			if c.kind == kFloat && !desc {
				// The common case without the per-row type switch.
				src := c.f
				for p := lo; p < hi; p++ {
					v := src[idx[p]]
					switch {
					case v != v:
						keysBuf[p] = math.MaxUint64
					case v == 0:
						keysBuf[p] = 1 << 63
					default:
						keysBuf[p] = min(floatKey(v), math.MaxUint64-1)
					}
				}
				return
			}
			for p := lo; p < hi; p++ {
				keysBuf[p] = sortKey(c, int(idx[p]), desc)
			}
		})
		radixSort(keysBuf, idx, tmpKey, tmpIdx)
	}
	return idx
}

// sortKey maps a value to a uint64 whose unsigned order is the sort order;
// NA maps to the maximum so it sorts last.
func sortKey(c *column, r int, desc bool) uint64 {
	var k uint64
	switch c.kind {
	case kFloat:
		v := c.f[r]
		if v != v {
			return math.MaxUint64
		}
		if v == 0 {
			v = 0 // -0 == +0
		}
		b := math.Float64bits(v)
		if b>>63 == 1 {
			k = ^b
		} else {
			k = b | 1<<63
		}
	case kInt:
		if c.na != nil && c.na[r] {
			return math.MaxUint64
		}
		k = uint64(c.i[r]) ^ 1<<63
	case kString:
		if c.c[r] < 0 {
			return math.MaxUint64
		}
		k = uint64(c.c[r])
	default:
		if c.b[r] < 0 {
			return math.MaxUint64
		}
		k = uint64(c.b[r])
	}
	if desc {
		k = ^k
		if k == math.MaxUint64 {
			k--
		}
	} else if k == math.MaxUint64 {
		k--
	}
	return k
}

// radixSort sorts keys ascending (stable), permuting idx alongside, with
// 8-bit LSD passes; passes where every key has the same byte are skipped.
func radixSort(keys []uint64, idx []int32, tk []uint64, ti []int32) {
	n := len(keys)
	if n < 2 {
		return
	}
	var counts [8][256]int
	// Histograms of all 8 bytes in one pass (split across cores).
	nw := runtime.GOMAXPROCS(0)
	if n < 1<<16 {
		nw = 1
	}
	parts := make([][8][256]int, nw)
	var wg sync.WaitGroup
	for w := 0; w < nw; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			lo, hi := w*n/nw, (w+1)*n/nw
			h := &parts[w]
			for _, k := range keys[lo:hi] {
				h[0][k&0xff]++
				h[1][k>>8&0xff]++
				h[2][k>>16&0xff]++
				h[3][k>>24&0xff]++
				h[4][k>>32&0xff]++
				h[5][k>>40&0xff]++
				h[6][k>>48&0xff]++
				h[7][k>>56]++
			}
		}(w)
	}
	wg.Wait()
	for w := range parts {
		for b := 0; b < 8; b++ {
			for v := 0; v < 256; v++ {
				counts[b][v] += parts[w][b][v]
			}
		}
	}
	src, dst := keys, tk
	si, di := idx, ti
	swapped := false
	for b := 0; b < 8; b++ {
		cnt := &counts[b]
		if cnt[byte(keys[0]>>(8*b))] == n {
			continue // all keys share this byte
		}
		var off [256]int
		s := 0
		for v := 0; v < 256; v++ {
			off[v] = s
			s += cnt[v]
		}
		shift := uint(8 * b)
		if nw > 1 {
			scatterParallel(src, dst, si, di, shift, nw)
		} else {
			for p, k := range src {
				d := byte(k >> shift)
				q := off[d]
				off[d]++
				dst[q] = k
				di[q] = si[p]
			}
		}
		src, dst = dst, src
		si, di = di, si
		swapped = !swapped
	}
	if swapped {
		copy(keys, src)
		copy(idx, si)
	}
}

// scatterParallel does one stable counting-sort pass on the byte at shift
// with nw workers: each counts its contiguous part, the offsets interleave
// the parts bucket by bucket (so equal digits keep their order), and each
// scatters its part.
func scatterParallel(src, dst []uint64, si, di []int32, shift uint, nw int) {
	n := len(src)
	cnts := make([][256]int, nw)
	var g panicGroup
	for w := 0; w < nw; w++ {
		g.Go(func() {
			c := &cnts[w]
			for _, k := range src[w*n/nw : (w+1)*n/nw] {
				c[byte(k>>shift)]++
			}
		})
	}
	g.Wait()
	s := 0
	for v := 0; v < 256; v++ {
		for w := 0; w < nw; w++ {
			c := cnts[w][v]
			cnts[w][v] = s
			s += c
		}
	}
	for w := 0; w < nw; w++ {
		g.Go(func() {
			off := &cnts[w]
			lo, hi := w*n/nw, (w+1)*n/nw
			for p := lo; p < hi; p++ {
				k := src[p]
				d := byte(k >> shift)
				q := off[d]
				off[d]++
				dst[q] = k
				di[q] = si[p]
			}
		})
	}
	g.Wait()
}

// panicGroup carries a panic from a worker goroutine to the goroutine
// that waits for it, so a failing worker becomes an ordinary panic of the
// builtin call (which the kernel reports) instead of crashing the process.
type panicGroup struct {
	sync.WaitGroup
	mu  sync.Mutex
	val any
}

// Go runs fn in a goroutine, recording a panic.
func (g *panicGroup) Go(fn func()) {
	g.Add(1)
	go func() {
		defer g.Done()
		defer func() {
			if r := recover(); r != nil {
				g.mu.Lock()
				if g.val == nil {
					g.val = r
				}
				g.mu.Unlock()
			}
		}()
		fn()
	}()
}

// Wait waits for all goroutines and re-panics with the first panic.
func (g *panicGroup) Wait() {
	g.WaitGroup.Wait()
	if g.val != nil {
		panic(g.val)
	}
}

// parallelRange splits [0,n) across the cores.
func parallelRange(n int, fn func(lo, hi int)) {
	nw := runtime.GOMAXPROCS(0)
	if n < 1<<15 || nw < 2 {
		fn(0, n)
		return
	}
	var g panicGroup
	for w := 0; w < nw; w++ {
		g.Go(func() { fn(w*n/nw, (w+1)*n/nw) })
	}
	g.Wait()
}

// parallelFor runs fn(0..n-1) on up to GOMAXPROCS goroutines.
func parallelFor(n int, fn func(i int)) {
	nw := min(runtime.GOMAXPROCS(0), n)
	if nw <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var g panicGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < nw; w++ {
		g.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	g.Wait()
}
