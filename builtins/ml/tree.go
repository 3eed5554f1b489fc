package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// treeSettings are the CART controls shared by trees and forests.
type treeSettings struct {
	criterion                   string
	maxDepth, minSplit, minLeaf int
}

func resolveTree(crit string, classifier bool, maxDepth, minSplit, minLeaf int) (treeSettings, error) {
	c := strings.ToLower(crit)
	if c == "" {
		c = "gini"
		if !classifier {
			c = "squared_error"
		}
	}
	if classifier && c != "gini" && c != "entropy" && c != "log_loss" {
		return treeSettings{}, fmt.Errorf("ml: criterion %q for a classifier: use \"gini\" or \"entropy\"", crit)
	}
	if c == "log_loss" {
		c = "entropy"
	}
	if !classifier && c != "squared_error" {
		return treeSettings{}, fmt.Errorf("ml: criterion %q for a regressor: use \"squared_error\"", crit)
	}
	if minSplit < 0 || minSplit == 1 {
		return treeSettings{}, fmt.Errorf("ml: MinSamplesSplit = %d is out of range; use at least 2 (0 = the default 2)", minSplit)
	}
	if minSplit < 2 {
		minSplit = 2
	}
	if minLeaf < 0 {
		return treeSettings{}, fmt.Errorf("ml: MinSamplesLeaf = %d is out of range; use at least 1 (0 = the default 1)", minLeaf)
	}
	if minLeaf < 1 {
		minLeaf = 1
	}
	if maxDepth < 0 {
		return treeSettings{}, fmt.Errorf("ml: MaxDepth must be ≥ 0 (0 = unlimited), got %d", maxDepth)
	}
	return treeSettings{c, maxDepth, minSplit, minLeaf}, nil
}

// resolveMaxFeatures turns "sqrt", "log2", "all", a fraction ("0.5") or a
// count ("7") into a number of features out of p.
func resolveMaxFeatures(s string, p int, def string) (int, error) {
	if s == "" {
		s = def
	}
	var k int
	switch strings.ToLower(s) {
	case "sqrt":
		k = int(math.Sqrt(float64(p)))
	case "log2":
		k = int(math.Log2(float64(p)))
	case "all", "none", "1.0":
		k = p
	default:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v <= 0 {
			return 0, fmt.Errorf("ml: MaxFeatures %q: use \"sqrt\", \"log2\", \"all\", a fraction like \"0.5\" or a count like \"5\"", s)
		}
		if v < 1 || strings.Contains(s, ".") {
			if v > 1 {
				return 0, fmt.Errorf("ml: MaxFeatures %q: a fraction must be in (0, 1]; write a count without a decimal point (\"3\")", s)
			}
			k = int(v * float64(p))
		} else {
			k = int(v)
			if k > p {
				return 0, fmt.Errorf("ml: MaxFeatures %q: there are only %d features; use a count ≤ %d or \"all\"", s, p, p)
			}
		}
	}
	if k < 1 {
		k = 1
	}
	if k > p {
		k = p
	}
	return k, nil
}

// DecisionTreeClassifier is a CART classification tree (Breiman et al.
// 1984) with scikit-learn's rules: binary splits x ≤ t at midpoints between
// distinct values, chosen to minimise the weighted child impurity (Gini
// 1 − Σ p_k² or entropy −Σ p_k log₂ p_k); growth stops at MaxDepth, below
// MinSamplesSplit rows, when a child would have fewer than MinSamplesLeaf
// rows, or at a pure node. CCPAlpha > 0 then applies minimal cost-complexity
// pruning: the weakest link (smallest (R(t) − R(T_t)) / (|T_t| − 1), R the
// training-weighted impurity) is pruned while its α ≤ CCPAlpha.
type DecisionTreeClassifier struct {
	// Criterion is "gini" (default) or "entropy".
	Criterion string
	// MaxDepth limits the depth (0 = unlimited, scikit-learn's None).
	MaxDepth int
	// MinSamplesSplit is the fewest rows a node needs to be split (default 2).
	MinSamplesSplit int
	// MinSamplesLeaf is the fewest rows in a leaf (default 1).
	MinSamplesLeaf int
	// MaxFeatures is how many features to try per split: "all" (default),
	// "sqrt", "log2", a fraction "0.5" or a count "3".
	MaxFeatures string
	// CCPAlpha is the cost-complexity pruning parameter (0 = no pruning).
	CCPAlpha float64
	// Seed fixes the feature order (ties between equally good splits).
	Seed uint64
	base
	fit treeFit
}

