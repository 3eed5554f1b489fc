package models

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// weightedResid returns sqrt(w_i)·r_i (plain residuals for OLS).
func (m *LM) weightedResid() []float64 {
	if m.Weights == nil {
		return m.Residuals
	}
	out := make([]float64, len(m.Residuals))
	for i, r := range m.Residuals {
		out[i] = r * math.Sqrt(m.Weights[i])
	}
	return out
}

// StandardizedResiduals returns r_i / (σ·sqrt(1 - h_ii)) (R's rstandard),
// using weighted residuals for WLS.
func (m *LM) StandardizedResiduals() []float64 {
	h := m.Hat()
	r := m.weightedResid()
	out := make([]float64, len(r))
	for i := range r {
		out[i] = r[i] / (m.Sigma * math.Sqrt(1-h[i]))
	}
	return out
}

// StudentizedResiduals returns externally studentized residuals
// r_i / (σ_(i)·sqrt(1 - h_ii)) with σ_(i) the residual SD without
// observation i (R's rstudent).
func (m *LM) StudentizedResiduals() []float64 {
	h := m.Hat()
	r := m.weightedResid()
	df := float64(m.DFResidual)
	out := make([]float64, len(r))
	for i := range r {
		s2 := (m.RSS - r[i]*r[i]/(1-h[i])) / (df - 1)
		out[i] = r[i] / (math.Sqrt(s2) * math.Sqrt(1-h[i]))
	}
	return out
}

// CooksDistance returns Cook's distances D_i = r_i² h_ii / (p σ² (1-h_ii)²)
// with p = Rank (R's cooks.distance).
func (m *LM) CooksDistance() []float64 {
	h := m.Hat()
	r := m.weightedResid()
	p := float64(m.Rank)
	out := make([]float64, len(r))
	for i := range r {
		t := r[i] / (m.Sigma * (1 - h[i]))
		out[i] = t * t * h[i] / p
	}
	return out
}

// VIF returns the variance inflation factor 1/(1 - R²_j) of every
// non-intercept coefficient, R²_j from regressing column j on the other
// columns of the design (with the intercept). Aliased columns get NaN.
// For factor and other multi-column terms use GVIF (car::vif's per-term
// generalized VIF); for one-column terms the two agree.
func (m *LM) VIF() map[string]float64 {
	out := map[string]float64{}
	for _, j := range m.fit.kept {
		if m.Names[j] == "(Intercept)" {
			continue
		}
		var cols [][]float64
		hasInt := false
		for _, k := range m.fit.kept {
			if k == j {
				continue
			}
			if m.Names[k] == "(Intercept)" {
				hasInt = true
			}
			cols = append(cols, m.X[k])
		}
		if !hasInt {
			one := make([]float64, m.d.n)
			for i := range one {
				one[i] = 1
			}
			cols = append([][]float64{one}, cols...)
		}
		f := solveLS(lsProblem{n: m.d.n, p: len(cols), cols: cols, y: m.X[j], w: m.Weights})
		tss := weightedTSS(m.X[j], m.Weights, true).hi
		r2 := 1 - f.rss/tss
		out[m.Names[j]] = 1 / (1 - r2)
	}
	for j, a := range m.Aliased {
		if a {
			out[m.Names[j]] = math.NaN()
		}
	}
	return out
}

// TestResult is the result of a diagnostic test.
type TestResult struct {
	Method    string
	Statistic float64
	DF        float64
	PValue    float64
}

// String formats the result in one line, as R's print.htest would show it.
func (t TestResult) String() string {
	df := ""
	if t.DF > 0 {
		df = fmt.Sprintf(", df = %g", t.DF)
	}
	return fmt.Sprintf("%s: statistic = %s%s, %s", t.Method, rfmt.Num(t.Statistic, 5), df, rfmt.PValueLine(t.PValue))
}

// BreuschPagan returns Koenker's studentized Breusch-Pagan statistic as
// lmtest::bptest(m) computes it (lmtest 0.9-40) with the model matrix X as
// the variance regressors: with case weights w (1 for OLS), n = #(w > 0)
// observations, residuals r and s² = Σ w r²/n, regress u = r² - s² on X by
// weighted least squares and take BP = n·Σ w û²/Σ u², χ² with rank - 1
// degrees of freedom. For OLS with an intercept this is n·R² of r² on X
// (Koenker 1981, J. Econometrics 17:107–112). NaN for a saturated fit.
func (m *LM) BreuschPagan() TestResult {
	method := "studentized Breusch-Pagan test"
	if m.DFResidual == 0 {
		return TestResult{Method: method, Statistic: math.NaN(), DF: math.NaN(), PValue: math.NaN()}
	}
	r := m.Residuals
	w := m.Weights
	n := 0.0
	s2 := 0.0
	for i, v := range r {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		if wi > 0 {
			n++
		}
		s2 += wi * v * v
	}
	s2 /= n
	u := make([]float64, len(r))
	uu := 0.0
	for i, v := range r {
		u[i] = v*v - s2
		uu += u[i] * u[i]
	}
	var cols [][]float64
	for _, k := range m.fit.kept {
		cols = append(cols, m.X[k])
	}
	f := solveLS(lsProblem{n: len(u), p: len(cols), cols: cols, y: u, w: w})
	ss := 0.0
	for i, v := range f.fitted {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		ss += wi * v * v
	}
	bp := n * ss / uu
	df := float64(f.rank - 1)
	return TestResult{Method: method, Statistic: bp, DF: df, PValue: pChisqUpper(bp, df)}
}

