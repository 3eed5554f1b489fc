package kernel

import (
	"context"
	"testing"
	"time"
)

// Per-cell overhead of the kernel (split, plan, interpreter call, capture
// flush, display) for trivial cells; the target is ≤ 1 ms.

func BenchmarkEvalExpr(b *testing.B) {
	s, err := NewSession(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if r := s.Eval(ctx, "1+1", nil); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkEvalDefine(b *testing.B) {
	s, err := NewSession(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if r := s.Eval(ctx, "x := 1", nil); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkEvalFibCell(b *testing.B) {
	s, err := NewSession(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for b.Loop() {
		if r := s.Eval(ctx, "func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }; fib(15)", nil); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkNewSession(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := NewSession(Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkComplete(b *testing.B) {
	s, err := NewSession(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.Eval(context.Background(), "xs := []float64{1, 2}", nil)
	for b.Loop() {
		s.Complete("strings.Has", len("strings.Has"))
	}
}

// BenchmarkInterruptLatency measures the time from cancelling a running
// `for {}` cell to Eval returning (reported as latency-ns/op).
func BenchmarkInterruptLatency(b *testing.B) {
	s, err := NewSession(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var total time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		var cancelled time.Time
		time.AfterFunc(5*time.Millisecond, func() {
			cancelled = time.Now()
			cancel()
		})
		r := s.Eval(ctx, "for {}", nil)
		total += time.Since(cancelled)
		if r.Err == nil || r.Err.Kind != Interrupted {
			b.Fatal(r.Err)
		}
	}
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "latency-ns/op")
}
