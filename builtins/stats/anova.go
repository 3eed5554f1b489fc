package stats

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// AOV is a one-way analysis of variance: the table of R's
// summary(aov(y ~ g)) plus group summaries, effect sizes and assumption
// checks.
type AOV struct {
	Term                string    // name of the grouping term in the table ("group" unless set)
	Levels              []string  // group labels in level (sorted) order
	N                   []int     // group sizes
	Means               []float64 // group means
	SDs                 []float64 // group standard deviations
	DFBetween, DFWithin float64
	SSBetween, SSWithin float64
	MSBetween, MSWithin float64
	F, PValue           float64
	ResidualSD          float64    // √MS_within
	RSquared            float64    // SS_between/SS_total (= η²)
	EtaSq, OmegaSq      float64    // η² and ω² = (SS_b - df_b·MS_w)/(SS_t + MS_w)
	EtaSqCI             [2]float64 // 95 % interval for η² (non-central F, as EtaSquared)
	Dropped             int        // observations skipped for a missing value or label
	Alpha               float64    // level of the written conclusion (0.05 unless set)
	Checks              []Check
	y                   []float64
	idx                 []int
}

// ANOVA performs a one-way analysis of variance of y by the groups g (R's
// summary(aov(y ~ g))): SS_between = Σⱼ nⱼ(ȳⱼ - ȳ)², SS_within =
// Σⱼ Σᵢ (yᵢⱼ - ȳⱼ)², F = (SS_b/(k-1)) / (SS_w/(n-k)). Sums are formed in
// double-double arithmetic, centred by group, so data with large offsets
// (NIST SmLs09) keep all the digits their float64 values carry. Rows where
// y is NaN or g is "" or "NA" are dropped. Groups are ordered by sorted label
// unless levels gives the order (e.g. df.Levels("tension") for L, M, H), which
// sets the order of the table, the group means and Tukey's pairs.
func ANOVA(y []float64, g []string, levels ...string) (*AOV, error) {
	ys, gs, na, err := groupClean("ANOVA", y, g)
	if err != nil {
		return nil, err
	}
	idx, lv, err := orderedGroupIndex("ANOVA", gs, levels)
	if err != nil {
		return nil, err
	}
	if len(lv) < 2 {
		return nil, inputErr("ANOVA", "g", "has only %d group", "an ANOVA compares at least 2 groups", len(lv))
	}
	n, k := float64(len(ys)), float64(len(lv))
	if n <= k {
		return nil, inputErr("ANOVA", "y", "has %d observations for %d groups", "need more observations than groups", len(ys), len(lv))
	}
	ssb, ssw, means, counts := oneWaySS(ys, idx, len(lv))
	a := &AOV{Term: "group", Levels: lv, N: counts, Means: means, DFBetween: k - 1, DFWithin: n - k, SSBetween: ssb, SSWithin: ssw, Dropped: na, y: ys, idx: idx}
	a.MSBetween = ssb / a.DFBetween
	a.MSWithin = ssw / a.DFWithin
	if a.MSWithin == 0 {
		return nil, inputErr("ANOVA", "y", "has no variation within groups", "every group is constant; an F test is undefined")
	}
	a.F = a.MSBetween / a.MSWithin
	a.PValue = F{a.DFBetween, a.DFWithin}.Survival(a.F)
	a.ResidualSD = math.Sqrt(a.MSWithin)
	sst := ssb + ssw
	a.RSquared = ssb / sst
	a.EtaSq = a.RSquared
	a.OmegaSq = math.Max(0, (ssb-a.DFBetween*a.MSWithin)/(sst+a.MSWithin))
	cdf := func(l float64) float64 { return pnf(a.F, a.DFBetween, a.DFWithin, l) }
	llo, lhi := ncpLimit(cdf, 0.975), ncpLimit(cdf, 0.025)
	a.EtaSqCI = [2]float64{llo / (llo + n), lhi / (lhi + n)}
	a.SDs = make([]float64, len(lv))
	groups := a.groups()
	for j, gv := range groups {
		if len(gv) > 1 {
			_, ss := meanSS(gv)
			a.SDs[j] = math.Sqrt(ss / float64(len(gv)-1))
		} else {
			a.SDs[j] = math.NaN()
		}
	}
	// assumption checks: normal residuals, equal variances
	res := make([]float64, len(ys))
	for i, v := range ys {
		res[i] = v - means[idx[i]]
	}
	a.Checks = append(a.Checks, normalityCheck("residuals", res, 0.05, "use KruskalTest (rank-based) instead"))
	c := Check{Assumption: "equal variances", OK: true}
	if lt, err := LeveneTest(ys, gs); err == nil {
		c.Method, c.Value, c.Detail = "Brown-Forsythe", lt.PValue, pfmt(lt.PValue)
		if lt.PValue < 0.05 {
			c.OK = false
			c.Suggestion = "use WelchANOVA (no equal-variance assumption)"
		}
	} else {
		c.Detail = "not checkable"
	}
	a.Checks = append(a.Checks, c, Check{Assumption: "independent observations", Detail: "a design question"})
	return a, nil
}

