package models

import (
	"math"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// namedR is named for R vectors that may be a scalar (length one).
func namedR(t *testing.T, v any, names []string) []float64 {
	if x, ok := v.(float64); ok && len(names) == 1 {
		return []float64{x}
	}
	return named(t, v, names)
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// checkGLMR compares a GLM with an R reference made by glmfull in
// testdata/r/make_refs_formula.R: R's default fit (same iterations, so the
// same iterate: 1e-10) and a refit with epsilon = 1e-14 (1e-12).
func checkGLMR(t *testing.T, r map[string]any, f *frame.Frame, fam Family, opt GLMOptions) *GLMFit {
	t.Helper()
	formula := r["formula"].(string)
	m, err := GLMWithOptions(formula, f, fam, &opt)
	if err != nil {
		t.Fatal(err)
	}
	terms := strs(r["terms"])
	if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
		t.Fatalf("names %v, R %v", m.Names, terms)
	}
	closeAll(t, "coef", m.Coef, namedR(t, r["coefficients"], terms), 1e-10)
	closeAll(t, "se", m.StdErr, namedR(t, r["std_errors"], terms), 1e-10)
	closeAll(t, "z", m.ZValue, namedR(t, r["z_values"], terms), 1e-10)
	closeAll(t, "p", m.PValue, namedR(t, r["p_values"], terms), 1e-9)
	closeAll(t, "stats", []float64{m.Deviance, m.NullDeviance, m.AIC(), m.BIC(), m.LogLik(), m.Dispersion},
		[]float64{num(r["residual_deviance"]), num(r["null_deviance"]), num(r["aic"]), num(r["bic"]), num(r["loglik"]), num(r["dispersion"])}, 1e-10)
	if m.DFResidual != int(num(r["df_residual"])) || m.DFNull != int(num(r["df_null"])) || m.NObs != int(num(r["nobs"])) {
		t.Errorf("df %d/%d, nobs %d; R %v/%v, %v", m.DFResidual, m.DFNull, m.NObs, r["df_residual"], r["df_null"], r["nobs"])
	}
	if m.Iterations != int(num(r["fisher_iterations"])) {
		t.Errorf("%d iterations, R %v", m.Iterations, r["fisher_iterations"])
	}
	closeAll(t, "fitted", m.Fitted, nums(r["fitted"]), 1e-10)
	closeAll(t, "linear predictor", m.LinearPredictor, nums(r["linear_predictor"]), 1e-10)
	closeAll(t, "y", m.Y, nums(r["y"]), 1e-15)
	closeAll(t, "deviance residuals", m.DevianceResiduals(), nums(r["deviance_residuals"]), 1e-9)
	closeAll(t, "pearson residuals", m.PearsonResiduals(), nums(r["pearson_residuals"]), 1e-9)
	// R leaves rows with prior weight 0 out of its influence measures;
	// gostat has NaN there
	present := func(x []float64) []float64 {
		var out []float64
		for i, v := range x {
			if weightAt(m.prior, i) != 0 {
				out = append(out, v)
			} else if !math.IsNaN(v) {
				t.Errorf("row %d has prior weight 0 but influence value %g, want NaN", i+1, v)
			}
		}
		return out
	}
	closeAll(t, "hat", present(m.Hat()), nums(r["hat"]), 1e-9)
	closeAll(t, "cooks", present(m.CooksDistance()), nums(r["cooks"]), 1e-8)
	closeAll(t, "rstandard", present(m.StandardizedResiduals()), nums(r["rstandard"]), 1e-8)
	pw := make([]float64, len(m.Y))
	for i := range pw {
		pw[i] = weightAt(m.prior, i)
	}
	closeAll(t, "prior weights", pw, nums(r["prior_weights"]), 1e-15)
	tt := r["tight"].(map[string]any)
	opt.Epsilon, opt.MaxIter = 1e-14, 100
	mt, err := GLMWithOptions(formula, f, fam, &opt)
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "tight coef", mt.Coef, nums(tt["coefficients"]), 1e-12)
	closeAll(t, "tight se", mt.StdErr, nums(tt["std_errors"]), 1e-11)
	closeAll(t, "tight dev, aic", []float64{mt.Deviance, mt.AIC()}, []float64{num(tt["deviance"]), num(tt["aic"])}, 1e-12)
	return m
}

