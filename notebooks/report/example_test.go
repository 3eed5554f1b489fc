package report_test

import (
	"fmt"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
	"github.com/gostat/gostat/notebooks/report"
)

func ExampleNew() {
	nb, _ := notebooks.Parse("tour.gost", []byte("// %% [markdown]\n// # Tour\n\n// %%\nx := 6 * 7\nx\n"))
	// The results of the code cells that ran, in order (from
	// notebooks.Run, or kernel.Kernel.Eval).
	results := []kernel.Result{{Displays: []display.Bundle{display.Text("value", "42")}}}
	md, _ := report.New(nb, results).Markdown("tour_files")
	fmt.Print(string(md))
	// (report.Write("tour.html", nb, results) writes the HTML page.)

	// Output:
	// # Tour
	//
	// ```go
	// x := 6 * 7
	// x
	// ```
	//
	// ```
	// 42
	// ```
}
