package stats

import (
	"math"
	"math/rand/v2"
)

// Normal is the normal (Gaussian) distribution with mean Mu and standard
// deviation Sigma > 0:
//
//	f(x) = exp(-(x-μ)²/(2σ²)) / (σ√(2π)).
//
// Tail probabilities are computed directly from erfc with the rounding of
// x/√2 corrected, and in log scale by the asymptotic series beyond the
// underflow point, so CDF, Survival and their logs keep full relative
// accuracy far into the tails (e.g. Survival(37) = 5.7e-300, LogCDF(-40) =
// -804.6).
type Normal struct {
	Mu, Sigma float64
}

const (
	invSqrt2Hi    = 0.7071067811865476
	invSqrt2Lo    = -4.8336466567264565e-17
	twoOverSqrtPi = 1.1283791670955126
)

// normUpper returns log Q(z) and Q(z) = P(Z > z) for z ≥ 0.
func normUpper(z float64) (q, lq float64) {
	if z < 37.5 {
		h := z * invSqrt2Hi
		r := math.FMA(z, invSqrt2Hi, -h) + z*invSqrt2Lo
		e := math.Erfc(h)
		if e > 0 {
			e -= twoOverSqrtPi * math.Exp(-h*h) * r
			q = 0.5 * e
			if q > 1e-300 {
				return q, math.Log(q)
			}
		}
	}
	// log Q(z) = -z²/2 - log z - log√(2π) + log(1 - 1/z² + 3/z⁴ - 15/z⁶ …)
	p, pe := twoProd(z, z)
	s, term := 1.0, 1.0
	iz2 := 1 / (z * z)
	for k := 1; k < 50; k++ {
		nt := -term * float64(2*k-1) * iz2
		if math.Abs(nt) >= math.Abs(term) {
			break
		}
		term = nt
		s += term
		if math.Abs(term) < 1e-17*math.Abs(s) {
			break
		}
	}
	lq = -0.5*p - 0.5*pe - math.Log(z) - lnSqrt2Pi + math.Log(s)
	return math.Exp(lq), lq
}

func stdNormalTails(z float64) tails {
	switch {
	case math.IsNaN(z):
		return tailsNaN
	case math.IsInf(z, 1):
		return tailsOne
	case math.IsInf(z, -1):
		return tailsZero
	}
	if z >= 0 {
		q, lq := normUpper(z)
		return tails{1 - q, q, math.Log1p(-q), lq}
	}
	q, lq := normUpper(-z)
	return tails{q, 1 - q, lq, math.Log1p(-q)}
}

func (d Normal) ok() bool { return d.Sigma > 0 && !math.IsInf(d.Mu, 0) && !math.IsNaN(d.Mu) }

func (d Normal) tl(x float64) tails {
	if !d.ok() {
		return tailsNaN
	}
	return stdNormalTails((x - d.Mu) / d.Sigma)
}

// stdNormalLogPDF is log φ(z) with z² split exactly.
func stdNormalLogPDF(z float64) float64 {
	p, e := twoProd(z, z)
	return -lnSqrt2Pi - 0.5*p - 0.5*e
}

func (d Normal) lpdf(x float64) float64 {
	if !d.ok() {
		return math.NaN()
	}
	return stdNormalLogPDF((x-d.Mu)/d.Sigma) - math.Log(d.Sigma)
}

func (d Normal) pdf(x float64) float64 {
	if !d.ok() {
		return math.NaN()
	}
	z := (x - d.Mu) / d.Sigma
	p, e := twoProd(z, z)
	return math.Exp(-0.5*p) * math.Exp(-0.5*e) / (d.Sigma * 2.5066282746310002)
}

