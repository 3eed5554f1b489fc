package ml

import (
	"context"
	"math"
	"sync"

	"github.com/gostat/gostat/builtins/internal/cd"
	"gonum.org/v1/gonum/mat"
)

// chunks splits [0,n) into at most w contiguous ranges.
func chunks(n, w int) [][2]int {
	if w > n {
		w = n
	}
	if w < 1 {
		w = 1
	}
	out := make([][2]int, w)
	for g := 0; g < w; g++ {
		out[g] = [2]int{g * n / w, (g + 1) * n / w}
	}
	return out
}

// newtonSolve solves H d = g for the symmetric H whose upper triangle is
// stored in h (q×q).
func newtonSolve(h, g []float64, q int) ([]float64, error) {
	S := mat.NewSymDense(q, nil)
	for j := 0; j < q; j++ {
		for k := j; k < q; k++ {
			S.SetSym(j, k, h[j*q+k])
		}
	}
	var ch mat.Cholesky
	if ok := ch.Factorize(S); !ok {
		return nil, errSingular
	}
	d := mat.NewVecDense(q, nil)
	if err := ch.SolveVecTo(d, mat.NewVecDense(q, g)); err != nil {
		return nil, errSingular
	}
	return d.RawVector().Data, nil
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		if a := math.Abs(x); a > m {
			m = a
		}
	}
	return m
}

func anyNaN(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return true
		}
	}
	return false
}

// multinomialPass evaluates the multinomial objective (with λ/2‖W‖² on
// coefficients, plus ½‖Σ_k W_k‖² which pins the otherwise free common shift
// of the classes without moving the optimum), gradient and Hessian.
func multinomialPass(X *mat.Dense, y []int, K int, W []float64, lam float64, icpt bool, g, H []float64) float64 {
	n, p := X.Dims()
	b := p + 1
	Q := K * b
	raw := X.RawMatrix()
	parts := chunks(n, workers(n/2000+1))
	fs := make([]float64, len(parts))
	gs := make([][]float64, len(parts))
	hs := make([][]float64, len(parts))
	var wg sync.WaitGroup
	for c, rg := range parts {
		wg.Add(1)
		go func(c, lo, hi int) {
			defer wg.Done()
			gl := make([]float64, Q)
			var hl []float64
			if H != nil {
				hl = make([]float64, Q*Q)
			}
			eta := make([]float64, K)
			xt := make([]float64, b)
			xt[p] = 1
			f := 0.0
			for i := lo; i < hi; i++ {
				copy(xt, raw.Data[i*raw.Stride:i*raw.Stride+p])
				mx := math.Inf(-1)
				for k := 0; k < K; k++ {
					eta[k] = dot(W[k*b:(k+1)*b], xt)
					if eta[k] > mx {
						mx = eta[k]
					}
				}
				s := 0.0
				for k := range eta {
					s += math.Exp(eta[k] - mx)
				}
				lse := mx + math.Log(s)
				f += lse - eta[y[i]]
				for k := 0; k < K; k++ {
					pk := math.Exp(eta[k] - lse)
					r := pk
					if k == y[i] {
						r -= 1
					}
					gk := gl[k*b : (k+1)*b]
					for j, v := range xt {
						gk[j] += r * v
					}
					if hl == nil {
						continue
					}
					for l := k; l < K; l++ {
						pl := math.Exp(eta[l] - lse)
						wkl := -pk * pl
						if l == k {
							wkl += pk
						}
						for j := 0; j < b; j++ {
							a := wkl * xt[j]
							row := hl[(k*b+j)*Q+l*b : (k*b+j)*Q+l*b+b]
							for m, v := range xt {
								row[m] += a * v
							}
						}
					}
				}
			}
			fs[c], gs[c], hs[c] = f, gl, hl
		}(c, rg[0], rg[1])
	}
	wg.Wait()
	f := 0.0
	for j := range g {
		g[j] = 0
	}
	for j := range H {
		H[j] = 0
	}
	for c := range parts {
		f += fs[c]
		for j, v := range gs[c] {
			g[j] += v
		}
		for j, v := range hs[c] {
			H[j] += v
		}
	}
	// Full symmetric upper triangle: copy block (k,l) with k<l transposed
	// parts are in place already; fill diagonal blocks' lower half not needed.
	for k := 0; k < K; k++ {
		for j := 0; j < p; j++ {
			w := W[k*b+j]
			f += 0.5 * lam * w * w
			g[k*b+j] += lam * w
			if H != nil {
				H[(k*b+j)*Q+k*b+j] += lam
			}
		}
	}
	for j := 0; j < b; j++ {
		s := 0.0
		for k := 0; k < K; k++ {
			s += W[k*b+j]
		}
		f += 0.5 * s * s
		for k := 0; k < K; k++ {
			g[k*b+j] += s
			if H != nil {
				for l := k; l < K; l++ {
					H[(k*b+j)*Q+l*b+j]++
				}
			}
		}
	}
	if !icpt {
		for k := 0; k < K; k++ {
			c := k*b + p
			g[c] = 0
			if H != nil {
				for j := 0; j < Q; j++ {
					H[j*Q+c] = 0
					H[c*Q+j] = 0
				}
				H[c*Q+c] = 1
			}
		}
	}
	return f
}

