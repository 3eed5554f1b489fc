# logLik, AIC, BIC of nls fits (R's logLik.nls), and the NA rows nls drops
# from airquality (37). Checked by TestNLSLogLikR.
# Run: Rscript nls_loglik.R > nls_loglik.Rout
options(digits = 15)
n <- nls(Ozone ~ a * exp(b * Temp), airquality, start = list(a = 1, b = 0.05),
         control = nls.control(tol = 1e-9))
print(c(coef(n), AIC = AIC(n), BIC = BIC(n), logLik = as.numeric(logLik(n)), dropped = length(na.action(n))))
m <- nls(mpg ~ a * exp(b * wt) + c, mtcars, start = list(a = 40, b = -0.3, c = 0))
print(c(AIC = AIC(m), BIC = BIC(m), logLik = as.numeric(logLik(m))))
