package models

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
)

// TestPrintedFormulaFeaturesLikeR compares gostat's printed summaries and
// ANOVA tables for ordered factors, cbind responses and offsets with R's
// (testdata/r/summaries_formula.txt, made by print_refs_formula.R):
// coefficient tables, deviance lines and ANOVA tables must be identical
// after trailing spaces.
func TestPrintedFormulaFeaturesLikeR(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "r", "summaries_formula.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := map[string][]string{}
	var cur string
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "=== end"):
			cur = ""
		case strings.HasPrefix(l, "=== "):
			cur = strings.TrimPrefix(l, "=== ")
		case cur != "":
			r[cur] = append(r[cur], strings.TrimRight(strings.ReplaceAll(l, "\t", "  "), " "))
		}
	}
	esoph, mt := loadDS(t, "esoph"), loadDS(t, "mtcars")
	wb := loadDS(t, "warpbreaks").AsOrdered("tension")
	m, err := GLM("cbind(ncases, ncontrols) ~ agegp + tobgp * alcgp", esoph, Binomial("logit"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := GLM("mpg ~ hp + wt + factor(cyl)", mt, Gamma("log"))
	if err != nil {
		t.Fatal(err)
	}
	anova := func(m *GLMFit, test string) display.Displayer {
		a, err := m.Anova(test)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	rate, err := GLM("ncases ~ agegp + alcgp + offset(log(ncases + ncontrols))", esoph, Poisson("log"))
	if err != nil {
		t.Fatal(err)
	}
	lmw := MustOLS("breaks ~ wool * tension", wb)
	drop := func(d1 func(string) (*AnovaTable, error), test string) display.Displayer {
		a, err := d1(test)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	g2, err := GLM("mpg ~ hp + wt + factor(cyl)", mt, Gamma("log"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		label string
		d     display.Displayer
		whole bool // compare the whole text from the first section on
	}{
		{"glm esoph cbind", m, false},
		{"anova glm esoph Chisq", anova(m, "Chisq"), true},
		{"anova glm esoph none", anova(m, ""), true},
		{"anova glm gamma F", anova(g, "F"), true},
		{"anova glm gamma Chisq", anova(g, "Chisq"), true},
		{"glm esoph rate offset", rate, false},
		{"lm offset", MustOLS("mpg ~ hp + offset(-3 * wt)", mt), false},
		{"lm warpbreaks ordered", lmw, false},
		{"anova lm warpbreaks ordered", lmw.Anova(), true},
		{"drop1 lm F", drop(MustOLS("mpg ~ wt + hp + factor(cyl)", mt).Drop1, "F"), true},
		{"drop1 glm esoph Chisq", drop(m.Drop1, "Chisq"), true},
		{"drop1 glm gamma F", drop(g2.Drop1, "F"), true},
		{"drop1 glm gamma Chisq", drop(g2.Drop1, "Chisq"), true},
	}
	for _, c := range cases {
		want, ok := r[c.label]
		if !ok {
			t.Fatalf("no R block %q", c.label)
		}
		got := strings.Split(c.d.Display(display.Plain).Text, "\n")
		for i := range got {
			got[i] = strings.TrimRight(got[i], " ")
		}
		if c.whole {
			start := "Analysis of"
			if strings.HasPrefix(c.label, "drop1") {
				start = "Single term"
			}
			w := section(want, start, "")
			g := section(got, start, "")
			for len(w) > 0 && w[len(w)-1] == "" {
				w = w[:len(w)-1]
			}
			for len(g) > 0 && g[len(g)-1] == "" {
				g = g[:len(g)-1]
			}
			if strings.Join(w, "\n") != strings.Join(g, "\n") {
				t.Errorf("%s:\nR:\n%s\ngostat:\n%s", c.label, strings.Join(w, "\n"), strings.Join(g, "\n"))
			}
			continue
		}
		for _, sec := range [][2]string{{"Coefficients:", "---"}, {"Residuals:", ""}, {"Deviance Residuals:", "Coefficients"}, {"Residual standard error", ""}, {"(Dispersion", ""}, {"    Null deviance", "Number of"}} {
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
