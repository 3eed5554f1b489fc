package models

import (
	"math"

	"gonum.org/v1/gonum/floats"
	"runtime"
	"sync"
)

// DefaultRankTol is the relative tolerance below which a design column is
// declared linearly dependent on the columns before it (aliased): the norm
// of the part of the column not explained by the earlier columns, divided by
// the column's own norm. R's lm uses 1e-7 on unscaled columns, which drops a
// term of NIST's degree-10 Filip polynomial although that design has full
// rank in float64 (its smallest relative norm is about 1e-9 after column
// scaling). gostat scales columns by powers of two and uses 1e-11: columns
// that are dependent up to rounding (relative norm ~1e-16–1e-13) are caught,
// genuinely independent but nearly collinear ones are kept and show their
// large standard errors instead of disappearing.
const DefaultRankTol = 1e-11

// lsProblem is a (weighted) linear least-squares problem
// min Σ w_i (y_i - x_i'b)^2. Columns of X are given separately; lo holds
// optional low-order parts so that the exact column is cols[j] + lo[j]
// (used for polynomial columns computed in double-double).
type lsProblem struct {
	n, p int
	cols [][]float64
	lo   [][]float64 // nil, or per column nil or length-n low parts
	y    []float64
	w    []float64 // nil means unit weights
	tol  float64
}

// lsFit is the solution of an lsProblem.
type lsFit struct {
	coef    []float64   // length p, NaN where aliased
	aliased []bool      // length p
	rank    int         // number of estimable columns
	kept    []int       // indices of the estimable columns, in design order
	xtxinv  [][]float64 // rank×rank (X'WX)^{-1} over the kept columns
	rinv    [][]float64 // rank×rank R^{-1} (unscaled) so that X R^{-1} has orthonormal columns
	effects []float64   // Q'W^{1/2}y; the first rank entries belong to kept columns in order
	resid   []float64   // y - Xb (unweighted), length n
	fitted  []float64
	rss     float64 // Σ w r^2
	rssLo   float64 // low part of rss (double-double path)
	cond    float64 // condition number estimate of the column-scaled design
	precise bool    // solved in double-double arithmetic
}

// pow2Scale returns the power of two nearest 1/norm (exact scaling).
func pow2Scale(norm float64) float64 {
	if norm == 0 || math.IsInf(norm, 0) || math.IsNaN(norm) {
		return 1
	}
	_, e := math.Frexp(norm)
	return math.Ldexp(1, -e)
}

// householder performs Householder QR on the columns a (each of length m)
// in place, with the limited column pivoting of LINPACK's dqrdc2 as used by
// R: a column whose remaining norm falls below tol times its original norm
// is moved to the end and not used as a pivot. Columns of a are swapped as
// headers; perm tracks original indices. y, if not nil, is overwritten by
// Q'y. It returns the rank and Householder scalars tau. A tol < 0 never
// drops a column.
func householder(a [][]float64, perm []int, y []float64, tol float64, orig []float64) (rank int, tau []float64) {
	p := len(a)
	if p == 0 {
		return 0, nil
	}
	m := len(a[0])
	tau = make([]float64, p)
	pe := p
	k := 0
	for k < pe && k < m {
		x := a[k][k:m]
		norm := norm2(x)
		if tol >= 0 && (orig[k] == 0 || norm <= tol*orig[k]) {
			// move column k (and its original norm) to the end
			ck, pk, ok := a[k], perm[k], orig[k]
			copy(a[k:p-1], a[k+1:p])
			copy(perm[k:p-1], perm[k+1:p])
			copy(orig[k:p-1], orig[k+1:p])
			a[p-1], perm[p-1], orig[p-1] = ck, pk, ok
			pe--
			continue
		}
		if norm == 0 {
			tau[k] = 0
			k++
			continue
		}
		alpha := x[0]
		beta := -math.Copysign(norm, alpha)
		t := (beta - alpha) / beta
		s := 1 / (alpha - beta)
		for i := 1; i < len(x); i++ {
			x[i] *= s
		}
		x[0] = beta
		tau[k] = t
		v := x[1:]
		apply := func(c []float64) {
			c = c[k:m]
			cc := c[1:]
			w := c[0] + floats.Dot(v, cc)
			w *= t
			c[0] -= w
			floats.AddScaled(cc, -w, v)
		}
		for j := k + 1; j < p; j++ {
			apply(a[j])
		}
		if y != nil {
			apply(y)
		}
		k++
	}
	return k, tau
}

