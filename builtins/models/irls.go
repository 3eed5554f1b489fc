package models

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/gostat/gostat/builtins/cell"
	inum "github.com/gostat/gostat/builtins/internal/num"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// wlsSolver solves the weighted least-squares step of IRLS,
// min_b Σ_i w_i (z_i - x_i'b)². Small problems (n·p² ≤ 4e6, or p > 200)
// use the QR solver (double-double when cheap). Large ones use the normal
// equations: X'WX and X'Wz are accumulated over row blocks of a panel copy
// of X (num.Panels: each block's columns contiguous in memory) by
// num.Panels.WeightedGramAdd, in chunks of glmChunkBlocks blocks run in
// parallel and added in chunk order (the result does not depend on the
// number of cores), and solved by Cholesky on the equilibrated matrix
// D^{-1/2} X'WX D^{-1/2}, D = diag(X'WX). When that matrix is not positive
// definite or its condition number exceeds 1e10 (a nearly collinear
// design, where the normal equations lose too many digits) the step falls
// back to the QR solver.
type wlsSolver struct {
	cols   [][]float64
	pan    *inum.Panels // nil on the QR path
	filled bool         // pan holds the columns
	n, p   int
	works  []inum.GramWork // one per worker
	parts  [][]float64     // one (p+1)×(p+1) partial cross product per chunk
	gram   []float64       // the last [X z]'W[X z] solved (upper triangle, stride p+1)
}

// quadForm returns d'(X'WX)d for the X'WX of the last step solved.
func (s *wlsSolver) quadForm(d []float64) float64 {
	q := s.p + 1
	t := 0.0
	for i := 0; i < s.p; i++ {
		r := s.gram[i*q+i] * d[i]
		for j := i + 1; j < s.p; j++ {
			r += 2 * s.gram[i*q+j] * d[j]
		}
		t += d[i] * r
	}
	return t
}

// glmForceQR makes every IRLS step use the QR solver (tests compare the
// two paths).
var glmForceQR = false

// glmForceSkipGram makes every sweep after the first skip the cross
// products, so that each step forms them in a pass of its own (tests).
var glmForceSkipGram = false

// glmChunkBlocks is the number of num.PanelRows-row blocks per parallel
// chunk of the large-GLM passes.
const glmChunkBlocks = 8

// panelPool recycles the panel copies of large designs between fits.
var panelPool sync.Pool

func newWLSSolver(cols [][]float64, n, p int) *wlsSolver {
	s := &wlsSolver{cols: cols, n: n, p: p}
	if int64(n)*int64(p)*int64(p) <= 4e6 || p > 200 || glmForceQR {
		return s
	}
	var buf []float64
	if b, ok := panelPool.Get().(*[]float64); ok {
		buf = *b
	}
	s.pan = inum.NewPanels(n, p, buf) // filled by the first pass over the rows
	return s
}

// release returns the panel copy to the pool; the solver is unusable after.
func (s *wlsSolver) release() {
	if s.pan != nil {
		b := s.pan.Data()
		panelPool.Put(&b)
		s.pan = nil
	}
}

func (s *wlsSolver) chunks() int {
	return (s.pan.Blocks() + glmChunkBlocks - 1) / glmChunkBlocks
}

// chunkBlocks returns the block range of chunk c.
func (s *wlsSolver) chunkBlocks(c int) (lo, hi int) {
	lo = c * glmChunkBlocks
	return lo, min(s.pan.Blocks(), lo+glmChunkBlocks)
}

func (s *wlsSolver) solve(z, w []float64) lsFit {
	if s.pan == nil {
		return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w})
	}
	return s.normal(z, w)
}

// normal solves the step by the normal equations (large problems),
// copying X into the panels first if no sweep has done so.
func (s *wlsSolver) normal(z, w []float64) lsFit {
	q := s.p + 1
	nc := s.chunks()
	for len(s.parts) < nc {
		s.parts = append(s.parts, make([]float64, q*q))
	}
	if k := min(runtime.GOMAXPROCS(0), nc); len(s.works) < k {
		s.works = make([]inum.GramWork, k)
	}
	fill := !s.filled
	forChunks(nc, func(wk, c int) {
		g := s.parts[c]
		clear(g)
		bl, bh := s.chunkBlocks(c)
		for b := bl; b < bh; b++ {
			if fill {
				s.pan.Fill(s.cols, b, b+1)
			}
			s.pan.WeightedGramAdd(g, z, w, b, b+1, &s.works[wk])
		}
	})
	s.filled = true
	return s.solveGram(s.parts[:nc], z, w)
}

