// Package frame is gostat's dataframe: a column-oriented table of typed
// columns (float, int, string/categorical, bool) with fast compiled
// operations for reading, selecting, filtering, sorting, grouping, joining,
// reshaping, cleaning, encoding and splitting data.
//
// # Overview
//
//	Build:    New("x", xs, "g", gs), FromColumns, FromColumnMap, FromRecords, FromMaps
//	Read:     ReadCSV(path, CSVOptions{…}), ParseCSV, ReadJSON, ParseJSON, FromGota
//	Write:    f.WriteCSV, f.WriteJSON, f.CSV, f.ToMaps, f.ToGota
//	Look:     f.Names, f.Types, f.Shape, f.Head, f.Tail, f.Glimpse, f.Col, f.Factor, f.Levels, f.Matrix
//	Shape:    f.Select, f.Drop, f.Rename, f.Filter("mpg > 20"), f.Where, f.Mutate("k", "a * 2"),
//	          f.Sort("cyl", "-mpg"), f.Join, f.Pivot, f.Melt, Concat, f.Unique, f.Sample
//	Summarise: f.GroupBy(keys…).Agg("mean(x)", …), f.Describe, f.Profile, f.ValueCounts,
//	          f.Crosstab, f.CorMatrix, f.Mean/Median/SD/Quantile(col)
//	Clean:    f.NACounts, f.DropNA, f.DropNACols, f.Impute, f.FillNA, f.SetNA
//	Prepare:  NewStandardize, NewMinMax, NewLog, NewBoxCox, NewOneHot, NewOrdinal,
//	          NewBinning, NewPolynomial, NewInteractions, NewImputer (Transformers)
//	Split:    f.TrainTest(0.25, seed, "class"), f.Folds(k, seed), KFold, StratifiedKFold
//
// # Types and missing values
//
// Every column has one of four types:
//
//   - "float": float64; a missing value (NA) is NaN.
//   - "int":   int64 with a separate missing mask.
//   - "string": categorical text, stored as integer codes into a list of
//     levels in factor order (sorted unless an explicit order was set, as R's
//     factor() does; texts sort bytewise as in R's C locale, and texts that
//     are numbers sort numerically before the others, so "2" < "10"). NA is a missing code.
//     A string column can be marked an ordered factor (AsOrdered, IsOrdered;
//     shown <ord>), which models code with polynomial contrasts as R does.
//   - "bool":  true/false with NA.
//
// The NA rule: every aggregate (Sum, Mean, Median, SD, Var, Min, Max,
// Quantile, NUnique, group-by summaries, Describe, Profile) skips missing
// values, like R's na.rm = TRUE and pandas' skipna = True. An aggregate over
// zero non-missing values is NA (NaN) except counts, which are 0.
//
// # Errors
//
// Reading and writing return an error. Table operations (Select, Filter,
// Sort, GroupBy, Join, …) return a new *Frame and panic with an *Error on bad
// input, such as an unknown column name (the message suggests the closest
// existing name); at the gostat prompt the panic is reported as an error and
// the session goes on. Frames are immutable: every operation returns a new
// frame and leaves its input unchanged.
//
// # gota
//
// ToGota and FromGota convert to and from github.com/go-gota/gota's
// dataframe.DataFrame, so gota's API keeps working on gostat data.
package frame

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// kind is a column's type.
type kind uint8

const (
	kFloat kind = iota
	kInt
	kString
	kBool
)

func (k kind) String() string {
	switch k {
	case kFloat:
		return "float"
	case kInt:
		return "int"
	case kString:
		return "string"
	default:
		return "bool"
	}
}

func (k kind) short() string {
	switch k {
	case kFloat:
		return "dbl"
	case kInt:
		return "int"
	case kString:
		return "str"
	default:
		return "lgl"
	}
}

// column holds one typed column. Exactly one of the data slices is used,
// chosen by kind. Columns are never modified after construction.
type column struct {
	name string
	kind kind
	f    []float64 // kFloat; NaN = NA
	i    []int64   // kInt
	na   []bool    // kInt: missing mask (nil when nothing is missing)
	c    []int32   // kString: codes into levels, -1 = NA
	lv   []string  // kString: levels in factor order
	b    []int8    // kBool: 0 false, 1 true, -1 NA
	ord  bool      // kString: an ordered factor (R's ordered()); see AsOrdered
}