func norm2(x []float64) float64 {
	// fast path: plain sum of squares (SIMD dot); fall back to LAPACK's
	// scaled accumulation only when it overflows or underflows
	ss := floats.Dot(x, x)
	if ss > 1e-290 && ss < 1e290 {
		return math.Sqrt(ss)
	}
	if ss == 0 {
		return 0
	}
	var scale, sq float64 = 0, 1
	for _, v := range x {
		if v != 0 {
			a := math.Abs(v)
			if scale < a {
				sq = 1 + sq*(scale/a)*(scale/a)
				scale = a
			} else {
				sq += (a / scale) * (a / scale)
			}
		}
	}
	return scale * math.Sqrt(sq)
}

func sumSq(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v * v
	}
	return s
}

// tsqrBlockRows is the number of rows above which the QR is computed in
// blocks (TSQR): each block of rows is factorised in parallel and the
// stacked triangular factors are factorised again. The result is the same R
// (up to signs) with QR's accuracy.
const tsqrBlockRows = 16384

// solveLS solves the least-squares problem. It never forms X'X.
func solveLS(pr lsProblem) lsFit {
	n, p := pr.n, pr.p
	tol := pr.tol
	if tol == 0 {
		tol = DefaultRankTol
	}
	var sw []float64
	if pr.w != nil {
		sw = make([]float64, n)
		for i, w := range pr.w {
			sw[i] = math.Sqrt(w)
		}
	}
	// exact power-of-two column scaling
	scale := make([]float64, p)
	colNorm := func(j int) float64 {
		c := pr.cols[j]
		if sw == nil {
			return norm2(c)
		}
		s := 0.0
		for i, v := range c {
			t := v * sw[i]
			s += t * t
		}
		return math.Sqrt(s)
	}
	for j := 0; j < p; j++ {
		scale[j] = pow2Scale(colNorm(j))
	}
	// build the (weighted, scaled) working copy in blocks and factorise
	nb := 1
	if n > 2*tsqrBlockRows && p > 0 {
		nb = (n + tsqrBlockRows - 1) / tsqrBlockRows
	}
	var a [][]float64
	var qty []float64
	var tailSS float64
	fill := func(lo, hi int, buf []float64) ([][]float64, []float64) {
		m := hi - lo
		if buf == nil {
			buf = make([]float64, m*(p+1))
		}
		buf = buf[:m*(p+1)]
		cols := make([][]float64, p)
		for j := 0; j < p; j++ {
			c := buf[j*m : (j+1)*m]
			src := pr.cols[j][lo:hi]
			s := scale[j]
			if sw == nil {
				for i, v := range src {
					c[i] = v * s
				}
			} else {
				for i, v := range src {
					c[i] = v * s * sw[lo+i]
				}
			}
			cols[j] = c
		}
		yy := buf[p*m:]
		if sw == nil {
			copy(yy, pr.y[lo:hi])
		} else {
			for i, v := range pr.y[lo:hi] {
				yy[i] = v * sw[lo+i]
			}
		}
		return cols, yy
	}
	if nb == 1 {
		a, qty = fill(0, n, nil)
	} else {
		type blockOut struct {
			r    [][]float64
			c    []float64
			tail float64
		}
		outs := make([]blockOut, nb)
		var wg sync.WaitGroup
		next := make(chan int, nb)
		for b := 0; b < nb; b++ {
			next <- b
		}
		close(next)
		workers := min(runtime.GOMAXPROCS(0), nb)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := make([]float64, tsqrBlockRows*(p+1)) // reused across blocks
				perm := make([]int, p)
				for b := range next {
					lo := b * tsqrBlockRows
					hi := min(n, lo+tsqrBlockRows)
					cols, yy := fill(lo, hi, buf)
					for j := range perm {
						perm[j] = j
					}
					householder(cols, perm, yy, -1, nil)
					k := min(p, hi-lo)
					r := make([][]float64, p)
					for j := 0; j < p; j++ {
						r[j] = make([]float64, p)
						for i := 0; i <= j && i < k; i++ {
							r[j][i] = cols[j][i]
						}
					}
					c := make([]float64, p)
					copy(c, yy[:k])
					outs[b] = blockOut{r, c, sumSq(yy[k:])}
				}
			}()
		}
		wg.Wait()
		m := nb * p
		a = make([][]float64, p)
		for j := range a {
			a[j] = make([]float64, m)
		}
		qty = make([]float64, m)
		for b, o := range outs {
			for j := 0; j < p; j++ {
				copy(a[j][b*p:(b+1)*p], o.r[j])
			}
			copy(qty[b*p:(b+1)*p], o.c)
			tailSS += o.tail
		}
	}
	orig := make([]float64, p)
	for j := range orig {
		orig[j] = norm2(a[j])
	}
	perm := make([]int, p)
	for j := range perm {
		perm[j] = j
	}
	rank, _ := householder(a, perm, qty, tol, orig)

	fit := lsFit{rank: rank, coef: make([]float64, p), aliased: make([]bool, p)}
	kept := make([]int, rank)
	copy(kept, perm[:rank])
	// kept columns stay in design order (dqrdc2 only moves dropped ones)
	fit.kept = kept
	for j := range fit.coef {
		fit.coef[j] = math.NaN()
		fit.aliased[j] = true
	}
	for _, j := range kept {
		fit.aliased[j] = false
	}
	// R (scaled) and its inverse
	R := make([][]float64, rank)
	for i := range R {
		R[i] = make([]float64, rank)
		for j := i; j < rank; j++ {
			R[i][j] = a[j][i]
		}
	}
	Rinv := invUpper(R)
	fit.cond = frob(R) * frob(Rinv)

	work := int64(n) * int64(rank) * int64(rank)
	if rank > 0 && (work <= 5e6 || (fit.cond > 1e6 && work <= 3e8)) {
		solvePrecise(pr, sw, scale, kept, &fit)
		return fit
	}
	// float64 path: back-substitution
	bs := make([]float64, rank)
	for i := rank - 1; i >= 0; i-- {
		s := qty[i]
		for j := i + 1; j < rank; j++ {
			s -= R[i][j] * bs[j]
		}
		bs[i] = s / R[i][i]
	}
	for i, j := range kept {
		fit.coef[j] = bs[i] * scale[j]
	}
	fit.effects = make([]float64, min(len(qty), p))
	copy(fit.effects, qty)
	fit.rinv = make([][]float64, rank)
	for i := range fit.rinv {
		fit.rinv[i] = make([]float64, rank)
		for j := range fit.rinv[i] {
			fit.rinv[i][j] = Rinv[i][j] * scale[kept[i]]
		}
	}
	fit.xtxinv = aat(fit.rinv)
	fit.resid, fit.fitted = residuals(pr, fit.coef, kept)
	if sw == nil {
		fit.rss = sumSq(fit.resid)
	} else {
		s := 0.0
		for i, r := range fit.resid {
			s += pr.w[i] * r * r
		}
		fit.rss = s
	}
	_ = tailSS
	return fit
}

