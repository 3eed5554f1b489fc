package stats

import (
	"math"

	"github.com/gostat/gostat/display"
)

// Correlation methods.
const (
	Pearson  = "pearson"
	Spearman = "spearman"
	Kendall  = "kendall"
)

// pearson returns the Pearson correlation of complete x, y (two-pass,
// compensated), or NaN when either is constant.
func pearson(x, y []float64) float64 {
	mx, ssx := meanSS(x)
	my, ssy := meanSS(y)
	var sxy, c float64
	for i := range x {
		p := (x[i] - mx) * (y[i] - my)
		t := sxy + p
		bb := t - sxy
		c += (sxy - (t - bb)) + (p - bb)
		sxy = t
	}
	r := (sxy + c) / math.Sqrt(ssx*ssy)
	return math.Max(-1, math.Min(1, r))
}

// kendallTau returns Kendall's τ_b (R's cor(method = "kendall")).
func kendallTau(x, y []float64) float64 {
	n := len(x)
	var s, tx, ty float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a := sign(x[i] - x[j])
			b := sign(y[i] - y[j])
			s += a * b
			tx += a * a
			ty += b * b
		}
	}
	return s / math.Sqrt(tx*ty)
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func corPair(x, y []float64, method string) float64 {
	switch method {
	case Spearman:
		rx, _ := ranks(x)
		ry, _ := ranks(y)
		return pearson(rx, ry)
	case Kendall:
		return kendallTau(x, y)
	}
	return pearson(x, y)
}

func checkMethod(fn, method string) (string, error) {
	switch method {
	case "", Pearson:
		return Pearson, nil
	case Spearman, Kendall:
		return method, nil
	}
	return "", inputErr(fn, "method", "is %q", `use "pearson", "spearman" or "kendall"`, method)
}

// Cor returns the correlation of x and y over complete pairs (NaN in
// either drops the pair): Pearson's r = Σ(x-x̄)(y-ȳ)/√(Σ(x-x̄)²Σ(y-ȳ)²),
// Spearman's ρ (Pearson on average ranks) or Kendall's τ_b =
// (n_c - n_d)/√((n₀-n₁)(n₀-n₂)) — as R's cor(x, y, method). An empty
// method means Pearson.
func Cor(x, y []float64, method string) (float64, error) {
	m, err := checkMethod("Cor", method)
	if err != nil {
		return 0, err
	}
	xs, ys, _, err := pairClean("Cor", x, y, 2)
	if err != nil {
		return 0, err
	}
	if isConst(xs) || isConst(ys) {
		return 0, inputErr("Cor", "x or y", "is constant", "correlation is undefined without variation")
	}
	return corPair(xs, ys, m), nil
}

// Cov returns the sample covariance Σ(x-x̄)(y-ȳ)/(n-1) over complete pairs.
func Cov(x, y []float64) (float64, error) {
	xs, ys, _, err := pairClean("Cov", x, y, 2)
	if err != nil {
		return 0, err
	}
	mx, _ := meanSS(xs)
	my, _ := meanSS(ys)
	var s, c float64
	for i := range xs {
		p := (xs[i] - mx) * (ys[i] - my)
		t := s + p
		bb := t - s
		c += (s - (t - bb)) + (p - bb)
		s = t
	}
	return (s + c) / float64(len(xs)-1), nil
}

func isConst(x []float64) bool {
	for _, v := range x[1:] {
		if v != x[0] {
			return false
		}
	}
	return true
}

// Matrix is a labelled square matrix of covariances or correlations.
type Matrix struct {
	Names  []string
	Values [][]float64
	Digits int // significant digits in the display (7 unless set)
}

// CorMatrix returns the matrix of pairwise correlations of the columns
// (each pair over its complete cases, R's use = "pairwise.complete.obs")
// with the given method.
func CorMatrix(names []string, cols [][]float64, method string) (*Matrix, error) {
	m, err := checkMethod("CorMatrix", method)
	if err != nil {
		return nil, err
	}
	return pairMatrix("CorMatrix", names, cols, func(x, y []float64) (float64, error) {
		if isConst(x) || isConst(y) {
			return math.NaN(), nil
		}
		return corPair(x, y, m), nil
	})
}

