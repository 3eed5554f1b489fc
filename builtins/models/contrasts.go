package models

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
)

// contrPolyCache holds contr.poly(k) by k (computed once; read-only).
var contrPolyCache sync.Map

// contrPoly returns R's contr.poly(k) as k-1 columns of k values: the
// orthogonal polynomials of degree 1 … k-1 in the scores 1..k, normalised
// to unit length (orthonormal and orthogonal to the constant; the .L
// column increases).
//
// It is computed with R's own algorithm (make.poly in contr.poly), not
// from the exact polynomials, because for many levels R's result is not
// the exact one and models must match R: the Vandermonde matrix
// X = outer(y, 0:(k-1), "^") of the centred scores y is decomposed by
// LINPACK's dqrdc2 (Householder QR with R's limited column pivoting,
// tolerance 1e-7; see dqrdc2), and the columns are Q·diag(R) normalised
// (qr.qy with the first rank reflections). Up to k = 21 this is the
// orthonormal polynomial basis to within R's rounding (which reaches 2e-10
// against the exact values at k = 21); from k = 21 R's QR declares the
// Vandermonde matrix rank deficient, moves the negligible columns to the
// end, and the high-degree columns become an orthonormal completion that
// is not polynomial in the scores (up to 0.9 away from the exact
// polynomials). Either way the columns span the same contrast space, so
// fitted values, R², ANOVA and predictions do not depend on it; the
// individual coefficients do.
//
// Deliberate difference from R, in the last bit: R forms y^j with the C
// library's pow, which is not always correctly rounded (glibc differs in
// the last bit for 10 of the 2500 entries at k = 50); gostat rounds the
// exact powers correctly. This leaves gostat's columns within 1e-16 of
// R's for most k up to 60, within 2e-7 for a few (k = 35, 37, 39, 42, 44,
// 46, 48, 50), and for k = 41, 43, 47, 51 and 52 R's pivoting takes
// another path and its high-degree columns differ.
func contrPoly(k int) [][]float64 {
	if k < 2 {
		return nil
	}
	if v, ok := contrPolyCache.Load(k); ok {
		return v.([][]float64)
	}
	// X[j] = y^j, y = (2i - (k+1))/2: correctly rounded from exact
	// integer powers of 2i - (k+1)
	x := make([][]float64, k)
	m := make([]*big.Int, k)
	for i := range m {
		m[i] = big.NewInt(1)
	}
	for j := 0; j < k; j++ {
		col := make([]float64, k)
		for i := range col {
			if j > 0 {
				m[i].Mul(m[i], big.NewInt(int64(2*(i+1)-(k+1))))
			}
			f, _ := new(big.Float).SetInt(m[i]).Float64()
			col[i] = math.Ldexp(f, -j)
		}
		x[j] = col
	}
	rank, qraux := dqrdc2(x, 1e-7)
	out := make([][]float64, k-1)
	for j := 1; j < k; j++ {
		z := make([]float64, k)
		z[j] = x[j][j]
		qrqy(x, rank, qraux, z)
		s := 0.0
		for _, v := range z {
			s += v * v
		}
		s = math.Sqrt(s)
		for i := range z {
			z[i] /= s
		}
		out[j-1] = z
	}
	v, _ := contrPolyCache.LoadOrStore(k, out)
	return v.([][]float64)
}