// short is the column's type tag in displays: "dbl", "int", "str", "lgl",
// or "ord" for an ordered factor (R's tibble shows <ord>).
func (c *column) short() string {
	if c.ord {
		return "ord"
	}
	return c.kind.short()
}

func (c *column) len() int {
	switch c.kind {
	case kFloat:
		return len(c.f)
	case kInt:
		return len(c.i)
	case kString:
		return len(c.c)
	default:
		return len(c.b)
	}
}

func (c *column) isNA(r int) bool {
	switch c.kind {
	case kFloat:
		return math.IsNaN(c.f[r])
	case kInt:
		return c.na != nil && c.na[r]
	case kString:
		return c.c[r] < 0
	default:
		return c.b[r] < 0
	}
}

func (c *column) numeric() bool { return c.kind == kFloat || c.kind == kInt || c.kind == kBool }

// float returns row r as float64 (NaN for NA; bool as 0/1; strings NaN).
func (c *column) float(r int) float64 {
	switch c.kind {
	case kFloat:
		return c.f[r]
	case kInt:
		if c.na != nil && c.na[r] {
			return math.NaN()
		}
		return float64(c.i[r])
	case kBool:
		if c.b[r] < 0 {
			return math.NaN()
		}
		return float64(c.b[r])
	}
	return math.NaN()
}

// floats returns the column as a float64 slice (shared for float columns;
// callers must not modify it).
func (c *column) floats() []float64 {
	if c.kind == kFloat {
		return c.f
	}
	out := make([]float64, c.len())
	for r := range out {
		out[r] = c.float(r)
	}
	return out
}

// str formats row r; NA is "NA".
func (c *column) str(r int) string {
	switch c.kind {
	case kFloat:
		if math.IsNaN(c.f[r]) {
			return "NA"
		}
		return formatFloat(c.f[r])
	case kInt:
		if c.na != nil && c.na[r] {
			return "NA"
		}
		return strconv.FormatInt(c.i[r], 10)
	case kString:
		if c.c[r] < 0 {
			return "NA"
		}
		return c.lv[c.c[r]]
	default:
		switch c.b[r] {
		case 0:
			return "false"
		case 1:
			return "true"
		}
		return "NA"
	}
}

