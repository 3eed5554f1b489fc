package frame

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// New builds a frame from alternating names and columns, for example
//
//	f := frame.New("x", []float64{1, 2, 3}, "g", []string{"a", "b", "a"})
//
// Columns may be []float64, []float32, []int, []int64, []int32, []string or
// []bool, all of the same length. It panics with an *Error on bad input; use
// FromColumns to get an error instead.
func New(pairs ...any) *Frame {
	if len(pairs)%2 != 0 {
		panic(errorf("New", "want name, column pairs; got %d arguments", len(pairs)))
	}
	names := make([]string, 0, len(pairs)/2)
	cols := make([]any, 0, len(pairs)/2)
	for k := 0; k < len(pairs); k += 2 {
		name, ok := pairs[k].(string)
		if !ok {
			panic(errorf("New", "argument %d should be a column name (string), got %T", k+1, pairs[k]))
		}
		names = append(names, name)
		cols = append(cols, pairs[k+1])
	}
	f, err := FromColumns(names, cols...)
	if err != nil {
		panic(wrapErr("New", err))
	}
	return f
}

// FromColumns builds a frame from column names and columns ([]float64,
// []float32, []int, []int64, []int32, []string or []bool) of equal length.
// Float NaN is NA. Strings become categorical with sorted levels; "NA" in a
// []string is kept as text (use Replace or SetNA to mark it missing).
func FromColumns(names []string, cols ...any) (*Frame, error) {
	if len(names) != len(cols) {
		return nil, errorf("FromColumns", "%d names for %d columns", len(names), len(cols))
	}
	out := make([]*column, len(cols))
	seen := map[string]bool{}
	for j, v := range cols {
		if seen[names[j]] {
			return nil, errorf("FromColumns", "duplicate column name %q", names[j])
		}
		seen[names[j]] = true
		c, err := columnOf(names[j], v)
		if err != nil {
			return nil, wrapErr("FromColumns", err)
		}
		if j > 0 && c.len() != out[0].len() {
			return nil, errorf("FromColumns", "column %q has %d rows but %q has %d", names[j], c.len(), names[0], out[0].len())
		}
		out[j] = c
	}
	return newFrame(out), nil
}

func columnOf(name string, v any) (*column, error) {
	c := &column{name: name}
	switch x := v.(type) {
	case []float64:
		c.kind, c.f = kFloat, append([]float64(nil), x...)
	case []float32:
		c.kind, c.f = kFloat, make([]float64, len(x))
		for i, e := range x {
			c.f[i] = float64(e)
		}
	case []int:
		c.kind, c.i = kInt, make([]int64, len(x))
		for i, e := range x {
			c.i[i] = int64(e)
		}
	case []int64:
		c.kind, c.i = kInt, append([]int64(nil), x...)
	case []int32:
		c.kind, c.i = kInt, make([]int64, len(x))
		for i, e := range x {
			c.i[i] = int64(e)
		}
	case []string:
		c.kind = kString
		c.c, c.lv = encodeStrings(x, nil)
	case []bool:
		c.kind, c.b = kBool, make([]int8, len(x))
		for i, e := range x {
			if e {
				c.b[i] = 1
			}
		}
	default:
		return nil, fmt.Errorf("column %q: unsupported type %T (use []float64, []int, []int64, []string or []bool)", name, v)
	}
	return c, nil
}

// With returns a copy of f with column name set to col (added at the end,
// or replaced in place if the name exists). col is a slice as in New, of
// length NRows.
func (f *Frame) With(name string, col any) *Frame {
	c, err := columnOf(name, col)
	if err != nil {
		panic(wrapErr("With", err))
	}
	return f.withColumn(c, "With")
}

func (f *Frame) withColumn(c *column, op string) *Frame {
	if len(f.cols) > 0 && c.len() != f.nrows {
		panic(errorf(op, "column %q has %d rows, the frame has %d", c.name, c.len(), f.nrows))
	}
	g := f.Copy()
	if j := g.index(c.name); j >= 0 {
		g.cols[j] = c
	} else {
		g.cols = append(g.cols, c)
	}
	g.nrows = c.len()
	return g
}