// residuals computes y - Xb and Xb over the kept columns, in parallel.
func residuals(pr lsProblem, coef []float64, kept []int) (res, fit []float64) {
	n := pr.n
	res = make([]float64, n)
	fit = make([]float64, n)
	parallelFor(n, func(lo, hi int) {
		f := fit[lo:hi]
		for _, j := range kept {
			b := coef[j]
			c := pr.cols[j][lo:hi]
			for i, v := range c {
				f[i] = math.FMA(v, b, f[i])
			}
		}
		r := res[lo:hi]
		for i := range r {
			r[i] = pr.y[lo+i] - f[i]
		}
	})
	return
}

// parallelFor runs body over [0,n) split into chunks across the available
// cores. Small n runs inline.
func parallelFor(n int, body func(lo, hi int)) {
	const minChunk = 32768
	k := runtime.GOMAXPROCS(0)
	if n < 2*minChunk || k == 1 {
		body(0, n)
		return
	}
	if k > n/minChunk {
		k = n / minChunk
	}
	var wg sync.WaitGroup
	step := (n + k - 1) / k
	for lo := 0; lo < n; lo += step {
		hi := min(n, lo+step)
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			body(lo, hi)
		}(lo, hi)
	}
	wg.Wait()
}

// parallelSum runs body over chunks of [0,n) in parallel (inline for
// small n) and adds the chunk results in chunk order, so the result does
// not depend on scheduling.
func parallelSum(n int, body func(lo, hi int) float64) float64 {
	const minChunk = 32768
	k := runtime.GOMAXPROCS(0)
	if n < 2*minChunk || k == 1 {
		return body(0, n)
	}
	if k > n/minChunk {
		k = n / minChunk
	}
	step := (n + k - 1) / k
	parts := make([]float64, (n+step-1)/step)
	var wg sync.WaitGroup
	for c := range parts {
		lo := c * step
		hi := min(n, lo+step)
		wg.Add(1)
		go func(c, lo, hi int) {
			defer wg.Done()
			parts[c] = body(lo, hi)
		}(c, lo, hi)
	}
	wg.Wait()
	s := 0.0
	for _, v := range parts {
		s += v
	}
	return s
}

