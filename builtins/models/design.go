package models

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
)

// variable is one evaluated formula factor: a numeric column (with an
// optional double-double low part) or a categorical one (codes into levels).
type variable struct {
	key     string
	numeric bool
	hi, lo  []float64
	codes   []int
	levels  []string
	ordered bool       // an ordered factor: polynomial contrasts (R's contr.poly)
	contr   *contrSpec // contrasts set by C(x, contr); nil: by ordered
	// multi-column numeric terms (poly): columns, their double-double low
	// parts (raw powers; nil otherwise) and their name suffixes
	mcols  [][]float64
	mlo    [][]float64
	suffix []string
}

// polyCoef are the three-term recurrence coefficients of orthogonal
// polynomials (R's attr(poly(x, d), "coefs")), kept for prediction.
type polyCoef struct {
	alpha, norm2 []float64
}

// Design is a model matrix built from a formula and a frame, following R's
// model.matrix with R's default options(contrasts = c("contr.treatment",
// "contr.poly")): an intercept column unless removed, one column per
// numeric term, treatment-coded dummies for unordered categorical terms
// (first level is the baseline), orthonormal polynomial contrasts for
// ordered factors (frame.AsOrdered, ordered() in the formula; columns
// x.L, x.Q, x.C, x^4, …), full indicator coding for a factor whose
// marginal term is absent (R's rule, e.g. the first factor of a model
// without intercept), products for interactions.
type design struct {
	formula   string
	pf        *parsedFormula
	ts        *termSet
	n         int
	cols      [][]float64
	lo        [][]float64
	names     []string // column names (R's)
	assign    []int    // term index per column; -1 for the intercept
	terms     []string // term labels
	intercept bool
	y         []float64
	yName     string
	// trials are the binomial totals s+f of a cbind(s, f) response (nil
	// otherwise); y is then the proportion s/(s+f) (0 when s+f = 0).
	trials []float64
	// offset is the sum of the formula's offset(expr) terms on the rows
	// used (nil when there are none).
	offset   []float64
	rows     []int    // frame rows used
	labels   []string // row labels of the rows used (see rowLabels); nil if none
	nDropped int
	// what predict needs to rebuild the matrix on new data
	levels  map[string][]string   // categorical factor key -> levels
	coding  map[string]bool       // "term|factor" -> true when full indicator coding
	ordered map[string]bool       // categorical factor key -> polynomial contrasts
	contr   map[string]contrSpec  // categorical factor key -> contrasts used
	poly    map[string]polyCoef   // orthogonal polynomial coefficients by key
	spline  map[string]splineSpec // bs()/ns() knots by key
}

var categoricalCalls = map[string]bool{"factor": true, "C": true, "as.factor": true, "ordered": true, "as.ordered": true, "as.character": true}

// numericCalls turn a factor into its level codes 1..k (R's unclass,
// as.numeric, as.integer of a factor); numeric arguments pass through.
var numericCalls = map[string]bool{"unclass": true, "as.numeric": true, "as.integer": true, "as.double": true}

var mathCalls = map[string]func(float64) float64{
	"log": math.Log, "log10": math.Log10, "log2": math.Log2, "log1p": math.Log1p,
	"exp": math.Exp, "sqrt": math.Sqrt, "abs": math.Abs, "sin": math.Sin,
	"cos": math.Cos, "tan": math.Tan, "expm1": math.Expm1,
	"asin": math.Asin, "acos": math.Acos, "atan": math.Atan, "sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
	"floor": math.Floor, "ceiling": math.Ceil, "trunc": math.Trunc,
	"sign": func(x float64) float64 {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return x
	},
	"lgamma": func(x float64) float64 { v, _ := math.Lgamma(x); return v },
	"gamma":  math.Gamma,
}

// frameVars returns the names of the frame's columns used by node n,
// checking that they exist.
func checkVars(pf *parsedFormula, n *node, f *frame.Frame, out map[string]bool) error {
	var vs []*node
	varsOf(n, &vs)
	names := f.Names()
	for _, v := range vs {
		if !f.Has(v.text) {
			if v.text == "pi" || v.text == "TRUE" || v.text == "FALSE" || v.text == "T" || v.text == "F" {
				continue
			}
			msg := fmt.Sprintf("unknown variable %q in formula", v.text)
			if c := frame.Closest(v.text, names); c != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", c)
			} else {
				shown := names
				if len(shown) > 10 {
					shown = shown[:10]
				}
				msg += fmt.Sprintf(" (columns: %s)", strings.Join(shown, ", "))
			}
			return &FormulaError{pf.src, v.pos, v.end - v.pos, msg}
		}
		out[v.text] = true
	}
	return nil
}

// designAllow lists the formula features a model accepts beyond terms.
type designAllow struct {
	cbind  bool // a cbind(successes, failures) response (binomial GLM)
	offset bool // offset(expr) terms
	// drop marks frame rows missing outside the formula (NA case weights),
	// dropped and counted with the rows R's na.omit drops (nil: none)
	drop []bool
}

// buildDesign parses formula and builds the model matrix on f. Rows with a
// missing value in any variable used are dropped (R's na.omit) and counted.
// Offsets and cbind responses are refused (see buildModelDesign).
func buildDesign(formula string, f *frame.Frame, needResponse bool) (*design, error) {
	return buildModelDesign(formula, f, needResponse, designAllow{})
}

// isLogical reports whether n evaluates to a logical in R: a bool
// column, a comparison or logical operation, or I() of one.
func isLogical(n *node, f *frame.Frame) bool {
	for n.kind == "paren" || n.kind == "call" && n.text == "I" && len(n.args) == 1 {
		n = n.args[0]
	}
	switch {
	case n.kind == "not", n.kind == "op" && isLogicalOp(n.text):
		return true
	case n.kind == "var":
		return f.Has(n.text) && f.Type(n.text) == "bool"
	}
	return false
}

// isCbind reports whether n is a cbind(…) call.
func isCbind(n *node) bool { return n != nil && n.kind == "call" && n.text == "cbind" }

