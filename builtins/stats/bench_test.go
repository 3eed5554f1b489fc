package stats

import "testing"

// Benchmarks on the shapes of ../shared/notes/benchmark-data.md:
//
//	go test -run '^$' -bench . -benchtime 20x ./builtins/stats/
func benchData(n int, seed uint64) []float64 { return Normal{5, 2}.Rand(n, seed) }

// BenchmarkWelch500k is the Welch t-test of col1's first vs second half
// (two samples of 500,000), without the assumption checks (which add a
// Shapiro-Wilk on a 5000-value limit and are skipped for large n).
func BenchmarkWelch500k(b *testing.B) {
	x, y := benchData(500000, 1), benchData(500000, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := TTest2(x, y, Opt{NoChecks: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWelch500kChecked includes the automatic assumption checks.
func BenchmarkWelch500kChecked(b *testing.B) {
	x, y := benchData(500000, 1), benchData(500000, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := TTest2(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDescribe1M(b *testing.B) {
	x := benchData(1000000, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Describe(x); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBootstrapMean10k(b *testing.B) {
	x := benchData(1000, 4)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Bootstrap(x, "mean", BootOpt{R: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMean1M(b *testing.B) {
	x := benchData(1000000, 5)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Mean(x)
	}
}

// BenchmarkFisherJob is fisher.test on R's 4×4 job-satisfaction example
// (n = 96), by the network enumeration.
func BenchmarkFisherJob(b *testing.B) {
	job := [][]float64{{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}}
	for i := 0; i < b.N; i++ {
		if _, err := fisherRxC(job); err != nil {
			b.Fatal(err)
		}
	}
}
