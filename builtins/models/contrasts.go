package models

import (
	"math/big"
	"strconv"
	"strings"
	"sync"
)

// contrPolyCache holds contr.poly(k) by k (computed once; read-only).
var contrPolyCache sync.Map

// contrPoly returns R's contr.poly(k) as k-1 columns of k values: column
// j-1 holds the degree-j orthogonal polynomial in the scores 1..k,
// normalised to unit length, so the columns are orthonormal and orthogonal
// to the constant. The sign makes the leading coefficient positive (R's
// .L column increases).
//
// R builds it from the QR decomposition of the Vandermonde matrix of the
// centred scores (make.poly in contr.poly). Here the polynomials come from
// the three-term recurrence of discrete orthogonal polynomials on 1..k,
//
//	p₀ = 1, p₁ = x − x̄, p_{j+1} = (x − x̄)·p_j − (‖p_j‖²/‖p_{j−1}‖²)·p_{j−1}
//
// (the scores are symmetric about x̄, so every recurrence shift is x̄),
// evaluated in exact rational arithmetic and normalised with a 200-bit
// square root: every entry is the correctly rounded value. R's own QR
// values carry rounding errors of about 1e-16 for small k (they print
// 9.7e-17 where the exact value is 0) that grow about 2.5-fold per degree.
//
// Deliberate difference from R: for k ≥ 22 levels R's QR (tolerance 1e-7)
// declares the Vandermonde matrix rank deficient, and its columns from
// degree 21–25 on are an arbitrary orthonormal completion rather than the
// orthogonal polynomials (for k = 50 they differ from them by up to 0.8).
// gostat keeps the true polynomial contrasts. Both span the same space, so
// fitted values, residuals, R², ANOVA and the coefficients of the
// lower-degree columns agree; the high-degree coefficients do not.
func contrPoly(k int) [][]float64 {
	if k < 2 {
		return nil
	}
	if v, ok := contrPolyCache.Load(k); ok {
		return v.([][]float64)
	}
	// scores centred and doubled so that they are integers: t = 2x − (k+1)
	t := make([]*big.Rat, k)
	for i := range t {
		t[i] = new(big.Rat).SetInt64(int64(2*(i+1) - (k + 1)))
	}
	norm2 := func(p []*big.Rat) *big.Rat {
		s := new(big.Rat)
		for _, v := range p {
			s.Add(s, new(big.Rat).Mul(v, v))
		}
		return s
	}
	prev := make([]*big.Rat, k)
	cur := make([]*big.Rat, k)
	for i := range prev {
		prev[i] = new(big.Rat).SetInt64(1)
		cur[i] = new(big.Rat).Set(t[i])
	}
	nPrev := norm2(prev)
	out := make([][]float64, k-1)
	for j := 1; j < k; j++ {
		nCur := norm2(cur)
		// normalise: p / sqrt(‖p‖²), in 200-bit floating point
		root := new(big.Float).SetPrec(200).SetRat(nCur)
		root.Sqrt(root)
		col := make([]float64, k)
		for i, v := range cur {
			q := new(big.Float).SetPrec(200).SetRat(v)
			q.Quo(q, root)
			col[i], _ = q.Float64()
		}
		out[j-1] = col
		if j == k-1 {
			break
		}
		r := new(big.Rat).Quo(nCur, nPrev)
		next := make([]*big.Rat, k)
		for i := range next {
			a := new(big.Rat).Mul(t[i], cur[i])
			b := new(big.Rat).Mul(r, prev[i])
			next[i] = a.Sub(a, b)
		}
		prev, cur, nPrev = cur, next, nCur
	}
	v, _ := contrPolyCache.LoadOrStore(k, out)
	return v.([][]float64)
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
