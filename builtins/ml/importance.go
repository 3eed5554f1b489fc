package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// Importance is a feature-importance table: Mean[j] (and SD[j] over the
// repeats, for permutation importance) for feature Features[j].
type Importance struct {
	// Kind is "impurity" or "permutation".
	Kind     string
	Features []string
	Mean     []float64
	// SD is the standard deviation over repeats (nil for impurity).
	SD []float64
	// Repeats holds the raw permutation importances, one row per feature.
	Repeats [][]float64
	// Metric names what dropped (permutation importance).
	Metric string
}

func newImpurityImportance(b *base, imp []float64) *Importance {
	if !b.Fitted {
		return nil
	}
	return &Importance{Kind: "impurity", Features: b.FeatureNames(), Mean: append([]float64(nil), imp...)}
}

// Get returns the importance of the named feature (NaN if unknown).
func (im *Importance) Get(feature string) float64 {
	for j, f := range im.Features {
		if f == feature {
			return im.Mean[j]
		}
	}
	return math.NaN()
}

// Ranked returns the feature names from most to least important.
func (im *Importance) Ranked() []string {
	ord := im.order()
	out := make([]string, len(ord))
	for i, j := range ord {
		out[i] = im.Features[j]
	}
	return out
}

func (im *Importance) order() []int {
	ord := make([]int, len(im.Features))
	for i := range ord {
		ord[i] = i
	}
	sort.SliceStable(ord, func(a, b int) bool { return im.Mean[ord[a]] > im.Mean[ord[b]] })
	return ord
}

// Display lists features by decreasing importance with a bar.
func (im *Importance) Display(o display.Options) display.Bundle {
	if im == nil {
		return display.Text("nil", "<nil Importance>")
	}
	title := "Impurity importance (mean decrease in impurity, normalised)"
	if im.Kind == "permutation" {
		title = fmt.Sprintf("Permutation importance (drop in %s, %d repeats)", im.Metric, len(im.Repeats[0]))
	}
	t := &textTable{title: title}
	t.header = []string{"feature", "importance"}
	if im.SD != nil {
		t.header = append(t.header, "sd")
	}
	t.header = append(t.header, "")
	mx := 0.0
	for _, v := range im.Mean {
		mx = math.Max(mx, v)
	}
	bar := "█"
	if !o.Unicode && o.Width > 0 {
		bar = "#"
	}
	for _, j := range im.order() {
		row := []string{im.Features[j], numDigits(im.Mean[j], 4)}
		if im.SD != nil {
			row = append(row, numDigits(im.SD[j], 3))
		}
		w := 0
		if mx > 0 && im.Mean[j] > 0 {
			w = int(math.Round(20 * im.Mean[j] / mx))
		}
		row = append(row, strings.Repeat(bar, w))
		t.add(row...)
	}
	return t.bundle("importance", o)
}

// String returns the plain-text display (display.Plain).
func (im *Importance) String() string { return im.Display(display.Plain).Text }

// PermutationImportanceXY measures how much the model's score on (X, y)
// drops when one column is shuffled, averaged over repeats (Breiman 2001;
// sklearn permutation_importance): importance_j = score − score with column
// j permuted. The score is accuracy for classifiers and R² for regressors.
// Columns run in parallel; seed makes the shuffles reproducible.
func PermutationImportanceXY(m Estimator, X *mat.Dense, y []float64, repeats int, seed uint64) (*Importance, error) {
	if repeats < 1 {
		repeats = 5
	}
	b := coreOf(m)
	if b == nil || !b.Fitted {
		return nil, ErrNotFitted
	}
	base0, err := scoreXY(m, X, y)
	if err != nil {
		return nil, err
	}
	n, p := X.Dims()
	im := &Importance{Kind: "permutation", Features: b.FeatureNames(), Mean: make([]float64, p), SD: make([]float64, p), Repeats: make([][]float64, p), Metric: scoreName(m)}
	err = parallelFor(ctxOf(), "permutation importance", p, func(j int) error {
		Xp := mat.DenseCopyOf(X)
		col := mat.Col(nil, j, X)
		r := rand.New(rand.NewPCG(subSeed(seed, j), 11))
		vals := make([]float64, repeats)
		for k := 0; k < repeats; k++ {
			perm := r.Perm(n)
			for i := 0; i < n; i++ {
				Xp.Set(i, j, col[perm[i]])
			}
			s, err := scoreXY(m, Xp, y)
			if err != nil {
				return err
			}
			vals[k] = base0 - s
		}
		im.Repeats[j] = vals
		mu, sd := meanSD(vals, 0)
		im.Mean[j], im.SD[j] = mu, sd
		return nil
	})
	if err != nil {
		return nil, err
	}
	return im, nil
}

// meanSD returns the mean and standard deviation with divisor n − ddof.
func meanSD(v []float64, ddof int) (float64, float64) {
	m := 0.0
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	s := 0.0
	for _, x := range v {
		s += (x - m) * (x - m)
	}
	d := len(v) - ddof
	if d <= 0 {
		return m, math.NaN()
	}
	return m, math.Sqrt(s / float64(d))
}
