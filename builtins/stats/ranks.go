package stats

import "sort"

// ranks returns the ranks of x (1-based) with ties given their average rank
// (R's rank(ties.method = "average")), and the sizes of the tie groups
// larger than one.
func ranks(x []float64) (r []float64, ties []int) {
	n := len(x)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r = make([]float64, n)
	for i := 0; i < n; {
		j := i
		for j+1 < n && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		if j > i {
			ties = append(ties, j-i+1)
		}
		i = j + 1
	}
	return r, ties
}
