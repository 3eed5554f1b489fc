package stats

import (
	"math"
	"math/rand/v2"
)

// nonInt reports whether x is not (within R's tolerance) an integer.
func nonInt(x float64) bool {
	return math.Abs(x-math.Round(x)) > 1e-7*math.Max(1, math.Abs(x))
}

// discreteQuantile returns the quantile of a discrete distribution on the
// integers of [lo, hi] as R's q-functions define it: for the lower tail the
// smallest x with P(X ≤ x) ≥ p, for the upper tail the smallest x with
// P(X > x) ≤ p, each with a fuzz of 64 ulps against rounding. guess is a
// starting point (a normal approximation).
func discreteQuantile(p float64, lower bool, lo, hi, guess float64, tf func(float64) tails) float64 {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	var cond func(y float64) bool
	if lower {
		if p == 0 {
			return lo
		}
		if p+1.01*dblEps >= 1 {
			return hi
		}
		pf := p * (1 - 64*dblEps)
		cond = func(y float64) bool { return tf(y).lo >= pf }
	} else {
		if p == 1 {
			return lo
		}
		if p == 0 {
			return hi
		}
		pf := p * (1 + 64*dblEps)
		cond = func(y float64) bool { return tf(y).up <= pf }
	}
	if math.IsNaN(guess) || math.IsInf(guess, 0) {
		guess = lo
	}
	y := math.Max(lo, math.Min(hi, math.Round(guess)))
	var a, b float64 // cond(a) false, cond(b) true
	if cond(y) {
		b = y
		step := 1.0
		for {
			a = b - step
			if a < lo {
				if cond(lo) {
					return lo
				}
				a = lo
				break
			}
			if !cond(a) {
				break
			}
			b = a
			step *= 2
		}
	} else {
		a = y
		step := 1.0
		for {
			b = a + step
			if b >= hi {
				b = hi
				if !cond(b) {
					return hi
				}
				break
			}
			if cond(b) {
				break
			}
			a = b
			step *= 2
		}
	}
	for b-a > 1 {
		m := math.Floor((a + b) / 2)
		if cond(m) {
			b = m
		} else {
			a = m
		}
	}
	return b
}

// Binomial is the binomial distribution of the number of successes in N
// independent trials with success probability P:
//
//	P(X = k) = C(n,k) pᵏ(1-p)ⁿ⁻ᵏ, k = 0…n.
//
// The pmf uses Loader's saddle-point algorithm; P(X ≤ k) = I_{1-p}(n-k, k+1)
// with the smaller tail computed directly.
type Binomial struct {
	N, P float64
}

func (d Binomial) ok() bool {
	return d.N >= 0 && !nonInt(d.N) && d.P >= 0 && d.P <= 1
}

func (d Binomial) tl(x float64) tails {
	if !d.ok() || math.IsNaN(x) {
		return tailsNaN
	}
	n := math.Round(d.N)
	k := math.Floor(x + 1e-7)
	switch {
	case k < 0:
		return tailsZero
	case k >= n:
		return tailsOne
	}
	return betaInc(1-d.P, d.P, n-k, k+1)
}

func (d Binomial) lpdf(x float64) float64 {
	if !d.ok() {
		return math.NaN()
	}
	if nonInt(x) || x < 0 {
		return math.Inf(-1)
	}
	return dbinomRawLog(math.Round(x), math.Round(d.N), d.P, 1-d.P)
}

func (d Binomial) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d Binomial) q(p float64, lower bool) float64 {
	if !d.ok() {
		return math.NaN()
	}
	n := math.Round(d.N)
	mu := n * d.P
	sigma := math.Sqrt(n * d.P * (1 - d.P))
	z := stdNormalQuantile(p, lower)
	return discreteQuantile(p, lower, 0, n, mu+sigma*z, d.tl)
}

func binomDraw(r *rand.Rand, n float64, p float64) float64 {
	if p <= 0 || n <= 0 {
		return 0
	}
	if p >= 1 {
		return n
	}
	if n < 64 {
		c := 0.0
		for i := 0; i < int(n); i++ {
			if r.Float64() < p {
				c++
			}
		}
		return c
	}
	// Knuth's recursive beta split (TAOCP vol. 2, 3.4.1 F).
	a := math.Floor(1 + n/2)
	b := n + 1 - a
	x := gammaDraw(r, a)
	x = x / (x + gammaDraw(r, b))
	if x >= p {
		return binomDraw(r, a-1, p/x)
	}
	return a + binomDraw(r, b-1, (p-x)/(1-x))
}

