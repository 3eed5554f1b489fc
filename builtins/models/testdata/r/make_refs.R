# Extra R reference cases for builtins/models (R 4.2.2). Run from this directory:
#   Rscript make_refs.R
# Data come from ../../../../../shared/reference/datasets (the same CSVs gostat embeds).
ref <- "../../../../../shared/reference"
source(file.path(ref, "r", "_json.R")); source(file.path(ref, "r", "_models.R"))
ds <- function(name) read.csv(file.path(ref, "datasets", paste0(name, ".csv")), stringsAsFactors = TRUE)
out <- function(case, obj) writeLines(to_json(c(list(case = case, engine = "R", engine_version = R.version.string), obj)), paste0(case, ".json"))
anova_ref <- function(m) { a <- anova(m); list(terms = arr(rownames(a)), df = a[["Df"]], sum_sq = a[["Sum Sq"]], f_value = a[["F value"]], p_value = a[["Pr(>F)"]]) }
mtcars <- ds("mtcars"); iris <- ds("iris"); airquality <- ds("airquality")
InsectSprays <- ds("InsectSprays"); warpbreaks <- ds("warpbreaks")
warpbreaks$tension <- factor(warpbreaks$tension, levels = c("L", "M", "H"))

lmcase <- function(case, formula, data, ...) {
  m <- lm(as.formula(formula), data = data, ...)
  r <- lm_ref(m); r$anova_type1 <- anova_ref(m)
  r$aliased <- arr(names(coef(m))[is.na(coef(m))])
  r$coef_all <- arr(unname(coef(m))); r$coef_names <- arr(names(coef(m)))
  r$n_deleted <- length(m$na.action)
  r$hat <- arr(unname(hatvalues(m))); r$cooks <- arr(unname(cooks.distance(m))); r$rstandard <- arr(unname(rstandard(m)))
  out(case, c(list(formula = formula), r))
}
lmcase("lm_iris_interaction", "Sepal.Length ~ Petal.Length * Species", iris)
lmcase("lm_airquality_na", "Ozone ~ Solar.R + Wind + Temp", airquality)
lmcase("lm_mtcars_transforms", "mpg ~ log(hp) + wt + I(wt^2)", mtcars)
lmcase("lm_mtcars_nointercept", "mpg ~ 0 + wt + factor(am)", mtcars)
lmcase("lm_mtcars_wls", "mpg ~ wt + hp", mtcars, weights = mtcars$cyl)
lmcase("lm_mtcars_interaction_numeric", "mpg ~ wt * hp", mtcars)

# aliased coefficient (R's lm keeps the first of a dependent set)
mtcars$wt2 <- 2 * mtcars$wt
m <- lm(mpg ~ wt + hp + wt2, data = mtcars)
out("lm_mtcars_aliased", list(formula = "mpg ~ wt + hp + wt2", coef_names = arr(names(coef(m))), coef_all = arr(unname(coef(m))),
  std_errors = arr(unname(summary(m)$coefficients[, 2])), rank = m$rank, r_squared = summary(m)$r.squared))

# nested model comparison
m1 <- lm(mpg ~ wt, mtcars); m2 <- lm(mpg ~ wt + factor(cyl), mtcars); m3 <- lm(mpg ~ wt * factor(cyl), mtcars)
a <- anova(m1, m2, m3)
out("lm_compare_mtcars", list(formulas = arr(c("mpg ~ wt", "mpg ~ wt + factor(cyl)", "mpg ~ wt * factor(cyl)")),
  res_df = a[["Res.Df"]], rss = a[["RSS"]], df = a[["Df"]], sum_sq = a[["Sum of Sq"]], f = a[["F"]], p = a[["Pr(>F)"]]))

# predictions with intervals
m <- lm(mpg ~ wt + hp, mtcars); nd <- data.frame(wt = c(2.5, 3.5, 5), hp = c(100, 150, 300))
pc <- predict(m, nd, interval = "confidence", se.fit = TRUE); pp <- predict(m, nd, interval = "prediction")
out("lm_predict_mtcars", list(formula = "mpg ~ wt + hp", new_wt = nd$wt, new_hp = nd$hp, fit = arr(unname(pc$fit[, 1])), se_fit = arr(unname(pc$se.fit)),
  conf_lwr = arr(unname(pc$fit[, 2])), conf_upr = arr(unname(pc$fit[, 3])), pred_lwr = arr(unname(pp[, 2])), pred_upr = arr(unname(pp[, 3]))))

