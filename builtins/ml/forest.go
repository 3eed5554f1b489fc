package ml

import (
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// forestSettings are the hyperparameters shared by the two forests.
type forestSettings struct {
	nTrees      int
	ts          treeSettings
	maxFeatures int
	bootstrap   bool
	seed        uint64
	maxBins     int
}

type forestFit struct {
	Trees       []*tree   `json:"trees"`
	Importances []float64 `json:"importances"`
	OOBScore    float64   `json:"oob_score"`
	HasOOB      bool      `json:"has_oob"`
}

// growForest grows the trees in parallel. Features are binned once (at most
// maxBins bins; exact splits when a feature has fewer distinct values);
// each tree draws a bootstrap sample with its own generator seeded from
// (seed, tree index), so the forest is the same whatever the number of
// cores. It also returns out-of-bag sums (class fractions or values) and
// counts per row.
func growForest(X *mat.Dense, yc []int, yr []float64, K int, fs forestSettings, task string) (*forestFit, []float64, []int, error) {
	n, p := X.Dims()
	bm := fitBins(X, fs.maxBins)
	b := bm.transform(X)
	trees := make([]*tree, fs.nTrees)
	width := K
	if K == 0 {
		width = 1
	}
	oobSum := make([]float64, n*width)
	oobCnt := make([]int, n)
	var mu sync.Mutex
	imps := make([][]float64, fs.nTrees)
	err := parallelFor(ctxOf(), task, fs.nTrees, func(t int) error {
		r := rand.New(rand.NewPCG(subSeed(fs.seed, t), 0xf0257))
		var w []float64
		rows := make([]int32, 0, n)
		if fs.bootstrap {
			w = make([]float64, n)
			for i := 0; i < n; i++ {
				w[r.IntN(n)]++
			}
			for i := 0; i < n; i++ {
				if w[i] > 0 {
					rows = append(rows, int32(i))
				}
			}
		} else {
			for i := 0; i < n; i++ {
				rows = append(rows, int32(i))
			}
		}
		cb := &cartBuilder{b: b, K: K, yc: yc, yr: yr, w: w,
			par: cartParams{criterion: fs.ts.criterion, maxDepth: fs.ts.maxDepth, minSplit: fs.ts.minSplit, minLeaf: fs.ts.minLeaf, maxFeatures: fs.maxFeatures},
			rng: r}
		tr := cb.build(rows)
		trees[t] = tr
		imps[t] = normImportances(tr, p)
		if fs.bootstrap {
			var local []float64
			var idx []int
			for i := 0; i < n; i++ {
				if w[i] == 0 {
					l := tr.leafBinned(b, i)
					idx = append(idx, i)
					local = append(local, tr.Value[l*width:l*width+width]...)
				}
			}
			mu.Lock()
			for k, i := range idx {
				for c := 0; c < width; c++ {
					oobSum[i*width+c] += local[k*width+c]
				}
				oobCnt[i]++
			}
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	// Prediction needs only the split and leaf arrays: drop the rest to
	// halve the memory and model-file size of big forests.
	for _, t := range trees {
		t.Weight, t.Impurity, t.MissingLeft, t.bin = nil, nil, nil, nil
	}
	imp := make([]float64, p)
	for _, v := range imps {
		for j := range v {
			imp[j] += v[j]
		}
	}
	s := 0.0
	for _, v := range imp {
		s += v
	}
	if s > 0 {
		for j := range imp {
			imp[j] /= s
		}
	}
	return &forestFit{Trees: trees, Importances: imp}, oobSum, oobCnt, nil
}

func forestDisplay(o display.Options, kind string, b *base, fs *forestFit, nTrees int, params Params) display.Bundle {
	if !b.Fitted {
		return display.Text("model", kind+" (not fitted) "+params.String())
	}
	leaves, depth := 0, 0
	for _, t := range fs.Trees {
		leaves += t.nLeaves()
		if d := t.depth(); d > depth {
			depth = d
		}
	}
	t := &textTable{title: fmt.Sprintf("%s: %d trees, n = %d, %d features; mean leaves %s, max depth %d", kind, len(fs.Trees), b.NTrain, len(b.Features), num(float64(leaves)/float64(len(fs.Trees))), depth)}
	if fs.HasOOB {
		metric := "accuracy"
		if len(b.ClassLabels) == 0 {
			metric = "R²"
		}
		t.title += fmt.Sprintf("\nout-of-bag %s: %s", metric, numDigits(fs.OOBScore, 4))
	}
	t.header = []string{"feature", "importance"}
	im := &Importance{Features: b.Features, Mean: fs.Importances}
	for _, j := range im.order() {
		t.add(b.featureName(j), numDigits(fs.Importances[j], 4))
	}
	return t.bundle("model", o)
}

// RandomForestClassifier is a random forest of CART classification trees
// (Breiman 2001) with scikit-learn's defaults: 100 trees grown to purity on
// bootstrap samples, √p features tried per split, Gini impurity; the
// prediction averages the trees' class fractions. Features are binned once
// into at most MaxBins bins (exact splits when a feature has fewer distinct
// values), which makes growing fast; trees are grown on all cores and the
// result depends only on Seed. The out-of-bag accuracy is computed when
// bootstrapping.
type RandomForestClassifier struct {
	// NTrees is the number of trees (default 100).
	NTrees int
	// Criterion is "gini" (default) or "entropy".
	Criterion string
	// MaxDepth limits the depth (0 = unlimited, scikit-learn's None).
	MaxDepth int
	// MinSamplesSplit is the fewest rows a node needs to be split (default 2).
	MinSamplesSplit int
	// MinSamplesLeaf is the fewest rows in a leaf (default 1).
	MinSamplesLeaf int
	// MaxFeatures is the number of features tried per split: "sqrt"
	// (default), "log2", "all", a fraction "0.5" or a count "3".
	MaxFeatures string
	// NoBootstrap grows every tree on all rows.
	NoBootstrap bool
	// MaxBins is the number of bins per feature (default 255, at most 65535).
	MaxBins int
	// Seed makes the forest reproducible.
	Seed uint64
	base
	fit forestFit
}

// NewRandomForestClassifier returns a forest with sklearn's defaults.
func NewRandomForestClassifier() *RandomForestClassifier {
	return &RandomForestClassifier{NTrees: 100, Criterion: "gini", MinSamplesSplit: 2, MinSamplesLeaf: 1, MaxFeatures: "sqrt", MaxBins: 255}
}

func (m *RandomForestClassifier) isClassifier() bool { return true }
func (m *RandomForestClassifier) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *RandomForestClassifier) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *RandomForestClassifier) SetParams(p Params) error { return setParams(m, p) }

func forestConfig(nTrees int, crit string, classifier bool, maxDepth, minSplit, minLeaf int, maxFeat string, noBoot bool, maxBins int, seed uint64, p int) (forestSettings, error) {
	ts, err := resolveTree(crit, classifier, maxDepth, minSplit, minLeaf)
	if err != nil {
		return forestSettings{}, err
	}
	def := "sqrt"
	if !classifier {
		def = "all"
	}
	mf, err := resolveMaxFeatures(maxFeat, p, def)
	if err != nil {
		return forestSettings{}, err
	}
	if nTrees < 0 {
		return forestSettings{}, fmt.Errorf("ml: NTrees = %d is out of range; use at least 1 tree (0 = the default 100)", nTrees)
	}
	if nTrees == 0 {
		nTrees = 100
	}
	if maxBins < 0 || maxBins == 1 || maxBins > 65535 {
		return forestSettings{}, fmt.Errorf("ml: MaxBins = %d is out of range; use a value in [2, 65535] (0 = the default 255)", maxBins)
	}
	if maxBins == 0 {
		maxBins = 255
	}
	return forestSettings{nTrees: nTrees, ts: ts, maxFeatures: mf, bootstrap: !noBoot, seed: seed, maxBins: maxBins}, nil
}

// FitXY grows the forest.
func (m *RandomForestClassifier) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	fs, err := forestConfig(m.NTrees, m.Criterion, true, m.MaxDepth, m.MinSamplesSplit, m.MinSamplesLeaf, m.MaxFeatures, m.NoBootstrap, m.MaxBins, m.Seed, p)
	if err != nil {
		return err
	}
	idx, err := m.encodeClasses(y)
	if err != nil {
		return err
	}
	K := len(m.ClassValues)
	fit, oob, cnt, err := growForest(X, idx, nil, K, fs, "random forest")
	if err != nil {
		return err
	}
	if fs.bootstrap {
		right, tot := 0, 0
		for i := 0; i < n; i++ {
			if cnt[i] == 0 {
				continue
			}
			best := 0
			for k := 1; k < K; k++ {
				if oob[i*K+k] > oob[i*K+best] {
					best = k
				}
			}
			tot++
			if best == idx[i] {
				right++
			}
		}
		if tot > 0 {
			fit.OOBScore, fit.HasOOB = float64(right)/float64(tot), true
		}
	}
	m.fit = *fit
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictProbaX averages the trees' class fractions.
func (m *RandomForestClassifier) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	return treesProba(m.fit.Trees, X), nil
}

// PredictX returns the class with the highest mean probability.
func (m *RandomForestClassifier) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// OOBScore is the out-of-bag accuracy (NaN without bootstrap).
func (m *RandomForestClassifier) OOBScore() float64 { return oobOrNaN(&m.fit) }

// FeatureImportances returns the mean impurity decrease per feature
// (averaged over trees, normalised).
func (m *RandomForestClassifier) FeatureImportances() *Importance {
	return newImpurityImportance(&m.base, m.fit.Importances)
}

// Display summarises the forest.
func (m *RandomForestClassifier) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil RandomForestClassifier>")
	}
	return forestDisplay(o, "Random forest classifier", &m.base, &m.fit, m.NTrees, m.Params())
}

