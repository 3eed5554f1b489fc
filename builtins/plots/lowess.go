package plots

import (
	"math"
	"sort"
)

// Lowess is R's lowess(x, y, f, iter): Cleveland's (1979, 1981) locally
// weighted regression smoother with tricube weights over the nearest
// f·n points, iter robustness iterations with bisquare weights, and
// delta = 0.01·range(x) (points closer than delta are interpolated). It
// returns x sorted and the smoothed values. This is a translation of R's
// clowess (src/library/stats/src/lowess.c).
func Lowess(x, y []float64, f float64, iter int) (xs, ys []float64) {
	n := len(x)
	if n == 0 || len(y) != n {
		return nil, nil
	}
	o := make([]int, n)
	for i := range o {
		o[i] = i
	}
	sort.SliceStable(o, func(a, b int) bool { return x[o[a]] < x[o[b]] })
	// 1-based copies, as in the C code.
	X := make([]float64, n+1)
	Y := make([]float64, n+1)
	for i, k := range o {
		X[i+1], Y[i+1] = x[k], y[k]
	}
	YS := make([]float64, n+1)
	delta := 0.01 * (X[n] - X[1])
	if n < 2 {
		return []float64{X[1]}, []float64{Y[1]}
	}
	rw := make([]float64, n+1)
	res := make([]float64, n+1)
	ns := max(min(int(f*float64(n)+1e-7), n), 2)
	for it := 1; it <= iter+1; it++ {
		nleft, nright, last, i := 1, ns, 0, 1
		for {
			if nright < n {
				d1 := X[i] - X[nleft]
				d2 := X[nright+1] - X[i]
				if d1 > d2 {
					nleft++
					nright++
					continue
				}
			}
			v, ok := lowest(X, Y, n, X[i], nleft, nright, res, it > 1, rw)
			if ok {
				YS[i] = v
			} else {
				YS[i] = Y[i]
			}
			if last < i-1 {
				denom := X[i] - X[last]
				for j := last + 1; j < i; j++ {
					alpha := (X[j] - X[last]) / denom
					YS[j] = alpha*YS[i] + (1-alpha)*YS[last]
				}
			}
			last = i
			cut := X[last] + delta
			for i = last + 1; i <= n; i++ {
				if X[i] > cut {
					break
				}
				if X[i] == X[last] {
					YS[i] = YS[last]
					last = i
				}
			}
			i = max(last+1, i-1)
			if last >= n {
				break
			}
		}
		r := make([]float64, n)
		sc := 0.0
		for k := 0; k < n; k++ {
			r[k] = Y[k+1] - YS[k+1]
			sc += math.Abs(r[k])
		}
		sc /= float64(n)
		if it > iter {
			break
		}
		a := make([]float64, n)
		for k := range a {
			a[k] = math.Abs(r[k])
		}
		sort.Float64s(a)
		m1 := n / 2
		var cmad float64
		if n%2 == 0 {
			cmad = 3 * (a[m1] + a[n-m1-1])
		} else {
			cmad = 6 * a[m1]
		}
		if cmad < 1e-7*sc {
			break
		}
		c9, c1 := 0.999*cmad, 0.001*cmad
		for k := 0; k < n; k++ {
			rr := math.Abs(r[k])
			switch {
			case rr <= c1:
				rw[k+1] = 1
			case rr <= c9:
				u := rr / cmad
				rw[k+1] = (1 - u*u) * (1 - u*u)
			default:
				rw[k+1] = 0
			}
		}
	}
	return X[1:], YS[1:]
}

// lowest is clowess's local fit at xs over x[nleft..nright] (1-based).
func lowest(x, y []float64, n int, xs float64, nleft, nright int, w []float64, userw bool, rw []float64) (float64, bool) {
	rng := x[n] - x[1]
	h := math.Max(xs-x[nleft], x[nright]-xs)
	h9, h1 := 0.999*h, 0.001*h
	a := 0.0
	j := nleft
	for j <= n {
		w[j] = 0
		r := math.Abs(x[j] - xs)
		if r <= h9 {
			if r <= h1 {
				w[j] = 1
			} else {
				q := r / h
				q = 1 - q*q*q
				w[j] = q * q * q
			}
			if userw {
				w[j] *= rw[j]
			}
			a += w[j]
		} else if x[j] > xs {
			break
		}
		j++
	}
	nrt := j - 1
	if a <= 0 {
		return 0, false
	}
	for j = nleft; j <= nrt; j++ {
		w[j] /= a
	}
	if h > 0 {
		a = 0
		for j = nleft; j <= nrt; j++ {
			a += w[j] * x[j]
		}
		b := xs - a
		c := 0.0
		for j = nleft; j <= nrt; j++ {
			c += w[j] * (x[j] - a) * (x[j] - a)
		}
		if math.Sqrt(c) > 0.001*rng {
			b /= c
			for j = nleft; j <= nrt; j++ {
				w[j] *= b*(x[j]-a) + 1
			}
		}
	}
	ys := 0.0
	for j = nleft; j <= nrt; j++ {
		ys += w[j] * y[j]
	}
	return ys, true
}