// WithFactor returns a copy of f with column name as a string column whose
// levels are given in factor order; values not among levels are an error.
// Values equal to "NA" are missing.
func (f *Frame) WithFactor(name string, values []string, levels []string) *Frame {
	idx := map[string]int32{}
	for k, l := range levels {
		idx[l] = int32(k)
	}
	c := &column{name: name, kind: kString, c: make([]int32, len(values)), lv: append([]string(nil), levels...)}
	for r, v := range values {
		k, ok := idx[v]
		if !ok {
			if v == "NA" {
				c.c[r] = -1
				continue
			}
			panic(errorf("WithFactor", "row %d value %q of %q is not among the levels %v", r+1, v, name, levels))
		}
		c.c[r] = k
	}
	return f.withColumn(c, "WithFactor")
}

// SetLevels returns a copy of f where string column name has its levels in
// the given order (R's factor(x, levels = …)). Every present value must be
// listed; listing extra levels is allowed (they have count zero).
func (f *Frame) SetLevels(name string, levels ...string) *Frame {
	c := f.mustCol("SetLevels", name)
	if c.kind != kString {
		panic(errorf("SetLevels", "column %q is %s; levels apply to string columns (convert with AsString)", name, c.kind))
	}
	idx := map[string]int32{}
	for k, l := range levels {
		if _, dup := idx[l]; dup {
			panic(errorf("SetLevels", "level %q listed twice", l))
		}
		idx[l] = int32(k)
	}
	remap := make([]int32, len(c.lv))
	for k, l := range c.lv {
		nk, ok := idx[l]
		if !ok {
			panic(errorf("SetLevels", "column %q has value %q, which is not among the new levels %v", name, l, levels))
		}
		remap[k] = nk
	}
	nc := &column{name: name, kind: kString, c: make([]int32, len(c.c)), lv: append([]string(nil), levels...), ord: c.ord}
	for r, v := range c.c {
		if v < 0 {
			nc.c[r] = -1
		} else {
			nc.c[r] = remap[v]
		}
	}
	return f.withColumn(nc, "SetLevels")
}

// AsOrdered returns a copy of f where string column name is an ordered
// factor (R's ordered(x, levels = …)): its levels, in the given order or
// in the current factor order when none are given, run from lowest to
// highest. Models code an ordered factor with polynomial contrasts (R's
// contr.poly) instead of treatment dummies; displays tag it <ord>. The
// mark survives row selection (Filter, Sort, Head, Sample, …), Select,
// Rename, SetLevels, Concat and joins; AsString makes it a plain factor
// again.
// Use IsOrdered to test it.
//
//	esoph = esoph.AsOrdered("agegp")                     // keep the level order
//	f = f.AsOrdered("size", "small", "medium", "large")  // set it
func (f *Frame) AsOrdered(name string, levels ...string) *Frame {
	g := f
	if len(levels) > 0 {
		g = f.SetLevels(name, levels...)
	}
	c := g.mustCol("AsOrdered", name)
	if c.kind != kString {
		panic(errorf("AsOrdered", "column %q is %s; an ordered factor needs a string column (convert with AsString first)", name, c.kind))
	}
	nc := *c
	nc.ord = true
	return g.withColumn(&nc, "AsOrdered")
}

// IsOrdered reports whether column name is an ordered factor (see
// AsOrdered), as R's is.ordered. It panics with an *Error for an unknown
// name.
func (f *Frame) IsOrdered(name string) bool { return f.mustCol("IsOrdered", name).ord }

// AsString returns a copy of f with the named columns converted to string
// (categorical) columns; an ordered factor (AsOrdered) becomes a plain one.
func (f *Frame) AsString(names ...string) *Frame {
	g := f.Copy()
	for _, name := range names {
		c := f.mustCol("AsString", name)
		if c.kind == kString {
			if c.ord { // an ordered factor becomes a plain one
				nc := *c
				nc.ord = false
				g.cols[g.index(name)] = &nc
			}
			continue
		}
		vals := make([]string, f.nrows)
		na := make([]bool, f.nrows)
		for r := range vals {
			if c.isNA(r) {
				na[r] = true
			} else {
				vals[r] = c.str(r)
			}
		}
		nc := &column{name: name, kind: kString}
		nc.c, nc.lv = encodeStrings(vals, na)
		g.cols[g.index(name)] = nc
	}
	return g
}

