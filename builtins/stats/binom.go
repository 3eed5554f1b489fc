package stats

import (
	"fmt"
	"math"
)

// BinomTest performs the exact binomial test of H₀: P(success) = p (R's
// binom.test(x, n, p)): the two-sided p-value sums the probabilities of all
// outcomes no more likely than x (relative tolerance 1e-7); one-sided
// p-values are binomial tails. The confidence interval is Clopper–Pearson
// (beta quantiles). p = 0 means 0.5.
func BinomTest(x, n int, p float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("BinomTest", opts)
	if err != nil {
		return nil, err
	}
	if p == 0 {
		p = 0.5
	}
	switch {
	case n < 1:
		return nil, inputErr("BinomTest", "n", "is %d", "the number of trials must be at least 1", n)
	case x < 0 || x > n:
		return nil, inputErr("BinomTest", "x", "is %d; it must be between 0 and n = %d", "", x, n)
	case !(p > 0 && p < 1):
		return nil, inputErr("BinomTest", "p", "is %g", "the null probability must be between 0 and 1", p)
	}
	fx, fn := float64(x), float64(n)
	b := Binomial{fn, p}
	h := newHTest(o)
	h.Method = "Exact binomial test"
	if h.Data == "" {
		h.Data = fmt.Sprintf("%d and %d", x, n)
	}
	switch o.Alternative {
	case Less:
		h.PValue = b.CDF(fx)
	case Greater:
		h.PValue = b.Survival(fx - 1)
	default:
		d := b.PMF(fx)
		m := fn * p
		relErr := 1 + 1e-7
		switch {
		case fx == m:
			h.PValue = 1
		case fx < m:
			y := 0
			for i := math.Ceil(m); i <= fn; i++ {
				if b.PMF(i) <= d*relErr {
					y++
				}
			}
			h.PValue = b.CDF(fx) + b.Survival(fn-float64(y))
		default:
			y := 0
			for i := 0.0; i <= math.Floor(m); i++ {
				if b.PMF(i) <= d*relErr {
					y++
				}
			}
			h.PValue = b.CDF(float64(y-1)) + b.Survival(fx-1)
		}
		h.PValue = math.Min(1, h.PValue)
	}
	pL := func(alpha float64) float64 {
		if x == 0 {
			return 0
		}
		return Beta{fx, fn - fx + 1}.Quantile(alpha)
	}
	pU := func(alpha float64) float64 {
		if x == n {
			return 1
		}
		return Beta{fx + 1, fn - fx}.QuantileUpper(alpha)
	}
	switch o.Alternative {
	case Less:
		h.ConfInt = [2]float64{0, pU(1 - o.ConfLevel)}
	case Greater:
		h.ConfInt = [2]float64{pL(1 - o.ConfLevel), 1}
	default:
		a := (1 - o.ConfLevel) / 2
		h.ConfInt = [2]float64{pL(a), pU(a)}
	}
	h.StatName, h.Statistic = "number of successes", fx
	h.ParamNames, h.Params = []string{"number of trials"}, []float64{fn}
	h.EstNames, h.Estimate = []string{"probability of success"}, []float64{fx / fn}
	h.NullName, h.NullValue = "probability of success", p
	h.Alternative = o.Alternative
	h.N = []int{n}
	h.subject = "the difference between the observed proportion (" + num(fx/fn, 3) + ") and " + rNum(p)
	h.report = fmt.Sprintf("%d of %d", x, n)
	hh := 2*math.Asin(math.Sqrt(fx/fn)) - 2*math.Asin(math.Sqrt(p))
	h.Effect = &Effect{Name: "Cohen's h", Value: hh, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: cohenMagnitude(hh)}
	return h, nil
}
