// Package cd is the coordinate-descent core of the elastic net: one solver
// behind the models package's glmnet-style fits (standardised predictors,
// the λ path with warm starts, cross-validation, IRLS for the binomial
// family) and the ml package's scikit-learn Lasso and ElasticNet (raw
// columns, alpha and l1_ratio). Callers do their own scaling, centring and
// parameter mapping; this package only minimises
//
//	F(b0, b) = ½ Σ_i w_i (y_i − b0 − x_iᵀb)² + λ Σ_j (α|b_j| + (1−α)/2·b_j²)
//
// over b (and over the unpenalised intercept b0 when asked), for predictor
// columns x_j of length n and weights w_i ≥ 0. Without weights w_i = 1/n,
// so the loss is 1/(2n)·‖y − b0 − Xb‖², the objective of glmnet (λ, α)
// and of scikit-learn's ElasticNet (alpha = λ, l1_ratio = α); α = 1 is the
// lasso, α = 0 ridge.
//
// Update (Friedman, Hastie & Tibshirani 2010, eq. 5 and §2.6 for weights):
// coordinate j moves to the exact minimiser along its axis,
//
//	b_j ← S(g_j + h_j·b_j, λα) / (h_j + λ(1−α)),
//	g_j = Σ_i w_i x_ij r_i,  h_j = Σ_i w_i x_ij²,  r = y − b0 − Xb,
//
// with S(z, t) = sign(z)·max(|z| − t, 0) the soft-threshold; a column with
// h_j = 0 is left as it is. The intercept moves to b0 += Σ w_i r_i / Σ w_i.
//
// The gradient g_j comes one of two ways (FHT 2010, §2.2):
//   - naive updates (NewNaive): g_j = ⟨w∘x_j, r⟩ from the residual, O(n) per
//     coordinate, and r −= δ·x_j after b_j changes by δ, O(n);
//   - covariance updates (NewCovariance): g is kept for all coordinates and
//     g −= δ·G_{·j} after b_j changes, O(p), with G_jk = Σ_i w_i x_ij x_ik;
//     column j of G is computed the first time b_j becomes non-zero, so only
//     for variables that ever enter the model. glmnet uses these for the
//     Gaussian family with fewer than 500 predictors.
//
// Active set (FHT 2010, §2.6), naive updates: a pass over all
// coordinates, then passes over the coordinates that have ever been
// non-zero (in index order) until those converge, then another complete
// pass; Solve has converged when a complete pass meets the convergence
// rule (Rule). Covariance updates make every pass a complete one: a
// coordinate that does not move costs O(1) there, so restricting passes to
// the active set would save little and converge the restricted problem
// first. Warm starts come free: the solver keeps b, b0, the residual or
// gradient, G and the active set between calls, so a decreasing λ
// sequence starts each fit from the previous one.
//
// Reference: J. Friedman, T. Hastie and R. Tibshirani (2010),
// Regularization paths for generalized linear models via coordinate
// descent, Journal of Statistical Software 33(1), 1–22.
package cd

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/floats"
)

// Rule is the convergence test applied to each pass over the coordinates.
type Rule int

const (
	// FitChange (glmnet's rule): the pass converged when every update
	// moved the fitted values by less than Tol in weighted root mean square,
	// max_j √h_j·|Δb_j| < Tol (with h_0 = Σ w_i for the intercept); glmnet's
	// thresh compares the square, max_j h_j·Δb_j², with thresh = Tol².
	FitChange Rule = iota
	// CoefChange: the largest coefficient change is small relative to the
	// coefficients, max_j |Δb_j| ≤ Tol·(1 + max_j |b_j|).
	CoefChange
)

// Control bounds a Solve.
type Control struct {
	// Tol is the tolerance of Rule.
	Tol  float64
	Rule Rule
	// MaxPasses bounds the passes over the coordinates, complete or over
	// the active set (100000 when ≤ 0).
	MaxPasses int
	// Stop, if set, is polled every 64 passes; when it returns true Solve
	// returns early, not converged.
	Stop func() bool
}

// Solver holds one problem and its current solution.
type Solver struct {
	// B is the coefficient vector, updated in place (the caller's slice).
	B []float64
	// B0 is the intercept, updated only by a naive solver made with an
	// intercept; the caller may set it before Solve.
	B0 float64

	x     [][]float64
	w     []float64   // nil: w_i = 1/n
	wx    [][]float64 // w∘x_j when weighted, else x_j
	scale float64     // 1/n without weights, else 1
	sw    float64     // Σ w_i
	h     []float64
	icpt  bool
	r     []float64   // naive: residual y − b0 − Xb
	g     []float64   // covariance: g_j = Σ w_i x_ij r_i
	gram  [][]float64 // covariance: column j of G once b_j has been non-zero
	ever  []int       // coordinates that have been non-zero, ascending
	in    []bool
}

// NewNaive returns a solver with naive updates for the columns x, weights
// w (nil for w_i = 1/n) and the residual r = y − b0 − Xb at the starting
// point b (both slices are the caller's and are updated in place). With
// intercept the unpenalised intercept B0 is fitted too (set B0 to the b0
// that r is the residual of).
func NewNaive(x [][]float64, w, r, b []float64, intercept bool) *Solver {
	s := newSolver(x, w, b, len(r))
	s.r, s.icpt = r, intercept
	return s
}

