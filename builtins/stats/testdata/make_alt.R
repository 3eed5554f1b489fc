# More R 4.2.2 htest references: alternatives, confidence levels and small-n
# exact paths. Run: Rscript make_alt.R (writes alt_R.json)
source("../../../../shared/reference/r/_json.R"); source("../../../../shared/reference/r/_htest.R")
a <- c(3.1, 2.4, 5.6, 4.4, 3.9, 6.2, 2.8, 4.1)
b <- c(4.5, 5.1, 6.3, 3.8, 5.9, 7.2, 6.6)
s1 <- c(1.3, 2.2, 0.7, 3.1, 2.5, 1.9, 2.8)
s2 <- c(2.0, 1.1, 1.4, 2.9, 3.3, 1.2, 2.6)
tx <- c(1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 8, 8); ty <- c(2, 1, 3, 3, 5, 4, 6, 6, 5, 8, 7, 9)
out <- list(a = arr(a), b = arr(b), s1 = arr(s1), s2 = arr(s2), tx = arr(tx), ty = arr(ty),
  t2_greater_90 = ht(t.test(a, b, alternative = "greater", conf.level = 0.9)),
  t2_pooled_less = ht(t.test(a, b, var.equal = TRUE, alternative = "less", mu = -1)),
  tp_greater = ht(t.test(a[1:7], b, paired = TRUE, alternative = "greater")),
  w2_less_normal = ht(wilcox.test(a, b, alternative = "less", exact = FALSE, conf.int = TRUE)),
  w2_greater_exact_ci = ht(wilcox.test(a, b, alternative = "greater", conf.int = TRUE, conf.level = 0.9)),
  w1_less_exact_ci = ht(wilcox.test(a, mu = 4, alternative = "less", conf.int = TRUE)),
  spearman_n7_less = ht(cor.test(s1, s2, method = "spearman", alternative = "less")),
  spearman_n7_two = ht(cor.test(s1, s2, method = "spearman")),
  kendall_n7_greater = ht(cor.test(s1, s2, method = "kendall", alternative = "greater")),
  kendall_ties_two = ht(suppressWarnings(cor.test(tx, ty, method = "kendall"))),
  spearman_ties_greater = ht(suppressWarnings(cor.test(tx, ty, method = "spearman", alternative = "greater"))),
  fisher_greater = ht(fisher.test(matrix(c(10, 3, 2, 15), 2), alternative = "greater", conf.level = 0.9)),
  prop1_greater = ht(prop.test(30, 50, 0.45, alternative = "greater")),
  binom_less = ht(binom.test(2, 25, 0.2, alternative = "less", conf.level = 0.99)),
  kruskal_ties = { k <- kruskal.test(c(tx, ty), rep(c("a", "b", "c"), 8)); ht(k) },
  ks_one_greater = ht(ks.test(a, "pnorm", 4, 1.2, alternative = "greater")),
  chisq_gof_ties = ht(chisq.test(c(10, 12, 9, 14), p = c(0.2, 0.3, 0.2, 0.3)))
)
writeLines(to_json(out), "alt_R.json")
