# A wider grid of distribution values from R 4.2.2, stressing tails and large
# or small parameters. Run: Rscript make_tails.R (writes tails_R.json, in the
# layout of reference/r/distributions.json).
source("../../../../shared/reference/r/_json.R")
pgrid <- c(1e-300, 1e-200, 1e-50, 1e-15, 1e-8, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-8)
PQ <- function(pf, qf, df_, x, params) {
  list(params = params, x = arr(x),
       lower = arr(do.call(pf, c(list(x), params))), upper = arr(do.call(pf, c(list(x), params, list(lower.tail = FALSE)))),
       log_lower = arr(do.call(pf, c(list(x), params, list(log.p = TRUE)))),
       density = arr(do.call(df_, c(list(x), params))),
       p = arr(pgrid), quantile = arr(do.call(qf, c(list(pgrid), params))),
       quantile_upper = arr(do.call(qf, c(list(pgrid), params, list(lower.tail = FALSE)))))
}
res <- list(
  pt = lapply(c(0.3, 1.5, 7.3, 150, 1e4, 3e5), function(d) PQ("pt", "qt", "dt", c(-1e6, -300, -30, -8, -0.3, 0.01, 2, 12, 100, 1e5), list(df = d))),
  pchisq = lapply(c(0.05, 0.7, 3, 47, 800, 2e4), function(d) PQ("pchisq", "qchisq", "dchisq", c(1e-200, 1e-20, 1e-3, 0.5, d / 2, d, 2 * d, 5 * d + 50, 1e4), list(df = d))),
  pf = lapply(list(c(0.5, 3), c(3, 0.7), c(12, 7), c(200, 500), c(1, 1e4)), function(d) PQ("pf", "qf", "df", c(1e-12, 1e-4, 0.2, 1, 3, 40, 1e3, 1e8), list(df1 = d[1], df2 = d[2]))),
  pbeta = lapply(list(c(0.02, 0.3), c(0.9, 40), c(60, 3), c(400, 700), c(5000, 2)), function(s) PQ("pbeta", "qbeta", "dbeta", c(1e-250, 1e-30, 1e-6, 0.05, 0.3, 0.5, 0.8, 0.999, 1 - 1e-9), list(shape1 = s[1], shape2 = s[2]))),
  pgamma = lapply(list(c(0.001, 1), c(0.2, 3), c(7.5, 0.5), c(300, 2), c(1e5, 1)), function(s) PQ("pgamma", "qgamma", "dgamma", c(1e-300, 1e-50, 1e-6, 0.1, 1, 10, 100, 1e3, 1e5, 1.1e5), list(shape = s[1], rate = s[2]))),
  pbinom = lapply(list(c(1, 0.5), c(37, 0.001), c(500, 0.97), c(1e5, 0.3)), function(s) PQ("pbinom", "qbinom", "dbinom", unique(round(c(0, 1, 2, s[1] * s[2] * c(0.5, 0.9, 1, 1.1, 1.5), s[1] - 1, s[1]))), list(size = s[1], prob = s[2]))),
  ppois = lapply(c(1e-4, 0.8, 37, 2e4), function(l) PQ("ppois", "qpois", "dpois", unique(round(c(0, 1, 2, l * c(0.3, 0.9, 1, 1.2, 2), 5 * l + 30))), list(lambda = l)))
)
writeLines(to_json(res), "tails_R.json")
