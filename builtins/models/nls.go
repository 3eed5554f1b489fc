package models

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// NLSOptions tune NLS. The zero value gives the defaults.
type NLSOptions struct {
	// Names label the parameters (default b1, b2, …).
	Names []string
	// Jacobian, if set, returns the partial derivatives ∂f(x, b)/∂b_j into
	// grad (length len(b)). Without it a sixth-order central difference
	// (error O(h⁶), step 1e-4·|b_j|) is used.
	Jacobian func(x []float64, b []float64, grad []float64)
	// MaxIter caps the Levenberg–Marquardt iterations (default 1000).
	MaxIter int
	// Tol is the convergence tolerance on the relative step and on Bates
	// and Watts' relative-offset criterion (default 1e-10).
	Tol float64
	// NoGeodesic turns off geodesic acceleration (Transtrum & Sethna 2012),
	// which is on by default and helps on curved, badly scaled problems.
	NoGeodesic bool
}

// NLSFit is a nonlinear least-squares fit y_i = f(x_i, b) + e_i, as R's nls.
type NLSFit struct {
	// Names, Coef, StdErr, TValue, PValue per parameter. StdErr are
	// sqrt(σ² diag((J'J)^{-1})) with the Jacobian J at the solution.
	Names                        []string
	Coef, StdErr, TValue, PValue []float64
	// RSS is the residual sum of squares, Sigma = sqrt(RSS/DF), DF = n - p.
	RSS, Sigma float64
	DF         int
	NObs       int
	// Fitted and Residuals at the solution.
	Fitted, Residuals []float64
	// Iterations and Evaluations count LM iterations and model evaluations
	// (one evaluation = f at every observation), summed over the runs tried
	// (see NLS).
	Iterations, Evaluations int
	// Converged reports convergence; Message says which criterion was met
	// or why the fit failed.
	Converged bool
	Message   string
	// RelOffset is Bates & Watts' relative-offset convergence measure at
	// the solution (R's nls stops when it is below 1e-5).
	RelOffset float64
	// Model is the text of the model when known (e.g. "y ~ b1*(1-exp(-b2*x))").
	Model string
	// NDropped rows of the frame had missing values (NLSFormula).
	NDropped int
}

// LogLik is R's logLik.nls for unweighted fits: -n/2·(log 2π + 1 - log n +
// log RSS), the Gaussian log-likelihood at σ̂² = RSS/n, with p + 1
// parameters (the coefficients and σ).
func (m *NLSFit) LogLik() float64 {
	n := float64(m.NObs)
	return -n / 2 * (math.Log(2*math.Pi) + 1 - math.Log(n) + math.Log(m.RSS))
}

// AIC is -2·LogLik + 2(p + 1), as R's AIC(nls).
func (m *NLSFit) AIC() float64 { return -2*m.LogLik() + 2*float64(len(m.Coef)+1) }

// BIC is -2·LogLik + log(n)(p + 1), as R's BIC(nls).
func (m *NLSFit) BIC() float64 {
	return -2*m.LogLik() + math.Log(float64(m.NObs))*float64(len(m.Coef)+1)
}

// ConvergenceError reports that an iterative fit stopped without meeting
// its convergence criteria. The partial fit is returned alongside it.
type ConvergenceError struct{ Msg string }

// Error returns the reason the fit did not converge.
func (e *ConvergenceError) Error() string { return e.Msg }

