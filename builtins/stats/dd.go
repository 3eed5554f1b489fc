package stats

import "math"

// dd is a double-double number hi+lo with |lo| <= ulp(hi)/2, giving about 32
// significant digits. It is used where cancellation would otherwise lose
// digits (means of data with huge offsets, ANOVA sums of squares).
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

func quickTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

func (x dd) add(y dd) dd {
	s, e := twoSum(x.hi, y.hi)
	t, f := twoSum(x.lo, y.lo)
	e += t
	s, e = quickTwoSum(s, e)
	e += f
	s, e = quickTwoSum(s, e)
	return dd{s, e}
}

func (x dd) addF(b float64) dd {
	s, e := twoSum(x.hi, b)
	e += x.lo
	s, e = quickTwoSum(s, e)
	return dd{s, e}
}

func (x dd) neg() dd { return dd{-x.hi, -x.lo} }

func (x dd) sub(y dd) dd { return x.add(y.neg()) }

func (x dd) mul(y dd) dd {
	p, e := twoProd(x.hi, y.hi)
	e += x.hi*y.lo + x.lo*y.hi
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func (x dd) mulF(b float64) dd {
	p, e := twoProd(x.hi, b)
	e += x.lo * b
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func (x dd) div(y dd) dd {
	q1 := x.hi / y.hi
	r := x.sub(y.mulF(q1))
	q2 := r.hi / y.hi
	r = r.sub(y.mulF(q2))
	q3 := r.hi / y.hi
	q1, q2 = quickTwoSum(q1, q2)
	return dd{q1, q2}.addF(q3)
}

func (x dd) divF(b float64) dd { return x.div(dd{b, 0}) }

func (x dd) float() float64 { return x.hi + x.lo }

// sqrt of a double-double, rounded to float64 correctly in nearly all cases.
func (x dd) sqrt() float64 {
	if x.hi <= 0 {
		return 0
	}
	s := math.Sqrt(x.hi)
	// one Newton step in double-double: s + (x - s²)/(2s)
	p, e := twoProd(s, s)
	r := x.sub(dd{p, e})
	return s + r.hi/(2*s)
}

// ddSum returns the double-double sum of xs.
func ddSum(xs []float64) dd {
	var s dd
	for _, v := range xs {
		s = s.addF(v)
	}
	return s
}