// TestGLMCbindR checks cbind(successes, failures) binomial responses
// against R 4.2.2, led by R's ?esoph example
// glm(cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp, binomial(), esoph)
// (ordered factors, polynomial contrasts and their interaction), a fit
// with a zero-trial row and case weights (prior weights = weights × trials,
// R's AIC with m = trials), and a probit fit on plain factors.
func TestGLMCbindR(t *testing.T) {
	all := extraCase(t, "glm_cbind")
	t.Run("esoph_interaction", func(t *testing.T) {
		r := all["esoph_interaction"].(map[string]any)
		f := loadDS(t, "esoph")
		m := checkGLMR(t, r, f, Binomial("logit"), GLMOptions{})
		s := m.String()
		for _, want := range []string{"glm(formula = cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp, family = binomial)",
			"tobgp.L:alcgp.L", "Null deviance: 367.953  on 87  degrees of freedom", "Residual deviance:  76.886  on 67  degrees of freedom", "AIC: 233.94"} {
			if !strings.Contains(s, want) {
				t.Errorf("summary lacks %q:\n%s", want, s)
			}
		}
		// predictions on rows of the data (R: predict(m, esoph[rows, ]))
		p := r["predict"].(map[string]any)
		var rows []int
		for _, x := range nums(p["rows"]) {
			rows = append(rows, int(x)-1)
		}
		nd := f.Take(rows)
		pl, err := m.Predict(nd, "link", 0)
		if err != nil {
			t.Fatal(err)
		}
		closeAll(t, "predict link", pl.Fit, nums(p["link"]), 1e-10)
		pr, err := m.Predict(nd, "response", 0)
		if err != nil {
			t.Fatal(err)
		}
		closeAll(t, "predict response", pr.Fit, nums(p["response"]), 1e-10)
		closeAll(t, "predict response se", pr.SE, nums(p["response_se"]), 1e-9)
		checkAnovaGLMR(t, m, r["anova_chisq"].(map[string]any))
	})
	t.Run("esoph_zero_trials_weights", func(t *testing.T) {
		r := all["esoph_zero_trials_weights"].(map[string]any)
		f := loadDS(t, "esoph")
		ctl := f.Col("ncontrols")
		ctl[0] = 0
		f = f.With("ncontrols", ctl)
		m := checkGLMR(t, r, f, Binomial("logit"), GLMOptions{Weights: nums(r["weights"])})
		if m.NObs != 87 {
			t.Errorf("nobs %d: the zero-trial row has prior weight 0 and does not count (R: 87)", m.NObs)
		}
	})
	t.Run("esoph_probit_plain", func(t *testing.T) {
		r := all["esoph_probit_plain"].(map[string]any)
		f := loadDS(t, "esoph").AsString("agegp", "alcgp", "tobgp")
		checkGLMR(t, r, f, Binomial("probit"), GLMOptions{})
	})
}

func TestCbindErrors(t *testing.T) {
	f := loadDS(t, "esoph")
	for _, c := range []struct {
		run  func() error
		want string
	}{
		{func() error { _, err := OLS("cbind(ncases, ncontrols) ~ agegp", f); return err }, "needs a binomial GLM"},
		{func() error { _, err := GLM("cbind(ncases, ncontrols) ~ agegp", f, Poisson("log")); return err }, "binomial family"},
		{func() error { _, err := GLM("cbind(ncases) ~ agegp", f, Binomial("logit")); return err }, "two counts"},
		{func() error { _, err := GLM("cbind(ncases, agegp) ~ alcgp", f, Binomial("logit")); return err }, "categorical"},
		{func() error {
			neg := f.Col("ncases")
			neg[3] = -1
			_, err := GLM("cbind(ncases, ncontrols) ~ agegp", f.With("ncases", neg), Binomial("logit"))
			return err
		}, ">= 0"},
	} {
		err := c.run()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want one containing %q", err, c.want)
		}
	}
	// non-integer counts: R warns
	half := f.Col("ncases")
	half[0] = 0.5
	m, err := GLM("cbind(ncases, ncontrols) ~ agegp", f.With("ncases", half), Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(m.Warnings, "\n"), "non-integer counts in a binomial glm!") {
		t.Errorf("warnings %v", m.Warnings)
	}
}

