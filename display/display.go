// Package display defines how a value shows itself to a person: a Bundle of
// forms (plain text always; optionally terminal-styled text, Markdown, HTML,
// PNG and SVG), in the spirit of Jupyter's MIME bundles.
//
// Data flows one way: builtins build Bundles (through the helpers in this
// package and in the plotting package), the kernel collects them per cell, and
// each front end picks the best form it can show. Builtins never write escape
// codes themselves; a Bundle's ANSI form is produced by rendering helpers
// (tables here, plots in package plotting) from structured content.
//
// A Bundle is plain data so that it can cross the process boundary between a
// front end and its kernel (it marshals to JSON).
package display

// Options describe the place a display is going to be shown. The front end
// sends them to the kernel; builtins lay out their forms to fit.
type Options struct {
	// Width and Height are the size in character cells available to one
	// display. Zero means the defaults: 80 columns and 24 rows.
	Width, Height int
	// Color reports whether styled (ANSI) output is wanted at all. NO_COLOR
	// and dumb terminals set it to false.
	Color bool
	// Unicode reports whether non-ASCII drawing characters (box drawing,
	// braille, blocks) may be used. When false, text forms are plain ASCII.
	Unicode bool
	// Graphics names the image protocol the front end can show: "kitty",
	// "iterm", "sixel", "text" or "none". Builtins do not encode images for a
	// protocol; they only decide whether producing a PNG is worth the time.
	// "image" asks for PNG forms without a terminal (reports, files).
	Graphics string
	// Theme is "dark" or "light"; it picks a palette for styled forms.
	Theme string
}

// Normalized returns o with zero fields replaced by defaults.
func (o Options) Normalized() Options {
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Height <= 0 {
		o.Height = 24
	}
	if o.Graphics == "" {
		o.Graphics = "text"
	}
	if o.Theme == "" {
		o.Theme = "dark"
	}
	return o
}

// Plain are the options used when output must be reproducible, as in the
// recorded `// Output:` blocks of scripts: 80 columns, no colour, Unicode on,
// text graphics.
var Plain = Options{Width: 80, Height: 24, Unicode: true, Graphics: "text", Theme: "dark"}

// Bundle holds the forms of one display. Text is always set; front ends fall
// back to it. The other forms are optional.
type Bundle struct {
	// Kind is a short label of what is shown ("frame", "htest", "lm",
	// "plot", …); front ends may use it for styling or collapsing.
	Kind string `json:"kind,omitempty"`
	// Text is the plain-text form, laid out for Options.Width. It is what
	// `gostat check` compares.
	Text string `json:"text"`
	// ANSI is Text's styled twin for colour terminals (SGR sequences only,
	// no cursor movement). Empty means use Text.
	ANSI string `json:"ansi,omitempty"`
	// Markdown and HTML are forms for reports.
	Markdown string `json:"markdown,omitempty"`
	HTML     string `json:"html,omitempty"`
	// PNG and SVG are images (plots). A front end that can show images
	// shows PNG in place of the text form.
	PNG []byte `json:"png,omitempty"`
	SVG []byte `json:"svg,omitempty"`
	// Cols and Rows are the size in cells the image should take in a
	// terminal (0: the front end decides).
	Cols int `json:"cols,omitempty"`
	Rows int `json:"rows,omitempty"`
}

// Displayer is implemented by values that show themselves as a Bundle. When a
// cell ends in an expression whose value is a Displayer, the kernel calls
// Display with the front end's options.
type Displayer interface {
	Display(o Options) Bundle
}

// Text returns a Bundle with only a plain-text form.
func Text(kind, s string) Bundle { return Bundle{Kind: kind, Text: s} }
