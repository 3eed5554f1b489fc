# Box-Cox maximum-likelihood lambda from MASS::boxcox (profile log-likelihood
# of lm(y ~ 1)) on a fine grid (step 1e-4), so the reference is good to about
# 5e-5. Run: Rscript boxcox_reference.R > boxcox_reference.json
library(MASS)
aq <- airquality
res <- sapply(c("Ozone", "Solar.R", "Wind"), function(v) {
  d <- data.frame(y = aq[[v]][!is.na(aq[[v]])])
  bc <- boxcox(y ~ 1, data = d, lambda = seq(-2, 2, by = 1e-4), plotit = FALSE)
  bc$x[which.max(bc$y)]
})
cat("{", paste(sprintf("\"%s\": %.6f", names(res), res), collapse = ", "), "}\n")
