package models

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// Prediction holds predictions with standard errors and, optionally,
// intervals.
type Prediction struct {
	// Fit are the predicted values; SE their standard errors.
	Fit, SE []float64
	// Lower and Upper bound the interval (nil when Interval is "none").
	Lower, Upper []float64
	// Interval is "none", "confidence" or "prediction"; Level its coverage.
	Interval string
	Level    float64
	// Scale is "response" or "link" for GLM predictions.
	Scale string
	// Warnings are R's predict.lm warnings: a rank-deficient fit, or
	// prediction intervals from a weighted fit (which assume unit weight).
	Warnings []string
}

const rankDeficientWarning = "prediction from a rank-deficient fit may be misleading"

// anyTrue reports whether some element of a is true.
func anyTrue(a []bool) bool {
	for _, v := range a {
		if v {
			return true
		}
	}
	return false
}

// String returns the table at display.Plain.
func (p *Prediction) String() string { return p.Display(display.Plain).Text }

// Display lays out the predictions like R's predict(..., interval = ...).
func (p *Prediction) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("nil", "<nil *models.Prediction>\n")
	}
	var b strings.Builder
	heads := []string{"fit", "se"}
	cols := [][]float64{p.Fit, p.SE}
	if p.Lower != nil {
		heads = append(heads, "lwr", "upr")
		cols = append(cols, p.Lower, p.Upper)
	}
	f := make([][]string, len(cols))
	ws := make([]int, len(cols))
	for c := range cols {
		f[c] = rfmt.Format(cols[c], 7)
		ws[c] = len(heads[c])
		for _, s := range f[c] {
			ws[c] = max(ws[c], len(strings.TrimSpace(s)))
		}
	}
	nw := len(fmt.Sprint(len(p.Fit)))
	b.WriteString(strings.Repeat(" ", nw))
	for c, h := range heads {
		b.WriteString(" " + padLeft(h, ws[c]))
	}
	b.WriteString("\n")
	for i := range p.Fit {
		b.WriteString(padRight(fmt.Sprint(i+1), nw))
		for c := range cols {
			b.WriteString(" " + padLeft(strings.TrimSpace(f[c][i]), ws[c]))
		}
		b.WriteString("\n")
	}
	if p.Lower != nil {
		fmt.Fprintf(&b, "(%s intervals, level %g)\n", p.Interval, p.Level)
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "Warning: %s\n", w)
	}
	return display.Text("prediction", finish(o, b.String()))
}

// newDesign builds the model matrix of the fitted formula on new data,
// with the fitted levels and codings. Rows must be complete.
func (d *design) newDesign(f *frame.Frame) (*design, error) {
	if d.pf == nil {
		return nil, fmt.Errorf("models: this model was fitted from a matrix; use PredictMatrix")
	}
	if f == nil {
		return nil, fmt.Errorf("models: new data frame is nil")
	}
	used := map[string]bool{}
	// a variable of the formula missing from newdata is newdata's problem,
	// not the formula's: say so (R: "object 'hp' not found").
	newdataErr := func(err error) error {
		if fe, ok := err.(*FormulaError); ok && strings.HasPrefix(fe.Msg, "unknown variable") {
			e := *fe
			e.Msg = "the new data lack a variable of the model: " + e.Msg + "; give newdata every column the formula uses"
			return &e
		}
		return err
	}
	for _, t := range d.ts.terms {
		for _, fac := range t.factors {
			if err := checkVars(d.pf, fac, f, used); err != nil {
				return nil, newdataErr(err)
			}
		}
	}
	for _, o := range d.ts.offsets {
		if err := checkVars(d.pf, o, f, used); err != nil {
			return nil, newdataErr(err)
		}
	}
	// rows with a missing value get NA predictions (R's predict uses
	// na.pass): the model matrix is built on the complete rows only
	complete := make([]bool, f.NRows())
	for i := range complete {
		complete[i] = true
	}
	for v := range used {
		na, err := f.NA(v)
		if err != nil {
			return nil, err
		}
		for i, m := range na {
			if m {
				complete[i] = false
			}
		}
	}
	rows := make([]int, 0, f.NRows())
	for i, c := range complete {
		if c {
			rows = append(rows, i)
		}
	}
	nd := &design{formula: d.formula, pf: d.pf, ts: d.ts, intercept: d.intercept, n: len(rows), rows: rows, nDropped: f.NRows() - len(rows),
		levels: map[string][]string{}, coding: map[string]bool{}, ordered: map[string]bool{}, contr: map[string]contrSpec{}}
	ev := &evaluator{pf: d.pf, f: f, rows: rows, cache: map[string]*variable{}, polyRef: d.poly, splineRef: d.spline}
	if err := nd.build(ev, d); err != nil {
		return nil, err
	}
	if err := nd.evalOffsets(ev); err != nil {
		return nil, err
	}
	if len(nd.cols) != len(d.cols) {
		return nil, fmt.Errorf("models: new data give %d model columns, the fit has %d", len(nd.cols), len(d.cols))
	}
	return nd, nil
}