// TestGLMOffsetTermsR checks offset() terms in GLM formulas against R:
// a Poisson rate model whose offset is an expression of two columns
// (with predictions on new data, which evaluate the offset there), a
// formula offset summed with the Offset argument, a model without
// intercept (null deviance from linkinv(offset)), and a Gamma log model.
func TestGLMOffsetTermsR(t *testing.T) {
	all := extraCase(t, "glm_offset")
	t.Run("poisson_rate_esoph", func(t *testing.T) {
		r := all["poisson_rate_esoph"].(map[string]any)
		m := checkGLMR(t, r, loadDS(t, "esoph"), Poisson("log"), GLMOptions{})
		checkAnovaGLMR(t, m, r["anova_chisq"].(map[string]any))
		p := r["predict"].(map[string]any)
		nd := frame.New("agegp", strs(p["agegp"]), "alcgp", strs(p["alcgp"]), "ncases", nums(p["ncases"]), "ncontrols", nums(p["ncontrols"]))
		pl, err := m.Predict(nd, "link", 0)
		if err != nil {
			t.Fatal(err)
		}
		closeAll(t, "predict link", pl.Fit, nums(p["link"]), 1e-10)
		closeAll(t, "predict link se", pl.SE, nums(p["link_se"]), 1e-10)
		pr, err := m.Predict(nd, "response", 0)
		if err != nil {
			t.Fatal(err)
		}
		closeAll(t, "predict response", pr.Fit, nums(p["response"]), 1e-10)
	})
	t.Run("poisson_both_offsets", func(t *testing.T) {
		r := all["poisson_both_offsets"].(map[string]any)
		f := loadDS(t, "mtcars")
		checkGLMR(t, r, f, Poisson("log"), GLMOptions{Offset: nums(r["offset_arg"])})
	})
	t.Run("poisson_noint", func(t *testing.T) {
		r := all["poisson_noint"].(map[string]any)
		checkGLMR(t, r, loadDS(t, "mtcars"), Poisson("log"), GLMOptions{})
	})
	t.Run("gamma_log", func(t *testing.T) {
		r := all["gamma_log"].(map[string]any)
		checkGLMR(t, r, loadDS(t, "mtcars"), Gamma("log"), GLMOptions{})
	})
}

