package models

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// exactPoly returns the exact orthonormal polynomial contrasts on 1..k
// (three-term recurrence in rational arithmetic, normalised with a
// 200-bit square root): the oracle for contrPoly where R's QR is full rank.
func exactPoly(k int) [][]float64 {
	t := make([]*big.Rat, k)
	for i := range t {
		t[i] = new(big.Rat).SetInt64(int64(2*(i+1) - (k + 1)))
	}
	norm2 := func(p []*big.Rat) *big.Rat {
		s := new(big.Rat)
		for _, v := range p {
			s.Add(s, new(big.Rat).Mul(v, v))
		}
		return s
	}
	prev := make([]*big.Rat, k)
	cur := make([]*big.Rat, k)
	for i := range prev {
		prev[i] = new(big.Rat).SetInt64(1)
		cur[i] = new(big.Rat).Set(t[i])
	}
	nPrev := norm2(prev)
	out := make([][]float64, k-1)
	for j := 1; j < k; j++ {
		nCur := norm2(cur)
		root := new(big.Float).SetPrec(200).SetRat(nCur)
		root.Sqrt(root)
		col := make([]float64, k)
		for i, v := range cur {
			q := new(big.Float).SetPrec(200).SetRat(v)
			col[i], _ = q.Quo(q, root).Float64()
		}
		out[j-1] = col
		if j == k-1 {
			break
		}
		r := new(big.Rat).Quo(nCur, nPrev)
		next := make([]*big.Rat, k)
		for i := range next {
			a := new(big.Rat).Mul(t[i], cur[i])
			next[i] = a.Sub(a, new(big.Rat).Mul(r, prev[i]))
		}
		prev, cur, nPrev = cur, next, nCur
	}
	return out
}

// TestContrPolyR compares contr.poly(k) with R 4.2.2's (testdata/r/
// make_refs_formula.R). gostat runs R's algorithm (QR of the Vandermonde
// matrix with LINPACK's pivoting), so it agrees to the last bits for
// small k and to 2e-7 at k = 50, where R's columns of degree 32 and more
// are not polynomials (they differ from the exact polynomial contrasts by
// up to 0.8). Up to k = 20 (full rank) the columns are the orthonormal
// polynomials to 1e-10.
func TestContrPolyR(t *testing.T) {
	r := extraCase(t, "contr_poly")["contr_poly"].(map[string]any)
	for ks, v := range r {
		var k int
		fmt.Sscan(ks, &k)
		want := nums(v) // column-major k × (k-1)
		cp := contrPoly(k)
		worst := 0.0
		for j := range cp {
			for i := range cp[j] {
				worst = math.Max(worst, math.Abs(cp[j][i]-want[j*k+i]))
			}
		}
		tol := 1e-15
		switch {
		case k > 30:
			tol = 1e-6
		case k > 17:
			tol = 1e-10
		}
		if worst > tol {
			t.Errorf("contr.poly(%d): max |gostat - R| = %.3g > %.0g", k, worst, tol)
		}
		if k <= 20 {
			ex := exactPoly(k)
			dev := 0.0
			for j := range cp {
				for i := range cp[j] {
					dev = math.Max(dev, math.Abs(cp[j][i]-ex[j][i]))
				}
			}
			if dev > 1e-10 {
				t.Errorf("contr.poly(%d) is %.3g from the exact polynomial contrasts", k, dev)
			}
		}
		// orthonormal columns, orthogonal to the constant
		for a := range cp {
			s := 0.0
			for i := range cp[a] {
				s += cp[a][i]
			}
			if math.Abs(s) > 1e-13 {
				t.Errorf("contr.poly(%d) column %d sums to %g", k, a, s)
			}
			for b := a; b < len(cp); b++ {
				d := 0.0
				for i := range cp[a] {
					d += cp[a][i] * cp[b][i]
				}
				if a == b {
					d--
				}
				if math.Abs(d) > 1e-13 {
					t.Errorf("contr.poly(%d) columns %d,%d: inner product off by %g", k, a, b, d)
				}
			}
		}
	}
	if got := polySuffix(1) + polySuffix(2) + polySuffix(3) + polySuffix(4) + polySuffix(12); got != ".L.Q.C^4^12" {
		t.Errorf("suffixes %s", got)
	}
}

