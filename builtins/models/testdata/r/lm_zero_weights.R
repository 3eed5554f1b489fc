# lm with zero weights on some rows: summary.lm's weighted residuals include
# the zero-weight rows (as 0). Checked by TestLMZeroWeightsR.
# Run: Rscript lm_zero_weights.R > lm_zero_weights.Rout
m <- lm(mpg ~ wt + hp, mtcars, weights = (0:31) %% 3)
print(summary(m))
print(c(AIC = AIC(m), BIC = BIC(m), logLik = as.numeric(logLik(m))), digits = 15)
