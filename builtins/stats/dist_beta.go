package stats

import (
	"math"
	"math/rand/v2"
)

// lbeta returns log B(a,b) = log Γ(a) + log Γ(b) - log Γ(a+b), computed
// without cancellation for large arguments.
func lbeta(a, b float64) float64 { return lbetaAcc(a, b) }

// Beta is the beta distribution with shapes Alpha, Beta > 0 (R's shape1,
// shape2):
//
//	f(x) = x^{α-1}(1-x)^{β-1} / B(α,β), 0 ≤ x ≤ 1.
//
// The cdf is the regularized incomplete beta function Iₓ(α,β), evaluated
// by a continued fraction on whichever side gives the smaller tail
// directly.
type Beta struct {
	Alpha, Beta float64
}

func (d Beta) ok() bool { return d.Alpha > 0 && d.Beta > 0 }

func (d Beta) tl(x float64) tails {
	if !d.ok() {
		return tailsNaN
	}
	if x <= 0 {
		return tailsZero
	}
	if x >= 1 {
		return tailsOne
	}
	return betaInc(x, 1-x, d.Alpha, d.Beta)
}

func (d Beta) lpdf(x float64) float64 {
	a, b := d.Alpha, d.Beta
	if !d.ok() {
		return math.NaN()
	}
	if x < 0 || x > 1 {
		return math.Inf(-1)
	}
	if x == 0 {
		switch {
		case a > 1:
			return math.Inf(-1)
		case a < 1:
			return math.Inf(1)
		}
		return math.Log(b)
	}
	if x == 1 {
		switch {
		case b > 1:
			return math.Inf(-1)
		case b < 1:
			return math.Inf(1)
		}
		return math.Log(a)
	}
	if a <= 2 || b <= 2 {
		return (a-1)*math.Log(x) + (b-1)*math.Log1p(-x) - lbeta(a, b)
	}
	return math.Log(a+b-1) + dbinomRawLog(a-1, a+b-2, x, 1-x)
}

func (d Beta) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d Beta) q(p float64, lower bool) float64 {
	if !d.ok() {
		return math.NaN()
	}
	return contQuantile(p, lower, 0, 1, d.Alpha/(d.Alpha+d.Beta), d.tl)
}

func (d Beta) draw(r *rand.Rand) float64 {
	x := gammaDraw(r, d.Alpha)
	y := gammaDraw(r, d.Beta)
	return x / (x + y)
}

// Mean returns α/(α+β).
func (d Beta) Mean() float64 { return d.Alpha / (d.Alpha + d.Beta) }

// Variance returns αβ/((α+β)²(α+β+1)).
func (d Beta) Variance() float64 {
	s := d.Alpha + d.Beta
	return d.Alpha * d.Beta / (s * s * (s + 1))
}

// StudentsT is Student's t distribution with Nu > 0 degrees of freedom
// (non-integer allowed, e.g. Welch's df):
//
//	f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^{-(ν+1)/2}.
//
// Tails use P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½) with the argument and its
// complement formed separately, so the far tails are exact to rounding
// (unlike 1-CDF). Nu = +Inf gives the standard normal.
type StudentsT struct {
	Nu float64
}

func (d StudentsT) tl(x float64) tails {
	n := d.Nu
	switch {
	case !(n > 0) || math.IsNaN(x):
		return tailsNaN
	case math.IsInf(x, 1):
		return tailsOne
	case math.IsInf(x, -1):
		return tailsZero
	case math.IsInf(n, 1):
		return stdNormalTails(x)
	case n > 4e5:
		v := 1 / (4 * n)
		return stdNormalTails(x * (1 - v) / math.Sqrt(1+x*x*2*v))
	}
	var lhalf float64 // log P(T > |x|)
	nx := 1 + (x/n)*x
	if nx > 1e100 {
		lhalf = -0.5*n*(2*math.Log(math.Abs(x))-math.Log(n)) - lbeta(0.5*n, 0.5) - math.Log(0.5*n) - math.Ln2
	} else {
		t := betaInc(1/nx, x*x/(n+x*x), n/2, 0.5)
		lhalf = t.llo - math.Ln2
	}
	half := math.Exp(lhalf)
	other := math.Log1p(-half)
	if x > 0 {
		return tails{1 - half, half, other, lhalf}
	}
	return tails{half, 1 - half, lhalf, other}
}

func (d StudentsT) lpdf(x float64) float64 {
	n := d.Nu
	switch {
	case !(n > 0):
		return math.NaN()
	case math.IsInf(x, 0):
		return math.Inf(-1)
	case math.IsInf(n, 1):
		return stdNormalLogPDF(x)
	}
	t := -bd0(n/2, (n+1)/2) + stirlerr((n+1)/2) - stirlerr(n/2)
	x2n := x * x / n
	var lx2n, u float64
	switch {
	case x2n > 1/dblEps:
		ax := math.Abs(x)
		lx2n = math.Log(ax) - math.Log(n)/2
		u = n * lx2n
	case x2n > 0.2:
		lx2n = math.Log(1+x2n) / 2
		u = n * lx2n
	default:
		lx2n = math.Log1p(x2n) / 2
		u = -bd0(n/2, (n+x*x)/2) + x*x/2
	}
	return t - u - (lnSqrt2Pi + lx2n)
}

func (d StudentsT) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d StudentsT) q(p float64, lower bool) float64 {
	if !(d.Nu > 0) {
		return math.NaN()
	}
	if p == 0.5 {
		return 0
	}
	if math.IsInf(d.Nu, 1) {
		return stdNormalQuantile(p, lower)
	}
	z := stdNormalQuantile(p, lower)
	return contQuantile(p, lower, math.Inf(-1), math.Inf(1), z, d.tl)
}

