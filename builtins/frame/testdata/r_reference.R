# Reference values for builtins/frame tests. Run from this directory:
#   Rscript r_reference.R > r_reference.json
# R 4.2.2 (Debian r-base-core), datasets package. NA handling: na.rm = TRUE.
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
obj <- function(nm, vals) paste0("{", paste(sprintf("\"%s\":%s", nm, vals), collapse = ","), "}")
out <- list()
# group means / sd / median of iris by Species
sp <- levels(iris$Species)
for (v in c("Sepal.Length", "Petal.Width")) {
  out[[paste0("iris_mean_", v)]] <- arr(tapply(iris[[v]], iris$Species, mean))
  out[[paste0("iris_sd_", v)]] <- arr(tapply(iris[[v]], iris$Species, sd))
  out[[paste0("iris_median_", v)]] <- arr(tapply(iris[[v]], iris$Species, median))
  out[[paste0("iris_q90_", v)]] <- arr(tapply(iris[[v]], iris$Species, quantile, 0.9))
}
out[["mtcars_mean_mpg_by_cyl"]] <- arr(tapply(mtcars$mpg, mtcars$cyl, mean))
out[["mtcars_var_hp_by_cyl_am"]] <- arr(as.vector(t(tapply(mtcars$hp, list(mtcars$cyl, mtcars$am), var))))
# airquality with NA
aq <- airquality
for (v in c("Ozone", "Solar.R")) {
  x <- aq[[v]]
  out[[paste0("aq_", v)]] <- obj(c("mean", "sd", "median", "q25", "q75", "min", "max", "n"),
    num(c(mean(x, na.rm = TRUE), sd(x, na.rm = TRUE), median(x, na.rm = TRUE),
          quantile(x, 0.25, na.rm = TRUE), quantile(x, 0.75, na.rm = TRUE),
          min(x, na.rm = TRUE), max(x, na.rm = TRUE), sum(!is.na(x)))))
  out[[paste0("aq_mean_", v, "_by_month")]] <- arr(tapply(x, aq$Month, mean, na.rm = TRUE))
  out[[paste0("aq_median_", v, "_by_month")]] <- arr(tapply(x, aq$Month, median, na.rm = TRUE))
}
out[["aq_cor_ozone_temp"]] <- num(cor(aq$Ozone, aq$Temp, use = "complete.obs"))
out[["mtcars_cor_mpg_wt_hp"]] <- arr(as.vector(cor(mtcars[, c("mpg", "wt", "hp")])))
out[["usarrests_cor"]] <- arr(as.vector(cor(USArrests)))
out[["warpbreaks_table"]] <- arr(as.vector(t(table(warpbreaks$wool, warpbreaks$tension))))
out[["mtcars_scale_mpg"]] <- arr(as.vector(scale(mtcars$mpg)))
out[["aq_complete_cases"]] <- num(sum(complete.cases(aq)))
# pivot: mean weight by Diet (rows) and Time (columns)
out[["chick_pivot_mean"]] <- arr(as.vector(t(tapply(ChickWeight$weight, list(ChickWeight$Diet, ChickWeight$Time), mean))))
# IQR outliers with type-7 quartiles (Tukey's fences), NA skipped
iqr_out <- function(x) { x <- x[!is.na(x)]; q <- quantile(x, c(.25, .75)); i <- q[2] - q[1]; sum(x < q[1] - 1.5 * i | x > q[2] + 1.5 * i) }
out[["aq_outliers"]] <- arr(sapply(airquality, iqr_out))
# group-by two keys: mean len by supp and dose (ToothGrowth)
out[["tooth_mean_supp_dose"]] <- arr(aggregate(len ~ dose + supp, ToothGrowth, mean)[order(aggregate(len ~ dose + supp, ToothGrowth, mean)$supp), "len"])
# unique counts (n_distinct, NA excluded)
out[["aq_nunique"]] <- arr(sapply(airquality, function(x) length(unique(x[!is.na(x)]))))
cat("{\n", paste(sprintf("\"%s\": %s", names(out), unlist(out)), collapse = ",\n"), "\n}\n")
