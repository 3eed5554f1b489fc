# Reference for bootstrap intervals: R's boot 1.3 percentile and BCa
# intervals (norm.inter; BCa with jackknife influence values) on
# fixed replicates. Run: Rscript make_boot.R (writes boot_R.json)
source("../../../../shared/reference/r/_json.R"); library(boot)
x <- faithful$eruptions[1:50]
set.seed(42); b <- boot(x, function(d, i) mean(d[i]), R = 999)
ci <- boot.ci(b, type = c("perc", "bca"))
set.seed(5); x2 <- round(rnorm(41, 3, 1), 4)
bm <- boot(x2, function(d, i) median(d[i]), R = 500)
cim <- boot.ci(bm, type = c("perc", "bca"), L = { j <- sapply(seq_along(x2), function(i) median(x2[-i])); (length(x2) - 1) * (mean(j) - j) })  # jackknife acceleration, as gostat
writeLines(to_json(list(x = arr(x), t = arr(as.vector(b$t)), t0 = b$t0, perc = arr(ci$percent[4:5]), bca = arr(ci$bca[4:5]),
  x2 = arr(x2), tm = arr(as.vector(bm$t)), t0m = bm$t0, percm = arr(cim$percent[4:5]), bcam = arr(cim$bca[4:5]))), "boot_R.json")
