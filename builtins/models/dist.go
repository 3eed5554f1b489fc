package models

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// Tail probabilities used by the model summaries. Upper tails are computed
// directly from the regularized incomplete beta and gamma functions (never
// as 1 - CDF), so p-values keep their relative accuracy far into the tails
// (p = 1e-300 is reported as such, as R does).

// pT2 returns the two-sided p-value P(|T| >= |t|) for Student's t with df
// degrees of freedom: I_{df/(df+t²)}(df/2, 1/2).
func pT2(t, df float64) float64 {
	if math.IsNaN(t) || df <= 0 {
		return math.NaN()
	}
	if math.IsInf(t, 0) {
		return 0
	}
	if math.IsInf(df, 1) {
		return pNorm2(t)
	}
	x := df / (df + t*t)
	if x >= 1 {
		return 1
	}
	return mathext.RegIncBeta(df/2, 0.5, x)
}

// pNorm2 returns the two-sided normal p-value P(|Z| >= |z|) = erfc(|z|/√2).
func pNorm2(z float64) float64 {
	if math.IsNaN(z) {
		return math.NaN()
	}
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// pFUpper returns P(F >= f) for F(d1, d2): I_{d2/(d2+d1 f)}(d2/2, d1/2).
func pFUpper(f, d1, d2 float64) float64 {
	if math.IsNaN(f) || d1 <= 0 || d2 <= 0 {
		return math.NaN()
	}
	if f <= 0 {
		return 1
	}
	if math.IsInf(f, 1) {
		return 0
	}
	return mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*f))
}

// pChisqUpper returns P(X >= x) for a chi-square with df degrees of freedom.
func pChisqUpper(x, df float64) float64 {
	if math.IsNaN(x) || df <= 0 {
		return math.NaN()
	}
	if x <= 0 {
		return 1
	}
	return mathext.GammaIncRegComp(df/2, x/2)
}

// qT returns the p-quantile of Student's t with df degrees of freedom.
func qT(p, df float64) float64 {
	if math.IsInf(df, 1) {
		return qNorm(p)
	}
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p)
}

// qNorm returns the p-quantile of the standard normal.
func qNorm(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// pNorm returns the standard normal CDF.
func pNorm(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// dNorm returns the standard normal density.
func dNorm(z float64) float64 { return math.Exp(-0.5*z*z) / math.Sqrt(2*math.Pi) }
