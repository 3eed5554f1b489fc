package report_test

import (
	"context"
	"fmt"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote/fakekernel"
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

func ExampleRun() {
	nb, _ := notebooks.Parse("demo.gost", []byte("// %% [markdown]\n// # Demo\n\n// %%\nprint hello\nshow a table\nprint bye\n"))
	// Any kernel.Kernel: kernel.NewSession for the real interpreter, here
	// the scripted fake kernel of the tests.
	k := fakekernel.New()
	rep, doc := report.Run(context.Background(), k, nb, notebooks.Options{})
	fmt.Println("ran", rep.Ran, "cells; report title:", doc.Title)
	md, _ := doc.Markdown("demo_files")
	fmt.Print(string(md))
	// doc.WriteFile("demo.html") writes the HTML page, "demo.ipynb" a notebook.

	// Output:
	// ran 1 cells; report title: Demo
	// # Demo
	//
	// ```go
	// print hello
	// show a table
	// print bye
	// ```
	//
	// ```
	// hello
	// ```
	//
	// ```
	// a table
	// ```
	//
	// ```
	// bye
	// ```
}