// NLS fits y_i = f(x_i, b) + e_i by nonlinear least squares, minimising
// Σ (y_i - f(x_i, b))², starting from start. X holds one row of predictor
// values per observation (a single predictor is a one-element row); f may be
// an interpreted Go func typed at the prompt.
//
// The solver is Levenberg–Marquardt with Marquardt's diagonal scaling
// (MINPACK's running column norms), Nielsen's damping update and geodesic
// acceleration (Transtrum & Sethna 2012), with the damped step solved by
// Householder QR of [J; √μ D] (never normal equations). It stops when the
// relative step is below Tol and the relative-offset criterion of Bates &
// Watts (1981) is met, and reports failure honestly: when it stops for any
// other reason the fit is returned together with a *ConvergenceError.
//
// When that default run does not converge, variants are tried in turn from
// the same start: steps on the log scale of |b_j| (b_j ← b_j·exp(δ_j), the
// Jacobian scaled to ∂f/∂log|b_j|; signs are kept, which suits parameters
// that must move across orders of magnitude, as NIST's MGH10 from its first
// start, where the linear-scale path crawls along a curved valley for
// ~1800 iterations and converges in ~80 on the log scale), then runs
// without acceleration, with more damping and with other scalings. Every
// fit reported as converged meets the relative-offset criterion (or the
// rounding-noise floor) on ∂f/∂b itself.
//
// Standard errors, t values and the summary follow R's summary.nls.
func NLS(f func(x []float64, b []float64) float64, X [][]float64, y []float64, start []float64, opt *NLSOptions) (fit *NLSFit, err error) {
	defer recoverErr("models.NLS", &err)
	if f == nil {
		return nil, errors.New("models.NLS: model function is nil")
	}
	n, p := len(y), len(start)
	if len(X) != n {
		return nil, fmt.Errorf("models.NLS: %d rows of X for %d responses", len(X), n)
	}
	if p == 0 {
		return nil, errors.New("models.NLS: start has no parameters")
	}
	if n <= p {
		return nil, fmt.Errorf("models.NLS: %d observations cannot determine %d parameters", n, p)
	}
	o := NLSOptions{}
	if opt != nil {
		o = *opt
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 1000
	}
	if o.Tol <= 0 {
		o.Tol = 1e-10
	}
	names := o.Names
	if names == nil {
		for j := 0; j < p; j++ {
			names = append(names, fmt.Sprintf("b%d", j+1))
		}
	}
	if len(names) != p {
		return nil, fmt.Errorf("models.NLS: %d names for %d parameters", len(names), p)
	}
	// Strategies tried in turn until one converges: the default (geodesic
	// acceleration, small initial damping, MINPACK's running-maximum
	// scaling), the same on the log scale of the parameters, then variants
	// without acceleration, with more damping and with other scalings. The
	// first converged fit is kept; if none converges, the one with the
	// smallest RSS is returned with the error.
	strategies := []nlsStrategy{
		{geodesic: true, mu0: 1e-3, scaling: 0},
		{geodesic: true, mu0: 1e-3, scaling: 0, logp: true},
		{geodesic: false, mu0: 1e-3, scaling: 0},
		{geodesic: true, mu0: 1, scaling: 1},
		{geodesic: false, mu0: 1e2, scaling: 1},
		{geodesic: true, mu0: 1e-3, scaling: 2},
		{geodesic: false, mu0: 1, scaling: 2},
	}
	if o.NoGeodesic {
		strategies = []nlsStrategy{
			{geodesic: false, mu0: 1e-3, scaling: 0},
			{geodesic: false, mu0: 1e-3, scaling: 0, logp: true},
			{geodesic: false, mu0: 1e2, scaling: 1},
			{geodesic: false, mu0: 1, scaling: 2},
		}
	}
	var res *NLSFit
	evals, iters := 0, 0
	for _, st := range strategies {
		s := &nlsState{f: f, X: X, y: y, n: n, p: p, jac: o.Jacobian}
		r := s.solve(start, o, st)
		evals += r.Evaluations
		iters += r.Iterations
		if res == nil || (r.Converged && !res.Converged) || (r.Converged == res.Converged && r.RSS < res.RSS) {
			res = r
		}
		if res.Converged || cell.Interrupted() {
			break
		}
	}
	res.Evaluations = evals
	res.Iterations = iters
	res.Names = names
	if !res.Converged {
		return res, &ConvergenceError{Msg: "models.NLS: " + res.Message}
	}
	return res, nil
}