// orderedCaseData returns the frame of an lm_ordered case, with the
// ordered factors R has (warpbreaks' tension made ordered as in the R
// script; esoph and ChickWeight come ordered from datasets).
func orderedCaseData(t *testing.T, c string) *frame.Frame {
	switch {
	case strings.Contains(c, "warpbreaks"), strings.Contains(c, "nointercept"):
		return loadDS(t, "warpbreaks").AsOrdered("tension")
	case strings.Contains(c, "esoph"):
		return loadDS(t, "esoph")
	case strings.Contains(c, "toothgrowth"):
		return loadDS(t, "ToothGrowth")
	case strings.Contains(c, "chickweight"):
		return loadDS(t, "ChickWeight")
	}
	return loadDS(t, "mtcars")
}

// TestOrderedFactorLMR checks linear models with ordered factors against
// R: polynomial contrasts with R's names, full indicator coding of the
// first factor without intercept, interactions of ordered and unordered
// factors and with numeric variables, ANOVA, leverages and predictions on
// new data (which reuse the training contrasts even when the new frame's
// column is a plain factor).
func TestOrderedFactorLMR(t *testing.T) {
	all := extraCase(t, "lm_ordered")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			f := orderedCaseData(t, c)
			m, err := OLS(r["formula"].(string), f)
			if err != nil {
				t.Fatal(err)
			}
			var terms []string
			for _, x := range r["terms"].([]any) {
				terms = append(terms, x.(string))
			}
			if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
				t.Fatalf("names %v, R %v", m.Names, terms)
			}
			tol := 1e-10
			if c == "lm_ordered_chickweight" {
				// contr.poly(50) agrees with R's to 2e-7 (TestContrPolyR)
				tol = 1e-5
			}
			closeAll(t, "coef", m.Coef, named(t, r["coefficients"], terms), tol)
			closeAll(t, "se", m.StdErr, named(t, r["std_errors"], terms), tol)
			closeAll(t, "stats", []float64{m.RSquared, m.AdjRSquared, m.FStatistic, m.Sigma, m.LogLik(), m.AIC()},
				[]float64{num(r["r_squared"]), num(r["adj_r_squared"]), num(r["f_statistic"]), num(r["residual_std_error"]), num(r["loglik"]), num(r["aic"])}, 1e-10)
			at := r["anova_type1"].(map[string]any)
			a := m.Anova()
			closeAll(t, "anova ss", a.SumSq, nums(at["sum_sq"]), 1e-10)
			closeAll(t, "hat", m.Hat(), nums(r["hat"]), 1e-9)
			closeAll(t, "fitted", m.Fitted, nums(r["fitted"]), 1e-11)
			if c == "lm_ordered_interaction_warpbreaks" && !strings.Contains(m.String(), "tension.L: linear trend of breaks across the ordered levels of tension") {
				t.Errorf("the reading does not explain the polynomial contrast:\n%s", m)
			}
			if c == "lm_ordered_nointercept_first" && !strings.Contains(m.reading(), "tensionL: 39.28, the intercept at this level of tension (no baseline") {
				t.Errorf("the reading of full indicator coding:\n%s", m.reading())
			}
			p, ok := r["predict"].(map[string]any)
			if !ok {
				return
			}
			var nd *frame.Frame
			if _, ok := p["cyl"]; ok {
				nd = frame.New("cyl", nums(p["cyl"]), "wt", nums(p["wt"]))
			} else {
				var wool, tension []string
				for i := range p["wool"].([]any) {
					wool = append(wool, p["wool"].([]any)[i].(string))
					tension = append(tension, p["tension"].([]any)[i].(string))
				}
				nd = frame.New("wool", wool, "tension", tension) // plain factors
			}
			pr, err := m.Predict(nd, "confidence", 0.95)
			if err != nil {
				t.Fatal(err)
			}
			closeAll(t, "predict", pr.Fit, nums(p["fit"]), 1e-11)
			if se, ok := p["se_fit"]; ok {
				closeAll(t, "predict se", pr.SE, nums(se), 1e-10)
			}
		})
	}
}

