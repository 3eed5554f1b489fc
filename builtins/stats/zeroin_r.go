package stats

import "math"

// rZeroin is Brent's root finder in the form R's uniroot uses (R_zeroin2,
// netlib zeroin.c): f(a) = fa and f(b) = fb must have opposite signs; it
// stops when the bracket is within 2·eps·|b| + tol/2. Used where gostat
// reproduces R results that R computes with uniroot's default tolerance
// (Fisher's conditional MLE and interval, Wilcoxon's normal-approximation
// interval), so that the numbers agree with R's.
func rZeroin(f func(float64) float64, a, b, fa, fb, tol float64, maxit int) float64 {
	c, fc := a, fa
	if fa == 0 {
		return a
	}
	if fb == 0 {
		return b
	}
	for it := 0; it <= maxit; it++ {
		prevStep := b - a
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tolAct := 2*dblEps*math.Abs(b) + tol/2
		newStep := (c - b) / 2
		if math.Abs(newStep) <= tolAct || fb == 0 {
			return b
		}
		if math.Abs(prevStep) >= tolAct && math.Abs(fa) > math.Abs(fb) {
			var p, q float64
			cb := c - b
			if a == c {
				t1 := fb / fa
				p = cb * t1
				q = 1 - t1
			} else {
				q = fa / fc
				t1 := fb / fc
				t2 := fb / fa
				p = t2 * (cb*q*(q-t1) - (b-a)*(t1-1))
				q = (q - 1) * (t1 - 1) * (t2 - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if p < 0.75*cb*q-math.Abs(tolAct*q)/2 && p < math.Abs(prevStep*q/2) {
				newStep = p / q
			}
		}
		if math.Abs(newStep) < tolAct {
			if newStep > 0 {
				newStep = tolAct
			} else {
				newStep = -tolAct
			}
		}
		a, fa = b, fb
		b += newStep
		fb = f(b)
		if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
			c, fc = a, fa
		}
	}
	return b
}

// uniroot mirrors R's uniroot(f, c(lo, hi), tol = tol) (default tol
// .Machine$double.eps^0.25).
func uniroot(f func(float64) float64, lo, hi, tol float64) float64 {
	return rZeroin(f, lo, hi, f(lo), f(hi), tol, 1000)
}

const rTol = 1.220703125e-04 // .Machine$double.eps^0.25
