package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"sync"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// Grid lists candidate values per hyperparameter (field name), e.g.
//
//	ml.Grid{"MaxDepth": {0, 5, 10}, "MaxFeatures": {"sqrt", "0.5"}}
type Grid map[string][]any

// combos expands the grid into every combination (keys sorted, so the order
// is fixed).
func (g Grid) combos() []Params {
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []Params{{}}
	for _, k := range keys {
		var next []Params
		for _, p := range out {
			for _, v := range g[k] {
				q := Params{}
				for a, b := range p {
					q[a] = b
				}
				q[k] = v
				next = append(next, q)
			}
		}
		out = next
	}
	return out
}

// SearchResult is the outcome of a hyperparameter search: every candidate's
// cross-validated mean and sd, their ranks, and the best model refitted on
// all the data.
type SearchResult struct {
	Metric     string
	Candidates []Params
	Mean, SD   []float64
	// Scores[i] are candidate i's fold scores.
	Scores [][]float64
	// Rank[i] is candidate i's rank (1 = best).
	Rank []int
	// Best are the best parameters and BestScore their mean score.
	Best      Params
	BestScore float64
	// BestModel is a copy of the estimator with Best set, fitted on all rows.
	BestModel Estimator
	// Errors[i] is why candidate i failed ("" when it did not): as
	// scikit-learn's error_score=nan, a candidate whose fit fails on a
	// fold scores NaN there, ranks last, and the search goes on.
	Errors []string
}

// GridSearch cross-validates (k folds, seed, metric as in CrossValidate)
// every combination of the grid's values on frame f, ranks them, and
// refits the best on all of f. All (candidate, fold) fits run in parallel
// on all cores; the search stops when the cell is interrupted.
func GridSearch(e Estimator, grid Grid, f *frame.Frame, target string, k int, seed uint64, metric string) (*SearchResult, error) {
	if err := grid.checkForGrid(); err != nil {
		return nil, err
	}
	d, err := frameDataset(e, f, target)
	if err != nil {
		return nil, err
	}
	return search(e, grid.combos(), d, k, seed, metric)
}

// checkForGrid rejects distributions (RandomSearch only) and checks them.
func (g Grid) checkForGrid() error {
	if g.hasDists() {
		return fmt.Errorf("ml: the grid has a distribution (Uniform, LogUniform, IntRange); use RandomSearch, or list the values")
	}
	return nil
}