type treeFit struct {
	Tree        *tree     `json:"tree"`
	Importances []float64 `json:"importances"`
}

// NewDecisionTreeClassifier returns a fully grown Gini tree.
func NewDecisionTreeClassifier() *DecisionTreeClassifier {
	return &DecisionTreeClassifier{Criterion: "gini", MinSamplesSplit: 2, MinSamplesLeaf: 1}
}

func (m *DecisionTreeClassifier) isClassifier() bool { return true }
func (m *DecisionTreeClassifier) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *DecisionTreeClassifier) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *DecisionTreeClassifier) SetParams(p Params) error { return setParams(m, p) }

// FitXY grows (and prunes) the tree.
func (m *DecisionTreeClassifier) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	ts, err := resolveTree(m.Criterion, true, m.MaxDepth, m.MinSamplesSplit, m.MinSamplesLeaf)
	if err != nil {
		return err
	}
	if m.CCPAlpha < 0 || math.IsNaN(m.CCPAlpha) {
		return fmt.Errorf("ml: CCPAlpha = %v is out of range; use a value ≥ 0 (0 = no pruning)", m.CCPAlpha)
	}
	mf, err := resolveMaxFeatures(m.MaxFeatures, p, "all")
	if err != nil {
		return err
	}
	idx, err := m.encodeClasses(y)
	if err != nil {
		return err
	}
	t := growTree(X, idx, nil, len(m.ClassValues), ts, mf, m.Seed, 65535)
	if m.CCPAlpha > 0 {
		t = pruneTree(t, m.CCPAlpha)
	}
	m.fit = treeFit{Tree: t, Importances: normImportances(t, p)}
	m.NTrain, m.Fitted = n, true
	return nil
}

func growTree(X *mat.Dense, yc []int, yr []float64, K int, ts treeSettings, mf int, seed uint64, maxBins int) *tree {
	bm := fitBins(X, maxBins)
	b := bm.transform(X)
	cb := &cartBuilder{b: b, K: K, yc: yc, yr: yr,
		par: cartParams{criterion: ts.criterion, maxDepth: ts.maxDepth, minSplit: ts.minSplit, minLeaf: ts.minLeaf, maxFeatures: mf},
		rng: rand.New(rand.NewPCG(seed, 0x5eed))}
	rows := make([]int32, b.n)
	for i := range rows {
		rows[i] = int32(i)
	}
	return cb.build(rows)
}

func normImportances(t *tree, p int) []float64 {
	imp := make([]float64, p)
	t.importances(imp)
	s := 0.0
	for _, v := range imp {
		s += v
	}
	if s > 0 {
		for j := range imp {
			imp[j] /= s
		}
	}
	return imp
}

// PredictProbaX returns the class fractions of the leaf each row falls in.
func (m *DecisionTreeClassifier) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	return treesProba([]*tree{m.fit.Tree}, X), nil
}

// PredictX returns the majority class of each row's leaf.
func (m *DecisionTreeClassifier) PredictX(X *mat.Dense) ([]float64, error) {
	P, err := m.PredictProbaX(X)
	if err != nil {
		return nil, err
	}
	return m.argmaxRows(P), nil
}

// FeatureImportances returns the normalised total impurity decrease of each
// feature (sklearn feature_importances_).
func (m *DecisionTreeClassifier) FeatureImportances() *Importance {
	return newImpurityImportance(&m.base, m.fit.Importances)
}

// NLeaves and Depth describe the fitted tree.
func (m *DecisionTreeClassifier) NLeaves() int { return m.fit.Tree.nLeaves() }
func (m *DecisionTreeClassifier) Depth() int   { return m.fit.Tree.depth() }

