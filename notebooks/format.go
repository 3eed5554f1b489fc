// Package notebooks reads, writes, replays and checks gostat scripts.
//
// A script is plain UTF-8 Go-flavoured text (conventionally named *.gost),
// cut into cells by marker lines that start with "// %%" — the "percent"
// convention that Jupytext and many editors know:
//
//	// %% [markdown]
//	// # Tour
//	// Prose cells are `// ` comment lines.
//
//	// %%
//	x := 6 * 7
//	x
//	// Output:
//	// 42
//
// A code cell may end with a recorded output block in the form Go example
// tests use: a line "// Output:" followed by one "// "-prefixed line per line
// of output ("//" alone for an empty line). `gostat check` compares it with
// what the cell prints now; a code cell without a block is expected to print
// nothing. A cell containing the directive line
//
//	//gostat:ignore-output
//
// runs but is never compared (for random or time-dependent output).
//
// Tables and plots are laid out for a width (80 columns unless said
// otherwise). A script whose outputs were recorded at another width — a
// session saved with :save in a 120-column terminal — says so with a
// directive line in its header, the text before the first cell marker:
//
//	//gostat:width 120
//
// Run and Check then lay the outputs out at that width, so the script checks
// clean as saved (see Notebook.Width). Likewise a header line
//
//	//gostat:ascii
//
// says the outputs were drawn in plain ASCII (a session in a terminal
// without Unicode, or started with -ascii), and Run and Check draw them so.
//
// A cell that is expected to fail records the error as the last lines of its
// block, starting "error: " (see OutputText); check and run accept such a
// cell when it fails with exactly that error.
//
// Text before the first marker is an implicit first code cell; a first line
// starting "#!" is kept as a shebang and not run. Parse followed by Bytes
// reproduces a well-formed file byte for byte.
package notebooks

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Marker is the prefix of a cell marker line.
const Marker = "// %%"

// MarkdownMarker is the marker line of a prose cell.
const MarkdownMarker = "// %% [markdown]"

// OutputHeader is the first line of a recorded output block.
const OutputHeader = "// Output:"

// IgnoreOutputDirective is the directive line that excludes a cell's output
// from comparison by Check.
const IgnoreOutputDirective = "//gostat:ignore-output"

// WidthDirective starts the header line that records the layout width of a
// script's outputs: "//gostat:width 120".
const WidthDirective = "//gostat:width"

// ASCIIDirective is the header line saying the outputs were drawn in plain
// ASCII (display.Options.Unicode false).
const ASCIIDirective = "//gostat:ascii"

// Widths a WidthDirective may give.
const (
	MinWidth = 20
	MaxWidth = 1000
)

// Kind tells a code cell from a prose cell.
type Kind int

const (
	// Code cells are Go source run by the kernel.
	Code Kind = iota
	// Markdown cells are prose in "// " comment lines; they are not run.
	Markdown
)

// Cell is one cell of a script.
type Cell struct {
	Kind Kind
	// Marker is the marker line without its line ending ("// %%",
	// "// %% [markdown]", "// %% Load the data", …). It is empty for the
	// implicit cell made of the text before the first marker.
	Marker string
	// Source is the text between the marker line and the output block (or
	// the end of the cell), line endings included. For a code cell it is
	// what the kernel runs.
	Source string
	// Output is the recorded output, decoded (one "\n"-terminated line per
	// output line), and HasOutput tells whether the cell has a block at all.
	Output    string
	HasOutput bool
	// Trailer holds the blank lines after the output block.
	Trailer string
	// IgnoreOutput is set when the cell contains IgnoreOutputDirective.
	IgnoreOutput bool
	// Line is the 1-based line of the marker in the file; SourceLine is the
	// line of the first line of Source.
	Line, SourceLine int

	markerEOL string // the marker's line ending as read ("\n" or "\r\n")
	rawOutput string // the block as read, written back when Output is unchanged
	rawFor    string // the Output that rawOutput decodes to
}

// Notebook is a parsed script.
type Notebook struct {
	// Name is the file name used in messages ("-" for standard input).
	Name string
	// Shebang is a first line starting "#!", with its line ending.
	Shebang string
	Cells   []*Cell
	// NoFinalNewline records that the file did not end in a newline.
	NoFinalNewline bool
}

