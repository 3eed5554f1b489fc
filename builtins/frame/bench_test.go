package frame_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// The benchmarks use big.csv from bench/gen (see bench/RESULTS.md):
//
//	go run ./bench/gen -out /tmp/gostat-bench
//	GOSTAT_BENCH_DIR=/tmp/gostat-bench go test -run XXX -bench . ./builtins/frame

func benchFile(b *testing.B) string {
	dir := os.Getenv("GOSTAT_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "gostat-bench")
	}
	p := filepath.Join(dir, "big.csv")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("%s missing: run go run ./bench/gen -out %s", p, dir)
	}
	return p
}

var (
	bigOnce  sync.Once
	bigFrame *frame.Frame
)

func big(b *testing.B) *frame.Frame {
	p := benchFile(b)
	bigOnce.Do(func() {
		f, err := frame.ReadCSV(p)
		if err != nil {
			b.Fatal(err)
		}
		bigFrame = f
	})
	return bigFrame
}

func BenchmarkReadCSV(b *testing.B) {
	p := benchFile(b)
	for i := 0; i < b.N; i++ {
		if _, err := frame.ReadCSV(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGroupByMean(b *testing.B) {
	f := big(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.GroupBy("cat").Mean("col0", "col1", "col2", "col3", "col4", "col5", "col6", "col7")
	}
}

func BenchmarkDescribe(b *testing.B) {
	f := big(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Describe()
	}
}

func BenchmarkSortFloat(b *testing.B) {
	f := big(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Sort("col3")
	}
}

func BenchmarkOrderFloat(b *testing.B) {
	f := big(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Order("col3")
	}
}

func BenchmarkMedian(b *testing.B) {
	f := big(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Median("col3")
	}
}