// buildModelDesign is buildDesign for models that accept the features in
// allow: a binomial response cbind(s, f), giving y = s/(s+f) and trials
// s+f (R's binomial()$initialize), and offset(expr) terms, summed into
// d.offset.
func buildModelDesign(formula string, f *frame.Frame, needResponse bool, allow designAllow) (*design, error) {
	if f == nil {
		return nil, fmt.Errorf("models: the data frame is nil")
	}
	pf, err := parseFormula(formula)
	if err != nil {
		return nil, err
	}
	if needResponse && pf.lhs == nil {
		return nil, &FormulaError{formula, 0, 1, "formula has no response; write it as \"y ~ x\""}
	}
	used := map[string]bool{}
	lhsVars := map[string]bool{}
	if pf.lhs != nil {
		if err := checkVars(pf, pf.lhs, f, lhsVars); err != nil {
			return nil, err
		}
		for k := range lhsVars {
			used[k] = true
		}
	}
	var dot []string
	for _, nm := range f.Names() {
		if !lhsVars[nm] {
			dot = append(dot, nm)
		}
	}
	ts, err := expandTerms(pf, dot)
	if err != nil {
		return nil, err
	}
	for _, t := range ts.terms {
		for _, fac := range t.factors {
			if err := checkVars(pf, fac, f, used); err != nil {
				return nil, err
			}
		}
	}
	if len(ts.offsets) > 0 && !allow.offset {
		o := ts.offsets[0]
		return nil, &FormulaError{formula, o.pos, o.end - o.pos, "offset() terms are not supported by this model; they work in models.OLS, WLS and GLM"}
	}
	for _, o := range ts.offsets {
		if err := checkVars(pf, o, f, used); err != nil {
			return nil, err
		}
	}
	if isCbind(pf.lhs) {
		if !allow.cbind {
			return nil, &FormulaError{formula, pf.lhs.pos, pf.lhs.end - pf.lhs.pos, "a cbind(successes, failures) response needs a binomial GLM: models.GLM(formula, f, models.Binomial(\"logit\"))"}
		}
		if len(pf.lhs.args) != 2 {
			return nil, &FormulaError{formula, pf.lhs.pos, pf.lhs.end - pf.lhs.pos, "cbind() in a response takes two counts: cbind(successes, failures)"}
		}
	}
	// NA rows
	nr := f.NRows()
	keep := make([]bool, nr)
	for i := range keep {
		keep[i] = true
	}
	usedNames := make([]string, 0, len(used))
	for k := range used {
		usedNames = append(usedNames, k)
	}
	sort.Strings(usedNames)
	floatCache := map[string][]float64{}
	for _, v := range usedNames {
		if f.IsNumeric(v) {
			// numeric columns: NA is NaN (frame contract)
			vals, err := f.Floats(v)
			if err != nil {
				return nil, err
			}
			floatCache[v] = vals
			for i, x := range vals {
				if x != x {
					keep[i] = false
				}
			}
			continue
		}
		na, err := f.NA(v)
		if err != nil {
			return nil, err
		}
		for i, m := range na {
			if m {
				keep[i] = false
			}
		}
	}
	for i, dr := range allow.drop {
		if dr && i < nr {
			keep[i] = false
		}
	}
	rows := make([]int, 0, nr)
	for i, k := range keep {
		if k {
			rows = append(rows, i)
		}
	}
	d := &design{formula: formula, pf: pf, ts: ts, rows: rows, n: len(rows), nDropped: nr - len(rows),
		intercept: ts.intercept, levels: map[string][]string{}, coding: map[string]bool{}, ordered: map[string]bool{}, contr: map[string]contrSpec{}}
	if d.n == 0 {
		if nr == 0 {
			return nil, fmt.Errorf("models: the data frame has no rows; load or filter data with rows before fitting %q", formula)
		}
		if allNA := allMissing(f, usedNames, floatCache); len(allNA) > 0 {
			return nil, fmt.Errorf("models: no complete rows: column %s is missing (NA) in every row; drop it from the formula or fill it (frame imputation) first", strings.Join(allNA, ", "))
		}
		return nil, fmt.Errorf("models: no complete rows: every row has a missing value in one of %s; drop the sparsest variable or impute missing values first", strings.Join(usedNames, ", "))
	}
	d.labels = rowLabels(f, rows)
	d.poly = map[string]polyCoef{}
	d.spline = map[string]splineSpec{}
	ev := &evaluator{pf: pf, f: f, rows: rows, cache: map[string]*variable{}, floats: floatCache, polyOut: d.poly, splineOut: d.spline}
	if isCbind(pf.lhs) {
		if err := d.binomialResponse(ev); err != nil {
			return nil, err
		}
	} else if pf.lhs != nil {
		yv, err := ev.eval(pf.lhs, false)
		if err != nil {
			return nil, err
		}
		d.yName = pf.lhs.src(pf.src)
		if yv.numeric {
			d.y = yv.hi
		} else if isLogical(pf.lhs, f) {
			// a logical response (a bool column, mpg > 20, I(cyl == 4))
			// is numeric 0/1 in R, for lm as for glm
			d.y = make([]float64, len(yv.codes))
			for i, c := range yv.codes {
				if yv.levels[c] == "TRUE" {
					d.y[i] = 1
				}
			}
		} else {
			// a two-level factor response: first level 0, others 1 (as R's glm)
			d.y = make([]float64, len(yv.codes))
			for i, c := range yv.codes {
				if c > 0 {
					d.y[i] = 1
				}
			}
			d.levels["\x00response"] = yv.levels
		}
	}
	if err := d.build(ev, nil); err != nil {
		return nil, err
	}
	if err := d.evalOffsets(ev); err != nil {
		return nil, err
	}
	if err := d.checkFinite(); err != nil {
		return nil, err
	}
	return d, nil
}

// checkFinite refuses an infinite response, as R's lm.fit and glm.fit do
// ("NA/NaN/Inf in 'y'"): the fit would give NaN estimates that look like
// results. (Model-matrix columns are checked as they are evaluated.)
func (d *design) checkFinite() error {
	for i, y := range d.y {
		if math.IsInf(y, 0) {
			return fmt.Errorf("models: the response %s is %v at row %d; remove or fix non-finite values (e.g. filter rows with math.IsInf) before fitting", d.yName, y, d.rows[i]+1)
		}
	}
	return nil
}

// allMissing lists the used columns that are missing in every row.
func allMissing(f *frame.Frame, names []string, floats map[string][]float64) []string {
	var out []string
	for _, v := range names {
		all := true
		if vals, ok := floats[v]; ok {
			for _, x := range vals {
				if x == x {
					all = false
					break
				}
			}
		} else if na, err := f.NA(v); err == nil {
			for _, m := range na {
				if !m {
					all = false
					break
				}
			}
		} else {
			all = false
		}
		if all {
			out = append(out, v)
		}
	}
	return out
}

