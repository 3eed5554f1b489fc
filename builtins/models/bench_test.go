package models

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// bigFrame builds the big.csv shape of ../shared/notes/benchmark-data.md in
// memory: col1…col7 normal with the documented means and sds, col0 the
// documented linear combination plus N(0, 2) noise.
func bigFrame(n int) *frame.Frame {
	rng := rand.New(rand.NewSource(42))
	ms := [][2]float64{{0, 1}, {5, 2}, {-1, 0.5}, {2, 3}, {0, 1}, {100, 10}, {0, 0.1}}
	beta := []float64{0.5, -0.25, 1.5, 0.1, -2, 0.01, 3}
	cols := make([][]float64, 8)
	for j := range cols {
		cols[j] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		y := 1.0
		for j := 1; j <= 7; j++ {
			v := ms[j-1][0] + ms[j-1][1]*rng.NormFloat64()
			cols[j][i] = v
			y += beta[j-1] * v
		}
		cols[0][i] = y + 2*rng.NormFloat64()
	}
	names := []string{"col0", "col1", "col2", "col3", "col4", "col5", "col6", "col7"}
	anys := make([]any, 8)
	for j := range anys {
		anys[j] = cols[j]
	}
	f, err := frame.FromColumns(names, anys...)
	if err != nil {
		panic(err)
	}
	return f
}

// clfFrame builds the clf.csv shape: x0…x19 ~ N(0,1), y from a logistic
// model with intercept 0.3 and weights ~ N(0, 0.5).
func clfFrame(n int) *frame.Frame {
	rng := rand.New(rand.NewSource(7))
	w := make([]float64, 20)
	for j := range w {
		w[j] = 0.5 * rng.NormFloat64()
	}
	names := []string{"y"}
	cols := []any{}
	xs := make([][]float64, 20)
	for j := range xs {
		xs[j] = make([]float64, n)
	}
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		eta := 0.3
		for j := range xs {
			v := rng.NormFloat64()
			xs[j][i] = v
			eta += w[j] * v
		}
		if rng.Float64() < 1/(1+math.Exp(-eta)) {
			y[i] = 1
		}
	}
	cols = append(cols, y)
	for j := range xs {
		names = append(names, fmt.Sprintf("x%d", j))
		cols = append(cols, xs[j])
	}
	f, err := frame.FromColumns(names, cols...)
	if err != nil {
		panic(err)
	}
	return f
}

func clfFormula() string {
	var t []string
	for j := 0; j < 20; j++ {
		t = append(t, fmt.Sprintf("x%d", j))
	}
	return "y ~ " + strings.Join(t, " + ")
}

// BenchmarkOLSBig: OLS col0 ~ col1 + … + col7 on 1M rows with the full
// summary (target ≤ 0.15 s).
func BenchmarkOLSBig(b *testing.B) {
	f := bigFrame(1000000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := OLS("col0 ~ col1 + col2 + col3 + col4 + col5 + col6 + col7", f)
		if err != nil {
			b.Fatal(err)
		}
		_ = m.String()
	}
}

// BenchmarkLogisticClf: logistic GLM y ~ x0 + … + x19 on 100k rows with
// the summary (target ≤ 0.06 s).
func BenchmarkLogisticClf(b *testing.B) {
	f := clfFrame(100000)
	fm := clfFormula()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := GLM(fm, f, Binomial("logit"))
		if err != nil {
			b.Fatal(err)
		}
		_ = m.String()
	}
}

