# Extra R 4.2.2 reference values for builtins/stats tests.
# Run from this directory: Rscript make_more.R  (writes more_R.json)
ref <- "../../../../shared/reference/r"
source(file.path(ref, "_json.R")); source(file.path(ref, "_htest.R"))
x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
tk <- TukeyHSD(aov(weight ~ group, PlantGrowth))$group
tk2 <- TukeyHSD(aov(count ~ spray, InsectSprays))$spray
tab <- matrix(c(12, 5, 7, 15), nrow = 2)
tab3 <- matrix(c(20, 15, 30, 25, 10, 12, 5, 18, 22), nrow = 3)
ft <- fisher.test(matrix(c(3, 1, 1, 3), 2))
job <- matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4)
set.seed(1); z1 <- rnorm(25); z2 <- rnorm(30, 0.5)
out <- list(
  tukey_plantgrowth = list(rows = arr(rownames(tk)), diff = arr(tk[, "diff"]), lwr = arr(tk[, "lwr"]), upr = arr(tk[, "upr"]), p_adj = arr(tk[, "p adj"])),
  tukey_insectsprays = list(rows = arr(rownames(tk2)), diff = arr(tk2[, "diff"]), lwr = arr(tk2[, "lwr"]), upr = arr(tk2[, "upr"]), p_adj = arr(tk2[, "p adj"])),
  ptukey = list(q = arr(c(0.5, 1, 2, 3.5, 5, 8)), nmeans = 4, df = 20, p = arr(ptukey(c(0.5, 1, 2, 3.5, 5, 8), 4, 20)),
                qtukey_p = arr(c(0.5, 0.9, 0.95, 0.99)), q3_27 = arr(qtukey(c(0.5, 0.9, 0.95, 0.99), 3, 27))),
  chisq_3x3 = ht(chisq.test(tab3)), chisq_3x3_expected = chisq.test(tab3)$expected,
  fisher_2x2 = ht(ft), fisher_2x2_less = ht(fisher.test(matrix(c(3, 1, 1, 3), 2), alternative = "less")),
  fisher_2x2_b = ht(fisher.test(tab)), fisher_job = ht(fisher.test(job)),
  wilcox_exact_ci = ht(wilcox.test(x, y, conf.int = TRUE)),
  wilcox_normal_ci = ht(wilcox.test(x, y, conf.int = TRUE, exact = FALSE)),
  signrank_exact_ci = ht(wilcox.test(x, mu = 1, conf.int = TRUE)),
  shapiro_small = lapply(list(c(1, 2, 4), c(2.1, 3.4, 1.9, 5.6), c(1, 1.5, 2, 8, 9, 9.5), c(4.3, 2.1, 5.5, 3.3, 4.4, 6.1, 2.2, 3.9, 5.0, 4.7, 3.1)),
                         function(v) { s <- shapiro.test(v); list(x = arr(v), w = unname(s$statistic), p = s$p.value) }),
  ks_one = ht(ks.test(z1, "pnorm")), ks_two = ht(ks.test(z1, z2)), ks_one_less = ht(ks.test(z1, "pnorm", alternative = "less")),
  ks_two_greater = ht(ks.test(z1, z2, alternative = "greater")),
  z1 = arr(z1), z2 = arr(z2),
  binom = ht(binom.test(7, 20, 0.5)), binom_greater = ht(binom.test(15, 20, 0.5, alternative = "greater")), binom_p3 = ht(binom.test(3, 30, 0.3)),
  prop1 = ht(prop.test(15, 40, 0.5)), prop1_nocc = ht(prop.test(15, 40, 0.5, correct = FALSE)),
  prop2 = ht(prop.test(c(15, 25), c(50, 50))), prop2_less = ht(prop.test(c(15, 25), c(50, 50), alternative = "less")),
  prop3 = ht(prop.test(c(83, 90, 129, 70), c(86, 93, 136, 82))),
  spearman_exact = ht(cor.test(x, c(1.1, 0.9, 2.1, 1.2, 1.3, 1.7, 2.2, 1.5, 0.5, 1.6), method = "spearman")),
  kendall_exact = ht(cor.test(x, c(1.1, 0.9, 2.1, 1.2, 1.3, 1.7, 2.2, 1.5, 0.5, 1.6), method = "kendall")),
  pearson_greater = ht(cor.test(x, c(1.1, 0.9, 2.1, 1.2, 1.3, 1.7, 2.2, 1.5, 0.5, 1.6), alternative = "greater")),
  cor_y = arr(c(1.1, 0.9, 2.1, 1.2, 1.3, 1.7, 2.2, 1.5, 0.5, 1.6)),
  levene_bf_plantgrowth = { d <- PlantGrowth; med <- ave(d$weight, d$group, FUN = median); s <- summary(aov(abs(d$weight - med) ~ d$group))[[1]]; list(f = s[["F value"]][1], p = s[["Pr(>F)"]][1]) },
  oneway_welch = ht(oneway.test(weight ~ group, PlantGrowth)),
  power_t_n = { p <- power.t.test(delta = 1, sd = 1, power = 0.9); list(n = p$n) },
  power_t_power = { p <- power.t.test(n = 20, delta = 1, sd = 1); list(power = p$power) },
  power_t_delta = { p <- power.t.test(n = 20, sd = 1, power = 0.8); list(delta = p$delta) },
  power_t_paired_one = { p <- power.t.test(n = 15, delta = 0.5, sd = 1, type = "paired", alternative = "one.sided"); list(power = p$power) },
  power_t_sd = { p <- power.t.test(n = 20, delta = 1, sd = NULL, power = 0.8); list(sd = p$sd) },
  power_t_siglevel = { p <- power.t.test(n = 20, delta = 1, sd = 1, power = 0.8, sig.level = NULL); list(sig_level = p$sig.level) },
  power_prop_n = { p <- power.prop.test(p1 = 0.5, p2 = 0.75, power = 0.9); list(n = p$n) },
  power_prop_power = { p <- power.prop.test(n = 50, p1 = 0.5, p2 = 0.75); list(power = p$power) },
  power_prop_p2 = { p <- power.prop.test(n = 50, p1 = 0.5, power = 0.9); list(p2 = p$p2) },
  quantile_dist = list(qt_1e300 = qt(1e-300, 3), pt_far = pt(-1e10, 3), pgamma_small = pgamma(1e-5, 0.01), pbeta_tail = pbeta(0.999, 50, 2, lower.tail = FALSE),
                       pchisq_big = pchisq(2000, 1000, lower.tail = FALSE), pnbinom = pnbinom(0:5, 3, 0.4), dnbinom = dnbinom(0:5, 3, 0.4),
                       phyper = phyper(0:5, 10, 7, 8), dhyper = dhyper(0:5, 10, 7, 8), qhyper = qhyper(c(0.1, 0.5, 0.9), 10, 7, 8),
                       qnbinom = qnbinom(c(0.1, 0.5, 0.9), 3, 0.4), plnorm = plnorm(c(0.5, 1, 3), 0.2, 0.7), pexp_upper = pexp(50, 2, lower.tail = FALSE),
                       pt_upper_big = pt(40, 5, lower.tail = FALSE), pf_upper = pf(200, 3, 12, lower.tail = FALSE), pbinom_big = pbinom(4000, 10000, 0.5),
                       ppois_upper = ppois(100, 20, lower.tail = FALSE), qgamma_tiny = qgamma(1e-100, 2.5), qbeta_mid = qbeta(0.3, 0.7, 2.5))
)
writeLines(to_json(out), "more_R.json")