// binomialResponse evaluates a cbind(s, f) response as R's binomial
// family does: y = s/(s+f) (0 where s+f = 0) with s+f trials, which the
// GLM uses as prior weights. Counts must be finite and non-negative.
func (d *design) binomialResponse(ev *evaluator) error {
	lhs := d.pf.lhs
	d.yName = lhs.deparse()
	var parts [2][]float64
	for k, a := range lhs.args {
		if a.kind == "named" {
			return ev.errf(a, "cbind() in a response takes two unnamed counts: cbind(successes, failures)")
		}
		v, err := ev.arith(a)
		if err != nil {
			return err
		}
		parts[k] = make([]float64, len(v.hi))
		for i, x := range v.hi {
			if v.lo != nil {
				x += v.lo[i]
			}
			if !(x >= 0) || math.IsInf(x, 0) {
				return ev.errf(a, "%s is %v at row %d; binomial counts must be finite and >= 0", a.deparse(), x, ev.rows[i]+1)
			}
			parts[k][i] = x
		}
	}
	d.y = make([]float64, len(parts[0]))
	d.trials = make([]float64, len(parts[0]))
	for i, s := range parts[0] {
		n := s + parts[1][i]
		d.trials[i] = n
		if n > 0 {
			d.y[i] = s / n
		}
	}
	return nil
}

// evalOffsets sums the formula's offset(expr) terms on the evaluator's
// rows into d.offset (R adds every offset term to the linear predictor).
func (d *design) evalOffsets(ev *evaluator) error {
	if len(d.ts.offsets) == 0 {
		return nil
	}
	d.offset = make([]float64, len(ev.rows))
	for _, o := range d.ts.offsets {
		v, err := ev.arith(o.args[0])
		if err != nil {
			return err
		}
		for i, x := range v.hi {
			if v.lo != nil {
				x += v.lo[i]
			}
			if x-x != 0 {
				return ev.errf(o, "%s is %v at row %d; an offset must be finite (e.g. filter exposure > 0 before log)", o.deparse(), x, ev.rows[i]+1)
			}
			d.offset[i] += x
		}
	}
	return nil
}

// build fills the model matrix columns. When ref is not nil (prediction on
// new data) the levels and codings of ref are used.
func (d *design) build(ev *evaluator, ref *design) error {
	n := len(ev.rows)
	if d.intercept {
		one := make([]float64, n)
		for i := range one {
			one[i] = 1
		}
		d.cols = append(d.cols, one)
		d.lo = append(d.lo, nil)
		d.names = append(d.names, "(Intercept)")
		d.assign = append(d.assign, -1)
	}
	present := map[string]bool{}
	if d.intercept {
		present[""] = true
	}
	for ti, t := range d.ts.terms {
		d.terms = append(d.terms, t.label())
		type coded struct {
			names []string
			hi    [][]float64
			lo    [][]float64
		}
		var parts []coded
		for fi, fac := range t.factors {
			key := t.keys[fi]
			var lv []string
			if ref != nil {
				lv = ref.levels[key]
			}
			v, err := ev.evalFactor(fac, key, lv)
			if err != nil {
				return err
			}
			if v.numeric && v.mcols != nil {
				c := coded{}
				for k, col := range v.mcols {
					c.names = append(c.names, key+v.suffix[k])
					c.hi = append(c.hi, col)
					var lo []float64
					if v.mlo != nil {
						lo = v.mlo[k]
					}
					c.lo = append(c.lo, lo)
				}
				parts = append(parts, c)
				continue
			}
			if v.numeric {
				parts = append(parts, coded{names: []string{key}, hi: [][]float64{v.hi}, lo: [][]float64{v.lo}})
				continue
			}
			d.levels[key] = v.levels
			spec := contrSpec{kind: "treatment"}
			switch {
			case ref != nil:
				spec = ref.contr[key] // the training contrasts
			case v.contr != nil:
				spec = *v.contr
			case v.ordered:
				spec = contrSpec{kind: "poly"}
			}
			d.contr[key] = spec
			d.ordered[key] = spec.kind == "poly"
			// contrasts if the term without this factor is already present
			var full bool
			ck := t.label() + "|" + key
			if ref != nil {
				full = ref.coding[ck]
			} else {
				rest := make([]string, 0, len(t.keys)-1)
				for j, k := range t.keys {
					if j != fi {
						rest = append(rest, k)
					}
				}
				sort.Strings(rest)
				full = !present[strings.Join(rest, "\x00")]
				if full && len(rest) == 0 {
					present[""] = true
				}
			}
			d.coding[ck] = full
			start := 1
			if full {
				start = 0
			}
			var c coded
			if !full && (spec.kind != "treatment" || spec.numbered) {
				if spec.kind == "poly" && len(v.levels) > 95 {
					// R's contr.poly stops here too
					return fmt.Errorf("models: %s has %d levels: orthogonal polynomials cannot be represented accurately enough for %d degrees of freedom (R's contr.poly allows at most 95 levels); use factor(%s, ordered = FALSE) for treatment contrasts or unclass(%s) for a linear score", key, len(v.levels), len(v.levels)-1, key, key)
				}
				cm, suf := contrMatrix(spec, v.levels)
				for j := range cm {
					col := make([]float64, n)
					for i, code := range v.codes {
						col[i] = cm[j][code]
					}
					c.names = append(c.names, key+suf[j])
					c.hi = append(c.hi, col)
					c.lo = append(c.lo, nil)
				}
				parts = append(parts, c)
				continue
			}
			for l := start; l < len(v.levels); l++ {
				col := make([]float64, n)
				for i, code := range v.codes {
					if code == l {
						col[i] = 1
					}
				}
				c.names = append(c.names, key+v.levels[l])
				c.hi = append(c.hi, col)
				c.lo = append(c.lo, nil)
			}
			parts = append(parts, c)
		}
		// product, first factor varying fastest
		names := []string{""}
		his := [][]float64{nil}
		los := [][]float64{nil}
		for _, p := range parts {
			var nn []string
			var hh, ll [][]float64
			for j := range p.names {
				for i := range names {
					nm := p.names[j]
					if names[i] != "" {
						nm = names[i] + ":" + nm
					}
					nn = append(nn, nm)
					if his[i] == nil {
						hh = append(hh, p.hi[j])
						ll = append(ll, p.lo[j])
						continue
					}
					h := make([]float64, n)
					var lo []float64
					a, b := his[i], p.hi[j]
					if los[i] != nil || p.lo[j] != nil {
						lo = make([]float64, n)
						for r := range h {
							x := dd{a[r], 0}
							if los[i] != nil {
								x = ddFrom(a[r]).add(ddFrom(los[i][r]))
							}
							y := dd{b[r], 0}
							if p.lo[j] != nil {
								y = ddFrom(b[r]).add(ddFrom(p.lo[j][r]))
							}
							z := x.mul(y)
							h[r], lo[r] = z.hi, z.lo
						}
					} else {
						for r := range h {
							h[r] = a[r] * b[r]
						}
					}
					hh = append(hh, h)
					ll = append(ll, lo)
				}
			}
			names, his, los = nn, hh, ll
		}
		for i := range names {
			d.cols = append(d.cols, his[i])
			d.lo = append(d.lo, los[i])
			d.names = append(d.names, names[i])
			d.assign = append(d.assign, ti)
		}
		ks := append([]string(nil), t.keys...)
		sort.Strings(ks)
		present[strings.Join(ks, "\x00")] = true
	}
	hasLo := false
	for _, l := range d.lo {
		if l != nil {
			hasLo = true
		}
	}
	if !hasLo {
		d.lo = nil
	}
	return nil
}

