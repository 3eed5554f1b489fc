// Package num holds numerical kernels shared by the builtin packages (stats,
// models): double-double arithmetic.
package num

import "math"

// DD is a double-double number Hi+Lo with |Lo| <= ulp(Hi)/2, giving about 32
// significant decimal digits. It is used where cancellation or an
// ill-conditioned problem would lose the digits of float64 (NIST's Filip and
// Wampler least-squares sets, means of data with huge offsets, ANOVA sums of
// squares). Algorithms: Dekker (1971), Shewchuk (1997); products use
// math.FMA for the exact error term.
type DD struct{ Hi, Lo float64 }

// TwoSum returns s, e with s+e == a+b exactly (Knuth).
func TwoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// QuickTwoSum returns s, e with s+e == a+b exactly, given |a| >= |b|.
func QuickTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// TwoProd returns p, e with p+e == a*b exactly.
func TwoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

// Add returns x+y.
func (x DD) Add(y DD) DD {
	s, e := TwoSum(x.Hi, y.Hi)
	t, f := TwoSum(x.Lo, y.Lo)
	e += t
	s, e = QuickTwoSum(s, e)
	e += f
	s, e = QuickTwoSum(s, e)
	return DD{s, e}
}

// AddF returns x+b.
func (x DD) AddF(b float64) DD {
	s, e := TwoSum(x.Hi, b)
	e += x.Lo
	s, e = QuickTwoSum(s, e)
	return DD{s, e}
}

// Neg returns -x.
func (x DD) Neg() DD { return DD{-x.Hi, -x.Lo} }

// Sub returns x-y.
func (x DD) Sub(y DD) DD { return x.Add(y.Neg()) }

// Mul returns x·y.
func (x DD) Mul(y DD) DD {
	p, e := TwoProd(x.Hi, y.Hi)
	e += x.Hi*y.Lo + x.Lo*y.Hi
	p, e = QuickTwoSum(p, e)
	return DD{p, e}
}

// MulF returns x·b.
func (x DD) MulF(b float64) DD {
	p, e := TwoProd(x.Hi, b)
	e += x.Lo * b
	p, e = QuickTwoSum(p, e)
	return DD{p, e}
}

// Div returns x/y (three quotient digits).
func (x DD) Div(y DD) DD {
	q1 := x.Hi / y.Hi
	r := x.Sub(y.MulF(q1))
	q2 := r.Hi / y.Hi
	r = r.Sub(y.MulF(q2))
	q3 := r.Hi / y.Hi
	q1, q2 = QuickTwoSum(q1, q2)
	return DD{q1, q2}.AddF(q3)
}

// Sqrt returns √x (0 for x <= 0) by one double-double Newton step from the
// float64 root: s + (x - s²)/(2s); Hi is correctly rounded in nearly all
// cases.
func (x DD) Sqrt() DD {
	if x.Hi <= 0 {
		return DD{}
	}
	s := math.Sqrt(x.Hi)
	p, e := TwoProd(s, s)
	r := x.Sub(DD{p, e})
	c := r.Hi / (2 * s)
	h, l := QuickTwoSum(s, c)
	return DD{h, l}
}

// Float returns x rounded to float64.
func (x DD) Float() float64 { return x.Hi + x.Lo }

// Sum returns the double-double sum of xs.
func Sum(xs []float64) DD {
	var s DD
	for _, v := range xs {
		s = s.AddF(v)
	}
	return s
}

// Pow returns x^k (k >= 0), exact to about 1e-32 relative.
func Pow(x float64, k int) DD {
	r := DD{1, 0}
	b := DD{x, 0}
	for k > 0 {
		if k&1 == 1 {
			r = r.Mul(b)
		}
		b = b.Mul(b)
		k >>= 1
	}
	return r
}
