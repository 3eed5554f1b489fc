package cd

import (
	"math"
	"math/rand"
	"testing"
)

// TestOrthogonalClosedForm: with (1/n)XᵀX = I the coordinates decouple and
// the minimiser is b_j = S(x_jᵀy/n, λα)/(1 + λ(1−α)) exactly (FHT 2010,
// eq. 6), reached in one pass by either update.
func TestOrthogonalClosedForm(t *testing.T) {
	// Columns of a 4×4 Hadamard matrix without the constant one: mean zero,
	// xᵀx/n = 1, mutually orthogonal.
	x := [][]float64{{1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}}
	y := []float64{3, -1, 0.5, 2}
	for _, c := range []struct{ lambda, alpha float64 }{
		{0, 1}, {0.1, 1}, {0.7, 1}, {5, 1}, {0.3, 0.5}, {0.3, 0}, {2, 0.2},
	} {
		want := make([]float64, 3)
		for j, xj := range x {
			z := 0.0
			for i, v := range xj {
				z += v * y[i] / 4
			}
			want[j] = SoftThreshold(z, c.lambda*c.alpha) / (1 + c.lambda*(1-c.alpha))
		}
		for _, mode := range []string{"naive", "covariance"} {
			b := make([]float64, 3)
			s := newMode(mode, x, nil, y, b)
			if _, ok := s.Solve(c.lambda, c.alpha, Control{Tol: 1e-14}); !ok {
				t.Fatalf("%s λ=%g α=%g: not converged", mode, c.lambda, c.alpha)
			}
			for j := range b {
				if math.Abs(b[j]-want[j]) > 1e-15 {
					t.Errorf("%s λ=%g α=%g: b[%d] = %.17g, want %.17g", mode, c.lambda, c.alpha, j, b[j], want[j])
				}
			}
		}
	}
}

func newMode(mode string, x [][]float64, w, y, b []float64) *Solver {
	if mode == "covariance" {
		return NewCovariance(x, w, y, b)
	}
	return NewNaive(x, w, append([]float64(nil), y...), b, false)
}

// problem makes correlated columns (shared factor) with unequal scales
// and a sparse truth.
func problem(n, p int, seed int64) (x [][]float64, y, w []float64) {
	rng := rand.New(rand.NewSource(seed))
	x = make([][]float64, p)
	for j := range x {
		x[j] = make([]float64, n)
	}
	y, w = make([]float64, n), make([]float64, n)
	for i := 0; i < n; i++ {
		f := rng.NormFloat64()
		for j := range x {
			x[j][i] = (0.6*f + rng.NormFloat64()) * float64(j+1)
		}
		y[i] = 2 + x[0][i] - 0.5*x[2][i] + 0.1*x[p-1][i] + rng.NormFloat64()
		w[i] = rng.Float64()
	}
	return
}

// kkt checks the optimality conditions of F at the solver's point: with
// g_j = Σ w_i x_ij r_i, g_j − λ(1−α)b_j = λα·sign(b_j) when b_j ≠ 0 and
// |g_j| ≤ λα when b_j = 0; Σ w_i r_i = 0 when the intercept is fitted.
func kkt(t *testing.T, name string, x [][]float64, w, y []float64, b0 float64, b []float64, lambda, alpha float64, icpt bool, tol float64) {
	t.Helper()
	n := len(y)
	r := make([]float64, n)
	for i := range r {
		r[i] = y[i] - b0
		for j := range x {
			r[i] -= x[j][i] * b[j]
		}
	}
	wt := func(i int) float64 {
		if w == nil {
			return 1 / float64(n)
		}
		return w[i]
	}
	if icpt {
		s := 0.0
		for i := range r {
			s += wt(i) * r[i]
		}
		if math.Abs(s) > tol {
			t.Errorf("%s: Σ w r = %g", name, s)
		}
	}
	for j := range x {
		g := 0.0
		for i := range r {
			g += wt(i) * x[j][i] * r[i]
		}
		l1, l2 := lambda*alpha, lambda*(1-alpha)
		if b[j] == 0 {
			if math.Abs(g) > l1+tol {
				t.Errorf("%s: b[%d] = 0 but |g| = %g > λα = %g", name, j, math.Abs(g), l1)
			}
		} else if d := g - l2*b[j] - l1*math.Copysign(1, b[j]); math.Abs(d) > tol {
			t.Errorf("%s: b[%d] = %g violates the stationarity condition by %g", name, j, b[j], d)
		}
	}
}

