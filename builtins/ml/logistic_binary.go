package ml

import (
	"context"
	"math"
	"sync"
	"sync/atomic"

	inum "github.com/gostat/gostat/builtins/internal/num"
	"gonum.org/v1/gonum/mat"
)

// Binary logistic regression with an L2 penalty (or none) by Newton's
// method. The objective is sklearn's with the loss scaled by 1/C:
//
//	f(β) = Σ_i [log(1 + e^{η_i}) − y_i η_i] + λ/2 ‖w‖²,   η_i = b + x_i·w,
//
// λ = 1/C (0 for no penalty), the intercept b unpenalised, with gradient
// g = Xᵀ(μ − y) + λw and Hessian H = XᵀWX + λI, μ_i = σ(η_i),
// W = diag(μ_i(1 − μ_i)) (X with a column of ones for b).
//
// Why Newton and not lbfgs (sklearn's default solver): with p ≪ n the
// (p+1)×(p+1) Hessian costs a few gradient evaluations and its Cholesky
// factor nothing, and Newton-type steps gain digits so fast that the
// answer is the optimum to the step tolerance Tol (1e-8) where lbfgs stops
// at a gradient tolerance of 1e-4; the optimum is the same (the objective
// is strictly convex for λ > 0).
//
// The scheme on large data (when every 10th row gives at least
// binWarmRows rows, 10 per coefficient and 4 per coefficient of each
// class): fit the same problem (λ scaled to the rows) on every 10th row
// first, recursively, to a loose tolerance; its exact Hessian at its
// solution, scaled to n rows, is then used as a fixed approximation H̃ on
// all rows ("chord" Newton, β ← β − H̃⁻¹g(β)) with a BFGS correction of H̃
// from each step's change in gradient. Each iteration costs one gradient
// pass (no logarithms) and gains one to two digits (the subsample's
// Hessian is within a few per cent of the full one). A step is accepted
// while the H̃-norm of the next step, √(gᵀH̃⁻¹g), at most halves (the
// natural monotonicity test, Deuflhard 2004, §3.1.4); otherwise the solver
// falls back to exact Newton with an Armijo line search on f from the last
// accepted point, which is also the scheme used on small data. The
// iterations stop when the next step is below Tol·(1 + max|β|) (Tol/10
// for a chord step, which converges linearly); that step is applied.
//
// Passes over the data are fused (η, μ, gradient and, when needed, f in
// one sweep; a Hessian pass adds internal/num's weighted cross product of
// each block's rows copied column-wise), split into fixed blocks of binBlock rows
// whose partial sums are added in block order, so the result does not
// depend on the number of cores; blocks are shared out to the idle cores
// (freeWorkers: one per fold when cross-validation folds run side by side).
//
// References: Nocedal & Wright, Numerical Optimization (2006), §3.5 and
// §6.1; P. Deuflhard, Newton Methods for Nonlinear Problems (2004).

const (
	binBlock    = 2048 // rows per block of a data pass
	binWarmRows = 500  // smallest subsample that gives a warm start
	binWarmStep = 10   // the subsample takes every binWarmStep-th row
	binWarmTol  = 1e-2 // step tolerance of the subsample's fit
)

// binData is row-major data: row i is x[o : o+p] with o = i*stride, or
// o = rows[i]*stride when rows is not nil (n = len(rows)).
type binData struct {
	x      []float64
	stride int
	rows   []int
	n, p   int
	y      []float64 // 0 or 1, one per row
}

func binDataOf(X *mat.Dense, y []float64) binData {
	n, p := X.Dims()
	raw := X.RawMatrix()
	return binData{x: raw.Data, stride: raw.Stride, n: n, p: p, y: y}
}

// binSolver holds the problem and the scratch of its passes (reused, so
// iterations do not allocate).
type binSolver struct {
	d       binData
	lam     float64
	icpt    bool
	workers int           // goroutines of a pass (0: freeWorkers)
	nb      int           // number of blocks
	fpart   []float64     // per block f
	gpart   []float64     // per block gradient, nb × q
	hpart   []float64     // per work unit Hessian upper triangle, on demand
	scratch []*binScratch // per goroutine of a Hessian pass
}

