package report

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/gostat/gostat/notebooks"
)

// Image is a file a Markdown report links to.
type Image struct {
	// Name is the file's name inside the images folder.
	Name string
	Data []byte
}

// Markdown renders the document as Markdown: prose cells as written, code
// in ```go fences, printed text and text displays in plain ``` fences,
// tables in their Markdown form, and images as links to
// folder/cell<N>-<K>.png (the K-th image of the cell with execution count
// N; the files are returned, for the caller to write into folder).
func (d *Document) Markdown(folder string) ([]byte, []Image) {
	var b strings.Builder
	var images []Image
	for i, c := range d.Cells {
		if i > 0 {
			b.WriteString("\n")
		}
		if c.Markdown {
			b.WriteString(c.Source + "\n")
			continue
		}
		b.WriteString(fence("go", c.Source))
		if !c.Ran() {
			b.WriteString("\n*This cell did not run.*\n")
			continue
		}
		for _, w := range c.Warnings {
			b.WriteString("\n> note: " + strings.ReplaceAll(w, "\n", " ") + "\n")
		}
		nimg := 0
		for _, o := range c.Outputs {
			b.WriteString("\n")
			switch {
			case o.Display == nil:
				b.WriteString(fence("", strings.TrimRight(ansi.Strip(o.Text), "\n")))
			case o.Display.Markdown != "":
				b.WriteString(strings.TrimRight(o.Display.Markdown, "\n") + "\n")
			case len(o.Display.PNG) > 0 || len(o.Display.SVG) > 0:
				ext, data := "png", o.Display.PNG
				if len(data) == 0 {
					ext, data = "svg", o.Display.SVG
				}
				nimg++
				name := fmt.Sprintf("cell%d-%d.%s", c.Count, nimg, ext)
				images = append(images, Image{Name: name, Data: data})
				link := (&url.URL{Path: folder + "/" + name}).EscapedPath()
				b.WriteString("![" + mdAlt(altText(*o.Display)) + "](" + link + ")\n")
			default:
				b.WriteString(fence("", strings.TrimRight(o.Display.Text, "\n")))
			}
		}
		if c.Err != nil {
			b.WriteString("\n" + fence("", errorText(c.Err)))
		}
	}
	return []byte(b.String()), images
}

// fence wraps text in a fenced code block whose fence is longer than any
// run of backticks in the text.
func fence(lang, text string) string {
	n := 3
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimLeft(l, " ")
		if k := run(t, 0, '`'); k >= n {
			n = k + 1
		}
	}
	f := strings.Repeat("`", n)
	return f + lang + "\n" + text + "\n" + f + "\n"
}

// mdAlt makes text safe inside the brackets of an image link.
func mdAlt(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "[", "\\[", "]", "\\]", "\n", " ")
	return r.Replace(s)
}

// writeMarkdown writes the Markdown report to path and its images into
// <name>_files beside it (created when needed; earlier images of the
// report that are no longer used are removed).
func (d *Document) writeMarkdown(path string) error {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	folder := base + "_files"
	text, images := d.Markdown(folder)
	dir := filepath.Join(filepath.Dir(path), folder)
	keep := map[string]bool{}
	if len(images) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("report %s: %w", path, err)
		}
		for _, im := range images {
			keep[im.Name] = true
			if err := notebooks.WriteFileAtomic(filepath.Join(dir, im.Name), im.Data, 0o644); err != nil {
				return fmt.Errorf("report %s: %w", path, err)
			}
		}
	}
	if err := notebooks.WriteFileAtomic(path, text, 0o644); err != nil {
		return err
	}
	// Images of an earlier run of this report that it no longer links.
	old, _ := filepath.Glob(filepath.Join(dir, "cell*-*.png"))
	svg, _ := filepath.Glob(filepath.Join(dir, "cell*-*.svg"))
	for _, f := range append(old, svg...) {
		if !keep[filepath.Base(f)] {
			os.Remove(f)
		}
	}
	return nil
}
