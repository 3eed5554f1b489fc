package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// tableSampler draws r×c tables with the margins of a table, uniformly over
// the arrangements of the n observations (the conditional distribution
// under independence, as R's r2dtable), by shuffling the column labels of
// the observations against fixed row labels.
type tableSampler struct {
	r, c   int
	rowOf  []int // row label of each observation
	colOf  []int // column labels, shuffled per draw
	rs, cs []float64
	n      float64
}

func newTableSampler(t [][]float64) *tableSampler {
	s := &tableSampler{r: len(t), c: len(t[0]), rs: make([]float64, len(t)), cs: make([]float64, len(t[0]))}
	for i, row := range t {
		for j, v := range row {
			k := int(v)
			for q := 0; q < k; q++ {
				s.rowOf = append(s.rowOf, i)
				s.colOf = append(s.colOf, j)
			}
			s.rs[i] += v
			s.cs[j] += v
			s.n += v
		}
	}
	return s
}

// draw fills out (r×c, flattened) with a random table.
func (s *tableSampler) draw(r *rand.Rand, cols []int, out []float64) {
	r.Shuffle(len(cols), func(a, b int) { cols[a], cols[b] = cols[b], cols[a] })
	for i := range out {
		out[i] = 0
	}
	for k, i := range s.rowOf {
		out[i*s.c+cols[k]]++
	}
}

func wholeCounts(fn string, t [][]float64) error {
	for i := range t {
		for j, v := range t[i] {
			if v != math.Round(v) {
				return inputErr(fn, "table", "cell [%d][%d] = %g is not a whole count", "simulation needs integer counts", i, j, v)
			}
		}
	}
	return nil
}

// ChisqTestSim is Pearson's χ² test of independence with a Monte Carlo
// p-value (R's chisq.test(simulate.p.value = TRUE, B = BootOpt.R), default
// 2000 tables): tables with the observed margins are drawn uniformly over
// arrangements (as R's r2dtable) and p = (1 + #{X²* ≥ X²})/(B + 1). Use it
// when expected counts are small and the table is too big for FisherTest.
// Reproducible for a seed, on all cores.
func ChisqTestSim(table [][]float64, bo BootOpt, opts ...Opt) (*HTest, error) {
	o, err := getOpt("ChisqTestSim", opts)
	if err != nil {
		return nil, err
	}
	bo.norm(2000)
	if _, _, _, err := checkTable("ChisqTestSim", table); err != nil {
		return nil, err
	}
	if err := wholeCounts("ChisqTestSim", table); err != nil {
		return nil, err
	}
	o2 := o
	o2.NoCorrect = true
	h, err := ChisqTest(table, o2)
	if err != nil {
		return nil, err
	}
	s := newTableSampler(table)
	E := h.Expected
	obs := h.Statistic
	stat := func(t []float64) float64 {
		x := 0.0
		for i := 0; i < s.r; i++ {
			for j := 0; j < s.c; j++ {
				d := t[i*s.c+j] - E[i][j]
				x += d * d / E[i][j]
			}
		}
		return x
	}
	counts := make([]int, (bo.R+chunkSize-1)/chunkSize)
	almost := 1 + 64*dblEps
	err = parallelChunks("simulated tables", bo, func(lo, hi int, r *rand.Rand) {
		cols := append([]int(nil), s.colOf...)
		t := make([]float64, s.r*s.c)
		c := 0
		for i := lo; i < hi; i++ {
			s.draw(r, cols, t)
			if stat(t) >= obs/almost {
				c++
			}
		}
		counts[lo/chunkSize] = c
	})
	if err != nil {
		return nil, err
	}
	ext := 0
	for _, c := range counts {
		ext += c
	}
	h.Method = fmt.Sprintf("Pearson's Chi-squared test with simulated p-value (based on %d replicates, seed %d)", bo.R, bo.Seed)
	h.ParamNames, h.Params = nil, nil
	h.PValue = float64(1+ext) / float64(bo.R+1)
	h.report = "χ² = " + num(obs, 3)
	h.Notes = nil
	for i := range h.Checks {
		if h.Checks[i].Assumption == "expected counts ≥ 5" {
			h.Checks[i].OK = true
			h.Checks[i].Detail += " (not needed: the p-value is simulated)"
		}
	}
	return h, nil
}

// FisherTestSim is Fisher's exact test with a Monte Carlo p-value for
// tables too large to enumerate (R's fisher.test(simulate.p.value = TRUE)):
// p = (1 + #{P(table*) ≤ P(table)})/(B + 1) over B = BootOpt.R (default
// 2000) tables drawn with the observed margins.
func FisherTestSim(table [][]float64, bo BootOpt, opts ...Opt) (*HTest, error) {
	o, err := getOpt("FisherTestSim", opts)
	if err != nil {
		return nil, err
	}
	bo.norm(2000)
	_, _, n, err := checkTable("FisherTestSim", table)
	if err != nil {
		return nil, err
	}
	if err := wholeCounts("FisherTestSim", table); err != nil {
		return nil, err
	}
	s := newTableSampler(table)
	lf := make([]float64, int(n)+1)
	for i := 1; i < len(lf); i++ {
		lf[i] = lf[i-1] + math.Log(float64(i))
	}
	// -Σ log xᵢⱼ! orders tables by probability (the margins are fixed)
	score := func(t []float64) float64 {
		x := 0.0
		for _, v := range t {
			x -= lf[int(v)]
		}
		return x
	}
	flat := make([]float64, 0, s.r*s.c)
	for _, row := range table {
		flat = append(flat, row...)
	}
	obs := score(flat)
	thr := obs + 1e-7*math.Max(1, math.Abs(obs))
	counts := make([]int, (bo.R+chunkSize-1)/chunkSize)
	err = parallelChunks("simulated tables", bo, func(lo, hi int, r *rand.Rand) {
		cols := append([]int(nil), s.colOf...)
		t := make([]float64, s.r*s.c)
		c := 0
		for i := lo; i < hi; i++ {
			s.draw(r, cols, t)
			if score(t) <= thr {
				c++
			}
		}
		counts[lo/chunkSize] = c
	})
	if err != nil {
		return nil, err
	}
	ext := 0
	for _, c := range counts {
		ext += c
	}
	h := newHTest(o)
	h.Method = fmt.Sprintf("Fisher's Exact Test for Count Data with simulated p-value (based on %d replicates, seed %d)", bo.R, bo.Seed)
	if h.Data == "" {
		h.Data = "table"
	}
	h.PValue = float64(1+ext) / float64(bo.R+1)
	h.Alternative = TwoSided
	h.N = []int{int(n)}
	h.subject = "the association"
	h.h1 = "row and column variables are associated"
	return h, nil
}
