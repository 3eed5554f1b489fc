package stats

import "math"

// zeroin finds a root of f in [a, b] where fa = f(a) and fb = f(b) have
// opposite signs, by Brent's method (Brent 1973), to about machine
// precision in x.
func zeroin(f func(float64) float64, a, b, fa, fb float64) float64 {
	c, fc := b, fb
	var d, e float64
	for iter := 0; iter < 300; iter++ {
		if (fb > 0) == (fc > 0) {
			c, fc = a, fa
			d = b - a
			e = d
		}
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tol1 := 2*dblEps*math.Abs(b) + 1e-300
		xm := 0.5 * (c - b)
		if math.Abs(xm) <= tol1 || fb == 0 {
			return b
		}
		if math.Abs(e) >= tol1 && math.Abs(fa) > math.Abs(fb) {
			s := fb / fa
			var p, q float64
			if a == c {
				p = 2 * xm * s
				q = 1 - s
			} else {
				q = fa / fc
				r := fb / fc
				p = s * (2*xm*q*(q-r) - (b-a)*(r-1))
				q = (q - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if 2*p < math.Min(3*xm*q-math.Abs(tol1*q), math.Abs(e*q)) {
				e = d
				d = p / q
			} else {
				d = xm
				e = d
			}
		} else {
			d = xm
			e = d
		}
		a, fa = b, fb
		if math.Abs(d) > tol1 {
			b += d
		} else if xm > 0 {
			b += tol1
		} else {
			b -= tol1
		}
		fb = f(b)
	}
	return b
}

// contQuantile inverts a continuous cdf: it returns x with P(X ≤ x) = p
// (lowerTail) or P(X > x) = p, solving on the smaller tail in log scale.
// lo and hi bound the support; x0 is a starting guess inside it.
func contQuantile(p float64, lowerTail bool, lo, hi, x0 float64, tf func(x float64) tails) float64 {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	useLower := lowerTail
	target := p
	if p > 0.5 {
		useLower = !useLower
		target = 1 - p
	}
	if target == 0 {
		if useLower == lowerTail {
			if lowerTail {
				return lo
			}
			return hi
		}
		if lowerTail {
			return hi
		}
		return lo
	}
	lt := math.Log(target)
	// g is increasing in x.
	g := func(x float64) float64 {
		t := tf(x)
		if useLower {
			return t.llo - lt
		}
		return lt - t.lup
	}
	if math.IsNaN(x0) || x0 <= lo || x0 >= hi {
		switch {
		case !math.IsInf(lo, 0) && !math.IsInf(hi, 0):
			x0 = (lo + hi) / 2
		case !math.IsInf(lo, 0):
			x0 = lo + 1
		default:
			x0 = 0
		}
	}
	up := func(x, step float64) float64 {
		if !math.IsInf(hi, 0) {
			return x + (hi-x)/2
		}
		if !math.IsInf(lo, 0) {
			return lo + 2*(x-lo)
		}
		return x + step
	}
	down := func(x, step float64) float64 {
		if !math.IsInf(lo, 0) {
			return lo + (x-lo)/2
		}
		return x - step
	}
	step := math.Max(1, math.Abs(x0))
	a, ga := x0, g(x0)
	if ga == 0 {
		return a
	}
	b, gb := a, ga
	if ga < 0 {
		for i := 0; gb < 0; i++ {
			a, ga = b, gb
			b = up(b, step)
			step *= 2
			if b >= hi || i > 2000 || b == a {
				return hi
			}
			gb = g(b)
		}
	} else {
		for i := 0; ga > 0; i++ {
			b, gb = a, ga
			a = down(a, step)
			step *= 2
			if a <= lo || i > 2000 || a == b {
				return lo
			}
			ga = g(a)
		}
	}
	if ga == 0 {
		return a
	}
	return zeroin(g, a, b, ga, gb)
}
