package stats

import (
	"fmt"
	inum "github.com/gostat/gostat/builtins/internal/num"
	"math"
)

// LeveneTest tests equality of the variances of y across the groups g with
// the Brown–Forsythe form of Levene's test (car::leveneTest's default,
// center = median): a one-way ANOVA F test on |yᵢⱼ - median_j|. Robust to
// non-normal data.
func LeveneTest(y []float64, g []string, opts ...Opt) (*HTest, error) {
	o, err := getOpt("LeveneTest", opts)
	if err != nil {
		return nil, err
	}
	ys, gs, na, err := groupClean("LeveneTest", y, g)
	if err != nil {
		return nil, err
	}
	idx, lv := groupIndex(gs)
	if len(lv) < 2 {
		return nil, inputErr("LeveneTest", "g", "has only %d group", "need at least 2 groups", len(lv))
	}
	groups := make([][]float64, len(lv))
	for i, v := range ys {
		groups[idx[i]] = append(groups[idx[i]], v)
	}
	med := make([]float64, len(lv))
	for j, gv := range groups {
		med[j] = inum.QuantilesInPlace(append([]float64(nil), gv...), []float64{0.5})[0]
	}
	z := make([]float64, len(ys))
	for i, v := range ys {
		z[i] = math.Abs(v - med[idx[i]])
	}
	ssb, ssw, _, _ := oneWaySS(z, idx, len(lv))
	k, n := float64(len(lv)), float64(len(ys))
	if n <= k {
		return nil, inputErr("LeveneTest", "y", "has %d observations for %d groups", "need more observations than groups", len(ys), len(lv))
	}
	h := newHTest(o)
	h.Method = "Levene's test of equal variances (Brown-Forsythe, center = median)"
	if h.Data == "" {
		h.Data = "y by g"
	}
	if ssw == 0 {
		return nil, inputErr("LeveneTest", "y", "has no spread around the group medians", "variances cannot be compared")
	}
	f := (ssb / (k - 1)) / (ssw / (n - k))
	h.StatName, h.Statistic = "F", f
	h.ParamNames, h.Params = []string{"num df", "denom df"}, []float64{k - 1, n - k}
	h.PValue = F{k - 1, n - k}.Survival(f)
	h.N = []int{len(ys)}
	h.Dropped = na
	h.subject = "the difference in variances"
	h.h1 = "variances differ between the groups"
	h.report = fmt.Sprintf("F(%s, %s) = %s", rNum(k-1), rNum(n-k), num(f, 3))
	return h, nil
}

// BartlettTest tests equality of variances across groups (R's
// bartlett.test): K² = ((N-k)·log s²ₚ - Σ(nⱼ-1)log s²ⱼ) /
// (1 + (Σ1/(nⱼ-1) - 1/(N-k))/(3(k-1))), χ² with k-1 df. Sensitive to
// non-normality; LeveneTest is the robust alternative.
func BartlettTest(y []float64, g []string, opts ...Opt) (*HTest, error) {
	o, err := getOpt("BartlettTest", opts)
	if err != nil {
		return nil, err
	}
	ys, gs, na, err := groupClean("BartlettTest", y, g)
	if err != nil {
		return nil, err
	}
	idx, lv := groupIndex(gs)
	if len(lv) < 2 {
		return nil, inputErr("BartlettTest", "g", "has only %d group", "need at least 2 groups", len(lv))
	}
	groups := make([][]float64, len(lv))
	for i, v := range ys {
		groups[idx[i]] = append(groups[idx[i]], v)
	}
	k := float64(len(lv))
	var n, sumv, sumlog, suminv float64
	for j, gv := range groups {
		if len(gv) < 2 {
			return nil, inputErr("BartlettTest", "g", "has group %q with fewer than 2 observations", "each group needs a variance", lv[j])
		}
		_, ss := meanSS(gv)
		ni := float64(len(gv) - 1)
		vi := ss / ni
		if vi == 0 {
			return nil, inputErr("BartlettTest", "y", "is constant in group %q", "Bartlett's test needs positive variances; try LeveneTest", lv[j])
		}
		n += ni
		sumv += ni * vi
		sumlog += ni * math.Log(vi)
		suminv += 1 / ni
	}
	v := sumv / n
	stat := (n*math.Log(v) - sumlog) / (1 + (suminv-1/n)/(3*(k-1)))
	h := newHTest(o)
	h.Method = "Bartlett test of homogeneity of variances"
	if h.Data == "" {
		h.Data = "y by g"
	}
	h.StatName, h.Statistic = "Bartlett's K-squared", stat
	h.ParamNames, h.Params = []string{"df"}, []float64{k - 1}
	h.PValue = ChiSquared{k - 1}.Survival(stat)
	h.N = []int{len(ys)}
	h.Dropped = na
	h.subject = "the difference in variances"
	h.h1 = "variances differ between the groups"
	h.report = fmt.Sprintf("K²(%s) = %s", rNum(k-1), num(stat, 3))
	return h, nil
}