// evaluator evaluates formula factors on the selected rows of a frame.
type evaluator struct {
	pf      *parsedFormula
	f       *frame.Frame
	rows    []int
	cache   map[string]*variable
	floats  map[string][]float64 // numeric columns already read
	polyRef map[string]polyCoef  // fitted poly coefficients (prediction)
	polyOut map[string]polyCoef  // poly coefficients computed here
	// spline knots of bs()/ns() terms: fitted (prediction) and computed here
	splineRef, splineOut map[string]splineSpec
}

func (ev *evaluator) errf(n *node, format string, args ...any) error {
	return &FormulaError{ev.pf.src, n.pos, n.end - n.pos, fmt.Sprintf(format, args...)}
}

// evalFactor evaluates a term factor; categorical calls and non-numeric
// columns give categorical variables. levels, when given, fixes the level
// set (prediction).
func (ev *evaluator) evalFactor(n *node, key string, levels []string) (*variable, error) {
	if v, ok := ev.cache[key]; ok && levels == nil {
		return v, nil
	}
	v, err := ev.eval(n, false)
	if err != nil {
		return nil, err
	}
	if levels != nil && !v.numeric {
		idx := map[string]int{}
		for i, l := range levels {
			idx[l] = i
		}
		codes := make([]int, len(v.codes))
		for i, c := range v.codes {
			l := v.levels[c]
			j, ok := idx[l]
			if !ok {
				return nil, ev.errf(n, "%s has a new level %q not seen when the model was fitted (levels: %s)", key, l, strings.Join(levels, ", "))
			}
			codes[i] = j
		}
		v = &variable{key: key, codes: codes, levels: levels, ordered: v.ordered}
	}
	for _, c := range v.mcols {
		for i, x := range c {
			if x-x != 0 {
				return nil, ev.errf(n, "%s is %v at row %d", key, x, ev.rows[i]+1)
			}
		}
	}
	for i, x := range v.hi {
		if x-x != 0 { // NaN or ±Inf
			hint := "remove or fix such rows (non-finite values cannot enter a model matrix)"
			if strings.Contains(key, "log") || strings.Contains(key, "sqrt") {
				hint = "remove or fix such rows (e.g. filter x > 0 before log)"
			}
			return nil, ev.errf(n, "%s is %v at row %d; %s", key, x, ev.rows[i]+1, hint)
		}
	}
	if levels == nil {
		ev.cache[key] = v
	}
	return v, nil
}

func (ev *evaluator) column(n *node) (*variable, error) {
	name := n.text
	if name == "pi" && !ev.f.Has("pi") {
		c := make([]float64, len(ev.rows))
		for i := range c {
			c[i] = math.Pi
		}
		return &variable{key: name, numeric: true, hi: c}, nil
	}
	typ := ev.f.Type(name)
	if typ == "string" || typ == "bool" {
		codes, err := ev.f.Codes(name)
		if err != nil {
			return nil, err
		}
		lv := ev.f.Levels(name)
		if typ == "bool" {
			lv = []string{"FALSE", "TRUE"}
		}
		c := make([]int, len(ev.rows))
		used := make([]bool, len(lv))
		for i, r := range ev.rows {
			c[i] = codes[r]
			if c[i] >= 0 && c[i] < len(lv) {
				used[c[i]] = true
			}
		}
		// drop levels that do not occur in the rows used, as lm's model
		// frame does (drop.unused.levels = TRUE), keeping the level order
		remap := make([]int, len(lv))
		var kept []string
		for l, u := range used {
			remap[l] = len(kept)
			if u {
				kept = append(kept, lv[l])
			}
		}
		// (a bool column keeps FALSE and TRUE: R codes a logical as
		// factor(x, levels = c(FALSE, TRUE)))
		if len(kept) < len(lv) && typ != "bool" {
			for i := range c {
				c[i] = remap[c[i]]
			}
			lv = kept
		}
		return &variable{key: name, codes: c, levels: lv, ordered: typ == "string" && ev.f.IsOrdered(name)}, nil
	}
	all, ok := ev.floats[name]
	if !ok {
		var err error
		all, err = ev.f.Floats(name)
		if err != nil {
			return nil, err
		}
	}
	if len(ev.rows) == len(all) {
		return &variable{key: name, numeric: true, hi: all}, nil
	}
	c := make([]float64, len(ev.rows))
	for i, r := range ev.rows {
		c[i] = all[r]
	}
	return &variable{key: name, numeric: true, hi: c}, nil
}

