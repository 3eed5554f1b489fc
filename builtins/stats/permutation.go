package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// PermTest2 is a two-sample permutation test of H₀: x and y come from the
// same distribution, with statistic mean(x) - mean(y) ("mean", default) or
// median(x) - median(y) ("median"). The group labels are shuffled R times
// (BootOpt.R, default 9999) on all cores with reproducible per-chunk random
// streams, and p = (1 + #{T* at least as extreme as T})/(R + 1) (Phipson &
// Smyth 2010), two-sided on |T| unless Opt.Alternative says otherwise.
func PermTest2(x, y []float64, stat string, bo BootOpt, opts ...Opt) (*HTest, error) {
	o, err := getOpt("PermTest2", opts)
	if err != nil {
		return nil, err
	}
	bo.norm(9999)
	vx, nax, err := clean("PermTest2", "x", x, 1)
	if err != nil {
		return nil, err
	}
	vy, nay, err := clean("PermTest2", "y", y, 1)
	if err != nil {
		return nil, err
	}
	var f func([]float64) float64
	switch stat {
	case "", "mean":
		stat = "mean"
		f, _ = statFunc("mean")
	case "median":
		f, _ = statFunc("median")
	default:
		return nil, inputErr("PermTest2", "stat", "is %q", `use "mean" or "median"`, stat)
	}
	nx := len(vx)
	all := append(append([]float64(nil), vx...), vy...)
	diff := func(v []float64, scratch []float64) float64 {
		copy(scratch, v[:nx])
		a := f(scratch[:nx])
		copy(scratch, v[nx:])
		return a - f(scratch[:len(v)-nx])
	}
	scratch := make([]float64, len(all))
	obs := diff(all, scratch)
	counts := make([]int, (bo.R+chunkSize-1)/chunkSize)
	tol := 1e-12 * math.Max(1, math.Abs(obs))
	err = parallelChunks("permutations", bo, func(lo, hi int, r *rand.Rand) {
		v := append([]float64(nil), all...)
		s := make([]float64, len(v))
		c := 0
		for i := lo; i < hi; i++ {
			r.Shuffle(len(v), func(a, b int) { v[a], v[b] = v[b], v[a] })
			t := diff(v, s)
			if asExtreme(t, obs, tol, o.Alternative) {
				c++
			}
		}
		counts[lo/chunkSize] = c
	})
	if err != nil {
		return nil, err
	}
	ext := 0
	for _, c := range counts {
		ext += c
	}
	h := newHTest(o)
	h.Method = fmt.Sprintf("Two-sample permutation test (difference in %ss, %d permutations, seed %d)", stat, bo.R, bo.Seed)
	if h.Data == "" {
		h.Data = "x and y"
	}
	h.StatName, h.Statistic = "difference", obs
	h.PValue = float64(1+ext) / float64(bo.R+1)
	h.NullName, h.NullValue = "difference in "+stat+"s", 0
	h.Alternative = o.Alternative
	h.N = []int{nx, len(vy)}
	h.Dropped = nax + nay
	h.subject = "the difference in " + stat + "s of " + num(obs, 4)
	h.report = "difference = " + num(obs, 4)
	return h, nil
}

// PermTestPaired is a paired permutation (sign-flip) test of H₀: the
// differences x - y are symmetric about 0, with statistic mean(x - y). The
// signs of the differences are flipped at random R times (BootOpt.R,
// default 9999) with reproducible per-chunk streams; p = (1 + #{T* at least
// as extreme})/(R + 1). Pairs with a NaN are dropped.
func PermTestPaired(x, y []float64, bo BootOpt, opts ...Opt) (*HTest, error) {
	o, err := getOpt("PermTestPaired", opts)
	if err != nil {
		return nil, err
	}
	bo.norm(9999)
	xs, ys, na, err := pairClean("PermTestPaired", x, y, 1)
	if err != nil {
		return nil, err
	}
	d := make([]float64, len(xs))
	for i := range xs {
		d[i] = xs[i] - ys[i]
	}
	mean := func(v []float64) float64 { return sumComp(v) / float64(len(v)) }
	obs := mean(d)
	tol := 1e-12 * math.Max(1, math.Abs(obs))
	counts := make([]int, (bo.R+chunkSize-1)/chunkSize)
	err = parallelChunks("permutations", bo, func(lo, hi int, r *rand.Rand) {
		c := 0
		for i := lo; i < hi; i++ {
			s := 0.0
			for _, v := range d {
				if r.Uint64()&1 == 1 {
					s -= v
				} else {
					s += v
				}
			}
			t := s / float64(len(d))
			if asExtreme(t, obs, tol, o.Alternative) {
				c++
			}
		}
		counts[lo/chunkSize] = c
	})
	if err != nil {
		return nil, err
	}
	ext := 0
	for _, c := range counts {
		ext += c
	}
	h := newHTest(o)
	h.Method = fmt.Sprintf("Paired permutation test (mean difference, %d sign flips, seed %d)", bo.R, bo.Seed)
	if h.Data == "" {
		h.Data = "x and y"
	}
	h.StatName, h.Statistic = "mean difference", obs
	h.PValue = float64(1+ext) / float64(bo.R+1)
	h.NullName, h.NullValue = "mean difference", 0
	h.Alternative = o.Alternative
	h.N = []int{len(d)}
	h.Dropped = na
	h.subject = "the mean difference of " + num(obs, 4)
	h.report = "mean difference = " + num(obs, 4)
	return h, nil
}

// asExtreme reports whether a permuted statistic t is at least as extreme
// as the observed obs in the direction of the alternative (with a
// tolerance tol for ties lost to rounding).
func asExtreme(t, obs, tol float64, alt string) bool {
	switch alt {
	case Greater:
		return t >= obs-tol
	case Less:
		return t <= obs+tol
	}
	return math.Abs(t) >= math.Abs(obs)-tol
}