# diagnostics (computed from their definitions: VIF = 1/(1-R2_j); Breusch-Pagan studentized (Koenker) = n R2 of e^2 on X,
# as lmtest::bptest(studentize = TRUE); Durbin-Watson; Jarque-Bera with biased moments; kappa exact of scaled X)
m <- lm(mpg ~ wt + hp + disp, mtcars); X <- model.matrix(m); e <- residuals(m); n <- nrow(X)
vif <- sapply(colnames(X)[-1], function(v) { o <- setdiff(colnames(X)[-1], v); 1 / (1 - summary(lm(X[, v] ~ X[, o]))$r.squared) })
aux <- lm(e^2 ~ X[, -1]); bp <- n * summary(aux)$r.squared
dw <- sum(diff(e)^2) / sum(e^2)
m2 <- mean((e - mean(e))^2); s3 <- mean((e - mean(e))^3) / m2^1.5; k4 <- mean((e - mean(e))^4) / m2^2
jb <- n / 6 * (s3^2 + (k4 - 3)^2 / 4)
out("lm_diagnostics_mtcars", list(formula = "mpg ~ wt + hp + disp", vif = vif, bp_statistic = bp, bp_df = ncol(X) - 1, bp_p = pchisq(bp, ncol(X) - 1, lower.tail = FALSE),
  dw = dw, jb_statistic = jb, jb_p = pchisq(jb, 2, lower.tail = FALSE), skewness = s3, kurtosis = k4,
  hat = arr(unname(hatvalues(m))), cooks = arr(unname(cooks.distance(m))), rstandard = arr(unname(rstandard(m))), rstudent = arr(unname(rstudent(m)))))

glmcase <- function(case, formula, family, data) {
  m <- glm(as.formula(formula), family = family, data = data)
  t <- glm(as.formula(formula), family = family, data = data, control = glm.control(epsilon = 1e-14, maxit = 100))
  r <- glm_ref(m)
  r$tight <- list(coefficients = arr(unname(coef(t))), std_errors = arr(unname(summary(t)$coefficients[, 2])), deviance = deviance(t))
  r$converged <- m$converged
  out(case, c(list(formula = formula), r))
}
glmcase("glm_poisson_insectsprays", "count ~ spray", poisson, InsectSprays)
glmcase("glm_poisson_warpbreaks", "breaks ~ wool + tension", poisson, warpbreaks)
glmcase("glm_gamma_log_mtcars", "mpg ~ wt + hp", Gamma(link = "log"), mtcars)
glmcase("glm_gamma_inverse_mtcars", "mpg ~ wt + hp", Gamma, mtcars)
glmcase("glm_probit_mtcars", "am ~ wt + hp", binomial(link = "probit"), mtcars)
glmcase("glm_cloglog_mtcars", "vs ~ mpg", binomial(link = "cloglog"), mtcars)
glmcase("glm_gaussian_mtcars", "mpg ~ wt + hp", gaussian, mtcars)