// formatLevel formats a numeric factor level as R's as.character does
// (15 significant digits, no trailing zeros).
func formatLevel(v float64) string {
	if v == 0 {
		return "0" // also -0
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	// R's as.character and deparse: at most 15 significant digits, fixed
	// notation unless scientific is narrower (1e+05, 1e-04, 0.001, 123456)
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	fixed := strconv.FormatFloat(r, 'f', -1, 64)
	sci := strconv.FormatFloat(r, 'e', -1, 64)
	if len(fixed) <= len(sci) {
		return fixed
	}
	return sci
}

// eval evaluates an expression node. Inside I() and function arguments the
// operators are arithmetic, computed in double-double so that powers such
// as I(x^10) keep full precision.
func (ev *evaluator) eval(n *node, arith bool) (*variable, error) {
	switch n.kind {
	case "var":
		return ev.column(n)
	case "paren":
		return ev.eval(n.args[0], arith)
	case "num":
		v, err := strconv.ParseFloat(n.text, 64)
		if err != nil {
			return nil, ev.errf(n, "bad number %q", n.text)
		}
		c := make([]float64, len(ev.rows))
		for i := range c {
			c[i] = v
		}
		return &variable{key: n.text, numeric: true, hi: c}, nil
	case "call":
		name := n.text
		if categoricalCalls[name] || name == "relevel" {
			return ev.factorCall(n)
		}
		if name == "poly" {
			return ev.poly(n)
		}
		if name == "bs" || name == "ns" {
			return ev.spline(n)
		}
		if numericCalls[name] {
			return ev.asNumeric(n)
		}
		if name == "I" {
			if len(n.args) != 1 {
				return nil, ev.errf(n, "I() takes one expression, as in I(x^2)")
			}
			if a := n.args[0]; a.kind == "not" || a.kind == "op" && isLogicalOp(a.text) {
				v, err := ev.logical(a)
				if err != nil {
					return nil, err
				}
				v.key = n.src(ev.pf.src)
				return v, nil
			}
			return ev.arith(n.args[0])
		}
		if name == "scale" {
			return ev.scale(n)
		}
		if name == "log" && len(n.args) == 2 {
			// log(x, base): log(x)/log(base), as R
			b := n.args[1]
			if b.kind == "named" && b.text == "base" {
				b = b.args[0]
			}
			base, err := strconv.ParseFloat(strings.ReplaceAll(b.deparse(), " ", ""), 64)
			if b.kind != "num" && b.kind != "neg" || err != nil || !(base > 0) || base == 1 {
				return nil, ev.errf(b, "the base of log(x, base) must be a positive number other than 1")
			}
			v, err := ev.arith(n.args[0])
			if err != nil {
				return nil, err
			}
			out := make([]float64, len(v.hi))
			lb := math.Log(base)
			for i, x := range v.hi {
				if v.lo != nil {
					x += v.lo[i]
				}
				out[i] = math.Log(x) / lb
			}
			return &variable{key: n.src(ev.pf.src), numeric: true, hi: out}, nil
		}
		if fn, ok := mathCalls[name]; ok {
			if len(n.args) != 1 {
				return nil, ev.errf(n, "%s() takes one argument", name)
			}
			v, err := ev.arith(n.args[0])
			if err != nil {
				return nil, err
			}
			out := make([]float64, len(v.hi))
			for i, x := range v.hi {
				if v.lo != nil && (name == "log" || name == "log1p" || name == "log10" || name == "log2") {
					x += v.lo[i]
				}
				out[i] = fn(x)
			}
			return &variable{key: n.src(ev.pf.src), numeric: true, hi: out}, nil
		}
		known := []string{"I", "poly", "log", "log10", "log2", "log1p", "exp", "expm1", "sqrt", "abs", "sin", "cos", "tan", "factor", "C", "ordered", "offset", "unclass", "as.numeric", "scale", "relevel", "floor", "sign", "bs", "ns"}
		msg := fmt.Sprintf("unknown function %s() in formula", name)
		if c := frame.Closest(name, known); c != "" {
			msg += fmt.Sprintf(" (did you mean %s()?)", c)
		} else {
			msg += " (available: " + strings.Join(known, ", ") + ")"
		}
		return nil, &FormulaError{ev.pf.src, n.pos, len(name), msg}
	case "op", "neg", "not":
		if n.kind == "not" || isLogicalOp(n.text) {
			return ev.logical(n)
		}
		if !arith {
			return nil, ev.errf(n, "arithmetic in a formula term must be wrapped in I(), as in I(%s)", n.src(ev.pf.src))
		}
		return ev.arith(n)
	}
	return nil, ev.errf(n, "cannot evaluate this in a formula")
}

// logical evaluates a comparison or logical expression (wt > 3,
// cyl == 4 & am == 1, !vs, Species == "setosa") as R's model frame holds
// it: a logical variable, which model.matrix codes as a factor with levels
// FALSE < TRUE (coefficient "wt > 3TRUE"; R's precedence makes !vs + wt
// the single term !(vs + wt)). Inside arithmetic, as in
// I((wt > 3) * hp), a logical counts as 0/1.
func (ev *evaluator) logical(n *node) (*variable, error) {
	v, err := ev.arith(n)
	if err != nil {
		return nil, err
	}
	codes := make([]int, len(v.hi))
	for i, x := range v.hi {
		if x != 0 {
			codes[i] = 1
		}
	}
	// both levels even if one does not occur: R's model.matrix codes a
	// logical as factor(x, levels = c(FALSE, TRUE)) (the unused column is
	// then aliased)
	return &variable{key: n.src(ev.pf.src), codes: codes, levels: []string{"FALSE", "TRUE"}}, nil
}

// compareText evaluates x == "text" or x != "text" for a categorical x
// (or a numeric one, compared as R's as.character writes it), as 0/1.
func (ev *evaluator) compareText(n *node) (*variable, error) {
	other, lit := n.args[0], n.args[1]
	if other.kind == "str" {
		other, lit = lit, other
	}
	if lit.kind != "str" || other.kind == "str" {
		return nil, ev.errf(n, "compare a variable with a quoted level, as in Species == \"setosa\"")
	}
	v, err := ev.eval(other, true)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(ev.rows))
	for i := range out {
		var s string
		if v.numeric {
			s = formatLevel(v.hi[i])
		} else {
			s = v.levels[v.codes[i]]
		}
		if (s == lit.text) == (n.text == "==") {
			out[i] = 1
		}
	}
	return &variable{key: n.src(ev.pf.src), numeric: true, hi: out}, nil
}