// AsFloat returns a copy of f with the named columns converted to float.
// String columns must hold numbers; a value that is not a number is an
// error naming the row and value.
func (f *Frame) AsFloat(names ...string) *Frame {
	g := f.Copy()
	for _, name := range names {
		c := f.mustCol("AsFloat", name)
		nc := &column{name: name, kind: kFloat, f: make([]float64, f.nrows)}
		if c.kind == kString {
			lvv := make([]float64, len(c.lv))
			for k, l := range c.lv {
				v, err := strconv.ParseFloat(strings.TrimSpace(l), 64)
				if err != nil {
					panic(errorf("AsFloat", "column %q has the value %q, which is not a number", name, l))
				}
				lvv[k] = v
			}
			for r, k := range c.c {
				if k < 0 {
					nc.f[r] = math.NaN()
				} else {
					nc.f[r] = lvv[k]
				}
			}
		} else {
			copy(nc.f, c.floats())
		}
		g.cols[g.index(name)] = nc
	}
	return g
}

// FromRecords builds a frame from a header and rows of strings, inferring
// each column's type as ReadCSV does (the options' NA tokens and Types
// apply).
func FromRecords(header []string, rows [][]string, opts ...CSVOptions) (*Frame, error) {
	o := csvOpts(opts)
	na := o.naSet()
	cols := make([]*column, len(header))
	for j, name := range header {
		vals := make([]string, len(rows))
		for r, row := range rows {
			if len(row) != len(header) {
				return nil, errorf("FromRecords", "row %d has %d fields, the header has %d", r+1, len(row), len(header))
			}
			vals[r] = row[j]
		}
		c, err := inferColumn(name, vals, na, o.Types[name], func(r int) string { return fmt.Sprintf("row %d", r+1) })
		if err != nil {
			return nil, wrapErr("FromRecords", err)
		}
		cols[j] = c
	}
	return newFrame(cols), nil
}

