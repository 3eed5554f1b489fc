package models

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// AnovaTable is an analysis-of-variance table: sequential (type I) sums of
// squares of one model's terms, or the comparison of nested models.
type AnovaTable struct {
	// Heading lines printed above the table.
	Heading []string
	// Rows are the row labels (terms and "Residuals", or model numbers).
	Rows []string
	// For a single model: Df, SumSq, MeanSq, F, P per row (the Residuals row
	// has NaN F and P). For model comparison: ResDf, RSS, Df, SumSq, F, P
	// (the first row has NaN Df, SumSq, F, P).
	Df, SumSq, MeanSq, F, P []float64
	ResDf, RSS              []float64
	comparison              bool
	deviance                bool // analysis of deviance (GLM): RSS holds residual deviances
}

// Anova returns the sequential (type I) analysis of variance of the model,
// as R's anova(lm): each term's sum of squares is the reduction in the
// residual sum of squares when it is added after the terms before it
// (computed from the QR effects), F = (SS/df) / (RSS/df_res).
func (m *LM) Anova() *AnovaTable {
	a := &AnovaTable{Heading: []string{"Analysis of Variance Table", "", "Response: " + m.YName}}
	nt := len(m.terms)
	df := make([]float64, nt)
	ss := make([]float64, nt)
	for k, j := range m.fit.kept {
		t := m.assign[j]
		if t < 0 {
			continue
		}
		df[t]++
		e := m.fit.effects[k]
		ss[t] += e * e
	}
	rdf := float64(m.DFResidual)
	ms := m.RSS / rdf
	for t := 0; t < nt; t++ {
		if df[t] == 0 {
			continue
		}
		a.Rows = append(a.Rows, m.terms[t])
		a.Df = append(a.Df, df[t])
		a.SumSq = append(a.SumSq, ss[t])
		a.MeanSq = append(a.MeanSq, ss[t]/df[t])
		f := (ss[t] / df[t]) / ms
		a.F = append(a.F, f)
		a.P = append(a.P, pFUpper(f, df[t], rdf))
	}
	a.Rows = append(a.Rows, "Residuals")
	a.Df = append(a.Df, rdf)
	a.SumSq = append(a.SumSq, m.RSS)
	a.MeanSq = append(a.MeanSq, ms)
	a.F = append(a.F, math.NaN())
	a.P = append(a.P, math.NaN())
	return a
}

// CompareLM compares nested linear models fitted to the same data with F
// tests, as R's anova(m1, m2, ...): for each model after the first,
// F = (ΔRSS/Δdf) / (RSS_k/df_k) where k is the largest model (the one with
// the fewest residual degrees of freedom).
func CompareLM(ms ...*LM) (*AnovaTable, error) {
	if len(ms) < 2 {
		return nil, fmt.Errorf("models.CompareLM: give at least two models")
	}
	n := ms[0].NObs
	for i, m := range ms {
		if m == nil {
			return nil, fmt.Errorf("models.CompareLM: model %d is nil", i+1)
		}
		if m.NObs != n {
			return nil, fmt.Errorf("models.CompareLM: model %d uses %d observations, model 1 uses %d; nested models must be fitted to the same rows (drop missing values first)", i+1, m.NObs, n)
		}
	}
	a := &AnovaTable{comparison: true, Heading: []string{"Analysis of Variance Table", ""}}
	big := 0
	for i, m := range ms {
		if m.DFResidual < ms[big].DFResidual {
			big = i
		}
		label := m.Formula
		if label == "" {
			label = m.Call
		}
		a.Heading = append(a.Heading, fmt.Sprintf("Model %d: %s", i+1, label))
	}
	scale := ms[big].RSS / float64(ms[big].DFResidual)
	for i, m := range ms {
		a.Rows = append(a.Rows, fmt.Sprint(i+1))
		a.ResDf = append(a.ResDf, float64(m.DFResidual))
		a.RSS = append(a.RSS, m.RSS)
		if i == 0 {
			a.Df = append(a.Df, math.NaN())
			a.SumSq = append(a.SumSq, math.NaN())
			a.F = append(a.F, math.NaN())
			a.P = append(a.P, math.NaN())
			continue
		}
		d := float64(ms[i-1].DFResidual - m.DFResidual)
		s := ms[i-1].RSS - m.RSS
		a.Df = append(a.Df, d)
		a.SumSq = append(a.SumSq, s)
		f := math.NaN()
		p := math.NaN()
		if d != 0 {
			f = (s / d) / scale
			p = pFUpper(math.Abs(f), math.Abs(d), float64(ms[big].DFResidual))
		}
		a.F = append(a.F, f)
		a.P = append(a.P, p)
	}
	return a, nil
}