func newBinSolver(d binData, lam float64, icpt bool) *binSolver {
	nb := (d.n + binBlock - 1) / binBlock
	q := d.p + 1
	return &binSolver{d: d, lam: lam, icpt: icpt, nb: nb,
		fpart: make([]float64, nb), gpart: make([]float64, nb*q)}
}

// binHessFloats bounds the floats of the per-group partial Hessians of a
// pass (8 MB; a variable for tests).
var binHessFloats = 1 << 20

// pass evaluates, at beta (coefficients then intercept), the gradient into
// g and, when wantF, the objective (returned, else 0) and, when h != nil,
// the upper triangle of the Hessian into h (q×q). Each block's loss and
// gradient, and each group of blocks' Hessian (groups of one block unless
// q is large, sized from n and q only), are summed apart and then added in
// order, so the result does not depend on the number of goroutines.
func (s *binSolver) pass(beta []float64, wantF bool, g, h []float64) float64 {
	p := s.d.p
	q := p + 1
	units, per := s.nb, 1 // work units of per blocks
	if h != nil {
		per = max(1, (s.nb*q*q+binHessFloats-1)/binHessFloats)
		units = (s.nb + per - 1) / per
		if len(s.hpart) < units*q*q {
			s.hpart = make([]float64, units*q*q)
		}
	}
	nw := s.workers
	if nw == 0 {
		nw = freeWorkers(units)
	}
	if h != nil {
		for len(s.scratch) < nw {
			s.scratch = append(s.scratch, &binScratch{})
		}
	}
	unit := func(u, w int) {
		var hb []float64
		if h != nil {
			hb = s.hpart[u*q*q : (u+1)*q*q]
			clear(hb)
		}
		for b := u * per; b < min((u+1)*per, s.nb); b++ {
			lo := b * binBlock
			hi := min(lo+binBlock, s.d.n)
			gb := s.gpart[b*q : (b+1)*q]
			clear(gb)
			s.fpart[b] = binRows(s.d, beta, lo, hi, wantF, gb)
			if h != nil {
				binHess(s.d, beta, lo, hi, hb, s.scratch[w])
			}
		}
	}
	if nw <= 1 {
		for u := 0; u < units; u++ {
			unit(u, 0)
		}
	} else {
		var next int64
		var wg sync.WaitGroup
		work := func(w int) {
			for {
				u := int(atomic.AddInt64(&next, 1) - 1)
				if u >= units {
					return
				}
				unit(u, w)
			}
		}
		for w := 1; w < nw; w++ {
			wg.Add(1)
			go func() { defer wg.Done(); work(w) }()
		}
		work(0)
		wg.Wait()
	}
	// reduce in order: independent of the number of cores
	f := 0.0
	clear(g)
	for b := 0; b < s.nb; b++ {
		f += s.fpart[b]
		for j, v := range s.gpart[b*q : (b+1)*q] {
			g[j] += v
		}
	}
	if h != nil {
		clear(h)
		for u := 0; u < units; u++ {
			hb := s.hpart[u*q*q : (u+1)*q*q]
			for j := 0; j < q; j++ {
				r := h[j*q+j : j*q+q]
				for k, v := range hb[j*q+j : j*q+q] {
					r[k] += v
				}
			}
		}
	}
	for j := 0; j < p; j++ {
		f += 0.5 * s.lam * beta[j] * beta[j]
		g[j] += s.lam * beta[j]
		if h != nil {
			h[j*q+j] += s.lam
		}
	}
	if !s.icpt {
		g[p] = 0
		if h != nil {
			for j := 0; j < q; j++ {
				h[j*q+p] = 0
			}
			h[p*q+p] = 1
		}
	}
	if !wantF {
		f = 0
	}
	return f
}