func (g Grid) checkDists() error {
	for _, vs := range g {
		for _, v := range vs {
			if d, ok := v.(*Dist); ok {
				if err := d.check(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// GridSearchXY is GridSearch on a matrix and target vector.
func GridSearchXY(e Estimator, grid Grid, X *mat.Dense, y []float64, k int, seed uint64, metric string) (*SearchResult, error) {
	if err := grid.checkForGrid(); err != nil {
		return nil, err
	}
	d, err := matrixDataset(e, X, y)
	if err != nil {
		return nil, err
	}
	return search(e, grid.combos(), d, k, seed, metric)
}

// RandomSearch is GridSearch over nIter candidates drawn at random with
// seed: combinations of the listed values (without repeats), or, when an
// entry is a distribution (Uniform, LogUniform, IntRange), values drawn
// from it (sklearn RandomizedSearchCV).
func RandomSearch(e Estimator, grid Grid, nIter int, f *frame.Frame, target string, k int, seed uint64, metric string) (*SearchResult, error) {
	if err := grid.checkDists(); err != nil {
		return nil, err
	}
	d, err := frameDataset(e, f, target)
	if err != nil {
		return nil, err
	}
	return search(e, sampleCombos(grid, nIter, seed), d, k, seed, metric)
}

// RandomSearchXY is RandomSearch on a matrix and target vector.
func RandomSearchXY(e Estimator, grid Grid, nIter int, X *mat.Dense, y []float64, k int, seed uint64, metric string) (*SearchResult, error) {
	if err := grid.checkDists(); err != nil {
		return nil, err
	}
	d, err := matrixDataset(e, X, y)
	if err != nil {
		return nil, err
	}
	return search(e, sampleCombos(grid, nIter, seed), d, k, seed, metric)
}

// hasDists reports whether any grid entry is a distribution.
func (g Grid) hasDists() bool {
	for _, vs := range g {
		for _, v := range vs {
			if _, ok := v.(*Dist); ok {
				return true
			}
		}
	}
	return false
}

func sampleCombos(g Grid, n int, seed uint64) []Params {
	if g.hasDists() {
		// draw n candidates: distributions are sampled, lists picked from
		r := rand.New(rand.NewPCG(seed, 0xd157))
		keys := make([]string, 0, len(g))
		for k := range g {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if n <= 0 {
			n = 10
		}
		out := make([]Params, n)
		for i := range out {
			p := Params{}
			for _, k := range keys {
				vs := g[k]
				if len(vs) == 0 {
					continue
				}
				v := vs[r.IntN(len(vs))]
				if d, ok := v.(*Dist); ok {
					v = d.draw(r)
				}
				p[k] = v
			}
			out[i] = p
		}
		return out
	}
	all := g.combos()
	if n <= 0 || n >= len(all) {
		return all
	}
	r := rand.New(rand.NewPCG(seed, 0x5ea2c4))
	perm := r.Perm(len(all))[:n]
	sort.Ints(perm)
	out := make([]Params, n)
	for i, p := range perm {
		out[i] = all[p]
	}
	return out
}

func search(e Estimator, cands []Params, d *dataset, k int, seed uint64, metric string) (*SearchResult, error) {
	if k == 0 {
		k = 5
	}
	if len(cands) == 0 {
		return nil, fmt.Errorf("ml: the grid is empty")
	}
	s, err := getScorer(metric, IsClassifier(e))
	if err != nil {
		return nil, err
	}
	// check every parameter name once, up front
	for _, c := range cands {
		if err := Clone(e).SetParams(c); err != nil {
			return nil, err
		}
	}
	folds, err := d.folds(k, seed)
	if err != nil {
		return nil, err
	}
	r := &SearchResult{Metric: s.name, Candidates: cands, Mean: make([]float64, len(cands)), SD: make([]float64, len(cands)), Scores: make([][]float64, len(cands)), Rank: make([]int, len(cands))}
	for i := range r.Scores {
		r.Scores[i] = make([]float64, k)
	}
	r.Errors = make([]string, len(cands))
	var failMu sync.Mutex
	failed := 0
	err = parallelFor(ctxOf(), "grid search", len(cands)*k, func(t int) error {
		c, fo := t/k, t%k
		v, _, _, err := d.fitScore(e, cands[c], folds[fo].Train, folds[fo].Test, s)
		if err != nil {
			if ctxOf().Err() != nil {
				return err // interrupted: stop the search
			}
			failMu.Lock()
			if r.Errors[c] == "" {
				r.Errors[c] = fmt.Sprintf("fold %d: %v", fo+1, err)
				failed++
			}
			failMu.Unlock()
			v = math.NaN()
		}
		r.Scores[c][fo] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	if failed == len(cands) {
		return nil, fmt.Errorf("ml: every candidate failed; the first, %v, on %s", cands[0], r.Errors[0])
	}
	ord := make([]int, len(cands))
	for i := range cands {
		r.Mean[i], r.SD[i] = meanSD1(r.Scores[i])
		if r.Errors[i] != "" {
			r.Mean[i], r.SD[i] = math.NaN(), math.NaN()
		}
		ord[i] = i
	}
	sort.SliceStable(ord, func(a, b int) bool {
		ma, mb := r.Mean[ord[a]], r.Mean[ord[b]]
		if math.IsNaN(ma) || math.IsNaN(mb) {
			return !math.IsNaN(ma) && math.IsNaN(mb) // failed candidates last
		}
		if s.greater {
			return ma > mb
		}
		return ma < mb
	})
	for rank, i := range ord {
		r.Rank[i] = rank + 1
	}
	best := ord[0]
	r.Best, r.BestScore = cands[best], r.Mean[best]
	m := Clone(e)
	if err := m.SetParams(r.Best); err != nil {
		return nil, err
	}
	if d.f != nil {
		err = m.Fit(d.f, d.target)
	} else {
		err = m.FitXY(d.X, d.y)
	}
	if err != nil {
		return nil, err
	}
	r.BestModel = m
	return r, nil
}

// Display shows the candidates ranked by their mean score.
func (r *SearchResult) Display(o display.Options) display.Bundle {
	if r == nil {
		return display.Text("nil", "<nil SearchResult>")
	}
	t := &textTable{title: fmt.Sprintf("Hyperparameter search: %d candidates × %d folds, %s", len(r.Candidates), len(r.Scores[0]), r.Metric)}
	t.notes = append(t.notes, fmt.Sprintf("best: %s, refitted on %d rows", r.Best, coreNTrain(r.BestModel)))
	t.header = []string{"rank", "parameters", "mean", "sd"}
	ord := make([]int, len(r.Rank))
	for i := range ord {
		ord[i] = i
	}
	sort.SliceStable(ord, func(a, b int) bool { return r.Rank[ord[a]] < r.Rank[ord[b]] })
	for _, i := range ord {
		sd := numDigits(r.SD[i], 3)
		if math.IsNaN(r.SD[i]) {
			sd = "NA"
		}
		mean := numDigits(r.Mean[i], 4)
		if math.IsNaN(r.Mean[i]) {
			mean = "NA"
		}
		t.add(fmt.Sprint(r.Rank[i]), r.Candidates[i].String(), mean, sd)
	}
	for _, i := range ord {
		if i < len(r.Errors) && r.Errors[i] != "" {
			t.notes = append(t.notes, fmt.Sprintf("%s failed (%s)", r.Candidates[i], r.Errors[i]))
		}
	}
	return t.bundle("search", o)
}

// String returns the plain-text display (display.Plain).
func (r *SearchResult) String() string { return r.Display(display.Plain).Text }

func coreNTrain(e Estimator) int {
	if b := coreOf(e); b != nil {
		return b.NTrain
	}
	return 0
}
