// Package stats holds gostat's statistics: descriptive statistics,
// probability distributions, hypothesis tests, multiple-testing corrections,
// effect sizes, resampling and power analysis. It is pre-imported at the
// prompt as `stats`.
//
// Conventions
//
//   - Functions take plain []float64 (a data-frame column: df.Col("x")) and,
//     for grouped data, []string group labels (df.Factor("g")).
//   - Missing values are NaN, as in the data layer (labels "" or "NA" for
//     groups). Functions skip them and report how many were dropped (the
//     Dropped or NA fields of results, and a note in test displays); paired
//     functions drop incomplete pairs.
//   - Functions that can fail return (result, error). Errors name the
//     argument and the problem (empty, constant, all missing, mismatched
//     lengths, negative counts) and say what to do; nothing panics and no
//     result is a silent NaN.
//   - Sample variance and standard deviation use the n-1 denominator, as R.
//   - Hypothesis tests return *HTest, a value whose fields (Statistic, DF,
//     PValue, ConfInt, Estimate, …) are usable in code and whose display
//     reads like R's print.htest, followed by a plain-language conclusion at
//     the significance level Alpha (0.05 unless set), the assumptions checked
//     and the effect size.
//   - Options of tests (alternative, confidence level, μ, exactness,
//     continuity correction, α) are passed as one stats.Opt{…} after the data;
//     the zero value means R's defaults. Resampling takes a stats.BootOpt
//     (number of resamples, seed, confidence level).
//   - Results are values with a display (display.Displayer) and String, so a
//     cell ending in a result shows it; a nil result (returned with an error)
//     shows as <nil>.
//
// # Accuracy
//
// Sums use compensated (Neumaier) or double-double arithmetic, centred by
// group for ANOVA, so that data with large offsets (NIST StRD NumAcc4,
// SmLs07–09) reach the float64 ceiling — the accuracy exact arithmetic on
// the float64 inputs achieves; the tests compute that ceiling with math/big
// on every NIST univariate and ANOVA set and on synthesized harder ones.
//
// Distribution functions compute the smaller tail directly (never 1-CDF)
// and in log scale where it underflows: regularized incomplete gamma by
// series and continued fraction with Loader's saddle-point prefactor,
// incomplete beta by continued fraction (double-double for large
// parameters), normal tails from erfc with the argument's rounding
// corrected. Against R 4.2.2 they agree to 1e-12 relative in the body and
// into the tails down to 1e-300, quantiles to 1e-9.
//
// Where R itself is less precise the tests compare with exact values
// computed with mpmath instead (testdata/r_imprecise.py): R's qf near 0
// (it returns 0 or loses digits, e.g. qf(1e-10, 1, 1)), R's qt at
// p ≈ 1e-300 or for df < 2 (off from the 5th digit), R's pf with a
// non-centrality parameter (pnbeta stops at 1e-9), Tukey's adjusted
// p-values (1 - ptukey, absolute accuracy 1e-16 in R too) and intervals
// (R's qtukey stops its secant search at 1e-4, so about 9 digits agree).
// Where R solves with uniroot's default tolerance (Fisher's conditional
// odds ratio and interval, Wilcoxon normal-approximation intervals,
// power.t.test / power.prop.test), gostat runs the same root finder with
// the same tolerance so the printed digits agree.
package stats
