package stats

import (
	"fmt"
	"math"
)

// checkTable validates a contingency table of counts.
func checkTable(fn string, t [][]float64) (r, c int, n float64, err error) {
	r = len(t)
	if r == 0 {
		return 0, 0, 0, inputErr(fn, "table", "is empty", "pass rows of counts, e.g. [][]float64{{12, 7}, {5, 15}}")
	}
	c = len(t[0])
	for i, row := range t {
		if len(row) != c {
			return 0, 0, 0, inputErr(fn, "table", "row %d has %d columns, row 1 has %d", "all rows need the same number of columns", i+1, len(row), c)
		}
		for j, v := range row {
			switch {
			case math.IsNaN(v) || math.IsInf(v, 0):
				return 0, 0, 0, inputErr(fn, "table", "cell [%d][%d] is %v", "counts must be finite numbers", i, j, v)
			case v < 0:
				return 0, 0, 0, inputErr(fn, "table", "cell [%d][%d] is negative (%g)", "counts cannot be negative", i, j, v)
			}
			n += v
		}
	}
	if n == 0 {
		return 0, 0, 0, inputErr(fn, "table", "has no counts (all cells are 0)", "")
	}
	return r, c, n, nil
}

// ChisqTest performs Pearson's χ² test of independence on an r×c table of
// counts (rows of the slice are the table's rows; R's chisq.test(matrix)):
// X² = Σ(|Oᵢⱼ - Eᵢⱼ| - Y)²/Eᵢⱼ with Eᵢⱼ = rowᵢ·colⱼ/n and (r-1)(c-1) df,
// where Y is Yates' continuity correction min(0.5, min|O-E|) on 2×2 tables
// (turn it off with Opt{NoCorrect: true}) and 0 otherwise. The result
// carries the expected counts, Pearson residuals (O-E)/√E and standardized
// residuals (O-E)/√(E(1-rᵢ/n)(1-cⱼ/n)); the effect size is Cramér's V =
// √(X²/(n(min(r,c)-1))) (uncorrected X²). The check "expected counts ≥ 5"
// is R's warning rule; when it fails, FisherTest is suggested.
func ChisqTest(table [][]float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("ChisqTest", opts)
	if err != nil {
		return nil, err
	}
	r, c, n, err := checkTable("ChisqTest", table)
	if err != nil {
		return nil, err
	}
	if r < 2 || c < 2 {
		return nil, inputErr("ChisqTest", "table", "is %d×%d", "a test of independence needs at least 2 rows and 2 columns; use ChisqGOF for one row of counts", r, c)
	}
	rs := make([]float64, r)
	cs := make([]float64, c)
	for i, row := range table {
		for j, v := range row {
			rs[i] += v
			cs[j] += v
		}
	}
	for i, v := range rs {
		if v == 0 {
			return nil, inputErr("ChisqTest", "table", "row %d sums to 0", "drop empty rows", i+1)
		}
	}
	for j, v := range cs {
		if v == 0 {
			return nil, inputErr("ChisqTest", "table", "column %d sums to 0", "drop empty columns", j+1)
		}
	}
	E := make([][]float64, r)
	minDev := math.Inf(1)
	minE := math.Inf(1)
	for i := range E {
		E[i] = make([]float64, c)
		for j := range E[i] {
			E[i][j] = rs[i] * cs[j] / n
			minDev = math.Min(minDev, math.Abs(table[i][j]-E[i][j]))
			minE = math.Min(minE, E[i][j])
		}
	}
	h := newHTest(o)
	h.Method = "Pearson's Chi-squared test"
	yates := 0.0
	if !o.NoCorrect && r == 2 && c == 2 {
		yates = math.Min(0.5, minDev)
		if yates > 0 {
			h.Method += " with Yates' continuity correction"
		}
	}
	var stat, raw float64
	h.Expected = E
	h.Residuals = make([][]float64, r)
	h.StdResiduals = make([][]float64, r)
	for i := range E {
		h.Residuals[i] = make([]float64, c)
		h.StdResiduals[i] = make([]float64, c)
		for j := range E[i] {
			d := math.Abs(table[i][j]-E[i][j]) - yates
			stat += d * d / E[i][j]
			dr := table[i][j] - E[i][j]
			raw += dr * dr / E[i][j]
			h.Residuals[i][j] = dr / math.Sqrt(E[i][j])
			v := cs[j] * rs[i] * (n - rs[i]) * (n - cs[j]) / (n * n * n)
			h.StdResiduals[i][j] = dr / math.Sqrt(v)
		}
	}
	df := float64((r - 1) * (c - 1))
	if h.Data == "" {
		h.Data = "table"
	}
	h.StatName, h.Statistic = "X-squared", stat
	h.ParamNames, h.Params = []string{"df"}, []float64{df}
	h.PValue = ChiSquared{df}.Survival(stat)
	h.N = []int{int(n)}
	h.subject = "the association"
	h.h1 = "row and column variables are associated"
	h.report = fmt.Sprintf("χ²(%s) = %s", rNum(df), num(stat, 3))
	k := math.Min(float64(r), float64(c)) - 1
	v := math.Sqrt(raw / (n * k))
	h.Effect = &Effect{Name: "Cramér's V", Value: v, ConfInt: [2]float64{math.NaN(), math.NaN()}, ConfLevel: 0.95, Magnitude: cramerMagnitude(v, k)}
	if !o.NoChecks {
		// 95 % interval from the non-central χ² (as CramersV)
		cdf := func(l float64) float64 { return pnchisq(raw, df, l) }
		llo, lhi := ncpLimit(cdf, 0.975), ncpLimit(cdf, 0.025)
		h.Effect.ConfInt = [2]float64{math.Sqrt(llo / (n * k)), math.Min(1, math.Sqrt(lhi/(n*k)))}
	}
	chk := Check{Assumption: "expected counts ≥ 5", Method: "smallest expected count", Value: minE, Detail: "= " + num(minE, 3), OK: minE >= 5}
	if !chk.OK {
		chk.Suggestion = "the χ² approximation may be incorrect; use FisherTest (exact) or ChisqTestSim (simulated p-value)"
		h.Notes = append(h.Notes, "Chi-squared approximation may be incorrect")
	}
	h.Checks = []Check{chk, {Assumption: "independent observations, each counted once", Detail: "a design question"}}
	return h, nil
}