// dqrdc2 is R's LINPACK QR decomposition (src/appl/dqrdc2.f) of the
// matrix with columns x[j] (all of one length; overwritten with the
// compact QR as R's qr()$qr): Householder reflections, where before step l any column
// whose norm has fallen below tol times its original norm is moved to the
// end (R's limited pivoting, which keeps the order of the others). It
// returns the rank and qraux. The arithmetic follows the Fortran and the
// reference BLAS it calls (dnrm2, ddot, daxpy, dscal) operation by
// operation, so that the rounding, and thereby the pivoting decisions of
// nearly singular matrices, are R's.
func dqrdc2(x [][]float64, tol float64) (rank int, qraux []float64) {
	p := len(x)
	n := len(x[0])
	nrm2 := func(v []float64) float64 {
		s := 0.0
		for _, a := range v {
			s += a * a
		}
		return math.Sqrt(s)
	}
	qraux = make([]float64, p)
	w1 := make([]float64, p)
	w2 := make([]float64, p)
	for j := 0; j < p; j++ {
		qraux[j] = nrm2(x[j])
		w1[j], w2[j] = qraux[j], qraux[j]
		if w2[j] == 0 {
			w2[j] = 1
		}
	}
	k := p + 1 // as the Fortran: one more than the columns kept
	for l := 0; l < min(n, p); l++ {
		for l+1 < k && qraux[l] < w2[l]*tol {
			// cycle the negligible column l to the end
			c, q, a, b := x[l], qraux[l], w1[l], w2[l]
			copy(x[l:], x[l+1:])
			copy(qraux[l:], qraux[l+1:])
			copy(w1[l:], w1[l+1:])
			copy(w2[l:], w2[l+1:])
			x[p-1], qraux[p-1], w1[p-1], w2[p-1] = c, q, a, b
			k--
		}
		if l == n-1 {
			break
		}
		xl := x[l][l:]
		nrmxl := nrm2(xl)
		if nrmxl == 0 {
			continue
		}
		if xl[0] != 0 {
			nrmxl = math.Copysign(nrmxl, xl[0])
		}
		sc := 1 / nrmxl
		for i := range xl {
			xl[i] *= sc
		}
		xl[0] = 1 + xl[0]
		for j := l + 1; j < p; j++ {
			xj := x[j][l:]
			d := 0.0
			for i := range xl {
				d += xl[i] * xj[i]
			}
			t := -d / xl[0]
			for i := range xj {
				xj[i] += t * xl[i]
			}
			if qraux[j] == 0 {
				continue
			}
			r := math.Abs(xj[0]) / qraux[j]
			t = math.Max(1-r*r, 0)
			if math.Abs(t) < 1e-6 {
				qraux[j] = nrm2(x[j][l+1:])
				w1[j] = qraux[j]
			} else {
				qraux[j] *= math.Sqrt(t)
			}
		}
		qraux[l] = xl[0]
		xl[0] = -nrmxl
	}
	return min(k-1, n), qraux
}

// qrqy overwrites y with Q·y, Q the product of the first k Householder
// reflections of dqrdc2's compact QR (R's qr.qy, LINPACK dqrsl).
func qrqy(x [][]float64, k int, qraux, y []float64) {
	n := len(y)
	for j := min(k, n-1) - 1; j >= 0; j-- {
		reflectQR(x, j, qraux, y)
	}
}

// polySuffix is R's name suffix of the degree-j column of contr.poly:
// ".L", ".Q", ".C", then "^4", "^5", ….
func polySuffix(j int) string {
	switch j {
	case 1:
		return ".L"
	case 2:
		return ".Q"
	case 3:
		return ".C"
	}
	return "^" + strconv.Itoa(j)
}

// polyColumn reports whether model column j is a polynomial-contrast
// column of an ordered factor's main effect, returning the factor and the
// degree (1 for x.L, 2 for x.Q, …).
func (d *design) polyColumn(j int) (factor string, degree int, ok bool) {
	if d == nil || d.ts == nil || j >= len(d.assign) || d.assign[j] < 0 {
		return "", 0, false
	}
	t := d.ts.terms[d.assign[j]]
	if len(t.keys) != 1 {
		return "", 0, false
	}
	key := t.keys[0]
	if !d.ordered[key] || d.coding[t.label()+"|"+key] || !strings.HasPrefix(d.names[j], key) {
		return "", 0, false
	}
	switch suf := d.names[j][len(key):]; suf {
	case ".L":
		return key, 1, true
	case ".Q":
		return key, 2, true
	case ".C":
		return key, 3, true
	default:
		k, err := strconv.Atoi(strings.TrimPrefix(suf, "^"))
		return key, k, err == nil
	}
}

// polyTrend names the degree-k contrast of an ordered factor in readings.
func polyTrend(k int) string {
	switch k {
	case 1:
		return "linear"
	case 2:
		return "quadratic"
	case 3:
		return "cubic"
	}
	return "degree-" + strconv.Itoa(k)
}

// contrSpec is a factor's contrast coding, as R's contr.* functions:
// kind is "treatment" (first level the baseline), "SAS" (last level the
// baseline), "sum", "helmert" or "poly". numbered names the columns by
// number instead of by level (R's C(x, contr.treatment), which calls the
// function with the number of levels, gives x2, x3; C(x, treatment) gives
// the level names).
type contrSpec struct {
	kind     string
	numbered bool
}