// predictCols computes x'b and x'Cx (C the unscaled covariance) for rows of
// column-major X over the estimable coefficients.
func predictCols(cols [][]float64, coef []float64, aliased []bool, covU [][]float64, n int) (fit, q []float64) {
	fit = make([]float64, n)
	q = make([]float64, n)
	var kept []int
	for j, a := range aliased {
		if !a {
			kept = append(kept, j)
		}
	}
	x := make([]float64, len(kept))
	for i := 0; i < n; i++ {
		s := 0.0
		for a, j := range kept {
			x[a] = cols[j][i]
			s += x[a] * coef[j]
		}
		fit[i] = s
		v := 0.0
		for a, j := range kept {
			for c, k := range kept {
				v += x[a] * covU[j][k] * x[c]
			}
		}
		q[i] = v
	}
	return
}

// predictFrom predicts from model-matrix columns; offset (nil: none) is
// added to the fit, as R's predict.lm adds the offset terms evaluated on
// the new data.
func (m *LM) predictFrom(cols [][]float64, offset []float64, n int, interval string, level float64) (*Prediction, error) {
	level = percentLevel(level)
	if !(level > 0 && level < 1) {
		level = 0.95
	}
	switch interval {
	case "", "none":
		interval = "none"
	case "confidence", "prediction":
	default:
		return nil, fmt.Errorf("models: interval must be \"none\", \"confidence\" or \"prediction\", not %q", interval)
	}
	fit, q := predictCols(cols, m.Coef, m.Aliased, m.covU, n)
	for i, o := range offset {
		fit[i] += o
	}
	p := &Prediction{Fit: fit, SE: make([]float64, n), Interval: interval, Level: level}
	for i := range q {
		p.SE[i] = m.Sigma * math.Sqrt(q[i])
	}
	if anyTrue(m.Aliased) {
		p.Warnings = append(p.Warnings, rankDeficientWarning)
	}
	if interval == "prediction" && m.Weights != nil {
		p.Warnings = append(p.Warnings, "Assuming constant prediction variance even though model fit is weighted")
	}
	if interval != "none" {
		t := qT((1+level)/2, float64(m.DFResidual))
		p.Lower = make([]float64, n)
		p.Upper = make([]float64, n)
		for i := range fit {
			se := p.SE[i]
			if interval == "prediction" {
				se = math.Sqrt(se*se + m.Sigma*m.Sigma)
			}
			p.Lower[i] = fit[i] - t*se
			p.Upper[i] = fit[i] + t*se
		}
	}
	return p, nil
}

// Predict predicts the response for the rows of newdata (which must have
// the formula's variables; categorical levels must have been seen in the
// fit). interval is "none", "confidence" (for the mean, fit ± t·SE) or
// "prediction" (for a new observation, fit ± t·sqrt(SE² + σ²)), as R's
// predict.lm; level is the coverage (90 reads as 0.90; 0.95 when out of range). The
// formula's offset() terms are evaluated on newdata and added to the fit;
// factors are coded with the training levels and contrasts (treatment,
// polynomial for ordered factors, or C()'s), whatever newdata's own level
// order or ordered mark.
func (m *LM) Predict(newdata *frame.Frame, interval string, level float64) (p *Prediction, err error) {
	defer recoverErr("models.Predict", &err)
	nd, err := m.d.newDesign(newdata)
	if err != nil {
		return nil, err
	}
	p, err = m.predictFrom(nd.cols, nd.offset, nd.n, interval, level)
	if err != nil {
		return nil, err
	}
	return p.expand(nd.rows, newdata.NRows()), nil
}

