package report

import (
	"encoding/base64"
	"fmt"
	"html"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/gostat/gostat/display"
)

// HTML renders the document as one self-contained HTML page: inline CSS,
// images as data: URIs, no scripts and no outside resources. Prose cells
// are rendered from a safe Markdown subset; code cells show their source
// (highlighted), then their outputs: a display's HTML form when it has one
// (tables), else its PNG image, else its SVG image, else its text; printed
// text in a preformatted block; errors in a marked box.
func (d *Document) HTML() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta name=\"generator\" content=\"gostat\">\n")
	b.WriteString("<title>" + html.EscapeString(d.Title) + "</title>\n")
	b.WriteString("<style>\n" + css + "</style>\n</head>\n<body>\n<main>\n")
	b.WriteString(`<p class="meta">` + html.EscapeString(d.summary()) + "</p>\n")
	for i := range d.Cells {
		d.Cells[i].writeHTML(&b, i+1)
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return []byte(b.String())
}

// summary is the line at the top of a report: the script, how many cells
// ran and failed, and the time they took.
func (d *Document) summary() string {
	ran, failed, notRun := 0, 0, 0
	for _, c := range d.Cells {
		switch {
		case c.Markdown:
		case !c.Ran():
			notRun++
		default:
			ran++
			if c.Err != nil {
				failed++
			}
		}
	}
	name := filepath.Base(d.Name)
	if d.Name == "-" || d.Name == "" {
		name = "standard input"
	}
	s := fmt.Sprintf("gostat report of %s: %d code cells ran", name, ran)
	if failed > 0 {
		s += fmt.Sprintf(", %d failed", failed)
	}
	if notRun > 0 {
		s += fmt.Sprintf(", %d did not run", notRun)
	}
	return s + fmt.Sprintf(" (%.2f s)", d.Duration.Seconds())
}

