package report

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/notebooks"
)

// TestExamples runs the example scripts on the real in-process kernel and
// checks the three reports of each. Set GOSTAT_REPORT_DIR to keep them.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs example scripts")
	}
	out := os.Getenv("GOSTAT_REPORT_DIR")
	if out == "" {
		out = t.TempDir()
	}
	for _, ex := range []struct {
		name           string
		images, tables int // at least
	}{
		{"plots", 8, 0},
		{"data", 0, 4},
	} {
		t.Run(ex.name, func(t *testing.T) {
			nb, err := notebooks.ReadFile(filepath.Join("..", "..", "examples", ex.name+".gost"))
			if err != nil {
				t.Fatal(err)
			}
			k, err := kernel.NewSession(kernel.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer k.Close()
			rep, d := Run(context.Background(), k, nb, notebooks.Options{KeepGoing: true})
			if rep.Failed > 0 {
				t.Fatalf("%d cells failed", rep.Failed)
			}
			// The text forms are what the script recorded: reports use
			// the same layout as `gostat check`.
			for _, cr := range rep.Cells {
				if cr.Cell.HasOutput && !cr.Cell.IgnoreOutput && notebooks.Normalize(cr.Cell.Output) != notebooks.Normalize(cr.Got) {
					t.Errorf("cell %d: output differs from the recorded block", cr.Number)
				}
			}
			base := filepath.Join(out, ex.name)
			for _, ext := range []string{".html", ".md", ".ipynb"} {
				if err := d.WriteFile(base + ext); err != nil {
					t.Fatal(err)
				}
			}
			page, _ := os.ReadFile(base + ".html")
			f := checkHTML(t, page)
			if f.images < ex.images || f.tables < ex.tables || f.code != rep.Ran || f.failed != 0 {
				t.Errorf("HTML: %d images, %d tables, %d code cells (ran %d), %d failed", f.images, f.tables, f.code, rep.Ran, f.failed)
			}
			ipynb, _ := os.ReadFile(base + ".ipynb")
			checkNotebook(t, ipynb)
			if n := bytes.Count(ipynb, []byte(`"image/png"`)); n != f.images {
				t.Errorf("ipynb has %d images, HTML %d", n, f.images)
			}
			md, _ := os.ReadFile(base + ".md")
			links := regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(string(md), -1)
			if len(links) != f.images {
				t.Errorf("Markdown links %d images, HTML has %d", len(links), f.images)
			}
			for _, l := range links {
				b, err := os.ReadFile(filepath.Join(out, l[1]))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := png.Decode(bytes.NewReader(b)); err != nil {
					t.Errorf("%s: %v", l[1], err)
				}
			}
			if ex.tables > 0 && !strings.Contains(string(md), "|---") && !strings.Contains(string(md), "---:|") {
				t.Error("Markdown report has no tables")
			}
		})
	}
}
