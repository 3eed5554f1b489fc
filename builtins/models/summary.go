package models

import (
	"fmt"
	"math"
	"strings"

	inum "github.com/gostat/gostat/builtins/internal/num"
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// coefTable lays out a coefficient matrix like R's printCoefmat with
// digits = 4: estimate and standard error rounded and formatted together,
// the test statistic rounded to 3 decimals, p-values by format.pval with 3
// digits, significance stars. NaN estimates (aliased) print as NA.
func coefTable(names []string, est, se, stat, p []float64, statName, pName string, stars bool) string {
	const digits = 4
	n := len(names)
	// estimate + SE, formatted together
	var acs []float64
	for i := 0; i < n; i++ {
		for _, v := range []float64{est[i], se[i]} {
			if a := math.Abs(v); a != 0 && !math.IsNaN(a) && !math.IsInf(a, 0) {
				acs = append(acs, a)
			}
		}
	}
	dec := 1
	if len(acs) > 0 {
		mn := acs[0]
		for _, a := range acs {
			mn = math.Min(mn, a)
		}
		digmin := 1 + int(math.Floor(math.Log10(mn)))
		dec = max(1, digits-digmin)
	}
	var both []float64
	var bothIdx []int
	for i := 0; i < n; i++ {
		for c, v := range []float64{est[i], se[i]} {
			if !math.IsNaN(v) {
				both = append(both, roundTo(v, dec))
				bothIdx = append(bothIdx, i*2+c)
			}
		}
	}
	cells := make([][]string, n)
	for i := range cells {
		cells[i] = []string{"NA", "NA", "NA", "NA"}
		if !math.IsNaN(est[i]) {
			// estimable but without a standard error (no residual df): R's NaN
			cells[i] = []string{"NA", "NaN", "NaN", "NaN"}
		}
		if p == nil {
			cells[i] = cells[i][:3]
		}
	}
	if len(both) > 0 {
		f := rfmt.Format(both, digits)
		for k, idx := range bothIdx {
			cells[idx/2][idx%2] = strings.TrimSpace(f[k])
		}
	}
	var ts []float64
	var tIdx []int
	for i := 0; i < n; i++ {
		if !math.IsNaN(stat[i]) {
			ts = append(ts, roundTo(stat[i], 3)+0) // +0: R prints a rounded -0 as 0
			tIdx = append(tIdx, i)
		}
	}
	if len(ts) > 0 {
		f := rfmt.Format(ts, digits)
		for k, i := range tIdx {
			cells[i][2] = strings.TrimSpace(f[k])
		}
	}
	if p != nil {
		var ps []float64
		var pIdx []int
		for i := 0; i < n; i++ {
			if !math.IsNaN(p[i]) {
				ps = append(ps, p[i])
				pIdx = append(pIdx, i)
			}
		}
		if len(ps) > 0 {
			f := rfmt.PValues(ps, 3)
			for k, i := range pIdx {
				cells[i][3] = strings.TrimSpace(f[k])
			}
		}
	}
	headers := []string{"Estimate", "Std. Error", statName}
	if p != nil {
		headers = append(headers, pName)
	}
	showStars := false
	if stars && p != nil {
		for _, v := range p {
			if !math.IsNaN(v) && v < 0.1 {
				showStars = true
			}
		}
	}
	// column widths
	nw := 0
	for _, nm := range names {
		nw = max(nw, len([]rune(nm)))
	}
	ws := make([]int, len(headers))
	for c, h := range headers {
		ws[c] = len(h)
		for i := 0; i < n; i++ {
			ws[c] = max(ws[c], len(cells[i][c]))
		}
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", nw))
	for c, h := range headers {
		b.WriteString(" " + padLeft(h, ws[c]))
	}
	if showStars {
		b.WriteString("    ")
	}
	b.WriteString("\n")
	for i := 0; i < n; i++ {
		b.WriteString(padRight(names[i], nw))
		for c := range headers {
			b.WriteString(" " + padLeft(cells[i][c], ws[c]))
		}
		if showStars {
			s := ""
			if !math.IsNaN(p[i]) {
				s = rfmt.Stars(p[i])
			}
			b.WriteString(" " + padRight(s, 3))
		}
		b.WriteString("\n")
	}
	if showStars {
		b.WriteString("---\n" + rfmt.Legend(false) + "\n")
	}
	return b.String()
}

func roundTo(x float64, dec int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, float64(dec))
	v := math.Round(x*p) / p
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return x
	}
	return v
}