func newtonMultinomial(ctx context.Context, X *mat.Dense, y []int, K int, lam float64, icpt bool, maxIter int, tol float64) ([]float64, int, bool, error) {
	_, p := X.Dims()
	Q := K * (p + 1)
	W := make([]float64, Q)
	g := make([]float64, Q)
	H := make([]float64, Q*Q)
	f := multinomialPass(X, y, K, W, lam, icpt, g, H)
	cand := make([]float64, Q)
	g2 := make([]float64, Q)
	H2 := make([]float64, Q*Q)
	for it := 1; it <= maxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, err
		}
		d, err := newtonSolve(H, g, Q)
		if err != nil {
			return nil, it, false, err
		}
		slope := -dot(g, d)
		t := 1.0
		var fn float64
		for ls := 0; ls < 50; ls++ {
			for j := range cand {
				cand[j] = W[j] - t*d[j]
			}
			fn = multinomialPass(X, y, K, cand, lam, icpt, g2, H2)
			if fn <= f+1e-4*t*slope || math.Abs(fn-f) <= 1e-14*math.Abs(f) {
				break
			}
			t /= 2
		}
		copy(W, cand)
		copy(g, g2)
		copy(H, H2)
		f = fn
		if t*maxAbs(d) <= tol*(1+maxAbs(W)) {
			return W, it, true, nil
		}
	}
	return W, maxIter, false, nil
}

// proxNewtonL1 minimises Σ log(1+e^η) − yη + λ‖w‖₁ (intercept free) by
// proximal Newton: a weighted least-squares model of the loss solved by
// cyclic coordinate descent with soft-thresholding, then a backtracking
// step on the true objective.
func proxNewtonL1(ctx context.Context, X *mat.Dense, y []float64, lam float64, icpt bool, maxIter int, tol float64) ([]float64, int, bool, error) {
	n, p := X.Dims()
	raw := X.RawMatrix()
	beta := make([]float64, p+1)
	obj := func(bt []float64) float64 {
		f := 0.0
		for i := 0; i < n; i++ {
			eta := bt[p] + dot(bt[:p], raw.Data[i*raw.Stride:i*raw.Stride+p])
			f += log1pexp(eta) - y[i]*eta
		}
		for j := 0; j < p; j++ {
			f += lam * math.Abs(bt[j])
		}
		return f
	}
	f := obj(beta)
	w := make([]float64, n)
	z := make([]float64, n)
	r := make([]float64, n)
	xwx := make([]float64, p)
	for it := 1; it <= maxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, err
		}
		for i := 0; i < n; i++ {
			x := raw.Data[i*raw.Stride : i*raw.Stride+p]
			eta := beta[p] + dot(beta[:p], x)
			mu := sigmoid(eta)
			w[i] = math.Max(mu*(1-mu), 1e-10)
			z[i] = eta + (y[i]-mu)/w[i]
			r[i] = z[i] - eta
		}
		for j := 0; j < p; j++ {
			s := 0.0
			for i := 0; i < n; i++ {
				v := raw.Data[i*raw.Stride+j]
				s += w[i] * v * v
			}
			xwx[j] = s
		}
		nb := append([]float64(nil), beta...)
		for sweep := 0; sweep < 1000; sweep++ {
			md := 0.0
			if icpt {
				sw, swr := 0.0, 0.0
				for i := 0; i < n; i++ {
					sw += w[i]
					swr += w[i] * r[i]
				}
				d := swr / sw
				nb[p] += d
				for i := range r {
					r[i] -= d
				}
				md = math.Abs(d)
			}
			for j := 0; j < p; j++ {
				if xwx[j] == 0 {
					continue
				}
				rho := 0.0
				for i := 0; i < n; i++ {
					rho += w[i] * raw.Data[i*raw.Stride+j] * r[i]
				}
				rho += xwx[j] * nb[j]
				nv := cd.SoftThreshold(rho, lam) / xwx[j]
				if d := nv - nb[j]; d != 0 {
					for i := 0; i < n; i++ {
						r[i] -= d * raw.Data[i*raw.Stride+j]
					}
					nb[j] = nv
					md = math.Max(md, math.Abs(d))
				}
			}
			if md <= tol*0.1*(1+maxAbs(nb)) {
				break
			}
		}
		t := 1.0
		cand := make([]float64, p+1)
		var fn float64
		for ls := 0; ls < 40; ls++ {
			for j := range cand {
				cand[j] = beta[j] + t*(nb[j]-beta[j])
			}
			fn = obj(cand)
			if fn <= f+1e-12*math.Abs(f) {
				break
			}
			t /= 2
		}
		step := 0.0
		for j := range cand {
			step = math.Max(step, math.Abs(cand[j]-beta[j]))
		}
		copy(beta, cand)
		f = fn
		if step <= tol*(1+maxAbs(beta)) {
			return beta, it, true, nil
		}
	}
	return beta, maxIter, false, nil
}

