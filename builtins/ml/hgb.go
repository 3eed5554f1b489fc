package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// hgbConfig are the boosting hyperparameters shared by the classifier and
// the regressor.
type hgbConfig struct {
	lr                 float64
	maxIter, maxLeaves int
	maxDepth, minLeaf  int
	l2                 float64
	maxBins            int
	early              bool
	valFrac            float64
	nNoChange          int
	tol                float64
	seed               uint64
}

func hgbResolve(lr float64, maxIter, maxLeaves, maxDepth, minLeaf int, l2 float64, maxBins int, early string, valFrac float64, nNoChange int, tol float64, seed uint64, n int) (hgbConfig, error) {
	c := hgbConfig{lr: lr, maxIter: maxIter, maxLeaves: maxLeaves, maxDepth: maxDepth, minLeaf: minLeaf, l2: l2, maxBins: maxBins, valFrac: valFrac, nNoChange: nNoChange, tol: tol, seed: seed}
	// zero values mean the default; values out of scikit-learn's ranges
	// are errors rather than silently replaced
	for _, b := range []struct {
		bad        bool
		name, want string
		got        any
	}{
		{lr < 0 || math.IsNaN(lr), "LearningRate", "> 0 (0 = the default 0.1)", lr},
		{maxIter < 0, "MaxIter", "≥ 1 (0 = the default 100)", maxIter},
		{maxLeaves < 0, "MaxLeafNodes", "≥ 2 (0 = the default 31)", maxLeaves},
		{maxDepth < 0, "MaxDepth", "≥ 1 (0 = unlimited)", maxDepth},
		{minLeaf < 0, "MinSamplesLeaf", "≥ 1 (0 = the default 20)", minLeaf},
		{l2 < 0 || math.IsNaN(l2), "L2Regularization", "≥ 0", l2},
		{maxBins < 0 || maxBins == 1 || maxBins > 255, "MaxBins", "in [2, 255] (0 = the default 255)", maxBins},
		{valFrac < 0 || valFrac >= 1 || math.IsNaN(valFrac), "ValidationFraction", "in (0, 1) (0 = the default 0.1)", valFrac},
		{nNoChange < 0, "NIterNoChange", "≥ 1 (0 = the default 10)", nNoChange},
		{tol < 0 || math.IsNaN(tol), "Tol", "≥ 0 (0 = the default 1e-7)", tol},
	} {
		if b.bad {
			return c, fmt.Errorf("ml: HistGradientBoosting %s = %v is out of range; use a value %s", b.name, b.got, b.want)
		}
	}
	if c.lr <= 0 {
		c.lr = 0.1
	}
	if c.maxIter <= 0 {
		c.maxIter = 100
	}
	if c.maxLeaves <= 0 {
		c.maxLeaves = 31
	}
	if c.maxLeaves < 2 {
		return c, fmt.Errorf("ml: MaxLeafNodes must be at least 2")
	}
	if c.minLeaf <= 0 {
		c.minLeaf = 20
	}
	if c.maxBins <= 1 || c.maxBins > 255 {
		c.maxBins = 255
	}
	if c.valFrac <= 0 || c.valFrac >= 1 {
		c.valFrac = 0.1
	}
	if c.nNoChange <= 0 {
		c.nNoChange = 10
	}
	if c.tol <= 0 {
		c.tol = 1e-7
	}
	switch strings.ToLower(early) {
	case "", "auto":
		c.early = n > 10000
	case "on", "true", "yes":
		c.early = true
	case "off", "false", "no":
		c.early = false
	default:
		return c, fmt.Errorf("ml: EarlyStopping %q: use \"auto\", \"on\" or \"off\"", early)
	}
	return c, nil
}

// hgbFit is the fitted state of a boosting model.
type hgbFit struct {
	Bins      *binMapper `json:"bins"`
	Baseline  []float64  `json:"baseline"`
	Trees     [][]*tree  `json:"trees"` // [iteration][class]
	NIter     int        `json:"n_iter"`
	ValScores []float64  `json:"validation_scores,omitempty"`
}