func padLeft(s string, w int) string {
	if n := len([]rune(s)); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

func padRight(s string, w int) string {
	if n := len([]rune(s)); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// quantile7 returns R's type-7 quantiles of x (no NaN) at increasing
// probs, by selection rather than a full sort (internal/num.Quantiles).
func quantile7(x []float64, probs []float64) []float64 { return inum.Quantiles(x, probs) }

// zapsmall rounds x as R's zapsmall(x, digits).
func zapsmall(x []float64, digits int) []float64 {
	mx := 0.0
	for _, v := range x {
		if !math.IsNaN(v) {
			mx = math.Max(mx, math.Abs(v))
		}
	}
	d := digits
	if mx > 0 {
		// R 4.2: round(x, digits - log10(mx)), and round() takes
		// floor(digits + 0.5) decimals
		d = max(0, int(math.Floor(float64(digits)-math.Log10(mx)+0.5)))
	}
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = roundTo(v, d)
	}
	return out
}

// residualBlock prints R's residual summary (quantiles when n > 5); gap is
// the number of spaces between columns (1 for summary.lm, 2 for
// summary.glm's print.gap = 2).
//
// As R's print.summary.lm and print.summary.glm, the five quantiles are
// shown when the residual df exceed 5, else every residual named by its
// row (labels: the frame's row labels of the rows used, or nil for the
// 1-based frame row numbers rows+1, or 1..n when rows is nil too); the GLM
// block (gap 2) zaps them as R does.
func residualBlock(title string, r []float64, df int, labels []string, rows []int, width, gap int) string {
	var b strings.Builder
	b.WriteString(title + ":\n")
	var names []string
	var vals []float64
	if df > 5 {
		vals = zapsmall(quantile7(r, []float64{0, 0.25, 0.5, 0.75, 1}), 5)
		names = []string{"Min", "1Q", "Median", "3Q", "Max"}
	} else {
		vals = r
		if gap > 1 {
			vals = zapsmall(r, 5)
		}
		for i := range r {
			switch {
			case len(labels) == len(r):
				names = append(names, labels[i])
			case len(rows) == len(r):
				names = append(names, fmt.Sprint(rows[i]+1))
			default:
				names = append(names, fmt.Sprint(i+1))
			}
		}
	}
	if gap <= 1 {
		b.WriteString(rfmt.NamedVector(names, vals, 4, width))
		return b.String()
	}
	f := rfmt.Format(vals, 4)
	w := 0
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		w = max(w, len(f[i]), len(names[i]))
	}
	sp := strings.Repeat(" ", gap)
	for i, nm := range names {
		if i > 0 {
			b.WriteString(sp)
		}
		b.WriteString(padLeft(nm, w))
	}
	b.WriteString("\n")
	for i := range f {
		if i > 0 {
			b.WriteString(sp)
		}
		b.WriteString(padLeft(f[i], w))
	}
	b.WriteString("\n")
	return b.String()
}

// Summary returns the R summary.lm text of the model.
func (m *LM) Summary() string { return m.Display(display.Plain).Text }

// String returns the summary at display.Plain (so fmt.Println(m) shows it).
func (m *LM) String() string { return m.Summary() }