// binRows adds the gradient of the loss over rows [lo, hi) to g and
// returns the loss when wantF. Rows are taken four at a time: the four η
// share the loads of β, and the four rows' contributions are added to g
// with one load and store of each entry.
func binRows(d binData, beta []float64, lo, hi int, wantF bool, g []float64) float64 {
	p, st := d.p, d.stride
	q := p + 1
	w := beta[:p]
	b0 := beta[p]
	g = g[:q]
	gw := g[:p]
	y := d.y
	x := d.x
	f := 0.0
	i := lo
	rows := d.rows
	for ; i+4 <= hi; i += 4 {
		var o0, o1, o2, o3 int
		if rows == nil {
			o0 = i * st
			o1, o2, o3 = o0+st, o0+2*st, o0+3*st
		} else {
			r := rows[i : i+4]
			o0, o1, o2, o3 = r[0]*st, r[1]*st, r[2]*st, r[3]*st
		}
		x0 := x[o0 : o0+p]
		x1 := x[o1 : o1+p]
		x2 := x[o2 : o2+p]
		x3 := x[o3 : o3+p]
		x0, x1, x2, x3 = x0[:len(w)], x1[:len(w)], x2[:len(w)], x3[:len(w)]
		e0, e1, e2, e3 := b0, b0, b0, b0
		for j, wj := range w {
			e0 += x0[j] * wj
			e1 += x1[j] * wj
			e2 += x2[j] * wj
			e3 += x3[j] * wj
		}
		m0 := 1 / (1 + math.Exp(-e0))
		m1 := 1 / (1 + math.Exp(-e1))
		m2 := 1 / (1 + math.Exp(-e2))
		m3 := 1 / (1 + math.Exp(-e3))
		yy := y[i : i+4]
		r0, r1, r2, r3 := m0-yy[0], m1-yy[1], m2-yy[2], m3-yy[3]
		if wantF {
			f += binLoss(e0, yy[0]) + binLoss(e1, yy[1]) + binLoss(e2, yy[2]) + binLoss(e3, yy[3])
		}
		gw = gw[:len(w)]
		for j := range gw {
			gw[j] += r0*x0[j] + r1*x1[j] + r2*x2[j] + r3*x3[j]
		}
		g[p] += r0 + r1 + r2 + r3
	}
	for ; i < hi; i++ {
		o0 := i * st
		if rows != nil {
			o0 = rows[i] * st
		}
		x0 := x[o0 : o0+p]
		x0 = x0[:len(w)]
		e0 := b0
		for j, wj := range w {
			e0 += x0[j] * wj
		}
		m0 := 1 / (1 + math.Exp(-e0))
		r0 := m0 - y[i]
		if wantF {
			f += binLoss(e0, y[i])
		}
		for j := range gw {
			gw[j] += r0 * x0[j]
		}
		g[p] += r0
	}
	return f
}

// binLoss is log(1 + e^η) − yη without overflow.
func binLoss(e, y float64) float64 {
	l := math.Log1p(math.Exp(-math.Abs(e))) - y*e
	if e > 0 {
		l += e
	}
	return l
}

// binScratch is one goroutine's workspace for Hessian passes.
type binScratch struct {
	buf  []float64   // rows of a block copied column-wise (inum.Panels)
	cols [][]float64 // the q columns in buf
	wts  []float64   // μ_i(1 − μ_i)
	off  []int       // the rows' offsets in x
	work inum.GramWork
}

// binHess adds the upper triangle of Σ_i μ_i(1−μ_i) x̃_i x̃_iᵀ over rows
// [lo, hi) to h (q×q), x̃_i = (x_i, 1): the rows, inum.PanelRows at a
// time, are copied column-wise and summed by internal/num's weighted cross-product
// kernel (4×3 tiles, fused multiply-adds on amd64 with AVX2).
func binHess(d binData, beta []float64, lo, hi int, h []float64, sc *binScratch) {
	p, st := d.p, d.stride
	q := p + 1
	w := beta[:p]
	b0 := beta[p]
	if len(sc.cols) != q {
		sc.cols = make([][]float64, q)
	}
	if len(sc.wts) < inum.PanelRows {
		sc.wts = make([]float64, inum.PanelRows)
		sc.off = make([]int, inum.PanelRows)
	}
	for c := lo; c < hi; c += inum.PanelRows {
		r := min(hi, c+inum.PanelRows) - c
		pn := inum.NewPanels(r, q, sc.buf)
		sc.buf = pn.Data()
		for j := range sc.cols {
			sc.cols[j] = pn.Col(0, j)
		}
		wts, off := sc.wts[:r], sc.off[:r]
		for i := range off {
			if d.rows != nil {
				off[i] = d.rows[c+i] * st
			} else {
				off[i] = (c + i) * st
			}
		}
		for i, o := range off {
			m := 1 / (1 + math.Exp(-(b0 + dot(w, d.x[o:o+p]))))
			wts[i] = m * (1 - m)
		}
		for j, col := range sc.cols[:p] {
			x := d.x[j:]
			col = col[:len(off)]
			for i, o := range off {
				col[i] = x[o]
			}
		}
		for i := range sc.cols[p] {
			sc.cols[p][i] = 1
		}
		pn.WeightedGramAdd(h, nil, wts, 0, 1, &sc.work)
	}
}

