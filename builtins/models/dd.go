package models

import "math"

// dd is a double-double number hi+lo with |lo| <= ulp(hi)/2, giving about
// 32 significant decimal digits. It is used where the least-squares solver
// needs more than float64 precision (ill-conditioned designs such as NIST's
// Filip and Wampler sets). Algorithms: Dekker (1971), Shewchuk (1997);
// products use math.FMA for the exact error term.
type dd struct{ hi, lo float64 }

func ddFrom(x float64) dd { return dd{x, 0} }

// twoSum returns s, e with s+e == a+b exactly.
func twoSum(a, b float64) (float64, float64) {
	s := a + b
	bb := s - a
	e := (a - (s - bb)) + (b - bb)
	return s, e
}

func quickTwoSum(a, b float64) (float64, float64) {
	s := a + b
	return s, b - (s - a)
}

// twoProd returns p, e with p+e == a*b exactly.
func twoProd(a, b float64) (float64, float64) {
	p := a * b
	return p, math.FMA(a, b, -p)
}

func (a dd) add(b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = quickTwoSum(s, e)
	e += f
	s, e = quickTwoSum(s, e)
	return dd{s, e}
}

func (a dd) neg() dd { return dd{-a.hi, -a.lo} }

func (a dd) sub(b dd) dd { return a.add(b.neg()) }

func (a dd) mul(b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += a.hi*b.lo + a.lo*b.hi
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func (a dd) mulF(b float64) dd {
	p, e := twoProd(a.hi, b)
	e += a.lo * b
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func (a dd) div(b dd) dd {
	q1 := a.hi / b.hi
	r := a.sub(b.mulF(q1))
	q2 := r.hi / b.hi
	r = r.sub(b.mulF(q2))
	q3 := r.hi / b.hi
	q1, q2 = quickTwoSum(q1, q2)
	return dd{q1, q2}.add(ddFrom(q3))
}

func (a dd) sqrt() dd {
	if a.hi <= 0 {
		return dd{}
	}
	x := math.Sqrt(a.hi)
	// One Newton step in double-double: x + (a - x^2)/(2x).
	p, e := twoProd(x, x)
	r := a.sub(dd{p, e})
	c := r.hi / (2 * x)
	s, f := quickTwoSum(x, c)
	return dd{s, f}
}

func (a dd) abs() dd {
	if a.hi < 0 {
		return a.neg()
	}
	return a
}

// ddPow returns x^k (k >= 0) in double-double, exact to about 1e-32
// relative, so that polynomial design columns keep the digits that a plain
// float64 power would round away.
func ddPow(x float64, k int) dd {
	r := ddFrom(1)
	b := ddFrom(x)
	for k > 0 {
		if k&1 == 1 {
			r = r.mul(b)
		}
		b = b.mul(b)
		k >>= 1
	}
	return r
}
