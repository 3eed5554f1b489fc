package plots

import (
	"math"
	"reflect"
	"sort"
	"strconv"

	"github.com/gostat/gostat/plotting"
)

// Diagnostics draws the four standard regression diagnostic plots of R's
// plot(lm) as one 2 × 2 grid:
//
//   - Residuals vs Fitted, with a dashed zero line and a lowess smooth;
//   - Normal Q-Q of the standardized residuals, with the quartile line;
//   - Scale-Location: sqrt(|standardized residual|) against fitted, with a
//     lowess smooth;
//   - Residuals vs Leverage: standardized residuals against leverage h_ii,
//     with Cook's distance contours at 0.5 and 1,
//     r = ±sqrt(D · p · (1 − h)/h), p = Σ h_ii (the model's rank).
//
// All four slices have one value per observation.
func Diagnostics(fitted, residuals, stdResiduals, leverage []float64) *Plot {
	return diagnostics(diagInput{fitted: fitted, residuals: residuals, std: stdResiduals, leverage: leverage})
}

// diagInput is what the diagnostic grid draws. stdLev (default std) are
// the standardized residuals of the leverage panel (R uses Pearson ones
// for a GLM there); labels (default 1…n) name the observations; glm
// switches the axis titles to plot.glm's.
type diagInput struct {
	fitted, residuals, std, leverage, stdLev []float64
	labels                                   []string
	glm                                      bool
}

func diagnostics(in diagInput) *Plot {
	fitted, residuals, stdResiduals, leverage := in.fitted, in.residuals, in.std, in.leverage
	n := len(fitted)
	for _, c := range []struct {
		name string
		v    []float64
	}{{"residuals", residuals}, {"stdResiduals", stdResiduals}, {"leverage", leverage}} {
		if len(c.v) != n {
			return errorf("Diagnostics", "fitted has %d values but %s has %d; give one value per observation", n, c.name, len(c.v))
		}
	}
	if n < 3 {
		return errorf("Diagnostics", "need at least 3 observations, have %d", n)
	}
	stdLev := stdResiduals
	if len(in.stdLev) == n {
		stdLev = in.stdLev
	}
	label := func(i int) string {
		if len(in.labels) == n {
			return in.labels[i]
		}
		return strconv.Itoa(i + 1)
	}
	xTitle, stdTitle, levTitle := "Fitted values", "Std. residuals", "Std. residuals"
	if in.glm {
		xTitle, stdTitle, levTitle = "Predicted values", "Std. deviance resid.", "Std. Pearson resid."
	}
	p1 := plotting.NewPanel("Residuals vs Fitted", xTitle, "Residuals")
	p1.Add(plotting.Layer{Kind: plotting.Points, X: fitted, Y: residuals})
	x0, x1 := extent(fitted)
	p1.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{x0, x1}, Y: []float64{0, 0}, Color: -1, Dashed: true, Reference: true})
	addLowess(p1, fitted, residuals)

	p2 := plotting.NewPanel("Normal Q-Q", "Theoretical Quantiles", stdTitle)
	v, _ := finite(stdResiduals)
	if len(v) >= 2 {
		qqLayers(p2, v)
	}

	sl := make([]float64, n)
	for i, r := range stdResiduals {
		sl[i] = math.Sqrt(math.Abs(r))
	}
	p3 := plotting.NewPanel("Scale-Location", xTitle, "√|"+stdTitle+"|")
	p3.Add(plotting.Layer{Kind: plotting.Points, X: fitted, Y: sl})
	addLowess(p3, fitted, sl)

	p4 := plotting.NewPanel("Residuals vs Leverage", "Leverage", levTitle)
	p4.Add(plotting.Layer{Kind: plotting.Points, X: leverage, Y: stdLev})
	addLowess(p4, leverage, stdLev)
	psum := 0.0
	for _, h := range leverage {
		if !math.IsNaN(h) {
			psum += h
		}
	}
	p := math.Round(psum)
	_, hmax := extent(leverage)
	r0, r1 := extent(stdLev)
	p4.YMin, p4.YMax = expandRange(r0, r1)
	p4.XMin, p4.XMax = 0, hmax*1.04
	p4.Add(plotting.Layer{Kind: plotting.Lines, X: []float64{0, hmax * 1.04}, Y: []float64{0, 0}, Color: -1, Dashed: true, Reference: true})
	if p > 0 && hmax > 0 {
		for k, d := range []float64{0.5, 1} {
			var hx, up, lo []float64
			for i := 1; i <= 50; i++ {
				h := hmax * 1.04 * float64(i) / 50
				if h >= 1 {
					break
				}
				r := math.Sqrt(d * p * (1 - h) / h)
				hx = append(hx, h)
				up = append(up, r)
				lo = append(lo, -r)
			}
			label := ""
			if k == 0 {
				label = "Cook's distance 0.5, 1"
			}
			p4.Add(plotting.Layer{Kind: plotting.Lines, X: hx, Y: up, Color: 3, Dashed: true, Label: label, Marker: 3})
			p4.Add(plotting.Layer{Kind: plotting.Lines, X: hx, Y: lo, Color: 3, Dashed: true, Marker: 3})
		}
		p4.Legend = true
		p4.LegendPos = "bottomleft"
	}
	// Name the three most extreme observations (1-based), as plot.lm's
	// id.n = 3: by |residual|, by |standardized residual| (Q-Q and
	// Scale-Location) and by Cook's distance.
	absr := make([]float64, n)
	abss := make([]float64, n)
	cook := make([]float64, n)
	for i := range residuals {
		absr[i] = math.Abs(residuals[i])
		abss[i] = math.Abs(stdResiduals[i])
		if p > 0 {
			cook[i] = stdLev[i] * stdLev[i] * leverage[i] / (p * (1 - leverage[i]))
		}
	}
	addIDs(p1, top3(absr), fitted, residuals, label)
	addIDs(p3, top3(abss), fitted, sl, label)
	addIDs(p4, top3(cook), leverage, stdLev, label)
	if len(v) >= 2 {
		// Q-Q positions: theoretical quantile of each observation's rank.
		pp := ppoints(len(v))
		rank := rankOf(stdResiduals)
		var xs, ys []float64
		var ids []string
		for _, i := range top3(abss) {
			if r, ok := rank[i]; ok {
				xs = append(xs, qnorm(pp[r]))
				ys = append(ys, stdResiduals[i])
				ids = append(ids, label(i))
			}
		}
		p2.Add(plotting.Layer{Kind: plotting.Labels, X: xs, Y: ys, Text: ids})
	}
	fig := &plotting.Figure{Rows: 2, Cols: 2, Panels: []*plotting.Panel{p1, p2, p3, p4}}
	return &Plot{fig: fig, kind: "Diagnostics"}
}