// Display shows the tree's rules.
func (m *DecisionTreeClassifier) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil DecisionTreeClassifier>")
	}
	if !m.Fitted {
		return display.Text("model", "DecisionTreeClassifier (not fitted) "+m.Params().String())
	}
	return display.Text("model", fmt.Sprintf("Decision tree classifier: %d leaves, depth %d, n = %d\n%s", m.NLeaves(), m.Depth(), m.NTrain, treeRules(m.fit.Tree, &m.base, 30)))
}

// String returns the plain-text display (display.Plain).
func (m *DecisionTreeClassifier) String() string { return m.Display(display.Plain).Text }

// DecisionTreeRegressor is a CART regression tree: splits minimise the
// weighted child variance (squared error), leaves predict the mean; the
// controls are those of DecisionTreeClassifier.
type DecisionTreeRegressor struct {
	// Criterion is "squared_error" (the default and only choice).
	Criterion string
	// MaxDepth limits the depth (0 = unlimited, scikit-learn's None).
	MaxDepth int
	// MinSamplesSplit is the fewest rows a node needs to be split (default 2).
	MinSamplesSplit int
	// MinSamplesLeaf is the fewest rows in a leaf (default 1).
	MinSamplesLeaf int
	// MaxFeatures is how many features to try per split (default "all").
	MaxFeatures string
	// CCPAlpha is the cost-complexity pruning parameter (0 = no pruning).
	CCPAlpha float64
	// Seed fixes the feature order.
	Seed uint64
	base
	fit treeFit
}

// NewDecisionTreeRegressor returns a fully grown regression tree.
func NewDecisionTreeRegressor() *DecisionTreeRegressor {
	return &DecisionTreeRegressor{Criterion: "squared_error", MinSamplesSplit: 2, MinSamplesLeaf: 1}
}

func (m *DecisionTreeRegressor) isClassifier() bool { return false }
func (m *DecisionTreeRegressor) allowNaN() bool     { return false }

// Params returns the hyperparameters.
func (m *DecisionTreeRegressor) Params() Params { return paramsOf(m) }

// SetParams sets hyperparameters by name.
func (m *DecisionTreeRegressor) SetParams(p Params) error { return setParams(m, p) }

// FitXY grows (and prunes) the tree.
func (m *DecisionTreeRegressor) FitXY(X *mat.Dense, y []float64) error {
	n, p, err := m.checkXY(X, y, false)
	if err != nil {
		return err
	}
	ts, err := resolveTree(m.Criterion, false, m.MaxDepth, m.MinSamplesSplit, m.MinSamplesLeaf)
	if err != nil {
		return err
	}
	if m.CCPAlpha < 0 || math.IsNaN(m.CCPAlpha) {
		return fmt.Errorf("ml: CCPAlpha = %v is out of range; use a value ≥ 0 (0 = no pruning)", m.CCPAlpha)
	}
	mf, err := resolveMaxFeatures(m.MaxFeatures, p, "all")
	if err != nil {
		return err
	}
	t := growTree(X, nil, y, 0, ts, mf, m.Seed, 65535)
	if m.CCPAlpha > 0 {
		t = pruneTree(t, m.CCPAlpha)
	}
	m.fit = treeFit{Tree: t, Importances: normImportances(t, p)}
	m.NTrain, m.Fitted = n, true
	return nil
}

// PredictX returns the mean of each row's leaf.
func (m *DecisionTreeRegressor) PredictX(X *mat.Dense) ([]float64, error) {
	if err := m.checkPredictX(X, false); err != nil {
		return nil, err
	}
	return treesMean([]*tree{m.fit.Tree}, X), nil
}

// FeatureImportances returns the normalised impurity decrease per feature.
func (m *DecisionTreeRegressor) FeatureImportances() *Importance {
	return newImpurityImportance(&m.base, m.fit.Importances)
}

// NLeaves and Depth describe the fitted tree.
func (m *DecisionTreeRegressor) NLeaves() int { return m.fit.Tree.nLeaves() }
func (m *DecisionTreeRegressor) Depth() int   { return m.fit.Tree.depth() }