// Display shows the model like R's summary(lm(...)), followed by a short
// plain-language reading of the main coefficients.
func (m *LM) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil *models.LM>\n")
	}
	o = o.Normalized()
	var b strings.Builder
	b.WriteString("\nCall:\n" + m.Call + "\n\n")
	title := "Residuals"
	r := m.Residuals
	if m.Weights != nil {
		title = "Weighted Residuals"
		// sqrt(w)·r for every row, zero-weight rows included (as 0), as
		// R's summary.lm
		r = make([]float64, 0, len(m.Residuals))
		for i, v := range m.Residuals {
			if m.Weights[i] == 0 {
				v = 0 // not -0 from a negative residual
			}
			r = append(r, v*math.Sqrt(m.Weights[i]))
		}
	}
	if m.DFResidual <= 0 {
		fmt.Fprintf(&b, "%s:\nALL %d residuals are 0: no residual degrees of freedom!\n", title, len(r))
	} else {
		b.WriteString(residualBlock(title, r, m.DFResidual, m.d.labels, m.Rows, o.Width, 1))
	}
	b.WriteString("\n")
	nAliased := len(m.Coef) - m.Rank
	if nAliased > 0 {
		fmt.Fprintf(&b, "Coefficients: (%d not defined because of singularities)\n", nAliased)
	} else {
		b.WriteString("Coefficients:\n")
	}
	b.WriteString(coefTable(m.Names, m.Coef, m.StdErr, m.TValue, m.PValue, "t value", "Pr(>|t|)", true))
	b.WriteString("\n")
	sigma := "NaN"
	if !math.IsNaN(m.Sigma) {
		sigma = rfmt.Num(rfmt.Signif(m.Sigma, 4), 4)
	}
	fmt.Fprintf(&b, "Residual standard error: %s on %d degrees of freedom\n", sigma, m.DFResidual)
	if m.NDropped > 0 {
		s := "s"
		if m.NDropped == 1 {
			s = ""
		}
		fmt.Fprintf(&b, "  (%d observation%s deleted due to missingness)\n", m.NDropped, s)
	}
	if m.FDFNum > 0 {
		// R separates the two with a tab; two spaces keep column layouts stable
		fmt.Fprintf(&b, "Multiple R-squared:  %s,  Adjusted R-squared:  %s \n", fmtG(m.RSquared, 4), fmtG(m.AdjRSquared, 4))
		pv := "NA"
		if !math.IsNaN(m.FPValue) {
			pv = rfmt.PValue(m.FPValue, 4)
		}
		fmt.Fprintf(&b, "F-statistic: %s on %g and %g DF,  p-value: %s\n", fmtG(m.FStatistic, 4), m.FDFNum, m.FDFDen, pv)
	}
	for _, line := range m.aliasReasons() {
		b.WriteString(wrapText(line, o.Width))
	}
	if m.Precise && m.CondNumber > 1e8 {
		fmt.Fprintf(&b, "\nNote: the design is ill-conditioned (condition number %s after column scaling);\nit was solved in double-double precision.\n", fmtG(m.CondNumber, 3))
	}
	for _, w := range m.Warnings {
		b.WriteString("\nWarning: " + w + "\n")
	}
	if reading := m.reading(); reading != "" && len(m.Warnings) == 0 {
		b.WriteString("\n" + wrapText(reading, o.Width))
	}
	return display.Text("lm", finish(o, b.String()))
}

// fmtG formats like R's formatC(x, digits = d): "%.dg", right-justified to
// d + 1 characters (formatC(0.82, digits = 4) is " 0.82").
func fmtG(x float64, d int) string {
	if math.IsInf(x, 1) {
		return "Inf"
	}
	if math.IsNaN(x) {
		return "NaN"
	}
	// C's %g prints exponents with at least two digits, as Go does; R's
	// formatC pads the result to digits + 1 characters.
	return padLeft(fmt.Sprintf("%.*g", d, x), d+1)
}

// reading is a plain-language interpretation of the coefficients for
// teaching: the direction and size of each effect and whether it is
// statistically distinguishable from zero at the 5% level.
func (m *LM) reading() string {
	if m.DFResidual <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Reading:\n")
	y := m.YName
	if y == "" {
		y = "the response"
	}
	k := 0
	for j, name := range m.Names {
		if name == "(Intercept)" || m.Aliased[j] {
			continue
		}
		if k == 6 {
			b.WriteString("  …\n")
			break
		}
		k++
		sig := significance(m.PValue[j])
		v := rfmt.Num(m.Coef[j], 4)
		if fac, deg, ok := m.d.polyColumn(j); ok {
			fmt.Fprintf(&b, "  - %s: %s trend of %s across the ordered levels of %s (polynomial contrast), coefficient %s (p%s, %s).\n",
				name, polyTrend(deg), y, fac, v, pTight(m.PValue[j]), sig)
			continue
		}
		if _, kind, ok := m.d.factorColumn(j); ok && (kind == "full" || kind == "sum" || kind == "helmert") {
			what := "the intercept at this level of " + m.d.factorLabel(j) + " (no baseline: without an intercept the factor is coded by full indicators)"
			if kind != "full" {
				what = "a " + kind + "-contrast coefficient of " + m.d.factorLabel(j) + " (a comparison with the average of the levels, not with a baseline)"
				if kind == "helmert" {
					what = "a Helmert-contrast coefficient of " + m.d.factorLabel(j) + " (a level against the mean of the levels before it)"
				}
			}
			fmt.Fprintf(&b, "  - %s: %s, %s (p%s, %s).\n", name, v, what, pTight(m.PValue[j]), sig)
			continue
		}
		if base, lvl, ok := m.factorLevel(j); ok {
			dir := "higher"
			if m.Coef[j] < 0 {
				dir = "lower"
			}
			fmt.Fprintf(&b, "  - %s: %s is on average %s %s than at the baseline %s (p%s, %s).\n",
				name, y, rfmt.Num(math.Abs(m.Coef[j]), 4), dir, base+lvl, pTight(m.PValue[j]), sig)
			continue
		}
		if t, ok := m.d.basisTerm(j); ok {
			fmt.Fprintf(&b, "  - %s: coefficient %s of one column of %s; the columns act together, so read the fitted curve (Predict over a grid) and test the term as a whole (Drop1) (p%s, %s).\n",
				name, v, t, pTight(m.PValue[j]), sig)
			continue
		}
		if strings.Contains(name, ":") {
			fmt.Fprintf(&b, "  - %s: interaction; the effect of one variable changes by %s per unit of the other (p%s, %s).\n",
				name, v, pTight(m.PValue[j]), sig)
			continue
		}
		other := ""
		if m.Rank > 2 || (m.Rank > 1 && !m.Intercept) {
			other = ", holding the other terms fixed"
		}
		fmt.Fprintf(&b, "  - %s: each unit increase goes with a change of %s in %s%s (p%s, %s).\n",
			name, v, y, other, pTight(m.PValue[j]), sig)
	}
	if k == 0 {
		return ""
	}
	if m.Intercept && !math.IsNaN(m.RSquared) && m.Weights != nil {
		// σ̂ is on the weighted scale (sqrt(w_i)·e_i): report the RMSE of
		// the response too
		ss, n := 0.0, 0
		for i, e := range m.Residuals {
			if m.Weights[i] > 0 {
				ss += e * e
				n++
			}
		}
		fmt.Fprintf(&b, "  The model explains %.1f%% of the weighted variance of %s (R²); the residual standard error %s is on the weighted scale (unweighted root mean squared error of %s: %s).\n",
			100*m.RSquared, y, rfmt.Num(m.Sigma, 3), y, rfmt.Num(math.Sqrt(ss/float64(n)), 3))
	} else if m.Intercept && !math.IsNaN(m.RSquared) {
		fmt.Fprintf(&b, "  The model explains %.1f%% of the variance of %s (R²); the typical prediction error is %s.\n",
			100*m.RSquared, y, rfmt.Num(m.Sigma, 3))
	}
	return b.String()
}