// TestLargeFitsAgree checks the blocked (TSQR, normal-equation) paths used
// for large data against the double-double solver on the same data.
func TestLargeFitsAgree(t *testing.T) {
	f := bigFrame(200000)
	m, err := OLS("col0 ~ col1 + col2 + col3 + col4 + col5 + col6 + col7", f)
	if err != nil {
		t.Fatal(err)
	}
	if m.Precise {
		t.Fatal("expected the blocked float64 path")
	}
	d, _ := buildDesign("col0 ~ col1 + col2 + col3 + col4 + col5 + col6 + col7", f, true)
	ref := lsFit{coef: make([]float64, len(d.cols)), aliased: make([]bool, len(d.cols))}
	kept := make([]int, len(d.cols))
	scale := make([]float64, len(d.cols))
	for j := range kept {
		kept[j] = j
		scale[j] = pow2Scale(norm2(d.cols[j]))
	}
	solvePrecise(lsProblem{n: d.n, p: len(d.cols), cols: d.cols, y: d.y}, nil, scale, kept, &ref)
	for j := range ref.coef {
		if e := relErr(m.Coef[j], ref.coef[j]); e > 1e-12 {
			t.Errorf("coef %s: %.17g vs %.17g (%.2g)", m.Names[j], m.Coef[j], ref.coef[j], e)
		}
		se := m.Sigma * math.Sqrt(ref.xtxinv[j][j])
		if e := relErr(m.StdErr[j], se); e > 1e-11 {
			t.Errorf("se %s: %.17g vs %.17g", m.Names[j], m.StdErr[j], se)
		}
	}
	g := clfFrame(30000)
	gl, err := GLM(clfFormula(), g, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	gt, err := GLMWithOptions(clfFormula(), g, Binomial("logit"), &GLMOptions{Epsilon: 1e-14, MaxIter: 50})
	if err != nil {
		t.Fatal(err)
	}
	for j := range gl.Coef {
		if e := relErr(gl.Coef[j], gt.Coef[j]); e > 1e-6 {
			t.Errorf("glm coef %s: %g vs tight %g", gl.Names[j], gl.Coef[j], gt.Coef[j])
		}
	}
}

// TestNormalEquationPath checks the blocked X'WX solver of large GLMs
// against the QR solver on the same weighted problem (odd and even p).
func TestNormalEquationPath(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, p := range []int{7, 8} {
		n := 120001
		cols := make([][]float64, p)
		for j := range cols {
			cols[j] = make([]float64, n)
			for i := range cols[j] {
				if j == 0 {
					cols[j][i] = 1
				} else {
					cols[j][i] = rng.NormFloat64() * float64(j)
				}
			}
		}
		z := make([]float64, n)
		w := make([]float64, n)
		for i := range z {
			z[i] = rng.NormFloat64()
			w[i] = rng.Float64() + 0.1
		}
		s := newWLSSolver(cols, n, p)
		if s.pan == nil {
			t.Fatalf("p=%d: expected the normal-equation path", p)
		}
		got := s.solve(z, w)
		s.release()
		want := solveLS(lsProblem{n: n, p: p, cols: cols, y: z, w: w})
		for j := 0; j < p; j++ {
			if e := relErr(got.coef[j], want.coef[j]); e > 1e-10 {
				t.Errorf("p=%d coef %d: %.17g vs %.17g", p, j, got.coef[j], want.coef[j])
			}
			if e := relErr(got.xtxinv[j][j], want.xtxinv[j][j]); e > 1e-10 {
				t.Errorf("p=%d (X'WX)^-1 %d: %.17g vs %.17g", p, j, got.xtxinv[j][j], want.xtxinv[j][j])
			}
		}
	}
}

// TestLargeGLMPath checks the large-design IRLS (panel sweeps, normal
// equations) against the QR path on the same data: same iterations, and
// coefficients, standard errors, deviances, AIC and working weights to
// 1e-9, for the logit link (0/1 responses), probit, binomial proportions
// with prior weights, Poisson with an offset and prior weights, Gamma
// (inverse link, estimated dispersion) and Gaussian with a log link.
func TestLargeGLMPath(t *testing.T) {
	const n = 12000
	rng := rand.New(rand.NewSource(11))
	cols := []any{}
	names := []string{}
	xs := make([][]float64, 21)
	for j := range xs {
		xs[j] = make([]float64, n)
		for i := range xs[j] {
			xs[j][i] = rng.NormFloat64()
		}
		names = append(names, fmt.Sprintf("x%d", j))
		cols = append(cols, xs[j])
	}
	yb := make([]float64, n)  // 0/1
	yp := make([]float64, n)  // proportions
	yc := make([]float64, n)  // counts
	yg := make([]float64, n)  // positive, Gamma
	wts := make([]float64, n) // trials / exposure weights
	off := make([]float64, n)
	for i := 0; i < n; i++ {
		eta := 0.2
		for j := range xs {
			eta += 0.15 * float64(j%5-2) * xs[j][i]
		}
		pr := 1 / (1 + math.Exp(-eta))
		if rng.Float64() < pr {
			yb[i] = 1
		}
		m := 1 + rng.Intn(5)
		k := 0
		for r := 0; r < m; r++ {
			if rng.Float64() < pr {
				k++
			}
		}
		wts[i] = float64(m)
		yp[i] = float64(k) / float64(m)
		off[i] = 0.3 * rng.NormFloat64()
		lam := math.Exp(0.1*eta + off[i])
		c := 0
		for s := rng.ExpFloat64(); s < lam; s += rng.ExpFloat64() {
			c++
		}
		yc[i] = float64(c)
		yg[i] = rng.ExpFloat64() / (2 + 0.05*eta) // mean 1/(2 + 0.05η)
	}
	names = append(names, "yb", "yp", "yc", "yg")
	cols = append(cols, yb, yp, yc, yg)
	f, err := frame.FromColumns(names, cols...)
	if err != nil {
		t.Fatal(err)
	}
	rhs := strings.Join(names[:21], " + ")
	for _, tc := range []struct {
		name, formula string
		fam           Family
		opt           *GLMOptions
	}{
		{"logit", "yb ~ " + rhs, Binomial("logit"), nil},
		{"probit", "yb ~ " + rhs, Binomial("probit"), nil},
		{"logit with offset", "yb ~ " + rhs, Binomial("logit"), &GLMOptions{Offset: off}},
		{"proportions", "yp ~ " + rhs, Binomial("logit"), &GLMOptions{Weights: wts}},
		{"poisson", "yc ~ " + rhs, Poisson("log"), &GLMOptions{Weights: wts, Offset: off}},
		{"Gamma", "yg ~ " + rhs, Gamma("inverse"), nil},
		{"gaussian", "yg ~ " + rhs, Gaussian("log"), nil},
	} {
		big, err := GLMWithOptions(tc.formula, f, tc.fam, tc.opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		glmForceQR = true
		ref, err := GLMWithOptions(tc.formula, f, tc.fam, tc.opt)
		glmForceQR = false
		if err != nil {
			t.Fatalf("%s (QR): %v", tc.name, err)
		}
		// steps whose cross products come from a pass of their own (when
		// the sweep skipped them) give the same numbers bit for bit
		glmForceSkipGram = true
		sep, err := GLMWithOptions(tc.formula, f, tc.fam, tc.opt)
		glmForceSkipGram = false
		if err != nil {
			t.Fatalf("%s (separate passes): %v", tc.name, err)
		}
		if sep.Deviance != big.Deviance || sep.Iterations != big.Iterations || sep.AIC() != big.AIC() {
			t.Errorf("%s: separate passes give deviance %.17g (%d iterations), fused %.17g (%d)", tc.name, sep.Deviance, sep.Iterations, big.Deviance, big.Iterations)
		}
		for j := range big.Coef {
			if sep.Coef[j] != big.Coef[j] || sep.StdErr[j] != big.StdErr[j] {
				t.Errorf("%s: separate passes give %s = %.17g (SE %.17g), fused %.17g (%.17g)", tc.name, big.Names[j], sep.Coef[j], sep.StdErr[j], big.Coef[j], big.StdErr[j])
			}
		}
		if big.Iterations != ref.Iterations || big.Converged != ref.Converged {
			t.Errorf("%s: %d iterations (converged %v), QR path %d (%v)", tc.name, big.Iterations, big.Converged, ref.Iterations, ref.Converged)
		}
		check := func(what string, a, b float64) {
			if e := relErr(a, b); e > 1e-9 {
				t.Errorf("%s: %s %.17g, QR path %.17g (rel. error %.2g)", tc.name, what, a, b, e)
			}
		}
		for j := range ref.Coef {
			check("coef "+ref.Names[j], big.Coef[j], ref.Coef[j])
			check("SE "+ref.Names[j], big.StdErr[j], ref.StdErr[j])
		}
		check("deviance", big.Deviance, ref.Deviance)
		check("null deviance", big.NullDeviance, ref.NullDeviance)
		check("AIC", big.AIC(), ref.AIC())
		check("dispersion", big.Dispersion, ref.Dispersion)
		for i := 0; i < n; i += 997 {
			check(fmt.Sprintf("weight %d", i), big.WorkingWeights[i], ref.WorkingWeights[i])
			check(fmt.Sprintf("fitted %d", i), big.Fitted[i], ref.Fitted[i])
		}
	}
}

// TestBinaryDev checks the log-free binary deviance against the row sum
// 2·Σ(y log(y/μ) + (1-y) log((1-y)/(1-μ))), including fitted values at
// R's logit limits, lengths that are not multiples of the blocking, and
// the infinite (μ = 0 with y = 1) and NaN cases.
func TestBinaryDev(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	rowSum := func(mu, y []float64) float64 {
		d := 0.0
		for i := range y {
			d += 2 * (yLogY(y[i], mu[i]) + yLogY(1-y[i], 1-mu[i]))
		}
		return d
	}
	for _, n := range []int{1, 3, 63, 64, 65, 200, 512, 1000} {
		mu := make([]float64, n)
		y := make([]float64, n)
		for i := range mu {
			switch rng.Intn(10) {
			case 0:
				mu[i] = dblEps / (1 + dblEps) // R's lower limit
			case 1:
				mu[i] = (1 / dblEps) / (1 + 1/dblEps) // upper limit
			default:
				mu[i] = rng.Float64()
			}
			if rng.Intn(2) == 0 {
				y[i] = 1
			}
		}
		if got, want := binaryDev(mu, y), rowSum(mu, y); relErr(got, want) > 1e-13 {
			t.Errorf("n=%d: %.17g, row sum %.17g", n, got, want)
		}
		mu[n/2], y[n/2] = 0, 1
		if got := binaryDev(mu, y); !math.IsInf(got, 1) {
			t.Errorf("n=%d with μ=0, y=1: %v, want +Inf", n, got)
		}
		mu[n/2] = math.NaN()
		if got := binaryDev(mu, y); !math.IsNaN(got) {
			t.Errorf("n=%d with μ=NaN: %v, want NaN", n, got)
		}
	}
}

// TestLargeGLMRankDeficient: a large design with an exactly collinear
// column makes the Cholesky step fail, and each step falls back to the
// pivoted QR solver, which reports the column as aliased (NA) as R does.
func TestLargeGLMRankDeficient(t *testing.T) {
	f := clfFrame(20000)
	x0, _ := f.Floats("x0")
	x1, _ := f.Floats("x1")
	dup := make([]float64, len(x0))
	for i := range dup {
		dup[i] = x0[i] - 2*x1[i]
	}
	g := f.With("dup", dup)
	fm := clfFormula() + " + dup"
	big, err := GLM(fm, g, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	glmForceQR = true
	ref, err := GLM(fm, g, Binomial("logit"))
	glmForceQR = false
	if err != nil {
		t.Fatal(err)
	}
	last := len(big.Coef) - 1
	if big.Rank != 21 || !big.Aliased[last] || !math.IsNaN(big.Coef[last]) {
		t.Fatalf("rank %d, dup aliased %v (coef %v); want rank 21 with dup aliased", big.Rank, big.Aliased[last], big.Coef[last])
	}
	if big.Iterations != ref.Iterations {
		t.Errorf("%d iterations, QR path %d", big.Iterations, ref.Iterations)
	}
	for j := 0; j < last; j++ {
		if e := relErr(big.Coef[j], ref.Coef[j]); e > 1e-12 {
			t.Errorf("%s: %.17g, QR path %.17g", big.Names[j], big.Coef[j], ref.Coef[j])
		}
		if e := relErr(big.StdErr[j], ref.StdErr[j]); e > 1e-12 {
			t.Errorf("SE %s: %.17g, QR path %.17g", big.Names[j], big.StdErr[j], ref.StdErr[j])
		}
	}
	if e := relErr(big.Deviance, ref.Deviance); e > 1e-12 {
		t.Errorf("deviance %.17g, QR path %.17g", big.Deviance, ref.Deviance)
	}
}

// TestBinaryLogitRows checks the four-at-a-time logit rows against the
// scalar ones bit for bit, with η beyond R's ±30 thresholds, at them, and
// NaN (flagged as invalid).
func TestBinaryLogitRows(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	avx := hasAVX
	defer func() { hasAVX = avx }()
	for _, n := range []int{1, 4, 7, 512, 1029} {
		e := make([]float64, n)
		y := make([]float64, n)
		for i := range e {
			e[i] = 12 * rng.NormFloat64()
			switch rng.Intn(40) {
			case 0:
				e[i] = 30
			case 1:
				e[i] = -30
			case 2:
				e[i] = 45
			}
			if rng.Intn(2) == 0 {
				y[i] = 1
			}
		}
		run := func(useAVX bool, e []float64) (out [5][]float64, dev float64, bad bool) {
			hasAVX = useAVX
			for k := range out {
				out[k] = make([]float64, n)
			}
			dev = binaryLogitRows(e, out[0], out[1], y, out[2], out[3], &bad)
			return
		}
		a, da, ba := run(false, e)
		b, db, bb := run(avx, e)
		if da != db || ba || bb {
			t.Errorf("n=%d: deviance %v (bad %v) scalar, %v (bad %v) vector", n, da, ba, db, bb)
		}
		for k := 0; k < 4; k++ {
			for i := range a[k] {
				if math.Float64bits(a[k][i]) != math.Float64bits(b[k][i]) {
					t.Errorf("n=%d: output %d row %d (η = %v): %v scalar, %v vector", n, k, i, e[i], a[k][i], b[k][i])
				}
			}
		}
		// the scalar rows are Binomial("logit")'s functions and largeGLM.working
		fam := Binomial("logit")
		for i, et := range e {
			if m := fam.linkinv(et); m != a[0][i] {
				t.Errorf("n=%d row %d: μ %v, linkinv %v", n, i, a[0][i], m)
			}
			if d := fam.muEta(et); d != a[1][i] {
				t.Errorf("n=%d row %d: μ' %v, muEta %v", n, i, a[1][i], d)
			}
		}
		e[n/2] = math.NaN()
		if _, _, bad := run(avx, e); !bad {
			t.Errorf("n=%d: η = NaN not flagged", n)
		}
	}
}
