package stats

import (
	"math"
	"sort"
)

// fisher2x2 holds the conditional (non-central hypergeometric) distribution
// of the [0][0] cell of a 2×2 table given its margins.
type fisher2x2 struct {
	x, lo, hi, m, n, k float64
	support, logdc     []float64
}

func newFisher2x2(t [][]float64) *fisher2x2 {
	f := &fisher2x2{}
	f.m = t[0][0] + t[1][0]
	f.n = t[0][1] + t[1][1]
	f.k = t[0][0] + t[0][1]
	f.x = t[0][0]
	f.lo = math.Max(0, f.k-f.n)
	f.hi = math.Min(f.k, f.m)
	h := Hypergeometric{f.m, f.n, f.k}
	for s := f.lo; s <= f.hi; s++ {
		f.support = append(f.support, s)
		f.logdc = append(f.logdc, h.LogPMF(s))
	}
	return f
}

func (f *fisher2x2) dnhyper(ncp float64) []float64 {
	d := make([]float64, len(f.support))
	mx := math.Inf(-1)
	for i, s := range f.support {
		d[i] = f.logdc[i] + math.Log(ncp)*s
		mx = math.Max(mx, d[i])
	}
	sum := 0.0
	for i := range d {
		d[i] = math.Exp(d[i] - mx)
		sum += d[i]
	}
	for i := range d {
		d[i] /= sum
	}
	return d
}

func (f *fisher2x2) mnhyper(ncp float64) float64 {
	if ncp == 0 {
		return f.lo
	}
	if math.IsInf(ncp, 1) {
		return f.hi
	}
	d := f.dnhyper(ncp)
	s := 0.0
	for i, v := range f.support {
		s += v * d[i]
	}
	return s
}

