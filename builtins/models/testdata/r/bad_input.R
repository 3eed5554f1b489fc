# R 4.2 behaviour on bad input that gostat turns into errors (TestBadInputErrors).
# Run: Rscript bad_input.R > bad_input.Rout 2>&1
d <- data.frame(y = c(1, 3, Inf, 4), x = c(2, 5, 6, 8))
try(lm(y ~ x, d))                        # NA/NaN/Inf in 'y'
d2 <- data.frame(y = c(1, 3, 2, 4), x = c(2, Inf, 6, 8))
try(lm(y ~ x, d2))                       # NA/NaN/Inf in 'x'
try(glm(am ~ wt, poisson(link = "logit"), mtcars))  # fails inside linkfun
try(lm(y ~ x, data.frame(y = numeric(0), x = numeric(0))))  # 0 (non-NA) cases
try(lm(y ~ x, data.frame(y = 1:4, x = NA_real_)))           # 0 (non-NA) cases
coef(lm(mpg ~ wt, mtcars, weights = rep(0, 32)))  # R: NA NA, no error; gostat refuses
try(predict(lm(mpg ~ wt + hp, mtcars), data.frame(wt = 3)))  # object 'hp' not found
