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

// MaxFisherTables bounds the work of FisherTest on an r×c table (the
// number of network path extensions); beyond it FisherTest returns an error
// suggesting ChisqTest.
var MaxFisherTables = 20000000

// FisherTest performs Fisher's exact test on a table of counts (R's
// fisher.test). For 2×2 tables it conditions on the margins: the p-value
// sums the hypergeometric probabilities of tables at most as likely as the
// observed one (two-sided, with R's relative tolerance 1e-7) or one tail
// (Less/Greater); the estimate is the conditional maximum-likelihood odds
// ratio and the confidence interval inverts the non-central hypergeometric
// distribution (roots found as R's uniroot does, so the digits agree with
// R). For larger r×c tables (two-sided only) the exact p-value comes from a
// network algorithm (see fisherRxC) — R's job-satisfaction 4×4 example
// (n = 96) takes about 0.4 s; work beyond MaxFisherTables path extensions
// is refused with an error (R's FEXACT is faster on large tables).
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
// no more likely than t (relative tolerance 1e-7). It is a network
// algorithm in the spirit of Mehta & Patel (1983): columns are filled one
// at a time; a node is the multiset of remaining row sums (rows are
// exchangeable for what follows) and carries the distinct partial
// log-probabilities of the paths reaching it, each with its path count.
// At every node the rest of the table is bounded (columns filled
// independently, evenly for the largest probability, greedily for the
// smallest): paths whose every completion is at most as likely as t are
// added in closed form (Σ∏1/xᵢⱼ! = N!/(∏rᵢ!∏cⱼ!)), those whose every
// completion is more likely are dropped, and the rest are extended.
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
	// bounds of -Σ lf[x] for one column of total cj with caps (descending)
	colBounds := func(caps []int, cj int) (hi, lo float64) {
		left := cj
		for _, cp := range caps {
			v := min(cp, left)
			lo -= lf[v]
			left -= v
		}
		left = cj
		for i := len(caps) - 1; i >= 0; i-- {
			rows := i + 1
			if caps[i]*rows <= left {
				hi -= lf[caps[i]]
				left -= caps[i]
				continue
			}
			q, rmd := left/rows, left%rows
			hi -= float64(rmd)*lf[q+1] + float64(rows-rmd)*lf[q]
			break
		}
		return
	}
	type past struct {
		lp    float64
		count float64
	}
	key := func(rem []int) string {
		b := make([]byte, 0, 4*len(rem))
		for _, v := range rem {
			b = append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
		}
		return string(b)
	}
	decode := func(k string) []int {
		rem := make([]int, len(k)/4)
		for i := range rem {
			rem[i] = int(k[4*i])<<24 | int(k[4*i+1])<<16 | int(k[4*i+2])<<8 | int(k[4*i+3])
		}
		return rem
	}
	sortDesc := func(v []int) {
		for a := 1; a < len(v); a++ {
			for b := a; b > 0 && v[b] > v[b-1]; b-- {
				v[b], v[b-1] = v[b-1], v[b]
			}
		}
	}
	start := append([]int(nil), rs...)
	sortDesc(start)
	nodes := map[string]map[int64]*past{key(start): {0: {konst, 1}}}
	total := 0.0
	work := 0
	for j := 0; j < c; j++ {
		next := map[string]map[int64]*past{}
		for k, paths := range nodes {
			rem := decode(k)
			nrem := 0
			for _, v := range rem {
				nrem += v
			}
			if j == c-1 {
				// the last column is determined
				l := 0.0
				for _, v := range rem {
					l -= lf[v]
				}
				for _, p := range paths {
					if p.lp+l <= thr {
						total += p.count * math.Exp(p.lp+l)
					}
				}
				continue
			}
			var hi, lo float64
			for jj := j; jj < c; jj++ {
				h, l := colBounds(rem, cs[jj])
				hi += h
				lo += l
			}
			closed := lf[nrem]
			for _, v := range rem {
				closed -= lf[v]
			}
			for jj := j; jj < c; jj++ {
				closed -= lf[cs[jj]]
			}
			var open []*past
			for _, p := range paths {
				switch {
				case p.lp+lo > thr:
				case p.lp+hi <= thr:
					total += p.count * math.Exp(p.lp+closed)
				default:
					open = append(open, p)
				}
			}
			if len(open) == 0 {
				continue
			}
			// enumerate the fillings of column j
			x := make([]int, len(rem))
			var fill func(i, left int, lx float64)
			fill = func(i, left int, lx float64) {
				if i == len(rem)-1 {
					if left > rem[i] {
						return
					}
					x[i] = left
					nr := make([]int, len(rem))
					for q := range rem {
						nr[q] = rem[q] - x[q]
					}
					lx -= lf[left]
					sortDesc(nr)
					nk := key(nr)
					m := next[nk]
					if m == nil {
						m = map[int64]*past{}
						next[nk] = m
					}
					for _, p := range open {
						lp := p.lp + lx
						kk := int64(math.Round(lp * 1e9))
						if q, ok := m[kk]; ok {
							q.count += p.count
						} else {
							m[kk] = &past{lp, p.count}
						}
						work++
					}
					return
				}
				below := 0
				for _, v := range rem[i+1:] {
					below += v
				}
				for v := max(0, left-below); v <= min(left, rem[i]); v++ {
					x[i] = v
					fill(i+1, left-v, lx-lf[v])
				}
			}
			fill(0, cs[j], 0)
			if work > MaxFisherTables {
				return 0, inputErr("FisherTest", "table", "needs more than %d network paths", "use FisherTestSim (Monte Carlo p-value), or raise stats.MaxFisherTables", MaxFisherTables)
			}
		}
		nodes = next
	}
	return math.Min(1, total), nil
}