// stdNormalQuantile returns z with Φ(z) = p (lower) or 1-Φ(z) = p, by
// Acklam's rational first guess refined with Halley/Newton steps on Φ (or
// log Φ in the far tail), accurate to a few ulps down to p = 1e-300.
func stdNormalQuantile(p float64, lower bool) float64 {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	if p == 0 {
		if lower {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	if p == 1 {
		if lower {
			return math.Inf(1)
		}
		return math.Inf(-1)
	}
	// Work with the lower tail target t ≤ 0.5 and negate at the end.
	t, sign := p, 1.0
	if !lower {
		sign = -1
	}
	if t > 0.5 {
		t = 1 - t
		sign = -sign
	}
	if t == 0.5 {
		return 0
	}
	z := acklam(t)
	lt := math.Log(t)
	for i := 0; i < 60; i++ {
		q, lq := normUpper(-z) // lower tail at z < 0
		var f, fp float64
		if q > 1e-3 {
			f = q - t
			fp = math.Exp(stdNormalLogPDF(z))
		} else {
			f = lq - lt
			fp = math.Exp(stdNormalLogPDF(z) - lq)
		}
		dz := f / fp
		// Halley correction (d²/dz² of Φ is -zφ).
		if q > 1e-3 {
			dz = dz / (1 + 0.5*z*dz)
		}
		z -= dz
		if z > 0 {
			z = 0
		}
		if math.Abs(dz) <= 1e-16*math.Abs(z) {
			break
		}
	}
	return sign * z
}

// acklam is P. J. Acklam's rational approximation to the normal quantile
// for 0 < p ≤ 0.5 (relative error below 1.2e-9), the starting point of
// stdNormalQuantile's Newton refinement.
func acklam(p float64) float64 {
	const pLow = 0.02425
	if p < pLow {
		q := math.Sqrt(-2 * math.Log(p))
		return (((((-7.784894002430293e-03*q-3.223964580411365e-01)*q-2.400758277161838e+00)*q-2.549732539343734e+00)*q+4.374664141464968e+00)*q + 2.938163982698783e+00) /
			((((7.784695709041462e-03*q+3.224671290700398e-01)*q+2.445134137142996e+00)*q+3.754408661907416e+00)*q + 1)
	}
	q := p - 0.5
	r := q * q
	return (((((-3.969683028665376e+01*r+2.209460984245205e+02)*r-2.759285104469687e+02)*r+1.383577518672690e+02)*r-3.066479806614716e+01)*r + 2.506628277459239e+00) * q /
		(((((-5.447609879822406e+01*r+1.615858368580409e+02)*r-1.556989798598866e+02)*r+6.680131188771972e+01)*r-1.328068155288572e+01)*r + 1)
}

func (d Normal) q(p float64, lower bool) float64 {
	if !d.ok() {
		return math.NaN()
	}
	return d.Mu + d.Sigma*stdNormalQuantile(p, lower)
}

func (d Normal) draw(r *rand.Rand) float64 { return d.Mu + d.Sigma*r.NormFloat64() }

// Mean returns μ.
func (d Normal) Mean() float64 { return d.Mu }

// Variance returns σ².
func (d Normal) Variance() float64 { return d.Sigma * d.Sigma }

// LogNormal is the distribution of exp(X) for X normal with mean Mu and
// standard deviation Sigma (R's meanlog and sdlog):
//
//	f(x) = exp(-(log x-μ)²/(2σ²)) / (xσ√(2π)), x > 0.
type LogNormal struct {
	Mu, Sigma float64
}

func (d LogNormal) tl(x float64) tails {
	if !(d.Sigma > 0) {
		return tailsNaN
	}
	if x <= 0 {
		return tailsZero
	}
	return Normal{d.Mu, d.Sigma}.tl(math.Log(x))
}

func (d LogNormal) lpdf(x float64) float64 {
	if !(d.Sigma > 0) {
		return math.NaN()
	}
	if x <= 0 {
		return math.Inf(-1)
	}
	return Normal{d.Mu, d.Sigma}.lpdf(math.Log(x)) - math.Log(x)
}

func (d LogNormal) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d LogNormal) q(p float64, lower bool) float64 {
	return math.Exp(Normal{d.Mu, d.Sigma}.q(p, lower))
}

func (d LogNormal) draw(r *rand.Rand) float64 { return math.Exp(d.Mu + d.Sigma*r.NormFloat64()) }

// Mean returns exp(μ + σ²/2).
func (d LogNormal) Mean() float64 { return math.Exp(d.Mu + d.Sigma*d.Sigma/2) }

// Variance returns (exp(σ²)-1)·exp(2μ+σ²).
func (d LogNormal) Variance() float64 {
	s2 := d.Sigma * d.Sigma
	return math.Expm1(s2) * math.Exp(2*d.Mu+s2)
}