// proxNewtonMultinomialL1 minimises the multinomial negative log-likelihood
// plus λ‖W‖₁ on the coefficients (intercepts free; their common shift,
// which leaves the likelihood unchanged, is pinned at Σ_k b_k = 0), the
// objective scikit-learn's saga solver minimises for penalty "l1" with
// several classes. Each proximal Newton step minimises the quadratic model
// gᵀd + ½dᵀHd + λ‖W + d‖₁ by cyclic coordinate descent with
// soft-thresholding, then backtracks on the true objective (Lee, Sun &
// Saunders 2014, Proximal Newton-type methods, SIAM J. Optim. 24).
func proxNewtonMultinomialL1(ctx context.Context, X *mat.Dense, y []int, K int, lam float64, icpt bool, maxIter int, tol float64) ([]float64, int, bool, error) {
	_, p := X.Dims()
	b := p + 1
	Q := K * b
	W := make([]float64, Q)
	g := make([]float64, Q)
	H := make([]float64, Q*Q)
	g2 := make([]float64, Q)
	// pass evaluates the loss (with the intercept pin only; multinomialPass
	// also pins the coefficients' sums, which L1 must not have) and, with H,
	// the gradient and the full symmetric Hessian.
	pass := func(W, g, H []float64) float64 {
		f := multinomialPass(X, y, K, W, 0, icpt, g, H)
		for j := 0; j < p; j++ {
			s := 0.0
			for k := 0; k < K; k++ {
				s += W[k*b+j]
			}
			f -= 0.5 * s * s
			for k := 0; k < K; k++ {
				g[k*b+j] -= s
				if H != nil {
					for l := k; l < K; l++ {
						H[(k*b+j)*Q+l*b+j]--
					}
				}
			}
		}
		if H != nil {
			// multinomialPass fills the blocks (k, l) with k ≤ l
			for r := 0; r < Q; r++ {
				for c := (r/b + 1) * b; c < Q; c++ {
					H[c*Q+r] = H[r*Q+c]
				}
			}
		}
		return f
	}
	l1 := func(W []float64) float64 {
		s := 0.0
		for k := 0; k < K; k++ {
			for j := 0; j < p; j++ {
				s += math.Abs(W[k*b+j])
			}
		}
		return s
	}
	f := pass(W, g, H) + lam*l1(W)
	d := make([]float64, Q)
	Hd := make([]float64, Q)
	cand := make([]float64, Q)
	for it := 1; it <= maxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, err
		}
		clear(d)
		clear(Hd)
		for sweep := 0; sweep < 1000; sweep++ {
			maxStep := 0.0
			for j := 0; j < Q; j++ {
				isIcpt := j%b == p
				if isIcpt && !icpt {
					continue
				}
				a := H[j*Q+j]
				if a <= 0 {
					continue
				}
				w0 := W[j] + d[j]
				z := a*w0 - (g[j] + Hd[j])
				u := z / a
				if !isIcpt {
					u = cd.SoftThreshold(z, lam) / a
				}
				delta := u - w0
				if delta == 0 {
					continue
				}
				d[j] += delta
				col := H[j*Q : j*Q+Q] // symmetric: row j is column j
				for r, v := range col {
					Hd[r] += v * delta
				}
				maxStep = math.Max(maxStep, math.Abs(delta))
			}
			if maxStep <= 1e-3*tol*(1+maxAbs(W)) {
				break
			}
		}
		// decrease predicted by the model's linear part and the penalty
		Wd := make([]float64, Q)
		for j := range Wd {
			Wd[j] = W[j] + d[j]
		}
		delta := dot(g, d) + lam*(l1(Wd)-l1(W))
		t := 1.0
		var fn float64
		for ls := 0; ls < 50; ls++ {
			for j := range cand {
				cand[j] = W[j] + t*d[j]
			}
			fn = pass(cand, g2, nil) + lam*l1(cand)
			if fn <= f+1e-4*t*delta || math.Abs(fn-f) <= 1e-14*math.Abs(f) {
				break
			}
			t /= 2
		}
		copy(W, cand)
		f = pass(W, g, H) + lam*l1(W)
		if t*maxAbs(d) <= tol*(1+maxAbs(W)) {
			return W, it, true, nil
		}
	}
	return W, maxIter, false, nil
}