// NLSCurve is NLS for a single predictor: y_i = f(x_i, b) + e_i.
func NLSCurve(f func(x float64, b []float64) float64, x, y []float64, start []float64, opt *NLSOptions) (*NLSFit, error) {
	if f == nil {
		return nil, errors.New("models.NLSCurve: model function is nil")
	}
	if len(x) != len(y) {
		return nil, fmt.Errorf("models.NLSCurve: x has %d values, y has %d", len(x), len(y))
	}
	X := make([][]float64, len(x))
	for i, v := range x {
		X[i] = []float64{v}
	}
	o := NLSOptions{}
	if opt != nil {
		o = *opt
	}
	if o.Jacobian != nil {
		return NLS(func(r []float64, b []float64) float64 { return f(r[0], b) }, X, y, start, &o)
	}
	return NLS(func(r []float64, b []float64) float64 { return f(r[0], b) }, X, y, start, &o)
}

type nlsState struct {
	f     func(x []float64, b []float64) float64
	jac   func(x []float64, b []float64, grad []float64)
	X     [][]float64
	y     []float64
	n, p  int
	evals int
}

// resid computes r = y - f(b); ok is false if any value is not finite.
func (s *nlsState) resid(b []float64, r []float64) (float64, bool) {
	s.evals++
	ss := 0.0
	for i := 0; i < s.n; i++ {
		v := s.y[i] - s.f(s.X[i], b)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.Inf(1), false
		}
		r[i] = v
		ss += v * v
	}
	return ss, true
}

// jacobian fills J (columns) with ∂f/∂b_j.
func (s *nlsState) jacobian(b []float64, J [][]float64) bool {
	if s.jac != nil {
		g := make([]float64, s.p)
		for i := 0; i < s.n; i++ {
			s.jac(s.X[i], b, g)
			for j := range g {
				J[j][i] = g[j]
			}
		}
		s.evals++
		return true
	}
	bb := append([]float64(nil), b...)
	for j := 0; j < s.p; j++ {
		h := 1e-4 * math.Max(math.Abs(b[j]), 1e-10)
		// make h exactly representable relative to b_j
		t := b[j] + h
		h = t - b[j]
		eval := func(d float64, out []float64) bool {
			bb[j] = b[j] + d
			for i := 0; i < s.n; i++ {
				v := s.f(s.X[i], bb)
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return false
				}
				out[i] = v
			}
			return true
		}
		var fs [6][]float64
		ok := true
		for k, m := range []float64{-3, -2, -1, 1, 2, 3} {
			fs[k] = make([]float64, s.n)
			if ok {
				ok = eval(m*h, fs[k])
			}
		}
		s.evals += 6
		bb[j] = b[j]
		if !ok {
			// near a boundary of the model's domain: one-sided difference
			h = 1e-7 * math.Max(math.Abs(b[j]), 1e-10)
			f0 := make([]float64, s.n)
			if !eval(h, fs[3]) || !eval(0, f0) {
				bb[j] = b[j]
				return false
			}
			bb[j] = b[j]
			for i := range f0 {
				J[j][i] = (fs[3][i] - f0[i]) / h
			}
			continue
		}
		// sixth-order central difference (truncation error O(h⁶))
		for i := 0; i < s.n; i++ {
			J[j][i] = (-fs[0][i] + 9*fs[1][i] - 45*fs[2][i] + 45*fs[3][i] - 9*fs[4][i] + fs[5][i]) / (60 * h)
		}
	}
	return true
}

// dampedStep solves min ||J δ - r||² + μ||D δ||² by QR of [J; √μ D].
func dampedStep(J [][]float64, r []float64, D []float64, mu float64) []float64 {
	p := len(J)
	n := len(r)
	a := make([][]float64, p)
	for j := 0; j < p; j++ {
		c := make([]float64, n+p)
		copy(c, J[j])
		c[n+j] = math.Sqrt(mu) * D[j]
		a[j] = c
	}
	rhs := make([]float64, n+p)
	copy(rhs, r)
	perm := make([]int, p)
	for j := range perm {
		perm[j] = j
	}
	householder(a, perm, rhs, -1, nil)
	d := make([]float64, p)
	for i := p - 1; i >= 0; i-- {
		v := rhs[i]
		for j := i + 1; j < p; j++ {
			v -= a[j][i] * d[j]
		}
		if a[i][i] == 0 {
			d[i] = 0
			continue
		}
		d[i] = v / a[i][i]
	}
	return d
}