// DurbinWatson returns the Durbin-Watson statistic Σ(e_i - e_{i-1})² / Σe_i²
// (about 2 without autocorrelation; observations in data order).
func (m *LM) DurbinWatson() float64 {
	if m.DFResidual == 0 {
		return math.NaN() // residuals are rounding noise
	}
	r := m.weightedResid()
	num, den := 0.0, 0.0
	for i, v := range r {
		den += v * v
		if i > 0 {
			d := v - r[i-1]
			num += d * d
		}
	}
	return num / den
}

// JarqueBera tests normality of the residuals: JB = n/6·(S² + (K-3)²/4)
// with the (biased) sample skewness S and kurtosis K, chi-square with 2
// degrees of freedom.
func (m *LM) JarqueBera() TestResult {
	if m.DFResidual == 0 {
		return TestResult{Method: "Jarque-Bera normality test", Statistic: math.NaN(), DF: 2, PValue: math.NaN()}
	}
	r := m.weightedResid()
	if m.Weights != nil { // zero-weight rows are not observations
		kept := make([]float64, 0, len(r))
		for i, v := range r {
			if m.Weights[i] > 0 {
				kept = append(kept, v)
			}
		}
		r = kept
	}
	n := float64(len(r))
	mean := 0.0
	for _, v := range r {
		mean += v
	}
	mean /= n
	var m2, m3, m4 float64
	for _, v := range r {
		d := v - mean
		m2 += d * d
		m3 += d * d * d
		m4 += d * d * d * d
	}
	m2, m3, m4 = m2/n, m3/n, m4/n
	s := m3 / math.Pow(m2, 1.5)
	k := m4 / (m2 * m2)
	jb := n / 6 * (s*s + (k-3)*(k-3)/4)
	return TestResult{Method: "Jarque-Bera normality test", Statistic: jb, DF: 2, PValue: pChisqUpper(jb, 2)}
}

// ConditionNumber returns the 2-norm condition number of the design matrix
// X (over estimable columns, unscaled, as statsmodels reports it): the
// ratio of its largest to smallest singular value.
func (m *LM) ConditionNumber() float64 {
	k := len(m.fit.rinv)
	if k == 0 {
		return math.NaN()
	}
	a := mat.NewDense(k, k, nil)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			a.Set(i, j, m.fit.rinv[i][j])
		}
	}
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDNone) {
		return math.NaN()
	}
	s := svd.Values(nil)
	return s[0] / s[len(s)-1]
}

// Diagnostics bundles the regression diagnostics of a linear model.
type Diagnostics struct {
	VIF map[string]float64
	// GVIF is car::vif's per-term table (nil when car would refuse: aliased
	// coefficients or fewer than two terms); the report shows it instead of
	// VIF when a term has more than one column (a factor, poly(), ns()).
	GVIF *GVIFTable
	// VIFNote says why no VIF is reported (aliased coefficients), or "".
	VIFNote         string
	BreuschPagan    TestResult
	DurbinWatson    float64
	JarqueBera      TestResult
	ConditionNumber float64
	// Leverage, CooksDistance and StandardizedResiduals per observation.
	Leverage, CooksDistance, StandardizedResiduals []float64
	// Rows is the data-frame row (0-based) of each observation (the
	// model's Rows; nil for the matrix interface): reports name rows
	// 1-based, as R's row names.
	Rows    []int
	labels  []string // R-style row names (the frame's label column), or nil
	names   []string
	rank, n int
}

// Diagnose computes the diagnostics of the model.
func (m *LM) Diagnose() *Diagnostics {
	var names []string
	for j, nm := range m.Names {
		if nm != "(Intercept)" && !m.Aliased[j] {
			names = append(names, nm)
		}
	}
	gv, gerr := m.GVIF()
	note := ""
	if gerr != nil && strings.Contains(gerr.Error(), "aliased") {
		note = strings.TrimPrefix(gerr.Error(), "models.GVIF: ")
		names = nil
	}
	return &Diagnostics{VIF: m.VIF(), GVIF: gv, VIFNote: note, BreuschPagan: m.BreuschPagan(), DurbinWatson: m.DurbinWatson(),
		JarqueBera: m.JarqueBera(), ConditionNumber: m.ConditionNumber(), Leverage: m.Hat(),
		CooksDistance: m.CooksDistance(), StandardizedResiduals: m.StandardizedResiduals(),
		Rows: m.Rows, labels: m.d.labels, names: names, rank: m.Rank, n: len(m.Residuals)}
}

