package frame

import (
	"math"
)

// Join combines f (left) with other (right) on equal values of the key
// columns, which must exist in both with compatible types (numbers with
// numbers, strings with strings; a mismatch is an error that names the key
// and both types). how is "inner", "left", "right" or "outer". NA keys never
// match. Rows come out in left order (each left row followed by its matches
// in right order); unmatched right rows of right and outer joins follow.
// Other columns present in both get the suffixes ".x" and ".y" (as R's
// merge).
//
//	f.Join(g, "inner", "id")
//	f.Join(g, "left", "year", "month")
func (f *Frame) Join(other *Frame, how string, keys ...string) *Frame {
	switch how {
	case "inner", "left", "right", "outer", "full":
	default:
		panic(errorf("Join", "unknown join %q (use inner, left, right or outer)", how))
	}
	if len(keys) == 0 {
		panic(errorf("Join", "name at least one key column present in both frames"))
	}
	lk := make([]*column, len(keys))
	rk := make([]*column, len(keys))
	for k, name := range keys {
		l, err := f.col(name)
		if err != nil {
			panic(errorf("Join", "left frame: %s", err.(*Error).Msg))
		}
		r, err := other.col(name)
		if err != nil {
			panic(errorf("Join", "right frame: %s", err.(*Error).Msg))
		}
		ln, rn := l.kind != kString, r.kind != kString
		if ln != rn {
			panic(errorf("Join", "key %q is %s in the left frame but %s in the right; convert one side first (AsString(%q) or AsFloat(%q))", name, l.kind, r.kind, name, name))
		}
		lk[k], rk[k] = l, r
	}
	// Joint dense codes of the key tuples on both sides, then the right
	// rows grouped by code (counting sort) for lookups without hashing.
	lcode, rcode, card := jointKeyCodes(lk, rk)
	start := make([]int32, card+1)
	for _, c := range rcode {
		if c >= 0 {
			start[c+1]++
		}
	}
	for k := 0; k < card; k++ {
		start[k+1] += start[k]
	}
	rrows := make([]int32, start[card])
	pos := append([]int32(nil), start[:card]...)
	for r, c := range rcode {
		if c >= 0 {
			rrows[pos[c]] = int32(r)
			pos[c]++
		}
	}
	var li, ri []int
	matched := make([]bool, other.nrows)
	for r := 0; r < f.nrows; r++ {
		var m []int32
		if c := lcode[r]; c >= 0 {
			m = rrows[start[c]:start[c+1]]
		}
		if len(m) == 0 {
			if how == "left" || how == "outer" || how == "full" {
				li = append(li, r)
				ri = append(ri, -1)
			}
			continue
		}
		for _, q := range m {
			li = append(li, r)
			ri = append(ri, int(q))
			matched[q] = true
		}
	}
	if how == "right" || how == "outer" || how == "full" {
		for q := 0; q < other.nrows; q++ {
			if !matched[q] {
				li = append(li, -1)
				ri = append(ri, q)
			}
		}
	}
	isKey := map[string]bool{}
	for _, k := range keys {
		isKey[k] = true
	}
	var cols []*column
	for _, c := range f.cols {
		if isKey[c.name] {
			cols = append(cols, coalesceKey(c, other.mustCol("Join", c.name), li, ri))
			continue
		}
		nc := c.take(li)
		if other.index(c.name) >= 0 {
			nc.name = c.name + ".x"
		}
		cols = append(cols, nc)
	}
	for _, c := range other.cols {
		if isKey[c.name] {
			continue
		}
		nc := c.take(ri)
		if f.index(c.name) >= 0 {
			nc.name = c.name + ".y"
		}
		cols = append(cols, nc)
	}
	g := newFrame(cols)
	g.nrows = len(li)
	return g
}