// TestKKT: on correlated columns of unequal scale, with and without
// weights and intercept, both updates and both rules reach a point that
// satisfies the optimality conditions, and they agree with each other.
func TestKKT(t *testing.T) {
	x, y, w := problem(200, 6, 1)
	yc := append([]float64(nil), y...)
	m := 0.0
	for _, v := range y {
		m += v / float64(len(y))
	}
	for i := range yc {
		yc[i] -= m
	}
	for _, c := range []struct {
		name   string
		lambda float64
		alpha  float64
		rule   Rule
		tol    float64
		weight bool
	}{
		{"lasso", 0.5, 1, FitChange, 1e-13, false},
		{"lasso small λ", 1e-3, 1, FitChange, 1e-13, false},
		{"enet", 0.8, 0.5, FitChange, 1e-13, true},
		{"ridge", 0.8, 0, FitChange, 1e-13, true},
		{"lasso coef rule", 0.5, 1, CoefChange, 1e-14, true},
	} {
		var ww []float64
		if c.weight {
			ww = w
		}
		ctl := Control{Tol: c.tol, Rule: c.rule}
		// naive with the intercept on raw y
		bn := make([]float64, len(x))
		r := append([]float64(nil), y...)
		sn := NewNaive(x, ww, r, bn, true)
		if _, ok := sn.Solve(c.lambda, c.alpha, ctl); !ok {
			t.Fatalf("%s naive: not converged", c.name)
		}
		kkt(t, c.name+" naive", x, ww, y, sn.B0, bn, c.lambda, c.alpha, true, 1e-10)
		if c.weight {
			continue // covariance updates need centring with the weights
		}
		// covariance on the centred problem (columns centred too)
		xc := make([][]float64, len(x))
		for j, xj := range x {
			mj := 0.0
			for _, v := range xj {
				mj += v / float64(len(xj))
			}
			xc[j] = make([]float64, len(xj))
			for i, v := range xj {
				xc[j][i] = v - mj
			}
		}
		bc := make([]float64, len(x))
		sc := NewCovariance(xc, nil, yc, bc)
		if _, ok := sc.Solve(c.lambda, c.alpha, ctl); !ok {
			t.Fatalf("%s covariance: not converged", c.name)
		}
		kkt(t, c.name+" covariance", xc, nil, yc, 0, bc, c.lambda, c.alpha, false, 1e-10)
		for j := range bn {
			if math.Abs(bn[j]-bc[j]) > 1e-10*(1+math.Abs(bn[j])) {
				t.Errorf("%s: naive b[%d] = %.15g, covariance %.15g", c.name, j, bn[j], bc[j])
			}
		}
	}
}

