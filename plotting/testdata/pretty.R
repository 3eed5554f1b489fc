# Reference values for plotting.Pretty: R's pretty(c(lo, hi), n, min.n).
# Run: Rscript plotting/testdata/pretty.R > plotting/testdata/pretty.tsv
cases <- list(c(0, 1, 5), c(1.6, 5.1, 5), c(43, 96, 9), c(-2.3, 7.9, 5), c(0.001, 0.0093, 5),
              c(1e6, 3.7e6, 5), c(-1, -0.2, 4), c(5, 5, 5), c(0, 0, 5), c(1.5, 5.5, 3), c(4.3, 7.9, 8),
              c(-0.02, 1.02, 5), c(123456, 123789, 5), c(10.4, 33.9, 6), c(2, 3, 2))
for (cc in cases) {
  n <- cc[3]
  p <- pretty(c(cc[1], cc[2]), n = n)
  p1 <- pretty(c(cc[1], cc[2]), n = n, min.n = 1)
  cat(sprintf("%.17g\t%.17g\t%d\t%s\t%s\n", cc[1], cc[2], n,
      paste(sprintf("%.17g", p), collapse = ","), paste(sprintf("%.17g", p1), collapse = ",")))
}