// coalesceKey builds the output key column: the left value, or the right
// one for unmatched right rows.
func coalesceKey(l, r *column, li, ri []int) *column {
	if l.kind == kString {
		// Merge levels (left order, then new right levels).
		pos := map[string]int32{}
		lv := append([]string(nil), l.lv...)
		for k, s := range lv {
			pos[s] = int32(k)
		}
		for _, s := range r.lv {
			if _, ok := pos[s]; !ok {
				pos[s] = int32(len(lv))
				lv = append(lv, s)
			}
		}
		out := &column{name: l.name, kind: kString, lv: lv, c: make([]int32, len(li)), ord: l.ord}
		for k := range li {
			switch {
			case li[k] >= 0:
				out.c[k] = l.c[li[k]]
			case r.c[ri[k]] >= 0:
				out.c[k] = pos[r.lv[r.c[ri[k]]]]
			default:
				out.c[k] = -1
			}
		}
		return out
	}
	if l.kind == r.kind && l.kind != kFloat {
		out := l.take(li)
		for k := range li {
			if li[k] < 0 {
				switch l.kind {
				case kInt:
					out.i[k] = r.i[ri[k]]
					if out.na != nil {
						out.na[k] = r.na != nil && r.na[ri[k]]
					}
				case kBool:
					out.b[k] = r.b[ri[k]]
				}
			}
		}
		return out
	}
	v := make([]float64, len(li))
	for k := range li {
		if li[k] >= 0 {
			v[k] = l.float(li[k])
		} else {
			v[k] = r.float(ri[k])
		}
	}
	return &column{name: l.name, kind: kFloat, f: v}
}

// Lookup is a left join that adds the named columns of other (all non-key
// columns when none are named) to f, matching on one key column, and
// errors if a key occurs more than once in other (so f keeps its rows).
func (f *Frame) Lookup(other *Frame, key string, cols ...string) *Frame {
	kc := other.mustCol("Lookup", key)
	seen := map[uint64]int{}
	for r := 0; r < other.nrows; r++ {
		if kc.isNA(r) {
			continue
		}
		h := hashKey(kc, r)
		if kc.kind == kString {
			h = uint64(kc.c[r])
		}
		if p, dup := seen[h]; dup {
			panic(errorf("Lookup", "key %q value %s occurs in rows %d and %d of the lookup frame; use Join for many-to-many", key, kc.str(r), p+1, r+1))
		}
		seen[h] = r
	}
	if len(cols) > 0 {
		other = other.Select(append([]string{key}, cols...)...)
	}
	return f.Join(other, "left", key)
}

// jointKeyCodes gives each distinct key tuple present on either side a
// code in [0, card); rows with an NA key get -1.
func jointKeyCodes(lk, rk []*column) (lcode, rcode []int32, card int) {
	for k := range lk {
		lc, rc, cd := jointColumnCodes(lk[k], rk[k])
		if k == 0 {
			lcode, rcode, card = lc, rc, cd
			continue
		}
		// Combine (previous code, this code) pairs and renumber.
		ids := map[uint64]int32{}
		combine := func(prev, cur []int32) {
			for r := range prev {
				if prev[r] < 0 || cur[r] < 0 {
					prev[r] = -1
					continue
				}
				key := uint64(prev[r])*uint64(cd) + uint64(cur[r])
				id, ok := ids[key]
				if !ok {
					id = int32(len(ids))
					ids[key] = id
				}
				prev[r] = id
			}
		}
		combine(lcode, lc)
		combine(rcode, rc)
		card = len(ids)
	}
	return lcode, rcode, card
}

// jointColumnCodes codes the values of one key column on both sides.
func jointColumnCodes(l, r *column) ([]int32, []int32, int) {
	lc := make([]int32, l.len())
	rc := make([]int32, r.len())
	if l.kind == kString {
		ids := map[string]int32{}
		mapLv := func(lv []string) []int32 {
			m := make([]int32, len(lv))
			for k, s := range lv {
				id, ok := ids[s]
				if !ok {
					id = int32(len(ids))
					ids[s] = id
				}
				m[k] = id
			}
			return m
		}
		lm, rm := mapLv(l.lv), mapLv(r.lv)
		for i, c := range l.c {
			lc[i] = -1
			if c >= 0 {
				lc[i] = lm[c]
			}
		}
		for i, c := range r.c {
			rc[i] = -1
			if c >= 0 {
				rc[i] = rm[c]
			}
		}
		return lc, rc, len(ids)
	}
	ids := map[uint64]int32{}
	code := func(c *column, out []int32) {
		for i := range out {
			v := c.float(i)
			if v != v {
				out[i] = -1
				continue
			}
			if v == 0 {
				v = 0
			}
			key := math.Float64bits(v)
			id, ok := ids[key]
			if !ok {
				id = int32(len(ids))
				ids[key] = id
			}
			out[i] = id
		}
	}
	code(r, rc)
	code(l, lc)
	return lc, rc, len(ids)
}
