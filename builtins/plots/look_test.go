package plots

import (
	"fmt"
	"os"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/display"
)

func TestLook(t *testing.T) {
	if os.Getenv("LOOK") == "" {
		t.Skip()
	}
	f := datasets.MustLoad("faithful")
	mt := datasets.MustLoad("mtcars")
	ir := datasets.MustLoad("iris")
	ps := map[string]*Plot{
		"scatter": Scatter(f.Col("eruptions"), f.Col("waiting")).Fit().Title("Old Faithful").XLabel("eruptions (min)").YLabel("waiting (min)"),
		"hist":    Histogram(f.Col("waiting")).Title("Waiting times").XLabel("waiting (min)"),
		"density": Density(f.Col("eruptions")).Title("Eruption durations"),
		"box":     BoxPlot(ir.Col("Sepal.Length"), ir.Factor("Species")).Title("Sepal length by species"),
		"by":      ScatterBy(ir.Col("Sepal.Length"), ir.Col("Petal.Length"), ir.Factor("Species")),
		"bar":     BarCounts(mt.Factor("cyl")),
		"qq":      QQNorm(mt.Col("mpg")),
		"pairs":   Pairs(ir, "Sepal.Length", "Sepal.Width", "Petal.Length"),
	}
	for _, k := range []string{"scatter", "hist", "density", "box", "by", "bar", "qq", "pairs"} {
		p := ps[k]
		if p.Err() != nil {
			t.Fatal(p.Err())
		}
		fmt.Println(p)
		if os.Getenv("LOOK") == "ansi" {
			o := display.Plain
			o.Color = true
			fmt.Println(p.Display(o).ANSI)
		}
		if err := p.Save("/tmp/pl/" + k + ".png"); err != nil {
			t.Fatal(err)
		}
	}
}