// invUpper inverts an upper-triangular matrix.
func invUpper(R [][]float64) [][]float64 {
	k := len(R)
	inv := make([][]float64, k)
	for i := range inv {
		inv[i] = make([]float64, k)
	}
	for j := 0; j < k; j++ {
		inv[j][j] = 1 / R[j][j]
		for i := j - 1; i >= 0; i-- {
			s := 0.0
			for l := i + 1; l <= j; l++ {
				s += R[i][l] * inv[l][j]
			}
			inv[i][j] = -s / R[i][i]
		}
	}
	return inv
}

func frob(a [][]float64) float64 {
	s := 0.0
	for _, r := range a {
		s += sumSq(r)
	}
	return math.Sqrt(s)
}

// aat returns A A'.
func aat(a [][]float64) [][]float64 {
	k := len(a)
	out := make([][]float64, k)
	for i := range out {
		out[i] = make([]float64, k)
	}
	for i := 0; i < k; i++ {
		for j := 0; j <= i; j++ {
			s := 0.0
			for l := range a[i] {
				s += a[i][l] * a[j][l]
			}
			out[i][j], out[j][i] = s, s
		}
	}
	return out
}

// solvePrecise re-solves the problem over the kept columns with Householder
// QR carried out entirely in double-double arithmetic. For a design with
// condition number κ the result is accurate to about κ·1e-32, i.e. to the
// last float64 digit for any design float64 can represent meaningfully.
// Coefficients, (X'WX)^{-1}, residuals and the residual sum of squares all
// come from this computation.
func solvePrecise(pr lsProblem, sw []float64, scale []float64, kept []int, fit *lsFit) {
	n, k := pr.n, len(kept)
	var swd []dd
	if sw != nil {
		swd = make([]dd, n)
		for i, w := range pr.w {
			swd[i] = ddFrom(w).sqrt()
		}
	}
	x := make([][]dd, k)
	for jj, j := range kept {
		c := make([]dd, n)
		s := scale[j]
		for i, v := range pr.cols[j] {
			e := dd{v * s, 0}
			if pr.lo != nil && pr.lo[j] != nil {
				e = ddFrom(v * s).add(ddFrom(pr.lo[j][i] * s))
			}
			if swd != nil {
				e = e.mul(swd[i])
			}
			c[i] = e
		}
		x[jj] = c
	}
	y := make([]dd, n)
	for i, v := range pr.y {
		y[i] = ddFrom(v)
		if swd != nil {
			y[i] = y[i].mul(swd[i])
		}
	}
	// Householder in dd
	m := n
	for kk := 0; kk < k && kk < m; kk++ {
		xc := x[kk][kk:m]
		ss := dd{}
		for _, v := range xc {
			ss = ss.add(v.mul(v))
		}
		norm := ss.sqrt()
		if norm.hi == 0 {
			continue
		}
		alpha := xc[0]
		beta := norm
		if alpha.hi >= 0 {
			beta = norm.neg()
		}
		t := beta.sub(alpha).div(beta)
		s := ddFrom(1).div(alpha.sub(beta))
		for i := 1; i < len(xc); i++ {
			xc[i] = xc[i].mul(s)
		}
		xc[0] = beta
		v := xc[1:]
		apply := func(c []dd) {
			c = c[kk:m]
			w := c[0]
			for i, vi := range v {
				w = w.add(vi.mul(c[i+1]))
			}
			w = w.mul(t)
			c[0] = c[0].sub(w)
			for i, vi := range v {
				c[i+1] = c[i+1].sub(w.mul(vi))
			}
		}
		for j := kk + 1; j < k; j++ {
			apply(x[j])
		}
		apply(y)
	}
	// back substitution
	b := make([]dd, k)
	for i := k - 1; i >= 0; i-- {
		s := y[i]
		for j := i + 1; j < k; j++ {
			s = s.sub(x[j][i].mul(b[j]))
		}
		b[i] = s.div(x[i][i])
	}
	// R^{-1} in dd
	rinv := make([][]dd, k)
	for i := range rinv {
		rinv[i] = make([]dd, k)
	}
	for j := 0; j < k; j++ {
		rinv[j][j] = ddFrom(1).div(x[j][j])
		for i := j - 1; i >= 0; i-- {
			s := dd{}
			for l := i + 1; l <= j; l++ {
				s = s.add(x[l][i].mul(rinv[l][j]))
			}
			rinv[i][j] = s.neg().div(x[i][i])
		}
	}
	fit.precise = true
	fit.rinv = make([][]float64, k)
	fit.xtxinv = make([][]float64, k)
	for i := 0; i < k; i++ {
		fit.rinv[i] = make([]float64, k)
		fit.xtxinv[i] = make([]float64, k)
		for j := 0; j < k; j++ {
			fit.rinv[i][j] = rinv[i][j].hi * scale[kept[i]]
		}
	}
	for i := 0; i < k; i++ {
		for j := 0; j <= i; j++ {
			s := dd{}
			for l := max(i, j); l < k; l++ {
				s = s.add(rinv[i][l].mul(rinv[j][l]))
			}
			v := s.hi * scale[kept[i]] * scale[kept[j]]
			fit.xtxinv[i][j], fit.xtxinv[j][i] = v, v
		}
	}
	coefdd := make([]dd, k)
	for i, j := range kept {
		coefdd[i] = b[i].mulF(scale[j])
		fit.coef[j] = coefdd[i].hi
	}
	fit.effects = make([]float64, min(n, len(pr.cols)))
	for i := range fit.effects {
		fit.effects[i] = y[i].hi
	}
	// residuals in dd from the original data
	fit.resid = make([]float64, n)
	fit.fitted = make([]float64, n)
	rss := dd{}
	for i := 0; i < n; i++ {
		f := dd{}
		for jj, j := range kept {
			e := ddFrom(pr.cols[j][i])
			if pr.lo != nil && pr.lo[j] != nil {
				e = e.add(ddFrom(pr.lo[j][i]))
			}
			f = f.add(e.mul(coefdd[jj]))
		}
		r := ddFrom(pr.y[i]).sub(f)
		fit.fitted[i] = f.hi
		fit.resid[i] = r.hi
		rr := r.mul(r)
		if pr.w != nil {
			rr = rr.mulF(pr.w[i])
		}
		rss = rss.add(rr)
	}
	fit.rss = rss.hi
	fit.rssLo = rss.lo
}

// unscaledCov returns the p×p unscaled covariance (X'WX)⁻¹ of the
// coefficients, with NaN in the rows and columns of aliased ones.
func (f lsFit) unscaledCov(p int) [][]float64 {
	c := make([][]float64, p)
	for i := range c {
		c[i] = make([]float64, p)
		for j := range c[i] {
			c[i][j] = math.NaN()
		}
	}
	for a, i := range f.kept {
		for b, j := range f.kept {
			c[i][j] = f.xtxinv[a][b]
		}
	}
	return c
}
