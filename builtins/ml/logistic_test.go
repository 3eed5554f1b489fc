package ml

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// lre is the number of correct significant digits of got against want.
func lre(got, want float64) float64 {
	if got == want {
		return 16
	}
	if want == 0 {
		return -math.Log10(math.Abs(got))
	}
	return -math.Log10(math.Abs(got-want) / math.Abs(want))
}

func TestLogisticMLEMatchesGLM(t *testing.T) {
	ref := readRef(t, "glm_binomial_mtcars_am")
	X, y := numericData(t, "mtcars.csv", []string{"wt", "hp"}, "am")
	want := getF(ref, "R", "tight_tol_1e-14", "coefficients").(map[string]any)
	for _, m := range []*LogisticRegression{{Penalty: "none"}, {C: 1e12}} {
		if err := m.FitXY(X, y); err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{"(Intercept)": m.Intercept()[0], "wt": m.Coef().At(0, 0), "hp": m.Coef().At(0, 1)}
		for k, w := range want {
			if d := lre(got[k], w.(float64)); d < 6 {
				t.Errorf("penalty %q C %v: %s = %.12g, want %.12g (LRE %.1f)", m.Penalty, m.C, k, got[k], w, d)
			}
		}
	}
}

func TestLogisticL1ShrinksToZero(t *testing.T) {
	X, y := numericData(t, "mtcars.csv", []string{"wt", "hp", "qsec", "drat"}, "am")
	m := &LogisticRegression{Penalty: "l1", C: 0.05}
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	zeros := 0
	for _, v := range m.fit.Coef[0] {
		if v == 0 {
			zeros++
		}
	}
	if zeros == 0 {
		t.Errorf("l1 with C=0.05 left no zero coefficient: %v", m.fit.Coef[0])
	}
}

func TestLogisticLargeDataConverges(t *testing.T) {
	X, y := clfData(60000, 20, 8) // uses the subsample warm start
	m := NewLogisticRegression()
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	beta := append(append([]float64(nil), m.fit.Coef[0]...), m.fit.Intercept[0])
	g := make([]float64, len(beta))
	newBinSolver(binDataOf(X, y), 1, true).pass(beta, false, g, nil)
	if mg := maxAbs(g); mg > 1e-6 {
		t.Errorf("gradient at the solution has max |g| = %g after %d iterations", mg, m.fit.NIter)
	}
}

// coldNewton minimises the binary objective by plain damped Newton from
// zero with the exact Hessian at every step, as a reference for the
// warm-started chord solver.
func coldNewton(t *testing.T, d binData, lam float64, icpt bool) []float64 {
	t.Helper()
	q := d.p + 1
	s := newBinSolver(d, lam, icpt)
	ch := newCholSolver(q)
	beta := make([]float64, q)
	g, g2, H, dir, cand := make([]float64, q), make([]float64, q), make([]float64, q*q), make([]float64, q), make([]float64, q)
	for it := 0; it < 100; it++ {
		f := s.pass(beta, true, g, H)
		if !ch.factor(H) {
			t.Fatal("singular Hessian")
		}
		ch.solve(dir, g)
		if maxAbs(dir) < 1e-13*(1+maxAbs(beta)) {
			return beta
		}
		for step := 1.0; ; step /= 2 {
			for j := range cand {
				cand[j] = beta[j] - step*dir[j]
			}
			if s.pass(cand, true, g2, nil) <= f || step < 1e-10 {
				break
			}
		}
		copy(beta, cand)
	}
	t.Fatal("reference Newton did not converge")
	return nil
}

// TestLogisticWarmStartMatchesNewton checks the large-data scheme (warm
// start on nested 1/10 subsamples, chord steps with a BFGS-corrected
// Hessian) against plain Newton to 1e-9 relative, with and without an
// intercept and penalty, and on imbalanced classes (subsample too small in
// one class: cold start).
func TestLogisticWarmStartMatchesNewton(t *testing.T) {
	X, y := clfData(50000, 12, 3)
	rare := append([]float64(nil), y...)
	for i := range rare {
		if i%97 != 0 {
			rare[i] = 0
		}
	}
	for _, c := range []struct {
		name string
		y    []float64
		lam  float64
		icpt bool
	}{
		{"l2", y, 1, true},
		{"l2 strong", y, 5000, true},
		{"none", y, 0, true},
		{"no intercept", y, 1, false},
		{"rare positives", rare, 1, true},
	} {
		d := binDataOf(X, c.y)
		got, _, conv, err := fitBinary(ctxBackground, d, c.lam, c.icpt, 100, 1e-8)
		if err != nil || !conv {
			t.Fatalf("%s: err %v, converged %v", c.name, err, conv)
		}
		want := coldNewton(t, d, c.lam, c.icpt)
		for j := range want {
			if math.Abs(got[j]-want[j]) > 1e-9*(1+math.Abs(want[j])) {
				t.Errorf("%s: β[%d] = %.15g, Newton %.15g", c.name, j, got[j], want[j])
			}
		}
	}
}