func (a *AOV) groups() [][]float64 {
	out := make([][]float64, len(a.Levels))
	for i, v := range a.y {
		out[a.idx[i]] = append(out[a.idx[i]], v)
	}
	return out
}

// groupClean drops rows with NaN values or missing labels ("" or "NA").
func groupClean(fn string, y []float64, g []string) ([]float64, []string, int, error) {
	if len(y) != len(g) {
		return nil, nil, 0, inputErr(fn, "y and g", "have different lengths (%d and %d)", "pass a value column and a group column of the same frame", len(y), len(g))
	}
	if len(y) == 0 {
		return nil, nil, 0, inputErr(fn, "y", "is empty", "")
	}
	var ys []float64
	var gs []string
	na := 0
	for i, v := range y {
		if v != v || g[i] == "" || g[i] == "NA" {
			na++
			continue
		}
		if math.IsInf(v, 0) {
			return nil, nil, na, inputErr(fn, "y", "has an infinite value at position %d", "remove or recode infinite values", i)
		}
		if math.Abs(v) > maxMagnitude {
			return nil, nil, na, inputErr(fn, "y", "has a value of %g at position %d, too large to square without overflow", "rescale the data", v, i)
		}
		ys = append(ys, v)
		gs = append(gs, g[i])
	}
	if len(ys) == 0 {
		return nil, nil, na, inputErr(fn, "y", "has no complete observations (%d missing)", "check the columns", na)
	}
	return ys, gs, na, nil
}

// SetAlpha sets the level of the written conclusion and returns a.
func (a *AOV) SetAlpha(alpha float64) *AOV {
	a.Alpha = alpha
	return a
}

// coefTable lays out rows like R's printCoefmat for an anova table.
func aovTable(rows []string, df, ss, ms, f, p []float64, stars bool) string {
	fdf := make([]string, len(df))
	for i, v := range df {
		fdf[i] = rNum(v)
	}
	fss := rfmt.Format(ss, 4)
	fms := rfmt.Format(ms, 4)
	var ff, fp []string
	var fvals, pvals []float64
	for i := range f {
		if !math.IsNaN(f[i]) {
			fvals = append(fvals, math.Round(f[i]*1000)/1000)
			pvals = append(pvals, p[i])
		}
	}
	fvf := rfmt.Format(fvals, 4)
	pvf := rfmt.PValues(pvals, 3)
	j := 0
	for i := range f {
		if math.IsNaN(f[i]) {
			ff = append(ff, "")
			fp = append(fp, "")
		} else {
			ff = append(ff, strings.TrimSpace(fvf[j]))
			fp = append(fp, pvf[j])
			j++
		}
	}
	cols := [][]string{fdf, fss, fms, ff, fp}
	heads := []string{"Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)"}
	widths := make([]int, len(cols))
	for c := range cols {
		widths[c] = len(heads[c])
		for _, s := range cols[c] {
			if len(s) > widths[c] {
				widths[c] = len(s)
			}
		}
	}
	rw := 11 // R pads the term names of summary.aov to at least 11
	for _, r := range rows {
		if len(r) > rw {
			rw = len(r)
		}
	}
	var b strings.Builder
	pad := func(s string, w int) string { return strings.Repeat(" ", w-len(s)) + s }
	b.WriteString(strings.Repeat(" ", rw))
	for c, hd := range heads {
		b.WriteString(" " + pad(hd, widths[c]))
	}
	showStars := false
	sw := 0
	for i := range f {
		if stars && !math.IsNaN(p[i]) {
			if p[i] < 0.1 {
				showStars = true
			}
			if l := len(strings.TrimSpace(rfmt.Stars(p[i]))); l > sw {
				sw = l
			}
		}
	}
	if showStars {
		b.WriteString(" " + strings.Repeat(" ", sw))
	}
	b.WriteString("\n")
	for i, r := range rows {
		b.WriteString(r + strings.Repeat(" ", rw-len(r)))
		for c := range cols {
			b.WriteString(" " + pad(cols[c][i], widths[c]))
		}
		if showStars {
			s := strings.TrimSpace(rfmt.Stars(p[i]))
			b.WriteString(" " + s + strings.Repeat(" ", sw-len(s)))
		}
		b.WriteString("\n")
	}
	if showStars {
		b.WriteString("---\n" + rfmt.Legend(false) + "\n")
	}
	return b.String()
}

