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