func (d Binomial) draw(r *rand.Rand) float64 { return binomDraw(r, math.Round(d.N), d.P) }

// Mean returns np.
func (d Binomial) Mean() float64 { return d.N * d.P }

// Variance returns np(1-p).
func (d Binomial) Variance() float64 { return d.N * d.P * (1 - d.P) }

// Poisson is the Poisson distribution with mean Lambda ≥ 0:
// P(X = k) = λᵏe^{-λ}/k!. P(X ≤ k) = Q(k+1, λ), the upper regularized
// incomplete gamma function.
type Poisson struct {
	Lambda float64
}

func (d Poisson) tl(x float64) tails {
	if !(d.Lambda >= 0) || math.IsNaN(x) {
		return tailsNaN
	}
	k := math.Floor(x + 1e-7)
	if k < 0 {
		return tailsZero
	}
	if d.Lambda == 0 || math.IsInf(k, 1) {
		return tailsOne
	}
	return gammaInc(k+1, d.Lambda).swap()
}

func (d Poisson) lpdf(x float64) float64 {
	if !(d.Lambda >= 0) {
		return math.NaN()
	}
	if nonInt(x) || x < 0 {
		return math.Inf(-1)
	}
	return dpoisRawLog(math.Round(x), d.Lambda)
}

func (d Poisson) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d Poisson) q(p float64, lower bool) float64 {
	if !(d.Lambda >= 0) {
		return math.NaN()
	}
	if d.Lambda == 0 {
		return 0
	}
	z := stdNormalQuantile(p, lower)
	return discreteQuantile(p, lower, 0, math.Inf(1), d.Lambda+math.Sqrt(d.Lambda)*z, d.tl)
}

func poisDraw(r *rand.Rand, lambda float64) float64 {
	if lambda <= 0 {
		return 0
	}
	if lambda < 30 {
		l := math.Exp(-lambda)
		k := 0.0
		prod := r.Float64()
		for prod > l {
			k++
			prod *= r.Float64()
		}
		return k
	}
	// Knuth's gamma split (TAOCP vol. 2, 3.4.1 F).
	m := math.Floor(0.875 * lambda)
	x := gammaDraw(r, m)
	if x < lambda {
		return m + poisDraw(r, lambda-x)
	}
	return binomDraw(r, m-1, lambda/x)
}

func (d Poisson) draw(r *rand.Rand) float64 { return poisDraw(r, d.Lambda) }

// Mean returns λ.
func (d Poisson) Mean() float64 { return d.Lambda }

// Variance returns λ.
func (d Poisson) Variance() float64 { return d.Lambda }

// NegBinomial is the negative binomial distribution of the number of
// failures before the Size-th success in trials with success probability
// Prob (R's size, prob; Size may be non-integer):
//
//	P(X = k) = Γ(k+r)/(Γ(r) k!) pʳ(1-p)ᵏ.
//
// P(X ≤ k) = I_p(r, k+1).
type NegBinomial struct {
	Size, Prob float64
}

func (d NegBinomial) ok() bool { return d.Size > 0 && d.Prob > 0 && d.Prob <= 1 }

func (d NegBinomial) tl(x float64) tails {
	if !d.ok() || math.IsNaN(x) {
		return tailsNaN
	}
	k := math.Floor(x + 1e-7)
	if k < 0 {
		return tailsZero
	}
	if d.Prob == 1 || math.IsInf(k, 1) {
		return tailsOne
	}
	return betaInc(d.Prob, 1-d.Prob, d.Size, k+1)
}

func (d NegBinomial) lpdf(x float64) float64 {
	if !d.ok() {
		return math.NaN()
	}
	if nonInt(x) || x < 0 {
		return math.Inf(-1)
	}
	x = math.Round(x)
	if x == 0 {
		return d.Size * math.Log(d.Prob)
	}
	ans := dbinomRawLog(d.Size, x+d.Size, d.Prob, 1-d.Prob)
	return math.Log(d.Size/(d.Size+x)) + ans
}

