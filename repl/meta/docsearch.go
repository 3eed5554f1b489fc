package meta

import (
	"slices"
	"strings"

	"github.com/gostat/gostat/kernel"
)

// DocPackages are searched, in this order, for a name given without its
// package (?TTest finds stats.TTest), then the types whose methods users
// call most.
var DocPackages = []string{"stats", "models", "ml", "plots", "frame", "datasets", "frame.Frame", "frame.Groups", "models.LM", "models.GLMFit"}

// RAliases map the R functions people ask help for to gostat's
// counterparts (?t.test opens stats.TTest).
var RAliases = map[string]string{
	"t.test": "stats.TTest", "wilcox.test": "stats.WilcoxTest2", "chisq.test": "stats.ChisqTest",
	"fisher.test": "stats.FisherTest", "cor.test": "stats.CorTest", "shapiro.test": "stats.ShapiroTest",
	"kruskal.test": "stats.KruskalTest", "aov": "stats.ANOVA", "anova": "models.CompareLM",
	"TukeyHSD": "stats.TukeyHSD", "p.adjust": "stats.PAdjust", "quantile": "stats.Quantiles",
	"mean": "stats.Mean", "median": "stats.Median",
	"sd": "stats.SD", "var": "stats.Var", "cor": "stats.Cor", "table": "stats.CrossTab", "xtabs": "stats.CrossTabOf",
	"summary": "frame.Frame.Describe", "str": "frame.Frame.Profile", "head": "frame.Frame.Head",
	"lm": "models.OLS", "glm": "models.GLM", "nls": "models.NLSFormula", "predict": "models.LM.Predict",
	"confint": "models.LM.ConfInt", "AIC": "models.LM.AIC",
	"read.csv": "frame.ReadCSV", "read_csv": "frame.ReadCSV", "merge": "frame.Frame.Join",
	"aggregate": "frame.Frame.GroupBy", "tapply": "frame.Frame.GroupBy", "groupby": "frame.Frame.GroupBy",
	"hist": "plots.Histogram", "plot": "plots.Scatter", "boxplot": "plots.BoxPlot", "qqnorm": "plots.QQNorm",
	"pairs": "plots.Pairs", "power.t.test": "stats.PowerTTest", "kmeans": "ml.NewKMeans", "prcomp": "ml.NewPCA",
	"randomForest": "ml.NewRandomForestClassifier", "glmnet": "models.CVPenalized", "cv.glmnet": "models.CVPenalized",
}

// DocCandidates are the names tried, in order, for help on name: the name
// itself, its R alias, the name in each of DocPackages, and for var.Method
// the method of the variable's type (from vars, the session's variables).
// Every front end searches help this way.
func DocCandidates(name string, vars []kernel.Var) []string {
	if name == "" {
		return nil
	}
	out := []string{name}
	if a, ok := RAliases[name]; ok {
		out = append(out, a)
	}
	head, rest, dotted := strings.Cut(name, ".")
	if !dotted {
		for _, p := range DocPackages {
			out = append(out, p+"."+name)
		}
		return out
	}
	for _, v := range vars {
		if v.Name == head {
			t := strings.TrimLeft(v.Type, "*")
			if strings.Contains(t, ".") {
				out = append(out, t+"."+rest)
			}
		}
	}
	return out
}

// FindDoc looks up help on name through DocCandidates: found is the name
// documented (stats.TTest for "t.test"), text its documentation, and also
// the other candidates the kernel documents too (for "Mean": frame.Frame.Mean
// and frame.Groups.Mean besides stats.Mean).
func FindDoc(k kernel.Kernel, name string, vars []kernel.Var) (found, text string, also []string, ok bool) {
	for _, c := range DocCandidates(name, vars) {
		if c == found {
			continue
		}
		t, has := k.Doc(c)
		switch {
		case !has:
		case !ok:
			found, text, ok = c, t, true
		case !slices.Contains(also, c):
			also = append(also, c)
		}
	}
	return found, text, also, ok
}