// atNoise reports whether the projection of the residuals on the tangent
// plane, ||Q1'r||, is no larger than the rounding noise of the residuals
// themselves (about eps·(|y_i| + |f_i|) each). Near-zero-residual problems
// (NIST's Lanczos1, generated data rounded to 13 digits) reach that floor
// before the relative offset can fall below 1e-5: the minimum is then
// determined as well as float64 allows.
func (s *nlsState) atNoise(J [][]float64, r []float64) bool {
	p := len(J)
	a := make([][]float64, p)
	for j := range a {
		a[j] = append([]float64(nil), J[j]...)
	}
	rr := append([]float64(nil), r...)
	perm := make([]int, p)
	for j := range perm {
		perm[j] = j
	}
	householder(a, perm, rr, -1, nil)
	q1 := math.Sqrt(sumSq(rr[:p]))
	noise := 0.0
	for i, v := range r {
		e := 4 * dblEps * (math.Abs(s.y[i]) + math.Abs(s.y[i]-v))
		noise += e * e
	}
	return q1 <= 10*math.Sqrt(noise)
}

// unidentified names the first parameter b_j ≠ 0 whose relative change no
// longer moves the fitted values beyond rounding, ‖∂f/∂b_j‖·|b_j| ≤
// 1e-10·‖y‖ (as a logistic step fitted to separated 0/1 data, whose
// steepness runs to infinity while the residuals reach 0), or "" when
// every parameter is determined.
func (s *nlsState) unidentified(J [][]float64, b []float64, yNorm float64) string {
	for j := range J {
		if b[j] == 0 {
			continue
		}
		if infl := norm2(J[j]) * math.Abs(b[j]); infl <= 1e-10*yNorm {
			return fmt.Sprintf("parameter %d (%.6g) no longer changes the fitted values (‖∂f/∂b‖·|b| = %.3g·‖y‖): the least-squares minimum lies at infinity or the model is over-parametrised; these values are not estimates", j+1, b[j], infl/yNorm)
		}
	}
	return ""
}