// String returns the plain-text display (display.Plain).
func (m *RandomForestClassifier) String() string { return m.Display(display.Plain).Text }

func oobOrNaN(f *forestFit) float64 {
	if !f.HasOOB {
		return nan
	}
	return f.OOBScore
}

// RandomForestRegressor is a random forest of CART regression trees with
// scikit-learn's defaults: 100 trees on bootstrap samples, all features
// tried per split (MaxFeatures "all", sklearn ≥ 1.1), squared error; the
// prediction is the mean of the trees. Out-of-bag R² is computed when
// bootstrapping. See RandomForestClassifier for binning and seeding.
type RandomForestRegressor struct {
	// NTrees is the number of trees (default 100).
	NTrees int
	// Criterion is "squared_error" (default).
	Criterion string
	// MaxDepth limits the depth (0 = unlimited, scikit-learn's None).
	MaxDepth int
	// MinSamplesSplit is the fewest rows a node needs to be split (default 2).
	MinSamplesSplit int
	// MinSamplesLeaf is the fewest rows in a leaf (default 1).
	MinSamplesLeaf int
	// MaxFeatures is the number of features tried per split (default "all").
	MaxFeatures string
	// NoBootstrap grows every tree on all rows.
	NoBootstrap bool
	// MaxBins is the number of bins per feature (default 255).
	MaxBins int
	// Seed makes the forest reproducible.
	Seed uint64
	base
	fit forestFit
}

