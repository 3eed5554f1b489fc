package frame

import (
	"math"
	"sort"
)

// Fold is one fold of a cross-validation split: 0-based row indexes of the
// training and test parts, each in increasing order.
type Fold struct {
	// Train and Test are the row indexes of the two parts.
	Train, Test []int
}

// TrainTest splits the rows at random into a training and a test frame,
// with a fraction testFrac of rows (rounded) in the test part. It is seeded
// (the same seed gives the same split). With a stratify column, each of its
// levels is split separately so both parts keep the class proportions.
// Rows keep their original order within each part.
//
//	train, test := f.TrainTest(0.25, 42)
//	train, test := f.TrainTest(0.25, 42, "Species")
func (f *Frame) TrainTest(testFrac float64, seed uint64, stratify ...string) (train, test *Frame) {
	if !(testFrac > 0 && testFrac < 1) {
		panic(errorf("TrainTest", "test fraction %v must be between 0 and 1", testFrac))
	}
	groups := [][]int{}
	if len(stratify) > 0 {
		c := f.mustCol("TrainTest", stratify[0])
		codes, labels := levelsOf(c)
		groups = make([][]int, len(labels)+1)
		for r, k := range codes {
			if k < 0 {
				k = int32(len(labels))
			}
			groups[k] = append(groups[k], r)
		}
	} else {
		all := make([]int, f.nrows)
		for r := range all {
			all[r] = r
		}
		groups = append(groups, all)
	}
	r := newRand(seed)
	isTest := make([]bool, f.nrows)
	for _, g := range groups {
		nt := int(math.Round(testFrac * float64(len(g))))
		perm := r.Perm(len(g))
		for _, p := range perm[:nt] {
			isTest[g[p]] = true
		}
	}
	var tr, te []int
	for row, t := range isTest {
		if t {
			te = append(te, row)
		} else {
			tr = append(tr, row)
		}
	}
	return f.take(tr), f.take(te)
}

// KFold returns k folds of n rows for cross-validation: the rows are
// shuffled with the seed and dealt into k test parts of sizes differing by
// at most one; each fold's training part is the other rows.
func KFold(n, k int, seed uint64) []Fold {
	if k < 2 || k > n {
		panic(errorf("KFold", "need 2 ≤ k ≤ n, got k = %d with n = %d", k, n))
	}
	perm := newRand(seed).Perm(n)
	assign := make([]int, n)
	for p, row := range perm {
		assign[row] = p * k / n
	}
	return foldsFrom(assign, k)
}

// StratifiedKFold returns k folds whose test parts keep the proportions of
// the labels: the rows of each label are shuffled with the seed and dealt
// round-robin into the folds (continuing from label to label so fold sizes
// differ by at most one).
func StratifiedKFold(labels []string, k int, seed uint64) []Fold {
	n := len(labels)
	if k < 2 || k > n {
		panic(errorf("StratifiedKFold", "need 2 ≤ k ≤ n, got k = %d with n = %d", k, n))
	}
	byLabel := map[string][]int{}
	var names []string
	for r, l := range labels {
		if _, ok := byLabel[l]; !ok {
			names = append(names, l)
		}
		byLabel[l] = append(byLabel[l], r)
	}
	sort.Strings(names)
	r := newRand(seed)
	assign := make([]int, n)
	next := 0
	for _, l := range names {
		rows := byLabel[l]
		for _, p := range r.Perm(len(rows)) {
			assign[rows[p]] = next % k
			next++
		}
	}
	return foldsFrom(assign, k)
}

// KFoldInOrder returns k folds of n rows without shuffling, as
// scikit-learn's KFold(n_splits=k) (shuffle=False): the test parts are
// consecutive blocks of rows, the first n mod k of them one row longer.
func KFoldInOrder(n, k int) []Fold {
	if k < 2 || k > n {
		panic(errorf("KFoldInOrder", "need 2 ≤ k ≤ n, got k = %d with n = %d", k, n))
	}
	assign := make([]int, n)
	row := 0
	for q := 0; q < k; q++ {
		size := n / k
		if q < n%k {
			size++
		}
		for end := row + size; row < end; row++ {
			assign[row] = q
		}
	}
	return foldsFrom(assign, k)
}

// StratifiedKFoldInOrder returns k stratified folds without shuffling, as
// scikit-learn's StratifiedKFold(n_splits=k) (shuffle=False; version 1.2):
// the classes, numbered in order of first appearance, are sorted and dealt
// round-robin into the folds to fix how many rows of each class every test
// part gets; then each class's rows, in their order, fill the folds in
// turn (the first test part takes the class's first rows, and so on).
func StratifiedKFoldInOrder(labels []string, k int) []Fold {
	n := len(labels)
	if k < 2 || k > n {
		panic(errorf("StratifiedKFoldInOrder", "need 2 ≤ k ≤ n, got k = %d with n = %d", k, n))
	}
	code := map[string]int{}
	enc := make([]int, n)
	for r, l := range labels {
		c, ok := code[l]
		if !ok {
			c = len(code)
			code[l] = c
		}
		enc[r] = c
	}
	counts := make([]int, len(code))
	for _, c := range enc {
		counts[c]++
	}
	// allocation[q][c]: rows of class c in test part q, from dealing the
	// sorted class codes round-robin (element i goes to part i mod k).
	alloc := make([][]int, k)
	for q := range alloc {
		alloc[q] = make([]int, len(code))
	}
	i := 0
	for c, m := range counts {
		for ; m > 0; m-- {
			alloc[i%k][c]++
			i++
		}
	}
	next := make([]int, len(code)) // the fold the class's next row goes to
	left := make([]int, len(code)) // rows of the class still due in that fold
	for c := range counts {
		for next[c] < k && alloc[next[c]][c] == 0 {
			next[c]++
		}
		if next[c] < k {
			left[c] = alloc[next[c]][c]
		}
	}
	assign := make([]int, n)
	for r, c := range enc {
		assign[r] = next[c]
		left[c]--
		if left[c] == 0 {
			next[c]++
			for next[c] < k && alloc[next[c]][c] == 0 {
				next[c]++
			}
			if next[c] < k {
				left[c] = alloc[next[c]][c]
			}
		}
	}
	return foldsFrom(assign, k)
}

func foldsFrom(assign []int, k int) []Fold {
	folds := make([]Fold, k)
	for row, a := range assign {
		for q := range folds {
			if q == a {
				folds[q].Test = append(folds[q].Test, row)
			} else {
				folds[q].Train = append(folds[q].Train, row)
			}
		}
	}
	return folds
}

// Folds returns k cross-validation folds of the frame's rows, stratified by
// a column when one is named (see KFold and StratifiedKFold). Use
// f.Take(fold.Train) and f.Take(fold.Test) to get the parts.
func (f *Frame) Folds(k int, seed uint64, stratify ...string) []Fold {
	if len(stratify) > 0 {
		return StratifiedKFold(f.Factor(stratify[0]), k, seed)
	}
	return KFold(f.nrows, k, seed)
}