# perfect separation: R warns "fitted probabilities numerically 0 or 1 occurred"
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8), y = c(0, 0, 0, 0, 1, 1, 1, 1))
w <- NULL; m <- withCallingHandlers(glm(y ~ x, binomial, d), warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
out("glm_separation", list(x = d$x, y = d$y, warnings = arr(w), converged = m$converged, iterations = m$iter, coefficients = arr(unname(coef(m)))))

# nls on mtcars. R's nls stops at a relative offset of 1e-5 and fails for tol < 1e-8, so the
# precise reference solves the normal equation of the profile RSS in b (a is linear given b) with uniroot.
tight_exp <- function() {
  x <- mtcars$wt; y <- mtcars$mpg
  ahat <- function(b) { e <- exp(b * x); sum(y * e) / sum(e^2) }
  g <- function(b) { e <- exp(b * x); a <- ahat(b); sum((y - a * e) * a * x * e) }
  b <- uniroot(g, c(-0.5, -0.1), tol = 1e-15)$root; a <- ahat(b); e <- exp(b * x)
  J <- cbind(e, a * x * e); s <- sqrt(sum((y - a * e)^2) / (length(y) - 2))
  list(coefficients = c(a = a, b = b), std_errors = setNames(s * sqrt(diag(solve(crossprod(J)))), c("a", "b")), sigma = s)
}
m <- nls(mpg ~ a * exp(b * wt), data = mtcars, start = list(a = 40, b = -0.3))
s <- summary(m)
out("nls_mtcars_exp", list(formula = "mpg ~ a * exp(b * wt)", start = list(a = 40, b = -0.3), coefficients = coef(m), std_errors = s$coefficients[, 2],
  t_values = s$coefficients[, 3], p_values = s$coefficients[, 4], sigma = s$sigma, df = s$df[2], rss = deviance(m),
  tight = tight_exp()))

# binomial with prior weights (proportions of cases, weights = group sizes), as glm(cbind(ncases, ncontrols) ~ ...)
esoph <- ds("esoph")
esoph$alcgp <- factor(esoph$alcgp, levels = c("0-39g/day", "40-79", "80-119", "120+"))
esoph$agegp <- factor(esoph$agegp, levels = c("25-34", "35-44", "45-54", "55-64", "65-74", "75+"))
esoph$n <- esoph$ncases + esoph$ncontrols; esoph$p <- esoph$ncases / esoph$n
m <- glm(p ~ agegp + alcgp, family = binomial, data = esoph, weights = n)
r <- glm_ref(m); r$converged <- m$converged
out("glm_binomial_weights_esoph", c(list(formula = "p ~ agegp + alcgp"), r))

# GLM predictions on link and response scales with standard errors
m <- glm(am ~ wt + hp, family = binomial, data = mtcars); nd <- data.frame(wt = c(2.5, 3.2, 4), hp = c(110, 150, 200))
pl <- predict(m, nd, type = "link", se.fit = TRUE); pr <- predict(m, nd, type = "response", se.fit = TRUE)
out("glm_predict_mtcars", list(formula = "am ~ wt + hp", new_wt = nd$wt, new_hp = nd$hp,
  link = arr(unname(pl$fit)), link_se = arr(unname(pl$se.fit)), response = arr(unname(pr$fit)), response_se = arr(unname(pr$se.fit))))

# profile-likelihood confidence intervals (MASS's confint.glm, the default confint for glm in R 4.2)
suppressMessages(library(MASS))
m <- glm(am ~ wt + hp, family = binomial, data = mtcars); ci <- suppressMessages(confint(m))
m2 <- glm(count ~ spray, family = poisson, data = InsectSprays); ci2 <- suppressMessages(confint(m2))
out("glm_profile_ci", list(binomial = list(formula = "am ~ wt + hp", lower = ci[, 1], upper = ci[, 2]),
  poisson = list(formula = "count ~ spray", lower = ci2[, 1], upper = ci2[, 2])))

# Poisson with an offset (rate per unit of wt); null deviance refitted with the offset, as R does
m <- glm(carb ~ hp + factor(am), family = poisson, data = mtcars, offset = log(wt))
r <- glm_ref(m); out("glm_poisson_offset_mtcars", c(list(formula = "carb ~ hp + factor(am)", offset = "log(wt)"), r))

# orthogonal and raw polynomials (poly), with predictions on new data
m <- lm(mpg ~ poly(wt, 3) + hp, data = mtcars); nd <- data.frame(wt = c(2, 3.3, 5), hp = c(100, 150, 250))
r <- lm_ref(m); r$predict_new <- arr(unname(predict(m, nd))); r$new_wt <- nd$wt; r$new_hp <- nd$hp
out("lm_poly_mtcars", c(list(formula = "mpg ~ poly(wt, 3) + hp"), r))
m <- lm(mpg ~ poly(wt, 2, raw = TRUE), data = mtcars)
out("lm_polyraw_mtcars", c(list(formula = "mpg ~ poly(wt, 2, raw = TRUE)"), lm_ref(m)))

# factor response (first level "No" = failure), as glm does
Pima_tr <- ds("Pima_tr")
m <- glm(type ~ glu + bmi + age, family = binomial, data = Pima_tr)
r <- glm_ref(m); out("glm_factor_response_pima", c(list(formula = "type ~ glu + bmi + age"), r))

# "." for all other columns
Boston <- ds("Boston")
lmcase("lm_boston_dot", "medv ~ .", Boston)

# GLM influence: leverages, Cook's distances, standardized deviance residuals
m <- glm(count ~ spray, family = poisson, data = InsectSprays)
m2 <- glm(mpg ~ wt + hp, family = Gamma(link = "log"), data = mtcars)
out("glm_influence", list(poisson = list(formula = "count ~ spray", hat = arr(unname(hatvalues(m))), cooks = arr(unname(cooks.distance(m))), rstandard = arr(unname(rstandard(m)))),
  gamma = list(formula = "mpg ~ wt + hp", hat = arr(unname(hatvalues(m2))), cooks = arr(unname(cooks.distance(m2))), rstandard = arr(unname(rstandard(m2))))))
