package ml

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// KMeans is k-means clustering (Lloyd's algorithm) with k-means++ starts
// (Arthur & Vassilvitskii 2007; greedy with 2 + ⌊ln k⌋ candidates per step,
// as scikit-learn): it minimises the inertia Σ_i ‖x_i − c(x_i)‖², stopping
// when the centres move (squared Frobenius norm) by less than
// Tol × the mean feature variance. NInit starts run in parallel, each with
// a seed derived from Seed, and the lowest-inertia result is kept.
type KMeans struct {
	// K is the number of clusters (default 8 when 0).
	K int
	// NInit is the number of k-means++ starts (default 10).
	NInit int
	// MaxIter bounds Lloyd iterations per start (default 300).
	MaxIter int
	// Tol is the relative convergence tolerance (default 1e-4).
	Tol float64
	// Seed makes the starts reproducible.
	Seed uint64

	features []string
	centers  [][]float64
	labels   []int
	inertia  float64
	nIter    int
	fitted   bool
}

// NewKMeans returns k-means with k clusters and sklearn's defaults.
func NewKMeans(k int) *KMeans { return &KMeans{K: k, NInit: 10, MaxIter: 300, Tol: 1e-4} }

// Fit clusters the rows of f using its numeric (float and int) columns;
// other columns are ignored.
func (m *KMeans) Fit(f *frame.Frame) error {
	if f == nil {
		return errors.New("ml: the frame is nil")
	}
	feats := f.NumericNames()
	if len(feats) == 0 {
		return errors.New("ml: the frame has no numeric columns")
	}
	X, err := f.Matrix(feats...)
	if err != nil {
		return err
	}
	if err := m.FitX(X); err != nil {
		return err
	}
	m.features = feats
	return nil
}

// FitX clusters the rows of X.
func (m *KMeans) FitX(X *mat.Dense) error {
	var b base
	n, p, err := b.checkXY(X, nil, false)
	if err != nil {
		return err
	}
	k := m.K
	if k <= 0 {
		k = 8
	}
	if k > n {
		return fmt.Errorf("ml: KMeans with K = %d needs at least K rows, got %d", k, n)
	}
	nInit, maxIter, tol := m.NInit, m.MaxIter, m.Tol
	if m.K < 0 || nInit < 0 || maxIter < 0 || tol < 0 || math.IsNaN(tol) {
		return fmt.Errorf("ml: KMeans K = %d, NInit = %d, MaxIter = %d, Tol = %v: none may be negative (0 = the defaults 8, 10, 300, 1e-4)", m.K, nInit, maxIter, tol)
	}
	if nInit <= 0 {
		nInit = 10
	}
	if maxIter <= 0 {
		maxIter = 300
	}
	if tol <= 0 {
		tol = 1e-4
	}
	rows := rowsOf(X)
	mv := 0.0
	for j := 0; j < p; j++ {
		_, sd := meanSD(mat.Col(nil, j, X), 0)
		mv += sd * sd
	}
	tolAbs := tol * mv / float64(p)
	type result struct {
		c       [][]float64
		l       []int
		inertia float64
		it      int
	}
	res := make([]result, nInit)
	err = parallelFor(ctxOf(), "k-means", nInit, func(s int) error {
		r := rand.New(rand.NewPCG(subSeed(m.Seed, s), 0x6b))
		c := kmeansPP(rows, k, r)
		c, l, in, it := lloyd(rows, c, maxIter, tolAbs)
		res[s] = result{c, l, in, it}
		return nil
	})
	if err != nil {
		return err
	}
	best := 0
	for s := range res {
		if res[s].inertia < res[best].inertia {
			best = s
		}
	}
	m.centers, m.labels, m.inertia, m.nIter = res[best].c, res[best].l, res[best].inertia, res[best].it
	m.features = b.Features
	m.fitted = true
	return nil
}

func sqDist(a, b []float64) float64 {
	d := 0.0
	for j, v := range a {
		e := v - b[j]
		d += e * e
	}
	return d
}