func (f *fisher2x2) pnhyper(q, ncp float64, upper bool) float64 {
	h := Hypergeometric{f.m, f.n, f.k}
	if ncp == 1 {
		if upper {
			return h.Survival(q - 1)
		}
		return h.CDF(q)
	}
	if ncp == 0 {
		if upper {
			return b2f(q <= f.lo)
		}
		return b2f(q >= f.lo)
	}
	if math.IsInf(ncp, 1) {
		if upper {
			return b2f(q <= f.hi)
		}
		return b2f(q >= f.hi)
	}
	d := f.dnhyper(ncp)
	s := 0.0
	for i, v := range f.support {
		if (upper && v >= q) || (!upper && v <= q) {
			s += d[i]
		}
	}
	return s
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// mle is the conditional maximum-likelihood odds ratio (R's fisher.test).
func (f *fisher2x2) mle() float64 {
	x := f.x
	if x == f.lo {
		return 0
	}
	if x == f.hi {
		return math.Inf(1)
	}
	mu := f.mnhyper(1)
	switch {
	case mu > x:
		return uniroot(func(t float64) float64 { return f.mnhyper(t) - x }, 0, 1, rTol)
	case mu < x:
		return 1 / uniroot(func(t float64) float64 { return f.mnhyper(1/t) - x }, dblEps, 1, rTol)
	}
	return 1
}

func (f *fisher2x2) ncpU(alpha float64) float64 {
	x := f.x
	if x == f.hi {
		return math.Inf(1)
	}
	p := f.pnhyper(x, 1, false)
	switch {
	case p < alpha:
		return uniroot(func(t float64) float64 { return f.pnhyper(x, t, false) - alpha }, 0, 1, rTol)
	case p > alpha:
		return 1 / uniroot(func(t float64) float64 { return f.pnhyper(x, 1/t, false) - alpha }, dblEps, 1, rTol)
	}
	return 1
}

func (f *fisher2x2) ncpL(alpha float64) float64 {
	x := f.x
	if x == f.lo {
		return 0
	}
	p := f.pnhyper(x, 1, true)
	switch {
	case p > alpha:
		return uniroot(func(t float64) float64 { return f.pnhyper(x, t, true) - alpha }, 0, 1, rTol)
	case p < alpha:
		return 1 / uniroot(func(t float64) float64 { return f.pnhyper(x, 1/t, true) - alpha }, dblEps, 1, rTol)
	}
	return 1
}

// MaxFisherTables bounds the number of tables FisherTest enumerates for an
// r×c table (larger tables return an error suggesting ChisqTest).
var MaxFisherTables = 20000000

// FisherTest performs Fisher's exact test on a table of counts (R's
// fisher.test). For 2×2 tables it conditions on the margins: the p-value
// sums the hypergeometric probabilities of tables at most as likely as the
// observed one (two-sided, with R's relative tolerance 1e-7) or one tail
// (Less/Greater); the estimate is the conditional maximum-likelihood odds
// ratio and the confidence interval inverts the non-central hypergeometric
// distribution (roots found as R's uniroot does, so the digits agree with
// R). For larger r×c tables (two-sided only) the p-value is computed by
// complete enumeration of the tables with the observed margins — exact,
// but limited to MaxFisherTables tables (R uses the network algorithm of
// Mehta & Patel and handles larger tables).
func FisherTest(table [][]float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("FisherTest", opts)
	if err != nil {
		return nil, err
	}
	r, c, n, err := checkTable("FisherTest", table)
	if err != nil {
		return nil, err
	}
	for i := range table {
		for j, v := range table[i] {
			if v != math.Round(v) {
				return nil, inputErr("FisherTest", "table", "cell [%d][%d] = %g is not a whole count", "Fisher's test needs integer counts", i, j, v)
			}
		}
	}
	if r < 2 || c < 2 {
		return nil, inputErr("FisherTest", "table", "is %d×%d", "need at least 2 rows and 2 columns", r, c)
	}
	h := newHTest(o)
	h.Method = "Fisher's Exact Test for Count Data"
	if h.Data == "" {
		h.Data = "table"
	}
	h.N = []int{int(n)}
	h.h1 = "row and column variables are associated"
	h.subject = "the association"
	if r == 2 && c == 2 {
		f := newFisher2x2(table)
		or := 1.0
		switch o.Alternative {
		case Less:
			h.PValue = f.pnhyper(f.x, or, false)
		case Greater:
			h.PValue = f.pnhyper(f.x, or, true)
		default:
			d := f.dnhyper(or)
			if or == 1 {
				hy := Hypergeometric{f.m, f.n, f.k}
				for i, s := range f.support {
					d[i] = hy.PMF(s)
				}
			}
			dx := d[int(f.x-f.lo)] * (1 + 1e-7)
			s := 0.0
			for _, v := range d {
				if v <= dx {
					s += v
				}
			}
			h.PValue = math.Min(1, s)
		}
		switch o.Alternative {
		case Less:
			h.ConfInt = [2]float64{0, f.ncpU(1 - o.ConfLevel)}
		case Greater:
			h.ConfInt = [2]float64{f.ncpL(1 - o.ConfLevel), math.Inf(1)}
		default:
			a := (1 - o.ConfLevel) / 2
			h.ConfInt = [2]float64{f.ncpL(a), f.ncpU(a)}
		}
		est := f.mle()
		h.EstNames, h.Estimate = []string{"odds ratio"}, []float64{est}
		h.NullName, h.NullValue = "odds ratio", 1
		h.Alternative = o.Alternative
		h.subject = "the odds ratio of " + num(est, 3)
		h.h1 = ""
		h.Effect = &Effect{Name: "odds ratio (conditional MLE)", Value: est, ConfInt: h.ConfInt, ConfLevel: o.ConfLevel}
		return h, nil
	}
	if o.Alternative != TwoSided {
		return nil, inputErr("FisherTest", "Alternative", "is %q", "one-sided tests are defined for 2×2 tables only", o.Alternative)
	}
	p, err := fisherRxC(table)
	if err != nil {
		return nil, err
	}
	h.PValue = p
	h.Alternative = TwoSided
	return h, nil
}

// fisherRxC computes the two-sided p-value of Fisher's exact test on an
// r×c table: the total probability of the tables with t's margins that are
// no more likely than t (relative tolerance 1e-7). Tables are enumerated
// column by column; at the start of each column the remaining
// log-probability is bounded above and below (columns filled independently:
// evenly for the maximum, greedily for the minimum). A subtree whose tables
// are all at most as likely as t is added in closed form
// (Σ∏1/xᵢⱼ! = N!/(∏rᵢ!∏cⱼ!)); one whose tables are all more likely is
// skipped — the pruning of Mehta & Patel's network algorithm.
func fisherRxC(t [][]float64) (float64, error) {
	r, c := len(t), len(t[0])
	rs := make([]int, r)
	cs := make([]int, c)
	n := 0
	for i := range t {
		for j := range t[i] {
			v := int(t[i][j])
			rs[i] += v
			cs[j] += v
			n += v
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(cs)))
	lf := make([]float64, n+1)
	for i := 1; i <= n; i++ {
		lf[i] = lf[i-1] + math.Log(float64(i))
	}
	konst := -lf[n]
	for _, v := range rs {
		konst += lf[v]
	}
	for _, v := range cs {
		konst += lf[v]
	}
	obs := konst
	for i := range t {
		for j := range t[i] {
			obs -= lf[int(t[i][j])]
		}
	}
	thr := obs + math.Log1p(1e-7)
	rem := append([]int(nil), rs...)
	var total float64
	count := 0
	overflow := false
	caps := make([]int, r)
	// colBounds returns the max and min of -Σ lf[xᵢ] over Σxᵢ = cj, xᵢ ≤ capᵢ.
	colBounds := func(cj int) (hi, lo float64) {
		copy(caps, rem)
		sort.Sort(sort.Reverse(sort.IntSlice(caps)))
		// minimum: fill the largest caps first
		left := cj
		for _, cp := range caps {
			v := min(cp, left)
			lo -= lf[v]
			left -= v
		}
		// maximum (concave): spread as evenly as the caps allow
		left = cj
		k := len(caps)
		for i := k - 1; i >= 0; i-- { // ascending caps
			rows := i + 1
			if caps[i]*rows <= left {
				hi -= lf[caps[i]]
				left -= caps[i]
				continue
			}
			q, rmd := left/rows, left%rows
			hi -= float64(rmd)*lf[q+1] + float64(rows-rmd)*lf[q]
			left = 0
			break
		}
		return
	}
	var rec func(j, i, left int, lp float64)
	rec = func(j, i, left int, lp float64) {
		if overflow {
			return
		}
		if i == 0 {
			// bounds on the rest of the table
			var hi, lo float64
			for jj := j; jj < c; jj++ {
				h, l := colBounds(cs[jj])
				hi += h
				lo += l
			}
			if lp+lo > thr {
				return // every completion is more likely than t
			}
			if lp+hi <= thr {
				nrem := 0
				w := lp
				for _, v := range rem {
					nrem += v
					w -= lf[v]
				}
				for jj := j; jj < c; jj++ {
					w -= lf[cs[jj]]
				}
				total += math.Exp(w + lf[nrem])
				return
			}
		}
		if j == c-1 {
			l := lp
			for _, v := range rem {
				l -= lf[v]
			}
			count++
			if count > MaxFisherTables {
				overflow = true
				return
			}
			if l <= thr {
				total += math.Exp(l)
			}
			return
		}
		if i == r-1 {
			if left > rem[i] {
				return
			}
			rem[i] -= left
			rec(j+1, 0, cs[j+1], lp-lf[left])
			rem[i] += left
			return
		}
		below := 0
		for _, v := range rem[i+1:] {
			below += v
		}
		lo := max(0, left-below)
		hi := min(left, rem[i])
		for v := lo; v <= hi; v++ {
			rem[i] -= v
			rec(j, i+1, left-v, lp-lf[v])
			rem[i] += v
		}
	}
	rec(0, 0, cs[0], konst)
	if overflow {
		return 0, inputErr("FisherTest", "table", "needs more than %d tables to be enumerated", "use ChisqTest, or raise stats.MaxFisherTables", MaxFisherTables)
	}
	return math.Min(1, total), nil
}
