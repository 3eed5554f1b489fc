package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const reportScript = `// %% [markdown]
// # Waiting times
// Old Faithful, *two* ways.

// %%
f := datasets.MustLoad("faithful")
fmt.Println("rows:", f.NRows())
plots.Histogram(f.Col("waiting")).Title("Waiting")

// %%
f.Head(3)

// %%
undefinedThing
`

// TestRunReport: gostat run -report writes HTML, Markdown (with images
// beside it) and ipynb reports, also when a cell fails.
func TestRunReport(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "s.gost", reportScript)
	r := gostat(t, dir, "", "run", "-k", "-report", "out.html,out.md", "s.gost", "-report", "nb.ipynb")
	if r.code != exitFail || !strings.Contains(r.stderr, "undefined") {
		t.Fatalf("exit %d (want %d for the failing cell)\nstderr: %s", r.code, exitFail, r.stderr)
	}
	for _, f := range []string{"out.html", "out.md", "nb.ipynb"} {
		if !strings.Contains(r.stderr, "wrote "+f) {
			t.Errorf("no \"wrote %s\" in %q", f, r.stderr)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "out.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`src="data:image/png;base64,([^"]+)"`).FindAllSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("%d inline images", len(m))
	}
	raw, _ := base64.StdEncoding.DecodeString(string(m[0][1]))
	if _, err := png.Decode(bytes.NewReader(raw)); err != nil {
		t.Fatalf("image: %v", err)
	}
	for _, want := range []string{"<h1>Waiting times</h1>", "<em>two</em>", "rows: 272", "<table>", `class="error"`, "undefinedThing"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "out.md"))
	if !bytes.Contains(md, []byte("](out_files/cell1-1.png)")) || !bytes.Contains(md, []byte("```go\nf := datasets.MustLoad")) {
		t.Errorf("Markdown:\n%s", md)
	}
	if _, err := os.Stat(filepath.Join(dir, "out_files", "cell1-1.png")); err != nil {
		t.Error(err)
	}
	var nb struct {
		NBFormat      int `json:"nbformat"`
		NBFormatMinor int `json:"nbformat_minor"`
		Metadata      struct {
			KernelSpec struct{ Name, Language string }
		}
		Cells []struct {
			CellType string `json:"cell_type"`
			Outputs  []struct {
				OutputType string `json:"output_type"`
			}
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "nb.ipynb"))
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	if nb.NBFormat != 4 || nb.NBFormatMinor != 5 || nb.Metadata.KernelSpec.Name != "gostat" || len(nb.Cells) != 4 {
		t.Fatalf("notebook %+v", nb)
	}
	if o := nb.Cells[3].Outputs; len(o) != 1 || o[0].OutputType != "error" {
		t.Errorf("failed cell outputs %+v", o)
	}

	// A name that is not a report format is refused before anything runs.
	r = gostat(t, dir, "", "run", "-report", "out.pdf", "s.gost")
	if r.code != exitUsage || !strings.Contains(r.stderr, ".html, .md or .ipynb") || r.stdout != "" {
		t.Errorf("bad report name: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
}
