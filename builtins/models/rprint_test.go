package models

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
)

// rBlocks reads testdata/r/summaries.txt (R's printed summaries, made by
// print_refs.R) into label -> lines.
func rBlocks(t *testing.T) map[string][]string {
	b, err := os.ReadFile(filepath.Join("testdata", "r", "summaries.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	var cur string
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "=== end"):
			cur = ""
		case strings.HasPrefix(l, "=== "):
			cur = strings.TrimPrefix(l, "=== ")
		case cur != "":
			// R separates the two R² values by a tab; gostat uses two spaces
			out[cur] = append(out[cur], strings.TrimRight(strings.ReplaceAll(l, "\t", "  "), " "))
		}
	}
	return out
}

// section returns the lines from the one starting with start up to (not
// including) the first line starting with stop.
func section(lines []string, start, stop string) []string {
	var out []string
	in := false
	for _, l := range lines {
		if strings.HasPrefix(l, start) {
			in = true
		}
		if in && stop != "" && strings.HasPrefix(l, stop) && len(out) > 0 {
			break
		}
		if in {
			out = append(out, l)
		}
	}
	return out
}

// TestPrintedLikeR compares gostat's summaries with R's printed text: the
// coefficient tables, residual quantiles and the closing lines must be
// identical (after trailing spaces).
func TestPrintedLikeR(t *testing.T) {
	r := rBlocks(t)
	type cse struct {
		label string
		text  string
	}
	var cases []cse
	add := func(label string, d display.Displayer) {
		cases = append(cases, cse{label, d.Display(display.Plain).Text})
	}
	mt, iris, ins, aq := loadDS(t, "mtcars"), loadDS(t, "iris"), loadDS(t, "InsectSprays"), loadDS(t, "airquality")
	add("lm mpg ~ wt + hp", MustOLS("mpg ~ wt + hp", mt))
	add("lm mpg ~ wt * factor(am)", MustOLS("mpg ~ wt * factor(am)", mt))
	add("lm Sepal.Length ~ Petal.Length * Species", MustOLS("Sepal.Length ~ Petal.Length * Species", iris))
	add("lm Ozone ~ Solar.R + Wind + Temp", MustOLS("Ozone ~ Solar.R + Wind + Temp", aq))
	g1, _ := GLM("am ~ wt + hp", mt, Binomial("logit"))
	g2, _ := GLM("count ~ spray", ins, Poisson("log"))
	g3, _ := GLM("mpg ~ wt + hp", mt, Gamma("inverse"))
	add("glm am ~ wt + hp binomial", g1)
	add("glm count ~ spray poisson", g2)
	add("glm mpg ~ wt + hp Gamma", g3)
	add("anova mpg ~ wt + factor(cyl)", MustOLS("mpg ~ wt + factor(cyl)", mt).Anova())
	add("lm mpg ~ wt + factor(cyl)", MustOLS("mpg ~ wt + factor(cyl)", mt))
	cmp, _ := CompareLM(MustOLS("mpg ~ wt", mt), MustOLS("mpg ~ wt + factor(cyl)", mt), MustOLS("mpg ~ wt * factor(cyl)", mt))
	add("compare mpg ~ wt / + factor(cyl) / * factor(cyl)", cmp)
	add("confint mpg ~ wt + hp", MustOLS("mpg ~ wt + hp", mt).ConfInt(0.95))
	ga, _ := GLM("am ~ wt", mt, Binomial("logit"))
	gc, _ := GLM("am ~ wt * hp", mt, Binomial("logit"))
	gcmp, _ := CompareGLM(ga, g1, gc)
	add("glm compare am", gcmp)
	for _, c := range cases {
		want := r[c.label]
		got := strings.Split(c.text, "\n")
		for _, sec := range [][2]string{{"Coefficients:", "---"}, {"Residuals:", ""}, {"Deviance Residuals:", "Coefficients"}, {"Residual standard error", ""}, {"(Dispersion", ""}, {"    Null deviance", "Number of"}, {"Response:", "---"}, {"  Res.Df", "---"}, {"  Resid. Df", "---"}, {"      ", ""}} {
			w := section(want, sec[0], sec[1])
			g := section(got, sec[0], sec[1])
			if len(w) == 0 {
				continue
			}
			if sec[1] == "" {
				w, g = w[:min(len(w), 3)], g[:min(len(g), 3)]
			}
			if strings.Join(w, "\n") != strings.Join(g, "\n") {
				t.Errorf("%s, section %q:\nR:\n%s\ngostat:\n%s", c.label, sec[0], strings.Join(w, "\n"), strings.Join(g, "\n"))
			}
		}
	}
}