// cholSolver factorises a symmetric positive definite q×q matrix given by
// its upper triangle and solves with it, reusing its storage.
type cholSolver struct {
	q  int
	s  *mat.SymDense
	ch mat.Cholesky
	bv *mat.VecDense
	xv *mat.VecDense
}

func newCholSolver(q int) *cholSolver {
	return &cholSolver{q: q, s: mat.NewSymDense(q, nil), bv: mat.NewVecDense(q, nil), xv: mat.NewVecDense(q, nil)}
}

func (c *cholSolver) factor(h []float64) bool {
	q := c.q
	for j := 0; j < q; j++ {
		for k := j; k < q; k++ {
			c.s.SetSym(j, k, h[j*q+k])
		}
	}
	return c.ch.Factorize(c.s)
}

// solve sets d = H⁻¹g.
func (c *cholSolver) solve(d, g []float64) bool {
	copy(c.bv.RawVector().Data, g)
	if err := c.ch.SolveVecTo(c.xv, c.bv); err != nil {
		return false
	}
	copy(d, c.xv.RawVector().Data)
	return true
}

// fitBinary minimises f (above) for the rows of d; it returns the
// coefficients followed by the intercept, the iterations (on all rows) and
// whether the step tolerance was met.
func fitBinary(ctx context.Context, d binData, lam float64, icpt bool, maxIter int, tol float64) ([]float64, int, bool, error) {
	r, err := fitBinaryOpt(ctx, d, lam, icpt, maxIter, tol, false)
	return r.beta, r.iter, r.conv, err
}

type binResult struct {
	beta []float64
	iter int
	conv bool
	hess []float64 // an exact Hessian near beta (when asked for)
}

// binWarm reports whether a fit on n rows of q columns starts from the fit
// on every binWarmStep-th row: that subsample must be large enough for its
// Hessian to be a good approximation.
func binWarm(n, q int) bool {
	sub := n / binWarmStep
	return sub >= binWarmRows && sub >= 10*q
}

