package stats

// orderedGroupIndex is groupIndex with an explicit level order (such as
// a frame's Levels("g")): only levels that occur are kept, in the given
// order; a label missing from levels is an error.
func orderedGroupIndex(fn string, g []string, order []string) ([]int, []string, error) {
	if len(order) == 0 {
		idx, lv := groupIndex(g)
		return idx, lv, nil
	}
	pos := map[string]int{}
	for _, l := range order {
		if _, dup := pos[l]; !dup {
			pos[l] = len(pos)
		}
	}
	used := make([]bool, len(pos))
	for _, s := range g {
		p, ok := pos[s]
		if !ok {
			return nil, nil, inputErr(fn, "g", "has the label %q, which is not among the levels %v", "pass all levels, or none to use sorted labels", s, order)
		}
		used[p] = true
	}
	newPos := make([]int, len(pos))
	var levels []string
	for i, l := range uniqueInOrder(order) {
		if used[i] {
			newPos[i] = len(levels)
			levels = append(levels, l)
		}
	}
	idx := make([]int, len(g))
	for i, s := range g {
		idx[i] = newPos[pos[s]]
	}
	return idx, levels, nil
}

func uniqueInOrder(v []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range v {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// groupIndex maps labels to group numbers in level order (sorted labels,
// as R's factor does for character data; numeric labels numerically) and
// returns the levels.
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
