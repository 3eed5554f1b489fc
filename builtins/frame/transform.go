package frame

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Transformer is a feature-preparation step that learns its parameters from
// training data (Fit) and applies them unchanged to any frame (Transform),
// so test data never leaks into training. FitTransform is Fit followed by
// Transform on the same frame. Pipelines in package ml chain Transformers.
type Transformer interface {
	Fit(f *Frame) error
	Transform(f *Frame) (*Frame, error)
	FitTransform(f *Frame) (*Frame, error)
}

// resolveCols returns cols, or the frame's numeric (or categorical) columns
// when cols is empty, checking that each exists and has the right kind.
func resolveCols(op string, f *Frame, cols []string, numeric bool) ([]string, error) {
	if len(cols) == 0 {
		for _, c := range f.cols {
			if numeric && (c.kind == kFloat || c.kind == kInt) || !numeric && (c.kind == kString || c.kind == kBool) {
				cols = append(cols, c.name)
			}
		}
		if len(cols) == 0 {
			what := "numeric"
			if !numeric {
				what = "string or bool"
			}
			return nil, errorf(op, "the frame has no %s columns", what)
		}
		return cols, nil
	}
	for _, name := range cols {
		c, err := f.col(name)
		if err != nil {
			return nil, wrapErr(op, err)
		}
		if numeric && !c.numeric() {
			return nil, errorf(op, "column %q is string; this step needs numbers (encode it with OneHot or Ordinal)", name)
		}
	}
	return cols, nil
}

func notFitted(op string) error {
	return errorf(op, "not fitted: call Fit (or FitTransform) on training data first")
}

// mapColumns replaces each named column by fn(values) as a float column.
func mapColumns(op string, f *Frame, cols []string, fn func(k int, name string, x []float64) ([]float64, error)) (*Frame, error) {
	g := f.Copy()
	for k, name := range cols {
		c, err := f.col(name)
		if err != nil {
			return nil, wrapErr(op, err)
		}
		if !c.numeric() {
			return nil, errorf(op, "column %q is string; this step needs numbers", name)
		}
		y, err := fn(k, name, append([]float64(nil), c.floats()...))
		if err != nil {
			return nil, err
		}
		g.cols[g.index(name)] = floatColumn(name, y)
	}
	return g, nil
}