// fitBinaryOpt is fitBinary; with wantH it also returns an exact Hessian
// near the solution: at it when the iterations were chord steps, else the
// last one Newton computed.
func fitBinaryOpt(ctx context.Context, d binData, lam float64, icpt bool, maxIter int, tol float64, wantH bool) (res binResult, err error) {
	p := d.p
	q := p + 1
	beta := make([]float64, q)
	if icpt {
		m := 0.0
		for _, v := range d.y {
			m += v
		}
		m /= float64(d.n)
		if m > 0 && m < 1 {
			beta[p] = math.Log(m / (1 - m))
		}
	}
	s := newBinSolver(d, lam, icpt)
	ch := newCholSolver(q)
	g := make([]float64, q)
	H := make([]float64, q*q)
	chord := false // H is an approximation, f is not known
	if binWarm(d.n, q) {
		sub := d.n / binWarmStep
		ds := binData{x: d.x, stride: d.stride * binWarmStep, n: sub, p: p, y: make([]float64, sub)}
		if d.rows != nil {
			ds.stride = d.stride
			ds.rows = make([]int, sub)
			for i := range ds.rows {
				ds.rows[i] = d.rows[i*binWarmStep]
			}
		}
		ones := 0.0
		for i := range ds.y {
			ds.y[i] = d.y[i*binWarmStep]
			ones += ds.y[i]
		}
		// both classes well represented (else the subsample may be
		// separable and its fit diverge): fit it first
		if min(ones, float64(sub)-ones) >= float64(4*q) {
			sl := lam * float64(sub) / float64(d.n) // the same weight of the penalty
			r, err := fitBinaryOpt(ctx, ds, sl, icpt, min(maxIter, 30), binWarmTol, true)
			if err != nil && ctx.Err() != nil {
				return res, err
			}
			if err == nil && r.conv && !anyNaN(r.beta) {
				copy(beta, r.beta)
				if r.hess != nil {
					// the subsample's, its loss part scaled to n rows
					// (the penalty stays λ)
					sc := float64(d.n) / float64(sub)
					for j, v := range r.hess {
						H[j] = v * sc
					}
					if !icpt {
						for j := 0; j < q; j++ {
							H[j*q+p] = 0
						}
						H[p*q+p] = 1
					}
					if chord = ch.factor(H); chord {
						s.pass(beta, false, g, nil)
					}
				}
			}
		}
	}
	var f float64
	if !chord {
		f = s.pass(beta, true, g, H)
		if !ch.factor(H) {
			return res, errSingular
		}
		if wantH {
			res.hess = append(res.hess[:0], H...)
		}
	}
	dir := make([]float64, q)
	cand := make([]float64, q)
	g2 := make([]float64, q)
	d2 := make([]float64, q)
	yv := make([]float64, q)
	hOld := make([]float64, q*q)
	ch.solve(dir, g)
	done := func(it int) (binResult, error) {
		for j := range beta {
			beta[j] -= dir[j]
		}
		res.beta, res.iter, res.conv = beta, it, true
		if wantH && chord {
			// the caller's chord steps need an exact Hessian (H is
			// the subsample's): one at the solution
			s.pass(beta, false, g, H)
			res.hess = H
		}
		return res, nil
	}
	for it := 1; it <= maxIter; it++ {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		// a chord step leaves θ·step (θ ≈ 0.02–0.1 here) where a
		// Newton step leaves ~step²: ask a chord step for Tol/10
		stop := tol * (1 + maxAbs(beta))
		if chord {
			stop *= 0.1
		}
		if maxAbs(dir) <= stop {
			return done(it - 1)
		}
		dec := dot(g, dir) // Newton decrement gᵀH⁻¹g
		if chord {
			for j := range cand {
				cand[j] = beta[j] - dir[j]
			}
			s.pass(cand, false, g2, nil)
			if ch.solve(d2, g2) && !anyNaN(g2) && dot(g2, d2) <= 0.25*dec {
				// accepted; BFGS correction of H with the step s = −dir
				// and y = g2 − g (H s = −g, so sᵀHs = gᵀdir = dec)
				copy(beta, cand)
				sy := 0.0
				for j := range yv {
					yv[j] = g2[j] - g[j]
					sy -= yv[j] * dir[j]
				}
				if sy > 0 && dec > 0 {
					copy(hOld, H)
					for j := 0; j < q; j++ {
						for k := j; k < q; k++ {
							H[j*q+k] += yv[j]*yv[k]/sy - g[j]*g[k]/dec
						}
					}
					if !ch.factor(H) {
						copy(H, hOld)
						ch.factor(H) // factorised before
					}
				}
				copy(g, g2)
				ch.solve(dir, g)
				continue
			}
			// not contracting: exact Newton from the last accepted point
			chord = false
			f = s.pass(beta, true, g, H)
			if !ch.factor(H) {
				return res, errSingular
			}
			if wantH {
				res.hess = append(res.hess[:0], H...)
			}
			ch.solve(dir, g)
			continue
		}
		// exact Newton step with an Armijo backtracking line search on f
		t := 1.0
		var fn float64
		for ls := 0; ls < 50; ls++ {
			for j := range cand {
				cand[j] = beta[j] - t*dir[j]
			}
			fn = s.pass(cand, true, g2, nil)
			if fn <= f-1e-4*t*dec || math.Abs(fn-f) <= 1e-14*math.Abs(f) {
				break
			}
			t /= 2
		}
		copy(beta, cand)
		copy(g, g2)
		f = fn
		// keep this Hessian while the step it predicts at the new point
		// is well below the step just taken (it then contracts like the
		// chord iteration); else recompute it here
		ch.solve(d2, g)
		if t == 1 && dot(g, d2) <= 0.01*dec {
			copy(dir, d2)
			continue
		}
		f = s.pass(beta, true, g, H)
		if !ch.factor(H) {
			return res, errSingular
		}
		if wantH {
			res.hess = append(res.hess[:0], H...)
		}
		ch.solve(dir, g)
	}
	res.beta, res.iter = beta, maxIter
	return res, nil
}
