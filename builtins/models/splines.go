package models

import (
	"math"
	"sort"
	"strconv"

	inum "github.com/gostat/gostat/builtins/internal/num"
)

// splineSpec is what a fitted bs() or ns() term needs to rebuild its basis
// on new data (R's makepredictcall for splines): the knots, the boundary
// knots, the degree and whether the basis has an intercept column.
type splineSpec struct {
	natural   bool
	knots     []float64 // interior knots
	boundary  [2]float64
	degree    int
	intercept bool
}

// spline evaluates bs(x, df, knots, degree = 3, intercept = FALSE,
// Boundary.knots = range(x)) — the B-spline basis — or ns(x, df, knots,
// intercept = FALSE, Boundary.knots = range(x)) — the natural cubic spline
// basis — as R's splines package does: with df and no knots, the interior
// knots are the type-7 quantiles of x at equally spaced probabilities;
// the basis is splineDesign on the knot sequence with the boundary knots
// repeated degree + 1 times, without the first column unless intercept;
// ns projects it onto the null space of the second derivatives at the
// boundary knots (QR of the constraint, R's qr.qty, first two columns
// dropped), so the fit is linear beyond the boundary. Columns are named
// key1, key2, …. Predictions on new data reuse the fitted knots; values
// beyond the boundary are extrapolated as R does (Taylor expansion at a
// pivot for bs, linearly for ns).
func (ev *evaluator) spline(n *node) (*variable, error) {
	key := n.deparse()
	natural := n.text == "ns"
	var xnode *node
	df := -1
	var knots []float64
	haveKnots := false
	degree := 3
	intercept := false
	var boundary []float64
	positional := []string{"x", "df", "knots", "degree", "intercept", "Boundary.knots"}
	if natural {
		positional = []string{"x", "df", "knots", "intercept", "Boundary.knots"}
	}
	pos := 0
	for _, a := range n.args {
		name, val := "", a
		if a.kind == "named" {
			name, val = a.text, a.args[0]
		} else {
			if pos >= len(positional) {
				return nil, ev.errf(a, "too many arguments to %s()", n.text)
			}
			name = positional[pos]
			pos++
		}
		switch name {
		case "x":
			xnode = val
		case "df", "degree":
			k, err := strconv.Atoi(val.deparse())
			if err != nil || k < 0 || name == "degree" && (natural || k < 1) {
				return nil, ev.errf(a, "%s of %s() must be a positive integer", name, n.text)
			}
			if name == "df" {
				df = k
			} else {
				degree = k
			}
		case "knots", "Boundary.knots":
			vals, err := ev.numberList(val)
			if err != nil {
				return nil, err
			}
			if name == "knots" {
				knots, haveKnots = vals, true
			} else {
				if len(vals) != 2 {
					return nil, ev.errf(a, "Boundary.knots must be two numbers, as in c(50, 350)")
				}
				boundary = vals
			}
		case "intercept":
			t := val.deparse()
			if t != "TRUE" && t != "FALSE" && t != "T" && t != "F" {
				return nil, ev.errf(a, "intercept must be TRUE or FALSE")
			}
			intercept = t == "TRUE" || t == "T"
		default:
			return nil, ev.errf(a, "%s() has no argument %q (use x, df, knots, %sintercept, Boundary.knots)", n.text, name, map[bool]string{false: "degree, ", true: ""}[natural])
		}
	}
	if xnode == nil {
		return nil, ev.errf(n, "%s() needs a variable, as in %s(hp, df = 4)", n.text, n.text)
	}
	xv, err := ev.arith(xnode)
	if err != nil {
		return nil, err
	}
	x := xv.hi
	spec, ok := ev.splineRef[key]
	if !ok {
		spec = splineSpec{natural: natural, degree: degree, intercept: intercept}
		if natural {
			spec.degree = 3
		}
		if boundary != nil {
			spec.boundary = [2]float64{math.Min(boundary[0], boundary[1]), math.Max(boundary[0], boundary[1])}
		} else {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, v := range x {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			spec.boundary = [2]float64{lo, hi}
		}
		ib := 0
		if intercept {
			ib = 1
		}
		if df >= 0 && !haveKnots {
			nIknots := df - 1 - ib // ns
			if !natural {
				nIknots = df - (spec.degree + 1) + (1 - ib)
			}
			if nIknots < 0 {
				nIknots = 0 // R warns "'df' was too small"
			}
			if nIknots > 0 {
				var inside []float64
				for _, v := range x {
					if v >= spec.boundary[0] && v <= spec.boundary[1] {
						inside = append(inside, v)
					}
				}
				by := 1 / float64(nIknots+1)
				ps := make([]float64, nIknots)
				for i := range ps {
					ps[i] = float64(i+1) * by
				}
				spec.knots = inum.QuantilesInPlace(inside, ps)
			}
		} else {
			spec.knots = append([]float64(nil), knots...)
			sort.Float64s(spec.knots)
		}
		if ev.splineOut != nil {
			ev.splineOut[key] = spec
		}
	}
	basis := spec.basis(x)
	if basis == nil {
		return nil, ev.errf(n, "%s(): the spline has no basis columns (raise df or add knots)", n.text)
	}
	out := &variable{key: key, numeric: true, mcols: basis}
	for k := range basis {
		out.suffix = append(out.suffix, strconv.Itoa(k+1))
	}
	return out, nil
}

// numberList evaluates c(a, b, …) or a single number.
func (ev *evaluator) numberList(n *node) ([]float64, error) {
	items := []*node{n}
	if n.kind == "call" && n.text == "c" {
		items = n.args
	}
	out := make([]float64, 0, len(items))
	for _, it := range items {
		v, err := strconv.ParseFloat(deparseNumber(it), 64)
		if err != nil {
			return nil, ev.errf(it, "expected a number, not %s", it.deparse())
		}
		out = append(out, v)
	}
	return out, nil
}

func deparseNumber(n *node) string {
	if n.kind == "neg" && len(n.args) == 1 && n.args[0].kind == "num" {
		return "-" + n.args[0].text
	}
	if n.kind == "num" {
		return n.text
	}
	return n.deparse()
}

// basis returns the spline basis columns at x (column-major).
func (s splineSpec) basis(x []float64) [][]float64 {
	ord := s.degree + 1
	aknots := make([]float64, 0, 2*ord+len(s.knots))
	for i := 0; i < ord; i++ {
		aknots = append(aknots, s.boundary[0], s.boundary[1])
	}
	aknots = append(aknots, s.knots...)
	sort.Float64s(aknots)
	ncol := len(aknots) - ord
	rows := make([][]float64, len(x))
	for i, v := range x {
		switch {
		case v < s.boundary[0] || v > s.boundary[1]:
			rows[i] = s.outside(aknots, v)
		default:
			rows[i] = splineDesignRow(aknots, v, ord, 0)
		}
	}
	first := 0
	if !s.intercept {
		first = 1
	}
	if !s.natural {
		cols := make([][]float64, ncol-first)
		for j := range cols {
			cols[j] = make([]float64, len(x))
			for i := range x {
				cols[j][i] = rows[i][j+first]
			}
		}
		return cols
	}
	// ns: Q'b of each basis row for the QR of t(const), const = the second
	// derivatives at the boundary knots; drop the first two
	c1 := splineDesignRow(aknots, s.boundary[0], ord, 2)
	c2 := splineDesignRow(aknots, s.boundary[1], ord, 2)
	m := ncol - first
	qrx := [][]float64{append([]float64(nil), c1[first:]...), append([]float64(nil), c2[first:]...)}
	rank, qraux := dqrdc2(qrx, 1e-7)
	if m <= 2 {
		return nil
	}
	cols := make([][]float64, m-2)
	for j := range cols {
		cols[j] = make([]float64, len(x))
	}
	b := make([]float64, m)
	for i := range x {
		copy(b, rows[i][first:])
		qrqty(qrx, rank, qraux, b)
		for j := range cols {
			cols[j][i] = b[j+2]
		}
	}
	return cols
}

// outside is the basis row at a point beyond the boundary knots, as R's
// bs (Taylor expansion of degree `degree` at a pivot a quarter of the way
// into the first or last interval) and ns (linear extrapolation from the
// boundary knot).
func (s splineSpec) outside(aknots []float64, v float64) []float64 {
	ord := s.degree + 1
	var pivot float64
	if s.natural {
		pivot = s.boundary[0]
		if v > s.boundary[1] {
			pivot = s.boundary[1]
		}
		b0 := splineDesignRow(aknots, pivot, ord, 0)
		b1 := splineDesignRow(aknots, pivot, ord, 1)
		out := make([]float64, len(b0))
		for j := range out {
			out[j] = b0[j] + (v-pivot)*b1[j]
		}
		return out
	}
	const e = 0.25
	if v < s.boundary[0] {
		pivot = (1-e)*s.boundary[0] + e*aknots[ord]
	} else {
		pivot = (1-e)*s.boundary[1] + e*aknots[len(aknots)-ord-1]
	}
	out := make([]float64, len(aknots)-ord)
	fact := 1.0
	for d := 0; d <= s.degree; d++ {
		if d > 0 {
			fact *= float64(d)
		}
		tt := splineDesignRow(aknots, pivot, ord, d)
		w := math.Pow(v-pivot, float64(d))
		if d == 0 {
			w = 1
		}
		for j := range out {
			out[j] += w * (tt[j] / fact)
		}
	}
	return out
}

// splineDesignRow is one row of R's splineDesign(knots, x, ord, derivs):
// the values (or derivs-th derivatives) of the len(knots) − ord B-splines
// of order ord at x, a port of R's splines.c (set_cursor, basis_funcs,
// evaluate). x must lie within [knots[ord−1], knots[len−ord]]; the right
// end belongs to the last interval.
func splineDesignRow(knots []float64, x float64, ord, derivs int) []float64 {
	nk := len(knots)
	out := make([]float64, nk-ord)
	// set_cursor: the first knot > x
	curs, boundary := -1, false
	for i := 0; i < nk; i++ {
		if knots[i] >= x {
			curs = i
		}
		if knots[i] > x {
			break
		}
	}
	if last := nk - ord; curs > last && x == knots[last] {
		boundary, curs = true, last
	}
	if curs < ord || curs > nk-ord {
		for j := range out {
			out[j] = math.NaN()
		}
		return out
	}
	ordm1 := ord - 1
	rdel := make([]float64, ordm1)
	ldel := make([]float64, ordm1)
	diff := func(ndiff int) {
		for i := 0; i < ndiff; i++ {
			rdel[i] = knots[curs+i] - x
			ldel[i] = x - knots[curs-(i+1)]
		}
	}
	vals := make([]float64, ord)
	if derivs == 0 {
		// basis_funcs
		diff(ordm1)
		vals[0] = 1
		for j := 1; j <= ordm1; j++ {
			saved := 0.0
			for r := 0; r < j; r++ {
				den := rdel[r] + ldel[j-1-r]
				if den != 0 {
					term := vals[r] / den
					vals[r] = saved + rdel[r]*term
					saved = ldel[j-1-r] * term
				} else {
					if r != 0 || rdel[r] != 0 {
						vals[r] = saved
					}
					saved = 0
				}
			}
			vals[j] = saved
		}
	} else {
		// evaluate the derivative of each B-spline (coefficient vector e_ii)
		a := make([]float64, ord)
		for ii := 0; ii < ord; ii++ {
			if boundary && derivs == ordm1 {
				vals[ii] = 0
				continue
			}
			for j := range a {
				a[j] = 0
			}
			a[ii] = 1
			outer := ordm1
			ti := curs
			for nd := derivs; nd > 0; nd-- {
				for k := 0; k < outer; k++ {
					lpt := ti - outer + k
					a[k] = float64(outer) * (a[k+1] - a[k]) / (knots[lpt+outer] - knots[lpt])
				}
				outer--
			}
			diff(outer)
			for ; outer > 0; outer-- {
				o := outer - 1
				for k := 0; k <= o; k++ {
					l, r := ldel[o-k], rdel[k]
					a[k] = (a[k+1]*l + a[k]*r) / (r + l)
				}
			}
			vals[ii] = a[0]
		}
	}
	off := curs - ord
	for j := 0; j < ord; j++ {
		out[off+j] = vals[j]
	}
	return out
}
