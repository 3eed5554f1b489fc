# R's printed output for the formula features (R 4.2.2), to check gostat's
# layout:  Rscript print_refs_formula.R > summaries_formula.txt
show <- function(label, x) { cat("=== ", label, "\n", sep = ""); print(x); cat("=== end\n") }
wb <- warpbreaks; wb$tension <- ordered(wb$tension)
m <- glm(cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp, data = esoph, family = binomial())
show("glm esoph cbind", summary(m))
show("anova glm esoph Chisq", anova(m, test = "Chisq"))
show("anova glm esoph none", anova(m))
g <- glm(mpg ~ hp + wt + factor(cyl), family = Gamma(link = "log"), data = mtcars)
show("anova glm gamma F", anova(g, test = "F"))
show("anova glm gamma Chisq", anova(g, test = "Chisq"))
show("glm esoph rate offset", summary(glm(ncases ~ agegp + alcgp + offset(log(ncases + ncontrols)), family = poisson, data = esoph)))
show("lm offset", summary(lm(mpg ~ hp + offset(-3 * wt), mtcars)))
show("lm warpbreaks ordered", summary(lm(breaks ~ wool * tension, wb)))
show("anova lm warpbreaks ordered", anova(lm(breaks ~ wool * tension, wb)))
show("drop1 lm F", drop1(lm(mpg ~ wt + hp + factor(cyl), mtcars), test = "F"))
show("drop1 glm esoph Chisq", drop1(m, test = "Chisq"))
show("drop1 glm gamma F", drop1(g, test = "F"))
show("drop1 glm gamma Chisq", drop1(g, test = "Chisq"))