// TestFactorArgumentsR checks factor(x, levels = c(…)), ordered(x, levels
// = c(…)), factor(x, ordered = TRUE) and relevel(x, ref = "…") in
// formulas against R: coefficient names (R's deparse), estimates, and a
// prediction on new data with the relevelled factor.
func TestFactorArgumentsR(t *testing.T) {
	all := extraCase(t, "lm_factor_args")
	data := map[string]string{"lm_factor_levels": "mtcars", "lm_relevel": "iris", "lm_ordered_levels": "warpbreaks", "lm_factor_ordered_true": "mtcars"}
	for c, ds := range data {
		r := all[c].(map[string]any)
		t.Run(c, func(t *testing.T) {
			m, err := OLS(r["formula"].(string), loadDS(t, ds))
			if err != nil {
				t.Fatal(err)
			}
			terms := strs(r["terms"])
			if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
				t.Fatalf("names %v, R %v", m.Names, terms)
			}
			closeAll(t, "coef", m.Coef, named(t, r["coefficients"], terms), 1e-10)
			closeAll(t, "se", m.StdErr, named(t, r["std_errors"], terms), 1e-10)
			closeAll(t, "fitted", m.Fitted, nums(r["fitted"]), 1e-11)
			if p, ok := r["predict"].(map[string]any); ok {
				nd := frame.New("Species", strs(p["Species"]), "Petal.Width", nums(p["Petal.Width"]))
				pr, err := m.Predict(nd, "none", 0)
				if err != nil {
					t.Fatal(err)
				}
				closeAll(t, "predict", pr.Fit, nums(p["fit"]), 1e-11)
			}
		})
	}
	mt := loadDS(t, "mtcars")
	for _, c := range []struct{ formula, want string }{
		{"mpg ~ factor(cyl, levels = c(4, 6))", `has the value "8", which is not among the levels c(4, 6)`},
		{`mpg ~ relevel(factor(cyl), ref = "5")`, `"5" is not a level of factor(cyl)`},
		{`mpg ~ relevel(ordered(cyl), ref = "6")`, "only for unordered factors"},
		{`mpg ~ factor(cyl, labels = c("a", "b", "c"))`, `no argument "labels"`},
		{`mpg ~ factor(cyl, levels = c(4, 6, 8), ordered = 1)`, "ordered must be TRUE or FALSE"},
		{`mpg ~ factor(cyl, levels = "4)`, "unclosed quote"},
	} {
		_, err := OLS(c.formula, mt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.formula, err, c.want)
		}
	}
}

// TestContrastsR checks C(x, contr) against R: treatment, SAS, sum,
// helmert and poly contrasts by their short names and as contr.*
// functions (R names the columns by level for the former and by number for
// the latter), interactions, a model without intercept (full coding of
// the first factor, sum contrasts for the second), an ordered factor
// given treatment contrasts, and a prediction on new data.
func TestContrastsR(t *testing.T) {
	all := extraCase(t, "lm_contrasts")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			ds := "warpbreaks"
			switch {
			case strings.HasPrefix(c, "ordered"):
				ds = "esoph"
			case strings.HasPrefix(c, "iris"):
				ds = "iris"
			}
			m, err := OLS(r["formula"].(string), loadDS(t, ds))
			if err != nil {
				t.Fatal(err)
			}
			terms := strs(r["terms"])
			if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
				t.Fatalf("names %v, R %v", m.Names, terms)
			}
			closeAll(t, "coef", m.Coef, named(t, r["coefficients"], terms), 1e-10)
			closeAll(t, "se", m.StdErr, named(t, r["std_errors"], terms), 1e-10)
			closeAll(t, "stats", []float64{m.RSquared, m.FStatistic, m.Sigma}, []float64{num(r["r_squared"]), num(r["f_statistic"]), num(r["residual_std_error"])}, 1e-10)
			at := r["anova_type1"].(map[string]any)
			closeAll(t, "anova ss", m.Anova().SumSq, nums(at["sum_sq"]), 1e-10)
			if p, ok := r["predict"].(map[string]any); ok {
				nd := frame.New("tension", strs(p["tension"]), "wool", strs(p["wool"]))
				pr, err := m.Predict(nd, "none", 0)
				if err != nil {
					t.Fatal(err)
				}
				closeAll(t, "predict", pr.Fit, nums(p["fit"]), 1e-11)
			}
		})
	}
	_, err := OLS("breaks ~ C(tension, sums)", loadDS(t, "warpbreaks"))
	if err == nil || !strings.Contains(err.Error(), "unknown contrasts sums") {
		t.Errorf("error %v", err)
	}
}

