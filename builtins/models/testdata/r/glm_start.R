# glm(start = ...): a binomial log link, for which R's default start fails
# on am ~ wt, fits am ~ qsec from start = c(-1, 0) without warnings; an
# invalid start is refused. Checked by TestGLMStartR.
# Run: Rscript glm_start.R > glm_start.Rout 2>&1
options(digits = 15)
try(glm(am ~ wt, binomial("log"), mtcars))
g <- glm(am ~ qsec, binomial("log"), mtcars, start = c(-1, 0))
print(c(coef(g), se = sqrt(diag(vcov(g))), deviance = deviance(g), aic = AIC(g), iter = g$iter))
try(glm(am ~ wt, binomial("log"), mtcars, start = c(1, 0)))