// factorCall evaluates the categorical calls of a formula, as R:
//
//	factor(x), as.factor(x), C(x)       a factor (ordered if x is)
//	factor(x, levels = c(…))            levels in the given order
//	factor(x, ordered = TRUE)           an ordered factor
//	ordered(x), as.ordered(x)           an ordered factor (polynomial contrasts)
//	ordered(x, levels = c(…))           … with the given level order
//	relevel(x, ref = "b")               the reference level moved first
//	as.character(x)                     a plain factor
//	C(x, sum)                           contrasts: treatment, SAS, sum,
//	                                    helmert, poly or contr.* (R's C)
//
// A numeric x has its sorted distinct values as levels (written as R's
// as.character writes them, so levels = c(8, 6, 4) and levels =
// c("8", "6", "4") both work). Levels that do not occur in the rows used
// are dropped, as R's model frame does.
//
// Deliberate difference from R: a value that is not among the given
// levels is an error naming it; R makes it NA and drops the row.
func (ev *evaluator) factorCall(n *node) (*variable, error) {
	name := n.text
	var xnode, levelsNode, refNode, contrNode *node
	ordArg := ""
	pos := 0
	for _, a := range n.args {
		if a.kind == "named" {
			switch {
			case a.text == "levels" && (name == "factor" || name == "ordered"):
				levelsNode = a.args[0]
			case a.text == "ordered" && name == "factor":
				ordArg = a.args[0].deparse()
				if ordArg == "T" {
					ordArg = "TRUE"
				}
				if ordArg == "F" {
					ordArg = "FALSE"
				}
				if ordArg != "TRUE" && ordArg != "FALSE" {
					return nil, ev.errf(a, "ordered must be TRUE or FALSE")
				}
			case a.text == "ref" && name == "relevel":
				refNode = a.args[0]
			case a.text == "x" || (a.text == "object" && name == "C"):
				xnode = a.args[0]
			case a.text == "contr" && name == "C":
				contrNode = a.args[0]
			default:
				return nil, ev.errf(a, "%s() has no argument %q here (gostat supports factor(x, levels = c(…), ordered = TRUE), ordered(x, levels = c(…)) and relevel(x, ref = \"level\"))", name, a.text)
			}
			continue
		}
		switch {
		case pos == 0 && xnode == nil:
			xnode = a
		case pos == 1 && name == "relevel":
			refNode = a
		case pos == 1 && name == "C":
			contrNode = a
		case pos == 1 && (name == "factor" || name == "ordered"):
			levelsNode = a
		default:
			return nil, ev.errf(a, "too many arguments to %s(); write %s(x)", name, name)
		}
		pos++
	}
	if xnode == nil {
		return nil, ev.errf(n, "%s() takes one variable, as in %s(cyl)", name, name)
	}
	if name == "relevel" && refNode == nil {
		return nil, ev.errf(n, "relevel() needs the reference level, as in relevel(x, ref = \"b\")")
	}
	v, err := ev.eval(xnode, true)
	if err != nil {
		return nil, err
	}
	key := n.src(ev.pf.src)
	codes, levels := v.codes, v.levels
	if v.numeric {
		uniq := map[float64]bool{}
		for _, x := range v.hi {
			uniq[x] = true
		}
		vals := make([]float64, 0, len(uniq))
		for x := range uniq {
			vals = append(vals, x)
		}
		sort.Float64s(vals)
		idx := map[float64]int{}
		levels = make([]string, len(vals))
		for i, x := range vals {
			idx[x] = i
			levels[i] = formatLevel(x)
		}
		codes = make([]int, len(v.hi))
		for i, x := range v.hi {
			codes[i] = idx[x]
		}
	}
	// factor(), as.factor() and C() keep an ordered factor ordered (R's
	// factor(x) has ordered = is.ordered(x)); ordered() makes one;
	// as.character() and relevel() give a plain factor.
	ord := v.ordered && (name == "factor" || name == "as.factor" || name == "C")
	switch {
	case name == "ordered" || name == "as.ordered" || ordArg == "TRUE":
		ord = true
	case ordArg == "FALSE":
		ord = false
	}
	if name == "relevel" && v.ordered {
		return nil, ev.errf(n, "relevel() is only for unordered factors (as in R); %s is ordered", xnode.deparse())
	}
	reorder := func(want []string) {
		// keep the present levels, in the order of want
		pos := map[string]int{}
		var kept []string
		for _, l := range want {
			if _, dup := pos[l]; dup {
				continue
			}
			for _, have := range levels {
				if have == l {
					pos[l] = len(kept)
					kept = append(kept, l)
					break
				}
			}
		}
		remap := make([]int, len(levels))
		for i, l := range levels {
			remap[i] = pos[l]
		}
		nc := make([]int, len(codes))
		for i, c := range codes {
			nc[i] = remap[c]
		}
		codes, levels = nc, kept
	}
	if levelsNode != nil {
		want, err := ev.levelList(levelsNode)
		if err != nil {
			return nil, err
		}
		in := map[string]bool{}
		for _, l := range want {
			in[l] = true
		}
		for _, l := range levels {
			if !in[l] {
				return nil, ev.errf(levelsNode, "%s has the value %q, which is not among the levels %s; R would make it NA and drop the row — filter such rows first", xnode.deparse(), l, levelsNode.deparse())
			}
		}
		reorder(want)
	}
	if refNode != nil {
		ref, err := ev.levelList(refNode)
		if err != nil || len(ref) != 1 {
			return nil, ev.errf(refNode, "the reference level must be one level, as in relevel(x, ref = \"b\")")
		}
		found := false
		for _, l := range levels {
			found = found || l == ref[0]
		}
		if !found {
			return nil, ev.errf(refNode, "%q is not a level of %s (levels: %s)", ref[0], xnode.deparse(), strings.Join(levels, ", "))
		}
		want := append([]string{ref[0]}, levels...)
		reorder(want)
	}
	out := &variable{key: key, codes: codes, levels: levels, ordered: ord}
	if contrNode != nil {
		spec, ok := contrSpec{}, false
		if contrNode.kind == "var" || contrNode.kind == "str" {
			spec, ok = contrKinds[contrNode.text]
		}
		if !ok || (contrNode.kind == "str" && spec.numbered) {
			return nil, ev.errf(contrNode, "unknown contrasts %s; use treatment, SAS, sum, helmert or poly (or contr.treatment, contr.sum, …), as in C(x, sum)", contrNode.deparse())
		}
		out.contr = &spec
	}
	return out, nil
}

// levelList evaluates a level list: c("a", "b"), c(4, 6, 8), or one string
// or number. Numbers are written as R's as.character writes them.
func (ev *evaluator) levelList(n *node) ([]string, error) {
	var items []*node
	switch {
	case n.kind == "call" && n.text == "c":
		items = n.args
	case n.kind == "str" || n.kind == "num" || n.kind == "neg":
		items = []*node{n}
	default:
		return nil, ev.errf(n, "levels must be written out, as in c(\"L\", \"M\", \"H\") or c(4, 6, 8)")
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		switch it.kind {
		case "str":
			out = append(out, it.text)
		case "num", "neg":
			x, err := strconv.ParseFloat(strings.ReplaceAll(it.deparse(), " ", ""), 64)
			if err != nil {
				return nil, ev.errf(it, "bad level %s", it.deparse())
			}
			out = append(out, formatLevel(x))
		default:
			return nil, ev.errf(it, "a level must be a quoted string or a number, not %s", it.deparse())
		}
	}
	return out, nil
}

