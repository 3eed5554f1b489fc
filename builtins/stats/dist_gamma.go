package stats

import (
	"math"
	"math/rand/v2"
)

// Gamma is the gamma distribution with Shape α > 0 and Rate β > 0 (R's
// shape and rate; scale = 1/β):
//
//	f(x) = βᵅ x^{α-1} e^{-βx} / Γ(α), x ≥ 0.
//
// The cdf is the regularized incomplete gamma function P(α, βx); the
// smaller tail is computed directly (series or continued fraction with a
// saddle-point prefactor), so both tails and their logs keep full relative
// accuracy.
type Gamma struct {
	Shape, Rate float64
}

func (d Gamma) ok() bool { return d.Shape > 0 && d.Rate > 0 && !math.IsInf(d.Shape, 0) }

func (d Gamma) tl(x float64) tails {
	if !d.ok() {
		return tailsNaN
	}
	return gammaInc(d.Shape, x*d.Rate)
}

// dgammaLog is R's dgamma in log scale (Loader's saddle-point form).
func dgammaLog(x, shape, rate float64) float64 {
	switch {
	case x < 0:
		return math.Inf(-1)
	case x == 0:
		switch {
		case shape < 1:
			return math.Inf(1)
		case shape > 1:
			return math.Inf(-1)
		}
		return math.Log(rate)
	case math.IsInf(x, 1):
		return math.Inf(-1)
	}
	if shape < 1 {
		return dpoisRawLog(shape, x*rate) + math.Log(shape/x)
	}
	return dpoisRawLog(shape-1, x*rate) + math.Log(rate)
}

func (d Gamma) lpdf(x float64) float64 {
	if !d.ok() {
		return math.NaN()
	}
	return dgammaLog(x, d.Shape, d.Rate)
}

func (d Gamma) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

// gammaGuess is the Wilson–Hilferty approximation to a gamma quantile.
func gammaGuess(shape, rate, p float64, lower bool) float64 {
	z := stdNormalQuantile(p, lower)
	k := 2 * shape
	c := 2 / (9 * k)
	x := k * math.Pow(1-c+z*math.Sqrt(c), 3) / 2
	if !(x > 0) || math.IsInf(x, 0) {
		x = shape
	}
	return x / rate
}

func (d Gamma) q(p float64, lower bool) float64 {
	if !d.ok() {
		return math.NaN()
	}
	return contQuantile(p, lower, 0, math.Inf(1), gammaGuess(d.Shape, d.Rate, p, lower), d.tl)
}

// gammaDraw draws from Gamma(shape, 1) by Marsaglia & Tsang (2000).
func gammaDraw(r *rand.Rand, shape float64) float64 {
	if shape < 1 {
		u := r.Float64()
		return gammaDraw(r, shape+1) * math.Pow(u, 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		var x, v float64
		for {
			x = r.NormFloat64()
			v = 1 + c*x
			if v > 0 {
				break
			}
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

func (d Gamma) draw(r *rand.Rand) float64 { return gammaDraw(r, d.Shape) / d.Rate }

// Mean returns α/β.
func (d Gamma) Mean() float64 { return d.Shape / d.Rate }

// Variance returns α/β².
func (d Gamma) Variance() float64 { return d.Shape / (d.Rate * d.Rate) }

// ChiSquared is the χ² distribution with K > 0 degrees of freedom, the
// Gamma(K/2, rate ½) distribution:
//
//	f(x) = x^{k/2-1} e^{-x/2} / (2^{k/2} Γ(k/2)), x ≥ 0.
type ChiSquared struct {
	K float64
}

func (d ChiSquared) g() Gamma                        { return Gamma{d.K / 2, 0.5} }
func (d ChiSquared) tl(x float64) tails              { return d.g().tl(x) }
func (d ChiSquared) lpdf(x float64) float64          { return d.g().lpdf(x) }
func (d ChiSquared) pdf(x float64) float64           { return d.g().pdf(x) }
func (d ChiSquared) q(p float64, lower bool) float64 { return d.g().q(p, lower) }
func (d ChiSquared) draw(r *rand.Rand) float64       { return 2 * gammaDraw(r, d.K/2) }

// Mean returns k.
func (d ChiSquared) Mean() float64 { return d.K }

// Variance returns 2k.
func (d ChiSquared) Variance() float64 { return 2 * d.K }

// Exponential is the exponential distribution with Rate λ > 0:
// f(x) = λe^{-λx}, x ≥ 0. CDF = -expm1(-λx) and Survival = exp(-λx) are
// exact to rounding in both tails.
type Exponential struct {
	Rate float64
}

func (d Exponential) tl(x float64) tails {
	if !(d.Rate > 0) {
		return tailsNaN
	}
	if x <= 0 {
		return tailsZero
	}
	return tailsFromUpper(-d.Rate * x)
}

func (d Exponential) lpdf(x float64) float64 {
	if !(d.Rate > 0) {
		return math.NaN()
	}
	if x < 0 {
		return math.Inf(-1)
	}
	return math.Log(d.Rate) - d.Rate*x
}

func (d Exponential) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d Exponential) q(p float64, lower bool) float64 {
	if !(d.Rate > 0) || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	if lower {
		return -math.Log1p(-p) / d.Rate
	}
	return -math.Log(p) / d.Rate
}

func (d Exponential) draw(r *rand.Rand) float64 { return r.ExpFloat64() / d.Rate }

// Mean returns 1/λ.
func (d Exponential) Mean() float64 { return 1 / d.Rate }

// Variance returns 1/λ².
func (d Exponential) Variance() float64 { return 1 / (d.Rate * d.Rate) }