// relOffset is Bates & Watts' relative-offset criterion
// sqrt(||Q1'r||²/p) / sqrt(||Q2'r||²/(n-p)).
func relOffset(J [][]float64, r []float64) float64 {
	p := len(J)
	n := len(r)
	a := make([][]float64, p)
	for j := range a {
		a[j] = append([]float64(nil), J[j]...)
	}
	rr := append([]float64(nil), r...)
	perm := make([]int, p)
	for j := range perm {
		perm[j] = j
	}
	householder(a, perm, rr, -1, nil)
	q1 := sumSq(rr[:p])
	q2 := sumSq(rr[p:])
	if q2 == 0 {
		if q1 == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return math.Sqrt(q1/float64(p)) / math.Sqrt(q2/float64(n-p))
}

// nlsStrategy are the knobs varied between attempts.
type nlsStrategy struct {
	geodesic bool
	mu0      float64
	scaling  int  // 0: running max of column norms (MINPACK), 1: identity, 2: current column norms
	logp     bool // steps on the log scale of |b_j| (signs fixed)
}

func (s *nlsState) solve(start []float64, o NLSOptions, st nlsStrategy) *NLSFit {
	n, p := s.n, s.p
	b := append([]float64(nil), start...)
	r := make([]float64, n)
	S, ok := s.resid(b, r)
	fit := &NLSFit{NObs: n, DF: n - p}
	if !ok {
		fit.Message = "the model is not finite at the start values; choose other start values"
		fit.Coef = b
		return fit
	}
	J := make([][]float64, p)
	for j := range J {
		J[j] = make([]float64, n)
	}
	if st.logp {
		for j := range b {
			if b[j] == 0 {
				fit.Message = "a start value is 0 (the log-scale step needs nonzero values)"
				fit.Coef = b
				return fit
			}
		}
	}
	// jac fills J with ∂f/∂b, times b_j on the log scale (∂f/∂log|b_j|)
	jac := func() bool {
		if !s.jacobian(b, J) {
			return false
		}
		if st.logp {
			for j := range J {
				for i := range J[j] {
					J[j][i] *= b[j]
				}
			}
		}
		return true
	}
	// move sets out = b moved by the step d (+ acc/2): b + d, or b·exp(d)
	// on the log scale
	move := func(out, d, acc []float64, h float64) {
		for j := range out {
			dj := h * d[j]
			if acc != nil {
				dj += 0.5 * acc[j]
			}
			if st.logp {
				out[j] = b[j] * math.Exp(dj)
			} else {
				out[j] = b[j] + dj
			}
		}
	}
	if !jac() {
		fit.Message = "the Jacobian is not finite at the start values"
		fit.Coef = b
		return fit
	}
	D := make([]float64, p)
	for j := range D {
		D[j] = norm2(J[j])
		if D[j] == 0 {
			D[j] = 1
		}
	}
	maxDiag := 0.0
	for j := range D {
		maxDiag = math.Max(maxDiag, D[j]*D[j])
	}
	mu := st.mu0
	if st.scaling == 1 {
		for j := range D {
			D[j] = 1
		}
	}
	nu := 2.0
	rn := make([]float64, n)
	bn := make([]float64, p)
	yNorm := math.Sqrt(sumSq(s.y))
	iter := 0
	msg := ""
	converged := false
	ctx := cell.Context()
	for iter = 1; iter <= o.MaxIter; iter++ {
		if ctx.Err() != nil {
			msg = "interrupted"
			break
		}
		delta := dampedStep(J, r, D, mu)
		// geodesic acceleration
		var acc []float64
		if st.geodesic {
			h := 0.1
			move(bn, delta, nil, h)
			if _, ok := s.resid(bn, rn); ok {
				// second directional derivative of f along delta: f_vv ≈ 2/h·((f(b+hδ)-f(b))/h - Jδ)
				fvv := make([]float64, n)
				for i := 0; i < n; i++ {
					jd := 0.0
					for j := 0; j < p; j++ {
						jd += J[j][i] * delta[j]
					}
					df := r[i] - rn[i] // f(b+hδ) - f(b)
					fvv[i] = -2 / h * (df/h - jd)
				}
				a := dampedStep(J, fvv, D, mu)
				// a solves J a ≈ -f_vv (since r = y - f, the acceleration is the
				// correction to the second-order term)
				na, nd := 0.0, 0.0
				for j := range a {
					na += (D[j] * a[j]) * (D[j] * a[j])
					nd += (D[j] * delta[j]) * (D[j] * delta[j])
				}
				if nd > 0 && 2*math.Sqrt(na)/math.Sqrt(nd) <= 0.75 {
					acc = a
				}
			}
		}
		move(bn, delta, acc, 1)
		Sn, ok := s.resid(bn, rn)
		// predicted reduction for the linear model
		jr := 0.0
		dmd := 0.0
		for j := 0; j < p; j++ {
			g := 0.0
			for i := 0; i < n; i++ {
				g += J[j][i] * r[i]
			}
			jr += delta[j] * g
			dmd += mu * D[j] * D[j] * delta[j] * delta[j]
		}
		pred := jr + dmd
		if ok && Sn < S {
			rho := (S - Sn) / pred
			// step size test before updating
			stepN, parN := 0.0, 0.0
			for j := 0; j < p; j++ {
				if st.logp {
					d := math.Log(bn[j] / b[j])
					stepN += (D[j] * d) * (D[j] * d)
					parN += D[j] * D[j]
					continue
				}
				d := bn[j] - b[j]
				stepN += (D[j] * d) * (D[j] * d)
				parN += (D[j] * bn[j]) * (D[j] * bn[j])
			}
			relChange := (S - Sn) / S
			copy(b, bn)
			copy(r, rn)
			S = Sn
			if !jac() {
				msg = "the Jacobian became non-finite"
				break
			}
			for j := range D {
				switch st.scaling {
				case 0:
					D[j] = math.Max(D[j], norm2(J[j]))
				case 2:
					if v := norm2(J[j]); v > 0 {
						D[j] = v
					}
				}
			}
			if rho > 0 {
				mu *= math.Max(1.0/3, 1-math.Pow(2*rho-1, 3))
			} else {
				mu *= 0.5
			}
			nu = 2
			if mu < 1e-300 {
				mu = 1e-300
			}
			for j := range b {
				if math.Abs(b[j]) > 1e150 {
					msg = fmt.Sprintf("parameter %d diverged to %g (the model may approach its minimum only at infinity); try other start values", j+1, b[j])
				}
			}
			if msg != "" {
				break
			}
			ro := relOffset(J, r)
			small := math.Sqrt(stepN) <= o.Tol*(math.Sqrt(parN)+o.Tol)
			if small && (ro < 1e-5 || S <= 1e-28*yNorm*yNorm || s.atNoise(J, r)) {
				converged = true
				msg = "converged: relative step below tolerance"
				break
			}
			if ro < o.Tol*1e-2 {
				converged = true
				msg = "converged: relative offset below tolerance"
				break
			}
			if relChange < 1e-15 && (ro < 1e-5 || s.atNoise(J, r)) {
				converged = true
				msg = "converged: no further reduction in the residual sum of squares"
				break
			}
			continue
		}
		// rejected
		if ok && Sn == S && pred <= 1e-30*S {
			ro := relOffset(J, r)
			if ro < 1e-5 || S <= 1e-28*yNorm*yNorm || s.atNoise(J, r) {
				converged = true
				msg = "converged: no further reduction possible at machine precision"
				break
			}
		}
		mu *= nu
		nu *= 2
		if mu > 1e300 || math.IsInf(nu, 1) {
			ro := relOffset(J, r)
			if ro < 1e-5 || S <= 1e-28*yNorm*yNorm || s.atNoise(J, r) {
				converged = true
				msg = "converged: no further reduction possible at machine precision"
			} else {
				msg = fmt.Sprintf("the step could not reduce the sum of squares (relative offset %.3g > 1e-5); the fit is not at a minimum", ro)
			}
			break
		}
	}
	if converged {
		// polish with undamped Gauss-Newton steps while they contract and do
		// not increase the RSS beyond rounding (on flat, ill-conditioned
		// problems the RSS stops changing in float64 before the parameters
		// have settled)
		b0, r0, S0 := append([]float64(nil), b...), append([]float64(nil), r...), S
		polished := false
		prev := math.Inf(1)
		for k := 0; k < 30; k++ {
			delta := dampedStep(J, r, D, 0)
			dn := 0.0
			move(bn, delta, nil, 1)
			for j := range bn {
				dn += (D[j] * delta[j]) * (D[j] * delta[j])
			}
			if !(dn < prev) || dn == 0 {
				break
			}
			prev = dn
			Sn, ok := s.resid(bn, rn)
			if !ok || Sn > S*(1+1e-10) {
				break
			}
			copy(b, bn)
			copy(r, rn)
			S = Sn
			polished = true
			if !jac() {
				break
			}
		}
		// certify the result on ∂f/∂b itself (on the log scale a parameter
		// that underflowed to 0 would hide its column); polishing steps
		// that left the certificate are undone
		why := ""
		certified := func() bool {
			why = ""
			if !s.jacobian(b, J) {
				why = "the Jacobian is not finite at the solution"
				return false
			}
			ro := relOffset(J, r)
			if ro < 1e-5 {
				return true
			}
			if S <= 1e-28*yNorm*yNorm || s.atNoise(J, r) {
				// a fit exact to rounding: the relative offset is noise
				// over noise; the certificate is that every parameter
				// still moves the fitted values
				why = s.unidentified(J, b, yNorm)
				return why == ""
			}
			why = fmt.Sprintf("the fit stopped away from a minimum (relative offset %.3g > 1e-5)", ro)
			return false
		}
		ok := certified()
		if !ok && polished {
			copy(b, b0)
			copy(r, r0)
			S = S0
			ok = certified()
		}
		if !ok {
			converged = false
			msg = why
		}
	} else if st.logp && !s.jacobian(b, J) {
		// standard errors need ∂f/∂b
		msg += "; the Jacobian is not finite there"
	}
	if iter > o.MaxIter && msg == "" {
		msg = fmt.Sprintf("no convergence in %d iterations (relative offset %.3g)", o.MaxIter, relOffset(J, r))
	}
	fit.Coef = b
	fit.Iterations = min(iter, o.MaxIter)
	fit.Evaluations = s.evals
	fit.Converged = converged
	fit.Message = msg
	fit.RSS = S
	fit.Sigma = math.Sqrt(S / float64(n-p))
	fit.Residuals = r
	fit.Fitted = make([]float64, n)
	for i := range r {
		fit.Fitted[i] = s.y[i] - r[i]
	}
	fit.RelOffset = relOffset(J, r)
	// standard errors from the QR of J
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = J[j]
	}
	lf := solveLS(lsProblem{n: n, p: p, cols: cols, y: r, tol: -1})
	fit.StdErr = make([]float64, p)
	fit.TValue = make([]float64, p)
	fit.PValue = make([]float64, p)
	for j := 0; j < p; j++ {
		fit.StdErr[j], fit.TValue[j], fit.PValue[j] = math.NaN(), math.NaN(), math.NaN()
	}
	for a, j := range lf.kept {
		fit.StdErr[j] = fit.Sigma * math.Sqrt(lf.xtxinv[a][a])
		fit.TValue[j] = b[j] / fit.StdErr[j]
		fit.PValue[j] = pT2(fit.TValue[j], float64(n-p))
	}
	return fit
}