// contrKinds maps the contrast names accepted in C(x, contr) to a spec:
// the short names R's C() translates (poly, helmert, sum, treatment, SAS)
// and the contr.* functions.
var contrKinds = map[string]contrSpec{
	"treatment": {kind: "treatment"}, "SAS": {kind: "SAS"}, "sum": {kind: "sum"}, "helmert": {kind: "helmert"}, "poly": {kind: "poly"},
	"contr.treatment": {kind: "treatment", numbered: true}, "contr.SAS": {kind: "SAS", numbered: true},
	"contr.sum": {kind: "sum", numbered: true}, "contr.helmert": {kind: "helmert", numbered: true}, "contr.poly": {kind: "poly", numbered: true},
}

// contrMatrix returns the k-1 contrast columns (each of length k, indexed
// by level code) of spec for the given levels, and the suffixes R appends
// to the factor's name:
//
//	treatment  e_2 … e_k              names: levels 2..k (or "2".."k")
//	SAS        e_1 … e_{k-1}          names: levels 1..k-1 (or "1".."k-1")
//	sum        e_j − e_k, j < k       names: "1".."k-1"
//	helmert    column j: −1 on levels 1..j, j on level j+1, 0 after
//	                                  names: "1".."k-1"
//	poly       contrPoly(k)           names: ".L", ".Q", ".C", "^4", …
func contrMatrix(spec contrSpec, levels []string) ([][]float64, []string) {
	k := len(levels)
	if k < 2 {
		return nil, nil
	}
	if spec.kind == "poly" {
		cp := contrPoly(k)
		suf := make([]string, len(cp))
		for j := range cp {
			suf[j] = polySuffix(j + 1)
		}
		return cp, suf
	}
	cols := make([][]float64, k-1)
	suf := make([]string, k-1)
	for j := range cols {
		c := make([]float64, k)
		suf[j] = strconv.Itoa(j + 1)
		switch spec.kind {
		case "treatment":
			c[j+1] = 1
			suf[j] = strconv.Itoa(j + 2)
			if !spec.numbered {
				suf[j] = levels[j+1]
			}
		case "SAS":
			c[j] = 1
			if !spec.numbered {
				suf[j] = levels[j]
			}
		case "sum":
			c[j], c[k-1] = 1, -1
		case "helmert":
			for i := 0; i <= j; i++ {
				c[i] = -1
			}
			c[j+1] = float64(j + 1)
		}
		cols[j] = c
	}
	return cols, suf
}

// factorColumn reports whether model column j codes a categorical main
// effect, returning the factor key and its coding: "full" (indicators of
// every level, as for the first factor of a model without intercept) or
// the contrast kind ("treatment", "SAS", "sum", "helmert", "poly").
func (d *design) factorColumn(j int) (key, kind string, ok bool) {
	if d == nil || d.ts == nil || j >= len(d.assign) || d.assign[j] < 0 {
		return "", "", false
	}
	t := d.ts.terms[d.assign[j]]
	if len(t.keys) != 1 {
		return "", "", false
	}
	key = t.keys[0]
	if lv, ok := d.levels[key]; !ok || len(lv) == 0 {
		return "", "", false
	}
	if d.coding[t.label()+"|"+key] {
		return key, "full", true
	}
	spec, ok := d.contr[key]
	if !ok {
		spec = contrSpec{kind: "treatment"}
	}
	return key, spec.kind, true
}

// factorLabel is the variable a factor column codes, for readings:
// the first argument of factor(cyl, …), relevel(Species, …), C(x, sum), …
func (d *design) factorLabel(j int) string {
	t := d.ts.terms[d.assign[j]]
	n := t.factors[0]
	if n.kind == "call" && len(n.args) > 0 {
		a := n.args[0]
		if a.kind == "named" {
			a = a.args[0]
		}
		return a.deparse()
	}
	return t.keys[0]
}

// qrqty overwrites y with Q'·y for the first k reflections (R's qr.qty,
// LINPACK dqrsl).
func qrqty(x [][]float64, k int, qraux, y []float64) {
	n := len(y)
	for j := 0; j < min(k, n-1); j++ {
		reflectQR(x, j, qraux, y)
	}
}

// reflectQR applies the j-th Householder reflection of dqrdc2's compact QR
// (x, qraux) to y, as LINPACK's dqrsl does; it is its own inverse.
func reflectQR(x [][]float64, j int, qraux, y []float64) {
	if qraux[j] == 0 {
		return
	}
	temp := x[j][j]
	x[j][j] = qraux[j]
	xj, yj := x[j][j:], y[j:]
	d := 0.0
	for i := range xj {
		d += xj[i] * yj[i]
	}
	t := -d / x[j][j]
	for i := range yj {
		yj[i] += t * xj[i]
	}
	x[j][j] = temp
}
