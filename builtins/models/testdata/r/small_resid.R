# With residual df <= 5 summary.lm and summary.glm print every residual,
# named by row (rows dropped for NA keep their numbers).
# Checked by TestSmallResidualBlocks. Run: Rscript small_resid.R > small_resid.Rout 2>&1
f <- data.frame(y = c(1.2, 2.3, 2.9, 4.1, NA, 6.2, 6.8, 8.1), x = 1:8,
                g = c("a", "b", "b", "a", "b", "c", "c", NA))
print(summary(lm(y ~ x + g, f)))
f2 <- data.frame(y = c(0.1, 0.5, 0.3, 0.8, 0.9, 0.6), x = 1:6)
print(summary(glm(y ~ x, binomial, f2)))