// Display shows the tree's rules.
func (m *DecisionTreeRegressor) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil DecisionTreeRegressor>")
	}
	if !m.Fitted {
		return display.Text("model", "DecisionTreeRegressor (not fitted) "+m.Params().String())
	}
	return display.Text("model", fmt.Sprintf("Decision tree regressor: %d leaves, depth %d, n = %d\n%s", m.NLeaves(), m.Depth(), m.NTrain, treeRules(m.fit.Tree, &m.base, 30)))
}

// String returns the plain-text display (display.Plain).
func (m *DecisionTreeRegressor) String() string { return m.Display(display.Plain).Text }

// treeRules prints the first maxLines lines of the tree as indented rules.
func treeRules(t *tree, b *base, maxLines int) string {
	var sb strings.Builder
	lines := 0
	var rec func(i int32, depth int)
	rec = func(i int32, depth int) {
		if lines >= maxLines {
			return
		}
		ind := strings.Repeat("  ", depth)
		if t.Feature[i] < 0 {
			lines++
			v := t.Value[int(i)*t.K : int(i)*t.K+t.K]
			if len(b.ClassLabels) > 0 {
				best := 0
				for k := range v {
					if v[k] > v[best] {
						best = k
					}
				}
				fmt.Fprintf(&sb, "%s→ %s (%.0f%%, n=%s)\n", ind, b.ClassLabels[best], 100*v[best], num(t.Weight[i]))
			} else {
				fmt.Fprintf(&sb, "%s→ %s (n=%s)\n", ind, num(v[0]), num(t.Weight[i]))
			}
			return
		}
		name := b.featureName(int(t.Feature[i]))
		lines++
		fmt.Fprintf(&sb, "%s%s ≤ %s\n", ind, name, num(t.Threshold[i]))
		rec(t.Left[i], depth+1)
		if lines >= maxLines {
			return
		}
		lines++
		fmt.Fprintf(&sb, "%s%s > %s\n", ind, name, num(t.Threshold[i]))
		rec(t.Right[i], depth+1)
	}
	rec(0, 0)
	if lines >= maxLines {
		sb.WriteString("…\n")
	}
	return strings.TrimRight(sb.String(), "\n")
}

// treesProba averages the leaf class fractions of the trees (rows in
// parallel).
func treesProba(ts []*tree, X *mat.Dense) *mat.Dense {
	n, _ := X.Dims()
	K := ts[0].K
	P := mat.NewDense(n, K, nil)
	parts := chunks(n, workers(n/500+1))
	mustParallel(parallelFor(ctxBackground, "", len(parts), func(c int) error {
		for i := parts[c][0]; i < parts[c][1]; i++ {
			x := X.RawRowView(i)
			row := P.RawRowView(i)
			for _, t := range ts {
				l := t.leaf(x)
				v := t.Value[l*K : l*K+K]
				for k := range row {
					row[k] += v[k]
				}
			}
			for k := range row {
				row[k] /= float64(len(ts))
			}
		}
		return nil
	}))
	return P
}

// treesMean averages the leaf values of regression trees.
func treesMean(ts []*tree, X *mat.Dense) []float64 {
	n, _ := X.Dims()
	out := make([]float64, n)
	parts := chunks(n, workers(n/500+1))
	mustParallel(parallelFor(ctxBackground, "", len(parts), func(c int) error {
		for i := parts[c][0]; i < parts[c][1]; i++ {
			x := X.RawRowView(i)
			s := 0.0
			for _, t := range ts {
				s += t.Value[t.leaf(x)]
			}
			out[i] = s / float64(len(ts))
		}
		return nil
	}))
	return out
}

// pruneTree applies minimal cost-complexity pruning with parameter alpha
// and returns the compacted tree.
func pruneTree(t *tree, alpha float64) *tree {
	isLeaf, _, _ := pruneSteps(t, alpha)
	return compactTree(t, isLeaf)
}