func (d NegBinomial) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d NegBinomial) q(p float64, lower bool) float64 {
	if !d.ok() {
		return math.NaN()
	}
	mu := d.Size * (1 - d.Prob) / d.Prob
	sigma := math.Sqrt(mu / d.Prob)
	return discreteQuantile(p, lower, 0, math.Inf(1), mu+sigma*stdNormalQuantile(p, lower), d.tl)
}

func (d NegBinomial) draw(r *rand.Rand) float64 {
	if d.Prob == 1 {
		return 0
	}
	return poisDraw(r, gammaDraw(r, d.Size)*(1-d.Prob)/d.Prob)
}

// Mean returns r(1-p)/p.
func (d NegBinomial) Mean() float64 { return d.Size * (1 - d.Prob) / d.Prob }

// Variance returns r(1-p)/p².
func (d NegBinomial) Variance() float64 { return d.Size * (1 - d.Prob) / (d.Prob * d.Prob) }

// Hypergeometric is the distribution of the number of white balls in K
// draws without replacement from an urn of M white and N black balls (R's
// m, n, k):
//
//	P(X = x) = C(m,x) C(n,k-x) / C(m+n,k).
//
// The cdf sums the pmf from the nearer end, using term ratios.
type Hypergeometric struct {
	M, N, K float64
}

func (d Hypergeometric) ok() bool {
	return d.M >= 0 && d.N >= 0 && d.K >= 0 && d.K <= d.M+d.N && !nonInt(d.M) && !nonInt(d.N) && !nonInt(d.K)
}

func (d Hypergeometric) support() (lo, hi float64) {
	return math.Max(0, d.K-d.N), math.Min(d.K, d.M)
}

func (d Hypergeometric) lpdf(x float64) float64 {
	if !d.ok() {
		return math.NaN()
	}
	if nonInt(x) {
		return math.Inf(-1)
	}
	x = math.Round(x)
	lo, hi := d.support()
	if x < lo || x > hi {
		return math.Inf(-1)
	}
	m, n, k := math.Round(d.M), math.Round(d.N), math.Round(d.K)
	if k == 0 {
		return 0
	}
	p := k / (m + n)
	q := (m + n - k) / (m + n)
	return dbinomRawLog(x, m, p, q) + dbinomRawLog(k-x, n, p, q) - dbinomRawLog(k, m+n, p, q)
}

func (d Hypergeometric) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

// sumDown returns Σ_{i ≤ x} P(i)/P(x) (R's pdhyper).
func hyperSumDown(x, nr, nb, n float64) float64 {
	sum, term := 0.0, 1.0
	for x > 0 && term >= dblEps*sum {
		term *= x * (nb - n + x) / (n + 1 - x) / (nr + 1 - x)
		sum += term
		x--
	}
	return 1 + sum
}

func (d Hypergeometric) tl(x float64) tails {
	if !d.ok() || math.IsNaN(x) {
		return tailsNaN
	}
	x = math.Floor(x + 1e-7)
	lo, hi := d.support()
	if x < lo {
		return tailsZero
	}
	if x >= hi {
		return tailsOne
	}
	m, n, k := math.Round(d.M), math.Round(d.N), math.Round(d.K)
	if x*(m+n) > k*m {
		// upper tail P(X > x) = P(X' ≤ k-x-1) with colours swapped
		y := k - x - 1
		l := Hypergeometric{n, m, k}.lpdf(y) + math.Log(hyperSumDown(y, n, m, k))
		return tailsFromUpper(l)
	}
	l := d.lpdf(x) + math.Log(hyperSumDown(x, m, n, k))
	return tailsFromLower(l)
}

func (d Hypergeometric) q(p float64, lower bool) float64 {
	if !d.ok() {
		return math.NaN()
	}
	lo, hi := d.support()
	return discreteQuantile(p, lower, lo, hi, d.Mean(), d.tl)
}

func (d Hypergeometric) draw(r *rand.Rand) float64 { return d.q(r.Float64(), true) }

// Mean returns km/(m+n).
func (d Hypergeometric) Mean() float64 { return d.K * d.M / (d.M + d.N) }

// Variance returns k·(m/(m+n))·(n/(m+n))·(m+n-k)/(m+n-1).
func (d Hypergeometric) Variance() float64 {
	t := d.M + d.N
	return d.K * (d.M / t) * (d.N / t) * (t - d.K) / (t - 1)
}