// solveGram adds the per-chunk cross products parts (each (p+1)×(p+1),
// upper triangle of [X z]'W[X z]) in order and solves X'WX b = X'Wz by
// Cholesky on the equilibrated matrix, or by QR on (z, w) when that is not
// reliable.
func (s *wlsSolver) solveGram(parts [][]float64, z, w []float64) lsFit {
	p, q := s.p, s.p+1
	G := make([]float64, q*q)
	for _, g := range parts {
		for k, v := range g {
			G[k] += v
		}
	}
	s.gram = G
	A := mat.NewSymDense(p, nil)
	bv := make([]float64, p)
	for i := 0; i < p; i++ {
		bv[i] = G[i*q+p]
		for j := i; j < p; j++ {
			A.SetSym(i, j, G[i*q+j])
		}
	}
	fallback := func() lsFit { return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w}) }
	// equilibrate
	sc := make([]float64, p)
	for i := 0; i < p; i++ {
		sc[i] = 1 / math.Sqrt(A.At(i, i))
		if math.IsInf(sc[i], 0) || math.IsNaN(sc[i]) {
			return fallback()
		}
	}
	As := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			As.SetSym(i, j, A.At(i, j)*sc[i]*sc[j])
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(As) || ch.Cond() > 1e10 {
		return fallback()
	}
	bs := mat.NewVecDense(p, nil)
	for i := range bv {
		bs.SetVec(i, bv[i]*sc[i])
	}
	var x mat.VecDense
	if err := ch.SolveVecTo(&x, bs); err != nil {
		return fallback()
	}
	var inv mat.SymDense
	if err := ch.InverseTo(&inv); err != nil {
		return fallback()
	}
	fit := lsFit{rank: p, coef: make([]float64, p), aliased: make([]bool, p), kept: make([]int, p)}
	fit.xtxinv = make([][]float64, p)
	for i := 0; i < p; i++ {
		fit.kept[i] = i
		fit.coef[i] = x.AtVec(i) * sc[i]
		fit.xtxinv[i] = make([]float64, p)
		for j := 0; j < p; j++ {
			fit.xtxinv[i][j] = inv.At(i, j) * sc[i] * sc[j]
		}
	}
	fit.cond = ch.Cond()
	return fit
}

