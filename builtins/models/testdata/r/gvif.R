# car::vif's generalized VIF (car 3.x, vif.default), written out because car
# is not installed here: R = cov2cor(vcov(m)[-1, -1]); for each term,
# GVIF = det(R[s, s]) * det(R[-s, -s]) / det(R). Checked by TestGVIFR.
# Run: Rscript gvif.R > gvif.Rout
gvif <- function(mod) {
  v <- vcov(mod); assign <- attr(model.matrix(mod), "assign")
  v <- v[-1, -1]; assign <- assign[-1]
  terms <- labels(terms(mod)); R <- cov2cor(v); detR <- det(R)
  res <- t(sapply(seq_along(terms), function(t) {
    s <- which(assign == t)
    g <- det(as.matrix(R[s, s])) * det(as.matrix(R[-s, -s])) / detR
    c(g, length(s), g^(1 / (2 * length(s))))
  }))
  dimnames(res) <- list(terms, c("GVIF", "Df", "GVIF^(1/(2*Df))")); res
}
options(digits = 15)
print(gvif(lm(mpg ~ wt + hp + factor(cyl), mtcars)))
print(gvif(lm(mpg ~ wt * hp + poly(disp, 2), mtcars)))
print(gvif(lm(mpg ~ wt + factor(gear) + qsec, mtcars, weights = (0:31) %% 3)))