func kmeansPP(rows [][]float64, k int, r *rand.Rand) [][]float64 {
	n := len(rows)
	trials := 2 + int(math.Log(float64(k)))
	c := [][]float64{append([]float64(nil), rows[r.IntN(n)]...)}
	d2 := make([]float64, n)
	pot := 0.0
	for i, x := range rows {
		d2[i] = sqDist(x, c[0])
		pot += d2[i]
	}
	nd := make([]float64, n)
	for len(c) < k {
		bestPot, bestI := math.Inf(1), -1
		var bestD []float64
		for t := 0; t < trials; t++ {
			u := r.Float64() * pot
			cand := n - 1
			acc := 0.0
			for i, v := range d2 {
				acc += v
				if acc > u {
					cand = i
					break
				}
			}
			np := 0.0
			for i, x := range rows {
				nd[i] = math.Min(d2[i], sqDist(x, rows[cand]))
				np += nd[i]
			}
			if np < bestPot {
				bestPot, bestI = np, cand
				bestD = append(bestD[:0], nd...)
			}
		}
		c = append(c, append([]float64(nil), rows[bestI]...))
		copy(d2, bestD)
		pot = bestPot
	}
	return c
}

// relocateEmpty moves each empty cluster to one of the points farthest
// from their centres, as scikit-learn's k-means does
// (_relocate_empty_clusters): the point leaves its cluster's sums (sum,
// cnt) and becomes the empty cluster's only member. c are the centres the
// labels l were assigned with.
func relocateEmpty(rows, c [][]float64, l []int, sum [][]float64, cnt []float64) {
	var empty []int
	for j, n := range cnt {
		if n == 0 {
			empty = append(empty, j)
		}
	}
	if len(empty) == 0 {
		return
	}
	far := make([]int, len(rows))
	dist := make([]float64, len(rows))
	for i, x := range rows {
		far[i], dist[i] = i, sqDist(x, c[l[i]])
	}
	sort.SliceStable(far, func(a, b int) bool { return dist[far[a]] > dist[far[b]] })
	for e, j := range empty {
		if e >= len(far) {
			break
		}
		i := far[e]
		old := l[i]
		for d, v := range rows[i] {
			sum[old][d] -= v
			sum[j][d] = v
		}
		cnt[old]--
		cnt[j] = 1
		l[i] = j
	}
}

func lloyd(rows [][]float64, c [][]float64, maxIter int, tol float64) ([][]float64, []int, float64, int) {
	n, k, p := len(rows), len(c), len(rows[0])
	l := make([]int, n)
	it := 0
	for it = 1; it <= maxIter; it++ {
		for i, x := range rows {
			best, bd := 0, math.Inf(1)
			for j := range c {
				if d := sqDist(x, c[j]); d < bd {
					best, bd = j, d
				}
			}
			l[i] = best
		}
		nc := make([][]float64, k)
		cnt := make([]float64, k)
		for j := range nc {
			nc[j] = make([]float64, p)
		}
		for i, x := range rows {
			cnt[l[i]]++
			for d, v := range x {
				nc[l[i]][d] += v
			}
		}
		relocateEmpty(rows, c, l, nc, cnt)
		shift := 0.0
		for j := range nc {
			if cnt[j] == 0 {
				copy(nc[j], c[j])
				continue
			}
			for d := range nc[j] {
				nc[j][d] /= cnt[j]
			}
			shift += sqDist(nc[j], c[j])
		}
		c = nc
		if shift <= tol {
			break
		}
	}
	// final assignment to the final centres
	inertia := 0.0
	for i, x := range rows {
		best, bd := 0, math.Inf(1)
		for j := range c {
			if d := sqDist(x, c[j]); d < bd {
				best, bd = j, d
			}
		}
		l[i] = best
		inertia += bd
	}
	if it > maxIter {
		it = maxIter
	}
	return c, l, inertia, it
}

// Labels returns each training row's cluster (0 … K−1).
func (m *KMeans) Labels() []int { return append([]int(nil), m.labels...) }

// Centers returns the K×p matrix of cluster centres.
func (m *KMeans) Centers() *mat.Dense {
	if !m.fitted {
		return nil
	}
	out := mat.NewDense(len(m.centers), len(m.centers[0]), nil)
	for j, c := range m.centers {
		out.SetRow(j, c)
	}
	return out
}

// Inertia is the within-cluster sum of squared distances.
func (m *KMeans) Inertia() float64 { return m.inertia }