// ParseError is a malformed script: File:Line names the offending line.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ReadFile parses the script at path.
func ReadFile(path string) (*Notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, b)
}

// IsMarker reports whether line (without its line ending) is a cell marker.
func IsMarker(line string) bool {
	return strings.HasPrefix(line, Marker)
}

func isMarkdownMarker(line string) bool {
	rest := strings.TrimSpace(strings.TrimPrefix(line, Marker))
	return strings.HasPrefix(rest, "[markdown]") || strings.HasPrefix(rest, "[md]")
}

// splitLines cuts s into lines that keep their "\n".
func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func trimEOL(line string) string {
	return strings.TrimRight(line, "\r\n")
}

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// Parse parses a script. name is used in error messages and kept as
// Notebook.Name.
func Parse(name string, src []byte) (*Notebook, error) {
	nb := &Notebook{Name: name}
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalid(src)], []byte("\n"))
		return nil, &ParseError{name, line, "invalid UTF-8; scripts are UTF-8 text"}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		line := 1 + bytes.Count(src[:bytes.IndexByte(src, 0)], []byte("\n"))
		return nil, &ParseError{name, line, "NUL byte; scripts are text"}
	}
	text := string(src)
	if text != "" && !strings.HasSuffix(text, "\n") {
		nb.NoFinalNewline = true
		text += "\n"
	}
	lines := splitLines(text)
	i := 0
	if len(lines) > 0 && strings.HasPrefix(lines[0], "#!") {
		nb.Shebang = lines[0]
		i = 1
	}
	// Group lines into cells.
	for i < len(lines) {
		start := i
		c := &Cell{Kind: Code, Line: i + 1, SourceLine: i + 1}
		if IsMarker(trimEOL(lines[i])) {
			c.Marker = trimEOL(lines[i])
			c.markerEOL = lines[i][len(c.Marker):]
			if isMarkdownMarker(c.Marker) {
				c.Kind = Markdown
			}
			c.SourceLine = i + 2
			i++
			start = i
		}
		for i < len(lines) && !IsMarker(trimEOL(lines[i])) {
			i++
		}
		if err := c.parseBody(name, lines[start:i], start+1); err != nil {
			return nil, err
		}
		nb.Cells = append(nb.Cells, c)
	}
	if h := nb.header(); h != nil {
		line := h.SourceLine
		for _, l := range splitLines(h.Source) {
			if _, err := parseWidth(l); err != nil {
				return nil, &ParseError{name, line, err.Error()}
			}
			line++
		}
	}
	return nb, nil
}

// header returns the implicit first cell (the text before the first marker),
// or nil.
func (nb *Notebook) header() *Cell {
	if len(nb.Cells) > 0 && nb.Cells[0].Marker == "" && nb.Cells[0].Kind == Code {
		return nb.Cells[0]
	}
	return nil
}

// parseWidth reads a WidthDirective line: its width, 0 when the line is not
// a directive, an error when it is a malformed one.
func parseWidth(line string) (int, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), WidthDirective)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '=' {
		return 0, nil
	}
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "="))
	w, err := strconv.Atoi(rest)
	if err != nil || w < MinWidth || w > MaxWidth {
		return 0, fmt.Errorf("%s wants a width in columns from %d to %d, as in \"%s 120\"; got %q", WidthDirective, MinWidth, MaxWidth, WidthDirective, rest)
	}
	return w, nil
}

// Width returns the layout width recorded by a WidthDirective line in the
// header (the text before the first cell marker), or 0 when there is none
// (the outputs are laid out for 80 columns).
func (nb *Notebook) Width() int {
	h := nb.header()
	if h == nil {
		return 0
	}
	for _, l := range splitLines(h.Source) {
		if w, err := parseWidth(l); err == nil && w > 0 {
			return w
		}
	}
	return 0
}

// ASCII reports whether the header holds an ASCIIDirective line.
func (nb *Notebook) ASCII() bool {
	h := nb.header()
	if h == nil {
		return false
	}
	for _, l := range splitLines(h.Source) {
		if strings.TrimSpace(l) == ASCIIDirective {
			return true
		}
	}
	return false
}