// String returns the summary at display.Plain.
func (m *NLSFit) String() string { return m.Display(display.Plain).Text }

// Display shows the fit like R's summary.nls.
func (m *NLSFit) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil *models.NLSFit>\n")
	}
	o = o.Normalized()
	var b strings.Builder
	if m.Model != "" {
		b.WriteString("\nFormula: " + m.Model + "\n")
	}
	b.WriteString("\nParameters:\n")
	b.WriteString(coefTable(m.Names, m.Coef, m.StdErr, m.TValue, m.PValue, "t value", "Pr(>|t|)", true))
	b.WriteString("\n")
	fmt.Fprintf(&b, "Residual standard error: %s on %d degrees of freedom\n\n", rfmt.Num(rfmt.Signif(m.Sigma, 4), 4), m.DF)
	if m.Converged {
		tol := rfmt.Num(m.RelOffset, 4)
		if m.RelOffset < 1e-10 {
			// below this the value is rounding noise; keep recorded outputs stable
			tol = "< 1e-10"
		}
		fmt.Fprintf(&b, "Number of iterations to convergence: %d \nAchieved convergence tolerance: %s\n", m.Iterations, tol)
		if m.RelOffset > 1e-5 {
			// R's criterion (relative offset < 1e-5) cannot be met by an
			// (almost) zero-residual fit: say which criterion stopped it
			b.WriteString(wrapText(fmt.Sprintf("  (%s; the relative offset is not meaningful when the residuals are almost 0: R's nls would report failure here)", m.Message), o.Width))
		}
	} else {
		fmt.Fprintf(&b, "Algorithm did not converge after %d iterations: %s\n", m.Iterations, m.Message)
	}
	b.WriteString(droppedLine(m.NDropped))
	return display.Text("nls", finish(o, b.String()))
}
