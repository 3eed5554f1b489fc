package models

import (
	"math"

	"github.com/gostat/gostat/builtins/stats"
)

// Tail probabilities and quantiles used by the model summaries come from
// package stats, whose upper tails are computed directly (never as
// 1 - CDF), so p-values keep their relative accuracy far into the tails
// (p = 1e-300 is reported as such, as R does).

// pT2 returns the two-sided p-value P(|T| >= |t|) for Student's t with df
// degrees of freedom.
func pT2(t, df float64) float64 {
	if math.IsNaN(t) || !(df > 0) {
		return math.NaN()
	}
	if math.IsInf(t, 0) {
		return 0
	}
	return math.Min(1, 2*stats.StudentsT{Nu: df}.Survival(math.Abs(t)))
}

// pNorm2 returns the two-sided normal p-value P(|Z| >= |z|).
func pNorm2(z float64) float64 {
	if math.IsNaN(z) {
		return math.NaN()
	}
	return math.Min(1, 2*stats.Normal{Mu: 0, Sigma: 1}.Survival(math.Abs(z)))
}

// pFUpper returns P(F >= f) for F(d1, d2).
func pFUpper(f, d1, d2 float64) float64 {
	if math.IsNaN(f) || !(d1 > 0) || !(d2 > 0) {
		return math.NaN()
	}
	if f <= 0 {
		return 1
	}
	if math.IsInf(f, 1) {
		return 0
	}
	return stats.F{D1: d1, D2: d2}.Survival(f)
}

// pChisqUpper returns P(X >= x) for a chi-square with df degrees of freedom.
func pChisqUpper(x, df float64) float64 {
	if math.IsNaN(x) || !(df > 0) {
		return math.NaN()
	}
	if x <= 0 {
		return 1
	}
	return stats.ChiSquared{K: df}.Survival(x)
}

// qT returns the p-quantile of Student's t with df degrees of freedom.
func qT(p, df float64) float64 { return stats.StudentsT{Nu: df}.Quantile(p) }

// qNorm returns the p-quantile of the standard normal.
func qNorm(p float64) float64 { return stats.Normal{Mu: 0, Sigma: 1}.Quantile(p) }

// pNorm returns the standard normal CDF.
func pNorm(z float64) float64 { return stats.Normal{Mu: 0, Sigma: 1}.CDF(z) }

// dNorm returns the standard normal density.
func dNorm(z float64) float64 { return math.Exp(-0.5*z*z) / math.Sqrt(2*math.Pi) }
