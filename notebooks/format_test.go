package notebooks

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var roundTrip = []struct{ name, src string }{
	{"empty", ""},
	{"one cell", "// %%\nx := 6 * 7\nx\n// Output:\n// 42\n"},
	{"header and cells", "package main_ish\n\n// %%\nprint a\n\n// %% [markdown]\n// # Title\n//\n// prose\n\n// %%\nprint b\n// Output:\n// b\n//\n// c\n\n\n"},
	{"no final newline", "// %%\nx\n// Output:\n// 1"},
	{"shebang", "#!/usr/bin/env gostat run\n// %%\nprint a\n"},
	{"crlf", "// %%\r\nprint a\r\n// Output:\r\n// a\r\n"},
	{"lenient output", "// %%\nv\n// Output:\n//no space\n   // indented\n"},
	{"titled marker", "// %% Load data\nprint a\n// %%\n"},
	{"ignore directive", "// %%\n//gostat:ignore-output\nprint now\n// Output:\n// 12:00\n"},
	{"output header trailing spaces", "// %%\nx\n// Output:  \n// 1\n"},
	{"empty output block", "// %%\nx\n// Output:\n\n"},
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range roundTrip {
		t.Run(tc.name, func(t *testing.T) {
			nb, err := Parse("t.gost", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(nb.Bytes()); got != tc.src {
				t.Errorf("round trip changed the file:\n got %q\nwant %q", got, tc.src)
			}
		})
	}
}

func TestParseCells(t *testing.T) {
	src := "// intro\n\n// %%\nx := 1\n\n// %% [markdown]\n// # Title\n\n// %%\n//gostat:ignore-output\nprint b\n// Output:\n// b\n//\n// c\n\n"
	nb, err := Parse("t.gost", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Cells) != 4 {
		t.Fatalf("got %d cells, want 4", len(nb.Cells))
	}
	c0, c1, c2, c3 := nb.Cells[0], nb.Cells[1], nb.Cells[2], nb.Cells[3]
	if c0.Marker != "" || !c0.Empty() || c0.Line != 1 {
		t.Errorf("header cell: %+v", c0)
	}
	if c1.Kind != Code || c1.Source != "x := 1\n\n" || c1.Line != 3 || c1.SourceLine != 4 || c1.HasOutput {
		t.Errorf("cell 1: %+v", c1)
	}
	if c2.Kind != Markdown || c2.Prose() != "# Title" || c2.Line != 6 {
		t.Errorf("cell 2: %+v prose %q", c2, c2.Prose())
	}
	if c3.Kind != Code || !c3.HasOutput || c3.Output != "b\n\nc\n" || !c3.IgnoreOutput || c3.Trailer != "\n" || c3.SourceLine != 10 {
		t.Errorf("cell 3: %+v", c3)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"code after output", "// %%\nx\n// Output:\n// 1\ny := 2\n", "bad.gost:5: code after the \"// Output:\" block"},
		{"code after blank", "// %%\nx\n// Output:\n// 1\n\ny\n", "bad.gost:6: code after"},
		{"markdown code", "// %% [markdown]\n// fine\nx := 1\n", "bad.gost:3: line in a markdown cell is not a // comment"},
		{"invalid utf8", "// %%\nx := \"\xff\"\n", "bad.gost:2: invalid UTF-8"},
		{"nul", "// %%\n\x00\n", "bad.gost:2: NUL byte"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.gost", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error for %q", tc.src)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestSetOutput(t *testing.T) {
	cases := []struct{ name, src, out, want string }{
		{"add block", "// %%\nx\n\n// %%\ny\n", "1  \n\n", "// %%\nx\n// Output:\n// 1\n\n// %%\ny\n"},
		{"replace block", "// %%\nx\n// Output:\n// 1\n\n", "2\n\n3\n", "// %%\nx\n// Output:\n// 2\n//\n// 3\n\n"},
		{"remove block", "// %%\nx\n// Output:\n// 1\n\n// %%\n", "", "// %%\nx\n\n// %%\n"},
		{"same output keeps raw", "// %%\nx\n// Output:\n//1\n", "1\n", "// %%\nx\n// Output:\n//1\n"},
		{"no block no output", "// %%\nx\n", "", "// %%\nx\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nb, err := Parse("t.gost", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			nb.Cells[0].SetOutput(tc.out)
			if got := string(nb.Bytes()); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
			again, err := Parse("t.gost", nb.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if string(again.Bytes()) != tc.want {
				t.Errorf("written file does not round-trip")
			}
		})
	}
}

func TestNewCellsAndAppend(t *testing.T) {
	nb := &Notebook{Name: "s.gost"}
	nb.Append(NewMarkdownCell("# Saved\n\nsession"), NewCodeCell("x := 1\n", ""), NewCodeCell("\nx\n", "1\n"))
	want := "// %% [markdown]\n// # Saved\n//\n// session\n\n// %%\nx := 1\n\n// %%\nx\n// Output:\n// 1\n"
	if got := string(nb.Bytes()); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	nb.Renumber()
	if nb.Cells[2].Line != 9 || nb.Cells[2].SourceLine != 10 {
		t.Errorf("renumbered lines %d/%d, want 9/10", nb.Cells[2].Line, nb.Cells[2].SourceLine)
	}
	p, err := Parse("s.gost", nb.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if p.Cells[2].Line != 9 || p.Cells[2].Output != "1\n" {
		t.Errorf("parsed back: %+v", p.Cells[2])
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.gost")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if string(b) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v, want \"new\" 0600", b, fi.Mode().Perm())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary files left behind: %v", ents)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x"), nil, 0o644); err == nil {
		t.Error("no error writing into a missing folder")
	}
}

// The layout directives in the header round-trip, are read by Width and
// ASCII, and are written (or removed) by SetLayout.
func TestLayoutDirectives(t *testing.T) {
	nb, err := Parse("s.gost", []byte("//gostat:width 120\n//gostat:ascii\n\n// %%\nx\n// Output:\n// 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if nb.Width() != 120 || !nb.ASCII() {
		t.Errorf("Width %d ASCII %v, want 120 true", nb.Width(), nb.ASCII())
	}
	if c := nb.Cells[1]; c.SourceLine != 5 {
		t.Errorf("code cell at line %d, want 5", c.SourceLine)
	}

	nb, _ = Parse("s.gost", []byte("// %%\nx\n// Output:\n// 1\n"))
	if nb.Width() != 0 || nb.ASCII() {
		t.Errorf("no header: Width %d ASCII %v", nb.Width(), nb.ASCII())
	}
	nb.SetLayout(100, true)
	want := "//gostat:width 100\n\n// %%\nx\n// Output:\n// 1\n"
	if got := string(nb.Bytes()); got != want {
		t.Errorf("SetLayout(100): got\n%s\nwant\n%s", got, want)
	}
	if nb.Cells[1].SourceLine != 4 {
		t.Errorf("line numbers not recomputed: %d", nb.Cells[1].SourceLine)
	}
	nb.SetLayout(90, false)
	if nb.Width() != 90 || !nb.ASCII() || strings.Count(string(nb.Bytes()), WidthDirective) != 1 {
		t.Errorf("SetLayout(90, ascii):\n%s", nb.Bytes())
	}
	nb.SetLayout(80, true)
	if got := string(nb.Bytes()); got != "// %%\nx\n// Output:\n// 1\n" {
		t.Errorf("SetLayout(80) leaves a header:\n%q", got)
	}

	// A header with code keeps it.
	nb, _ = Parse("s.gost", []byte("x := 1\n// %%\nx\n"))
	nb.SetWidth(132)
	if got := string(nb.Bytes()); got != "//gostat:width 132\nx := 1\n// %%\nx\n" {
		t.Errorf("header with code: %q", got)
	}

	for _, bad := range []string{"//gostat:width\n", "//gostat:width wide\n", "//gostat:width 5\n", "//gostat:width=5000\n"} {
		_, err := Parse("s.gost", []byte(bad+"// %%\nx\n"))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 1 || !strings.Contains(pe.Msg, "from 20 to 1000") {
			t.Errorf("%q: err %v", bad, err)
		}
	}
}
