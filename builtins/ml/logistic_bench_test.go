package ml

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// go test -run XXX -bench 'Logistic(Fit|CV|Pass)' -benchtime 20x ./builtins/ml/
//
// cpu-ms/op is the process's user+system CPU time per operation (less
// disturbed than wall time by other processes on a shared machine).

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, c0 time.Duration) {
	b.ReportMetric(float64((cpuNow()-c0).Microseconds())/float64(b.N)/1000, "cpu-ms/op")
}

// BenchmarkLogisticFit fits sklearn's default logistic regression (L2,
// C = 1) to the clf.csv shape (100k × 20).
func BenchmarkLogisticFit(b *testing.B) {
	X, y := benchData()
	b.ResetTimer()
	c0 := cpuNow()
	for i := 0; i < b.N; i++ {
		if err := NewLogisticRegression().FitXY(X, y); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, c0)
}

// BenchmarkLogisticCV is bench/ml's 5-fold cross-validation of it.
func BenchmarkLogisticCV(b *testing.B) {
	X, y := benchData()
	b.ResetTimer()
	c0 := cpuNow()
	for i := 0; i < b.N; i++ {
		if _, err := CrossValidateXY(NewLogisticRegression(), X, y, 5, 1, "accuracy"); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, c0)
}

// BenchmarkLogisticPass times one data pass on one core: gradient, with
// the objective, with the Hessian.
func BenchmarkLogisticPass(b *testing.B) {
	X, y := benchData()
	n, p := X.Dims()
	beta := make([]float64, p+1)
	for j := range beta {
		beta[j] = 0.1
	}
	g := make([]float64, p+1)
	h := make([]float64, (p+1)*(p+1))
	s := newBinSolver(binDataOf(X, y), 1, true)
	s.workers = 1
	for _, c := range []struct {
		name string
		f    bool
		h    []float64
	}{{"grad", false, nil}, {"objective", true, nil}, {"hessian", true, h}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s.pass(beta, c.f, g, c.h)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
		})
	}
}

var _ = fmt.Sprint
