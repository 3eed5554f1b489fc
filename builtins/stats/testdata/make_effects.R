# Effect-size confidence intervals by inverting non-central distributions in
# R 4.2.2 (base R pt/pf/pchisq with ncp; uniroot at tol 1e-14).
# Run: Rscript make_effects.R (writes effects_R.json)
source("../../../../shared/reference/r/_json.R")
ncp_ci <- function(t, df, conf = 0.95) {
  a <- (1 - conf) / 2
  lo <- uniroot(function(d) pt(t, df, d) - (1 - a), c(t - 20, t + 20), tol = 1e-14)$root
  hi <- uniroot(function(d) pt(t, df, d) - a, c(t - 20, t + 20), tol = 1e-14)$root
  c(lo, hi)
}
s <- sleep; x <- s$extra[s$group == "1"]; y <- s$extra[s$group == "2"]
n1 <- length(x); n2 <- length(y); sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
d <- (mean(x) - mean(y)) / sp; sc <- sqrt(1 / n1 + 1 / n2)
ci <- ncp_ci(d / sc, n1 + n2 - 2) * sc
df <- n1 + n2 - 2; J <- exp(lgamma(df / 2) - lgamma((df - 1) / 2) - 0.5 * log(df / 2))
a <- summary(aov(weight ~ group, PlantGrowth))[[1]]; Fv <- a[["F value"]][1]; d1 <- a$Df[1]; d2 <- a$Df[2]; N <- 30
lam <- function(target) { f <- function(l) pf(Fv, d1, d2, l) - target; if (f(0) <= 0) 0 else uniroot(f, c(0, 200), tol = 1e-14)$root }
tab <- matrix(c(20, 15, 30, 25, 10, 12, 5, 18, 22), 3); ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
laml <- function(target) { f <- function(l) pchisq(ch$statistic, ch$parameter, l) - target; if (f(0) <= 0) 0 else uniroot(f, c(0, 500), tol = 1e-14)$root }
writeLines(to_json(list(
  cohens_d = d, cohens_d_ci = arr(ci), hedges_g = d * J, hedges_g_ci = arr(ci * J),
  eta2 = a[["Sum Sq"]][1] / sum(a[["Sum Sq"]]), eta2_ci = arr(c(lam(0.975) / (lam(0.975) + N), lam(0.025) / (lam(0.025) + N))),
  cramers_v = sqrt(unname(ch$statistic) / (sum(tab) * 2)), cramers_v_ci = arr(sqrt(c(laml(0.975), laml(0.025)) / (sum(tab) * 2))),
  pf_ncp = pf(3, 2, 20, 4.5), pchisq_ncp = pchisq(10, 4, 3.2), pt_ncp = pt(1.5, 12, 2.1)
)), "effects_R.json")
