# Non-integer responses: binomial proportions without weights (R warns
# "non-integer #successes in a binomial glm!"; its AIC rounds m·y half to
# even, so y = 0.5 counts as 0) and a Poisson with non-integer counts
# (dpois warns "non-integer x", AIC = Inf). Checked by TestGLMNonIntegerR.
# Run: Rscript glm_nonint.R > glm_nonint.Rout 2>&1
options(digits = 15)
f <- data.frame(y = c(0.1, 0.5, 0.3, 0.8, 0.9, 0.6), x = 1:6)
g <- glm(y ~ x, binomial, f)
print(c(coef(g), AIC = AIC(g), deviance = deviance(g)))
f2 <- data.frame(y = c(1.5, 2, 3.2, 4, 5, 7), x = 1:6)
g2 <- glm(y ~ x, poisson, f2)
print(c(coef(g2), AIC = AIC(g2), deviance = deviance(g2)))
