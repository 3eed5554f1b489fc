// Package stats holds gostat's statistics: descriptive statistics,
// probability distributions, hypothesis tests, multiple-testing corrections,
// effect sizes, resampling and power analysis. It is pre-imported at the
// prompt as `stats`.
//
// Conventions
//
//   - Functions take plain []float64 (a data-frame column: df.Col("x")) and,
//     for grouped data, []string group labels (df.Factor("g")).
//   - Missing values are NaN, as in the data layer. Functions skip them by
//     default and report how many were dropped (the Dropped or NA fields of
//     results); the Strict variants where they exist refuse them instead.
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
//     continuity correction) are passed as a TestOptions value; the zero
//     value means R's defaults.
//
// Accuracy: sums use compensated (Neumaier) or double-double arithmetic so
// that data with large offsets (NIST StRD NumAcc4, SmLs09) reach the
// accuracy that exact arithmetic on the float64 inputs would. Distribution
// functions compute upper tails directly and reach R's accuracy far into the
// tails (see the distribution types).
package stats
