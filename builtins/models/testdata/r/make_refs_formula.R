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

## 2. binomial response cbind(successes, failures): y = s/(s+f), prior weights s+f
tightfit <- function(m) { t <- update(m, control = glm.control(epsilon = 1e-14, maxit = 100))
  list(coefficients = arr(unname(coef(t))), std_errors = arr(unname(summary(t)$coefficients[, 2])), deviance = deviance(t), aic = AIC(t)) }
glmfull <- function(formula, m) { r <- glm_ref(m); r$tight <- tightfit(m); r$converged <- m$converged
  r$coef_all <- arr(unname(coef(m))); r$coef_names <- arr(names(coef(m))); r$prior_weights <- arr(unname(weights(m, "prior")))
  r$y <- arr(unname(m$y)); r$linear_predictor <- arr(unname(m$linear.predictors))
  r$hat <- arr(unname(hatvalues(m))); r$cooks <- arr(unname(cooks.distance(m))); r$rstandard <- arr(unname(rstandard(m)))
  r$deviance_residuals <- arr(unname(residuals(m, "deviance"))); r$pearson_residuals <- arr(unname(residuals(m, "pearson")))
  a <- anova(m, test = "Chisq"); r$anova_chisq <- list(terms = arr(rownames(a)), df = a[["Df"]], deviance = a[["Deviance"]], resid_df = a[["Resid. Df"]], resid_dev = a[["Resid. Dev"]], p = a[["Pr(>Chi)"]])
  c(list(formula = formula), r) }
m <- glm(cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp, data = esoph, family = binomial())
g1 <- glmfull("cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp", m)
nd <- esoph[c(1, 30, 60, 88), ]
g1$predict <- list(rows = c(1, 30, 60, 88), link = arr(unname(predict(m, nd, type = "link"))), response = arr(unname(predict(m, nd, type = "response"))),
  response_se = arr(unname(predict(m, nd, type = "response", se.fit = TRUE)$se.fit)))
g1$summary_lines <- arr(capture.output(print(summary(m))))
# zero trials in row 1 and case weights 1, 2, 1, 2, …
e2 <- esoph; e2$ncontrols[1] <- 0; w <- rep(c(1, 2), length.out = nrow(e2))
m2 <- glm(cbind(ncases, ncontrols) ~ agegp + alcgp, data = e2, family = binomial, weights = w)
g2 <- glmfull("cbind(ncases, ncontrols) ~ agegp + alcgp", m2); g2$weights <- w
# probit link, plain factors
e3 <- esoph; for (v in c("agegp", "alcgp", "tobgp")) e3[[v]] <- factor(e3[[v]], ordered = FALSE)
m3 <- glm(cbind(ncases, ncontrols) ~ agegp + alcgp + tobgp, data = e3, family = binomial(link = "probit"))
g3 <- glmfull("cbind(ncases, ncontrols) ~ agegp + alcgp + tobgp", m3)
out("glm_cbind", list(esoph_interaction = g1, esoph_zero_trials_weights = g2, esoph_probit_plain = g3))

## 3. offset() terms
# Poisson rate model: cases per person in each esoph cell
m <- glm(ncases ~ agegp + alcgp + offset(log(ncases + ncontrols)), family = poisson, data = esoph)
o1 <- glmfull("ncases ~ agegp + alcgp + offset(log(ncases + ncontrols))", m)
nd <- data.frame(agegp = c("45-54", "75+"), alcgp = c("120+", "40-79"), ncases = c(3, 1), ncontrols = c(20, 7))
o1$predict <- list(agegp = nd$agegp, alcgp = nd$alcgp, ncases = nd$ncases, ncontrols = nd$ncontrols,
  link = arr(unname(predict(m, nd, type = "link"))), response = arr(unname(predict(m, nd, type = "response"))),
  link_se = arr(unname(predict(m, nd, type = "link", se.fit = TRUE)$se.fit)))