// TestWeightsAreReplication: integer weights k_i/N equal the unweighted
// problem on the data with row i repeated k_i times (N = Σ k_i).
func TestWeightsAreReplication(t *testing.T) {
	x, y, _ := problem(60, 4, 2)
	rng := rand.New(rand.NewSource(3))
	k := make([]int, len(y))
	N := 0
	for i := range k {
		k[i] = 1 + rng.Intn(3)
		N += k[i]
	}
	w := make([]float64, len(y))
	var xr [][]float64 = make([][]float64, len(x))
	var yr []float64
	for i := range y {
		w[i] = float64(k[i]) / float64(N)
		for c := 0; c < k[i]; c++ {
			yr = append(yr, y[i])
			for j := range x {
				xr[j] = append(xr[j], x[j][i])
			}
		}
	}
	for _, mode := range []string{"naive", "covariance"} {
		bw, br := make([]float64, len(x)), make([]float64, len(x))
		if _, ok := newMode(mode, x, w, y, bw).Solve(0.3, 0.7, Control{Tol: 1e-14}); !ok {
			t.Fatal("weighted: not converged")
		}
		if _, ok := newMode(mode, xr, nil, yr, br).Solve(0.3, 0.7, Control{Tol: 1e-14}); !ok {
			t.Fatal("replicated: not converged")
		}
		for j := range bw {
			if math.Abs(bw[j]-br[j]) > 1e-11 {
				t.Errorf("%s: weighted b[%d] = %.15g, replicated %.15g", mode, j, bw[j], br[j])
			}
		}
	}
}

// TestWarmStartAndReweight: solving along a decreasing λ sequence ends
// where a cold start at the last λ does, and Reweight after new weights
// gives the fit of a fresh solver with those weights.
func TestWarmStartAndReweight(t *testing.T) {
	x, y, w := problem(150, 5, 4)
	for _, mode := range []string{"naive", "covariance"} {
		bw := make([]float64, len(x))
		s := newMode(mode, x, nil, y, bw)
		for _, l := range []float64{4, 2, 1, 0.5, 0.25} {
			if _, ok := s.Solve(l, 1, Control{Tol: 1e-14}); !ok {
				t.Fatal("not converged")
			}
		}
		bc := make([]float64, len(x))
		newMode(mode, x, nil, y, bc).Solve(0.25, 1, Control{Tol: 1e-14})
		for j := range bw {
			if math.Abs(bw[j]-bc[j]) > 1e-11 {
				t.Errorf("%s: warm b[%d] = %.15g, cold %.15g", mode, j, bw[j], bc[j])
			}
		}
	}
	// Reweight: start with unit-ish weights, then switch to w.
	w1 := make([]float64, len(y))
	for i := range w1 {
		w1[i] = 1.0 / float64(len(y))
	}
	b := make([]float64, len(x))
	r := append([]float64(nil), y...)
	s := NewNaive(x, w1, r, b, true)
	s.Solve(0.2, 0.5, Control{Tol: 1e-14})
	copy(w1, w)
	s.Reweight()
	s.Solve(0.2, 0.5, Control{Tol: 1e-14})
	b2 := make([]float64, len(x))
	s2 := NewNaive(x, w, append([]float64(nil), y...), b2, true)
	s2.Solve(0.2, 0.5, Control{Tol: 1e-14})
	for j := range b {
		if math.Abs(b[j]-b2[j]) > 1e-11 {
			t.Errorf("reweighted b[%d] = %.15g, fresh %.15g", j, b[j], b2[j])
		}
	}
	if math.Abs(s.B0-s2.B0) > 1e-11 {
		t.Errorf("reweighted b0 = %.15g, fresh %.15g", s.B0, s2.B0)
	}
}

// TestStopAndMaxPasses: Stop ends Solve early and MaxPasses bounds it;
// neither reports convergence.
func TestStopAndMaxPasses(t *testing.T) {
	x, y, _ := problem(100, 5, 5)
	b := make([]float64, len(x))
	n, ok := NewNaive(x, nil, append([]float64(nil), y...), b, true).Solve(1e-4, 1, Control{Tol: 1e-300, Stop: func() bool { return true }})
	if ok || n != 0 {
		t.Errorf("stopped solve: %d passes, converged %v", n, ok)
	}
	b = make([]float64, len(x))
	n, ok = NewNaive(x, nil, append([]float64(nil), y...), b, true).Solve(1e-4, 1, Control{Tol: 1e-300, MaxPasses: 7})
	if ok || n != 7 {
		t.Errorf("bounded solve: %d passes, converged %v", n, ok)
	}
}