// top3 returns the indices of the three largest finite values, largest
// first.
func top3(v []float64) []int {
	idx := make([]int, 0, len(v))
	for i, e := range v {
		if !math.IsNaN(e) && !math.IsInf(e, 0) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] > v[idx[b]] })
	if len(idx) > 3 {
		idx = idx[:3]
	}
	return idx
}

// rankOf maps each finite value's index to its 0-based rank.
func rankOf(v []float64) map[int]int {
	idx := make([]int, 0, len(v))
	for i, e := range v {
		if !math.IsNaN(e) && !math.IsInf(e, 0) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make(map[int]int, len(idx))
	for k, i := range idx {
		r[i] = k
	}
	return r
}

// addIDs labels observations ids (0-based) at (x[i], y[i]) with label(i).
func addIDs(p *plotting.Panel, ids []int, x, y []float64, label func(int) string) {
	var xs, ys []float64
	var t []string
	for _, i := range ids {
		xs = append(xs, x[i])
		ys = append(ys, y[i])
		t = append(t, label(i))
	}
	p.Add(plotting.Layer{Kind: plotting.Labels, X: xs, Y: ys, Text: t})
}

func expandRange(lo, hi float64) (float64, float64) {
	d := (hi - lo) * 0.04
	if d == 0 {
		d = 1
	}
	return lo - d, hi + d
}

func extent(v []float64) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range v {
		if !math.IsNaN(e) && !math.IsInf(e, 0) {
			lo, hi = math.Min(lo, e), math.Max(hi, e)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	return lo, hi
}

// addLowess adds R's panel.smooth line: lowess(x, y, f = 2/3, iter = 3).
func addLowess(p *plotting.Panel, x, y []float64) {
	xs, ys := pairsFinite(x, y)
	if len(xs) < 3 {
		return
	}
	lx, ly := Lowess(xs, ys, 2.0/3, 3)
	p.Add(plotting.Layer{Kind: plotting.Lines, X: lx, Y: ly, Color: 3})
}

// Regression is what DiagnosticsOf needs from a fitted model: the
// leverages (hat values). For a linear model the fitted values and
// residuals are read from the model's exported fields Fitted and
// Residuals, the residual standard error from Sigma, and case weights from
// Weights when present — a *models.LM has all of these. A GLM (a
// *models.GLMFit) is recognised by its DevianceResiduals method. A field
// Rows []int (the data-frame row of each observation, 0-based) names the
// observations by their frame rows when rows with missing values were
// dropped.
type Regression interface {
	Hat() []float64
}

// glmDiag is the part of a fitted GLM that DiagnosticsOf uses.
type glmDiag interface {
	DevianceResiduals() []float64
	PearsonResiduals() []float64
	StandardizedResiduals() []float64
}

// DiagnosticsOf draws Diagnostics for a fitted linear model (a
// *models.LM): standardized residuals are r_i·sqrt(w_i) / (σ̂·sqrt(1 − h_ii)),
// as R's rstandard. For a GLM (a *models.GLMFit) it draws what R's
// plot(glm) does: deviance residuals against the linear predictor,
// standardized deviance residuals in the Q-Q and Scale-Location panels,
// and standardized Pearson residuals r_P/sqrt(φ(1 − h)) against leverage.
//
//	fit := models.OLS("mpg ~ wt + hp", mtcars)
//	plots.DiagnosticsOf(fit)
func DiagnosticsOf(fit Regression) *Plot {
	if fit == nil || (reflect.ValueOf(fit).Kind() == reflect.Pointer && reflect.ValueOf(fit).IsNil()) {
		return errorf("DiagnosticsOf", "the model is nil")
	}
	labels := rowLabels(fit)
	if g, ok := fit.(glmDiag); ok {
		return glmDiagnostics(fit, g, labels)
	}
	fitted, ok1 := floatsField(fit, "Fitted")
	resid, ok2 := floatsField(fit, "Residuals")
	if !ok1 || !ok2 {
		return errorf("DiagnosticsOf", "%T has no Fitted and Residuals fields; use plots.Diagnostics(fitted, residuals, stdResiduals, leverage)", fit)
	}
	h := fit.Hat()
	w, _ := floatsField(fit, "Weights")
	if len(h) != len(resid) || len(fitted) != len(resid) {
		return errorf("DiagnosticsOf", "the model has %d fitted values, %d residuals and %d leverages", len(fitted), len(resid), len(h))
	}
	sigma, ok := floatField(fit, "Sigma")
	if !ok || sigma <= 0 {
		// σ̂ from the residuals with p = Σ h.
		rss, p := 0.0, 0.0
		for i, r := range resid {
			rss += r * r
			p += h[i]
		}
		sigma = math.Sqrt(rss / (float64(len(resid)) - math.Round(p)))
	}
	std := make([]float64, len(resid))
	for i, r := range resid {
		wi := 1.0
		if len(w) == len(resid) {
			wi = w[i]
		}
		std[i] = r * math.Sqrt(wi) / (sigma * math.Sqrt(1-h[i]))
	}
	return diagnostics(diagInput{fitted: fitted, residuals: resid, std: std, leverage: h, labels: labels})
}

// glmDiagnostics is DiagnosticsOf for a GLM.
func glmDiagnostics(fit Regression, g glmDiag, labels []string) *Plot {
	eta, ok := floatsField(fit, "LinearPredictor")
	if !ok {
		return errorf("DiagnosticsOf", "%T has no LinearPredictor field", fit)
	}
	dev, pear, std, h := g.DevianceResiduals(), g.PearsonResiduals(), g.StandardizedResiduals(), fit.Hat()
	n := len(eta)
	if len(dev) != n || len(pear) != n || len(std) != n || len(h) != n {
		return errorf("DiagnosticsOf", "the model has %d predictions, %d residuals and %d leverages", n, len(dev), len(h))
	}
	phi, ok := floatField(fit, "Dispersion")
	if !ok || !(phi > 0) {
		phi = 1
	}
	stdP := make([]float64, n)
	for i := range pear {
		stdP[i] = pear[i] / math.Sqrt(phi*(1-h[i]))
	}
	return diagnostics(diagInput{fitted: eta, residuals: dev, std: std, leverage: h, stdLev: stdP, labels: labels, glm: true})
}

// rowLabels names the observations of a fitted model by their data-frame
// rows (1-based) when it has a Rows []int field; nil otherwise.
func rowLabels(fit any) []string {
	f, ok := fieldOf(fit, "Rows")
	if !ok {
		return nil
	}
	rows, ok := f.Interface().([]int)
	if !ok {
		return nil
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strconv.Itoa(r + 1)
	}
	return out
}

func fieldOf(v any, name string) (reflect.Value, bool) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return reflect.Value{}, false
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := rv.FieldByName(name)
	if !f.IsValid() || !f.CanInterface() {
		return reflect.Value{}, false
	}
	return f, true
}

func floatsField(v any, name string) ([]float64, bool) {
	f, ok := fieldOf(v, name)
	if !ok {
		return nil, false
	}
	s, ok := f.Interface().([]float64)
	return s, ok
}

func floatField(v any, name string) (float64, bool) {
	f, ok := fieldOf(v, name)
	if !ok {
		return 0, false
	}
	s, ok := f.Interface().(float64)
	return s, ok
}
