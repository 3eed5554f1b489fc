package models

import (
	"strings"
	"testing"
)

func TestLMAgainstR(t *testing.T) {
	for _, c := range []string{"lm_mtcars_wt_hp", "lm_mtcars_wt_factor_cyl"} {
		r := rCase(t, c)
		m, err := OLS(r["formula"].(string), mtcars(t))
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		terms := r["terms"].([]any)
		if len(terms) != len(m.Names) {
			t.Fatalf("%s: names %v, R has %v", c, m.Names, terms)
		}
		for j, tn := range terms {
			name := tn.(string)
			if m.Names[j] != name {
				t.Errorf("%s: coefficient %d is %q, R has %q", c, j, m.Names[j], name)
			}
			checkClose(t, c+" coef "+name, m.Coef[j], num(r["coefficients"].(map[string]any)[name]), 1e-12)
			checkClose(t, c+" se "+name, m.StdErr[j], num(r["std_errors"].(map[string]any)[name]), 1e-12)
			checkClose(t, c+" t "+name, m.TValue[j], num(r["t_values"].(map[string]any)[name]), 1e-12)
			checkClose(t, c+" p "+name, m.PValue[j], num(r["p_values"].(map[string]any)[name]), 1e-10)
		}
		ci := m.ConfInt(0.95)
		for j, tn := range terms {
			name := tn.(string)
			checkClose(t, c+" ci lo "+name, ci.Lower[j], num(r["conf_int_lower"].(map[string]any)[name]), 1e-10)
			checkClose(t, c+" ci hi "+name, ci.Upper[j], num(r["conf_int_upper"].(map[string]any)[name]), 1e-10)
		}
		checkClose(t, c+" r2", m.RSquared, num(r["r_squared"]), 1e-12)
		checkClose(t, c+" adj r2", m.AdjRSquared, num(r["adj_r_squared"]), 1e-12)
		checkClose(t, c+" F", m.FStatistic, num(r["f_statistic"]), 1e-11)
		checkClose(t, c+" F p", m.FPValue, num(r["f_p_value"]), 1e-10)
		checkClose(t, c+" sigma", m.Sigma, num(r["residual_std_error"]), 1e-12)
		checkClose(t, c+" rss", m.RSS, num(r["rss"]), 1e-12)
		checkClose(t, c+" loglik", m.LogLik(), num(r["loglik"]), 1e-12)
		checkClose(t, c+" aic", m.AIC(), num(r["aic"]), 1e-12)
		checkClose(t, c+" bic", m.BIC(), num(r["bic"]), 1e-12)
		fit := nums(r["fitted"])
		res := nums(r["residuals"])
		for i := range fit {
			checkClose(t, c+" fitted", m.Fitted[i], fit[i], 1e-12)
			if relErr(m.Residuals[i], res[i]) > 1e-10 && abs(m.Residuals[i]-res[i]) > 1e-12 {
				t.Errorf("%s residual %d = %g, want %g", c, i, m.Residuals[i], res[i])
			}
		}
		if at, ok := r["anova_type1"].(map[string]any); ok {
			a := m.Anova()
			ss := nums(at["sum_sq"])
			fv := nums(at["f_value"])
			pv := nums(at["p_value"])
			for i := range ss {
				checkClose(t, c+" anova ss", a.SumSq[i], ss[i], 1e-11)
				checkClose(t, c+" anova F", a.F[i], fv[i], 1e-11)
				checkClose(t, c+" anova p", a.P[i], pv[i], 1e-10)
			}
		}
		s := m.String()
		for _, want := range []string{"Call:", "Residual standard error:", "Signif. codes:", "Reading:"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s summary lacks %q:\n%s", c, want, s)
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
