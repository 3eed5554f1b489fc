package stats

import "github.com/gostat/gostat/builtins/frame"

// frameCols returns the named numeric columns of f (all numeric columns
// when names is empty).
func frameCols(fn string, f *frame.Frame, names []string) ([]string, [][]float64, error) {
	if f == nil {
		return nil, nil, inputErr(fn, "frame", "is nil", "load data first, e.g. datasets.MustLoad(\"mtcars\")")
	}
	if len(names) == 0 {
		for _, n := range f.Names() {
			if f.IsNumeric(n) {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			return nil, nil, inputErr(fn, "frame", "has no numeric columns", "")
		}
	}
	cols := make([][]float64, len(names))
	for i, n := range names {
		v, err := f.Floats(n)
		if err != nil {
			return nil, nil, inputErr(fn, "column", "%v", "", err)
		}
		cols[i] = v
	}
	return names, cols, nil
}

// CorFrame returns the correlation matrix (method "pearson", "spearman" or
// "kendall"; "" means Pearson) of the named numeric columns of a frame, or
// of all its numeric columns when none are named; pairs use their complete
// cases. Example: stats.CorFrame(cars, "", "mpg", "wt", "hp").
func CorFrame(f *frame.Frame, method string, names ...string) (*Matrix, error) {
	n, cols, err := frameCols("CorFrame", f, names)
	if err != nil {
		return nil, err
	}
	return CorMatrix(n, cols, method)
}

// CovFrame returns the covariance matrix (n-1) of the named numeric
// columns of a frame, or of all its numeric columns when none are named.
func CovFrame(f *frame.Frame, names ...string) (*Matrix, error) {
	n, cols, err := frameCols("CovFrame", f, names)
	if err != nil {
		return nil, err
	}
	return CovMatrix(n, cols)
}

// frameFactor returns column name of f as labels ("NA" when missing) and its
// level order (nil for numeric columns: sorted).
func frameFactor(fn string, f *frame.Frame, name string) ([]string, []string, error) {
	if f == nil {
		return nil, nil, inputErr(fn, "frame", "is nil", "load data first, e.g. datasets.MustLoad(\"mtcars\")")
	}
	v, err := f.Strings(name)
	if err != nil {
		return nil, nil, inputErr(fn, "column", "%v", "", err)
	}
	return v, f.Levels(name), nil
}

// CrossTabOf cross-tabulates columns a and b of a frame (R's table(a, b)),
// in the frame's level order. With a weight column it sums the weights
// instead of counting rows, as R's xtabs(w ~ a + b) does for tables stored
// as counts: stats.CrossTabOf(titanic, "Class", "Survived", "Freq"). Rows
// with a missing value are skipped (counted in NA). Test the table with its
// ChisqTest or FisherTest method.
func CrossTabOf(f *frame.Frame, a, b string, weight ...string) (*ContingencyTable, error) {
	if len(weight) > 1 {
		return nil, inputErr("CrossTabOf", "weight", "names %d columns", "pass at most one weight column", len(weight))
	}
	av, alv, err := frameFactor("CrossTabOf", f, a)
	if err != nil {
		return nil, err
	}
	bv, blv, err := frameFactor("CrossTabOf", f, b)
	if err != nil {
		return nil, err
	}
	var w []float64
	if len(weight) == 1 {
		if w, err = f.Floats(weight[0]); err != nil {
			return nil, inputErr("CrossTabOf", "weight column", "%v", "", err)
		}
	}
	t, err := crossTab("CrossTabOf", av, bv, w, alv, blv)
	if err != nil {
		return nil, err
	}
	t.RowVar, t.ColVar = a, b
	return t, nil
}

// ChisqTestOf tests the independence of columns a and b of a frame
// (R's chisq.test(df$a, df$b)); see ChisqTest. The data line names the
// columns. For a frame of counts use CrossTabOf with a weight column and
// its ChisqTest method.
func ChisqTestOf(f *frame.Frame, a, b string, opts ...Opt) (*HTest, error) {
	t, err := CrossTabOf(f, a, b)
	if err != nil {
		return nil, err
	}
	return t.ChisqTest(opts...)
}

// TTestOf performs the two-sample t-test of numeric column y of a frame
// split by the two-level column g (R's t.test(y ~ g, data = df)); see
// TTestBy. The data line names the columns: "extra by group".
func TTestOf(f *frame.Frame, y, g string, opts ...Opt) (*HTest, error) {
	gv, lv, err := frameFactor("TTestOf", f, g)
	if err != nil {
		return nil, err
	}
	yv, err := f.Floats(y)
	if err != nil {
		return nil, inputErr("TTestOf", "column", "%v", "", err)
	}
	var o Opt
	if len(opts) > 1 {
		return nil, inputErr("TTestOf", "options", "were given %d times", "pass a single stats.Opt{...}", len(opts))
	}
	if len(opts) == 1 {
		o = opts[0]
	}
	if o.Data == "" {
		o.Data = y + " by " + g
	}
	if o.Levels == nil && len(lv) == 2 {
		o.Levels = lv
	}
	return TTestBy(yv, gv, o)
}
