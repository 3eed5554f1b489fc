# Grids for the remaining families (R 4.2.2), layout of distributions.json.
# Run: Rscript make_tails2.R (writes tails2_R.json)
source("../../../../shared/reference/r/_json.R")
pgrid <- c(1e-300, 1e-50, 1e-8, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-8)
PQ <- function(pf, qf, df_, x, params) {
  list(params = params, x = arr(x),
       lower = arr(do.call(pf, c(list(x), params))), upper = arr(do.call(pf, c(list(x), params, list(lower.tail = FALSE)))),
       log_lower = arr(do.call(pf, c(list(x), params, list(log.p = TRUE)))),
       density = arr(do.call(df_, c(list(x), params))),
       p = arr(pgrid), quantile = arr(do.call(qf, c(list(pgrid), params))),
       quantile_upper = arr(do.call(qf, c(list(pgrid), params, list(lower.tail = FALSE)))))
}
res <- list(
  pnbinom = lapply(list(c(3, 0.4), c(0.5, 0.9), c(50, 0.02)), function(s) PQ("pnbinom", "qnbinom", "dnbinom", c(0, 1, 3, 10, 50, 200, 5000), list(size = s[1], prob = s[2]))),
  phyper = lapply(list(c(10, 7, 8), c(300, 500, 100), c(5, 1000, 50)), function(s) PQ("phyper", "qhyper", "dhyper", unique(round(c(0, 1, 2, s[3] * s[1] / (s[1] + s[2]) * c(0.5, 1, 1.5), min(s[1], s[3])))), list(m = s[1], n = s[2], k = s[3]))),
  plnorm = lapply(list(c(0, 1), c(2, 0.3), c(-1, 2.5)), function(s) PQ("plnorm", "qlnorm", "dlnorm", c(1e-200, 1e-10, 0.01, 0.5, 1, 3, 50, 1e6, 1e100), list(meanlog = s[1], sdlog = s[2]))),
  pexp = lapply(c(0.01, 1, 40), function(r) PQ("pexp", "qexp", "dexp", c(1e-300, 1e-10, 0.001, 0.5, 1, 5, 100, 2e4), list(rate = r))),
  punif = list(PQ("punif", "qunif", "dunif", c(-3, -1, 0, 0.25, 1.999, 2, 5), list(min = -1, max = 2)))
)
writeLines(to_json(res), "tails2_R.json")