// formatFloat formats v with up to 15 significant digits, shortest form.
func formatFloat(v float64) string {
	if math.IsInf(v, 1) {
		return "Inf"
	}
	if math.IsInf(v, -1) {
		return "-Inf"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if len(s) > 17 {
		s = strconv.FormatFloat(v, 'g', 15, 64)
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == v {
			return s
		}
		s = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return s
}

// naCount returns the number of missing values.
func (c *column) naCount() int {
	n := 0
	switch c.kind {
	case kFloat:
		for _, v := range c.f {
			if v != v {
				n++
			}
		}
	case kInt:
		for _, m := range c.na {
			if m {
				n++
			}
		}
	case kString:
		for _, v := range c.c {
			if v < 0 {
				n++
			}
		}
	default:
		for _, v := range c.b {
			if v < 0 {
				n++
			}
		}
	}
	return n
}

// take returns a new column with the rows idx (idx[k] < 0 gives NA).
func (c *column) take(idx []int) *column {
	out := &column{name: c.name, kind: c.kind, lv: c.lv, ord: c.ord}
	switch c.kind {
	case kFloat:
		out.f = make([]float64, len(idx))
		for k, r := range idx {
			if r < 0 {
				out.f[k] = math.NaN()
			} else {
				out.f[k] = c.f[r]
			}
		}
	case kInt:
		out.i = make([]int64, len(idx))
		var na []bool
		for k, r := range idx {
			if r < 0 || (c.na != nil && c.na[r]) {
				if na == nil {
					na = make([]bool, len(idx))
				}
				na[k] = true
				continue
			}
			out.i[k] = c.i[r]
		}
		out.na = na
	case kString:
		out.c = make([]int32, len(idx))
		for k, r := range idx {
			if r < 0 {
				out.c[k] = -1
			} else {
				out.c[k] = c.c[r]
			}
		}
	default:
		out.b = make([]int8, len(idx))
		for k, r := range idx {
			if r < 0 {
				out.b[k] = -1
			} else {
				out.b[k] = c.b[r]
			}
		}
	}
	return out
}

func (c *column) renamed(name string) *column {
	d := *c
	d.name = name
	return &d
}

// Frame is a table of named, typed columns of equal length. Use it as
// *frame.Frame; build one with New, FromColumns, FromRecords, FromMaps,
// ReadCSV, ReadJSON or datasets.Load.
type Frame struct {
	cols     []*column
	nrows    int
	warnings []string
}

func newFrame(cols []*column) *Frame {
	f := &Frame{cols: cols}
	if len(cols) > 0 {
		f.nrows = cols[0].len()
	}
	return f
}

// Names returns the column names in order.
func (f *Frame) Names() []string {
	out := make([]string, len(f.cols))
	for j, c := range f.cols {
		out[j] = c.name
	}
	return out
}

// NRows returns the number of rows.
func (f *Frame) NRows() int { return f.nrows }

// NCols returns the number of columns.
func (f *Frame) NCols() int { return len(f.cols) }

// Shape returns the number of rows and columns.
func (f *Frame) Shape() (rows, cols int) { return f.nrows, len(f.cols) }

// Types returns each column's type: "float", "int", "string" or "bool".
func (f *Frame) Types() []string {
	out := make([]string, len(f.cols))
	for j, c := range f.cols {
		out[j] = c.kind.String()
	}
	return out
}

// Type returns the type of column name: "float", "int", "string" or "bool".
// It panics with an *Error for an unknown name.
func (f *Frame) Type(name string) string { return f.mustCol("Type", name).kind.String() }

// Has reports whether the frame has a column called name.
func (f *Frame) Has(name string) bool { return f.index(name) >= 0 }

// Warnings returns the warnings collected while the frame was read (for
// example ragged rows that were padded or skipped).
func (f *Frame) Warnings() []string { return append([]string(nil), f.warnings...) }

func (f *Frame) index(name string) int {
	for j, c := range f.cols {
		if c.name == name {
			return j
		}
	}
	return -1
}

func (f *Frame) col(name string) (*column, error) {
	j := f.index(name)
	if j < 0 {
		return nil, unknownColumn(name, f.Names())
	}
	return f.cols[j], nil
}

func (f *Frame) mustCol(op, name string) *column {
	c, err := f.col(name)
	if err != nil {
		panic(wrapErr(op, err))
	}
	return c
}

// Floats returns a copy of a numeric or bool column as float64, with NA as
// NaN and bool as 0/1. A string column or an unknown name is an error (the
// message names the closest existing column).
func (f *Frame) Floats(name string) ([]float64, error) {
	c, err := f.col(name)
	if err != nil {
		return nil, err
	}
	if !c.numeric() {
		return nil, &Error{Op: "Floats", Msg: fmt.Sprintf("column %q is %s, not numeric; use Strings(%q), or encode it with OneHot/Ordinal", name, c.kind, name)}
	}
	if c.kind == kFloat {
		return append([]float64(nil), c.f...), nil
	}
	return c.floats(), nil
}

// Col returns a numeric column as float64 (NA as NaN) like Floats, and
// panics with the same clear error for an unknown or non-numeric column.
// Like Floats it returns a copy, so changing it leaves the frame as it is;
// take it once before a loop (x := f.Col("mpg")), or use Value for single
// values.
func (f *Frame) Col(name string) []float64 {
	v, err := f.Floats(name)
	if err != nil {
		panic(wrapErr("Col", err))
	}
	return v
}

// Ints returns a copy of an int or bool column as int64 and its missing
// mask (nil when nothing is missing). Float columns convert when every
// value is a whole number.
func (f *Frame) Ints(name string) ([]int64, []bool, error) {
	c, err := f.col(name)
	if err != nil {
		return nil, nil, err
	}
	switch c.kind {
	case kInt:
		return append([]int64(nil), c.i...), append([]bool(nil), c.na...), nil
	case kFloat, kBool:
		out := make([]int64, f.nrows)
		var na []bool
		for r := range out {
			v := c.float(r)
			if v != v {
				if na == nil {
					na = make([]bool, f.nrows)
				}
				na[r] = true
				continue
			}
			if v != math.Trunc(v) {
				return nil, nil, &Error{Op: "Ints", Msg: fmt.Sprintf("column %q row %d is %v, not a whole number", name, r+1, v)}
			}
			out[r] = int64(v)
		}
		return out, na, nil
	}
	return nil, nil, &Error{Op: "Ints", Msg: fmt.Sprintf("column %q is string, not numeric", name)}
}

// Strings returns any column formatted as strings, with NA as "NA".
func (f *Frame) Strings(name string) ([]string, error) {
	c, err := f.col(name)
	if err != nil {
		return nil, err
	}
	out := make([]string, f.nrows)
	for r := range out {
		out[r] = c.str(r)
	}
	return out, nil
}

// Factor returns a column as strings (NA as "NA") like Strings, and panics
// with the same clear error for an unknown column.
func (f *Frame) Factor(name string) []string {
	v, err := f.Strings(name)
	if err != nil {
		panic(wrapErr("Factor", err))
	}
	return v
}

// Codes returns a string or bool column's level codes (0-based index into
// Levels(name), -1 for NA).
func (f *Frame) Codes(name string) ([]int, error) {
	c, err := f.col(name)
	if err != nil {
		return nil, err
	}
	out := make([]int, f.nrows)
	switch c.kind {
	case kString:
		for r, v := range c.c {
			out[r] = int(v)
		}
	case kBool:
		for r, v := range c.b {
			out[r] = int(v)
		}
	default:
		return nil, &Error{Op: "Codes", Msg: fmt.Sprintf("column %q is %s; codes exist for string and bool columns", name, c.kind)}
	}
	return out, nil
}

// NA returns a mask that is true where column name is missing.
func (f *Frame) NA(name string) ([]bool, error) {
	c, err := f.col(name)
	if err != nil {
		return nil, err
	}
	out := make([]bool, f.nrows)
	for r := range out {
		out[r] = c.isNA(r)
	}
	return out, nil
}

// IsNumeric reports whether column name is a float or int column (false
// for string and bool columns, which are categorical, and unknown names).
func (f *Frame) IsNumeric(name string) bool {
	c, err := f.col(name)
	return err == nil && (c.kind == kFloat || c.kind == kInt)
}

// IsCategorical reports whether column name is a string or bool column.
func (f *Frame) IsCategorical(name string) bool {
	c, err := f.col(name)
	return err == nil && (c.kind == kString || c.kind == kBool)
}

// Levels returns the levels of a string or bool column in factor order (the
// explicit order if one was set with SetLevels, otherwise sorted; bool is
// false, true). It returns nil for numeric columns and unknown names.
func (f *Frame) Levels(name string) []string {
	c, err := f.col(name)
	if err != nil {
		return nil
	}
	switch c.kind {
	case kString:
		return append([]string(nil), c.lv...)
	case kBool:
		return []string{"false", "true"}
	}
	return nil
}

// NumericNames returns the names of the float and int columns.
func (f *Frame) NumericNames() []string {
	var out []string
	for _, c := range f.cols {
		if c.kind == kFloat || c.kind == kInt {
			out = append(out, c.name)
		}
	}
	return out
}

// Matrix returns the named columns (all numeric columns when no names are
// given) as an n×p gonum matrix, one row per frame row. Bool columns are
// 0/1 and NA is NaN. A string column is an error suggesting OneHot.
func (f *Frame) Matrix(names ...string) (*mat.Dense, error) {
	if len(names) == 0 {
		for _, c := range f.cols {
			if c.numeric() {
				names = append(names, c.name)
			}
		}
	}
	if len(names) == 0 || f.nrows == 0 {
		return nil, &Error{Op: "Matrix", Msg: fmt.Sprintf("no numeric data (frame is %d×%d)", f.nrows, len(f.cols))}
	}
	p := len(names)
	cols := make([]*column, p)
	for j, name := range names {
		c, err := f.col(name)
		if err != nil {
			return nil, wrapErr("Matrix", err)
		}
		if !c.numeric() {
			return nil, &Error{Op: "Matrix", Msg: fmt.Sprintf("column %q is string; encode it first, e.g. frame.NewOneHot(%q)", name, name)}
		}
		cols[j] = c
	}
	data := make([]float64, f.nrows*p)
	// Row blocks in parallel; float columns copy without conversion.
	parallelRange(f.nrows, func(lo, hi int) {
		for j, c := range cols {
			if c.kind == kFloat {
				src := c.f
				for r := lo; r < hi; r++ {
					data[r*p+j] = src[r]
				}
				continue
			}
			for r := lo; r < hi; r++ {
				data[r*p+j] = c.float(r)
			}
		}
	})
	return mat.NewDense(f.nrows, p, data), nil
}

// Row returns row r (0-based) as strings keyed by column name.
func (f *Frame) Row(r int) map[string]string {
	if r < 0 || r >= f.nrows {
		panic(&Error{Op: "Row", Msg: fmt.Sprintf("row %d out of range: the frame has %d rows (rows count from 0)", r, f.nrows)})
	}
	out := make(map[string]string, len(f.cols))
	for _, c := range f.cols {
		out[c.name] = c.str(r)
	}
	return out
}

// Value returns the value at row r (0-based) of column name as float64
// (NaN for NA); string columns are an error.
func (f *Frame) Value(name string, r int) float64 {
	c := f.mustCol("Value", name)
	if r < 0 || r >= f.nrows {
		panic(&Error{Op: "Value", Msg: fmt.Sprintf("row %d out of range: the frame has %d rows (rows count from 0)", r, f.nrows)})
	}
	if !c.numeric() {
		panic(&Error{Op: "Value", Msg: fmt.Sprintf("column %q is string; use Strings", name)})
	}
	return c.float(r)
}

// Copy returns a copy of the frame (columns are shared; frames are
// immutable, so this is cheap).
func (f *Frame) Copy() *Frame {
	return &Frame{cols: append([]*column(nil), f.cols...), nrows: f.nrows}
}

// encodeStrings builds levels and codes from raw strings (levels sorted).
func encodeStrings(vals []string, na []bool) ([]int32, []string) {
	idx := map[string]int32{}
	codes := make([]int32, len(vals))
	var lv []string
	for r, s := range vals {
		if na != nil && na[r] {
			codes[r] = -1
			continue
		}
		k, ok := idx[s]
		if !ok {
			k = int32(len(lv))
			idx[s] = k
			lv = append(lv, s)
		}
		codes[r] = k
	}
	sortLevels(codes, lv)
	return codes, lv
}

// sortLevels sorts lv in place and remaps codes accordingly.
func sortLevels(codes []int32, lv []string) {
	order := naturalOrder(lv)
	inOrder := true
	for k, o := range order {
		inOrder = inOrder && k == o
	}
	if inOrder {
		return
	}
	remap := make([]int32, len(lv))
	sorted := make([]string, len(lv))
	for newk, oldk := range order {
		remap[oldk] = int32(newk)
		sorted[newk] = lv[oldk]
	}
	copy(lv, sorted)
	for r, c := range codes {
		if c >= 0 {
			codes[r] = remap[c]
		}
	}
}

// naturalOrder returns the permutation that sorts lv by lessNatural,
// parsing each text once.
func naturalOrder(lv []string) []int {
	num := make([]float64, len(lv))
	isNum := make([]bool, len(lv))
	for k, s := range lv {
		v, err := strconv.ParseFloat(s, 64)
		num[k], isNum[k] = v, err == nil && v == v
	}
	order := make([]int, len(lv))
	for k := range order {
		order[k] = k
	}
	sort.Slice(order, func(x, y int) bool {
		a, b := order[x], order[y]
		switch {
		case isNum[a] && isNum[b]:
			if num[a] != num[b] {
				return num[a] < num[b]
			}
		case isNum[a] != isNum[b]:
			return isNum[a]
		}
		return lv[a] < lv[b]
	})
	return order
}

// lessNatural orders level strings: texts that are numbers come first, in
// numeric order (ties bytewise), then the other texts bytewise. It is a
// strict weak order, so sorting with it is well defined.
func lessNatural(a, b string) bool {
	fa, ea := strconv.ParseFloat(a, 64)
	fb, eb := strconv.ParseFloat(b, 64)
	an, bn := ea == nil && fa == fa, eb == nil && fb == fb
	switch {
	case an && bn:
		if fa != fb {
			return fa < fb
		}
		return a < b
	case an != bn:
		return an
	}
	return a < b
}