// TestLogicalTermsR checks comparisons and logical operators in formulas
// against R: I(wt > 3), a bare wt > 3, & and == inside parentheses, text
// comparison Species == "setosa", an interaction with a logical, | and !=,
// and R's precedence of ! (am ~ !vs + wt is the single term !(vs + wt),
// whose TRUE column is empty and aliased).
func TestLogicalTermsR(t *testing.T) {
	all := extraCase(t, "lm_logical")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			ds := "mtcars"
			if c == "text_eq" {
				ds = "iris"
			}
			if c == "not_glm" {
				m, err := GLM(r["formula"].(string), loadDS(t, ds), Binomial("logit"))
				if err != nil {
					t.Fatal(err)
				}
				if got, want := strings.Join(m.Names, ","), strings.Join(strs(r["coef_names"]), ","); got != want {
					t.Fatalf("names %s, R %s", got, want)
				}
				closeAll(t, "coef", m.Coef, nums(r["coef_all"]), 1e-10)
				return
			}
			m, err := OLS(r["formula"].(string), loadDS(t, ds))
			if err != nil {
				t.Fatal(err)
			}
			terms := strs(r["terms"])
			if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
				t.Fatalf("names %v, R %v", m.Names, terms)
			}
			closeAll(t, "coef", m.Coef, named(t, r["coefficients"], terms), 1e-10)
			closeAll(t, "se", m.StdErr, named(t, r["std_errors"], terms), 1e-10)
			at := r["anova_type1"].(map[string]any)
			closeAll(t, "anova ss", m.Anova().SumSq, nums(at["sum_sq"]), 1e-10)
			if p, ok := r["predict"].(map[string]any); ok {
				pr, err := m.Predict(frame.New("hp", nums(p["hp"]), "cyl", nums(p["cyl"])), "none", 0)
				if err != nil {
					t.Fatal(err)
				}
				closeAll(t, "predict", pr.Fit, nums(p["fit"]), 1e-11)
			}
		})
	}
}

// TestFormulaFunctionsR checks scale(), log(x, base) and one-argument
// functions (floor, sign, atan, tanh) against R, with R's deparsed names
// (disp/100 without spaces).
func TestFormulaFunctionsR(t *testing.T) {
	all := extraCase(t, "lm_functions")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			m, err := OLS(r["formula"].(string), loadDS(t, "mtcars"))
			if err != nil {
				t.Fatal(err)
			}
			terms := strs(r["terms"])
			if strings.Join(terms, ",") != strings.Join(m.Names, ",") {
				t.Fatalf("names %v, R %v", m.Names, terms)
			}
			closeAll(t, "coef", m.Coef, named(t, r["coefficients"], terms), 1e-10)
			closeAll(t, "se", m.StdErr, named(t, r["std_errors"], terms), 1e-10)
		})
	}
}