// PredictX assigns each row of X to the nearest centre.
func (m *KMeans) PredictX(X *mat.Dense) ([]int, error) {
	if !m.fitted {
		return nil, ErrNotFitted
	}
	if _, p := X.Dims(); p != len(m.centers[0]) {
		return nil, fmt.Errorf("ml: X has %d columns, the clustering %d", p, len(m.centers[0]))
	}
	out := make([]int, 0)
	for _, x := range rowsOf(X) {
		best, bd := 0, math.Inf(1)
		for j := range m.centers {
			if d := sqDist(x, m.centers[j]); d < bd {
				best, bd = j, d
			}
		}
		out = append(out, best)
	}
	return out, nil
}

// Predict assigns each row of f (the columns used in Fit) to a cluster.
func (m *KMeans) Predict(f *frame.Frame) ([]int, error) {
	if !m.fitted {
		return nil, ErrNotFitted
	}
	if f == nil {
		return nil, errors.New("ml: the frame is nil")
	}
	b := &base{Features: m.features, Fitted: true}
	X, err := schemaMatrix(b, f)
	if err != nil {
		return nil, err
	}
	return m.PredictX(X)
}

// Display shows the cluster sizes and centres.
func (m *KMeans) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil KMeans>")
	}
	if !m.fitted {
		return display.Text("model", "KMeans (not fitted)")
	}
	t := &textTable{title: fmt.Sprintf("k-means: %d clusters, inertia %s, %d iterations", len(m.centers), numDigits(m.inertia, 6), m.nIter)}
	t.header = []string{"cluster", "size"}
	t.header = append(t.header, m.features...)
	cnt := make([]int, len(m.centers))
	for _, l := range m.labels {
		cnt[l]++
	}
	for j, c := range m.centers {
		row := []string{fmt.Sprint(j), fmt.Sprint(cnt[j])}
		for _, v := range c {
			row = append(row, num(v))
		}
		t.add(row...)
	}
	return t.bundle("kmeans", o)
}

// String returns the plain-text display (display.Plain).
func (m *KMeans) String() string { return m.Display(display.Plain).Text }

// Silhouette is the mean silhouette coefficient of a clustering (Rousseeuw
// 1987; sklearn silhouette_score): for each row s = (b − a)/max(a, b) with a
// the mean Euclidean distance to the other rows of its cluster and b the
// smallest mean distance to another cluster; s = 0 for singleton clusters.
func Silhouette(X *mat.Dense, labels []int) float64 {
	s := SilhouetteSamples(X, labels)
	t := 0.0
	for _, v := range s {
		t += v
	}
	return t / float64(len(s))
}

// SilhouetteSamples returns the silhouette coefficient of every row.
func SilhouetteSamples(X *mat.Dense, labels []int) []float64 {
	n, _ := X.Dims()
	if len(labels) != n {
		panic(fmt.Sprintf("ml.Silhouette: X has %d rows but there are %d labels", n, len(labels)))
	}
	k := 0
	for i, l := range labels {
		if l < 0 {
			panic(fmt.Sprintf("ml.Silhouette: labels[%d] = %d; cluster labels must be ≥ 0 (drop noise points labelled -1 first)", i, l))
		}
		if l+1 > k {
			k = l + 1
		}
	}
	cnt := make([]float64, k)
	used := 0
	for _, l := range labels {
		if cnt[l] == 0 {
			used++
		}
		cnt[l]++
	}
	if used < 2 || used > n-1 {
		panic(fmt.Sprintf("ml.Silhouette: %d clusters for %d rows; the silhouette needs 2 … n−1 clusters (as in scikit-learn)", used, n))
	}
	rows := rowsOf(X)
	out := make([]float64, n)
	parts := chunks(n, workers(n/100+1))
	mustParallel(parallelFor(ctxBackground, "", len(parts), func(c int) error {
		sum := make([]float64, k)
		for i := parts[c][0]; i < parts[c][1]; i++ {
			clear(sum)
			for j, y := range rows {
				sum[labels[j]] += math.Sqrt(sqDist(rows[i], y))
			}
			li := labels[i]
			if cnt[li] <= 1 {
				out[i] = 0
				continue
			}
			a := sum[li] / (cnt[li] - 1)
			b := math.Inf(1)
			for c := range sum {
				if c != li && cnt[c] > 0 {
					b = math.Min(b, sum[c]/cnt[c])
				}
			}
			out[i] = (b - a) / math.Max(a, b)
		}
		return nil
	}))
	return out
}