func (d StudentsT) draw(r *rand.Rand) float64 {
	if math.IsInf(d.Nu, 1) {
		return r.NormFloat64()
	}
	return r.NormFloat64() / math.Sqrt(2*gammaDraw(r, d.Nu/2)/d.Nu)
}

// Mean returns 0 for ν > 1 (undefined, NaN, otherwise).
func (d StudentsT) Mean() float64 {
	if d.Nu > 1 {
		return 0
	}
	return math.NaN()
}

// Variance returns ν/(ν-2) for ν > 2, +Inf for 1 < ν ≤ 2.
func (d StudentsT) Variance() float64 {
	switch {
	case d.Nu > 2:
		return d.Nu / (d.Nu - 2)
	case d.Nu > 1:
		return math.Inf(1)
	}
	return math.NaN()
}

// F is the F (Fisher–Snedecor) distribution with D1 and D2 > 0 degrees of
// freedom, the distribution of (X₁/d₁)/(X₂/d₂) for independent χ²
// variables. P(F ≤ x) = I_{d₁x/(d₁x+d₂)}(d₁/2, d₂/2).
type F struct {
	D1, D2 float64
}

func (d F) tl(x float64) tails {
	m, n := d.D1, d.D2
	switch {
	case !(m > 0 && n > 0) || math.IsNaN(x):
		return tailsNaN
	case x <= 0:
		return tailsZero
	case math.IsInf(x, 1):
		return tailsOne
	case math.IsInf(n, 1):
		if math.IsInf(m, 1) {
			if x < 1 {
				return tailsZero
			}
			return tailsOne
		}
		return ChiSquared{m}.tl(x * m)
	case math.IsInf(m, 1):
		return ChiSquared{n}.tl(n / x).swap()
	}
	if x > 1 {
		// r = n/(m x) without overflow of m·x
		r := n / m / x
		return betaInc(1/(1+r), r/(1+r), m/2, n/2)
	}
	den := m*x + n
	return betaInc(m*x/den, n/den, m/2, n/2)
}

func (t tails) swap() tails { return tails{t.up, t.lo, t.lup, t.llo} }

func (d F) lpdf(x float64) float64 {
	m, n := d.D1, d.D2
	switch {
	case !(m > 0 && n > 0):
		return math.NaN()
	case x < 0:
		return math.Inf(-1)
	case x == 0:
		switch {
		case m > 2:
			return math.Inf(-1)
		case m < 2:
			return math.Inf(1)
		}
		return 0
	case math.IsInf(x, 1):
		return math.Inf(-1)
	}
	f := 1 / (n + x*m)
	q := n * f
	p := x * m * f
	if m >= 2 {
		f = m * q / 2
		return math.Log(f) + dbinomRawLog((m-2)/2, (m+n-2)/2, p, q)
	}
	f = m * m * q / (2 * p * (m + n))
	return math.Log(f) + dbinomRawLog(m/2, (m+n)/2, p, q)
}

func (d F) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d F) q(p float64, lower bool) float64 {
	if !(d.D1 > 0 && d.D2 > 0) {
		return math.NaN()
	}
	return contQuantile(p, lower, 0, math.Inf(1), 1, d.tl)
}

func (d F) draw(r *rand.Rand) float64 {
	return (gammaDraw(r, d.D1/2) / d.D1) / (gammaDraw(r, d.D2/2) / d.D2)
}

// Mean returns d₂/(d₂-2) for d₂ > 2.
func (d F) Mean() float64 {
	if d.D2 > 2 {
		return d.D2 / (d.D2 - 2)
	}
	return math.NaN()
}

// Variance returns 2d₂²(d₁+d₂-2)/(d₁(d₂-2)²(d₂-4)) for d₂ > 4.
func (d F) Variance() float64 {
	if d.D2 > 4 {
		return 2 * d.D2 * d.D2 * (d.D1 + d.D2 - 2) / (d.D1 * (d.D2 - 2) * (d.D2 - 2) * (d.D2 - 4))
	}
	return math.NaN()
}

// Uniform is the continuous uniform distribution on [Min, Max].
type Uniform struct {
	Min, Max float64
}

func (d Uniform) tl(x float64) tails {
	if !(d.Max > d.Min) {
		return tailsNaN
	}
	switch {
	case x <= d.Min:
		return tailsZero
	case x >= d.Max:
		return tailsOne
	}
	w := d.Max - d.Min
	lo, up := (x-d.Min)/w, (d.Max-x)/w
	return tails{lo, up, math.Log(lo), math.Log(up)}
}

func (d Uniform) lpdf(x float64) float64 {
	if !(d.Max > d.Min) {
		return math.NaN()
	}
	if x < d.Min || x > d.Max {
		return math.Inf(-1)
	}
	return -math.Log(d.Max - d.Min)
}

func (d Uniform) pdf(x float64) float64 { return math.Exp(d.lpdf(x)) }

func (d Uniform) q(p float64, lower bool) float64 {
	if !(d.Max > d.Min) || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	if !lower {
		return d.Max - p*(d.Max-d.Min)
	}
	return d.Min + p*(d.Max-d.Min)
}

func (d Uniform) draw(r *rand.Rand) float64 { return d.Min + (d.Max-d.Min)*r.Float64() }

// Mean returns (a+b)/2.
func (d Uniform) Mean() float64 { return (d.Min + d.Max) / 2 }

// Variance returns (b-a)²/12.
func (d Uniform) Variance() float64 { return (d.Max - d.Min) * (d.Max - d.Min) / 12 }
