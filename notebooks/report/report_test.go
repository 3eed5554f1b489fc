package report

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote/fakekernel"
	"github.com/gostat/gostat/notebooks"
)

func parse(t *testing.T, src string) *notebooks.Notebook {
	t.Helper()
	nb, err := notebooks.Parse("demo.gost", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

// imageKernel is the fake kernel plus a command "image" that ends the cell
// with a plot display carrying a real 300×200 PNG, and "table" that ends
// it with a display.Table.
type imageKernel struct {
	*fakekernel.Kernel
	opts display.Options
}

func (k *imageKernel) SetOptions(o display.Options) { k.opts = o; k.Kernel.SetOptions(o) }

func (k *imageKernel) Eval(ctx context.Context, src string, on func(kernel.Event)) kernel.Result {
	var extra []display.Bundle
	var keep []string
	for _, l := range strings.Split(src, "\n") {
		switch strings.TrimSpace(l) {
		case "image":
			b := display.Bundle{Kind: "plot", Text: "  Demo plot\n  ⠁⠂⠄\n"}
			if k.opts.Graphics == "image" {
				b.PNG = testPNG()
			}
			extra = append(extra, b)
		case "table":
			tb := &display.Table{Title: "a <table>", Headers: []string{"x", "y|z"}, Rows: [][]string{{"1", "<b>2</b>"}}}
			extra = append(extra, tb.Bundle("frame", k.opts))
		default:
			keep = append(keep, l)
		}
	}
	r := k.Kernel.Eval(ctx, strings.Join(keep, "\n"), on)
	if r.Err == nil {
		r.Displays = append(r.Displays, extra...)
	}
	return r
}

func testPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for x := 0; x < 300; x++ {
		img.Set(x, x*2/3, color.RGBA{200, 0, 0, 255})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

const demo = `// %% [markdown]
// # Demo *report*
// Prose with <b>tags</b> and ` + "`code`" + `.

// %%
print first <line>
show shown mid-cell
print second
value final

// %%
//gostat:ignore-output
image

// %%

// %%
table

// %%
print before
fail something broke

// %%
print never
`

func runDemo(t *testing.T, keepGoing bool) (*notebooks.Report, *Document) {
	t.Helper()
	k := &imageKernel{Kernel: fakekernel.New()}
	return Run(context.Background(), k, parse(t, demo), notebooks.Options{KeepGoing: keepGoing})
}

func TestRunKeepsOrder(t *testing.T) {
	rep, d := runDemo(t, false)
	if !rep.Stopped || rep.Failed != 1 {
		t.Fatalf("report: stopped %v, failed %d", rep.Stopped, rep.Failed)
	}
	if d.Title != "Demo *report*" {
		t.Errorf("title %q", d.Title)
	}
	var kinds []string
	for _, c := range d.Cells {
		switch {
		case c.Markdown:
			kinds = append(kinds, "md")
		case !c.Ran():
			kinds = append(kinds, "notrun")
		case c.Err != nil:
			kinds = append(kinds, "err")
		default:
			kinds = append(kinds, "ran")
		}
	}
	// The cell holding only blank lines is left out.
	if got := strings.Join(kinds, " "); got != "md ran ran ran err notrun" {
		t.Fatalf("cells: %s", got)
	}
	c := d.Cells[1]
	var got []string
	for _, o := range c.Outputs {
		if o.Display != nil {
			got = append(got, "display:"+o.Display.Text)
		} else {
			got = append(got, "text:"+o.Text)
		}
	}
	want := []string{"text:first <line>\n", "display:shown mid-cell", "text:second\n", "display:final"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outputs %q, want %q", got, want)
	}
	if c.Count != 1 || d.Cells[4].Count != 4 || d.Cells[5].Count != 0 {
		t.Errorf("counts %d %d %d", c.Count, d.Cells[4].Count, d.Cells[5].Count)
	}
	if d.Cells[2].Source != "image" {
		t.Errorf("source keeps the directive: %q", d.Cells[2].Source)
	}
	if d.Cells[2].Outputs[0].Display.PNG == nil {
		t.Error("Run did not ask for Graphics \"image\"")
	}
}

func TestNewAndFromReport(t *testing.T) {
	nb := parse(t, demo)
	k := &imageKernel{Kernel: fakekernel.New()}
	rep := notebooks.Run(context.Background(), k, nb, notebooks.Options{KeepGoing: true})
	var results []kernel.Result
	for _, cr := range rep.Cells {
		results = append(results, cr.Result)
	}
	for name, d := range map[string]*Document{"New": New(nb, results), "FromReport": FromReport(nb, rep)} {
		if n := len(d.Cells); n != 6 {
			t.Fatalf("%s: %d cells", name, n)
		}
		// Without events, printed text comes before the displays.
		var got []string
		for _, o := range d.Cells[1].Outputs {
			if o.Display != nil {
				got = append(got, o.Display.Text)
			} else {
				got = append(got, o.Text)
			}
		}
		if want := "first <line>\nsecond\n|shown mid-cell|final"; strings.Join(got, "|") != want {
			t.Errorf("%s: outputs %q", name, got)
		}
		if last := d.Cells[5]; last.Count != 5 || last.Outputs[0].Text != "never\n" {
			t.Errorf("%s: last cell %+v", name, last)
		}
	}
	// Fewer results than cells: the rest did not run.
	d := New(nb, results[:2])
	if d.Cells[3].Ran() || !d.Cells[2].Ran() {
		t.Error("cells past the results should not have run")
	}
}

func TestHTML(t *testing.T) {
	_, d := runDemo(t, false)
	page := d.HTML()
	f := checkHTML(t, page)
	if f.cells != 6 || f.prose != 1 || f.code != 5 || f.failed != 1 || f.notRun != 1 {
		t.Errorf("sections %+v", f)
	}
	if f.images != 1 || f.tables != 1 {
		t.Errorf("%d images, %d tables", f.images, f.tables)
	}
	for _, want := range []string{
		"Prose with <b>tags</b>", // escaped, so it is text
		"first <line>",           // printed text, escaped
		"<b>2</b>",               // table cell content, escaped
		"something broke",        // the error
		"This cell did not run.", // the cell after the failure
		"4 code cells ran, 1 failed, 1 did not run",
	} {
		if !strings.Contains(f.text, want) {
			t.Errorf("text %q missing", want)
		}
	}
	for _, want := range []string{"<h1>Demo <em>report</em></h1>", `<div class="error" role="alert"><strong>runtime error</strong> at line 2, column 1`, "<title>Demo *report*</title>"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s missing", want)
		}
	}
}

func TestMarkdownReport(t *testing.T) {
	_, d := runDemo(t, true)
	dir := t.TempDir()
	// A stale image of an earlier run, and a file that is not ours.
	os.MkdirAll(filepath.Join(dir, "out_files"), 0o755)
	os.WriteFile(filepath.Join(dir, "out_files", "cell9-1.png"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(dir, "out_files", "notes.txt"), []byte("mine"), 0o644)
	path := filepath.Join(dir, "out.md")
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(md)
	for _, want := range []string{
		"# Demo *report*\nProse with <b>tags</b> and `code`.\n",
		"```go\nprint first <line>\nshow shown mid-cell\nprint second\nvalue final\n```\n",
		"```\nfirst <line>\n```\n\n```\nshown mid-cell\n```\n",
		"**a <table>**\n\n| x | y\\|z |\n",
		"```\nerror: 2:1: something broke\n```\n",
		"```\nnever\n```\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	links := regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(s, -1)
	if len(links) != 1 || links[0][1] != "out_files/cell2-1.png" {
		t.Fatalf("image links %v", links)
	}
	b, err := os.ReadFile(filepath.Join(dir, links[0][1]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	names := listDir(t, filepath.Join(dir, "out_files"))
	if names != "cell2-1.png notes.txt" {
		t.Errorf("images folder holds %s", names)
	}
	if names := listDir(t, dir); names != "out.md out_files" {
		t.Errorf("folder holds %s (temporary files left?)", names)
	}
}

func listDir(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

func TestNotebook(t *testing.T) {
	_, d := runDemo(t, false)
	b, err := d.Notebook()
	if err != nil {
		t.Fatal(err)
	}
	nb := checkNotebook(t, b)
	cells := nb["cells"].([]any)
	if len(cells) != 6 {
		t.Fatalf("%d cells", len(cells))
	}
	type out struct {
		Type  string `json:"output_type"`
		Name  string `json:"name"`
		Text  []string
		Data  map[string]any
		N     *int   `json:"execution_count"`
		EName string `json:"ename"`
	}
	type cell struct {
		Type    string   `json:"cell_type"`
		Source  []string `json:"source"`
		Outputs []out    `json:"outputs"`
		N       *int     `json:"execution_count"`
	}
	var got []cell
	raw, _ := json.Marshal(cells)
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got[0].Type != "markdown" || strings.Join(got[0].Source, "") != "# Demo *report*\nProse with <b>tags</b> and `code`." {
		t.Errorf("markdown cell %+v", got[0])
	}
	c := got[1]
	if *c.N != 1 || len(c.Outputs) != 4 || c.Source[0] != "print first <line>\n" {
		t.Fatalf("code cell %+v", c)
	}
	var types []string
	for _, o := range c.Outputs {
		types = append(types, o.Type)
	}
	if strings.Join(types, " ") != "stream display_data stream execute_result" || *c.Outputs[3].N != 1 {
		t.Errorf("outputs %v", types)
	}
	if got[2].Outputs[0].Data["image/png"] == nil {
		t.Error("plot without image/png")
	}
	if d := got[3].Outputs[0].Data; d["text/html"] == nil || d["text/markdown"] == nil {
		t.Errorf("table forms %v", d)
	}
	if e := got[4].Outputs; len(e) != 2 || e[1].Type != "error" || e[1].EName != "runtime error" {
		t.Errorf("failed cell outputs %+v", e)
	}
	if got[5].N != nil || len(got[5].Outputs) != 0 {
		t.Errorf("cell that did not run: %+v", got[5])
	}
}

func TestWriteFormats(t *testing.T) {
	nb := parse(t, demo)
	dir := t.TempDir()
	for _, name := range []string{"r.html", "r.HTM", "r.md", "r.ipynb"} {
		if err := Write(filepath.Join(dir, name), nb, nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	err := Write(filepath.Join(dir, "r.pdf"), nb, nil)
	if err == nil || !strings.Contains(err.Error(), ".html, .md or .ipynb") || CheckPath("r.pdf") == nil || CheckPath("x.ipynb") != nil {
		t.Errorf("unknown format: %v", err)
	}
	if names := listDir(t, dir); names != "r.HTM r.html r.ipynb r.md" {
		t.Errorf("folder holds %s", names)
	}
	// Rewriting keeps the file's permissions (atomic replace).
	p := filepath.Join(dir, "r.html")
	os.Chmod(p, 0o600)
	if err := Write(p, nb, nil); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	if err := Write(filepath.Join(dir, "missing", "r.html"), nb, nil); err == nil {
		t.Error("writing into a missing folder should fail")
	}
}

func TestTerminalEscapesStripped(t *testing.T) {
	nb := parse(t, "// %%\nfmt.Println(colour)\n")
	d := New(nb, []kernel.Result{{Output: "\x1b[31mred\x1b[0m <b>\n"}})
	if page := string(d.HTML()); !strings.Contains(page, `<pre class="stdout">red &lt;b&gt;</pre>`) || strings.Contains(page, "\x1b") {
		t.Errorf("HTML output: %q", page[strings.Index(page, "<main>"):])
	}
	if md, _ := d.Markdown("x_files"); !strings.Contains(string(md), "```\nred <b>\n```\n") {
		t.Errorf("Markdown: %q", md)
	}
}

func TestWarnings(t *testing.T) {
	nb := parse(t, "// %%\ntype T int\n")
	d := New(nb, []kernel.Result{{Warnings: []string{"type T redefined"}}})
	if page := string(d.HTML()); !strings.Contains(page, `<p class="warn">note: type T redefined</p>`) {
		t.Error("HTML lacks the note")
	}
	if md, _ := d.Markdown("x_files"); !strings.Contains(string(md), "\n> note: type T redefined\n") {
		t.Errorf("Markdown: %q", md)
	}
	b, _ := d.Notebook()
	checkNotebook(t, b)
	if !strings.Contains(string(b), `"name": "stderr"`) {
		t.Error("ipynb lacks the note")
	}
}