// factorLevel reports whether coefficient j is a treatment dummy of a
// categorical main effect, returning "factor = " text and the baseline
// level (the first level; the last for SAS contrasts).
func (m *LM) factorLevel(j int) (string, string, bool) {
	key, kind, ok := m.d.factorColumn(j)
	if !ok || kind != "treatment" && kind != "SAS" {
		return "", "", false
	}
	lv := m.d.levels[key]
	base := lv[0]
	if kind == "SAS" {
		base = lv[len(lv)-1]
	}
	return m.d.factorLabel(j) + " = ", base, true
}

// CoefIntervals are confidence intervals for coefficients.
type CoefIntervals struct {
	Names                  []string
	Estimate, Lower, Upper []float64
	Level                  float64
	// Exp reports intervals on the exponentiated scale (odds/rate ratios).
	Exp bool
}

// String returns the table at display.Plain.
func (c *CoefIntervals) String() string { return c.Display(display.Plain).Text }

// Display lays the intervals out like R's confint: one row per coefficient,
// columns named by the percentage points.
func (c *CoefIntervals) Display(o display.Options) display.Bundle {
	if c == nil {
		return display.Text("nil", "<nil *models.CoefIntervals>\n")
	}
	lo := fmt.Sprintf("%s %%", trimPct(100*(1-c.Level)/2))
	hi := fmt.Sprintf("%s %%", trimPct(100*(1+c.Level)/2))
	var vals []float64
	cols := []string{lo, hi}
	if c.Exp {
		cols = []string{"ratio", lo, hi}
	}
	for i := range c.Names {
		if c.Exp {
			vals = append(vals, c.Estimate[i])
		}
		vals = append(vals, c.Lower[i], c.Upper[i])
	}
	f := rfmt.Format(vals, 7)
	nc := len(cols)
	nw := 0
	for _, n := range c.Names {
		nw = max(nw, len([]rune(n)))
	}
	ws := make([]int, nc)
	for k := range cols {
		ws[k] = len(cols[k])
		for i := range c.Names {
			ws[k] = max(ws[k], len(strings.TrimSpace(f[i*nc+k])))
		}
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", nw))
	for k, h := range cols {
		b.WriteString(" " + padLeft(h, ws[k]))
	}
	b.WriteString("\n")
	for i, n := range c.Names {
		b.WriteString(padRight(n, nw))
		for k := range cols {
			b.WriteString(" " + padLeft(strings.TrimSpace(f[i*nc+k]), ws[k]))
		}
		b.WriteString("\n")
	}
	return display.Text("confint", finish(o, b.String()))
}

func trimPct(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	s = strings.TrimSuffix(s, ".0")
	return s
}

// wrapText wraps each line of s at width columns, indenting continuation
// lines to the first non-space, non-dash character of the line.
func wrapText(s string, width int) string {
	if width < 20 {
		width = 20
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		indent := 0
		for indent < len(line) && (line[indent] == ' ' || line[indent] == '-') {
			indent++
		}
		words := strings.Fields(line[indent:])
		cur := line[:indent]
		curLen := indent
		for _, w := range words {
			wl := len([]rune(w))
			if curLen > indent && curLen+1+wl > width {
				b.WriteString(cur + "\n")
				cur = strings.Repeat(" ", indent) + w
				curLen = indent + wl
				continue
			}
			if curLen > indent {
				cur += " "
				curLen++
			}
			cur += w
			curLen += wl
		}
		b.WriteString(cur + "\n")
	}
	return b.String()
}

// tidy removes trailing spaces from every line (R pads some lines; recorded
// outputs are easier to compare without them).
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// aliasReasons explains each aliased coefficient: the exact linear
// combination of earlier columns that reproduces its column.
func (m *LM) aliasReasons() []string {
	var out []string
	for j, a := range m.Aliased {
		if !a {
			continue
		}
		allZero := true
		for _, x := range m.X[j] {
			if x != 0 {
				allZero = false
				break
			}
		}
		if allZero {
			what := "this value"
			if strings.Contains(m.Names[j], ":") {
				what = "this combination of levels"
			} else if _, _, ok := m.d.factorColumn(j); ok {
				what = "this level"
			}
			out = append(out, fmt.Sprintf("Note: %s is aliased: its column is all zero (no observation used has %s); its coefficient is not estimable and shown as NA.", m.Names[j], what))
			continue
		}
		var cols [][]float64
		for _, k := range m.fit.kept {
			cols = append(cols, m.X[k])
		}
		f := solveLS(lsProblem{n: m.d.n, p: len(cols), cols: cols, y: m.X[j], tol: -1})
		var parts []string
		for a, k := range m.fit.kept {
			c := f.coef[a]
			if math.IsNaN(c) || math.Abs(c) < 1e-9 {
				continue
			}
			v := rfmt.Num(rfmt.Signif(c, 6), 6)
			switch {
			case m.Names[k] == "(Intercept)":
				parts = append(parts, v)
			case v == "1":
				parts = append(parts, m.Names[k])
			case v == "-1":
				parts = append(parts, "-"+m.Names[k])
			default:
				parts = append(parts, v+"*"+m.Names[k])
			}
		}
		rel := "0"
		if len(parts) > 0 {
			rel = strings.ReplaceAll(strings.Join(parts, " + "), "+ -", "- ")
		}
		out = append(out, fmt.Sprintf("Note: %s is aliased (a linear combination of earlier columns: %s = %s); its coefficient is not estimable and shown as NA.", m.Names[j], m.Names[j], rel))
	}
	return out
}

// asciiFold replaces the non-ASCII characters of model displays for
// terminals without Unicode (display.Options.Unicode false).
var asciiFold = strings.NewReplacer("‘", "'", "’", "'", "R²", "R^2", "±", "+/-", "…", "...", "√", "sqrt", "×", "x", "≤", "<=", "≥", ">=")

// finish tidies a display text and folds it to ASCII when the front end
// cannot show Unicode.
func finish(o display.Options, s string) string {
	s = tidy(s)
	if !o.Unicode {
		s = asciiFold.Replace(s)
	}
	return s
}

// pTight writes a p-value for the readings: "=0.0126", or " < 2.2e-16"
// below R's eps.
func pTight(p float64) string {
	if p < rfmt.Eps {
		return " " + rfmt.PValue(p, 4)
	}
	return "=" + rfmt.PValue(p, 2)
}

// significance words a p-value for the readings; a NaN p-value (no
// standard error) is not called significant.
func significance(p float64) string {
	switch {
	case math.IsNaN(p):
		return "no test: the standard error is not available"
	case p < 0.05:
		return "statistically significant at the 5% level"
	}
	return "not statistically significant at the 5% level"
}

// basisTerm reports whether model-matrix column j belongs to a term built
// from a basis of several columns (poly(), ns(), bs()), whose coefficients
// have no per-unit reading one at a time; it returns the term's label.
func (d *design) basisTerm(j int) (string, bool) {
	if d == nil || j >= len(d.assign) || d.assign[j] < 0 || d.assign[j] >= len(d.terms) {
		return "", false
	}
	t := d.terms[d.assign[j]]
	for _, f := range []string{"poly(", "ns(", "bs("} {
		if strings.Contains(t, f) {
			return t, true
		}
	}
	return "", false
}