// CovMatrix returns the matrix of pairwise sample covariances (n-1).
func CovMatrix(names []string, cols [][]float64) (*Matrix, error) {
	return pairMatrix("CovMatrix", names, cols, func(x, y []float64) (float64, error) { return Cov(x, y) })
}

func pairMatrix(fn string, names []string, cols [][]float64, f func(x, y []float64) (float64, error)) (*Matrix, error) {
	if len(cols) == 0 {
		return nil, inputErr(fn, "cols", "is empty", "pass one slice per variable")
	}
	if len(names) != len(cols) {
		return nil, inputErr(fn, "names", "has %d names for %d columns", "", len(names), len(cols))
	}
	k := len(cols)
	v := make([][]float64, k)
	for i := range v {
		v[i] = make([]float64, k)
	}
	for i := 0; i < k; i++ {
		for j := i; j < k; j++ {
			xs, ys, _, err := pairClean(fn, cols[i], cols[j], 2)
			if err != nil {
				return nil, inputErr(fn, names[i]+" and "+names[j], "%s", "", err.(*InputError).Problem)
			}
			r, err := f(xs, ys)
			if err != nil {
				return nil, err
			}
			v[i][j], v[j][i] = r, r
		}
	}
	return &Matrix{Names: names, Values: v, Digits: 7}, nil
}

// Display implements display.Displayer.
func (m *Matrix) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("matrix", "<nil>\n")
	}
	d := m.Digits
	if d <= 0 {
		d = 7
	}
	o = o.Normalized()
	return display.Text("matrix", matrixTextWidth(m.Names, m.Names, m.Values, d, o.Width))
}

// String returns the plain-text display.
func (m *Matrix) String() string { return m.Display(display.Plain).Text }

// ckendall returns the number of permutations of n with k inversions, for
// k = 0…n(n-1)/2 (the exact null distribution of Kendall's statistic).
func ckendall(n int) []float64 {
	c := []float64{1}
	for m := 2; m <= n; m++ {
		nc := make([]float64, len(c)+m-1)
		for k := range nc {
			for i := 0; i < m && i <= k; i++ {
				if k-i < len(c) {
					nc[k] += c[k-i]
				}
			}
		}
		c = nc
	}
	return c
}

// pkendall is P(T ≤ q) for T the number of concordant pairs (R's pkendall).
func pkendall(q float64, n int) float64 {
	c := ckendall(n)
	if q < 0 {
		return 0
	}
	tot, s := 0.0, 0.0
	for k, v := range c {
		tot += v
		if float64(k) <= q {
			s += v
		}
	}
	return s / tot
}

// prho is R's pRho (AS 89): P(S ≥ is) (upper) or P(S < is) for Spearman's
// S = Σd², exact by enumeration for n ≤ 9, Edgeworth series above.
func prho(is float64, n int, lower bool) float64 {
	pv := 1.0
	if lower {
		pv = 0
	}
	if n <= 1 || is <= 0 {
		return pv
	}
	fn := float64(n)
	n3 := fn * (fn*fn - 1) / 3
	if is > n3 {
		return 1 - pv
	}
	if n <= 9 {
		perm := make([]int, n)
		for i := range perm {
			perm[i] = i
		}
		var cnt, tot float64
		var rec func(k int)
		rec = func(k int) {
			if k == n {
				s := 0
				for i, p := range perm {
					d := i - p
					s += d * d
				}
				tot++
				if float64(s) >= is {
					cnt++
				}
				return
			}
			for i := k; i < n; i++ {
				perm[k], perm[i] = perm[i], perm[k]
				rec(k + 1)
				perm[k], perm[i] = perm[i], perm[k]
			}
		}
		rec(0)
		if lower {
			return (tot - cnt) / tot
		}
		return cnt / tot
	}
	const (
		c1  = 0.2274
		c2  = 0.2531
		c3  = 0.1745
		c4  = 0.0758
		c5  = 0.1033
		c6  = 0.3932
		c7  = 0.0879
		c8  = 0.0151
		c9  = 0.0072
		c10 = 0.0831
		c11 = 0.0131
		c12 = 4.6e-4
	)
	b := 1 / fn
	x := (6*(is-1)*b/(fn*fn-1) - 1) * math.Sqrt(1/b-1)
	y := x * x
	u := x * b * (c1 + b*(c2+c3*b) + y*(-c4+b*(c5+c6*b)-y*b*(c7+c8*b-y*(c9-c10*b+y*b*(c11-c12*y)))))
	y = u / math.Exp(y/2)
	p := y + stdNormalTails(x).up
	p = math.Max(0, math.Min(1, p))
	if lower {
		return 1 - p
	}
	return p
}

