package stats

import (
	"math"
	"sort"
)

// PAdjust adjusts p-values for multiple comparisons like R's p.adjust:
//
//	"bonferroni": min(1, m·p)
//	"holm":       step-down, cummax of (m-i+1)·p₍ᵢ₎ (Holm 1979)
//	"hochberg":   step-up, cummin of (m-i+1)·p₍ᵢ₎ from the largest (Hochberg 1988)
//	"hommel":     Hommel's (1988) closed procedure, as R
//	"BH" / "fdr": cummin of m/i·p₍ᵢ₎ from the largest (Benjamini & Hochberg 1995)
//	"BY":         BH times Σ₁ᵐ 1/k (Benjamini & Yekutieli 2001)
//	"none":       unchanged
//
// NaN p-values stay NaN and do not count in m (R's n = number of non-NA).
func PAdjust(p []float64, method string) ([]float64, error) {
	out := make([]float64, len(p))
	var idx []int
	for i, v := range p {
		if v != v {
			out[i] = math.NaN()
			continue
		}
		if v < 0 || v > 1 {
			return nil, inputErr("PAdjust", "p", "entry %d is %g, not a probability", "", i+1, v)
		}
		idx = append(idx, i)
	}
	m := len(idx)
	if m == 0 {
		return out, nil
	}
	pv := make([]float64, m)
	for k, i := range idx {
		pv[k] = p[i]
	}
	var adj []float64
	switch method {
	case "bonferroni":
		adj = make([]float64, m)
		for i, v := range pv {
			adj[i] = math.Min(1, float64(m)*v)
		}
	case "holm":
		o := order(pv, false)
		adj = make([]float64, m)
		run := 0.0
		for i, k := range o {
			run = math.Max(run, float64(m-i)*pv[k])
			adj[k] = math.Min(1, run)
		}
	case "hochberg":
		o := order(pv, true)
		adj = make([]float64, m)
		run := math.Inf(1)
		for j, k := range o {
			i := m - j
			run = math.Min(run, float64(m-i+1)*pv[k])
			adj[k] = math.Min(1, run)
		}
	case "BH", "fdr":
		adj = bhAdjust(pv, 1)
	case "BY":
		q := 0.0
		for k := 1; k <= m; k++ {
			q += 1 / float64(k)
		}
		adj = bhAdjust(pv, q)
	case "hommel":
		adj = hommel(pv)
	case "none":
		adj = pv
	default:
		return nil, inputErr("PAdjust", "method", "is %q", `use "holm", "hochberg", "hommel", "bonferroni", "BH", "BY" or "none"`, method)
	}
	for k, i := range idx {
		out[i] = adj[k]
	}
	return out, nil
}

// order returns the indices that sort p ascending (or descending).
func order(p []float64, desc bool) []int {
	o := make([]int, len(p))
	for i := range o {
		o[i] = i
	}
	sort.SliceStable(o, func(a, b int) bool {
		if desc {
			return p[o[a]] > p[o[b]]
		}
		return p[o[a]] < p[o[b]]
	})
	return o
}

func bhAdjust(pv []float64, q float64) []float64 {
	m := len(pv)
	o := order(pv, true)
	adj := make([]float64, m)
	run := math.Inf(1)
	for j, k := range o {
		i := m - j
		run = math.Min(run, q*float64(m)/float64(i)*pv[k])
		adj[k] = math.Min(1, run)
	}
	return adj
}

// hommel follows R's p.adjust(method = "hommel").
func hommel(p []float64) []float64 {
	n := len(p)
	if n == 1 {
		return []float64{p[0]}
	}
	o := order(p, false)
	ps := make([]float64, n)
	for i, k := range o {
		ps[i] = p[k]
	}
	minv := math.Inf(1)
	for i := 0; i < n; i++ {
		minv = math.Min(minv, float64(n)*ps[i]/float64(i+1))
	}
	q := make([]float64, n)
	pa := make([]float64, n)
	for i := range q {
		q[i] = minv
		pa[i] = minv
	}
	for m := n - 1; m >= 2; m-- {
		// i1 = 1..(n-m+1), i2 = (n-m+2)..n  (1-based)
		n1 := n - m + 1
		q1 := math.Inf(1)
		for k := 2; k <= m; k++ {
			i := n - m + k // 1-based index into i2 elements
			q1 = math.Min(q1, float64(m)*ps[i-1]/float64(k))
		}
		for i := 0; i < n1; i++ {
			q[i] = math.Min(float64(m)*ps[i], q1)
		}
		for i := n1; i < n; i++ {
			q[i] = q[n1-1]
		}
		for i := range pa {
			pa[i] = math.Max(pa[i], q[i])
		}
	}
	out := make([]float64, n)
	for i, k := range o {
		out[k] = math.Max(pa[i], ps[i])
	}
	return out
}