// CompareGLM compares nested GLMs fitted to the same data by analysis of
// deviance, as R's anova(m1, m2, ..., test = "Chisq"): for each model after
// the first, the drop in deviance ΔD on Δdf degrees of freedom is tested
// against χ²(Δdf) after dividing by the dispersion of the largest model
// (1 for binomial and Poisson). The result's RSS column holds the residual
// deviances and P the χ² p-values.
func CompareGLM(ms ...*GLMFit) (*AnovaTable, error) {
	if len(ms) < 2 {
		return nil, fmt.Errorf("models.CompareGLM: give at least two models")
	}
	for i, m := range ms {
		if m == nil {
			return nil, fmt.Errorf("models.CompareGLM: model %d is nil", i+1)
		}
		if m.NObs != ms[0].NObs {
			return nil, fmt.Errorf("models.CompareGLM: model %d uses %d observations, model 1 uses %d; nested models must be fitted to the same rows", i+1, m.NObs, ms[0].NObs)
		}
		if m.Family.Name != ms[0].Family.Name || m.Family.Link != ms[0].Family.Link {
			return nil, fmt.Errorf("models.CompareGLM: model %d is %s(%s), model 1 is %s(%s)", i+1, m.Family.Name, m.Family.Link, ms[0].Family.Name, ms[0].Family.Link)
		}
	}
	a := &AnovaTable{comparison: true, deviance: true, Heading: []string{"Analysis of Deviance Table", ""}}
	big := 0
	for i, m := range ms {
		if m.DFResidual < ms[big].DFResidual {
			big = i
		}
		a.Heading = append(a.Heading, fmt.Sprintf("Model %d: %s", i+1, m.Formula))
	}
	disp := ms[big].Dispersion
	for i, m := range ms {
		a.Rows = append(a.Rows, fmt.Sprint(i+1))
		a.ResDf = append(a.ResDf, float64(m.DFResidual))
		a.RSS = append(a.RSS, m.Deviance)
		if i == 0 {
			a.Df = append(a.Df, math.NaN())
			a.SumSq = append(a.SumSq, math.NaN())
			a.F = append(a.F, math.NaN())
			a.P = append(a.P, math.NaN())
			continue
		}
		d := float64(ms[i-1].DFResidual - m.DFResidual)
		dev := ms[i-1].Deviance - m.Deviance
		a.Df = append(a.Df, d)
		a.SumSq = append(a.SumSq, dev)
		a.F = append(a.F, math.NaN())
		p := math.NaN()
		if d > 0 {
			p = pChisqUpper(dev/disp, d)
		}
		a.P = append(a.P, p)
	}
	return a, nil
}

// String returns the table at display.Plain.
func (a *AnovaTable) String() string { return a.Display(display.Plain).Text }

