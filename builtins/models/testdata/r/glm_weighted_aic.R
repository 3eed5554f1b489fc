# GLM AIC with prior weights (gaussian()$aic subtracts sum(log(wt)); a zero
# weight makes it Inf), Gamma and Poisson for comparison.
# Checked by TestGLMWeightedAICR. Run: Rscript glm_weighted_aic.R > glm_weighted_aic.Rout
w <- (0:31) %% 3 + 0.5
w0 <- w; w0[5] <- 0
for (ww in list(w, w0)) for (fam in list(gaussian(), Gamma("log"), poisson())) {
  g <- glm(carb ~ wt + hp, fam, mtcars, weights = ww)
  cat(sprintf("%s %.15g %.15g %.15g\n", fam$family, coef(g)[2], deviance(g), AIC(g)))
}
