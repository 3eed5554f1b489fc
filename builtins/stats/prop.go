package stats

import (
	"fmt"
	"math"
)

// PropTest tests proportions like R's prop.test(x, n, p): with one group,
// H₀: π = p (p = nil means 0.5) with the Wilson score interval (with
// continuity correction); with k ≥ 2 groups and p = nil, H₀: all πᵢ are
// equal, with a Newcombe-style Wald interval for the difference when k = 2;
// with k ≥ 2 groups and given p, H₀: πᵢ = pᵢ. The statistic is Pearson's X²
// on the k×2 table of successes and failures, with Yates' continuity
// correction for k ≤ 2 unless Opt.NoCorrect. One-sided alternatives (k ≤ 2)
// use the signed square root of X² as a normal deviate.
func PropTest(x, n []float64, p []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("PropTest", opts)
	if err != nil {
		return nil, err
	}
	k := len(x)
	if k == 0 {
		return nil, inputErr("PropTest", "x", "is empty", "pass counts of successes")
	}
	if len(n) != k {
		return nil, inputErr("PropTest", "x and n", "have different lengths (%d and %d)", "give one number of trials per group", k, len(n))
	}
	for i := range x {
		switch {
		case !(n[i] > 0) || math.IsInf(n[i], 0):
			return nil, inputErr("PropTest", "n", "entry %d is %g", "trials must be positive", i+1, n[i])
		case !(x[i] >= 0) || x[i] > n[i]:
			return nil, inputErr("PropTest", "x", "entry %d is %g; it must be between 0 and n = %g", "", i+1, x[i], n[i])
		}
	}
	if k == 1 && p == nil {
		p = []float64{0.5}
	}
	if p != nil {
		if len(p) != k {
			return nil, inputErr("PropTest", "p", "has %d values for %d groups", "", len(p), k)
		}
		for i, v := range p {
			if !(v > 0 && v < 1) {
				return nil, inputErr("PropTest", "p", "entry %d is %g", "null proportions must be strictly between 0 and 1", i+1, v)
			}
		}
	}
	if k > 2 && o.Alternative != TwoSided {
		return nil, inputErr("PropTest", "Alternative", "is %q", "one-sided tests need 1 or 2 groups", o.Alternative)
	}
	est := make([]float64, k)
	for i := range x {
		est[i] = x[i] / n[i]
	}
	yates := 0.0
	if !o.NoCorrect && k <= 2 {
		yates = 0.5
	}
	h := newHTest(o)
	zq := func() float64 {
		if o.Alternative == TwoSided {
			return stdNormalQuantile((1+o.ConfLevel)/2, true)
		}
		return stdNormalQuantile(o.ConfLevel, true)
	}
	var delta float64
	if k == 1 {
		z := zq()
		yates = math.Min(yates, math.Abs(x[0]-n[0]*p[0]))
		z22n := z * z / (2 * n[0])
		pc := est[0] + yates/n[0]
		pu := 1.0
		if pc < 1 {
			pu = (pc + z22n + z*math.Sqrt(pc*(1-pc)/n[0]+z22n/(2*n[0]))) / (1 + 2*z22n)
		}
		pc = est[0] - yates/n[0]
		pl := 0.0
		if pc > 0 {
			pl = (pc + z22n - z*math.Sqrt(pc*(1-pc)/n[0]+z22n/(2*n[0]))) / (1 + 2*z22n)
		}
		switch o.Alternative {
		case Less:
			h.ConfInt = [2]float64{0, math.Min(pu, 1)}
		case Greater:
			h.ConfInt = [2]float64{math.Max(pl, 0), 1}
		default:
			h.ConfInt = [2]float64{math.Max(pl, 0), math.Min(pu, 1)}
		}
	} else if k == 2 && p == nil {
		delta = est[0] - est[1]
		yates = math.Min(yates, math.Abs(delta)/(1/n[0]+1/n[1]))
		width := zq()*math.Sqrt(est[0]*(1-est[0])/n[0]+est[1]*(1-est[1])/n[1]) + yates*(1/n[0]+1/n[1])
		switch o.Alternative {
		case Less:
			h.ConfInt = [2]float64{-1, math.Min(delta+width, 1)}
		case Greater:
			h.ConfInt = [2]float64{math.Max(delta-width, -1), 1}
		default:
			h.ConfInt = [2]float64{math.Max(delta-width, -1), math.Min(delta+width, 1)}
		}
	}
	var df float64
	pp := make([]float64, k)
	if p == nil {
		sx, sn := 0.0, 0.0
		for i := range x {
			sx += x[i]
			sn += n[i]
		}
		for i := range pp {
			pp[i] = sx / sn
		}
		df = float64(k - 1)
	} else {
		copy(pp, p)
		df = float64(k)
	}
	if pp[0] == 0 || pp[0] == 1 {
		return nil, inputErr("PropTest", "x", "has every group at proportion %g", "the test is undefined when all trials succeed or all fail", pp[0])
	}
	stat := 0.0
	minE := math.Inf(1)
	for i := range x {
		e1, e2 := n[i]*pp[i], n[i]*(1-pp[i])
		d1 := math.Abs(x[i]-e1) - yates
		d2 := math.Abs(n[i]-x[i]-e2) - yates
		stat += d1*d1/e1 + d2*d2/e2
		minE = math.Min(minE, math.Min(e1, e2))
	}
	if o.Alternative == TwoSided {
		h.PValue = ChiSquared{df}.Survival(stat)
	} else {
		var z float64
		if k == 1 {
			z = math.Copysign(math.Sqrt(stat), est[0]-p[0])
		} else {
			z = math.Copysign(math.Sqrt(stat), delta)
		}
		if est[0]-pp[0] == 0 && k == 1 || k == 2 && delta == 0 {
			z = 0
		}
		t := stdNormalTails(z)
		if o.Alternative == Less {
			h.PValue = t.lo
		} else {
			h.PValue = t.up
		}
	}
	corr := "without"
	if yates != 0 {
		corr = "with"
	}
	if k == 1 {
		h.Method = "1-sample proportions test " + corr + " continuity correction"
	} else if p == nil {
		h.Method = fmt.Sprintf("%d-sample test for equality of proportions %s continuity correction", k, corr)
	} else {
		h.Method = fmt.Sprintf("%d-sample test for given proportions %s continuity correction", k, corr)
	}
	if h.Data == "" {
		h.Data = "x out of n"
	}
	h.StatName, h.Statistic = "X-squared", stat
	h.ParamNames, h.Params = []string{"df"}, []float64{df}
	if k == 1 {
		h.EstNames = []string{"p"}
		h.NullName, h.NullValue = "p", p[0]
		h.subject = "the difference from p = " + rNum(p[0])
	} else {
		for i := range est {
			h.EstNames = append(h.EstNames, fmt.Sprintf("prop %d", i+1))
		}
		h.subject = "the difference between the proportions"
		h.h1 = "proportions are not all equal"
	}
	h.Estimate = est
	h.Alternative = o.Alternative
	h.report = fmt.Sprintf("χ²(%s) = %s", rNum(df), num(stat, 3))
	if k == 2 {
		hh := 2*math.Asin(math.Sqrt(est[0])) - 2*math.Asin(math.Sqrt(est[1]))
		h.Effect = &Effect{Name: "Cohen's h", Value: hh, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: cohenMagnitude(hh)}
	}
	chk := Check{Assumption: "expected counts ≥ 5", Method: "smallest expected count", Value: minE, Detail: "= " + num(minE, 3), OK: minE >= 5}
	if !chk.OK {
		chk.Suggestion = "use BinomTest (one group) or FisherTest (two groups)"
		h.Notes = append(h.Notes, "Chi-squared approximation may be incorrect")
	}
	h.Checks = []Check{chk}
	return h, nil
}
