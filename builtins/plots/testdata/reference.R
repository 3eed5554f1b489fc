# Reference values for package plots, from R 4.2.
# Run from the repository root:
#   Rscript builtins/plots/testdata/reference.R > builtins/plots/testdata/reference.json
ref <- "../shared/reference/datasets"
faithful <- read.csv(file.path(ref, "faithful.csv"))
mtcars <- read.csv(file.path(ref, "mtcars.csv"))
iris <- read.csv(file.path(ref, "iris.csv"))
cars <- read.csv(file.path(ref, "cars.csv"))
num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
out <- list()
h <- hist(faithful$waiting, plot = FALSE)
out$hist_waiting_breaks <- num(h$breaks); out$hist_waiting_counts <- num(h$counts)
h <- hist(faithful$waiting, breaks = "FD", plot = FALSE)
out$histfd_waiting_breaks <- num(h$breaks); out$histfd_waiting_counts <- num(h$counts)
h <- hist(mtcars$mpg, plot = FALSE)
out$hist_mpg_breaks <- num(h$breaks); out$hist_mpg_counts <- num(h$counts)
h <- hist(faithful$eruptions, breaks = "FD", plot = FALSE)
out$histfd_eruptions_breaks <- num(h$breaks); out$histfd_eruptions_counts <- num(h$counts)
out$nclassfd_eruptions <- num(nclass.FD(faithful$eruptions))
out$bw_eruptions <- num(bw.nrd0(faithful$eruptions))
out$bw_mpg <- num(bw.nrd0(mtcars$mpg))
d <- density(faithful$eruptions)
out$density_eruptions_x <- num(d$x[c(1, 100, 256, 400, 512)])
out$density_eruptions_y <- num(d$y[c(1, 100, 256, 400, 512)])
for (sp in unique(iris$Species)) {
  b <- boxplot.stats(iris$Sepal.Length[iris$Species == sp])
  out[[paste0("box_", sp)]] <- num(c(b$stats, b$out))
}
b <- boxplot.stats(mtcars$hp); out$box_hp <- num(b$stats); out$box_hp_out <- num(b$out)
l <- lowess(cars$speed, cars$dist); out$lowess_cars_x <- num(l$x); out$lowess_cars_y <- num(l$y)
out$ppoints_5 <- num(ppoints(5)); out$ppoints_20 <- num(ppoints(20))
y <- quantile(mtcars$mpg, c(0.25, 0.75)); x <- qnorm(c(0.25, 0.75))
slope <- diff(y) / diff(x); out$qqline_mpg <- num(c(y[1] - slope * x[1], slope))
q <- qqnorm(mtcars$mpg, plot.it = FALSE); out$qq_mpg_x_sorted <- num(sort(q$x))
# ROC AUC of score -wt for am (Mann-Whitney form, ties counted 1/2).
pos <- -mtcars$wt[mtcars$am == 1]; neg <- -mtcars$wt[mtcars$am == 0]
out$auc_am_wt <- num(mean(outer(pos, neg, ">") + 0.5 * outer(pos, neg, "==")))
fit <- lm(mpg ~ wt, data = mtcars)
out$lm_std_resid <- num(rstandard(fit)); out$lm_hat <- num(hatvalues(fit))
out$lm_lowess_resid_fitted_y <- num(lowess(fitted(fit), resid(fit))$y)
cat("{\n", paste(sprintf("  \"%s\": %s", names(out), unlist(out)), collapse = ",\n"), "\n}\n")