// WelchANOVA compares group means without assuming equal variances (R's
// oneway.test(y ~ g, var.equal = FALSE)): with wⱼ = nⱼ/s²ⱼ,
// F = Σwⱼ(ȳⱼ-ȳ_w)²/((k-1)(1 + 2(k-2)λ)), λ = Σ(1-wⱼ/Σw)²/(nⱼ-1)/(k²-1),
// on k-1 and 1/(3λ) degrees of freedom.
func WelchANOVA(y []float64, g []string, opts ...Opt) (*HTest, error) {
	o, err := getOpt("WelchANOVA", opts)
	if err != nil {
		return nil, err
	}
	ys, gs, na, err := groupClean("WelchANOVA", y, g)
	if err != nil {
		return nil, err
	}
	idx, lv := groupIndex(gs)
	if len(lv) < 2 {
		return nil, inputErr("WelchANOVA", "g", "has only %d group", "need at least 2 groups", len(lv))
	}
	groups := make([][]float64, len(lv))
	for i, v := range ys {
		groups[idx[i]] = append(groups[idx[i]], v)
	}
	k := float64(len(lv))
	ni := make([]float64, len(lv))
	mi := make([]float64, len(lv))
	wi := make([]float64, len(lv))
	sw := 0.0
	for j, gv := range groups {
		if len(gv) < 2 {
			return nil, inputErr("WelchANOVA", "g", "has group %q with fewer than 2 observations", "", lv[j])
		}
		m, ss := meanSS(gv)
		ni[j] = float64(len(gv))
		mi[j] = m
		v := ss / (ni[j] - 1)
		if v == 0 {
			return nil, inputErr("WelchANOVA", "y", "is constant in group %q", "", lv[j])
		}
		wi[j] = ni[j] / v
		sw += wi[j]
	}
	tmp, m := 0.0, 0.0
	for j := range wi {
		t := 1 - wi[j]/sw
		tmp += t * t / (ni[j] - 1)
		m += wi[j] * mi[j]
	}
	tmp /= k*k - 1
	m /= sw
	num := 0.0
	for j := range wi {
		num += wi[j] * (mi[j] - m) * (mi[j] - m)
	}
	stat := num / ((k - 1) * (1 + 2*(k-2)*tmp))
	df2 := 1 / (3 * tmp)
	h := newHTest(o)
	h.Method = "One-way analysis of means (not assuming equal variances)"
	if h.Data == "" {
		h.Data = "y and g"
	}
	h.StatName, h.Statistic = "F", stat
	h.ParamNames, h.Params = []string{"num df", "denom df"}, []float64{k - 1, df2}
	h.PValue = F{k - 1, df2}.Survival(stat)
	h.N = []int{len(ys)}
	h.Dropped = na
	h.subject = "the differences between the group means"
	h.h1 = "group means are not all equal"
	h.report = fmt.Sprintf("F(%s, %s) = %s", rNum(k-1), numStr(df2, 4), numStr(stat, 3))
	return h, nil
}

func numStr(x float64, d int) string { return num(x, d) }