# formula offset plus the offset argument (summed), and no intercept
m <- glm(carb ~ hp + factor(am) + offset(log(wt)), family = poisson, data = mtcars, offset = 0.01 * qsec)
o2 <- glmfull("carb ~ hp + factor(am) + offset(log(wt))", m); o2$offset_arg <- arr(0.01 * mtcars$qsec)
m <- glm(carb ~ 0 + hp + offset(log(wt)), family = poisson, data = mtcars)
o3 <- glmfull("carb ~ 0 + hp + offset(log(wt))", m)
m <- glm(mpg ~ hp + offset(log(wt)), family = Gamma(link = "log"), data = mtcars)
o4 <- glmfull("mpg ~ hp + offset(log(wt))", m)
out("glm_offset", list(poisson_rate_esoph = o1, poisson_both_offsets = o2, poisson_noint = o3, gamma_log = o4))
# linear models with an offset
l1 <- lmref("mpg ~ hp + offset(-3 * wt)", mtcars)
m <- lm(mpg ~ hp + offset(-3 * wt), mtcars); nd <- data.frame(hp = c(100, 200), wt = c(2.5, 4))
pp <- predict(m, nd, interval = "prediction"); pc <- predict(m, nd, interval = "confidence", se.fit = TRUE)
l1$predict <- list(hp = nd$hp, wt = nd$wt, fit = arr(unname(pp[, 1])), pred_lwr = arr(unname(pp[, 2])), pred_upr = arr(unname(pp[, 3])), se_fit = arr(unname(pc$se.fit)))
l2 <- lmref("mpg ~ hp + offset(-3 * wt)", mtcars, weights = mtcars$cyl)
l3 <- lmref("mpg ~ 0 + hp + offset(log(disp)) + offset(wt)", mtcars)
out("lm_offset", list(lm_offset = l1, wls_offset = l2, lm_two_offsets_noint = l3))

## 4. sequential analysis of deviance with an F test (estimated dispersion)
g <- glm(mpg ~ hp + wt + factor(cyl), family = Gamma(link = "log"), data = mtcars)
a <- anova(g, test = "F"); a2 <- anova(g, test = "Chisq")
out("glm_anova_f", list(formula = "mpg ~ hp + wt + factor(cyl)", terms = arr(rownames(a)), df = a[["Df"]], deviance = a[["Deviance"]],
  resid_df = a[["Resid. Df"]], resid_dev = a[["Resid. Dev"]], f = a[["F"]], p_f = a[["Pr(>F)"]], p_chisq = a2[["Pr(>Chi)"]], dispersion = summary(g)$dispersion))

## 5. R's ?esoph model2: linear scores of ordered factors with unclass()
m <- glm(cbind(ncases, ncontrols) ~ agegp + unclass(tobgp) + unclass(alcgp), data = esoph, family = binomial())
out("glm_esoph_unclass", glmfull("cbind(ncases, ncontrols) ~ agegp + unclass(tobgp) + unclass(alcgp)", m))

## 6. factor(x, levels = …, ordered = …), ordered(x, levels = …), relevel(x, ref = …) in formulas
fl <- list(
  lm_factor_levels = lmref('mpg ~ factor(cyl, levels = c(8, 6, 4)) + wt', mtcars),
  lm_relevel = lmref('Sepal.Length ~ relevel(Species, ref = "virginica") + Petal.Width', iris),
  lm_ordered_levels = lmref('breaks ~ ordered(tension, levels = c("H", "M", "L")) * wool', warpbreaks),
  lm_factor_ordered_true = lmref('mpg ~ factor(gear, ordered = TRUE) + wt', mtcars)
)
m <- lm(Sepal.Length ~ relevel(Species, ref = "virginica") + Petal.Width, iris)
nd <- data.frame(Species = factor(c("setosa", "virginica"), levels = levels(iris$Species)), Petal.Width = c(0.3, 2))
fl$lm_relevel$predict <- list(Species = nd$Species, Petal.Width = nd$Petal.Width, fit = arr(unname(predict(m, nd))))
out("lm_factor_args", fl)

