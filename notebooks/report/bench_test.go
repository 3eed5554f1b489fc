package report

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
)

// plotsDocument runs examples/plots.gost (eight plots, PNG at 144 dpi) on
// the in-process kernel.
func plotsDocument(b *testing.B) *Document {
	b.Helper()
	nb, err := notebooks.ReadFile(filepath.Join("..", "..", "examples", "plots.gost"))
	if err != nil {
		b.Fatal(err)
	}
	k, err := kernel.NewSession(kernel.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer k.Close()
	rep, d := Run(context.Background(), k, nb, notebooks.Options{KeepGoing: true})
	if rep.Failed > 0 {
		b.Fatalf("%d cells failed", rep.Failed)
	}
	return d
}

// go test ./notebooks/report -run '^$' -bench . -benchmem
func BenchmarkHTML(b *testing.B) {
	d := plotsDocument(b)
	b.ResetTimer()
	for b.Loop() {
		b.SetBytes(int64(len(d.HTML())))
	}
}

func BenchmarkMarkdown(b *testing.B) {
	d := plotsDocument(b)
	b.ResetTimer()
	for b.Loop() {
		d.Markdown("plots_files")
	}
}

func BenchmarkNotebook(b *testing.B) {
	d := plotsDocument(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.Notebook(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteAll writes the three reports (with fsync) into a temporary
// folder.
func BenchmarkWriteAll(b *testing.B) {
	d := plotsDocument(b)
	dir := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		for _, name := range []string{"r.html", "r.md", "r.ipynb"} {
			if err := d.WriteFile(filepath.Join(dir, name)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRunPlots runs the script itself with PNG forms (Graphics
// "image"), for comparison with a plain run.
func BenchmarkRunPlots(b *testing.B) {
	for _, graphics := range []string{"text", "image"} {
		b.Run(graphics, func(b *testing.B) {
			nb, err := notebooks.ReadFile(filepath.Join("..", "..", "examples", "plots.gost"))
			if err != nil {
				b.Fatal(err)
			}
			k, err := kernel.NewSession(kernel.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer k.Close()
			o := Options()
			o.Graphics = graphics
			for b.Loop() {
				Run(context.Background(), k, nb, notebooks.Options{Display: o, KeepGoing: true})
			}
		})
	}
}
