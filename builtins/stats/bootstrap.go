package stats

import (
	"fmt"
	inum "github.com/gostat/gostat/builtins/internal/num"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/display"
)

// BootOpt are the options of resampling methods. The zero value means
// R = 2000 resamples (9999 permutations for permutation tests), seed 1,
// 95 % confidence.
type BootOpt struct {
	R         int     // number of resamples / permutations
	Seed      uint64  // seed of the random streams (0 means 1)
	ConfLevel float64 // confidence level of intervals (0 means 0.95)
	Workers   int     // goroutines (0 means all cores); results do not depend on it
}

func (o *BootOpt) norm(defR int) {
	if o.R <= 0 {
		o.R = defR
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.ConfLevel == 0 {
		o.ConfLevel = 0.95
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
}

// chunkSize is the number of replicates drawn from one random stream.
// Chunk i always uses stream i, so results are identical for any number of
// workers.
const chunkSize = 250

// parallelChunks runs work(chunk, lo, hi, rng) over the replicate range
// [0, R) split into chunks, on o.Workers goroutines, reporting progress and
// stopping early when the cell is interrupted.
func parallelChunks(task string, o BootOpt, work func(lo, hi int, r *rand.Rand)) error {
	nchunks := (o.R + chunkSize - 1) / chunkSize
	next := make(chan int, nchunks)
	for c := 0; c < nchunks; c++ {
		next <- c
	}
	close(next)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	ctx := cell.Context()
	for w := 0; w < o.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				if ctx.Err() != nil {
					return
				}
				lo := c * chunkSize
				hi := min(lo+chunkSize, o.R)
				work(lo, hi, streamRand(o.Seed, c))
				mu.Lock()
				done += hi - lo
				d := done
				mu.Unlock()
				if d%(chunkSize*8) == 0 || d == o.R {
					cell.Progress(task, d, o.R)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("stats: %s interrupted after %d of %d resamples: %w", task, done, o.R, err)
	}
	return nil
}

// BootResult is a bootstrap estimate with its replicates and confidence
// intervals.
type BootResult struct {
	Statistic  string    // what was bootstrapped
	Estimate   float64   // the statistic on the data
	Replicates []float64 // the R bootstrap replicates, in resample order
	Bias       float64   // mean(replicates) - estimate
	SE         float64   // sd of the replicates
	Percentile [2]float64
	BCa        [2]float64 // bias-corrected and accelerated interval (Efron 1987)
	ConfLevel  float64
	R          int
	Seed       uint64
	N          int
	Dropped    int
}

// statFunc returns a fast compiled statistic and whether it reorders its
// argument (then it gets a scratch copy).
func statFunc(name string) (func([]float64) float64, error) {
	switch name {
	case "mean", "":
		return func(v []float64) float64 {
			s := 0.0
			for _, t := range v {
				s += t
			}
			return s / float64(len(v))
		}, nil
	case "median":
		return func(v []float64) float64 { return inum.QuantilesInPlace(v, []float64{0.5})[0] }, nil
	case "sd":
		return func(v []float64) float64 { _, ss := meanSS(v); return math.Sqrt(ss / float64(len(v)-1)) }, nil
	case "var":
		return func(v []float64) float64 { _, ss := meanSS(v); return ss / float64(len(v)-1) }, nil
	case "iqr":
		return func(v []float64) float64 { q := inum.QuantilesInPlace(v, []float64{0.25, 0.75}); return q[1] - q[0] }, nil
	case "mad":
		return func(v []float64) float64 {
			med := inum.QuantilesInPlace(v, []float64{0.5})[0]
			for i, t := range v {
				v[i] = math.Abs(t - med)
			}
			return 1.4826 * inum.QuantilesInPlace(v, []float64{0.5})[0]
		}, nil
	}
	return nil, inputErr("Bootstrap", "stat", "is %q", `use "mean", "median", "sd", "var", "iqr" or "mad", or BootstrapFunc for your own statistic`, name)
}

// Bootstrap resamples x (NaN dropped) with replacement R times and
// computes a built-in statistic ("mean", "median", "sd", "var", "iqr",
// "mad") on each resample, in compiled code on all cores. Resample i of
// chunk c uses PCG stream c of the seed, so results are reproducible and do
// not depend on the number of cores. Intervals: percentile and BCa (with
// jackknife acceleration), both interpolated on the normal scale as R's
// boot.ci does (boot.ci's default influence values come from a regression
// on the resampling frequencies; for linear statistics such as the mean the
// two agree, for others BCa limits can differ in the third digit).
func Bootstrap(x []float64, stat string, opts ...BootOpt) (*BootResult, error) {
	f, err := statFunc(stat)
	if err != nil {
		return nil, err
	}
	if stat == "" {
		stat = "mean"
	}
	return bootstrap("Bootstrap", x, stat, f, true, opts)
}

// BootstrapFunc is Bootstrap with a statistic of your own, e.g.
// func(v []float64) float64 { return v[0] } — an interpreted function at the
// prompt runs slower than the built-in statistics but gives the same
// reproducible results. f must not keep or modify its argument.
func BootstrapFunc(x []float64, f func([]float64) float64, opts ...BootOpt) (*BootResult, error) {
	if f == nil {
		return nil, inputErr("BootstrapFunc", "f", "is nil", "pass a function of a []float64")
	}
	return bootstrap("BootstrapFunc", x, "user statistic", f, false, opts)
}

func bootstrap(fn string, x []float64, name string, f func([]float64) float64, compiled bool, opts []BootOpt) (*BootResult, error) {
	var o BootOpt
	if len(opts) > 0 {
		o = opts[0]
	}
	o.norm(2000)
	if !(o.ConfLevel > 0 && o.ConfLevel < 1) {
		return nil, inputErr(fn, "ConfLevel", "is %g", "use a level between 0 and 1", o.ConfLevel)
	}
	v, na, err := clean(fn, "x", x, 2)
	if err != nil {
		return nil, err
	}
	n := len(v)
	if !compiled {
		// an interpreted callback is not safe to run concurrently
		o.Workers = 1
	}
	est := f(append([]float64(nil), v...))
	reps := make([]float64, o.R)
	err = parallelChunks("bootstrap", o, func(lo, hi int, r *rand.Rand) {
		buf := make([]float64, n)
		for i := lo; i < hi; i++ {
			for j := range buf {
				buf[j] = v[r.IntN(n)]
			}
			reps[i] = f(buf)
		}
	})
	if err != nil {
		return nil, err
	}
	b := &BootResult{Statistic: name, Estimate: est, Replicates: reps, ConfLevel: o.ConfLevel, R: o.R, Seed: o.Seed, N: n, Dropped: na}
	m, ss := meanSS(reps)
	b.Bias = m - est
	b.SE = math.Sqrt(ss / float64(o.R-1))
	jack := make([]float64, n)
	buf := make([]float64, n-1)
	for i := range v {
		copy(buf, v[:i])
		copy(buf[i:], v[i+1:])
		jack[i] = f(buf)
	}
	b.Percentile, b.BCa = bootIntervals(reps, est, jack, o.ConfLevel)
	return b, nil
}

// bootIntervals returns the percentile and BCa intervals of replicates
// reps of an estimate est, with jackknife values jack for the acceleration
// a = Σ(θ̄-θ₍ᵢ₎)³/(6(Σ(θ̄-θ₍ᵢ₎)²)^{3/2}) and bias correction
// z0 = Φ⁻¹(#{θ* < θ̂}/R), as R's boot.ci(type = c("perc", "bca")).
func bootIntervals(reps []float64, est float64, jack []float64, conf float64) (perc, bca [2]float64) {
	sorted := append([]float64(nil), reps...)
	sort.Float64s(sorted)
	alpha := (1 - conf) / 2
	perc = [2]float64{normInter(sorted, alpha), normInter(sorted, 1-alpha)}
	below := 0
	for _, t := range reps {
		if t < est {
			below++
		}
	}
	z0 := stdNormalQuantile(float64(below)/float64(len(reps)), true)
	jm, _ := meanSS(jack)
	var s2, s3 float64
	for _, t := range jack {
		d := jm - t
		s2 += d * d
		s3 += d * d * d
	}
	a := 0.0
	if s2 > 0 {
		a = s3 / (6 * math.Pow(s2, 1.5))
	}
	if math.IsInf(z0, 0) || math.IsNaN(a) {
		return perc, [2]float64{math.NaN(), math.NaN()}
	}
	adj := func(p float64) float64 {
		z := stdNormalQuantile(p, true)
		return stdNormalTails(z0 + (z0+z)/(1-a*(z0+z))).lo
	}
	return perc, [2]float64{normInter(sorted, adj(alpha)), normInter(sorted, adj(1-alpha))}
}

// normInter is boot's norm.inter: the α quantile of sorted replicates,
// interpolating between order statistics on the normal-quantile scale at
// position (R+1)α.
func normInter(t []float64, alpha float64) float64 {
	R := len(t)
	rk := float64(R+1) * alpha
	k := math.Trunc(rk)
	switch {
	case k == rk && k >= 1 && k <= float64(R):
		return t[int(k)-1]
	case k == 0:
		return t[0]
	case k >= float64(R):
		return t[R-1]
	}
	tk := stdNormalQuantile(k/float64(R+1), true)
	tk1 := stdNormalQuantile((k+1)/float64(R+1), true)
	ta := stdNormalQuantile(alpha, true)
	lo, hi := t[int(k)-1], t[int(k)]
	return lo + (ta-tk)/(tk1-tk)*(hi-lo)
}

func (b *BootResult) text() string {
	var s strings.Builder
	fmt.Fprintf(&s, "Bootstrap of the %s (n = %d, R = %d resamples, seed %d)\n\n", b.Statistic, b.N, b.R, b.Seed)
	rows := []string{"estimate", "bias", "std. error"}
	vals := []float64{b.Estimate, b.Bias, b.SE}
	for i, r := range rows {
		fmt.Fprintf(&s, "%-11s %s\n", r, num(vals[i], 5))
	}
	fmt.Fprintf(&s, "\n%s%% confidence intervals:\n", rNum(100*b.ConfLevel))
	fmt.Fprintf(&s, "  percentile  (%s, %s)\n", num(b.Percentile[0], 5), num(b.Percentile[1], 5))
	fmt.Fprintf(&s, "  BCa         (%s, %s)\n", num(b.BCa[0], 5), num(b.BCa[1], 5))
	if b.Dropped > 0 {
		fmt.Fprintf(&s, "(%d missing values dropped)\n", b.Dropped)
	}
	return s.String()
}

// Display implements display.Displayer.
func (b *BootResult) Display(o display.Options) display.Bundle {
	if b == nil {
		return display.Text("boot", "<nil>\n")
	}
	return display.Text("boot", textFor(o, b.text()))
}

// String returns the plain-text display.
func (b *BootResult) String() string { return b.Display(display.Plain).Text }