func (c *Cell) writeHTML(b *strings.Builder, n int) {
	id := fmt.Sprintf("cell-%d", n)
	if c.Markdown {
		b.WriteString(`<section class="cell prose" id="` + id + `">` + "\n")
		b.WriteString(markdownHTML(c.Source))
		b.WriteString("</section>\n")
		return
	}
	class := "cell code"
	switch {
	case c.Err != nil:
		class += " failed"
	case !c.Ran():
		class += " notrun"
	}
	b.WriteString(`<section class="` + class + `" id="` + id + `">` + "\n")
	label, title := "[ ]", ""
	if c.Ran() {
		label = fmt.Sprintf("[%d]", c.Count)
		title = fmt.Sprintf(` title="%.3f s"`, c.Duration.Seconds())
	}
	b.WriteString(`<div class="in"><span class="count"` + title + `>` + label + `</span>`)
	b.WriteString(`<pre class="src"><code>` + highlightGo(c.Source) + "</code></pre></div>\n")
	if !c.Ran() {
		b.WriteString(`<p class="note">This cell did not run.</p>` + "\n")
	}
	if len(c.Outputs) > 0 || c.Err != nil || len(c.Warnings) > 0 {
		b.WriteString(`<div class="out">` + "\n")
		for _, w := range c.Warnings {
			b.WriteString(`<p class="warn">note: ` + html.EscapeString(w) + "</p>\n")
		}
		for _, o := range c.Outputs {
			writeOutputHTML(b, o)
		}
		if c.Err != nil {
			b.WriteString(`<div class="error" role="alert"><strong>` + html.EscapeString(string(c.Err.Kind)) + " error</strong>")
			if c.Err.Line > 0 {
				b.WriteString(fmt.Sprintf(" at line %d, column %d", c.Err.Line, c.Err.Col))
			}
			b.WriteString("<pre>" + html.EscapeString(c.Err.Message) + "</pre>")
			if c.Err.Hint != "" {
				b.WriteString(`<p class="hint">hint: ` + html.EscapeString(c.Err.Hint) + "</p>")
			}
			if c.Err.Stack != "" {
				b.WriteString(`<pre class="stack">` + html.EscapeString(strings.TrimRight(c.Err.Stack, "\n")) + "</pre>")
			}
			b.WriteString("</div>\n")
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</section>\n")
}

func writeOutputHTML(b *strings.Builder, o Output) {
	if o.Display == nil {
		// Printed text may hold terminal escape codes; a page shows them as
		// junk, so they go.
		b.WriteString(`<pre class="stdout">` + html.EscapeString(strings.TrimRight(ansi.Strip(o.Text), "\n")) + "</pre>\n")
		return
	}
	d := o.Display
	kind := html.EscapeString(d.Kind)
	switch {
	case d.HTML != "":
		// Builtins build HTML forms with escaped content (display.Table).
		b.WriteString(`<div class="display" data-kind="` + kind + `">` + d.HTML + "</div>\n")
	case len(d.PNG) > 0:
		b.WriteString(`<figure class="display" data-kind="` + kind + `"><img alt="` + html.EscapeString(altText(*d)) +
			`" src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(d.PNG) + `"></figure>` + "\n")
	case len(d.SVG) > 0:
		b.WriteString(`<figure class="display" data-kind="` + kind + `"><img alt="` + html.EscapeString(altText(*d)) +
			`" src="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString(d.SVG) + `"></figure>` + "\n")
	case d.Kind == "error":
		b.WriteString(`<pre class="display errtext">` + html.EscapeString(strings.TrimRight(d.Text, "\n")) + "</pre>\n")
	default:
		b.WriteString(`<pre class="display" data-kind="` + kind + `">` + html.EscapeString(strings.TrimRight(d.Text, "\n")) + "</pre>\n")
	}
}

// altText describes an image display: its kind and the first non-blank
// line of its text form (a plot's title), spaces collapsed.
func altText(d display.Bundle) string {
	alt := d.Kind
	if alt == "" {
		alt = "image"
	}
	for _, l := range strings.Split(d.Text, "\n") {
		if t := strings.Join(strings.Fields(l), " "); t != "" {
			return alt + ": " + t
		}
	}
	return alt
}

const css = `:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e;
  --code-bg: #f6f8fa; --border: #d1d9e0; --accent: #0969da; --err-bg: #ffebe9; --err: #cf222e;
  --k: #cf222e; --s: #0a3069; --m: #0550ae; --c: #59636e; --b: #8250df; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --code-bg: #161b22; --border: #3d444d;
    --accent: #4493f8; --err-bg: #3c1618; --err: #ff7b72;
    --k: #ff7b72; --s: #a5d6ff; --m: #79c0ff; --c: #9198a1; --b: #d2a8ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
pre, code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
pre { margin: 0.5rem 0; padding: 0.6rem 0.8rem; overflow-x: auto; line-height: 1.35; }
p code, li code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: 0.85rem; border-bottom: 1px solid var(--border); padding-bottom: 0.5rem; }
.cell { margin: 1rem 0; }
.prose h1, .prose h2, .prose h3 { line-height: 1.25; margin: 1.5rem 0 0.5rem; }
.prose pre { background: var(--code-bg); border-radius: 6px; }
.prose blockquote { margin: 0; padding: 0 1rem; color: var(--muted); border-left: 0.25em solid var(--border); }
.in { display: flex; align-items: flex-start; gap: 0.5rem; }
.count { flex: 0 0 3rem; text-align: right; color: var(--muted); font: 0.8rem/2.4 ui-monospace, monospace; }
.src { flex: 1; min-width: 0; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; }
.out { margin-left: 3.5rem; }
.out pre { background: none; padding-left: 0.2rem; }
.notrun .src { opacity: 0.6; }
.note { margin-left: 3.5rem; color: var(--muted); font-style: italic; font-size: 0.9rem; }
figure { margin: 0.5rem 0; }
figure img { max-width: 100%; height: auto; background: #fff; border-radius: 4px; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.85rem; font-variant-numeric: tabular-nums; display: block; overflow-x: auto; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid var(--border); padding: 0.2rem 0.6rem; white-space: nowrap; }
thead th { background: var(--code-bg); }
tfoot td { color: var(--muted); border: none; white-space: normal; }
.error { border-left: 4px solid var(--err); background: var(--err-bg); padding: 0.4rem 0.8rem; border-radius: 0 6px 6px 0; margin: 0.5rem 0; }
.error strong { color: var(--err); }
.error pre { padding: 0.2rem 0; margin: 0.2rem 0; white-space: pre-wrap; }
.errtext { color: var(--err); }
.hint { margin: 0.2rem 0; }
.warn { color: var(--muted); font-size: 0.9rem; margin: 0.3rem 0; }
.k { color: var(--k); } .s { color: var(--s); } .m { color: var(--m); } .c { color: var(--c); font-style: italic; } .b { color: var(--b); }
`