// TestOrderedInteractionOnlyR: ncases ~ agegp:tobgp with two ordered
// factors and no main effects codes both with full indicators (R's rule:
// a factor gets contrasts only when the term without it is in the model),
// giving a rank-deficient design whose last column R aliases.
func TestOrderedInteractionOnlyR(t *testing.T) {
	r := extraCase(t, "lm_ordered_interaction_only")
	m, err := OLS(r["formula"].(string), loadDS(t, "esoph"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(m.Names, ","), strings.Join(strs(r["coef_names"]), ","); got != want {
		t.Fatalf("names %s, R %s", got, want)
	}
	closeAll(t, "coef", m.Coef, nums(r["coef_all"]), 1e-9)
	if m.Rank != int(num(r["rank"])) {
		t.Errorf("rank %d, R %v", m.Rank, r["rank"])
	}
	var se []float64
	for j, a := range m.Aliased {
		if !a {
			se = append(se, m.StdErr[j])
		}
	}
	closeAll(t, "se", se, nums(r["std_errors"]), 1e-9)
	closeAll(t, "fitted", m.Fitted, nums(r["fitted"]), 1e-10)
	checkClose(t, "r squared", m.RSquared, num(r["r_squared"]), 1e-10)
}

// TestSplinesR checks bs() and ns() terms against R's splines package:
// knots from df (type-7 quantiles) or given, degree, intercept, boundary
// knots, R's column names, and predictions on new data beyond the
// boundary knots (R's extrapolation).
func TestSplinesR(t *testing.T) {
	all := extraCase(t, "lm_splines")
	for c, v := range all {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		t.Run(c, func(t *testing.T) {
			ds := "mtcars"
			if c == "ns_intercept" {
				ds = "iris"
			}
			m, err := OLS(r["formula"].(string), loadDS(t, ds))
			if err != nil {
				t.Fatal(err)
			}
			// all coefficients, aliased ones NaN (R's NA)
			if got, want := strings.Join(m.Names, ","), strings.Join(strs(r["coef_names"]), ","); got != want {
				t.Fatalf("names %s, R %s", got, want)
			}
			closeAll(t, "coef", m.Coef, nums(r["coef_all"]), 1e-9)
			terms := strs(r["terms"])
			var se []float64
			for j, a := range m.Aliased {
				if !a {
					se = append(se, m.StdErr[j])
				}
			}
			closeAll(t, "se", se, named(t, r["std_errors"], terms), 1e-9)
			closeAll(t, "fitted", m.Fitted, nums(r["fitted"]), 1e-11)
			checkClose(t, "r squared", m.RSquared, num(r["r_squared"]), 1e-11)
			if p, ok := r["predict"].(map[string]any); ok {
				pr, err := m.Predict(frame.New("hp", nums(p["hp"]), "wt", nums(p["wt"])), "none", 0)
				if err != nil {
					t.Fatal(err)
				}
				closeAll(t, "predict", pr.Fit, nums(p["fit"]), 1e-10)
			}
		})
	}
}

// TestContrPolyLimit: R's contr.poly refuses more than 95 levels.
func TestContrPolyLimit(t *testing.T) {
	n := 200
	g := make([]string, n)
	y := make([]float64, n)
	for i := range g {
		g[i] = fmt.Sprintf("g%03d", i%96)
		y[i] = float64(i % 7)
	}
	f := frame.New("y", y, "g", g).AsOrdered("g")
	if _, err := OLS("y ~ g", f); err == nil || !strings.Contains(err.Error(), "cannot be represented accurately enough for 95 degrees of freedom") {
		t.Errorf("96 ordered levels: %v", err)
	}
	for i := range g {
		g[i] = fmt.Sprintf("g%03d", i%95)
	}
	if _, err := OLS("y ~ g", frame.New("y", y, "g", g).AsOrdered("g")); err != nil {
		t.Errorf("95 ordered levels: %v", err)
	}
}

// TestLogicalResponseR: a logical response is numeric 0/1, as in R:
// coef(lm(I(mpg > 20) ~ wt, mtcars)) and coef(glm(mpg > 20 ~ wt, binomial,
// mtcars)) in R 4.2.2, and a bool column works for lm too.
func TestLogicalResponseR(t *testing.T) {
	mt := loadDS(t, "mtcars")
	m, err := OLS("I(mpg > 20) ~ wt", mt)
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "lm", m.Coef, []float64{1.65036119026988670, -0.37698692680702051}, 1e-12)
	g, err := GLM("mpg > 20 ~ wt", mt, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "glm", g.Coef, []float64{19.9495827028668167, -6.3905403870520203}, 1e-9)
	hi := make([]bool, mt.NRows())
	for i, v := range mt.Col("mpg") {
		hi[i] = v > 20
	}
	b, err := OLS("hi ~ wt", mt.With("hi", hi))
	if err != nil {
		t.Fatal(err)
	}
	closeAll(t, "lm bool", b.Coef, m.Coef, 1e-14)
}