// SetWidth records w as the layout width of the outputs: it writes (or
// replaces) the WidthDirective line of the header, adding a header when the
// script has none. w == 0 or 80 removes the directive. Line numbers are
// recomputed.
func (nb *Notebook) SetWidth(w int) { nb.SetLayout(w, !nb.ASCII()) }

// SetLayout records how the outputs were laid out: width w (as SetWidth)
// and, when unicode is false, an ASCIIDirective line. Directives that say
// the defaults (80 columns, Unicode) are removed.
func (nb *Notebook) SetLayout(w int, unicode bool) {
	var keep []string
	h := nb.header()
	if h != nil {
		for _, l := range splitLines(h.Source) {
			if d, err := parseWidth(l); d == 0 && err == nil && strings.TrimSpace(l) != ASCIIDirective {
				keep = append(keep, l)
			}
		}
	}
	var dirs []string
	if w > 0 && w != 80 {
		dirs = append(dirs, fmt.Sprintf("%s %d\n", WidthDirective, w))
	}
	if !unicode {
		dirs = append(dirs, ASCIIDirective+"\n")
	}
	if len(dirs) > 0 && h == nil {
		keep = append(keep, "\n")
	}
	src := strings.Join(append(dirs, keep...), "")
	switch {
	case h != nil && strings.TrimSpace(src) == "" && !h.HasOutput:
		nb.Cells = nb.Cells[1:]
	case h != nil:
		h.Source = src
	case src != "":
		nb.Cells = append([]*Cell{{Kind: Code, Source: src}}, nb.Cells...)
	}
	nb.Renumber()
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// parseBody splits a cell's lines (first at file line first) into source,
// output block and trailer.
func (c *Cell) parseBody(file string, body []string, first int) error {
	if c.Kind == Markdown {
		for k, l := range body {
			t := strings.TrimSpace(l)
			if t != "" && !strings.HasPrefix(t, "//") {
				return &ParseError{file, first + k, "line in a markdown cell is not a // comment; start a code cell with a \"// %%\" line first"}
			}
		}
		c.Source = strings.Join(body, "")
		return nil
	}
	out := -1
	for k, l := range body {
		if strings.TrimRight(trimEOL(l), " \t") == OutputHeader {
			out = k
			break
		}
		if strings.TrimSpace(l) == IgnoreOutputDirective {
			c.IgnoreOutput = true
		}
	}
	if out < 0 {
		c.Source = strings.Join(body, "")
		return nil
	}
	c.Source = strings.Join(body[:out], "")
	c.HasOutput = true
	end := out + 1
	var dec strings.Builder
	for end < len(body) {
		l := trimEOL(body[end])
		if !strings.HasPrefix(strings.TrimLeft(l, " \t"), "//") {
			break
		}
		l = strings.TrimLeft(l, " \t")[2:]
		l = strings.TrimPrefix(l, " ")
		dec.WriteString(l)
		dec.WriteByte('\n')
		end++
	}
	c.rawOutput = strings.Join(body[out:end], "")
	c.Output = dec.String()
	c.rawFor = c.Output
	for k := end; k < len(body); k++ {
		if !isBlank(body[k]) {
			return &ParseError{file, first + k, "code after the \"// Output:\" block; the output block must end its cell (start a new cell with \"// %%\")"}
		}
	}
	c.Trailer = strings.Join(body[end:], "")
	return nil
}

// Bytes writes the notebook in the script format.
func (nb *Notebook) Bytes() []byte {
	var b strings.Builder
	b.WriteString(nb.Shebang)
	for _, c := range nb.Cells {
		c.write(&b)
	}
	s := b.String()
	if nb.NoFinalNewline {
		s = strings.TrimSuffix(s, "\n")
	}
	return []byte(s)
}

func (c *Cell) write(b *strings.Builder) {
	if c.Marker != "" {
		b.WriteString(c.Marker)
		if c.markerEOL != "" {
			b.WriteString(c.markerEOL)
		} else {
			b.WriteByte('\n')
		}
	}
	b.WriteString(c.Source)
	if c.Kind == Code && c.HasOutput {
		if c.rawOutput != "" && c.Output == c.rawFor {
			b.WriteString(c.rawOutput)
		} else {
			b.WriteString(EncodeOutput(c.Output))
		}
	}
	b.WriteString(c.Trailer)
}

// EncodeOutput renders text as a recorded output block: the "// Output:"
// header and one "// "-prefixed line per line, trailing spaces removed.
func EncodeOutput(text string) string {
	var b strings.Builder
	b.WriteString(OutputHeader)
	b.WriteByte('\n')
	for _, l := range outputLines(text) {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			b.WriteString("//\n")
		} else {
			b.WriteString("// ")
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// outputLines splits text into lines, without a final empty line.
func outputLines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// Code returns the cell's source as the kernel should run it.
func (c *Cell) Code() string { return c.Source }

// Empty reports whether a code cell has nothing to run (only blank lines
// and comments).
func (c *Cell) Empty() bool {
	for _, l := range splitLines(c.Source) {
		t := strings.TrimSpace(l)
		if t != "" && !strings.HasPrefix(t, "//") {
			return false
		}
	}
	return true
}

// Prose returns the text of a markdown cell without its comment markers.
func (c *Cell) Prose() string {
	var b strings.Builder
	for _, l := range splitLines(c.Source) {
		t := strings.TrimSpace(l)
		t = strings.TrimPrefix(t, "//")
		t = strings.TrimPrefix(t, " ")
		b.WriteString(t)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}

// SetOutput records text as the cell's output. An empty text removes the
// block (a cell without a block is expected to print nothing). Blank lines
// at the end of the source move after the new block.
func (c *Cell) SetOutput(text string) {
	if c.Kind != Code {
		return
	}
	text = normalizeForRecord(text)
	if text == "" {
		if c.HasOutput {
			c.HasOutput = false
			c.Output = ""
		}
		return
	}
	if !c.HasOutput {
		// Move trailing blank lines of the source after the block.
		lines := splitLines(c.Source)
		k := len(lines)
		for k > 0 && isBlank(lines[k-1]) {
			k--
		}
		c.Source = strings.Join(lines[:k], "")
		if c.Source != "" && !strings.HasSuffix(c.Source, "\n") {
			c.Source += "\n"
		}
		c.Trailer = strings.Join(lines[k:], "") + c.Trailer
	}
	c.HasOutput = true
	c.Output = text
}

func normalizeForRecord(text string) string {
	lines := outputLines(text)
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// NewCodeCell returns a canonical code cell running src and recording
// output (none when output is empty).
func NewCodeCell(src, output string) *Cell {
	src = strings.Trim(src, "\n")
	c := &Cell{Kind: Code, Marker: Marker, Source: src + "\n"}
	if strings.TrimSpace(src) == "" {
		c.Source = ""
	}
	c.SetOutput(output)
	return c
}

// NewMarkdownCell returns a prose cell holding text as "// " lines.
func NewMarkdownCell(text string) *Cell {
	var b strings.Builder
	for _, l := range outputLines(strings.TrimRight(text, "\n") + "\n") {
		if l == "" {
			b.WriteString("//\n")
		} else {
			b.WriteString("// " + l + "\n")
		}
	}
	return &Cell{Kind: Markdown, Marker: MarkdownMarker, Source: b.String()}
}

// Append adds cells to the notebook, separating them with a blank line.
func (nb *Notebook) Append(cells ...*Cell) {
	for _, c := range cells {
		if n := len(nb.Cells); n > 0 {
			prev := nb.Cells[n-1]
			if !strings.HasSuffix(prev.Trailer, "\n") && !endsBlank(prev) {
				prev.Trailer += "\n"
			}
		}
		nb.Cells = append(nb.Cells, c)
	}
}

func endsBlank(c *Cell) bool {
	if c.HasOutput || c.Trailer != "" {
		return false
	}
	lines := splitLines(c.Source)
	return len(lines) > 0 && isBlank(lines[len(lines)-1])
}

// Renumber recomputes Line and SourceLine of every cell from the text that
// Bytes would write.
func (nb *Notebook) Renumber() {
	line := 1
	if nb.Shebang != "" {
		line++
	}
	for _, c := range nb.Cells {
		c.Line = line
		if c.Marker != "" {
			line++
		}
		c.SourceLine = line
		var b strings.Builder
		c.write(&b)
		line = c.Line + strings.Count(b.String(), "\n")
	}
}
