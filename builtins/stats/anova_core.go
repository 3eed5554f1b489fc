package stats

// groupIndex maps labels to group numbers in level order (sorted labels,
// as R's factor does for character data) and returns the levels.
func groupIndex(g []string) (idx []int, levels []string) {
	seen := map[string]bool{}
	for _, s := range g {
		if !seen[s] {
			seen[s] = true
			levels = append(levels, s)
		}
	}
	sortLevels(levels)
	pos := make(map[string]int, len(levels))
	for i, s := range levels {
		pos[s] = i
	}
	idx = make([]int, len(g))
	for i, s := range g {
		idx[i] = pos[s]
	}
	return idx, levels
}

// oneWaySS computes the one-way ANOVA sums of squares in double-double
// arithmetic: group means ȳⱼ and grand mean ȳ as double-double quotients,
// SS_between = Σ nⱼ(ȳⱼ-ȳ)², SS_within = ΣΣ(yᵢⱼ-ȳⱼ)² (centred by group).
func oneWaySS(y []float64, idx []int, k int) (ssb, ssw float64, means []float64, counts []int) {
	sums := make([]dd, k)
	counts = make([]int, k)
	var tot dd
	for i, v := range y {
		sums[idx[i]] = sums[idx[i]].addF(v)
		counts[idx[i]]++
		tot = tot.addF(v)
	}
	gm := tot.divF(float64(len(y)))
	mdd := make([]dd, k)
	means = make([]float64, k)
	var b dd
	for j := range sums {
		if counts[j] == 0 {
			continue
		}
		mdd[j] = sums[j].divF(float64(counts[j]))
		means[j] = mdd[j].float()
		d := mdd[j].sub(gm)
		b = b.add(d.mul(d).mulF(float64(counts[j])))
	}
	var w dd
	for i, v := range y {
		d := dd{v, 0}.sub(mdd[idx[i]])
		w = w.add(d.mul(d))
	}
	return b.float(), w.float(), means, counts
}