// boost runs gradient boosting. loss: "squared_error", "log_loss" with K
// columns of raw scores (K = 1 binary, K ≥ 3 multinomial). yc are class
// indices (classification), yr targets (regression).
func boost(X *mat.Dense, yc []int, yr []float64, K int, loss string, c hgbConfig, task string) (*hgbFit, error) {
	n, _ := X.Dims()
	ctx := ctxOf()
	// train/validation split (stratified for classifiers)
	trainIdx, valIdx := make([]int, 0, n), []int(nil)
	if c.early {
		r := rand.New(rand.NewPCG(c.seed, 0xe5))
		groups := map[int][]int{}
		for i := 0; i < n; i++ {
			key := 0
			if yc != nil {
				key = yc[i]
			}
			groups[key] = append(groups[key], i)
		}
		isVal := make([]bool, n)
		for k := 0; k < len(groups)+1; k++ {
			g, ok := groups[k]
			if !ok {
				continue
			}
			r.Shuffle(len(g), func(a, b int) { g[a], g[b] = g[b], g[a] })
			nv := int(math.Ceil(c.valFrac * float64(len(g))))
			for _, i := range g[:nv] {
				isVal[i] = true
			}
		}
		for i := 0; i < n; i++ {
			if isVal[i] {
				valIdx = append(valIdx, i)
			} else {
				trainIdx = append(trainIdx, i)
			}
		}
	} else {
		for i := 0; i < n; i++ {
			trainIdx = append(trainIdx, i)
		}
	}
	Xt := X
	if len(trainIdx) < n {
		Xt = rowsDense(X, trainIdx)
	}
	bm := fitBins(Xt, c.maxBins)
	bt := bm.transformBytes(Xt)
	var bv *binned
	if valIdx != nil {
		bv = bm.transformBytes(rowsDense(X, valIdx))
	}
	nt := len(trainIdx)
	width := K
	// baseline
	base := make([]float64, width)
	switch {
	case loss == "squared_error":
		s := 0.0
		for _, i := range trainIdx {
			s += yr[i]
		}
		base[0] = s / float64(nt)
	case K == 1:
		s := 0.0
		for _, i := range trainIdx {
			s += float64(yc[i])
		}
		p := clamp(s/float64(nt), 1e-15, 1-1e-15)
		base[0] = math.Log(p / (1 - p))
	default:
		cnt := make([]float64, K)
		for _, i := range trainIdx {
			cnt[yc[i]]++
		}
		mean := 0.0
		for k := range cnt {
			base[k] = math.Log(clamp(cnt[k]/float64(nt), 2.220446049250313e-16, 1-2.220446049250313e-16))
			mean += base[k]
		}
		for k := range base {
			base[k] -= mean / float64(K)
		}
	}
	raw := make([]float64, nt*width)
	for i := 0; i < nt; i++ {
		copy(raw[i*width:], base)
	}
	var rawV []float64
	if bv != nil {
		rawV = make([]float64, len(valIdx)*width)
		for i := range valIdx {
			copy(rawV[i*width:], base)
		}
	}
	ytc := make([]int, nt)
	ytr := make([]float64, nt)
	for a, i := range trainIdx {
		if yc != nil {
			ytc[a] = yc[i]
		} else {
			ytr[a] = yr[i]
		}
	}
	var wp *hgbPool // the fit's workers (below)
	var lossV []float64
	valLoss := func() float64 {
		// the rows' losses on all workers, their sum in row order
		if lossV == nil {
			lossV = make([]float64, len(valIdx))
		}
		nv := len(valIdx)
		k := min(4*wp.n, nv/1024+1)
		wp.do(k, func(t int) {
			lo, hi := blocks(nv, k, t)
			for a := lo; a < hi; a++ {
				lossV[a] = pointLoss(loss, K, rawV[a*width:(a+1)*width], yc, yr, valIdx[a])
			}
		})
		s := 0.0
		for _, l := range lossV {
			s += l
		}
		return s / float64(len(valIdx))
	}
	// one team of workers for the whole fit: every node's histograms, the
	// partitions of large nodes, the gradients and the validation scores
	// are shared between them
	wp = newHGBPool(workers(math.MaxInt32))
	defer wp.stop()
	fit := &hgbFit{Bins: bm, Baseline: base}
	if bv != nil {
		fit.ValScores = append(fit.ValScores, -valLoss())
	}
	g := make([][]float32, width)
	h := make([][]float32, width)
	for k := range g {
		g[k] = make([]float32, nt)
		h[k] = make([]float32, nt)
	}
	constHess := loss == "squared_error"
	// gradient and hessian of row i from its raw scores r
	var y8 []uint8 // binary classes as bytes, for the gradient pass
	if K == 1 && !constHess {
		y8 = make([]uint8, nt)
		for i, v := range ytc {
			y8[i] = uint8(v)
		}
	}
	// gradients and hessians of rows [lo, hi) from their raw scores
	// with one output, the last tree's leaf values are added to the raw
	// scores in the gradient pass: leafOf[i] is row i's leaf in leafVals
	var leafOf []uint16
	var leafVals []float64
	addLeaves := func(r []float64, lo int) {
		if len(leafVals) == 0 {
			return
		}
		lf := leafOf[lo : lo+len(r)]
		for i := range r {
			r[i] += leafVals[lf[i]]
		}
	}
	gradRange := func(lo, hi int) {
		switch {
		case constHess:
			g0, r, y := g[0][lo:hi], raw[lo:hi], ytr[lo:hi]
			addLeaves(r, lo)
			for i := range g0 {
				g0[i] = float32(r[i] - y[i])
			}
		case K == 1:
			g0, h0, r, y := g[0][lo:hi], h[0][lo:hi], raw[lo:hi], y8[lo:hi]
			addLeaves(r, lo)
			for i := range g0 {
				p := hgbSigmoid(r[i])
				g0[i] = float32(p - float64(y[i]))
				h0[i] = float32(p * (1 - p))
			}
		default:
			prob := make([]float64, K)
			for i := lo; i < hi; i++ {
				softmax(raw[i*width:(i+1)*width], prob)
				for k := 0; k < K; k++ {
					y := 0.0
					if ytc[i] == k {
						y = 1
					}
					g[k][i] = float32(prob[k] - y)
					h[k][i] = float32(prob[k] * (1 - prob[k]))
				}
			}
		}
	}
	allGrad := func() {
		k := nt/2048 + 1 // tasks of ~25 µs, so no worker waits long for the last
		wp.do(k, func(t int) { gradRange(blocks(nt, k, t)) })
		if constHess {
			h[0][0] = 1
		}
	}
	allGrad()
	rows := make([]int32, nt) // 0, 1, …, nt−1 before each tree
	for i := range rows {
		rows[i] = int32(i)
	}
	var rootCnt [][256]float64
	growers := make([]*hgbGrower, width)
	for it := 0; it < c.maxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		trees := make([]*tree, width)
		for k := 0; k < width; k++ {
			if growers[k] == nil {
				growers[k] = &hgbGrower{b: bt, g: g[k], h: h[k], constHess: constHess, maxLeaves: c.maxLeaves, maxDepth: c.maxDepth,
					minLeaf: c.minLeaf, l2: c.l2, minHess: 1e-3, lr: c.lr, nbMax: c.maxBins + 1, rootCnt: &rootCnt, identity: true, wp: wp}
			}
			gr := growers[k] // reused: its histogram pool and buffers carry over
			trees[k] = gr.grow(rows)
			// add the leaf values to the raw scores, in blocks of the rows
			// (each leaf's rows are contiguous in rows), and put the block
			// of rows back in order for the next tree; with one output and
			// a next iteration, only note each row's leaf (a small array
			// written at random instead of the raw scores): the gradient
			// pass adds the values in row order
			leaves := gr.leaves
			slices.SortFunc(leaves, func(a, b hgbLeaf) int { return a.off - b.off })
			deferAdd := width == 1 && it+1 < c.maxIter && len(leaves) <= math.MaxUint16
			leafVals = nil
			if deferAdd {
				if leafOf == nil {
					leafOf = make([]uint16, nt)
				}
				for _, lf := range leaves {
					leafVals = append(leafVals, lf.v)
				}
			}
			kb := nt/4096 + 1
			wp.do(kb, func(t int) {
				lo, hi := blocks(nt, kb, t)
				for l, lf := range leaves {
					a, b := max(lf.off, lo), min(lf.off+lf.n, hi)
					if deferAdd {
						for _, i := range rows[a:max(a, b)] {
							leafOf[i] = uint16(l)
						}
						continue
					}
					for _, i := range rows[a:max(a, b)] {
						raw[int(i)*width+k] += lf.v
					}
				}
				for i := lo; i < hi; i++ {
					rows[i] = int32(i)
				}
			})
			if bv != nil {
				tk, nv := trees[k], len(valIdx)
				kb := min(4*wp.n, nv/1024+1)
				wp.do(kb, func(t int) {
					lo, hi := blocks(nv, kb, t)
					for a := lo; a < hi; a++ {
						rawV[a*width+k] += tk.Value[hgbLeafBinned(tk, bv, a)]
					}
				})
			}
		}
		if it+1 < c.maxIter {
			allGrad()
		}
		fit.Trees = append(fit.Trees, trees)
		fit.NIter = it + 1
		if task != "" {
			cellProgress(task, it+1, c.maxIter)
		}
		if bv != nil {
			fit.ValScores = append(fit.ValScores, -valLoss())
			sc := fit.ValScores
			ref := c.nNoChange + 1
			if len(sc) >= ref {
				refScore := sc[len(sc)-ref] + c.tol
				improved := false
				for _, s := range sc[len(sc)-ref+1:] {
					if s > refScore {
						improved = true
					}
				}
				if !improved {
					break
				}
			}
		}
	}
	return fit, nil
}