// pruneSteps prunes the weakest link while its effective alpha
// (R(t) − R(T_t)) / (|T_t| − 1) is at most alpha, R being the
// training-weighted node impurity. It returns the leaf marks and the
// sequence of effective alphas and total leaf impurities (starting with 0
// and the full tree's), as sklearn's cost_complexity_pruning_path.
func pruneSteps(t *tree, alpha float64) ([]bool, []float64, []float64) {
	n := len(t.Feature)
	W := t.Weight[0]
	R := make([]float64, n)
	for i := range R {
		R[i] = t.Weight[i] / W * t.Impurity[i]
	}
	isLeaf := make([]bool, n)
	for i := range isLeaf {
		isLeaf[i] = t.Feature[i] < 0
	}
	var alphas, imps []float64
	for {
		// subtree leaf impurity and leaf counts (children have larger
		// indices than parents, so one backward pass suffices)
		rs := make([]float64, n)
		nl := make([]int, n)
		reach := make([]bool, n)
		reach[0] = true
		for i := 0; i < n; i++ {
			if reach[i] && !isLeaf[i] {
				reach[t.Left[i]] = true
				reach[t.Right[i]] = true
			}
		}
		for i := n - 1; i >= 0; i-- {
			if !reach[i] {
				continue
			}
			if isLeaf[i] {
				rs[i], nl[i] = R[i], 1
			} else {
				l, r := t.Left[i], t.Right[i]
				rs[i], nl[i] = rs[l]+rs[r], nl[l]+nl[r]
			}
		}
		if alphas == nil {
			alphas, imps = []float64{0}, []float64{rs[0]}
		}
		best, bestA := -1, math.Inf(1)
		for i := 0; i < n; i++ {
			if reach[i] && !isLeaf[i] {
				a := (R[i] - rs[i]) / float64(nl[i]-1)
				if a < bestA {
					best, bestA = i, a
				}
			}
		}
		if best < 0 || bestA > alpha {
			break
		}
		isLeaf[best] = true
		alphas = append(alphas, bestA)
		imps = append(imps, rs[0]-rs[best]+R[best])
	}
	return isLeaf, alphas, imps
}

// compactTree copies the part of t above the marked leaves.
func compactTree(t *tree, isLeaf []bool) *tree {
	// compact
	out := &tree{K: t.K}
	var copyNode func(i int) int
	copyNode = func(i int) int {
		j := out.addNode(t.K)
		copy(out.Value[j*t.K:j*t.K+t.K], t.Value[i*t.K:i*t.K+t.K])
		out.Weight[j], out.Impurity[j] = t.Weight[i], t.Impurity[i]
		if isLeaf[i] {
			return j
		}
		out.Feature[j], out.Threshold[j], out.bin[j], out.MissingLeft[j] = t.Feature[i], t.Threshold[i], t.bin[i], t.MissingLeft[i]
		l := copyNode(int(t.Left[i]))
		r := copyNode(int(t.Right[i]))
		out.Left[j], out.Right[j] = int32(l), int32(r)
		return j
	}
	copyNode(0)
	return out
}

// PruningPath is the cost-complexity pruning path of a tree: pruning with
// CCPAlpha in [Alphas[i], Alphas[i+1]) leaves a tree whose total leaf
// impurity is Impurities[i].
type PruningPath struct {
	Alphas, Impurities []float64
}

// CostComplexityPruningPath grows the full tree on X, y (with m's other
// settings) and returns the effective alphas of its weakest-link pruning
// sequence (sklearn cost_complexity_pruning_path); candidates for CCPAlpha
// in a grid search.
func (m *DecisionTreeClassifier) CostComplexityPruningPath(X *mat.Dense, y []float64) (*PruningPath, error) {
	c := *m
	c.CCPAlpha = 0
	c.base = base{}
	if err := c.FitXY(X, y); err != nil {
		return nil, err
	}
	_, a, imp := pruneSteps(c.fit.Tree, math.Inf(1))
	return &PruningPath{Alphas: a, Impurities: imp}, nil
}

// Display lists the path.
func (p *PruningPath) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("nil", "<nil *PruningPath>")
	}
	t := &textTable{title: "Cost-complexity pruning path"}
	t.header = []string{"step", "alpha", "total leaf impurity"}
	for i := range p.Alphas {
		t.add(strconv.Itoa(i), numDigits(p.Alphas[i], 4), numDigits(p.Impurities[i], 4))
	}
	return t.bundle("pruning", o)
}

// String returns the plain-text display (display.Plain).
func (p *PruningPath) String() string { return p.Display(display.Plain).Text }