// TestLMOffsetR checks offset() terms in linear models against R's lm:
// coefficients, R² and F (of y - offset, as summary.lm), fitted values
// that include the offset, ANOVA, weights, two offsets without intercept,
// and predictions with intervals on new data.
func TestLMOffsetR(t *testing.T) {
	all := extraCase(t, "lm_offset")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			f := loadDS(t, "mtcars")
			var m *LM
			var err error
			if c == "wls_offset" {
				m, err = WLS(r["formula"].(string), f, f.Col("cyl"))
			} else {
				m, err = OLS(r["formula"].(string), f)
			}
			if err != nil {
				t.Fatal(err)
			}
			terms := strs(r["terms"])
			if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
				t.Fatalf("names %v, R %v", m.Names, terms)
			}
			closeAll(t, "coef", m.Coef, namedR(t, r["coefficients"], terms), 1e-11)
			closeAll(t, "se", m.StdErr, namedR(t, r["std_errors"], terms), 1e-11)
			closeAll(t, "stats", []float64{m.RSquared, m.AdjRSquared, m.FStatistic, m.FPValue, m.Sigma, m.LogLik(), m.AIC(), m.BIC()},
				[]float64{num(r["r_squared"]), num(r["adj_r_squared"]), num(r["f_statistic"]), num(r["f_p_value"]), num(r["residual_std_error"]), num(r["loglik"]), num(r["aic"]), num(r["bic"])}, 1e-10)
			closeAll(t, "fitted", m.Fitted, nums(r["fitted"]), 1e-12)
			closeAll(t, "residuals", m.Residuals, nums(r["residuals"]), 1e-10)
			closeAll(t, "hat", m.Hat(), nums(r["hat"]), 1e-10)
			at := r["anova_type1"].(map[string]any)
			closeAll(t, "anova ss", m.Anova().SumSq, nums(at["sum_sq"]), 1e-10)
			p, ok := r["predict"].(map[string]any)
			if !ok {
				return
			}
			nd := frame.New("hp", nums(p["hp"]), "wt", nums(p["wt"]))
			pp, err := m.Predict(nd, "prediction", 0.95)
			if err != nil {
				t.Fatal(err)
			}
			closeAll(t, "predict", pp.Fit, nums(p["fit"]), 1e-12)
			closeAll(t, "predict se", pp.SE, nums(p["se_fit"]), 1e-10)
			closeAll(t, "predict lwr", pp.Lower, nums(p["pred_lwr"]), 1e-11)
			closeAll(t, "predict upr", pp.Upper, nums(p["pred_upr"]), 1e-11)
		})
	}
}

func TestOffsetErrors(t *testing.T) {
	f := loadDS(t, "mtcars")
	for _, c := range []struct{ formula, want string }{
		{"mpg ~ wt + offset(log(wt - 3))", "offset must be finite"},
		{"mpg ~ wt:offset(hp)", "cannot be part of an interaction"},
		{"mpg ~ wt + offset(hp, 2)", "offset() takes one expression"},
		{"mpg ~ wt + offset(hpp)", `did you mean "hp"`},
	} {
		_, err := OLS(c.formula, f)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.formula, err, c.want)
		}
	}
	if _, err := buildDesign("mpg ~ wt + offset(hp)", f, true); err == nil || !strings.Contains(err.Error(), "not supported by this model") {
		t.Errorf("a model without offsets accepted one: %v", err)
	}
	// the offset is not a coefficient and its variables' NAs drop rows
	aq := loadDS(t, "airquality")
	m, err := OLS("Temp ~ Wind + offset(0.01 * Ozone)", aq)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Names) != 2 || m.NDropped != 37 || math.IsNaN(m.Coef[1]) {
		t.Errorf("names %v, dropped %d", m.Names, m.NDropped)
	}
}

// checkAnovaGLMR compares the sequential analysis of deviance with R's
// anova(m, test = "Chisq").
func checkAnovaGLMR(t *testing.T, m *GLMFit, r map[string]any) {
	t.Helper()
	a, err := m.Anova("Chisq")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(a.Rows, ","), strings.Join(strs(r["terms"]), ","); got != want {
		t.Fatalf("anova rows %s, R %s", got, want)
	}
	closeAll(t, "anova df", a.Df, nums(r["df"]), 0)
	closeAll(t, "anova deviance", a.SumSq, nums(r["deviance"]), 1e-9)
	closeAll(t, "anova resid df", a.ResDf, nums(r["resid_df"]), 0)
	closeAll(t, "anova resid dev", a.RSS, nums(r["resid_dev"]), 1e-10)
	closeAll(t, "anova p", a.P, nums(r["p"]), 1e-8)
}