// hgbLeafBinned returns the leaf of t reached by row i of byte-coded data.
func hgbLeafBinned(t *tree, b *binned, i int) int {
	k := int32(0)
	miss := b.m.MissingBin
	for t.Feature[k] >= 0 {
		c := b.codes8[t.Feature[k]][i]
		if int(c) == miss {
			if t.MissingLeft[k] {
				k = t.Left[k]
			} else {
				k = t.Right[k]
			}
		} else if uint16(c) <= t.bin[k] {
			k = t.Left[k]
		} else {
			k = t.Right[k]
		}
	}
	return int(k)
}

// hgbSigmoid is 1/(1+e^−x), computed without overflow.
//
// It is 1/(1+e^−x) for x ≥ 0 and e^x/(1+e^x) otherwise, written without a
// branch on the sign (which is random from row to row): both are
// num/(1+e) with e = e^−|x| and num = 1 or e, chosen by the sign bit (for
// x = −0, e = 1 = num either way).
func hgbSigmoid(x float64) float64 {
	e := math.Exp(-math.Abs(x))
	neg := uint64(int64(math.Float64bits(x)) >> 63) // all ones when x < 0
	num := math.Float64frombits(math.Float64bits(e)&neg | math.Float64bits(1)&^neg)
	return num / (1 + e)
}

