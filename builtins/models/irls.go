package models

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/gostat/gostat/builtins/cell"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// wlsSolve solves one IRLS step min Σ w (z - Xb)². Small problems use the
// QR solver (double-double when cheap), large ones the normal equations
// X'WX accumulated in parallel blocks with BLAS and solved by Cholesky on
// the equilibrated matrix (falling back to QR if it is not positive
// definite).
type wlsSolver struct {
	cols [][]float64
	rows *mat.Dense // row-major copy for the blocked path
	n, p int
}

func (s *wlsSolver) solve(z, w []float64) lsFit {
	if int64(s.n)*int64(s.p)*int64(s.p) <= 4e6 || s.p > 200 {
		return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w})
	}
	if s.rows == nil {
		data := make([]float64, s.n*s.p)
		parallelFor(s.n, func(lo, hi int) {
			for j, c := range s.cols {
				for i := lo; i < hi; i++ {
					data[i*s.p+j] = c[i]
				}
			}
		})
		s.rows = mat.NewDense(s.n, s.p, data)
	}
	p := s.p
	nb := runtime.GOMAXPROCS(0)
	if nb > 8 {
		nb = 8
	}
	parts := make([][]float64, nb)
	rhs := make([][]float64, nb)
	var wg sync.WaitGroup
	chunk := (s.n + nb - 1) / nb
	raw := s.rows.RawMatrix()
	for b := 0; b < nb; b++ {
		wg.Add(1)
		go func(b int) {
			defer wg.Done()
			lo := b * chunk
			hi := min(s.n, lo+chunk)
			A := make([]float64, p*p) // lower triangle, row j holds A[j][0..j]
			r := make([]float64, p)
			i := lo
			for ; i+4 <= hi; i += 4 {
				r0 := raw.Data[i*p : i*p+p]
				r1 := raw.Data[(i+1)*p : (i+1)*p+p]
				r2 := raw.Data[(i+2)*p : (i+2)*p+p]
				r3 := raw.Data[(i+3)*p : (i+3)*p+p]
				w0, w1, w2, w3 := w[i], w[i+1], w[i+2], w[i+3]
				z0, z1, z2, z3 := w0*z[i], w1*z[i+1], w2*z[i+2], w3*z[i+3]
				// two output rows (j, j+1) at a time share the loads of
				// the four data rows
				j := 0
				for ; j+1 < p; j += 2 {
					a0, a1, a2, a3 := w0*r0[j], w1*r1[j], w2*r2[j], w3*r3[j]
					b0, b1, b2, b3 := w0*r0[j+1], w1*r1[j+1], w2*r2[j+1], w3*r3[j+1]
					c := A[j*p : j*p+j+1]
					e := A[(j+1)*p : (j+1)*p+j+1]
					// equal lengths let the compiler drop bounds checks
					s0, s1, s2, s3 := r0[:len(c)], r1[:len(c)], r2[:len(c)], r3[:len(c)]
					e = e[:len(c)]
					for k := range c {
						x0, x1, x2, x3 := s0[k], s1[k], s2[k], s3[k]
						c[k] += a0*x0 + a1*x1 + a2*x2 + a3*x3
						e[k] += b0*x0 + b1*x1 + b2*x2 + b3*x3
					}
					A[(j+1)*p+j+1] += b0*r0[j+1] + b1*r1[j+1] + b2*r2[j+1] + b3*r3[j+1]
					r[j] += z0*r0[j] + z1*r1[j] + z2*r2[j] + z3*r3[j]
					r[j+1] += z0*r0[j+1] + z1*r1[j+1] + z2*r2[j+1] + z3*r3[j+1]
				}
				for ; j < p; j++ {
					a0, a1, a2, a3 := w0*r0[j], w1*r1[j], w2*r2[j], w3*r3[j]
					c := A[j*p : j*p+j+1]
					s0, s1, s2, s3 := r0[:len(c)], r1[:len(c)], r2[:len(c)], r3[:len(c)]
					for k := range c {
						c[k] += a0*s0[k] + a1*s1[k] + a2*s2[k] + a3*s3[k]
					}
					r[j] += z0*r0[j] + z1*r1[j] + z2*r2[j] + z3*r3[j]
				}
			}
			for ; i < hi; i++ {
				row := raw.Data[i*p : i*p+p]
				wz := w[i] * z[i]
				for j := 0; j < p; j++ {
					a := w[i] * row[j]
					c := A[j*p : j*p+j+1]
					for k := range c {
						c[k] += a * row[k]
					}
					r[j] += wz * row[j]
				}
			}
			parts[b] = A
			rhs[b] = r
		}(b)
	}
	wg.Wait()
	A := mat.NewSymDense(p, nil)
	bv := make([]float64, p)
	for b := range parts {
		for i := 0; i < p; i++ {
			bv[i] += rhs[b][i]
			for j := 0; j <= i; j++ {
				A.SetSym(j, i, A.At(j, i)+parts[b][i*p+j])
			}
		}
	}
	// equilibrate
	sc := make([]float64, p)
	for i := 0; i < p; i++ {
		sc[i] = 1 / math.Sqrt(A.At(i, i))
		if math.IsInf(sc[i], 0) || math.IsNaN(sc[i]) {
			return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w})
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
		return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w})
	}
	bs := mat.NewVecDense(p, nil)
	for i := range bv {
		bs.SetVec(i, bv[i]*sc[i])
	}
	var x mat.VecDense
	if err := ch.SolveVecTo(&x, bs); err != nil {
		return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w})
	}
	var inv mat.SymDense
	if err := ch.InverseTo(&inv); err != nil {
		return solveLS(lsProblem{n: s.n, p: s.p, cols: s.cols, y: z, w: w})
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
	if o.start != nil {
		for i := range y {
			e := off(i)
			for j, c := range d.cols {
				e += c[i] * o.start[j]
			}
			eta[i] = e
			mu[i] = fam.linkinv(e)
		}
	} else {
		for i := range y {
			mu[i] = fam.mustart(y[i], w(i))
			eta[i] = fam.linkfun(mu[i])
		}
		for i := range y {
			mu[i] = fam.linkinv(eta[i])
		}
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
	devold := devOf(mu)
	solver := &wlsSolver{cols: d.cols, n: n, p: p}
	z := make([]float64, n)
	ww := make([]float64, n)
	var muEtaCache []float64 // μ'(η) kept from the linear-predictor pass (large logit fits)
	cacheOK := false
	var fit lsFit
	var coef, coefold []float64
	conv := false
	iter := 0
	var warnings []string
	ctx := cell.Context()
	var dev float64
	for iter = 1; iter <= maxit; iter++ {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		parallelFor(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				var me float64
				if cacheOK {
					me = muEtaCache[i]
				} else {
					me = fam.muEta(eta[i])
				}
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
			cacheOK = false
			if solver.rows != nil {
				// the row-major copy of the large path: one short dot per row
				raw := solver.rows.RawMatrix().Data
				if fam.both != nil && muEtaCache == nil {
					muEtaCache = make([]float64, n)
				}
				parallelFor(n, func(lo, hi int) {
					for i := lo; i < hi; i++ {
						row := raw[i*p : i*p+p]
						s := off(i)
						for j, v := range row[:len(b)] {
							s += v * b[j]
						}
						eta[i] = s
						if muEtaCache != nil {
							mu[i], muEtaCache[i] = fam.both(s)
						} else {
							mu[i] = fam.linkinv(s)
						}
					}
				})
				cacheOK = muEtaCache != nil
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
		}
		linpred(start)
		dev = devOf(mu)
		// step halving on non-finite deviance or invalid eta/mu
		bad := func() bool {
			if math.IsNaN(dev) || math.IsInf(dev, 0) {
				return true
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
				return nil, fmt.Errorf("models.GLM: no valid set of coefficients has been found: please supply starting values")
			}
			for k := 0; k < maxit && bad(); k++ {
				for j := range start {
					start[j] = (start[j] + coefold[j]) / 2
				}
				linpred(start)
				dev = devOf(mu)
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
	nok := 0
	for i := 0; i < n; i++ {
		if w(i) != 0 {
			nok++
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
	for i := range y {
		mu0 := wtdmu
		if !d.intercept {
			mu0 = fam.linkinv(off(i))
		}
		nd += fam.devResid(y[i], mu0, w(i))
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
				r := (y[i] - mu[i]) / fam.muEta(eta[i])
				s += ww[i] * r * r
			}
		}
		m.Dispersion = s / float64(m.DFResidual)
	} else {
		m.Dispersion = math.NaN()
	}
	m.aic = fam.aic(y, mu, prior, dev) + 2*float64(fit.rank)
	// covariance (unscaled) from the last IRLS weights
	m.covU = make([][]float64, p)
	for i := range m.covU {
		m.covU[i] = make([]float64, p)
		for j := range m.covU[i] {
			m.covU[i][j] = math.NaN()
		}
	}
	for a, i := range fit.kept {
		for b, j := range fit.kept {
			m.covU[i][j] = fit.xtxinv[a][b]
		}
	}
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