// TestLogisticSameOnAnyCores checks that the fit is bit-identical with
// one, two and three workers (partial sums are added in block order).
func TestLogisticSameOnAnyCores(t *testing.T) {
	X, y := clfData(30000, 8, 5)
	// a Hessian pass: the same on any cores, with the partial Hessians
	// summed per block or per group of five blocks (wide data)
	beta := []float64{0.1, -0.2, 0.3, 0, 0.5, -0.1, 0.2, 0.05, 0.3}
	var hRef []float64
	defer func(v int) { binHessFloats = v }(binHessFloats)
	for _, hf := range []int{1 << 20, 15 * 81 / 5} {
		binHessFloats = hf
		var h1 []float64
		for _, w := range []int{1, 2, 3} {
			s := newBinSolver(binDataOf(X, y), 1, true)
			s.workers = w
			g, h := make([]float64, 9), make([]float64, 81)
			s.pass(beta, true, g, h)
			if h1 == nil {
				h1 = h
			} else if fmt.Sprint(h) != fmt.Sprint(h1) {
				t.Errorf("Hessian groups of %d floats, %d workers: %v, 1 worker %v", hf, w, h, h1)
			}
		}
		if hRef == nil {
			hRef = h1
			// against the definition: Σ μ(1−μ) x̃x̃ᵀ + λI (upper triangle)
			n, p := X.Dims()
			for j := 0; j <= p; j++ {
				for k := j; k <= p; k++ {
					want := 0.0
					for i := 0; i < n; i++ {
						x := append(append([]float64(nil), X.RawRowView(i)...), 1)
						m := sigmoid(beta[p] + dot(beta[:p], x[:p]))
						want += m * (1 - m) * x[j] * x[k]
					}
					if j == k && j < p {
						want++
					}
					if math.Abs(h1[j*(p+1)+k]-want) > 1e-11*math.Abs(want)+1e-9 {
						t.Errorf("H[%d][%d] = %v, want %v", j, k, h1[j*(p+1)+k], want)
					}
				}
			}
		}
		for j, v := range hRef {
			if math.Abs(h1[j]-v) > 1e-12*math.Abs(v) {
				t.Errorf("H[%d] = %v in groups of blocks, %v by blocks", j, h1[j], v)
			}
		}
	}
	binHessFloats = 1 << 20
	var ref []float64
	for _, w := range []int{1, 2, 3} {
		old := setWorkers(w)
		m := NewLogisticRegression()
		err := m.FitXY(X, y)
		setWorkers(old)
		if err != nil {
			t.Fatal(err)
		}
		got := append(append([]float64(nil), m.fit.Coef[0]...), m.fit.Intercept[0])
		if ref == nil {
			ref = got
			continue
		}
		for j := range ref {
			if got[j] != ref[j] {
				t.Errorf("%d workers: β[%d] = %x, 1 worker %x", w, j, got[j], ref[j])
			}
		}
	}
}

// TestLogisticChecksAsShared checks that LogisticRegression's row-wise
// input checks and class encoding give exactly the shared checks' errors
// and classes.
func TestLogisticChecksAsShared(t *testing.T) {
	X, y := clfData(200, 3, 9)
	bad := mat.DenseCopyOf(X)
	bad.Set(17, 1, math.NaN())
	bad.Set(40, 1, math.Inf(1))
	inf := mat.DenseCopyOf(X)
	inf.Set(5, 2, math.Inf(-1))
	ynan := append([]float64(nil), y...)
	ynan[3] = math.NaN()
	for _, c := range []struct {
		name string
		X    *mat.Dense
		y    []float64
	}{{"nan", bad, y}, {"-inf", inf, y}, {"y nan", X, ynan}, {"short y", X, y[:10]}} {
		var b base
		_, _, want := b.checkXY(c.X, c.y, false)
		m := NewLogisticRegression()
		err := m.FitXY(c.X, c.y)
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("%s: FitXY error %v, checkXY %v", c.name, err, want)
		}
	}
	m := NewLogisticRegression()
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	if _, err := m.PredictX(bad); err == nil || err.Error() != m.checkPredictX(bad, false).Error() {
		t.Errorf("PredictX error %v, checkPredictX %v", err, m.checkPredictX(bad, false))
	}
	many := make([]float64, 300)
	for i := range many {
		many[i] = float64((i * 7) % 40)
	}
	for _, c := range []struct {
		name string
		y    []float64
	}{{"binary", y}, {"three", []float64{2, 0, 1, 2, 2, 0}}, {"negative", []float64{-1, 3, -1, 3}},
		{"one class", []float64{4, 4, 4}}, {"non-integer", []float64{0, 0.5, 1}}, {"40 classes", many},
		{"signed zero", []float64{0, 1, math.Copysign(0, -1), 1}}, {"two then more", []float64{1, 3, 1, 3, 1, 2}}} {
		var a base
		wantIdx, wantErr := a.encodeClasses(c.y)
		var m LogisticRegression
		idx, yb, err := m.classesOf(c.y)
		if yb != nil {
			idx = make([]int, len(yb))
			for i, v := range yb {
				idx[i] = int(v)
				if v != 0 && v != 1 {
					t.Errorf("%s: yb[%d] = %v", c.name, i, v)
				}
			}
		}
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Errorf("%s: error %v, encodeClasses %v", c.name, err, wantErr)
			continue
		}
		if fmt.Sprint(idx, m.ClassValues, m.ClassLabels) != fmt.Sprint(wantIdx, a.ClassValues, a.ClassLabels) {
			t.Errorf("%s: classesOf %v %v %v, encodeClasses %v %v %v", c.name, idx, m.ClassValues, m.ClassLabels, wantIdx, a.ClassValues, a.ClassLabels)
		}
	}
}