## 7. C(x, contr): treatment, SAS, sum, helmert, poly and the contr.* functions
cc <- list(
  sum_interaction = lmref("breaks ~ C(tension, sum) * wool", warpbreaks),
  contr_sum = lmref("breaks ~ C(tension, contr.sum) + wool", warpbreaks),
  helmert = lmref("breaks ~ C(tension, helmert) + wool", warpbreaks),
  contr_helmert = lmref("breaks ~ wool + C(tension, contr.helmert)", warpbreaks),
  treatment = lmref("breaks ~ C(tension, treatment) + wool", warpbreaks),
  contr_treatment = lmref("breaks ~ C(tension, contr.treatment) + wool", warpbreaks),
  SAS = lmref("breaks ~ C(tension, SAS) + wool", warpbreaks),
  contr_SAS = lmref("breaks ~ C(tension, contr.SAS) + wool", warpbreaks),
  poly = lmref("breaks ~ C(tension, poly) + wool", warpbreaks),
  sum_nointercept = lmref("breaks ~ 0 + C(tension, sum) + C(wool, sum)", warpbreaks),
  ordered_treatment = lmref("ncases ~ C(agegp, treatment) + alcgp", esoph),
  iris_sum = lmref("Sepal.Length ~ C(Species, sum) * Petal.Width", iris)
)
m <- lm(breaks ~ C(tension, sum) * wool, warpbreaks); nd <- data.frame(tension = factor(c("H", "L"), levels = levels(warpbreaks$tension)), wool = factor(c("A", "B")))
cc$sum_interaction$predict <- list(tension = nd$tension, wool = nd$wool, fit = arr(unname(predict(m, nd))))
out("lm_contrasts", cc)

## 8. logical terms: comparisons and &, |, ! (a factor FALSE/TRUE in the model matrix)
lg <- list(
  I_gt = lmref("mpg ~ I(wt > 3) + hp", mtcars),
  bare_gt = lmref("mpg ~ wt > 3", mtcars),
  and_paren = lmref("mpg ~ I((wt > 3) * hp) + (cyl == 4 & am == 1)", mtcars),
  text_eq = lmref('Sepal.Length ~ I(Species == "setosa") + Petal.Width', iris),
  interaction = lmref("mpg ~ hp * (cyl >= 6)", mtcars),
  or_ne = lmref("mpg ~ I(cyl != 6 | am == 1)", mtcars)
)
m <- lm(mpg ~ hp * (cyl >= 6), mtcars); nd <- data.frame(hp = c(100, 200), cyl = c(4, 8))
lg$interaction$predict <- list(hp = nd$hp, cyl = nd$cyl, fit = arr(unname(predict(m, nd))))
m <- glm(am ~ !vs + wt, binomial, mtcars)
lg$not_glm <- list(formula = "am ~ !vs + wt", coef_names = arr(names(coef(m))), coef_all = arr(unname(coef(m))))
out("lm_logical", lg)

## 9. scale(), log(x, base) and more one-argument functions
fx <- list(
  scale = lmref("mpg ~ scale(hp) + scale(wt, center = FALSE) + scale(qsec, scale = FALSE)", mtcars),
  log_base = lmref("mpg ~ log(hp, 2) + log(wt, base = 10)", mtcars),
  math = lmref("mpg ~ floor(wt) + sign(qsec - 18) + atan(disp / 100) + tanh(drat - 3.5)", mtcars)
)
out("lm_functions", fx)

## 10. an interaction of two ordered factors without main effects: full indicator coding of both (rank deficient, as R)
m <- lm(ncases ~ agegp:tobgp, esoph)
out("lm_ordered_interaction_only", list(formula = "ncases ~ agegp:tobgp", coef_names = arr(names(coef(m))), coef_all = arr(unname(coef(m))),
  std_errors = arr(unname(summary(m)$coefficients[, 2])), rank = m$rank, r_squared = summary(m)$r.squared, fitted = arr(unname(fitted(m)))))

