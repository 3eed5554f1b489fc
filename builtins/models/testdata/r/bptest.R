# lmtest::bptest(m) (studentized, Koenker 1981) as lmtest 0.9-40 defines it
# for a fitted lm, written out because lmtest is not installed here:
#   n = #(w > 0); r = unweighted residuals; s2 = sum(w r^2)/n;
#   u = r^2 - s2; aux = lm.wfit(X, u, w) on the model matrix X itself
#   BP = n * sum(w * fitted(aux)^2) / sum(u^2), df = rank(aux) - 1.
# For an unweighted model with an intercept BP = n R^2 of e^2 on X.
# Checked by TestBreuschPaganLmtest. Run: Rscript bptest.R > bptest.Rout
bp <- function(m) {
  X <- model.matrix(m); w <- weights(m); if (is.null(w)) w <- rep(1, nrow(X))
  r <- residuals(m); n <- sum(w > 0); s2 <- sum(w * r^2) / n
  u <- r^2 - s2; aux <- lm.wfit(X, u, w)
  c(BP = n * sum(w * aux$fitted.values^2) / sum(u^2), df = aux$rank - 1)
}
options(digits = 15)
print(bp(lm(mpg ~ wt + hp + factor(cyl), mtcars)))
print(bp(lm(mpg ~ wt + hp, mtcars, weights = (0:31) %% 3)))
print(bp(lm(mpg ~ wt + hp - 1, mtcars)))
print(bp(lm(mpg ~ wt + hp, mtcars, weights = cyl)))