// cramerMagnitude labels Cramér's V by Cohen's conventions for w = V√k.
func cramerMagnitude(v, k float64) string {
	w := v * math.Sqrt(k)
	switch {
	case w < 0.1:
		return "negligible"
	case w < 0.3:
		return "small"
	case w < 0.5:
		return "medium"
	}
	return "large"
}

// ChisqTestBy cross-tabulates two categorical columns and tests their
// independence with ChisqTest.
func ChisqTestBy(a, b []string, opts ...Opt) (*HTest, error) {
	ct, err := CrossTab(a, b)
	if err != nil {
		return nil, err
	}
	h, err := ChisqTest(ct.Counts, opts...)
	if err != nil {
		return nil, err
	}
	if len(opts) == 0 || opts[0].Data == "" {
		h.Data = "a and b"
	}
	h.RowNames, h.ColNames = ct.RowLevels, ct.ColLevels
	return h, nil
}

// ChisqGOF performs the χ² goodness-of-fit test of counts x against
// probabilities p (R's chisq.test(x, p = p)); nil p means equal
// probabilities. X² = Σ(xᵢ - npᵢ)²/(npᵢ) with k-1 df. p must sum to 1
// (within 1e-8 relative). Effect size: Cohen's w = √(X²/n).
func ChisqGOF(x []float64, p []float64, opts ...Opt) (*HTest, error) {
	o, err := getOpt("ChisqGOF", opts)
	if err != nil {
		return nil, err
	}
	_, k, n, err := checkTable("ChisqGOF", [][]float64{x})
	if err != nil {
		return nil, err
	}
	if k < 2 {
		return nil, inputErr("ChisqGOF", "x", "has a single category", "need at least 2 categories")
	}
	if p == nil {
		p = make([]float64, k)
		for i := range p {
			p[i] = 1 / float64(k)
		}
	}
	if len(p) != k {
		return nil, inputErr("ChisqGOF", "p", "has %d probabilities for %d counts", "give one probability per category", len(p), k)
	}
	sp := 0.0
	for i, v := range p {
		if !(v >= 0) {
			return nil, inputErr("ChisqGOF", "p", "entry %d is %g", "probabilities must be non-negative", i+1, v)
		}
		sp += v
	}
	if math.Abs(sp-1) > 1e-8*float64(k) {
		return nil, inputErr("ChisqGOF", "p", "sums to %g, not 1", "rescale the probabilities", sp)
	}
	h := newHTest(o)
	h.Method = "Chi-squared test for given probabilities"
	stat := 0.0
	minE := math.Inf(1)
	E := make([]float64, k)
	res := make([]float64, k)
	for i := range x {
		E[i] = n * p[i]
		d := x[i] - E[i]
		stat += d * d / E[i]
		res[i] = d / math.Sqrt(E[i])
		minE = math.Min(minE, E[i])
	}
	df := float64(k - 1)
	if h.Data == "" {
		h.Data = "x"
	}
	h.Expected = [][]float64{E}
	h.Residuals = [][]float64{res}
	h.StatName, h.Statistic = "X-squared", stat
	h.ParamNames, h.Params = []string{"df"}, []float64{df}
	h.PValue = ChiSquared{df}.Survival(stat)
	h.N = []int{int(n)}
	h.subject = "the departure from the given probabilities"
	h.h1 = "category probabilities differ from the given ones"
	h.report = fmt.Sprintf("χ²(%s) = %s", rNum(df), num(stat, 3))
	w := math.Sqrt(stat / n)
	h.Effect = &Effect{Name: "Cohen's w", Value: w, ConfInt: [2]float64{math.NaN(), math.NaN()}, Magnitude: cramerMagnitude(w, 1)}
	chk := Check{Assumption: "expected counts ≥ 5", Method: "smallest expected count", Value: minE, Detail: "= " + num(minE, 3), OK: minE >= 5}
	if !chk.OK {
		chk.Suggestion = "combine small categories, or use an exact multinomial test"
		h.Notes = append(h.Notes, "Chi-squared approximation may be incorrect")
	}
	h.Checks = []Check{chk}
	return h, nil
}
