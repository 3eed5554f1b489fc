package models

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gostat/gostat/builtins/internal/cd"
)

func TestRidgeLassoR(t *testing.T) {
	r := rCase(t, "ridge_lasso_mtcars")
	var preds []string
	for _, p := range r["predictors"].([]any) {
		preds = append(preds, p.(string))
	}
	f := mtcars(t)
	fm := "mpg ~ . - model"
	ri, err := Ridge(fm, f, num(r["ridge_alpha"]))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ri.Names, ",") != strings.Join(preds, ",") {
		t.Fatalf("predictors %v, want %v", ri.Names, preds)
	}
	closeAll(t, "ridge coef", ri.CoefStd, named(t, r["ridge_coef"], preds), 1e-12)
	closeAll(t, "sd", ri.SD, named(t, r["x_sd_population"], preds), 1e-14)
	la, err := Lasso(fm, f, num(r["lasso_alpha"]))
	if err != nil {
		t.Fatal(err)
	}
	want := named(t, r["lasso_coef"], preds)
	closeAll(t, "lasso coef", la.CoefStd, want, 1e-10)
	// objective at R's coefficients vs ours
	pd, _ := penDesign(fm, f)
	ref := pd.toPenalized("", "gaussian", la.Lambda, 1, pd.ybar, want, 0)
	if d := (la.Objective - ref.Objective) / ref.Objective; math.Abs(d) > 1e-12 {
		t.Errorf("lasso objective %.15g vs R's %.15g", la.Objective, ref.Objective)
	}
	checkClose(t, "ridge intercept (z scale)", ri.Intercept+dot(ri.Coef, ri.Mean), num(r["ridge_intercept"]), 1e-13)
	// the path at λ = 0.1 reproduces the single fit (warm starts)
	p, err := PenalizedPathFit(fm, f, PathOptions{L1Ratio: 1, Lambda: []float64{1, 0.5, 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "path at 0.1", p.CoefStd[2], want, 1e-10)
	if p.DF[0] >= p.DF[2] {
		t.Errorf("df should grow along the path: %v", p.DF)
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func TestCVPenalized(t *testing.T) {
	f := mtcars(t)
	p, err := CVPenalized("mpg ~ wt + hp + qsec + drat + disp", f, PathOptions{L1Ratio: 1, NFolds: 5, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Lambda) != 100 || p.Lambda[0] <= p.Lambda[99] {
		t.Fatalf("bad lambda sequence")
	}
	if p.DF[0] != 0 {
		t.Errorf("at lambda_max no coefficient should be non-zero, df = %d", p.DF[0])
	}
	if !(p.Lambda1SE >= p.LambdaMin) || p.CVMean[p.IndexMin] > p.CVMean[p.Index1SE] {
		t.Errorf("lambda.1se %g must be >= lambda.min %g", p.Lambda1SE, p.LambdaMin)
	}
	s := p.String()
	if !strings.Contains(s, "lambda.min") || !strings.Contains(s, "lambda.1se") {
		t.Errorf("display:\n%s", s)
	}
	// at the end of the path the lasso approaches OLS
	m, _ := OLS("mpg ~ wt + hp + qsec + drat + disp", f)
	last := len(p.Lambda) - 1
	for j := range p.Coef[last] {
		if relErr(p.Coef[last][j], m.Coef[j+1]) > 0.05 {
			t.Errorf("coef %s at small lambda %g, OLS %g", p.Names[j], p.Coef[last][j], m.Coef[j+1])
		}
	}
}

func TestLogisticPenalizedLimit(t *testing.T) {
	f := mtcars(t)
	g, _ := GLM("am ~ wt + hp", f, Binomial("logit"))
	pl, err := LogisticLasso("am ~ wt + hp", f, 1e-12, 1)
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "logistic lasso -> MLE", append([]float64{pl.Intercept}, pl.Coef...), g.Coef, 1e-6)
	p, err := CVPenalized("am ~ wt + hp + qsec + drat", f, PathOptions{L1Ratio: 0.5, Family: "binomial", NFolds: 4, NLambda: 30})
	if err != nil {
		t.Fatal(err)
	}
	if p.DevRatio[len(p.DevRatio)-1] < p.DevRatio[0] {
		t.Errorf("deviance explained should grow: %v", p.DevRatio)
	}
}

func TestCVWrappers(t *testing.T) {
	f := mtcars(t)
	for name, fn := range map[string]func() (*PenalizedPath, error){
		"lasso": func() (*PenalizedPath, error) { return LassoCV("mpg ~ wt + hp + qsec", f, 5) },
		"ridge": func() (*PenalizedPath, error) { return RidgeCV("mpg ~ wt + hp + qsec", f, 5) },
		"enet":  func() (*PenalizedPath, error) { return ElasticNetCV("mpg ~ wt + hp + qsec", f, 0.5, 5) },
	} {
		p, err := fn()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.NFolds != 5 || !(p.LambdaMin > 0) {
			t.Errorf("%s: folds %d, lambda.min %g", name, p.NFolds, p.LambdaMin)
		}
	}
	// ridge path at λ = alpha/n equals the closed-form Ridge(alpha)
	r, _ := Ridge("mpg ~ wt + hp + qsec", f, 2)
	p, err := PenalizedPathFit("mpg ~ wt + hp + qsec", f, PathOptions{L1Ratio: 0, Lambda: []float64{2.0 / 32}})
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "ridge path vs closed form", p.CoefStd[0], r.CoefStd, 1e-10)
}

// TestWidePathNaive: with 500 or more predictors the Gaussian path uses
// naive updates (glmnet's default); at each λ they reach the fit of
// covariance updates (to 1e-7: with p > n the small coefficients at the
// end of the path are ill-determined), and the lasso keeps fewer than n
// predictors.
func TestWidePathNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	n, p := 40, 520
	cols := make([][]float64, p)
	names := make([]string, p)
	y := make([]float64, n)
	for j := range cols {
		cols[j] = make([]float64, n)
		for i := range cols[j] {
			cols[j][i] = rng.NormFloat64()
		}
		names[j] = fmt.Sprint("x", j)
	}
	for i := range y {
		y[i] = 3*cols[0][i] - 2*cols[7][i] + cols[300][i] + rng.NormFloat64()
	}
	pd, err := standardize(cols, y, names)
	if err != nil {
		t.Fatal(err)
	}
	path, err := pd.path(PathOptions{L1Ratio: 1, NLambda: 20})
	if err != nil {
		t.Fatal(err)
	}
	b := make([]float64, p)
	s := cd.NewCovariance(pd.z, nil, pd.centredY(), b)
	for k, lam := range path.Lambda {
		s.Solve(lam, 1, cdControl(1e-12))
		closeAll(t, fmt.Sprint("naive vs covariance at λ ", lam), path.CoefStd[k], b, 1e-7)
		if path.DF[k] >= n {
			t.Errorf("λ %g: %d non-zero lasso coefficients with n = %d", lam, path.DF[k], n)
		}
	}
	if nz := path.Nonzero(5); len(nz) == 0 || nz[0] != "x0" {
		t.Errorf("strongest predictor along the path: %v, want x0 first", nz)
	}
}

// BenchmarkPenalized times the regularised fits (before/after comparisons
// of the coordinate-descent core; cpu-ns/op is the process's CPU time).
func BenchmarkPenalized(b *testing.B) {
	big, big10k, clf := bigFrame(100000), bigFrame(10000), clfFrame(10000)
	for _, c := range []struct {
		name string
		fit  func() (*PenalizedPath, error)
	}{
		{"LassoPath100kx7", func() (*PenalizedPath, error) {
			return PenalizedPathFit("col0 ~ .", big, PathOptions{L1Ratio: 1})
		}},
		{"CVElasticNet10kx7", func() (*PenalizedPath, error) {
			return CVPenalized("col0 ~ .", big10k, PathOptions{L1Ratio: 0.5})
		}},
		{"LogisticLassoPath10kx20", func() (*PenalizedPath, error) {
			return PenalizedPathFit("y ~ .", clf, PathOptions{L1Ratio: 1, Family: "binomial"})
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			t0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := c.fit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-t0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user + system CPU time (the wall time of a
// benchmark is unreliable on a shared machine).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