// TestLogisticCVFoldsInPlace checks that cross-validation, which fits
// LogisticRegression to each fold's rows in place, gives the scores and
// out-of-fold predictions of the shared path (fit and predict on copies of
// the rows), exactly, for two and three classes, both penalties and
// metrics with and without probabilities; and that a fit to listed rows
// has the coefficients of a fit to their copy, bit for bit.
func TestLogisticCVFoldsInPlace(t *testing.T) {
	X, y := clfData(12000, 6, 11)
	y3 := append([]float64(nil), y...)
	for i := range y3 {
		if X.At(i, 0) > 0.8 {
			y3[i] = 2
		}
	}
	for _, c := range []struct {
		name, metric string
		m            *LogisticRegression
		y            []float64
	}{
		{"l2", "accuracy", NewLogisticRegression(), y},
		{"l2 auc", "roc_auc", NewLogisticRegression(), y},
		{"none log loss", "log_loss", &LogisticRegression{Penalty: "none"}, y},
		{"no intercept", "f1", &LogisticRegression{NoIntercept: true, C: 0.01}, y},
		{"l1", "accuracy", &LogisticRegression{Penalty: "l1", C: 0.1}, y},
		{"three classes", "accuracy", NewLogisticRegression(), y3},
	} {
		r, err := CrossValidateXY(c.m, X, c.y, 5, 7, c.metric)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		d, _ := matrixDataset(c.m, X, c.y)
		s, _ := getScorer(c.metric, true)
		for i, f := range r.Folds {
			v, pred, _, err := d.fitScore(c.m, nil, f.Train, f.Test, s)
			if err != nil {
				t.Fatal(err)
			}
			if v != r.Scores[i] {
				t.Errorf("%s fold %d: score %v, shared path %v", c.name, i+1, r.Scores[i], v)
			}
			for a, row := range f.Test {
				if r.Pred[row] != pred[a] {
					t.Errorf("%s fold %d: row %d predicted %v, shared path %v", c.name, i+1, row, r.Pred[row], pred[a])
					break
				}
			}
		}
		tr := r.Folds[0].Train
		a, b := Clone(c.m).(*LogisticRegression), Clone(c.m).(*LogisticRegression)
		if err := a.fitRows(X, pick(c.y, tr), tr, false); err != nil {
			t.Fatal(err)
		}
		if err := b.FitXY(rowsDense(X, tr), pick(c.y, tr)); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(a.fit) != fmt.Sprint(b.fit) {
			t.Errorf("%s: fit to rows %v, to their copy %v", c.name, a.fit, b.fit)
		}
	}
	// a missing value: the shared path's error from the first fold that
	// fails (fitting on it, or predicting it)
	bad := mat.DenseCopyOf(X)
	bad.Set(100, 2, math.NaN())
	_, err := CrossValidateXY(NewLogisticRegression(), bad, y, 5, 7, "accuracy")
	if err == nil || !strings.Contains(err.Error(), `column "x3" has 1 missing or infinite values`) {
		t.Errorf("error %v", err)
	}
}

// TestLogisticProbaRows checks the four-rows-at-a-time probabilities
// against σ(b + w·x) row by row, exactly, with and without a row list.
func TestLogisticProbaRows(t *testing.T) {
	X, y := clfData(203, 5, 4)
	m := NewLogisticRegression()
	if err := m.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	rows := []int{7, 3, 3, 150, 202, 0, 11}
	for _, rs := range [][]int{nil, rows} {
		P := m.probaRows(X, rs)
		n, _ := P.Dims()
		for i := 0; i < n; i++ {
			r := i
			if rs != nil {
				r = rs[i]
			}
			q := sigmoid(m.fit.Intercept[0] + dot(m.fit.Coef[0], X.RawRowView(r)))
			if P.At(i, 0) != 1-q || P.At(i, 1) != q {
				t.Errorf("row %d: P = %v, %v, want %v, %v", r, P.At(i, 0), P.At(i, 1), 1-q, q)
			}
		}
	}
}
