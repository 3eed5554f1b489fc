# R's printed summaries, to check gostat's layout of coefficient tables (R 4.2.2):
#   Rscript print_refs.R > summaries.txt
ref <- "../../../../../shared/reference"
ds <- function(name) read.csv(file.path(ref, "datasets", paste0(name, ".csv")), stringsAsFactors = TRUE)
mtcars <- ds("mtcars"); iris <- ds("iris"); InsectSprays <- ds("InsectSprays"); airquality <- ds("airquality")
show <- function(label, x) { cat("=== ", label, "\n", sep = ""); print(x); cat("=== end\n") }
show("lm mpg ~ wt + hp", summary(lm(mpg ~ wt + hp, mtcars)))
show("lm mpg ~ wt * factor(am)", summary(lm(mpg ~ wt * factor(am), mtcars)))
show("lm Sepal.Length ~ Petal.Length * Species", summary(lm(Sepal.Length ~ Petal.Length * Species, iris)))
show("lm Ozone ~ Solar.R + Wind + Temp", summary(lm(Ozone ~ Solar.R + Wind + Temp, airquality)))
show("glm am ~ wt + hp binomial", summary(glm(am ~ wt + hp, binomial, mtcars)))
show("glm count ~ spray poisson", summary(glm(count ~ spray, poisson, InsectSprays)))
show("glm mpg ~ wt + hp Gamma", summary(glm(mpg ~ wt + hp, Gamma, mtcars)))
show("anova mpg ~ wt + factor(cyl)", anova(lm(mpg ~ wt + factor(cyl), mtcars)))
show("lm mpg ~ wt + factor(cyl)", summary(lm(mpg ~ wt + factor(cyl), mtcars)))
show("compare mpg ~ wt / + factor(cyl) / * factor(cyl)", anova(lm(mpg ~ wt, mtcars), lm(mpg ~ wt + factor(cyl), mtcars), lm(mpg ~ wt * factor(cyl), mtcars)))
show("confint mpg ~ wt + hp", confint(lm(mpg ~ wt + hp, mtcars)))
show("glm compare am", anova(glm(am ~ wt, binomial, mtcars), glm(am ~ wt + hp, binomial, mtcars), glm(am ~ wt * hp, binomial, mtcars), test = "Chisq"))