func pointLoss(loss string, K int, r []float64, yc []int, yr []float64, i int) float64 {
	switch {
	case loss == "squared_error":
		d := r[0] - yr[i]
		return 0.5 * d * d
	case K == 1:
		y := float64(yc[i])
		return log1pexp(r[0]) - y*r[0]
	default:
		mx := r[0]
		for _, v := range r {
			mx = math.Max(mx, v)
		}
		s := 0.0
		for _, v := range r {
			s += math.Exp(v - mx)
		}
		return mx + math.Log(s) - r[yc[i]]
	}
}

func softmax(r, out []float64) {
	mx := r[0]
	for _, v := range r {
		mx = math.Max(mx, v)
	}
	s := 0.0
	for k, v := range r {
		out[k] = math.Exp(v - mx)
		s += out[k]
	}
	for k := range out {
		out[k] /= s
	}
}

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }

// rowsDense copies the given rows of X.
func rowsDense(X *mat.Dense, idx []int) *mat.Dense {
	_, p := X.Dims()
	out := mat.NewDense(len(idx), p, nil)
	for a, i := range idx {
		copy(out.RawRowView(a), X.RawRowView(i))
	}
	return out
}

// rawScores returns the n×width raw predictions of the fitted ensemble.
func (f *hgbFit) rawScores(X *mat.Dense) []float64 {
	n, _ := X.Dims()
	width := len(f.Baseline)
	out := make([]float64, n*width)
	parts := chunks(n, workers(n/500+1))
	mustParallel(parallelFor(ctxBackground, "", len(parts), func(c int) error {
		for i := parts[c][0]; i < parts[c][1]; i++ {
			x := X.RawRowView(i)
			r := out[i*width : (i+1)*width]
			copy(r, f.Baseline)
			for _, it := range f.Trees {
				for k, t := range it {
					r[k] += t.Value[t.leaf(x)]
				}
			}
		}
		return nil
	}))
	return out
}

func hgbDisplay(o display.Options, kind string, b *base, f *hgbFit, c Params) display.Bundle {
	if !b.Fitted {
		return display.Text("model", kind+" (not fitted) "+c.String())
	}
	leaves := 0
	nt := 0
	for _, it := range f.Trees {
		for _, t := range it {
			leaves += t.nLeaves()
			nt++
		}
	}
	t := &textTable{title: fmt.Sprintf("%s: %d iterations (%d trees, mean %s leaves), n = %d, %d features", kind, f.NIter, nt, num(float64(leaves)/math.Max(1, float64(nt))), b.NTrain, len(b.Features))}
	if len(f.ValScores) > 0 {
		t.notes = append(t.notes, fmt.Sprintf("early stopping: validation loss %s at the end (best %s)", numDigits(-f.ValScores[len(f.ValScores)-1], 5), numDigits(-maxOf(f.ValScores), 5)))
	}
	t.header = []string{"parameter", "value"}
	for _, k := range []string{"LearningRate", "MaxIter", "MaxLeafNodes", "MinSamplesLeaf", "L2Regularization", "MaxBins", "EarlyStopping"} {
		t.add(k, fmt.Sprint(c[k]))
	}
	return t.bundle("model", o)
}