// String returns the report at display.Plain.
func (d *Diagnostics) String() string { return d.Display(display.Plain).Text }

// Display reports the diagnostics with short readings.
func (d *Diagnostics) Display(o display.Options) display.Bundle {
	if d == nil {
		return display.Text("nil", "<nil *models.Diagnostics>\n")
	}
	o = o.Normalized()
	var b strings.Builder
	b.WriteString("Regression diagnostics\n\n")
	multi := false
	if d.GVIF != nil {
		for _, df := range d.GVIF.Df {
			multi = multi || df > 1
		}
	}
	switch {
	case d.VIFNote != "":
		b.WriteString(wrapText(fmt.Sprintf("Variance inflation factors: not computed: %s.", d.VIFNote), o.Width) + "\n\n")
	case multi:
		b.WriteString("Generalized variance inflation factors (car::vif):\n")
		b.WriteString(d.GVIF.String())
		mx := 0.0
		for _, v := range d.GVIF.Adjusted {
			mx = math.Max(mx, v)
		}
		if mx > math.Sqrt(10) {
			b.WriteString("  GVIF^(1/(2*Df)) above sqrt(10): strong collinearity inflates those standard errors.\n")
		} else if mx > math.Sqrt(5) {
			b.WriteString("  GVIF^(1/(2*Df)) above sqrt(5): noticeable collinearity.\n")
		}
		b.WriteString("\n")
	case len(d.names) > 0:
		b.WriteString("Variance inflation factors:\n")
		vals := make([]float64, len(d.names))
		for i, nm := range d.names {
			vals[i] = d.VIF[nm]
		}
		b.WriteString(rfmt.NamedVector(d.names, vals, 4, o.Width))
		mx := 0.0
		for _, v := range vals {
			mx = math.Max(mx, v)
		}
		if mx > 10 {
			b.WriteString("  VIF above 10: strong collinearity inflates those standard errors.\n")
		} else if mx > 5 {
			b.WriteString("  VIF above 5: noticeable collinearity.\n")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s\n", d.BreuschPagan)
	fmt.Fprintf(&b, "  %s\n", verdict(d.BreuschPagan.PValue, "the residual variance changes with the predictors (heteroscedasticity)", "no evidence of heteroscedasticity"))
	fmt.Fprintf(&b, "Durbin-Watson statistic: %s (about 2 without autocorrelation of neighbouring residuals)\n", rfmt.Num(d.DurbinWatson, 4))
	fmt.Fprintf(&b, "%s\n", d.JarqueBera)
	fmt.Fprintf(&b, "  %s\n", verdict(d.JarqueBera.PValue, "the residuals are not normally distributed", "no evidence against normal residuals"))
	fmt.Fprintf(&b, "Condition number of X: %s\n", rfmt.Num(d.ConditionNumber, 4))
	// influential points
	idx := make([]int, len(d.CooksDistance))
	for i := range idx {
		idx[i] = i
	}
	cd := func(i int) float64 { // NaN (zero-weight rows) sorts last
		if v := d.CooksDistance[i]; v == v {
			return v
		}
		return math.Inf(-1)
	}
	sort.SliceStable(idx, func(a, c int) bool { return cd(idx[a]) > cd(idx[c]) })
	thr := 4 / float64(d.n)
	var infl []string
	for _, i := range idx[:min(3, len(idx))] {
		if d.CooksDistance[i] > thr {
			row := i + 1
			if i < len(d.Rows) {
				row = d.Rows[i] + 1
			}
			name := fmt.Sprintf("row %d", row)
			if i < len(d.labels) {
				name += " " + strconv.Quote(d.labels[i])
			}
			infl = append(infl, fmt.Sprintf("%s (D = %s, leverage %s)", name, rfmt.Num(d.CooksDistance[i], 3), rfmt.Num(d.Leverage[i], 3)))
		}
	}
	if len(infl) > 0 {
		b.WriteString(wrapText(fmt.Sprintf("Influential observations (Cook's D > 4/n): %s\n", strings.Join(infl, "; ")), o.Width))
	} else {
		b.WriteString("No influential observations (all Cook's D <= 4/n).\n")
	}
	return display.Text("diagnostics", finish(o, b.String()))
}

func verdict(p float64, yes, no string) string {
	if p < 0.05 {
		return "p < 0.05: " + yes + "."
	}
	return "p >= 0.05: " + no + "."
}

// GVIFTable holds generalized variance-inflation factors per model term,
// as car::vif reports them (Fox and Monette 1992, JASA 87:178–183).
type GVIFTable struct {
	// Terms are the term labels ("wt", "factor(cyl)", "wt:hp").
	Terms []string
	// GVIF = det(R_11)·det(R_22)/det(R), R the correlation matrix of the
	// non-intercept coefficient estimates, R_11 its block for the term's
	// columns and R_22 the block for all other columns. For a one-column
	// term GVIF is the usual VIF 1/(1 - R²_j).
	GVIF []float64
	// Df is the number of columns of the term.
	Df []int
	// Adjusted = GVIF^(1/(2·Df)), comparable across terms of different Df
	// (for Df = 1 the square root of the VIF).
	Adjusted []float64
}

// GVIF returns car::vif's table: one (generalized) variance inflation factor
// per term, computed from the correlation matrix of the coefficient
// estimates. As car does, it refuses models with aliased coefficients and
// with fewer than two terms; without an intercept it still computes (car
// warns that VIFs may not be sensible there).
func (m *LM) GVIF() (*GVIFTable, error) {
	var cols []int
	for j, nm := range m.Names {
		if m.Aliased[j] {
			return nil, fmt.Errorf("models.GVIF: there are aliased coefficients in the model (%s is not estimable); drop the aliased terms before computing VIFs", nm)
		}
		if nm != "(Intercept)" {
			cols = append(cols, j)
		}
	}
	// group the columns by term (one term per column for the matrix interface)
	var labels []string
	var groups [][]int
	byTerm := map[int]int{}
	for k, j := range cols {
		t := -1
		if len(m.assign) == len(m.Names) && len(m.terms) > 0 {
			t = m.assign[j]
		}
		if t < 0 {
			labels = append(labels, m.Names[j])
			groups = append(groups, []int{k})
			continue
		}
		g, ok := byTerm[t]
		if !ok {
			g = len(groups)
			byTerm[t] = g
			labels = append(labels, m.terms[t])
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], k)
	}
	if len(groups) < 2 {
		return nil, fmt.Errorf("models.GVIF: the model contains fewer than 2 terms; variance inflation needs at least two predictors")
	}
	p := len(cols)
	r := mat.NewSymDense(p, nil)
	for a, i := range cols {
		for b, j := range cols {
			r.SetSym(a, b, m.covU[i][j]/math.Sqrt(m.covU[i][i]*m.covU[j][j]))
		}
	}
	sub := func(idx []int) float64 {
		if len(idx) == 0 {
			return 1
		}
		s := mat.NewDense(len(idx), len(idx), nil)
		for a, i := range idx {
			for b, j := range idx {
				s.Set(a, b, r.At(i, j))
			}
		}
		return mat.Det(s)
	}
	detR := mat.Det(r)
	out := &GVIFTable{Terms: labels}
	for _, g := range groups {
		in := map[int]bool{}
		for _, k := range g {
			in[k] = true
		}
		var rest []int
		for k := 0; k < p; k++ {
			if !in[k] {
				rest = append(rest, k)
			}
		}
		v := sub(g) * sub(rest) / detR
		out.GVIF = append(out.GVIF, v)
		out.Df = append(out.Df, len(g))
		out.Adjusted = append(out.Adjusted, math.Pow(v, 1/(2*float64(len(g)))))
	}
	return out, nil
}

// String prints the table as R prints car::vif's matrix.
func (g *GVIFTable) String() string {
	if g == nil {
		return "<nil *models.GVIFTable>\n"
	}
	df := make([]float64, len(g.Df))
	for i, d := range g.Df {
		df[i] = float64(d)
	}
	cols := [][]string{rfmt.Format(g.GVIF, 7), rfmt.Format(df, 7), rfmt.Format(g.Adjusted, 7)}
	heads := []string{"GVIF", "Df", "GVIF^(1/(2*Df))"}
	w0 := 0
	for _, t := range g.Terms {
		w0 = max(w0, utf8.RuneCountInString(t))
	}
	ws := make([]int, 3)
	for c := range cols {
		ws[c] = len(heads[c])
		for _, s := range cols[c] {
			ws[c] = max(ws[c], len(s))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%*s", w0, "")
	for c, h := range heads {
		fmt.Fprintf(&b, " %*s", ws[c], h)
	}
	b.WriteString("\n")
	for i, t := range g.Terms {
		fmt.Fprintf(&b, "%-*s", w0+len(t)-utf8.RuneCountInString(t), t)
		for c := range cols {
			fmt.Fprintf(&b, " %*s", ws[c], cols[c][i])
		}
		b.WriteString("\n")
	}
	return b.String()
}