func (a *AOV) alpha() float64 {
	if a.Alpha > 0 && a.Alpha < 1 {
		return a.Alpha
	}
	return 0.05
}

// Conclusion returns the plain-language sentence at level Alpha.
func (a *AOV) Conclusion() string {
	rep := fmt.Sprintf("F(%s, %s) = %s, p %s", rNum(a.DFBetween), rNum(a.DFWithin), num(a.F, 3), pEq(a.PValue))
	if a.PValue < a.alpha() {
		return fmt.Sprintf("At α = %s, the differences between the %d group means are significant (%s): at least one group mean differs from the others; see .Tukey(0.95) (Tukey HSD) for which pairs.", rNum(a.alpha()), len(a.Levels), rep)
	}
	return fmt.Sprintf("At α = %s, the differences between the %d group means are not significant (%s): no evidence that the group means differ.", rNum(a.alpha()), len(a.Levels), rep)
}

func pEq(p float64) string { return rfmt.PRel(p, 3) }

func etaMagnitude(e float64) string {
	switch {
	case e < 0.01:
		return "negligible"
	case e < 0.06:
		return "small"
	case e < 0.14:
		return "medium"
	}
	return "large"
}

func (a *AOV) text(o display.Options) string {
	o = o.Normalized()
	var b strings.Builder
	b.WriteString(aovTable([]string{a.Term, "Residuals"}, []float64{a.DFBetween, a.DFWithin}, []float64{a.SSBetween, a.SSWithin},
		[]float64{a.MSBetween, a.MSWithin}, []float64{a.F, math.NaN()}, []float64{a.PValue, math.NaN()}, true))
	if a.Dropped > 0 {
		fmt.Fprintf(&b, "(%d observation(s) deleted due to missingness)\n", a.Dropped)
	}
	b.WriteString("\nGroup means:\n")
	b.WriteString(rfmt.NamedVector(a.Levels, a.Means, 7, o.Width))
	b.WriteString("\n" + wrap(a.Conclusion(), o.Width, "") + "\n")
	b.WriteString(fmt.Sprintf("Effect size: η² = %s (95%% CI %s to %s), %s; ω² = %s\n", num(a.EtaSq, 3), num(a.EtaSqCI[0], 3), num(a.EtaSqCI[1], 3), etaMagnitude(a.EtaSq), num(a.OmegaSq, 3)))
	h := HTest{Checks: a.Checks}
	t := h.text(o)
	if i := strings.Index(t, "Assumptions:\n"); i >= 0 {
		b.WriteString(t[i:])
	}
	return b.String()
}

// Display implements display.Displayer.
func (a *AOV) Display(o display.Options) display.Bundle {
	if a == nil {
		return display.Text("aov", "<nil>\n")
	}
	return display.Text("aov", textFor(o, a.text(o)))
}

// String returns the plain-text display.
func (a *AOV) String() string { return a.Display(display.Plain).Text }