// Display lays the table out like R's print.anova (5 significant digits,
// F rounded to 4 decimals, p-values with 4 digits, significance stars).
func (a *AnovaTable) Display(o display.Options) display.Bundle {
	if a == nil {
		return display.Text("nil", "<nil *models.AnovaTable>\n")
	}
	var headers []string
	var cols [][]string
	fmtCol := func(x []float64, digits int) []string {
		var vals []float64
		var idx []int
		for i, v := range x {
			if !math.IsNaN(v) {
				vals = append(vals, v)
				idx = append(idx, i)
			}
		}
		out := make([]string, len(x))
		if len(vals) > 0 {
			f := rfmt.Format(vals, digits)
			for k, i := range idx {
				out[i] = strings.TrimSpace(f[k])
			}
		}
		return out
	}
	zap := func(x []float64) []float64 {
		var v []float64
		for _, y := range x {
			if !math.IsNaN(y) {
				v = append(v, y)
			}
		}
		z := zapsmall(v, 5)
		out := make([]float64, len(x))
		k := 0
		for i, y := range x {
			if math.IsNaN(y) {
				out[i] = y
				continue
			}
			out[i] = z[k]
			k++
		}
		return out
	}
	rounded := func(x []float64, d int) []float64 {
		out := make([]float64, len(x))
		for i, v := range x {
			out[i] = roundTo(v, d)
		}
		return out
	}
	pcol := func(p []float64) []string {
		out := make([]string, len(p))
		var vals []float64
		var idx []int
		for i, v := range p {
			if !math.IsNaN(v) {
				vals = append(vals, v)
				idx = append(idx, i)
			}
		}
		if len(vals) > 0 {
			f := rfmt.PValues(vals, 4)
			for k, i := range idx {
				out[i] = strings.TrimSpace(f[k])
			}
		}
		return out
	}
	if a.deviance {
		headers = []string{"Resid. Df", "Resid. Dev", "Df", "Deviance", "Pr(>Chi)"}
		cols = [][]string{fmtCol(a.ResDf, 5), fmtCol(zap(a.RSS), 5), fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), pcol(a.P)}
	} else if a.comparison {
		headers = []string{"Res.Df", "RSS", "Df", "Sum of Sq", "F", "Pr(>F)"}
		cols = [][]string{fmtCol(a.ResDf, 5), fmtCol(zap(a.RSS), 5), fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), fmtCol(rounded(a.F, 4), 5), pcol(a.P)}
	} else {
		headers = []string{"Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)"}
		cols = [][]string{fmtCol(a.Df, 5), fmtCol(zap(a.SumSq), 5), fmtCol(zap(a.MeanSq), 5), fmtCol(rounded(a.F, 4), 5), pcol(a.P)}
	}
	stars := false
	for _, p := range a.P {
		if !math.IsNaN(p) && p < 0.1 {
			stars = true
		}
	}
	nw := 0
	for _, r := range a.Rows {
		nw = max(nw, len([]rune(r)))
	}
	ws := make([]int, len(headers))
	for c := range headers {
		ws[c] = len(headers[c])
		for _, v := range cols[c] {
			ws[c] = max(ws[c], len(v))
		}
	}
	var b strings.Builder
	for _, h := range a.Heading {
		b.WriteString(h + "\n")
	}
	b.WriteString(strings.Repeat(" ", nw))
	for c, h := range headers {
		b.WriteString(" " + padLeft(h, ws[c]))
	}
	if stars {
		b.WriteString("    ")
	}
	b.WriteString("\n")
	for i, r := range a.Rows {
		if a.comparison {
			b.WriteString(padLeft(r, nw))
		} else {
			b.WriteString(padRight(r, nw))
		}
		for c := range headers {
			b.WriteString(" " + padLeft(cols[c][i], ws[c]))
		}
		if stars {
			s := ""
			if !math.IsNaN(a.P[i]) {
				s = rfmt.Stars(a.P[i])
			}
			b.WriteString(" " + padRight(s, 3))
		}
		b.WriteString("\n")
	}
	if stars {
		b.WriteString("---\n" + rfmt.Legend(false) + "\n")
	}
	return display.Text("anova", finish(o, b.String()))
}
