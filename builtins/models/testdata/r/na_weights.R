# NA case weights drop their rows (model.frame's na.omit), counted with the
# other missing rows; negative weights are an error in lm and glm.
# Checked by TestNAWeightsR. Run: Rscript na_weights.R > na_weights.Rout 2>&1
options(digits = 15)
w <- (0:31) %% 3 + 0.5; w[4] <- NA
m <- lm(mpg ~ wt + hp, mtcars, weights = w)
print(c(coef(m), df = df.residual(m), sigma = sigma(m), nobs = nobs(m)))
g <- glm(am ~ wt, binomial, mtcars, weights = w)
print(c(coef(g), df = df.residual(g), deviance = deviance(g), aic = AIC(g)))
w2 <- w; w2[4] <- -1
try(lm(mpg ~ wt, mtcars, weights = w2))
try(glm(am ~ wt, binomial, mtcars, weights = w2))