// CorTest tests H₀: no association between x and y (R's cor.test) with
// method Pearson (default; t = r√((n-2)/(1-r²)) on n-2 df, Fisher-z
// confidence interval tanh(atanh r ± z/√(n-3))), Spearman (S = (n³-n)(1-ρ)/6;
// exact p-value by AS 89 for n < 1290 without ties — enumeration for n ≤ 9,
// Edgeworth series above — else the t approximation) or Kendall (T = number
// of concordant pairs with the exact distribution for n < 50 without ties,
// else z with the tie-corrected variance). Incomplete pairs are dropped.
func CorTest(x, y []float64, method string, opts ...Opt) (*HTest, error) {
	o, err := getOpt("CorTest", opts)
	if err != nil {
		return nil, err
	}
	m, err := checkMethod("CorTest", method)
	if err != nil {
		return nil, err
	}
	minN := 3
	if m == Kendall || m == Spearman {
		minN = 2
	}
	xs, ys, na, err := pairClean("CorTest", x, y, minN)
	if err != nil {
		return nil, err
	}
	if isConst(xs) || isConst(ys) {
		return nil, inputErr("CorTest", "x or y", "is constant", "correlation is undefined without variation")
	}
	n := len(xs)
	fn := float64(n)
	h := newHTest(o)
	if h.Data == "" {
		h.Data = "x and y"
	}
	h.Alternative = o.Alternative
	h.N = []int{n}
	h.Dropped = na
	h.NullValue = 0
	switch m {
	case Pearson:
		r := pearson(xs, ys)
		df := fn - 2
		t := math.Sqrt(df) * r / math.Sqrt(1-r*r)
		h.Method = "Pearson's product-moment correlation"
		h.StatName, h.Statistic = "t", t
		h.ParamNames, h.Params = []string{"df"}, []float64{df}
		h.EstNames, h.Estimate = []string{"cor"}, []float64{r}
		h.NullName = "correlation"
		d := StudentsT{df}
		switch o.Alternative {
		case Less:
			h.PValue = d.CDF(t)
		case Greater:
			h.PValue = d.Survival(t)
		default:
			h.PValue = 2 * math.Min(d.CDF(t), d.Survival(t))
		}
		if n > 3 {
			z := math.Atanh(r)
			sigma := 1 / math.Sqrt(fn-3)
			switch o.Alternative {
			case Less:
				h.ConfInt = [2]float64{-1, math.Tanh(z + sigma*stdNormalQuantile(o.ConfLevel, true))}
			case Greater:
				h.ConfInt = [2]float64{math.Tanh(z - sigma*stdNormalQuantile(o.ConfLevel, true)), 1}
			default:
				q := stdNormalQuantile((1+o.ConfLevel)/2, true)
				h.ConfInt = [2]float64{math.Tanh(z - sigma*q), math.Tanh(z + sigma*q)}
			}
		}
		h.report = "r = " + num(r, 3) + ", t(" + rNum(df) + ") = " + num(t, 3)
		h.subject = "the correlation of " + num(r, 3)
		h.Effect = &Effect{Name: "r", Value: r, ConfInt: h.ConfInt, ConfLevel: o.ConfLevel, Magnitude: rMagnitude(r)}
		h.Checks = []Check{
			normalityCheck("x", xs, h.alpha(), "use Spearman or Kendall (rank correlation)"),
			normalityCheck("y", ys, h.alpha(), "use Spearman or Kendall (rank correlation)"),
			{Assumption: "a linear relationship", Detail: "look at a scatter plot"},
		}
	case Spearman:
		rx, tx := ranks(xs)
		ry, ty := ranks(ys)
		rho := pearson(rx, ry)
		q := (fn*fn*fn - fn) * (1 - rho) / 6
		h.Method = "Spearman's rank correlation rho"
		h.StatName, h.Statistic = "S", q
		h.EstNames, h.Estimate = []string{"rho"}, []float64{rho}
		h.NullName = "rho"
		ties := len(tx) > 0 || len(ty) > 0
		exact := o.Exact == ExactYes || (o.Exact == ExactAuto && n < 1290)
		if exact && ties {
			exact = false
			h.Notes = append(h.Notes, "cannot compute exact p-value with ties")
		}
		ps := func(q float64, lower bool) float64 {
			if n <= 1290 && exact {
				add := 0.0
				if lower {
					add = 2
				}
				return prho(math.Round(q)+add, n, lower)
			}
			den := fn * (fn*fn - 1) / 6
			r := 1 - q/den
			t := r / math.Sqrt((1-r*r)/(fn-2))
			d := StudentsT{fn - 2}
			if lower {
				return d.Survival(t)
			}
			return d.CDF(t)
		}
		switch o.Alternative {
		case Greater:
			h.PValue = ps(q, true)
		case Less:
			h.PValue = ps(q, false)
		default:
			var p float64
			if q > (fn*fn*fn-fn)/6 {
				p = ps(q, false)
			} else {
				p = ps(q, true)
			}
			h.PValue = math.Min(2*p, 1)
		}
		h.report = "ρ = " + num(rho, 3)
		h.subject = "the rank correlation of " + num(rho, 3)
		h.Effect = &Effect{Name: "ρ", Value: rho, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: rMagnitude(rho)}
	case Kendall:
		tau := kendallTau(xs, ys)
		h.Method = "Kendall's rank correlation tau"
		h.EstNames, h.Estimate = []string{"tau"}, []float64{tau}
		h.NullName = "tau"
		_, tx := ranks(xs)
		_, ty := ranks(ys)
		ties := len(tx) > 0 || len(ty) > 0
		exact := o.Exact == ExactYes || (o.Exact == ExactAuto && n < 50)
		if exact && !ties {
			q := math.Round((tau + 1) * fn * (fn - 1) / 4)
			h.StatName, h.Statistic = "T", q
			switch o.Alternative {
			case Greater:
				h.PValue = 1 - pkendall(q-1, n)
			case Less:
				h.PValue = pkendall(q, n)
			default:
				var p float64
				if q > fn*(fn-1)/4 {
					p = 1 - pkendall(q-1, n)
				} else {
					p = pkendall(q, n)
				}
				h.PValue = math.Min(2*p, 1)
			}
		} else {
			if exact && ties {
				h.Notes = append(h.Notes, "cannot compute exact p-value with ties")
			}
			t0 := fn * (fn - 1) / 2
			var t1, t2, vt, vu, s1x, s1y, s2x, s2y float64
			for _, t := range tx {
				f := float64(t)
				t1 += f * (f - 1) / 2
				vt += f * (f - 1) * (2*f + 5)
				s1x += f * (f - 1)
				s2x += f * (f - 1) * (f - 2)
			}
			for _, t := range ty {
				f := float64(t)
				t2 += f * (f - 1) / 2
				vu += f * (f - 1) * (2*f + 5)
				s1y += f * (f - 1)
				s2y += f * (f - 1) * (f - 2)
			}
			S := tau * math.Sqrt((t0-t1)*(t0-t2))
			v0 := fn * (fn - 1) * (2*fn + 5)
			varS := (v0-vt-vu)/18 + s1x*s1y/(2*fn*(fn-1)) + s2x*s2y/(9*fn*(fn-1)*(fn-2))
			z := S / math.Sqrt(varS)
			h.StatName, h.Statistic = "z", z
			t := stdNormalTails(z)
			switch o.Alternative {
			case Less:
				h.PValue = t.lo
			case Greater:
				h.PValue = t.up
			default:
				h.PValue = 2 * math.Min(t.lo, t.up)
			}
		}
		h.report = "τ = " + num(tau, 3)
		h.subject = "the rank correlation of " + num(tau, 3)
		h.Effect = &Effect{Name: "τ_b", Value: tau, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: rMagnitude(tau)}
	}
	return h, nil
}

func rMagnitude(r float64) string {
	switch a := math.Abs(r); {
	case a < 0.1:
		return "negligible"
	case a < 0.3:
		return "small"
	case a < 0.5:
		return "medium"
	}
	return "large"
}