// TestGLMAnovaFR checks anova(glm, test = "F") and "Chisq" on a Gamma
// model (dispersion estimated: F on (df, DFResidual), χ² of ΔD/φ).
func TestGLMAnovaFR(t *testing.T) {
	r := extraCase(t, "glm_anova_f")
	m, err := GLM(r["formula"].(string), loadDS(t, "mtcars"), Gamma("log"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := m.Anova("F")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(a.Rows, ","), strings.Join(strs(r["terms"]), ","); got != want {
		t.Fatalf("rows %s, R %s", got, want)
	}
	closeAll(t, "df", a.Df, nums(r["df"]), 0)
	closeAll(t, "deviance", a.SumSq, nums(r["deviance"]), 1e-9)
	closeAll(t, "resid dev", a.RSS, nums(r["resid_dev"]), 1e-10)
	closeAll(t, "F", a.F, nums(r["f"]), 1e-9)
	closeAll(t, "p F", a.P, nums(r["p_f"]), 1e-8)
	if a.Warning != "" {
		t.Errorf("warning %q for a Gamma fit", a.Warning)
	}
	c, err := m.Anova("LRT")
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "p Chisq", c.P, nums(r["p_chisq"]), 1e-8)
	if _, err := m.Anova("Wald"); err == nil || !strings.Contains(err.Error(), "Chisq") {
		t.Errorf("bad test accepted: %v", err)
	}
}

// TestGLMEsophUnclassR is R's ?esoph model2: tobacco and alcohol as linear
// scores unclass(tobgp), unclass(alcgp) (level codes 1..4).
func TestGLMEsophUnclassR(t *testing.T) {
	r := extraCase(t, "glm_esoph_unclass")
	m := checkGLMR(t, r, loadDS(t, "esoph"), Binomial("logit"), GLMOptions{})
	checkAnovaGLMR(t, m, r["anova_chisq"].(map[string]any))
	f := loadDS(t, "mtcars")
	a := MustOLS("mpg ~ as.numeric(factor(cyl)) + as.integer(wt)", f)
	if a.Names[1] != "as.numeric(factor(cyl))" || a.Names[2] != "as.integer(wt)" {
		t.Errorf("names %v", a.Names)
	}
	// R 4.2.2: coef(lm(mpg ~ as.numeric(factor(cyl)) + as.integer(wt), mtcars))
	closeAll(t, "as.numeric coef", a.Coef, []float64{34.4860649603352698, -3.6700194581649463, -2.4685376440652571}, 1e-12)
}

// TestGLMReadingCodings: the plain-language reading names a baseline only
// for treatment (and SAS) coding.
func TestGLMReadingCodings(t *testing.T) {
	ins := loadDS(t, "InsectSprays")
	for formula, want := range map[string]string{
		"count ~ 0 + spray":      "sprayA: coefficient 2.674 on the log count scale (full indicator coding of spray, no baseline level)",
		"count ~ C(spray, sum)":  "C(spray, sum)1: coefficient 0.708 on the log count scale (sum-contrast coding of spray, no baseline level)",
		"count ~ C(spray, SAS)":  "C(spray, SAS)A (vs the baseline F)",
		"count ~ spray":          "sprayB (vs the baseline A)",
		"count ~ ordered(spray)": "ordered(spray).L: linear trend of the log expected count across the ordered levels of ordered(spray)",
	} {
		m, err := GLM(formula, ins, Poisson("log"))
		if err != nil {
			t.Fatal(err)
		}
		if r := m.reading(); !strings.Contains(r, want) {
			t.Errorf("%s: reading lacks %q:\n%s", formula, want, r)
		}
	}
}

// TestPenalizedRefusesOffsetAndCbind: the penalized fits do not support
// offsets or cbind responses and say so instead of ignoring them.
func TestPenalizedRefusesOffsetAndCbind(t *testing.T) {
	mt, es := loadDS(t, "mtcars"), loadDS(t, "esoph")
	if _, err := Lasso("mpg ~ wt + hp + offset(log(disp))", mt, 0.1); err == nil || !strings.Contains(err.Error(), "offset() terms are not supported") {
		t.Errorf("lasso with offset: %v", err)
	}
	if _, err := LogisticLasso("cbind(ncases, ncontrols) ~ agegp", es, 0.1, 1); err == nil || !strings.Contains(err.Error(), "needs a binomial GLM") {
		t.Errorf("logistic lasso with cbind: %v", err)
	}
}

// TestCompareGLMFR checks anova(m1, m2, m3, test = "F") on Gamma models
// against R 4.2.2 (F and p printed there with 17 digits) and its layout.
func TestCompareGLMFR(t *testing.T) {
	mt := loadDS(t, "mtcars")
	var ms []*GLMFit
	for _, f := range []string{"mpg ~ wt", "mpg ~ wt + hp", "mpg ~ wt * hp"} {
		m, err := GLM(f, mt, Gamma("log"))
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	a, err := CompareGLMTest("F", ms...)
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "F", a.F[1:], []float64{16.5969607738578837, 3.2170413121294148}, 1e-9)
	closeAll(t, "p", a.P[1:], []float64{0.00034453314816626572, 0.08368315575941948081}, 1e-8)
	want := `  Resid. Df Resid. Dev Df Deviance      F    Pr(>F)
1        30    0.56667
2        29    0.36816  1 0.198512 16.597 0.0003445 ***
3        28    0.32968  1 0.038478  3.217 0.0836832 .`
	if s := a.String(); !strings.Contains(s, want) {
		t.Errorf("layout:\n%s\nR:\n%s", s, want)
	}
	n, _ := CompareGLMTest("", ms...)
	if s := n.String(); strings.Contains(s, "Pr(") {
		t.Errorf("no test asked, but:\n%s", s)
	}
}

// TestDrop1R checks Drop1 against R's drop1 for linear models (F and
// Chisq tests, weights with an offset) and GLMs (binomial cbind with an
// interaction — only terms outside higher-order ones are dropped —,
// Gamma with F and scaled-deviance tests, gaussian, Poisson with an
// offset).
func TestDrop1R(t *testing.T) {
	all := extraCase(t, "drop1")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			test := c[strings.LastIndexByte(c, '_')+1:]
			formula := r["formula"].(string)
			var a *AnovaTable
			var err error
			switch {
			case strings.HasPrefix(c, "lm"):
				a, err = MustOLS(formula, loadDS(t, "mtcars")).Drop1(test)
			case strings.HasPrefix(c, "wls"):
				mt := loadDS(t, "mtcars")
				var m *LM
				if m, err = WLS(formula, mt, mt.Col("cyl")); err == nil {
					a, err = m.Drop1(test)
				}
			default:
				ds, fam := "mtcars", Gamma("log")
				switch {
				case strings.Contains(c, "esoph"):
					ds, fam = "esoph", Binomial("logit")
				case strings.Contains(c, "poisson"):
					ds, fam = "esoph", Poisson("log")
				case strings.Contains(c, "gaussian"):
					fam = Gaussian("identity")
				}
				var m *GLMFit
				if m, err = GLM(formula, loadDS(t, ds), fam); err == nil {
					a, err = m.Drop1(test)
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Join(a.Rows, ","), strings.Join(strs(r["rows"]), ","); got != want {
				t.Fatalf("rows %s, R %s", got, want)
			}
			closeAll(t, "df", a.Df, nums(r["df"]), 0)
			closeAll(t, "aic", a.AIC, nums(r["aic"]), 1e-10)
			if x, ok := r["rss"]; ok {
				closeAll(t, "rss", a.RSS, nums(x), 1e-10)
				closeAll(t, "sum sq", a.SumSq, nums(r["sum_sq"]), 1e-9)
			} else {
				closeAll(t, "deviance", a.RSS, nums(r["deviance"]), 1e-10)
			}
			if x, ok := r["f"]; ok {
				closeAll(t, "F", a.F, nums(x), 1e-9)
			}
			if x, ok := r["lrt"]; ok {
				closeAll(t, "LRT", a.SumSq, nums(x), 1e-9)
			}
			closeAll(t, "p", a.P, nums(r["p"]), 1e-8)
		})
	}
}