func maxOf(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = math.Max(m, x)
	}
	return m
}

// HistGradientBoostingClassifier is gradient boosting of regression trees
// on binned features for classification, following scikit-learn's
// HistGradientBoostingClassifier (itself after LightGBM; Ke et al. 2017):
// features are binned once into at most 255 bins plus a bin for missing
// values (which are allowed; each split learns which side they go to);
// each iteration fits, per class, one tree to the gradients and hessians of
// the log-loss (binary: logistic; three or more classes: multinomial
// softmax), grown leaf-wise up to MaxLeafNodes leaves with at least
// MinSamplesLeaf rows per leaf; a leaf predicts −LearningRate·G/(H+λ).
// With EarlyStopping "auto" (default) a stratified ValidationFraction of
// the rows is held out when there are more than 10000 rows, and boosting
// stops when the validation loss has not improved by Tol for NIterNoChange
// iterations.
type HistGradientBoostingClassifier struct {
	// LearningRate shrinks each tree (default 0.1).
	LearningRate float64
	// MaxIter is the number of boosting iterations (default 100).
	MaxIter int
	// MaxLeafNodes is the most leaves per tree (default 31).
	MaxLeafNodes int
	// MaxDepth limits the depth (0 = unlimited).
	MaxDepth int
	// MinSamplesLeaf is the fewest rows per leaf (default 20).
	MinSamplesLeaf int
	// L2Regularization is λ (default 0).
	L2Regularization float64
	// MaxBins is the number of bins for non-missing values (default 255).
	MaxBins int
	// EarlyStopping is "auto" (default), "on" or "off".
	EarlyStopping string
	// ValidationFraction is held out for early stopping (default 0.1).
	ValidationFraction float64
	// NIterNoChange is the early-stopping patience (default 10).
	NIterNoChange int
	// Tol is the least improvement that counts (default 1e-7).
	Tol float64
	// Seed fixes the validation split.
	Seed uint64
	base
	fit hgbFit
}

// NewHistGradientBoostingClassifier returns a booster with sklearn's defaults.
func NewHistGradientBoostingClassifier() *HistGradientBoostingClassifier {
	return &HistGradientBoostingClassifier{LearningRate: 0.1, MaxIter: 100, MaxLeafNodes: 31, MinSamplesLeaf: 20, MaxBins: 255, EarlyStopping: "auto", ValidationFraction: 0.1, NIterNoChange: 10, Tol: 1e-7}
}

func (m *HistGradientBoostingClassifier) isClassifier() bool { return true }
func (m *HistGradientBoostingClassifier) allowNaN() bool     { return true }

// Params returns the hyperparameters.
func (m *HistGradientBoostingClassifier) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *HistGradientBoostingClassifier) SetParams(p Params) error { return setParams(m, p) }

// FitXY runs the boosting.
func (m *HistGradientBoostingClassifier) FitXY(X *mat.Dense, y []float64) error {
	n, _, err := m.checkXY(X, y, true)
	if err != nil {
		return err
	}
	c, err := hgbResolve(m.LearningRate, m.MaxIter, m.MaxLeafNodes, m.MaxDepth, m.MinSamplesLeaf, m.L2Regularization, m.MaxBins, m.EarlyStopping, m.ValidationFraction, m.NIterNoChange, m.Tol, m.Seed, n)
	if err != nil {
		return err
	}
	idx, err := m.encodeClasses(y)
	if err != nil {
		return err
	}
	K := len(m.ClassValues)
	if K == 2 {
		K = 1
	}
	fit, err := boost(X, idx, nil, K, "log_loss", c, "gradient boosting")
	if err != nil {
		return err
	}
	m.fit = *fit
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictProbaX returns class probabilities.
func (m *HistGradientBoostingClassifier) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredictX(X, true); err != nil {
		return nil, err
	}
	n, _ := X.Dims()
	raw := m.fit.rawScores(X)
	K := len(m.ClassValues)
	P := mat.NewDense(n, K, nil)
	for i := 0; i < n; i++ {
		row := P.RawRowView(i)
		if K == 2 {
			q := hgbSigmoid(raw[i])
			row[0], row[1] = 1-q, q
		} else {
			softmax(raw[i*K:(i+1)*K], row)
		}
	}
	return P, nil
}

