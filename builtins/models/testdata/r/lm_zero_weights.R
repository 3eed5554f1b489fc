# lm with zero weights on some rows: summary.lm's weighted residuals include
# the zero-weight rows (as 0). Checked by TestLMZeroWeightsR.
# Run: Rscript lm_zero_weights.R > lm_zero_weights.Rout
m <- lm(mpg ~ wt + hp, mtcars, weights = (0:31) %% 3)
print(summary(m))
print(c(AIC = AIC(m), BIC = BIC(m), logLik = as.numeric(logLik(m))), digits = 15)
# influence measures leave the zero-weight rows out (21 of 32 rows);
# tseries' Jarque-Bera formula on the weighted residuals of those rows
options(digits = 15)
print(hatvalues(m)[1:4]); print(cooks.distance(m)[1:4])
print(rstandard(m)[1:4]); print(rstudent(m)[1:4])
r <- (sqrt(weights(m)) * residuals(m))[weights(m) > 0]; n <- length(r); r <- r - mean(r)
jb <- n / 6 * ((mean(r^3) / mean(r^2)^1.5)^2 + (mean(r^4) / mean(r^2)^2 - 3)^2 / 4)
print(jb)