// NewCovariance returns a solver with covariance updates for the columns
// x, weights w (nil for w_i = 1/n) and response y, starting at b (the
// caller's slice, updated in place). There is no intercept: centre x and y
// (with the weights) first, which makes the fitted intercept
// ȳ − Σ_j x̄_j b_j.
func NewCovariance(x [][]float64, w, y, b []float64) *Solver {
	s := newSolver(x, w, b, len(y))
	r := append([]float64(nil), y...)
	for j, v := range b {
		if v != 0 {
			floats.AddScaled(r, -v, x[j])
		}
	}
	s.g = make([]float64, len(x))
	for j := range x {
		s.g[j] = floats.Dot(s.wx[j], r) * s.scale
	}
	s.gram = make([][]float64, len(x))
	return s
}

func newSolver(x [][]float64, w, b []float64, n int) *Solver {
	s := &Solver{B: b, x: x, w: w, h: make([]float64, len(x)), in: make([]bool, len(x))}
	for j, v := range b {
		if v != 0 {
			s.enter(j)
		}
	}
	s.weigh(n)
	return s
}

// Reweight recomputes what depends on the weights after the caller has
// changed the contents of w (and of r, which must be the residual at the
// current B0, B) in place, as in each iteration of IRLS. Naive solvers
// only.
func (s *Solver) Reweight() {
	if s.g != nil {
		panic("cd: Reweight needs a naive solver")
	}
	s.weigh(len(s.r))
}

func (s *Solver) weigh(n int) {
	if s.w == nil {
		s.scale, s.sw, s.wx = 1/float64(n), 1, s.x
	} else {
		s.scale, s.sw = 1, floats.Sum(s.w)
		if s.wx == nil {
			s.wx = make([][]float64, len(s.x))
			for j := range s.wx {
				s.wx[j] = make([]float64, n)
			}
		}
		for j, c := range s.x {
			floats.MulTo(s.wx[j], s.w, c)
		}
	}
	for j, c := range s.x {
		s.h[j] = floats.Dot(s.wx[j], c) * s.scale
	}
}

func (s *Solver) enter(j int) {
	if !s.in[j] {
		s.in[j] = true
		k, _ := slices.BinarySearch(s.ever, j)
		s.ever = slices.Insert(s.ever, k, j)
	}
}

// column returns column j of G, computing it on first use (entries whose
// column is already known are copied by symmetry).
func (s *Solver) column(j int) []float64 {
	if c := s.gram[j]; c != nil {
		return c
	}
	c := make([]float64, len(s.x))
	for k, xk := range s.x {
		if o := s.gram[k]; o != nil {
			c[k] = o[j]
		} else {
			c[k] = floats.Dot(s.wx[j], xk) * s.scale
		}
	}
	c[j] = s.h[j]
	s.gram[j] = c
	return c
}

// Solve minimises F for the penalty λ·(α‖b‖₁ + (1−α)/2·‖b‖²), λ ≥ 0 and
// α in [0, 1], from the current B0, B and returns the number of passes and
// whether the rule of c was met.
func (s *Solver) Solve(lambda, alpha float64, c Control) (passes int, converged bool) {
	l1, l2 := lambda*alpha, lambda*(1-alpha)
	maxp := c.MaxPasses
	if maxp <= 0 {
		maxp = 100000
	}
	stopped := func() bool { return passes%64 == 0 && c.Stop != nil && c.Stop() }
	for passes < maxp && !stopped() {
		passes++
		if s.pass(nil, l1, l2, c) {
			return passes, true
		}
		for s.g == nil && passes < maxp && !stopped() {
			passes++
			if s.pass(s.ever, l1, l2, c) {
				break
			}
		}
	}
	return passes, false
}

// pass updates the intercept and then the coordinates idx (all when nil)
// and reports whether the changes meet the convergence rule.
func (s *Solver) pass(idx []int, l1, l2 float64, c Control) bool {
	fit, move := 0.0, 0.0
	if s.icpt {
		sr := floats.Sum(s.r)
		if s.w != nil {
			sr = floats.Dot(s.w, s.r)
		}
		if d := sr * s.scale / s.sw; d != 0 {
			s.B0 += d
			floats.AddConst(-d, s.r)
			fit, move = math.Sqrt(s.sw)*math.Abs(d), math.Abs(d)
		}
	}
	m := len(s.B)
	if idx != nil {
		m = len(idx)
	}
	for k := 0; k < m; k++ {
		j := k
		if idx != nil {
			j = idx[k]
		}
		hj := s.h[j]
		if hj == 0 {
			continue
		}
		var gj float64
		if s.g != nil {
			gj = s.g[j]
		} else {
			gj = floats.Dot(s.wx[j], s.r) * s.scale
		}
		bj := s.B[j]
		nb := SoftThreshold(gj+hj*bj, l1) / (hj + l2)
		d := nb - bj
		if d == 0 {
			continue
		}
		s.B[j] = nb
		s.enter(j)
		if s.g != nil {
			floats.AddScaled(s.g, -d, s.column(j))
		} else {
			floats.AddScaled(s.r, -d, s.x[j])
		}
		fit = math.Max(fit, math.Sqrt(hj)*math.Abs(d))
		move = math.Max(move, math.Abs(d))
	}
	if c.Rule == CoefChange {
		big := floats.Norm(s.B, math.Inf(1))
		if s.icpt {
			big = math.Max(big, math.Abs(s.B0))
		}
		return move <= c.Tol*(1+big)
	}
	return fit < c.Tol
}

// SoftThreshold is S(z, t) = sign(z)·max(|z| − t, 0), the minimiser of
// ½(b − z)² + t|b| (FHT 2010, eq. 6).
func SoftThreshold(z, t float64) float64 {
	switch {
	case z > t:
		return z - t
	case z < -t:
		return z + t
	}
	return 0
}
