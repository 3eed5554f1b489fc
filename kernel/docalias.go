package kernel

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Help for names people type without their package (?TTest), and for R's
// names (?t.test, ?lm, ?read.csv): Doc tries, when a name is not found as
// given, its R alias and then the name in each of DocPackages, and shows
// the first documented one under a line saying what it is for:
//
//	t.test (R) → stats.TTest
//	(see also: …)
//
// Every front end (line mode, notebook, remote kernel) gets this through
// Kernel.Doc.

// DocPackages are searched, in this order, for a name given without its
// package (TTest finds stats.TTest), then the types whose methods users
// call most.
var DocPackages = []string{"stats", "models", "ml", "plots", "frame", "datasets", "frame.Frame", "frame.Groups", "models.LM", "models.GLMFit"}

// RAliases map R (and pandas) functions to their gostat counterparts.
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

// docByAlias resolves name through RAliases and DocPackages with lookup.
func docByAlias(name string, lookup func(string) (string, bool)) (string, bool) {
	var found []string
	var text string
	if a, ok := RAliases[name]; ok {
		if d, ok := lookup(a); ok {
			found, text = append(found, a), d
		}
	}
	if !strings.Contains(name, ".") {
		for _, p := range DocPackages {
			c := p + "." + name
			if len(found) > 0 && found[0] == c {
				continue
			}
			if d, ok := lookup(c); ok {
				if len(found) == 0 {
					text = d
				}
				found = append(found, c)
			}
		}
	}
	if len(found) == 0 {
		return "", false
	}
	head := fmt.Sprintf("%s → %s\n", name, found[0])
	if _, ok := RAliases[name]; ok && found[0] == RAliases[name] {
		head = fmt.Sprintf("%s (R) → %s\n", name, found[0])
	}
	if len(found) > 1 {
		head += "(see also: " + strings.Join(found[1:], ", ") + ")\n"
	}
	return head + "\n" + text, true
}

// datasetsPath is the import path of the built-in data sets.
const datasetsPath = "github.com/gostat/gostat/builtins/datasets"

// docDataset is the description of a built-in data set (?mtcars), from
// datasets.Describe.
func docDataset(name string) (text string, ok bool) {
	v, found := packageSymbol(nil, datasetsPath, "Describe")
	if !found || v.Kind() != reflect.Func || v.Type().NumIn() != 1 || v.Type().In(0).Kind() != reflect.String || v.Type().NumOut() != 2 {
		return "", false
	}
	if !slices.Contains(datasetNames(nil, datasetsPath), name) {
		return "", false
	}
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	out := v.Call([]reflect.Value{reflect.ValueOf(name)})
	if !out[1].IsNil() {
		return "", false
	}
	info, isStr := out[0].Interface().(fmt.Stringer)
	if !isStr {
		return "", false
	}
	return fmt.Sprintf("data set %s: datasets.MustLoad(%q)\n\n%s\n", name, name, strings.TrimRight(info.String(), "\n")), true
}
