package ml

import (
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"
)

func TestRidgeLassoMtcars(t *testing.T) {
	ref := readRef(t, "ridge_lasso_mtcars")
	r := ref["R"].(map[string]any)
	var preds []string
	for _, v := range r["predictors"].([]any) {
		preds = append(preds, v.(string))
	}
	X, y := numericData(t, "mtcars.csv", preds, "mpg")
	n, p := X.Dims()
	// z-score with the population sd, as the reference does.
	Z := mat.NewDense(n, p, nil)
	for j, name := range preds {
		mu := getF(r, "x_mean", name).(float64)
		sd := getF(r, "x_sd_population", name).(float64)
		for i := 0; i < n; i++ {
			Z.Set(i, j, (X.At(i, j)-mu)/sd)
		}
	}
	rd := &Ridge{Alpha: 1}
	if err := rd.FitXY(Z, y); err != nil {
		t.Fatal(err)
	}
	la := &Lasso{Alpha: 0.1}
	if err := la.FitXY(Z, y); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		coef []float64
		icpt float64
		key  string
	}{{"ridge", rd.Coef(), rd.Intercept(), "ridge"}, {"lasso", la.Coef(), la.Intercept(), "lasso"}} {
		if d := lre(c.icpt, r[c.key+"_intercept"].(float64)); d < 8 {
			t.Errorf("%s intercept %.12g LRE %.1f", c.name, c.icpt, d)
		}
		for j, name := range preds {
			want := getF(r, c.key+"_coef", name).(float64)
			got := c.coef[j]
			ok := lre(got, want) >= 8
			if want == 0 {
				ok = got == 0
			}
			if !ok {
				t.Errorf("%s %s = %.15g, want %.15g", c.name, name, got, want)
			}
		}
	}
}

// regData is a regression problem: X from clfData (N(0,1) columns, the
// first five shifted and scaled so that centring and units matter), y a
// sparse linear combination plus N(0,1) noise.
func regData(n, p int) (*mat.Dense, []float64) {
	X, _ := clfData(n, p, 3)
	y := make([]float64, n)
	r := rand.New(rand.NewPCG(5, 9))
	for i := 0; i < n; i++ {
		row := X.RawRowView(i)
		for j := 0; j < 5 && j < p; j++ {
			row[j] = 10*row[j] + float64(j)
		}
		y[i] = 1 + 0.3*row[0] - 0.2*row[1] + 2*row[5%p] + r.NormFloat64()
	}
	return X, y
}

func BenchmarkLinearPenalized100kx20(b *testing.B) {
	X, y := regData(100000, 20)
	for _, c := range []struct {
		name string
		m    Estimator
	}{{"Ridge", &Ridge{Alpha: 1}}, {"Lasso", &Lasso{Alpha: 0.1}}, {"ElasticNet", &ElasticNet{Alpha: 0.1, L1Ratio: 0.5}}} {
		b.Run(c.name, func(b *testing.B) {
			t0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if err := c.m.FitXY(X, y); err != nil {
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
