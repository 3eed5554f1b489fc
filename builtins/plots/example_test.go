package plots_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gostat/gostat/builtins/plots"
	"github.com/gostat/gostat/display"
)

func ExampleBoxPlot() {
	y := []float64{4.1, 4.6, 5.0, 5.2, 5.4, 5.9, 6.1, 6.3, 6.4, 6.9, 7.2, 9.8}
	g := []string{"a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"}
	p := plots.BoxPlot(y, g).XLabel("value")
	fmt.Print(p.Display(display.Options{Width: 60, Height: 14, Unicode: true}).Text)
	// Output:
	//   │      ┌───┯──┐
	// a ┤  ├───┤   ┃  ├───┤
	//   │      └───┷──┘
	//   │
	//   │                    ┌──┯────┐
	// b ┤                  ├─┤  ┃    ├                    •
	//   │                    └──┷────┘
	//   └─┬───────┬────────┬───────┬───────┬────────┬───────┬
	//     4       5        6       7       8        9      10
	//                           value
}

func ExampleHistogram() {
	x := []float64{1.2, 2.3, 2.7, 3.1, 3.3, 3.8, 4.0, 4.4, 5.1, 6.3}
	p := plots.Histogram(x).XLabel("x")
	o := display.Options{Width: 50, Height: 12, Unicode: false} // ASCII
	fmt.Print(p.Display(o).Text)
	// Output:
	// Frequency
	// 4 +               #####
	//   |               #####
	//   |               #####
	// 2 +        ###### #####
	//   |  ##### ###### ##### ##### ###### ######
	// 0 +  ##### ###### ##### ##### ###### ######
	//   +--------+------------+-----------+--------
	//            2            4           6
	//                        x
}

func ExamplePlot_Save() {
	dir, _ := os.MkdirTemp("", "plots")
	defer os.RemoveAll(dir)
	p := plots.Scatter([]float64{1, 2, 3, 4}, []float64{2, 4, 5, 8}).Fit().Title("y against x")
	for _, name := range []string{"fit.png", "fit.svg", "fit.pdf"} {
		err := p.Save(filepath.Join(dir, name), plots.Size(5, 3.5), plots.DPI(100))
		fmt.Println(name, err)
	}
	// Output:
	// fit.png <nil>
	// fit.svg <nil>
	// fit.pdf <nil>
}
