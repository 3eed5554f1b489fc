# Reference strings for rfmt: R's format(), format.pval() and print() of named vectors.
# Run: Rscript make_rfmt.R > rfmt_R.tsv
x <- c(3.14159265358979, 0, -1.5, 1e-20, 123456.7, 1234567890, 0.1 + 0.2, 1/3, 2/3e7,
       99999.99999, 9.9999999, 1e5, 1e15, 1e16, 123456789012, -0.000123456, 5e-324, 1.7e308,
       0.07939414018735817, 17.7764735161785, -1.860813467486853, 100, 0.5, 2.33)
for (d in c(1, 3, 4, 5, 7, 10, 15)) for (v in x) cat("num\t", d, "\t", sprintf("%.17g", v), "\t", format(v, digits = d), "\n", sep = "")
vecs <- list(c(-3.3654832307117104, 0.20548323071171018), c(1, 10, 100), c(0.001234, 123.4), c(1e-10, 1),
             c(1.5, NA, 3), c(3.766339999999999, 10.492090000000001), c(1e-300, 1e300), c(0.75, 2.33), c(Inf, -Inf, 1.25))
for (d in c(4, 7)) for (v in vecs) cat("vec\t", d, "\t", paste(sprintf("%.17g", v), collapse = ","), "\t", paste(format(v, digits = d), collapse = "|"), "\n", sep = "")
pv <- list(0.07939414018735817, 1e-20, 0.0001234, 0.5, 1, c(0.01, 1e-5, 1e-30), c(1e-30, 0.2), 2.3e-16, 0, c(0.0004, 0.05), 3e-8)
for (d in c(3, 4)) for (v in pv) cat("pval\t", d, "\t", paste(sprintf("%.17g", v), collapse = ","), "\t", paste(format.pval(v, digits = d), collapse = "|"), "\n", sep = "")
