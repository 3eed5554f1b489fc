# summary.lm on exact fits: a constant response (R^2 and F are NaN) and an
# exact line, both with R's warning "essentially perfect fit: summary may be
# unreliable". Checked by TestPerfectFitR.
# Run: Rscript perfect_fit.R > perfect_fit.Rout 2>&1
f <- data.frame(y = rep(3, 7), x = c(1:6, 8))
print(summary(lm(y ~ x, f)))
f2 <- data.frame(y = c(1, 3, 5, 7, 9, 11, 15), x = c(1:6, 8))
print(summary(lm(y ~ x, f2)))
print(summary(lm(mpg ~ wt, mtcars))$r.squared)  # no warning