// forChunks runs body(worker, c) for the chunks 0 ≤ c < nc on up to
// GOMAXPROCS goroutines (worker < GOMAXPROCS identifies the goroutine, for
// per-goroutine scratch space); chunks are handed out in order as workers
// become free.
func forChunks(nc int, body func(worker, c int)) {
	k := min(runtime.GOMAXPROCS(0), nc)
	if k <= 1 {
		for c := 0; c < nc; c++ {
			body(0, c)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for wk := 0; wk < k; wk++ {
		wg.Add(1)
		go func(wk int) {
			defer wg.Done()
			for {
				c := int(next.Add(1) - 1)
				if c >= nc {
					return
				}
				body(wk, c)
			}
		}(wk)
	}
	wg.Wait()
}

// fitGLM fits the GLM of design d by iteratively reweighted least squares
// (Fisher scoring) as R's glm.fit: from R's starting values (or o.start),
// each iteration solves min_b Σ W_i (z_i - x_i'b)² with the working response
// z = η - offset + (y - μ)/μ'(η) and weights W = w μ'(η)²/V(μ), halves the
// step while the deviance is not finite or η, μ leave the family's domain,
// and stops when |D - D_old|/(|D| + 0.1) < ε (default 1e-8) or after MaxIter
// (default 25) iterations. Small designs use the QR solver on the columns;
// large ones (n·p² > 4e6) do all the row work of an iteration in one
// parallel sweep over a panel copy of X (largeGLM) and solve the normal
// equations (wlsSolver).
func fitGLM(d *design, fam Family, prior []float64, o GLMOptions) (*GLMFit, error) {
	n, p := d.n, len(d.cols)
	eps := o.Epsilon
	if eps <= 0 {
		eps = 1e-8
	}
	maxit := o.MaxIter
	if maxit <= 0 {
		maxit = 25
	}
	y := d.y
	w := func(i int) float64 { return weightAt(prior, i) }
	off := func(i int) float64 { return 0 }
	if o.Offset != nil {
		off = func(i int) float64 { return o.Offset[i] }
	}
	eta := make([]float64, n)
	mu := make([]float64, n)
	solver := newWLSSolver(d.cols, n, p)
	defer solver.release()
	var lg *largeGLM
	if solver.pan != nil {
		lg = newLargeGLM(solver, fam, y, prior, o.Offset, eta, mu)
	}
	devOf := func(mu []float64) float64 {
		return parallelSum(n, func(lo, hi int) float64 {
			s := 0.0
			for i := lo; i < hi; i++ {
				s += fam.devResid(y[i], mu[i], w(i))
			}
			return s
		})
	}
	var devold float64
	switch {
	case lg != nil:
		devold = lg.sweep(o.start)
	case o.start != nil:
		for i := range y {
			e := off(i)
			for j, c := range d.cols {
				e += c[i] * o.start[j]
			}
			eta[i] = e
			mu[i] = fam.linkinv(e)
			if o.Start != nil && (!fam.validEta(e) || !fam.validMu(mu[i])) {
				// R's glm.fit checks the user's start before iterating
				return nil, fmt.Errorf("models.GLM: cannot find valid starting values: GLMOptions.Start gives η = %v (μ = %v) at row %d, outside the %s family's range; please specify others", e, mu[i], rowOf(d.rows, i), fam.Name)
			}
		}
		devold = devOf(mu)
	default:
		for i := range y {
			mu[i] = fam.mustart(y[i], w(i))
			eta[i] = fam.linkfun(mu[i])
		}
		for i := range y {
			mu[i] = fam.linkinv(eta[i])
		}
		devold = devOf(mu)
	}
	var z, ww []float64
	if lg == nil {
		z = make([]float64, n)
		ww = make([]float64, n)
	}
	var fit lsFit
	var coef, coefold []float64
	if o.Start != nil {
		coefold = append([]float64(nil), o.Start...) // R: coefold <- start
	}
	conv := false
	iter := 0
	var warnings []string
	ctx := cell.Context()
	var dev float64
	for iter = 1; iter <= maxit; iter++ {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if lg != nil {
			fit = lg.step()
		} else {
			parallelFor(n, func(lo, hi int) {
				for i := lo; i < hi; i++ {
					me := fam.muEta(eta[i])
					v := fam.variance(mu[i])
					if w(i) > 0 && me != 0 {
						z[i] = eta[i] - off(i) + (y[i]-mu[i])/me
						ww[i] = w(i) * me * me / v
					} else {
						z[i] = 0
						ww[i] = 0
					}
				}
			})
			fit = solver.solve(z, ww)
		}
		if fit.rank == 0 {
			return nil, fmt.Errorf("models.GLM: the design has no estimable columns")
		}
		start := make([]float64, p)
		for j := range start {
			if fit.aliased[j] {
				start[j] = 0
			} else {
				start[j] = fit.coef[j]
			}
		}
		linpred := func(b []float64) {
			if lg != nil {
				dev = lg.sweep(b)
				return
			}
			parallelFor(n, func(lo, hi int) {
				e := eta[lo:hi]
				for i := range e {
					e[i] = off(lo + i)
				}
				for j, c := range d.cols {
					if b[j] != 0 {
						floats.AddScaled(e, b[j], c[lo:hi])
					}
				}
				for i := lo; i < hi; i++ {
					mu[i] = fam.linkinv(eta[i])
				}
			})
			dev = devOf(mu)
		}
		if lg != nil {
			// Near convergence the quadratic model of the deviance gives its
			// change for the step Δ: D(b + Δ) ≈ D(b) - Δ'X'WXΔ. When that is
			// already below the tolerance, the sweep skips the cross products
			// for a next step that will most likely not be taken (step forms
			// them in a pass of its own if it is). Results do not depend on
			// this guess.
			lg.skipGram = false
			if coefold != nil {
				delta := make([]float64, p)
				for j := range delta {
					delta[j] = start[j] - coefold[j]
				}
				dd := solver.quadForm(delta)
				lg.skipGram = dd >= 0 && dd/(math.Abs(devold-dd)+0.1) < eps
			}
			lg.skipGram = lg.skipGram || glmForceSkipGram
		}
		linpred(start)
		// step halving on non-finite deviance or invalid eta/mu
		bad := func() bool {
			if math.IsNaN(dev) || math.IsInf(dev, 0) {
				return true
			}
			if lg != nil {
				return lg.invalid
			}
			for i := range mu {
				if !fam.validEta(eta[i]) || !fam.validMu(mu[i]) {
					return true
				}
			}
			return false
		}
		if bad() {
			if coefold == nil {
				return nil, fmt.Errorf("models.GLM: no valid set of coefficients has been found: please supply starting values (GLMOptions.Start, one per coefficient, e.g. from a fit with another link)")
			}
			for k := 0; k < maxit && bad(); k++ {
				for j := range start {
					start[j] = (start[j] + coefold[j]) / 2
				}
				if lg != nil {
					lg.skipGram = false
				}
				linpred(start)
			}
			if bad() {
				return nil, fmt.Errorf("models.GLM: inner loop; cannot correct step size")
			}
		}
		coef = start
		if math.Abs(dev-devold)/(math.Abs(dev)+0.1) < eps {
			conv = true
			break
		}
		devold = dev
		coefold = append([]float64(nil), coef...)
	}
	if lg != nil {
		ww = lg.ww[lg.used] // the weights of the last step solved
	}
	if iter > maxit {
		iter = maxit
	}
	if !conv {
		warnings = append(warnings, "glm.fit: algorithm did not converge")
	}
	sepEps := 10 * dblEps
	if fam.Name == "binomial" {
		for _, v := range mu {
			if v > 1-sepEps || v < sepEps {
				warnings = append(warnings, "glm.fit: fitted probabilities numerically 0 or 1 occurred")
				break
			}
		}
	}
	if fam.Name == "poisson" {
		for _, v := range mu {
			if v < sepEps {
				warnings = append(warnings, "glm.fit: fitted rates numerically 0 occurred")
				break
			}
		}
	}
	m := &GLMFit{offset: o.Offset, opts: o, Family: fam, Names: d.names, Coef: make([]float64, p), Aliased: fit.aliased, Rank: fit.rank,
		NDropped: d.nDropped, Rows: d.rows, Deviance: dev, Iterations: iter, Converged: conv, Warnings: warnings,
		Fitted: mu, LinearPredictor: eta, Y: y, WorkingWeights: ww, YName: d.yName, prior: prior, d: d, fit: fit}
	for j := range m.Coef {
		m.Coef[j] = coef[j]
		if fit.aliased[j] {
			m.Coef[j] = math.NaN()
		}
	}
	nok := n
	if prior != nil {
		nok = 0
		for _, v := range prior {
			if v != 0 {
				nok++
			}
		}
	}
	m.NObs = nok
	m.DFResidual = nok - fit.rank
	dfInt := 0
	if d.intercept {
		dfInt = 1
	}
	m.DFNull = nok - dfInt
	// null deviance
	var wtdmu float64
	if d.intercept {
		sw, swy := 0.0, 0.0
		for i := range y {
			sw += w(i)
			swy += w(i) * y[i]
		}
		wtdmu = swy / sw
	}
	nd := 0.0
	if d.intercept && prior == nil && zeroOne(y) {
		// 0/1 responses with unit weights: the two possible terms, added
		// in row order
		tab := [2]float64{fam.devResid(0, wtdmu, 1), fam.devResid(1, wtdmu, 1)}
		for _, yi := range y {
			nd += tab[int(yi)]
		}
	} else if d.intercept {
		// the terms depend only on (y_i, w_i): remember the last two
		var memo [2]struct{ y, w, d float64 }
		filled := 0
		for i, yi := range y {
			wi := w(i)
			k := 0
			for k < filled && (memo[k].y != yi || memo[k].w != wi) {
				k++
			}
			if k == filled {
				if filled < 2 {
					filled++
				} else {
					memo[0], k = memo[1], 1
				}
				memo[k].y, memo[k].w, memo[k].d = yi, wi, fam.devResid(yi, wtdmu, wi)
			}
			nd += memo[k].d
		}
	} else {
		for i := range y {
			nd += fam.devResid(y[i], fam.linkinv(off(i)), w(i))
		}
	}
	if o.Offset != nil && d.intercept && !o.noNull {
		// R refits the intercept-only model with the offset
		one := make([]float64, n)
		for i := range one {
			one[i] = 1
		}
		d0 := &design{n: n, cols: [][]float64{one}, names: []string{"(Intercept)"}, assign: []int{-1}, intercept: true, y: y}
		if f0, err := fitGLM(d0, fam, prior, GLMOptions{Epsilon: o.Epsilon, MaxIter: o.MaxIter, Offset: o.Offset, noNull: true}); err == nil {
			nd = f0.Deviance
		}
	}
	m.NullDeviance = nd
	// dispersion
	if fam.fixedDispersion {
		m.Dispersion = 1
	} else if m.DFResidual > 0 {
		s := 0.0
		for i := range y {
			if ww[i] > 0 {
				var me float64
				if lg != nil {
					me = lg.me[i] // μ'(η) at the final η
				} else {
					me = fam.muEta(eta[i])
				}
				r := (y[i] - mu[i]) / me
				s += ww[i] * r * r
			}
		}
		m.Dispersion = s / float64(m.DFResidual)
	} else {
		m.Dispersion = math.NaN()
	}
	m.aic = binaryAIC(fam, y, prior, dev)
	if math.IsNaN(m.aic) {
		m.aic = fam.aic(y, mu, prior, dev)
	}
	m.aic += 2 * float64(fit.rank)
	// covariance (unscaled) from the last IRLS weights
	m.covU = fit.unscaledCov(p)
	m.StdErr = make([]float64, p)
	m.ZValue = make([]float64, p)
	m.PValue = make([]float64, p)
	for j := 0; j < p; j++ {
		if fit.aliased[j] {
			m.StdErr[j], m.ZValue[j], m.PValue[j] = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		m.StdErr[j] = math.Sqrt(m.Dispersion * m.covU[j][j])
		m.ZValue[j] = m.Coef[j] / m.StdErr[j]
		if fam.fixedDispersion {
			m.PValue[j] = pNorm2(m.ZValue[j])
		} else {
			m.PValue[j] = pT2(m.ZValue[j], float64(m.DFResidual))
		}
	}
	return m, nil
}

// largeGLM runs the row passes of IRLS for a large design on the solver's
// panel copy of X. One sweep over the rows per iteration does all the row
// work while a block of X is in cache: η = o + Xb, μ = g⁻¹(η), μ'(η), the
// deviance and the validity of η and μ, then the next iteration's working
// response z and weights W, and the block's share of X'WX and X'Wz. The
// cross products of a sweep are used by the next step; the last sweep's
// (after convergence) are not needed. z and W are double-buffered so that
// WorkingWeights are those of the last step solved, as R reports them. Sums
// over rows are formed per chunk and added in chunk order, so they do not
// depend on the number of cores.
type largeGLM struct {
	s             *wlsSolver
	fam           Family
	y, prior, off []float64 // prior and off may be nil (unit weights, no offset)
	eta, mu       []float64
	me            []float64      // μ'(η) at the current η
	z, ww         [2][]float64   // working response and weights, two buffers
	parts         [2][][]float64 // per-chunk (p+1)×(p+1) cross products of each buffer
	ready, used   int            // buffer of the last sweep; buffer of the last step
	gramOK        [2]bool        // the sweep that filled the buffer formed its cross products
	skipGram      bool           // the next sweep need not form cross products
	binary        bool           // binomial, 0/1 responses, unit prior weights
	logit         bool
	dpart         []float64 // deviance of each chunk
	bad           []bool    // chunk has an invalid η or μ
	invalid       bool      // some η or μ of the last sweep is invalid
}

func newLargeGLM(s *wlsSolver, fam Family, y, prior, off, eta, mu []float64) *largeGLM {
	n, nc, q := s.n, s.chunks(), s.p+1
	lg := &largeGLM{s: s, fam: fam, y: y, prior: prior, off: off, eta: eta, mu: mu,
		me: make([]float64, n), dpart: make([]float64, nc), bad: make([]bool, nc), used: 1,
		logit: fam.Link == "logit"}
	for k := range lg.z {
		lg.z[k] = make([]float64, n)
		lg.ww[k] = make([]float64, n)
		lg.parts[k] = make([][]float64, nc)
		for c := range lg.parts[k] {
			lg.parts[k][c] = make([]float64, q*q)
		}
	}
	lg.binary = fam.Name == "binomial" && prior == nil && zeroOne(y)
	return lg
}

// sweep makes one pass over the rows for coefficients b, or for R's
// starting values (family$initialize, then the first linkinv) when b is
// nil, and returns the deviance (invalid reports an η or μ outside the
// family's domain).
//
// The starting values μ_i = mustart(y_i, w_i), η_i = g(μ_i), μ_i = g⁻¹(η_i)
// depend only on (y_i, w_i), so each chunk remembers the last two pairs it
// computed (0/1 responses with unit weights need no logarithm or
// exponential per row); the values are the same as computed row by row.
//
// η_i adds the terms x_ij b_j to the offset in column order (as a row dot
// product would). For 0/1 binomial responses with unit prior weights the
// deviance 2·Σ -log(p_i), p_i = μ_i (y_i = 1) or 1 - μ_i (y_i = 0), is
// formed as -2·log Π p_i with the product kept in range by splitting off
// its binary exponent every 16 rows (one logarithm per chunk instead of one
// per row; rounding error about √n·ε relative to the log-likelihood).
func (lg *largeGLM) sweep(b []float64) float64 {
	s := lg.s
	pan := s.pan
	fam := lg.fam
	k := 1 - lg.used // keep the buffer of the last step
	z, ww := lg.z[k], lg.ww[k]
	nw := min(runtime.GOMAXPROCS(0), s.chunks())
	if len(s.works) < nw {
		s.works = make([]inum.GramWork, nw)
	}
	fill := !s.filled
	skip := lg.skipGram && s.filled
	forChunks(s.chunks(), func(wk, c int) {
		bl, bh := s.chunkBlocks(c)
		g := lg.parts[k][c]
		clear(g)
		dev := 0.0
		bad := false
		type entry struct{ y, w, eta, mu, me, dev float64 }
		var memo [2]entry
		filled := 0
		for blk := bl; blk < bh; blk++ {
			if fill {
				pan.Fill(s.cols, blk, blk+1)
			}
			lo, hi := pan.Rows(blk)
			e := lg.eta[lo:hi]
			mu, me, y := lg.mu[lo:hi], lg.me[lo:hi], lg.y[lo:hi]
			mu, me, y = mu[:len(e)], me[:len(e)], y[:len(e)]
			if b == nil {
				for i := range e {
					yi, wi := y[i], weightAt(lg.prior, lo+i)
					m := 0
					for m < filled && (memo[m].y != yi || memo[m].w != wi) {
						m++
					}
					if m == filled {
						if filled < 2 {
							filled++
						} else {
							memo[0], m = memo[1], 1
						}
						mu0 := fam.mustart(yi, wi)
						et := fam.linkfun(mu0)
						mv := fam.linkinv(et)
						memo[m] = entry{yi, wi, et, mv, fam.muEta(et), fam.devResid(yi, mv, wi)}
					}
					e[i], mu[i], me[i] = memo[m].eta, memo[m].mu, memo[m].me
					dev += memo[m].dev
				}
			} else {
				lg.linpred(e, blk, b)
				switch {
				case lg.binary && lg.logit && lg.off == nil:
					dev += binaryLogitRows(e, mu, me, y, z[lo:hi], ww[lo:hi], &bad)
					if !skip {
						pan.WeightedGramAdd(g, z, ww, blk, blk+1, &s.works[wk])
					}
					continue
				case lg.binary:
					for i, et := range e {
						mu[i], me[i] = fam.linkinv(et), fam.muEta(et)
						if !fam.validEta(et) || !fam.validMu(mu[i]) {
							bad = true
						}
					}
					dev += binaryDev(mu, y)
				default:
					for i, et := range e {
						var m float64
						if fam.both != nil {
							m, me[i] = fam.both(et)
						} else {
							m, me[i] = fam.linkinv(et), fam.muEta(et)
						}
						mu[i] = m
						dev += fam.devResid(y[i], m, weightAt(lg.prior, lo+i))
						if !fam.validEta(et) || !fam.validMu(m) {
							bad = true
						}
					}
				}
			}
			lg.working(z, ww, lo, hi)
			if !skip {
				pan.WeightedGramAdd(g, z, ww, blk, blk+1, &s.works[wk])
			}
		}
		lg.dpart[c] = dev
		lg.bad[c] = bad
	})
	s.filled = true
	lg.ready = k
	lg.gramOK[k] = !skip
	total := 0.0
	lg.invalid = false
	for c, v := range lg.dpart {
		total += v
		lg.invalid = lg.invalid || lg.bad[c]
	}
	return total
}

// linpred sets e (the rows of block blk) to o + Σ_j x_ij b_j, adding the
// terms in column order.
func (lg *largeGLM) linpred(e []float64, blk int, b []float64) {
	pan, p := lg.s.pan, lg.s.p
	lo, hi := pan.Rows(blk)
	if lg.off != nil {
		copy(e, lg.off[lo:hi])
	} else {
		clear(e)
	}
	for j := 0; j < p; j++ {
		floats.AddScaled(e, b[j], pan.Col(blk, j))
	}
}

// working sets the working response and weights of rows [lo, hi):
// z_i = η_i - o_i + (y_i - μ_i)/μ'(η_i) and W_i = w_i μ'(η_i)²/V(μ_i)
// (both zero when w_i = 0 or μ'(η_i) = 0).
func (lg *largeGLM) working(z, ww []float64, lo, hi int) {
	fam := lg.fam
	binom := fam.Name == "binomial"
	for i := lo; i < hi; i++ {
		me := lg.me[i]
		m := lg.mu[i]
		var v float64
		if binom {
			v = m * (1 - m)
		} else {
			v = fam.variance(m)
		}
		wi := weightAt(lg.prior, i)
		if wi > 0 && me != 0 {
			e := lg.eta[i]
			if lg.off != nil {
				e -= lg.off[i]
			}
			z[i] = e + (lg.y[i]-m)/me
			ww[i] = wi * me * me / v
		} else {
			z[i] = 0
			ww[i] = 0
		}
	}
}

// step solves the weighted least-squares problem of the last sweep's z
// and W from its cross products.
func (lg *largeGLM) step() lsFit {
	k := lg.ready
	lg.used = k
	if !lg.gramOK[k] {
		// the sweep skipped the cross products (convergence was expected)
		return lg.s.normal(lg.z[k], lg.ww[k])
	}
	return lg.s.solveGram(lg.parts[k][:lg.s.chunks()], lg.z[k], lg.ww[k])
}

// binaryLogitRows sets μ = g⁻¹(η) and μ'(η) for the logit link with R's
// thresholds (the same arithmetic as Binomial("logit")'s functions), flags
// μ outside (0, 1), sets the working response z = η + (y - μ)/μ'(η) and
// weights W = μ'(η)²/(μ(1 - μ)) (as largeGLM.working, for unit prior
// weights and no offset) and returns the deviance of the 0/1 responses y.
// For |η| ≤ 30 the exponential is taken row by row and the divisions four
// rows at a time (logitRowsAVX, same results); rows beyond R's thresholds
// or with η = NaN are done one by one.
func binaryLogitRows(e, mu, me, y, z, ww []float64, bad *bool) float64 {
	const thresh, mthresh = 30.0, -30.0
	n := len(e)
	mu, me, y, z, ww = mu[:n], me[:n], y[:n], z[:n], ww[:n]
	special := false
	for i, et := range e {
		if et >= mthresh && et <= thresh {
			mu[i] = math.Exp(et)
		} else {
			mu[i] = 1 // replaced below
			special = true
		}
	}
	n4 := 0
	if hasAVX && n >= 4 {
		n4 = n &^ 3
		logitRowsAVX(&mu[0], &e[0], &y[0], &me[0], &z[0], &ww[0], n4)
	}
	row := func(i int) {
		et := e[i]
		var m, d float64
		switch {
		case et < mthresh:
			m, d = dblEps/(1+dblEps), dblEps
		case et > thresh:
			t := 1 / dblEps
			m, d = t/(1+t), dblEps
		default:
			x := mu[i] // exp(η)
			if et != et {
				x = et
			}
			m, d = x/(1+x), x/((1+x)*(1+x))
		}
		mu[i], me[i] = m, d
		if !(m > 0 && m < 1) {
			*bad = true
		}
		if d != 0 {
			z[i] = et + (y[i]-m)/d
			ww[i] = d * d / (m * (1 - m))
		} else {
			z[i], ww[i] = 0, 0
		}
	}
	for i := n4; i < n; i++ {
		row(i)
	}
	if special {
		for i, et := range e {
			if !(et >= mthresh && et <= thresh) {
				row(i)
			}
		}
	}
	return binaryDev(mu, y)
}

// binaryDev returns 2·Σ -log(p_i), p_i = μ_i for y_i = 1 and 1 - μ_i for
// y_i = 0, as -2·(log m + e·log 2) where m·2^e = Π p_i. The product is
// accumulated in four interleaved partial products whose binary exponents
// are split off every 16 factors (each p_i ≥ 2^-53 for valid μ, so the
// partial products stay normal). p_i = (1 - y_i) + (2y_i - 1)·μ_i is exact
// and needs no branch on y_i.
func binaryDev(mu, y []float64) float64 {
	mu = mu[:len(y)]
	p := [4]float64{1, 1, 1, 1}
	exp := 0
	ok := true
	i := 0
	for ; i+64 <= len(y) && ok; i += 64 {
		ys, ms := y[i:i+64], mu[i:i+64]
		for k := 0; k < 64; k += 4 {
			p[0] *= (1 - ys[k]) + (2*ys[k]-1)*ms[k]
			p[1] *= (1 - ys[k+1]) + (2*ys[k+1]-1)*ms[k+1]
			p[2] *= (1 - ys[k+2]) + (2*ys[k+2]-1)*ms[k+2]
			p[3] *= (1 - ys[k+3]) + (2*ys[k+3]-1)*ms[k+3]
		}
		for k := range p {
			if !(p[k] > 0 && p[k] <= 1) {
				ok = false
				break
			}
			f, e := math.Frexp(p[k])
			p[k] = f
			exp += e
		}
	}
	for ; i < len(y) && ok; i++ {
		p[0] *= (1 - y[i]) + (2*y[i]-1)*mu[i]
		if !(p[0] > 0 && p[0] <= 1) {
			ok = false
		}
		f, e := math.Frexp(p[0])
		p[0] = f
		exp += e
	}
	if ok {
		// each p[k] is in [1/2, 1)
		return -2 * (math.Log(p[0]*p[1]*p[2]*p[3]) + float64(exp)*math.Ln2)
	}
	// a fitted probability of exactly 0 or 1 on the wrong side (infinite
	// deviance), or an invalid μ (NaN deviance): row by row
	d := 0.0
	for i, v := range y {
		d += 2 * (yLogY(v, mu[i]) + yLogY(1-v, 1-mu[i]))
	}
	return d
}

// binaryAIC returns the binomial family's AIC term -2·Σ log f(y_i; μ_i) for
// 0/1 responses with unit prior weights, where it equals the deviance
// 2·Σ -log(μ_i or 1-μ_i) (R computes it with dbinom, the same quantity up
// to rounding in the last bits); NaN when that does not apply.
func binaryAIC(fam Family, y, prior []float64, dev float64) float64 {
	if fam.Name != "binomial" || prior != nil || !zeroOne(y) {
		return math.NaN()
	}
	return dev
}

// zeroOne reports whether every y_i is 0 or 1 (the test y(1-y) = 0 has no
// branch that depends on the data's order).
func zeroOne(y []float64) bool {
	for _, v := range y {
		if v*(1-v) != 0 {
			return false
		}
	}
	return true
}