// FromMaps builds a frame from records such as decoded JSON objects. The
// columns are the union of keys (in first-seen order); a missing key or nil
// is NA. Values may be numbers, strings or bools.
func FromMaps(records []map[string]any) (*Frame, error) {
	var names []string
	seen := map[string]bool{}
	for _, rec := range records {
		keys := make([]string, 0, len(rec))
		for k := range rec {
			if !seen[k] {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			seen[k] = true
			names = append(names, k)
		}
	}
	return fromMapsOrdered(names, records)
}

func fromMapsOrdered(names []string, records []map[string]any) (*Frame, error) {
	cols := make([]*column, len(names))
	for j, name := range names {
		isNum, isBool, isStr := true, true, true
		for _, rec := range records {
			switch rec[name].(type) {
			case nil:
			case float64, float32, int, int64, int32:
				isBool, isStr = false, false
			case bool:
				isNum, isStr = false, false
			case string:
				isNum, isBool = false, false
			default:
				return nil, errorf("FromMaps", "column %q: unsupported value type %T", name, rec[name])
			}
		}
		c := &column{name: name}
		n := len(records)
		switch {
		case isNum && !isStr:
			c.kind, c.f = kFloat, make([]float64, n)
			allInt := true
			for r, rec := range records {
				c.f[r] = math.NaN()
				switch v := rec[name].(type) {
				case float64:
					c.f[r] = v
				case float32:
					c.f[r] = float64(v)
				case int:
					c.f[r] = float64(v)
				case int64:
					c.f[r] = float64(v)
				case int32:
					c.f[r] = float64(v)
				}
				if v := c.f[r]; v == v && (v != math.Trunc(v) || math.Abs(v) > 1<<53) {
					allInt = false
				}
			}
			if allInt && n > 0 {
				c = floatToInt(c)
			}
		case isBool && !isStr && !isNum:
			c.kind, c.b = kBool, make([]int8, n)
			for r, rec := range records {
				c.b[r] = -1
				if v, ok := rec[name].(bool); ok {
					c.b[r] = 0
					if v {
						c.b[r] = 1
					}
				}
			}
		case isStr:
			vals := make([]string, n)
			na := make([]bool, n)
			for r, rec := range records {
				s, ok := rec[name].(string)
				vals[r], na[r] = s, !ok
			}
			c.kind = kString
			c.c, c.lv = encodeStrings(vals, na)
		default:
			return nil, errorf("FromMaps", "column %q mixes numbers, strings and bools", name)
		}
		cols[j] = c
	}
	return newFrame(cols), nil
}

// floatToInt converts a float column of whole numbers to an int column.
func floatToInt(c *column) *column {
	out := &column{name: c.name, kind: kInt, i: make([]int64, len(c.f))}
	for r, v := range c.f {
		if v != v {
			if out.na == nil {
				out.na = make([]bool, len(c.f))
			}
			out.na[r] = true
			continue
		}
		out.i[r] = int64(v)
	}
	return out
}

// inferColumn types a column of raw strings: bool if every non-NA value is
// a bool literal, numeric if every one is a number (int when all are whole
// literals), string otherwise. When most values are numbers but a few are
// not, it returns an error naming the first offender (never a silent type
// change). typ forces a type ("float", "int", "string", "bool").
func inferColumn(name string, vals []string, na map[string]bool, typ string, where func(r int) string) (*column, error) {
	n := len(vals)
	isNA := make([]bool, n)
	nNum, nBad, nBool, nVal := 0, 0, 0, 0
	firstBad := -1
	fv := make([]float64, n)
	allInt := true
	for r, s := range vals {
		t := strings.TrimSpace(s)
		if na[t] || (t == "" && na[""]) {
			isNA[r] = true
			fv[r] = math.NaN()
			continue
		}
		nVal++
		if _, ok := parseBool(t); ok {
			nBool++
		}
		v, isInt, ok := parseNumber([]byte(t))
		if ok {
			nNum++
			fv[r] = v
			if !isInt {
				allInt = false
			}
		} else {
			nBad++
			fv[r] = math.NaN()
			if firstBad < 0 {
				firstBad = r
			}
		}
	}
	switch typ {
	case "":
		switch {
		case nVal > 0 && nBool == nVal:
			typ = "bool"
		case nBad == 0:
			typ = "float"
			if allInt && nNum > 0 {
				typ = "int"
			}
		case nNum > nBad:
			return nil, fmt.Errorf("%s, column %q: %q is not a number, but %d of the column's %d values are; fix the value, add it to the NA tokens (NA: []string{%q}), or read the column as text with Types: map[string]string{%q: \"string\"}",
				where(firstBad), name, vals[firstBad], nNum, nVal, vals[firstBad], name)
		default:
			typ = "string"
		}
	case "float", "int", "string", "bool":
	default:
		return nil, fmt.Errorf("column %q: unknown type %q (use float, int, string or bool)", name, typ)
	}
	c := &column{name: name}
	switch typ {
	case "float", "int":
		if nBad > 0 {
			return nil, fmt.Errorf("%s, column %q: %q is not a number, but the column was asked to be %s; fix the value or add it to the NA tokens", where(firstBad), name, vals[firstBad], typ)
		}
		c.kind, c.f = kFloat, fv
		if typ == "int" {
			for r, v := range fv {
				if v == v && v != math.Trunc(v) {
					return nil, fmt.Errorf("%s, column %q: %q is not a whole number, but the column was asked to be int", where(r), name, vals[r])
				}
			}
			c = floatToInt(c)
			c.name = name
		}
	case "bool":
		c.kind, c.b = kBool, make([]int8, n)
		for r, s := range vals {
			if isNA[r] {
				c.b[r] = -1
				continue
			}
			b, ok := parseBool(strings.TrimSpace(s))
			if !ok {
				return nil, fmt.Errorf("%s, column %q: %q is not true/false", where(r), name, s)
			}
			if b {
				c.b[r] = 1
			}
		}
	case "string":
		c.kind = kString
		c.c, c.lv = encodeStrings(vals, isNA)
	}
	return c, nil
}

func parseBool(s string) (bool, bool) {
	switch s {
	case "true", "TRUE", "True":
		return true, true
	case "false", "FALSE", "False":
		return false, true
	}
	return false, false
}

// FromColumnMap builds a frame from a map of column name to column (as in
// FromColumns). Go maps have no order, so columns are sorted by name; use
// FromColumns or New to choose the order.
func FromColumnMap(cols map[string]any) (*Frame, error) {
	names := make([]string, 0, len(cols))
	for n := range cols {
		names = append(names, n)
	}
	sort.Strings(names)
	vals := make([]any, len(names))
	for k, n := range names {
		vals[k] = cols[n]
	}
	return FromColumns(names, vals...)
}