// PredictX returns the most probable class.
func (m *HistGradientBoostingClassifier) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// NIter is the number of boosting iterations run (fewer than MaxIter when
// early stopping ended it).
func (m *HistGradientBoostingClassifier) NIter() int { return m.fit.NIter }

// Display summarises the model.
func (m *HistGradientBoostingClassifier) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil HistGradientBoostingClassifier>")
	}
	return hgbDisplay(o, "Histogram gradient boosting classifier", &m.base, &m.fit, m.Params())
}

// String returns the plain-text display (display.Plain).
func (m *HistGradientBoostingClassifier) String() string { return m.Display(display.Plain).Text }

// HistGradientBoostingRegressor is histogram gradient boosting for a
// numeric target with the squared-error loss (scikit-learn's
// HistGradientBoostingRegressor); see HistGradientBoostingClassifier for
// the algorithm and the parameters. The baseline is the mean of y.
type HistGradientBoostingRegressor struct {
	// LearningRate shrinks each tree (default 0.1).
	LearningRate float64
	// MaxIter is the number of boosting iterations (default 100).
	MaxIter int
	// MaxLeafNodes is the most leaves per tree (default 31).
	MaxLeafNodes int
	// MaxDepth limits the depth (0 = unlimited).
	MaxDepth int
	// MinSamplesLeaf is the fewest rows per leaf (default 20).
	MinSamplesLeaf int
	// L2Regularization is λ (default 0).
	L2Regularization float64
	// MaxBins is the number of bins for non-missing values (default 255).
	MaxBins int
	// EarlyStopping is "auto" (default), "on" or "off".
	EarlyStopping string
	// ValidationFraction is held out for early stopping (default 0.1).
	ValidationFraction float64
	// NIterNoChange is the early-stopping patience (default 10).
	NIterNoChange int
	// Tol is the least improvement that counts (default 1e-7).
	Tol float64
	// Seed fixes the validation split.
	Seed uint64
	base
	fit hgbFit
}

// NewHistGradientBoostingRegressor returns a booster with sklearn's defaults.
func NewHistGradientBoostingRegressor() *HistGradientBoostingRegressor {
	return &HistGradientBoostingRegressor{LearningRate: 0.1, MaxIter: 100, MaxLeafNodes: 31, MinSamplesLeaf: 20, MaxBins: 255, EarlyStopping: "auto", ValidationFraction: 0.1, NIterNoChange: 10, Tol: 1e-7}
}

func (m *HistGradientBoostingRegressor) isClassifier() bool { return false }
func (m *HistGradientBoostingRegressor) allowNaN() bool     { return true }

// Params returns the hyperparameters.
func (m *HistGradientBoostingRegressor) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *HistGradientBoostingRegressor) SetParams(p Params) error { return setParams(m, p) }

// FitXY runs the boosting.
func (m *HistGradientBoostingRegressor) FitXY(X *mat.Dense, y []float64) error {
	n, _, err := m.checkXY(X, y, true)
	if err != nil {
		return err
	}
	c, err := hgbResolve(m.LearningRate, m.MaxIter, m.MaxLeafNodes, m.MaxDepth, m.MinSamplesLeaf, m.L2Regularization, m.MaxBins, m.EarlyStopping, m.ValidationFraction, m.NIterNoChange, m.Tol, m.Seed, n)
	if err != nil {
		return err
	}
	fit, err := boost(X, nil, y, 1, "squared_error", c, "gradient boosting")
	if err != nil {
		return err
	}
	m.fit = *fit
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictX returns the boosted predictions.
func (m *HistGradientBoostingRegressor) PredictX(X *mat.Dense) ([]float64, error) {
	if err := m.checkPredictX(X, true); err != nil {
		return nil, err
	}
	return m.fit.rawScores(X), nil
}

// NIter is the number of boosting iterations run.
func (m *HistGradientBoostingRegressor) NIter() int { return m.fit.NIter }

// Display summarises the model.
func (m *HistGradientBoostingRegressor) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil HistGradientBoostingRegressor>")
	}
	return hgbDisplay(o, "Histogram gradient boosting regressor", &m.base, &m.fit, m.Params())
}

// String returns the plain-text display (display.Plain).
func (m *HistGradientBoostingRegressor) String() string { return m.Display(display.Plain).Text }