// Standardize centres and scales numeric columns: z = (x - mean) / sd, with
// the mean and sample sd (n-1, as R's scale()) learned by Fit. NA stays NA.
type Standardize struct {
	// Cols are the columns to scale (all numeric columns when empty).
	Cols []string
	// Means and SDs are the fitted centre and scale of each column.
	Means []float64
	SDs   []float64
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewStandardize returns a Standardize transformer for the named columns
// (all numeric columns when none are named).
func NewStandardize(cols ...string) *Standardize { return &Standardize{Cols: cols} }

// Fit learns each column's mean and sd; a constant column is an error.
func (s *Standardize) Fit(f *Frame) error {
	cols, err := resolveCols("Standardize", f, s.Cols, true)
	if err != nil {
		return err
	}
	s.Means, s.SDs = make([]float64, len(cols)), make([]float64, len(cols))
	for k, name := range cols {
		x := f.cols[f.index(name)].floats()
		s.Means[k] = meanOf(x)
		s.SDs[k] = math.Sqrt(varOf(x))
		if !(s.SDs[k] > 0) {
			return errorf("Standardize", "column %q has sd %v (constant or fewer than 2 values); drop it before scaling", name, s.SDs[k])
		}
	}
	s.Fitted = cols
	return nil
}

// Transform applies the learned centring and scaling.
func (s *Standardize) Transform(f *Frame) (*Frame, error) {
	if s.Fitted == nil {
		return nil, notFitted("Standardize")
	}
	return mapColumns("Standardize", f, s.Fitted, func(k int, _ string, x []float64) ([]float64, error) {
		for r := range x {
			x[r] = (x[r] - s.Means[k]) / s.SDs[k]
		}
		return x, nil
	})
}

// FitTransform fits on f and transforms it.
func (s *Standardize) FitTransform(f *Frame) (*Frame, error) { return fitTransform(s, f) }

func fitTransform(t Transformer, f *Frame) (*Frame, error) {
	if err := t.Fit(f); err != nil {
		return nil, err
	}
	return t.Transform(f)
}

// String describes the fitted parameters.
func (s *Standardize) String() string {
	if s == nil {
		return "<nil *frame.Standardize>"
	}
	if s.Fitted == nil {
		return "Standardize (not fitted)"
	}
	var b strings.Builder
	b.WriteString("Standardize: z = (x - mean) / sd")
	for k, n := range s.Fitted {
		fmt.Fprintf(&b, "\n  %s: mean %s, sd %s", n, signif(s.Means[k], 6), signif(s.SDs[k], 6))
	}
	return b.String()
}

// MinMax rescales numeric columns to [0, 1]: (x - min) / (max - min), with
// min and max learned by Fit (new data may fall outside [0, 1]).
type MinMax struct {
	// Cols are the columns to rescale (all numeric columns when empty).
	Cols []string
	// Mins and Maxs are the fitted ranges.
	Mins []float64
	Maxs []float64
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewMinMax returns a MinMax transformer for the named columns (all
// numeric columns when none are named).
func NewMinMax(cols ...string) *MinMax { return &MinMax{Cols: cols} }

// Fit learns each column's min and max; a constant column is an error.
func (s *MinMax) Fit(f *Frame) error {
	cols, err := resolveCols("MinMax", f, s.Cols, true)
	if err != nil {
		return err
	}
	s.Mins, s.Maxs = make([]float64, len(cols)), make([]float64, len(cols))
	for k, name := range cols {
		s.Mins[k], s.Maxs[k] = minMax(f.cols[f.index(name)].floats())
		if !(s.Maxs[k] > s.Mins[k]) {
			return errorf("MinMax", "column %q is constant or empty (min %v, max %v)", name, s.Mins[k], s.Maxs[k])
		}
	}
	s.Fitted = cols
	return nil
}

// Transform applies the learned rescaling.
func (s *MinMax) Transform(f *Frame) (*Frame, error) {
	if s.Fitted == nil {
		return nil, notFitted("MinMax")
	}
	return mapColumns("MinMax", f, s.Fitted, func(k int, _ string, x []float64) ([]float64, error) {
		for r := range x {
			x[r] = (x[r] - s.Mins[k]) / (s.Maxs[k] - s.Mins[k])
		}
		return x, nil
	})
}

// FitTransform fits on f and transforms it.
func (s *MinMax) FitTransform(f *Frame) (*Frame, error) { return fitTransform(s, f) }

// Log replaces numeric columns by log(x + Offset). A value with
// x + Offset ≤ 0 is an error naming the column and row.
type Log struct {
	// Cols are the columns to transform (all numeric when empty).
	Cols []string
	// Offset is added before taking the log.
	Offset float64
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewLog returns a Log transformer: log(x + offset) for the named columns
// (all numeric when none are named); offset 1 gives log1p.
func NewLog(offset float64, cols ...string) *Log { return &Log{Cols: cols, Offset: offset} }

// Fit records the columns (there is nothing to learn).
func (l *Log) Fit(f *Frame) error {
	cols, err := resolveCols("Log", f, l.Cols, true)
	l.Fitted = cols
	return err
}

// Transform applies log(x + Offset).
func (l *Log) Transform(f *Frame) (*Frame, error) {
	if l.Fitted == nil {
		return nil, notFitted("Log")
	}
	return mapColumns("Log", f, l.Fitted, func(_ int, name string, x []float64) ([]float64, error) {
		for r := range x {
			if x[r]+l.Offset <= 0 {
				return nil, errorf("Log", "column %q row %d: log(%v + %v) is undefined; use a larger offset", name, r+1, x[r], l.Offset)
			}
			x[r] = math.Log(x[r] + l.Offset)
		}
		return x, nil
	})
}

// FitTransform fits on f and transforms it.
func (l *Log) FitTransform(f *Frame) (*Frame, error) { return fitTransform(l, f) }

// BoxCox transforms positive numeric columns by Box and Cox (1964):
// y = (x^λ - 1)/λ, or log x when λ = 0, with λ chosen by Fit to maximise
// the normal profile log-likelihood
// ℓ(λ) = -n/2 · log(σ̂²(λ)) + (λ - 1) Σ log x, σ̂² the population variance
// of y (as scipy.stats.boxcox_normmax(method="mle")), searched in [-5, 5].
type BoxCox struct {
	// Cols are the columns to transform (all numeric when empty).
	Cols []string
	// Lambdas are the fitted λ of each column.
	Lambdas []float64
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewBoxCox returns a BoxCox transformer for the named columns (all numeric
// when none are named).
func NewBoxCox(cols ...string) *BoxCox { return &BoxCox{Cols: cols} }

func boxcox(x, lam float64) float64 {
	if math.Abs(lam) < 1e-12 {
		return math.Log(x)
	}
	return (math.Pow(x, lam) - 1) / lam
}

// BoxCoxLambda returns the maximum-likelihood Box-Cox λ of positive data x
// (NaN skipped), searched in [-5, 5] by golden-section refinement of a
// grid.
func BoxCoxLambda(x []float64) (float64, error) {
	x = dropNaN(x)
	if len(x) < 3 {
		return math.NaN(), fmt.Errorf("Box-Cox needs at least 3 values")
	}
	slog := 0.0
	for _, v := range x {
		if v <= 0 {
			return math.NaN(), fmt.Errorf("Box-Cox needs positive values; found %v (use Log with an offset, or shift the data)", v)
		}
		slog += math.Log(v)
	}
	n := float64(len(x))
	y := make([]float64, len(x))
	ll := func(lam float64) float64 {
		for k, v := range x {
			y[k] = boxcox(v, lam)
		}
		v := varOf(y) * (n - 1) / n
		return -n/2*math.Log(v) + (lam-1)*slog
	}
	best, bestL := 0.0, math.Inf(-1)
	for lam := -5.0; lam <= 5.0001; lam += 0.1 {
		if l := ll(lam); l > bestL {
			best, bestL = lam, l
		}
	}
	a, b := best-0.1, best+0.1
	g := (math.Sqrt(5) - 1) / 2
	c, d := b-g*(b-a), a+g*(b-a)
	fc, fd := ll(c), ll(d)
	for k := 0; k < 100 && b-a > 1e-10; k++ {
		if fc > fd {
			b, d, fd = d, c, fc
			c = b - g*(b-a)
			fc = ll(c)
		} else {
			a, c, fc = c, d, fd
			d = a + g*(b-a)
			fd = ll(d)
		}
	}
	return (a + b) / 2, nil
}

// Fit learns λ for each column.
func (t *BoxCox) Fit(f *Frame) error {
	cols, err := resolveCols("BoxCox", f, t.Cols, true)
	if err != nil {
		return err
	}
	t.Lambdas = make([]float64, len(cols))
	for k, name := range cols {
		lam, err := BoxCoxLambda(f.cols[f.index(name)].floats())
		if err != nil {
			return errorf("BoxCox", "column %q: %v", name, err)
		}
		t.Lambdas[k] = lam
	}
	t.Fitted = cols
	return nil
}

// Transform applies the fitted Box-Cox transformations.
func (t *BoxCox) Transform(f *Frame) (*Frame, error) {
	if t.Fitted == nil {
		return nil, notFitted("BoxCox")
	}
	return mapColumns("BoxCox", f, t.Fitted, func(k int, name string, x []float64) ([]float64, error) {
		for r := range x {
			if x[r] <= 0 {
				return nil, errorf("BoxCox", "column %q row %d: %v is not positive", name, r+1, x[r])
			}
			x[r] = boxcox(x[r], t.Lambdas[k])
		}
		return x, nil
	})
}

// FitTransform fits on f and transforms it.
func (t *BoxCox) FitTransform(f *Frame) (*Frame, error) { return fitTransform(t, f) }

// OneHot replaces categorical columns by 0/1 indicator columns named
// col_level, one per level in factor order (R's model.matrix treatment
// coding with DropFirst; pandas get_dummies). Levels are learned by Fit.
// A level not seen in Fit is an error by default; with Unseen "zeros" its
// rows get 0 in every indicator. NA gives NA in every indicator.
type OneHot struct {
	// Cols are the columns to encode (all string and bool when empty).
	Cols []string
	// DropFirst leaves out the first level's indicator (treatment coding).
	DropFirst bool
	// Unseen is "error" (default) or "zeros".
	Unseen string
	// Levels are the fitted levels of each column.
	Levels [][]string
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewOneHot returns a OneHot encoder for the named columns (all string and
// bool columns when none are named).
func NewOneHot(cols ...string) *OneHot { return &OneHot{Cols: cols} }

// Fit learns each column's levels.
func (o *OneHot) Fit(f *Frame) error {
	cols, err := resolveCols("OneHot", f, o.Cols, false)
	if err != nil {
		return err
	}
	o.Levels = make([][]string, len(cols))
	for k, name := range cols {
		_, lv := levelsOf(f.cols[f.index(name)])
		o.Levels[k] = lv
	}
	o.Fitted = cols
	return nil
}

// Transform replaces each fitted column with its indicator columns.
func (o *OneHot) Transform(f *Frame) (*Frame, error) {
	if o.Fitted == nil {
		return nil, notFitted("OneHot")
	}
	g := f
	for k, name := range o.Fitted {
		c, err := g.col(name)
		if err != nil {
			return nil, wrapErr("OneHot", err)
		}
		pos := map[string]int{}
		for q, l := range o.Levels[k] {
			pos[l] = q
		}
		first := 0
		if o.DropFirst {
			first = 1
		}
		ind := make([][]float64, len(o.Levels[k]))
		for q := first; q < len(ind); q++ {
			ind[q] = make([]float64, f.nrows)
		}
		for r := 0; r < f.nrows; r++ {
			if c.isNA(r) {
				for q := first; q < len(ind); q++ {
					ind[q][r] = math.NaN()
				}
				continue
			}
			q, ok := pos[c.str(r)]
			if !ok {
				if o.Unseen == "zeros" {
					continue
				}
				return nil, errorf("OneHot", "column %q row %d has level %q, which was not seen in Fit (levels: %s); set Unseen: \"zeros\" to encode it as all zeros", name, r+1, c.str(r), strings.Join(o.Levels[k], ", "))
			}
			if q >= first {
				ind[q][r] = 1
			}
		}
		j := g.index(name)
		var newCols []*column
		for q := first; q < len(ind); q++ {
			newCols = append(newCols, floatColumn(name+"_"+o.Levels[k][q], ind[q]))
		}
		cols := append([]*column(nil), g.cols[:j]...)
		cols = append(cols, newCols...)
		cols = append(cols, g.cols[j+1:]...)
		g = &Frame{cols: cols, nrows: f.nrows}
	}
	return g, nil
}

// FitTransform fits on f and transforms it.
func (o *OneHot) FitTransform(f *Frame) (*Frame, error) { return fitTransform(o, f) }

// Ordinal replaces categorical columns by their level index 0, 1, … in
// factor order (set an order with SetLevels first). A level not seen in
// Fit is an error, or NA with Unseen "na".
type Ordinal struct {
	// Cols are the columns to encode (all string and bool when empty).
	Cols []string
	// Unseen is "error" (default) or "na".
	Unseen string
	// Levels are the fitted levels of each column, in code order.
	Levels [][]string
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewOrdinal returns an Ordinal encoder for the named columns (all string
// and bool columns when none are named).
func NewOrdinal(cols ...string) *Ordinal { return &Ordinal{Cols: cols} }

// Fit learns each column's levels.
func (o *Ordinal) Fit(f *Frame) error {
	cols, err := resolveCols("Ordinal", f, o.Cols, false)
	if err != nil {
		return err
	}
	o.Levels = make([][]string, len(cols))
	for k, name := range cols {
		_, o.Levels[k] = levelsOf(f.cols[f.index(name)])
	}
	o.Fitted = cols
	return nil
}

// Transform replaces each fitted column by its level index (float).
func (o *Ordinal) Transform(f *Frame) (*Frame, error) {
	if o.Fitted == nil {
		return nil, notFitted("Ordinal")
	}
	g := f.Copy()
	for k, name := range o.Fitted {
		c, err := f.col(name)
		if err != nil {
			return nil, wrapErr("Ordinal", err)
		}
		pos := map[string]int{}
		for q, l := range o.Levels[k] {
			pos[l] = q
		}
		v := make([]float64, f.nrows)
		for r := range v {
			if c.isNA(r) {
				v[r] = math.NaN()
				continue
			}
			q, ok := pos[c.str(r)]
			if !ok {
				if o.Unseen == "na" {
					v[r] = math.NaN()
					continue
				}
				return nil, errorf("Ordinal", "column %q row %d has level %q, which was not seen in Fit; set Unseen: \"na\" to make it NA", name, r+1, c.str(r))
			}
			v[r] = float64(q)
		}
		g.cols[g.index(name)] = floatColumn(name, v)
	}
	return g, nil
}

// FitTransform fits on f and transforms it.
func (o *Ordinal) FitTransform(f *Frame) (*Frame, error) { return fitTransform(o, f) }

// Binning cuts numeric columns into Bins intervals and replaces them by
// string columns labelled like R's cut: "(a,b]". Strategy "quantile"
// (default) puts equal counts in each bin (type-7 quantile edges),
// "uniform" uses equal widths. The outer edges become -Inf and Inf so new
// data outside the training range still falls in a bin.
type Binning struct {
	// Cols are the columns to bin (all numeric when empty).
	Cols []string
	// Bins is the number of intervals.
	Bins int
	// Strategy is "quantile" (default) or "uniform".
	Strategy string
	// Edges are the fitted inner bin edges of each column (the outer edges
	// are -Inf and Inf).
	Edges [][]float64
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewBinning returns a Binning transformer with the given number of bins
// for the named columns (all numeric when none are named).
func NewBinning(bins int, cols ...string) *Binning {
	return &Binning{Cols: cols, Bins: bins, Strategy: "quantile"}
}

// Fit learns the bin edges.
func (b *Binning) Fit(f *Frame) error {
	if b.Bins < 2 {
		return errorf("Binning", "need at least 2 bins, got %d", b.Bins)
	}
	cols, err := resolveCols("Binning", f, b.Cols, true)
	if err != nil {
		return err
	}
	b.Edges = make([][]float64, len(cols))
	for k, name := range cols {
		x := dropNaN(f.cols[f.index(name)].floats())
		if len(x) == 0 {
			return errorf("Binning", "column %q has no values", name)
		}
		var inner []float64
		switch b.Strategy {
		case "", "quantile":
			ps := make([]float64, b.Bins-1)
			for q := range ps {
				ps[q] = float64(q+1) / float64(b.Bins)
			}
			inner = quantilesInPlace(x, ps)
		case "uniform":
			lo, hi := minMax(x)
			for q := 1; q < b.Bins; q++ {
				inner = append(inner, lo+(hi-lo)*float64(q)/float64(b.Bins))
			}
		default:
			return errorf("Binning", "unknown strategy %q (use quantile or uniform)", b.Strategy)
		}
		var edges []float64
		for _, e := range inner {
			if len(edges) == 0 || e > edges[len(edges)-1] {
				edges = append(edges, e)
			}
		}
		b.Edges[k] = edges
	}
	b.Fitted = cols
	return nil
}

// Transform replaces each fitted column by its bin label.
func (b *Binning) Transform(f *Frame) (*Frame, error) {
	if b.Fitted == nil {
		return nil, notFitted("Binning")
	}
	g := f.Copy()
	for k, name := range b.Fitted {
		c, err := f.col(name)
		if err != nil {
			return nil, wrapErr("Binning", err)
		}
		if !c.numeric() {
			return nil, errorf("Binning", "column %q is string", name)
		}
		edges := append(append([]float64{math.Inf(-1)}, b.Edges[k]...), math.Inf(1))
		labels := make([]string, len(edges)-1)
		for q := range labels {
			labels[q] = "(" + formatFloat(edges[q]) + "," + formatFloat(edges[q+1]) + "]"
		}
		nc := &column{name: name, kind: kString, lv: labels, c: make([]int32, f.nrows)}
		for r := 0; r < f.nrows; r++ {
			v := c.float(r)
			if v != v {
				nc.c[r] = -1
				continue
			}
			q := sort.SearchFloat64s(edges[1:], v) // first edge ≥ v
			nc.c[r] = int32(q)
		}
		g.cols[g.index(name)] = nc
	}
	return g, nil
}

// FitTransform fits on f and transforms it.
func (b *Binning) FitTransform(f *Frame) (*Frame, error) { return fitTransform(b, f) }

// Polynomial adds powers x^2 … x^Degree of numeric columns (named
// "x^2", …) and, with Interactions, the pairwise products of the columns
// (named "a:b", as R's formula terms). The original columns stay.
type Polynomial struct {
	// Cols are the columns to expand (all numeric when empty).
	Cols []string
	// Degree is the highest power added.
	Degree int
	// Interactions adds the pairwise products.
	Interactions bool
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewPolynomial returns a Polynomial transformer of the given degree with
// interactions for the named columns (all numeric when none are named).
func NewPolynomial(degree int, cols ...string) *Polynomial {
	return &Polynomial{Cols: cols, Degree: degree, Interactions: true}
}

// NewInteractions returns a transformer adding only the pairwise products
// a:b of the named columns.
func NewInteractions(cols ...string) *Polynomial {
	return &Polynomial{Cols: cols, Degree: 1, Interactions: true}
}

// Fit records the columns.
func (p *Polynomial) Fit(f *Frame) error {
	cols, err := resolveCols("Polynomial", f, p.Cols, true)
	p.Fitted = cols
	return err
}

// Transform adds the power and product columns.
func (p *Polynomial) Transform(f *Frame) (*Frame, error) {
	if p.Fitted == nil {
		return nil, notFitted("Polynomial")
	}
	g := f.Copy()
	xs := make([][]float64, len(p.Fitted))
	for k, name := range p.Fitted {
		c, err := f.col(name)
		if err != nil {
			return nil, wrapErr("Polynomial", err)
		}
		if !c.numeric() {
			return nil, errorf("Polynomial", "column %q is string", name)
		}
		xs[k] = c.floats()
	}
	for k, name := range p.Fitted {
		for d := 2; d <= p.Degree; d++ {
			v := make([]float64, f.nrows)
			for r := range v {
				v[r] = math.Pow(xs[k][r], float64(d))
			}
			g.cols = append(g.cols, floatColumn(name+"^"+strconv.Itoa(d), v))
		}
	}
	if p.Interactions {
		for a := range p.Fitted {
			for b := a + 1; b < len(p.Fitted); b++ {
				v := make([]float64, f.nrows)
				for r := range v {
					v[r] = xs[a][r] * xs[b][r]
				}
				g.cols = append(g.cols, floatColumn(p.Fitted[a]+":"+p.Fitted[b], v))
			}
		}
	}
	return g, nil
}

// FitTransform fits on f and transforms it.
func (p *Polynomial) FitTransform(f *Frame) (*Frame, error) { return fitTransform(p, f) }

// Imputer fills missing values with a statistic learned by Fit: "mean" or
// "median" (numeric columns) or "mode" (any column), so test data is
// filled with training values.
type Imputer struct {
	// Cols are the columns to fill (all with NA when empty).
	Cols []string
	// Method is "mean", "median" or "mode".
	Method string
	// Values are the fitted fill values (as text).
	Values []string
	// Fitted lists the columns Fit used (nil before Fit).
	Fitted []string
}

// NewImputer returns an Imputer with the given method for the named
// columns (all columns with missing values when none are named).
func NewImputer(method string, cols ...string) *Imputer { return &Imputer{Cols: cols, Method: method} }

// Fit learns each column's fill value.
func (m *Imputer) Fit(f *Frame) error {
	cols := m.Cols
	if len(cols) == 0 {
		for _, c := range f.cols {
			if c.naCount() > 0 && (m.Method == "mode" || c.numeric()) {
				cols = append(cols, c.name)
			}
		}
	}
	m.Values = make([]string, len(cols))
	for k, name := range cols {
		c, err := f.col(name)
		if err != nil {
			return wrapErr("Imputer", err)
		}
		switch m.Method {
		case "mean", "median":
			if !c.numeric() {
				return errorf("Imputer", "%s needs a numeric column; %q is string (use mode)", m.Method, name)
			}
			var v float64
			if m.Method == "mean" {
				v = meanOf(c.floats())
			} else {
				v = quantilesInPlace(dropNaN(c.floats()), []float64{0.5})[0]
			}
			m.Values[k] = strconv.FormatFloat(v, 'g', -1, 64)
		case "mode":
			g := f.Impute("mode", name)
			gc := g.cols[g.index(name)]
			for r := 0; r < f.nrows; r++ {
				if c.isNA(r) && !gc.isNA(r) {
					m.Values[k] = gc.str(r)
					break
				}
			}
			if m.Values[k] == "" {
				m.Values[k] = g.cols[g.index(name)].str(0)
			}
		default:
			return errorf("Imputer", "unknown method %q (use mean, median or mode)", m.Method)
		}
	}
	m.Fitted = append([]string{}, cols...)
	return nil
}

// Transform fills the missing values with the learned values.
func (m *Imputer) Transform(f *Frame) (*Frame, error) {
	if m.Fitted == nil {
		return nil, notFitted("Imputer")
	}
	g := f
	var err error
	for k, name := range m.Fitted {
		c, e := g.col(name)
		if e != nil {
			return nil, wrapErr("Imputer", e)
		}
		err = try(func() {
			switch c.kind {
			case kString:
				g = g.FillNA(name, m.Values[k])
			case kBool:
				g = g.FillNA(name, m.Values[k] == "true")
			default:
				v, _ := strconv.ParseFloat(m.Values[k], 64)
				g = g.FillNA(name, v)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// FitTransform fits on f and transforms it.
func (m *Imputer) FitTransform(f *Frame) (*Frame, error) { return fitTransform(m, f) }

// String describes the fitted parameters.
func (s *MinMax) String() string {
	if s == nil {
		return "<nil *frame.MinMax>"
	}
	if s.Fitted == nil {
		return "MinMax (not fitted)"
	}
	var b strings.Builder
	b.WriteString("MinMax: (x - min) / (max - min)")
	for k, n := range s.Fitted {
		fmt.Fprintf(&b, "\n  %s: min %s, max %s", n, signif(s.Mins[k], 6), signif(s.Maxs[k], 6))
	}
	return b.String()
}

// String describes the transformation.
func (l *Log) String() string {
	if l == nil {
		return "<nil *frame.Log>"
	}
	if l.Fitted == nil {
		return "Log (not fitted)"
	}
	return fmt.Sprintf("Log: log(x + %v) of %s", l.Offset, strings.Join(l.Fitted, ", "))
}

// String lists the fitted λ of each column.
func (t *BoxCox) String() string {
	if t == nil {
		return "<nil *frame.BoxCox>"
	}
	if t.Fitted == nil {
		return "BoxCox (not fitted)"
	}
	var b strings.Builder
	b.WriteString("BoxCox: (x^λ - 1) / λ, λ by maximum likelihood")
	for k, n := range t.Fitted {
		fmt.Fprintf(&b, "\n  %s: λ = %s", n, signif(t.Lambdas[k], 5))
	}
	return b.String()
}

// String lists the learned levels.
func (o *OneHot) String() string {
	if o == nil {
		return "<nil *frame.OneHot>"
	}
	if o.Fitted == nil {
		return "OneHot (not fitted)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "OneHot (drop first: %v, unseen levels: %s)", o.DropFirst, or(o.Unseen, "error"))
	for k, n := range o.Fitted {
		fmt.Fprintf(&b, "\n  %s: %s", n, strings.Join(o.Levels[k], ", "))
	}
	return b.String()
}

// String lists the learned levels in code order.
func (o *Ordinal) String() string {
	if o == nil {
		return "<nil *frame.Ordinal>"
	}
	if o.Fitted == nil {
		return "Ordinal (not fitted)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Ordinal (unseen levels: %s)", or(o.Unseen, "error"))
	for k, n := range o.Fitted {
		fmt.Fprintf(&b, "\n  %s: %s", n, strings.Join(o.Levels[k], " < "))
	}
	return b.String()
}

// String lists the learned bin edges.
func (bn *Binning) String() string {
	if bn == nil {
		return "<nil *frame.Binning>"
	}
	if bn.Fitted == nil {
		return "Binning (not fitted)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Binning: %d %s bins", bn.Bins, or(bn.Strategy, "quantile"))
	for k, n := range bn.Fitted {
		all := append(append([]float64{math.Inf(-1)}, bn.Edges[k]...), math.Inf(1))
		e := make([]string, len(all))
		for q, v := range all {
			e[q] = formatFloat(v)
		}
		fmt.Fprintf(&b, "\n  %s: edges %s", n, strings.Join(e, ", "))
	}
	return b.String()
}

// String describes the added features.
func (p *Polynomial) String() string {
	if p == nil {
		return "<nil *frame.Polynomial>"
	}
	if p.Fitted == nil {
		return "Polynomial (not fitted)"
	}
	return fmt.Sprintf("Polynomial: degree %d, interactions %v, of %s", p.Degree, p.Interactions, strings.Join(p.Fitted, ", "))
}

// String lists the learned fill values.
func (m *Imputer) String() string {
	if m == nil {
		return "<nil *frame.Imputer>"
	}
	if m.Fitted == nil {
		return "Imputer (not fitted)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Imputer: %s", m.Method)
	for k, n := range m.Fitted {
		fmt.Fprintf(&b, "\n  %s: %s", n, m.Values[k])
	}
	return b.String()
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