// scale evaluates scale(x) (centre and divide by the standard deviation,
// n − 1 denominator), scale(x, center = FALSE) or scale(x, scale = FALSE),
// as R's scale on one column. As in R (scale has no makepredictcall
// method), predictions on new data scale by the new data's own mean and
// SD, which is rarely what is wanted: standardise the column in the frame
// first for predictions on new data.
func (ev *evaluator) scale(n *node) (*variable, error) {
	center, scl := true, true
	var x *node
	for i, a := range n.args {
		if a.kind == "named" && (a.text == "center" || a.text == "scale") {
			t := a.args[0].deparse()
			if t != "TRUE" && t != "FALSE" && t != "T" && t != "F" {
				return nil, ev.errf(a, "%s must be TRUE or FALSE", a.text)
			}
			if a.text == "center" {
				center = t == "TRUE" || t == "T"
			} else {
				scl = t == "TRUE" || t == "T"
			}
			continue
		}
		if i > 0 || a.kind == "named" && a.text != "x" {
			return nil, ev.errf(a, "scale() takes a variable and center = TRUE/FALSE, scale = TRUE/FALSE")
		}
		x = a
		if a.kind == "named" {
			x = a.args[0]
		}
	}
	if x == nil {
		return nil, ev.errf(n, "scale() needs a variable, as in scale(hp)")
	}
	v, err := ev.arith(x)
	if err != nil {
		return nil, err
	}
	m := len(v.hi)
	out := make([]float64, m)
	vals := make([]float64, m)
	mean := 0.0
	for i, h := range v.hi {
		if v.lo != nil {
			h += v.lo[i]
		}
		vals[i] = h
		mean += h
	}
	mean /= float64(m)
	if !center {
		mean = 0
	}
	ss := 0.0
	for _, h := range vals {
		ss += (h - mean) * (h - mean)
	}
	sd := 1.0
	if scl {
		// R: sqrt(sum(x^2)/(n - 1)) of the centred (or raw) column
		sd = math.Sqrt(ss / float64(m-1))
	}
	for i, h := range vals {
		out[i] = (h - mean) / sd
	}
	return &variable{key: n.src(ev.pf.src), numeric: true, hi: out}, nil
}

// asNumeric evaluates unclass(x), as.numeric(x), as.integer(x): for a
// factor column the level codes 1..k in the frame's factor order (all of
// its levels, as R, whatever rows are used — R's ?esoph example fits
// agegp + unclass(tobgp) + unclass(alcgp) as linear scores), for a
// factor expression its codes, for a numeric one the values (as.integer
// truncates toward zero).
func (ev *evaluator) asNumeric(n *node) (*variable, error) {
	if len(n.args) != 1 || n.args[0].kind == "named" {
		return nil, ev.errf(n, "%s() takes one variable, as in %s(tobgp)", n.text, n.text)
	}
	a := n.args[0]
	out := make([]float64, len(ev.rows))
	key := n.src(ev.pf.src)
	if a.kind == "var" && ev.f.Has(a.text) && (ev.f.Type(a.text) == "string" || ev.f.Type(a.text) == "bool") {
		codes, err := ev.f.Codes(a.text)
		if err != nil {
			return nil, err
		}
		for i, r := range ev.rows {
			out[i] = float64(codes[r] + 1)
		}
		return &variable{key: key, numeric: true, hi: out}, nil
	}
	v, err := ev.eval(a, true)
	if err != nil {
		return nil, err
	}
	if !v.numeric {
		for i, c := range v.codes {
			out[i] = float64(c + 1)
		}
		return &variable{key: key, numeric: true, hi: out}, nil
	}
	for i, x := range v.hi {
		if v.lo != nil {
			x += v.lo[i]
		}
		if n.text == "as.integer" {
			x = math.Trunc(x)
		}
		out[i] = x
	}
	return &variable{key: key, numeric: true, hi: out}, nil
}

// arith evaluates an arithmetic expression in double-double.
func (ev *evaluator) arith(n *node) (*variable, error) {
	switch n.kind {
	case "op", "neg":
	case "not":
		a, err := ev.arith(n.args[0])
		if err != nil {
			return nil, err
		}
		out := make([]float64, len(a.hi))
		for i, x := range a.hi {
			if x == 0 && (a.lo == nil || a.lo[i] == 0) {
				out[i] = 1
			}
		}
		return &variable{key: n.src(ev.pf.src), numeric: true, hi: out}, nil
	case "paren":
		return ev.arith(n.args[0])
	default:
		v, err := ev.eval(n, true)
		if err != nil {
			return nil, err
		}
		if !v.numeric {
			return nil, ev.errf(n, "%s is categorical; arithmetic needs a numeric variable", n.src(ev.pf.src))
		}
		return v, nil
	}
	get := func(i int, x *variable) dd {
		if x.lo != nil {
			return ddFrom(x.hi[i]).add(ddFrom(x.lo[i]))
		}
		return ddFrom(x.hi[i])
	}
	if n.kind == "op" && (n.text == "==" || n.text == "!=") && (n.args[0].kind == "str" || n.args[1].kind == "str") {
		return ev.compareText(n)
	}
	a, err := ev.arith(n.args[0])
	if err != nil {
		return nil, err
	}
	m := len(a.hi)
	hi := make([]float64, m)
	lo := make([]float64, m)
	if n.kind == "neg" {
		for i := range hi {
			hi[i] = -a.hi[i]
			if a.lo != nil {
				lo[i] = -a.lo[i]
			}
		}
		return &variable{key: n.src(ev.pf.src), numeric: true, hi: hi, lo: lo}, nil
	}
	b, err := ev.arith(n.args[1])
	if err != nil {
		return nil, err
	}
	if isLogicalOp(n.text) {
		out := make([]float64, m)
		for i := 0; i < m; i++ {
			x, y := get(i, a), get(i, b)
			c := x.sub(y)
			sign := 0
			if c.hi > 0 || c.hi == 0 && c.lo > 0 {
				sign = 1
			} else if c.hi < 0 || c.hi == 0 && c.lo < 0 {
				sign = -1
			}
			xt, yt := x.hi != 0 || x.lo != 0, y.hi != 0 || y.lo != 0
			var r bool
			switch n.text {
			case "==":
				r = sign == 0
			case "!=":
				r = sign != 0
			case "<":
				r = sign < 0
			case ">":
				r = sign > 0
			case "<=":
				r = sign <= 0
			case ">=":
				r = sign >= 0
			case "&":
				r = xt && yt
			case "|":
				r = xt || yt
			}
			if r {
				out[i] = 1
			}
		}
		return &variable{key: n.src(ev.pf.src), numeric: true, hi: out}, nil
	}
	intPow := -1
	if n.text == "^" && n.args[1].kind == "num" {
		if k, err := strconv.Atoi(n.args[1].text); err == nil && k >= 0 && k <= 64 {
			intPow = k
		}
	}
	for i := 0; i < m; i++ {
		x, y := get(i, a), get(i, b)
		var z dd
		switch n.text {
		case "+":
			z = x.add(y)
		case "-":
			z = x.sub(y)
		case "*":
			z = x.mul(y)
		case "/":
			z = x.div(y)
		case "^":
			if intPow >= 0 {
				z = ddFrom(1)
				base := x
				k := intPow
				for k > 0 {
					if k&1 == 1 {
						z = z.mul(base)
					}
					base = base.mul(base)
					k >>= 1
				}
			} else {
				z = ddFrom(math.Pow(x.hi, y.hi))
			}
		case ":":
			z = x.mul(y)
		default:
			return nil, ev.errf(n, "operator %s is not arithmetic", n.text)
		}
		hi[i], lo[i] = z.hi, z.lo
	}
	return &variable{key: n.src(ev.pf.src), numeric: true, hi: hi, lo: lo}, nil
}

