# R reference cases for formula features (R 4.2.2): ordered factors with
# polynomial contrasts, cbind(successes, failures) binomial responses and
# offset() terms. Run from this directory:
#   Rscript make_refs_formula.R
# Data are R's own datasets (esoph's agegp, alcgp, tobgp and ChickWeight's
# Chick are ordered factors there, as in gostat's datasets package).
ref <- "../../../../../shared/reference"
source(file.path(ref, "r", "_json.R")); source(file.path(ref, "r", "_models.R"))
out <- function(case, obj) writeLines(to_json(c(list(case = case, engine = "R", engine_version = R.version.string), obj)), paste0(case, ".json"))
anova_ref <- function(m) { a <- anova(m); list(terms = arr(rownames(a)), df = a[["Df"]], sum_sq = a[["Sum Sq"]], f_value = a[["F value"]], p_value = a[["Pr(>F)"]]) }
lmref <- function(formula, data, ...) {
  m <- lm(as.formula(formula), data = data, ...)
  r <- lm_ref(m); r$anova_type1 <- anova_ref(m)
  r$coef_all <- arr(unname(coef(m))); r$coef_names <- arr(names(coef(m)))
  r$hat <- arr(unname(hatvalues(m)))
  c(list(formula = formula), r)
}

## 1. ordered factors: contr.poly, names x.L x.Q x.C x^4, full coding without intercept
cp <- list(); for (k in c(2:10, 20, 50)) cp[[as.character(k)]] <- arr(as.vector(contr.poly(k)))
out("contr_poly", list(contr_poly = cp))

wb <- warpbreaks; wb$tension <- ordered(wb$tension)   # L < M < H
mt <- mtcars
cases <- list(
  lm_ordered_call_mtcars = lmref("mpg ~ ordered(cyl) + wt", mt),
  lm_ordered_interaction_warpbreaks = lmref("breaks ~ wool * tension", wb),
  lm_ordered_nointercept_first = lmref("breaks ~ 0 + tension + wool", wb),
  lm_ordered_nointercept_second = lmref("breaks ~ 0 + wool + tension", wb),
  lm_ordered_esoph_nested = lmref("ncases ~ agegp + agegp:tobgp", esoph),
  lm_ordered_toothgrowth = lmref("len ~ supp * ordered(dose)", ToothGrowth),
  lm_ordered_gear_numeric = lmref("mpg ~ wt * ordered(gear)", mt),
  lm_ordered_chickweight = lmref("weight ~ Time + Chick", ChickWeight)
)
# predictions on new data reuse the training contrasts
m <- lm(mpg ~ ordered(cyl) + wt, mt); nd <- data.frame(cyl = c(4, 8, 6, 8), wt = c(2.2, 3.9, 3.1, 5))
pc <- predict(m, nd, interval = "confidence", se.fit = TRUE)
cases$lm_ordered_call_mtcars$predict <- list(cyl = nd$cyl, wt = nd$wt, fit = arr(unname(pc$fit[, 1])), se_fit = arr(unname(pc$se.fit)))
m <- lm(breaks ~ wool * tension, wb); nd <- data.frame(wool = c("B", "A", "B"), tension = c("H", "M", "L"))
cases$lm_ordered_interaction_warpbreaks$predict <- list(wool = nd$wool, tension = nd$tension, fit = arr(unname(predict(m, nd))))
out("lm_ordered", cases)