## 11. B-splines and natural splines (package splines), with predictions beyond the boundary knots
suppressMessages(library(splines))
sp <- list(
  bs_df = lmref("mpg ~ bs(hp, df = 5) + wt", mtcars),
  bs_default = lmref("mpg ~ bs(hp)", mtcars),
  bs_knots_deg2 = lmref("mpg ~ bs(hp, knots = c(100, 150, 200), degree = 2)", mtcars),
  bs_intercept = lmref("mpg ~ 0 + bs(wt, df = 4, intercept = TRUE)", mtcars),
  ns_df = lmref("mpg ~ ns(hp, 3) + wt", mtcars),
  ns_knots = lmref("mpg ~ ns(hp, knots = c(100, 200))", mtcars),
  ns_boundary = lmref("mpg ~ ns(disp, df = 4, Boundary.knots = c(80, 450))", mtcars),
  ns_intercept = lmref("Sepal.Length ~ 0 + ns(Petal.Length, df = 3, intercept = TRUE) + Species", iris)
)
nd <- data.frame(hp = c(40, 120, 250, 400), wt = c(2, 3, 3.5, 4))
for (c in c("bs_df", "ns_df")) { m <- lm(as.formula(sp[[c]]$formula), mtcars); sp[[c]]$predict <- list(hp = nd$hp, wt = nd$wt, fit = arr(unname(predict(m, nd)))) }
out("lm_splines", sp)

## 12. drop1: single term deletions for lm and glm
d1 <- function(m, test) { a <- drop1(m, test = test); r <- list(rows = arr(rownames(a)), df = a[["Df"]], aic = a[["AIC"]])
  if (inherits(m, "glm")) r$deviance <- a[["Deviance"]] else { r$rss <- a[["RSS"]]; r$sum_sq <- a[["Sum of Sq"]] }
  if (test == "F") { r$f <- a[["F value"]]; r$p <- a[["Pr(>F)"]] }
  if (test == "Chisq") { r$p <- a[["Pr(>Chi)"]]; if (inherits(m, "glm")) r$lrt <- a[[if ("LRT" %in% names(a)) "LRT" else "scaled dev."]] }
  r }
m <- lm(mpg ~ wt + hp + factor(cyl), mtcars); mw <- lm(mpg ~ wt * hp + offset(-0.5 * qsec), mtcars, weights = cyl)
g <- glm(cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp, binomial, esoph)
g2 <- glm(mpg ~ wt + hp + factor(cyl), Gamma(link = "log"), mtcars)
g3 <- glm(mpg ~ wt + factor(am), gaussian, mtcars)
g4 <- glm(ncases ~ agegp + alcgp + offset(log(ncases + ncontrols)), poisson, esoph)
out("drop1", list(
  lm_F = c(list(formula = "mpg ~ wt + hp + factor(cyl)"), d1(m, "F")),
  lm_Chisq = c(list(formula = "mpg ~ wt + hp + factor(cyl)"), d1(m, "Chisq")),
  wls_offset_F = c(list(formula = "mpg ~ wt * hp + offset(-0.5 * qsec)"), d1(mw, "F")),
  glm_esoph_Chisq = c(list(formula = "cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp"), d1(g, "Chisq")),
  glm_gamma_F = c(list(formula = "mpg ~ wt + hp + factor(cyl)"), d1(g2, "F")),
  glm_gamma_Chisq = c(list(formula = "mpg ~ wt + hp + factor(cyl)"), d1(g2, "Chisq")),
  glm_gaussian_F = c(list(formula = "mpg ~ wt + factor(am)"), d1(g3, "F")),
  glm_poisson_offset_Chisq = c(list(formula = "ncases ~ agegp + alcgp + offset(log(ncases + ncontrols))"), d1(g4, "Chisq"))))