// poly evaluates poly(x, degree) — orthogonal polynomials of x as R's
// poly (three-term recurrence; columns have unit norm and are orthogonal
// to the constant and to each other) — or poly(x, degree, raw = TRUE),
// the plain powers x, x², …. Columns are named key1, key2, ….
func (ev *evaluator) poly(n *node) (*variable, error) {
	key := n.deparse()
	if len(n.args) < 1 {
		return nil, ev.errf(n, "poly() needs a variable and a degree, as in poly(x, 2)")
	}
	degree := 1
	raw := false
	pos := 0
	var xnode *node
	for _, a := range n.args {
		if a.kind == "named" {
			switch a.text {
			case "raw":
				t := a.args[0].deparse()
				raw = t == "TRUE" || t == "T"
				if !raw && t != "FALSE" && t != "F" {
					return nil, ev.errf(a, "raw must be TRUE or FALSE")
				}
			case "degree":
				k, err := strconv.Atoi(a.args[0].deparse())
				if err != nil || k < 1 {
					return nil, ev.errf(a, "degree must be a positive integer")
				}
				degree = k
			case "x":
				xnode = a.args[0]
			default:
				return nil, ev.errf(a, "poly() has no argument %q (use x, degree, raw)", a.text)
			}
			continue
		}
		switch pos {
		case 0:
			xnode = a
		case 1:
			k, err := strconv.Atoi(a.deparse())
			if err != nil || k < 1 {
				return nil, ev.errf(a, "the degree of poly() must be a positive integer")
			}
			degree = k
		default:
			return nil, ev.errf(a, "too many arguments to poly(); write poly(x, degree) or poly(x, degree, raw = TRUE)")
		}
		pos++
	}
	if xnode == nil {
		return nil, ev.errf(n, "poly() needs a variable")
	}
	xv, err := ev.arith(xnode)
	if err != nil {
		return nil, err
	}
	x := xv.hi
	m := len(x)
	out := &variable{key: key, numeric: true}
	for k := 1; k <= degree; k++ {
		out.suffix = append(out.suffix, strconv.Itoa(k))
	}
	if raw {
		// powers in double-double, low parts kept (as I(x^k)), so that the
		// solver sees the exact powers of the data to about 1e-32
		for k := 1; k <= degree; k++ {
			c := make([]float64, m)
			lo := make([]float64, m)
			for i, v := range x {
				var z dd
				if xv.lo == nil || xv.lo[i] == 0 {
					z = ddPow(v, k)
				} else {
					b := ddFrom(v).add(ddFrom(xv.lo[i]))
					z = ddFrom(1)
					for e := 0; e < k; e++ {
						z = z.mul(b)
					}
				}
				c[i], lo[i] = z.hi, z.lo
			}
			out.mcols = append(out.mcols, c)
			out.mlo = append(out.mlo, lo)
		}
		return out, nil
	}
	pc, ok := ev.polyRef[key]
	if !ok {
		// fit the recurrence on these data
		if m <= degree {
			return nil, ev.errf(n, "poly(%s, %d) needs more than %d distinct points", xnode.deparse(), degree, degree)
		}
		pc = polyCoef{norm2: []float64{1, float64(m)}}
		z0 := make([]float64, m)
		z1 := make([]float64, m)
		for i := range z0 {
			z0[i] = 1
		}
		mean := 0.0
		for _, v := range x {
			mean += v
		}
		mean /= float64(m)
		alpha := mean
		pc.alpha = append(pc.alpha, alpha)
		for i, v := range x {
			z1[i] = v - alpha
		}
		prev, cur := z0, z1
		for k := 1; k <= degree; k++ {
			nn := sumSq(cur)
			pc.norm2 = append(pc.norm2, nn)
			if nn <= 1e-20*pc.norm2[1] {
				return nil, ev.errf(n, "poly(%s, %d): %s has too few distinct values for degree %d", xnode.deparse(), degree, xnode.deparse(), degree)
			}
			if k == degree {
				break
			}
			sx := 0.0
			for i, v := range x {
				sx += v * cur[i] * cur[i]
			}
			a := sx / nn
			pc.alpha = append(pc.alpha, a)
			next := make([]float64, m)
			r := pc.norm2[k+1] / pc.norm2[k]
			for i, v := range x {
				next[i] = (v-a)*cur[i] - r*prev[i]
			}
			prev, cur = cur, next
		}
		if ev.polyOut != nil {
			ev.polyOut[key] = pc
		}
	}
	// evaluate with the recurrence (also for new data)
	prev := make([]float64, m)
	cur := make([]float64, m)
	for i := range prev {
		prev[i] = 1
		cur[i] = x[i] - pc.alpha[0]
	}
	for k := 1; k <= degree; k++ {
		c := make([]float64, m)
		sc := 1 / math.Sqrt(pc.norm2[k+1])
		for i := range c {
			c[i] = cur[i] * sc
		}
		out.mcols = append(out.mcols, c)
		if k == degree {
			break
		}
		next := make([]float64, m)
		r := pc.norm2[k+1] / pc.norm2[k]
		for i, v := range x {
			next[i] = (v-pc.alpha[k])*cur[i] - r*prev[i]
		}
		prev, cur = cur, next
	}
	return out, nil
}

// rowLabels returns the labels of rows when the frame's first column plays
// the part of R's row names: a text column whose values are all present and
// distinct (mtcars' model, USArrests' state). Nil otherwise.
func rowLabels(f *frame.Frame, rows []int) []string {
	names := f.Names()
	if len(names) == 0 || f.IsNumeric(names[0]) {
		return nil
	}
	vals, err := f.Strings(names[0])
	if err != nil {
		return nil
	}
	na, _ := f.NA(names[0])
	seen := make(map[string]bool, len(vals))
	for i, v := range vals {
		if (i < len(na) && na[i]) || seen[v] {
			return nil
		}
		seen[v] = true
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = vals[r]
	}
	return out
}
