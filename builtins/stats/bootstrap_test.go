package stats

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/cell"
)

func jackknife(x []float64, f func([]float64) float64) []float64 {
	out := make([]float64, len(x))
	buf := make([]float64, len(x)-1)
	for i := range x {
		copy(buf, x[:i])
		copy(buf[i:], x[i+1:])
		out[i] = f(buf)
	}
	return out
}

// TestBootIntervalsR checks the interval arithmetic against R's boot.ci on
// the same replicates.
func TestBootIntervalsR(t *testing.T) {
	var r struct {
		X     []float64  `json:"x"`
		X2    []float64  `json:"x2"`
		T     []float64  `json:"t"`
		T0    float64    `json:"t0"`
		Perc  [2]float64 `json:"perc"`
		BCa   [2]float64 `json:"bca"`
		TM    []float64  `json:"tm"`
		T0M   float64    `json:"t0m"`
		PercM [2]float64 `json:"percm"`
		BCaM  [2]float64 `json:"bcam"`
	}
	readJSON(t, filepath.Join("testdata", "boot_R.json"), &r)
	mean, _ := statFunc("mean")
	perc, bca := bootIntervals(r.T, r.T0, jackknife(r.X, mean), 0.95)
	for i := 0; i < 2; i++ {
		near(t, "perc", perc[i], r.Perc[i], 1e-12)
		near(t, "bca", bca[i], r.BCa[i], 1e-12)
	}
	med, _ := statFunc("median")
	perc, bca = bootIntervals(r.TM, r.T0M, jackknife(r.X2, func(v []float64) float64 {
		return med(append([]float64(nil), v...))
	}), 0.95)
	for i := 0; i < 2; i++ {
		near(t, "perc median", perc[i], r.PercM[i], 1e-12)
		near(t, "bca median", bca[i], r.BCaM[i], 1e-12)
	}
}

func TestBootstrapReproducible(t *testing.T) {
	x := Normal{10, 2}.Rand(200, 7)
	a, err := Bootstrap(x, "mean", BootOpt{R: 1000, Seed: 3, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Bootstrap(x, "mean", BootOpt{R: 1000, Seed: 3, Workers: 4})
	for i := range a.Replicates {
		if a.Replicates[i] != b.Replicates[i] {
			t.Fatalf("replicate %d differs between 1 and 4 workers", i)
		}
	}
	c, _ := BootstrapFunc(x, func(v []float64) float64 {
		s := 0.0
		for _, t := range v {
			s += t
		}
		return s / float64(len(v))
	}, BootOpt{R: 1000, Seed: 3})
	for i := range a.Replicates {
		if math.Abs(a.Replicates[i]-c.Replicates[i]) > 1e-12 {
			t.Fatalf("user function replicate %d differs: %v vs %v", i, a.Replicates[i], c.Replicates[i])
		}
	}
	// the standard error of a mean is about sd/√n
	if se := 2 / math.Sqrt(200); math.Abs(a.SE-se)/se > 0.15 {
		t.Errorf("bootstrap SE %v far from %v", a.SE, se)
	}
	if !(a.Percentile[0] < a.Estimate && a.Estimate < a.Percentile[1]) {
		t.Errorf("percentile interval %v does not cover %v", a.Percentile, a.Estimate)
	}
	if _, err := Bootstrap(x, "mode"); err == nil {
		t.Error("unknown statistic accepted")
	}
}

func TestBootstrapInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	restore := cell.Bind(cell.Hooks{Ctx: ctx})
	defer restore()
	_, err := Bootstrap(Normal{0, 1}.Rand(100, 1), "mean", BootOpt{R: 100000})
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("err = %v", err)
	}
}