// expand spreads predictions made on the complete rows of newdata over all
// its n rows, NaN (NA) where a variable was missing, as R's predict.
func (p *Prediction) expand(rows []int, n int) *Prediction {
	if len(rows) == n {
		return p
	}
	spread := func(v []float64) []float64 {
		if v == nil {
			return nil
		}
		out := make([]float64, n)
		for i := range out {
			out[i] = math.NaN()
		}
		for k, r := range rows {
			out[r] = v[k]
		}
		return out
	}
	p.Fit, p.SE, p.Lower, p.Upper = spread(p.Fit), spread(p.SE), spread(p.Lower), spread(p.Upper)
	return p
}

// PredictMatrix predicts from a matrix with the same columns as the fit
// (for models fitted with OLSMatrix/OLSRows, or any model given its
// model-matrix columns in Names order).
func (m *LM) PredictMatrix(X *mat.Dense, interval string, level float64) (*Prediction, error) {
	n, p := X.Dims()
	if p != len(m.Coef) {
		return nil, fmt.Errorf("models.PredictMatrix: X has %d columns, the model has %d (%s)", p, len(m.Coef), strings.Join(m.Names, ", "))
	}
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = mat.Col(nil, j, X)
	}
	return m.predictFrom(cols, nil, n, interval, level)
}

// Predict predicts for newdata on the "link" scale (η = x'b + offset, the
// formula's offset() terms evaluated on newdata; SE from
// sqrt(φ x'(X'WX)^{-1}x)) or the "response" scale (μ = g^{-1}(η), SE by the
// delta method |dμ/dη|·SE(η)), as R's predict.glm(se.fit = TRUE). With
// level in (0,1) Wald intervals are added, computed on the link scale and
// transformed (so they stay inside the valid range of μ).
func (m *GLMFit) Predict(newdata *frame.Frame, scale string, level float64) (p *Prediction, err error) {
	defer recoverErr("models.GLMFit.Predict", &err)
	if m.d.pf == nil {
		return nil, fmt.Errorf("models: this model was fitted from a matrix")
	}
	switch scale {
	case "", "response":
		scale = "response"
	case "link":
	default:
		return nil, fmt.Errorf("models: scale must be \"link\" or \"response\", not %q", scale)
	}
	nd, err := m.d.newDesign(newdata)
	if err != nil {
		return nil, err
	}
	eta, q := predictCols(nd.cols, m.Coef, m.Aliased, m.covU, nd.n)
	for i, o := range nd.offset {
		eta[i] += o // the formula's offset() terms on the new data
	}
	p = &Prediction{Fit: make([]float64, nd.n), SE: make([]float64, nd.n), Interval: "none", Scale: scale}
	if anyTrue(m.Aliased) {
		p.Warnings = append(p.Warnings, rankDeficientWarning)
	}
	var z float64
	level = percentLevel(level)
	if level > 0 && level < 1 {
		p.Interval, p.Level = "confidence", level
		p.Lower = make([]float64, nd.n)
		p.Upper = make([]float64, nd.n)
		z = qNorm((1 + level) / 2)
	}
	for i := range eta {
		se := math.Sqrt(m.Dispersion * q[i])
		if scale == "link" {
			p.Fit[i], p.SE[i] = eta[i], se
			if p.Lower != nil {
				p.Lower[i], p.Upper[i] = eta[i]-z*se, eta[i]+z*se
			}
			continue
		}
		p.Fit[i] = m.Family.linkinv(eta[i])
		p.SE[i] = se * math.Abs(m.Family.muEta(eta[i]))
		if p.Lower != nil {
			a, b := m.Family.linkinv(eta[i]-z*se), m.Family.linkinv(eta[i]+z*se)
			p.Lower[i], p.Upper[i] = math.Min(a, b), math.Max(a, b)
		}
	}
	return p.expand(nd.rows, newdata.NRows()), nil
}

// percentLevel reads a confidence level given in percent (90 for 0.90) as
// the fraction it means; other values are returned unchanged (callers use
// 0.95 for a level outside (0, 1)).
func percentLevel(level float64) float64 {
	if level > 1 && level < 100 {
		return level / 100
	}
	return level
}
