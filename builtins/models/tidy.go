package models

import "github.com/gostat/gostat/builtins/frame"

// coefFrame builds broom's tidy() table.
func coefFrame(names []string, est, se, stat, p []float64) *frame.Frame {
	return frame.New("term", append([]string(nil), names...), "estimate", append([]float64(nil), est...),
		"std_error", append([]float64(nil), se...), "statistic", append([]float64(nil), stat...),
		"p_value", append([]float64(nil), p...))
}

// Tidy returns the coefficient table as a frame with columns term,
// estimate, std_error, statistic (t) and p_value, one row per coefficient
// (R's broom::tidy); aliased coefficients are NA.
func (m *LM) Tidy() *frame.Frame { return coefFrame(m.Names, m.Coef, m.StdErr, m.TValue, m.PValue) }

// Tidy returns the coefficient table as a frame with columns term,
// estimate, std_error, statistic (z, or t with estimated dispersion) and
// p_value (R's broom::tidy).
func (m *GLMFit) Tidy() *frame.Frame {
	return coefFrame(m.Names, m.Coef, m.StdErr, m.ZValue, m.PValue)
}

// Tidy returns the parameter table as a frame with columns term,
// estimate, std_error, statistic (t) and p_value.
func (m *NLSFit) Tidy() *frame.Frame {
	return coefFrame(m.Names, m.Coef, m.StdErr, m.TValue, m.PValue)
}