// NewRandomForestRegressor returns a forest with sklearn's defaults.
func NewRandomForestRegressor() *RandomForestRegressor {
	return &RandomForestRegressor{NTrees: 100, Criterion: "squared_error", MinSamplesSplit: 2, MinSamplesLeaf: 1, MaxFeatures: "all", MaxBins: 255}
}

func (m *RandomForestRegressor) isClassifier() bool { return false }
func (m *RandomForestRegressor) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *RandomForestRegressor) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *RandomForestRegressor) SetParams(p Params) error { return setParams(m, p) }

// FitXY grows the forest.
func (m *RandomForestRegressor) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	fs, err := forestConfig(m.NTrees, m.Criterion, false, m.MaxDepth, m.MinSamplesSplit, m.MinSamplesLeaf, m.MaxFeatures, m.NoBootstrap, m.MaxBins, m.Seed, p)
	if err != nil {
		return err
	}
	fit, oob, cnt, err := growForest(X, nil, y, 0, fs, "random forest")
	if err != nil {
		return err
	}
	if fs.bootstrap {
		var yt, yp []float64
		for i := 0; i < n; i++ {
			if cnt[i] > 0 {
				yt = append(yt, y[i])
				yp = append(yp, oob[i]/float64(cnt[i]))
			}
		}
		if len(yt) > 1 {
			fit.OOBScore, fit.HasOOB = R2(yt, yp), true
		}
	}
	m.fit = *fit
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictX returns the mean prediction of the trees.
func (m *RandomForestRegressor) PredictX(X *mat.Dense) ([]float64, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	return treesMean(m.fit.Trees, X), nil
}

// OOBScore is the out-of-bag R² (NaN without bootstrap).
func (m *RandomForestRegressor) OOBScore() float64 { return oobOrNaN(&m.fit) }

// FeatureImportances returns the mean impurity decrease per feature.
func (m *RandomForestRegressor) FeatureImportances() *Importance {
	return newImpurityImportance(&m.base, m.fit.Importances)
}

// Display summarises the forest.
func (m *RandomForestRegressor) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil RandomForestRegressor>")
	}
	return forestDisplay(o, "Random forest regressor", &m.base, &m.fit, m.NTrees, m.Params())
}

// String returns the plain-text display (display.Plain).
func (m *RandomForestRegressor) String() string { return m.Display(display.Plain).Text }
