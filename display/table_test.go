package display

import (
	"strings"
	"testing"
)

func sample() *Table {
	return &Table{
		Title:      "coefficients",
		Headers:    []string{"term", "estimate", "p"},
		SubHeaders: []string{"", "<dbl>", "<dbl>"},
		Align:      []Align{Left, Right, Right},
		Rows: [][]string{
			{"(Intercept)", "37.2", "< 2e-16"},
			{"wt", "-3.88", "1.1e-06"},
			{"a|b", "1", "0.5"},
		},
		Footer: "n = 32",
		Rule:   true,
	}
}

func TestTableText(t *testing.T) {
	got := sample().Text(Plain)
	want := strings.Join([]string{
		"coefficients",
		"term         estimate        p",
		"                <dbl>    <dbl>",
		"──────────────────────────────",
		"(Intercept)      37.2  < 2e-16",
		"wt              -3.88  1.1e-06",
		"a|b                 1      0.5",
		"n = 32",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	ascii := sample().Text(Options{Width: 80})
	if strings.ContainsRune(ascii, '─') || !strings.Contains(ascii, "------") {
		t.Errorf("ASCII rule expected:\n%s", ascii)
	}
}

func TestTableFoldsAndTruncates(t *testing.T) {
	tb := &Table{Headers: []string{"id"}, KeepLeft: 1}
	row := []string{"r1"}
	for j := 0; j < 12; j++ {
		tb.Headers = append(tb.Headers, "column"+strings.Repeat("x", j))
		row = append(row, strings.Repeat("9", 6))
	}
	tb.Rows = [][]string{row}
	out := tb.Text(Options{Width: 40, Unicode: true})
	blocks := strings.Split(out, "\n\n")
	if len(blocks) < 3 {
		t.Fatalf("want several folded blocks, got %d:\n%s", len(blocks), out)
	}
	for _, b := range blocks {
		if !strings.HasPrefix(strings.Split(b, "\n")[1], "r1") {
			t.Errorf("row label not repeated in block:\n%s", b)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if Width(l) > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
	}
	long := &Table{Headers: []string{"x"}, Rows: [][]string{{strings.Repeat("a", 100)}}}
	l := long.Text(Options{Width: 30, Unicode: true})
	if !strings.Contains(l, "…") || Width(strings.Split(l, "\n")[1]) > 30 {
		t.Errorf("long cell not truncated: %q", l)
	}
	if got := Truncate("héllo wörld", 6, false); got != "héllo~" {
		t.Errorf("ASCII truncate: %q", got)
	}
	if got := Pad("ab", 5, Center); got != " ab  " {
		t.Errorf("center pad: %q", got)
	}
}

func TestTableForms(t *testing.T) {
	s := sample()
	md := s.Markdown()
	if !strings.Contains(md, "| term | estimate &lt;dbl&gt; | p &lt;dbl&gt; |\n|---|---:|---:|") || !strings.Contains(md, `a\|b`) || !strings.Contains(md, "&lt; 2e-16") {
		t.Errorf("markdown:\n%s", md)
	}
	h := s.HTML()
	if !strings.Contains(h, "<caption>coefficients</caption>") || !strings.Contains(h, `<td style="text-align:right">&lt; 2e-16</td>`) {
		t.Errorf("html: %s", h)
	}
	if s.ANSI(Plain) != "" {
		t.Error("ANSI form must be empty without colour")
	}
	a := s.ANSI(Options{Color: true, Unicode: true})
	if !strings.Contains(a, "\x1b[1mterm") || strings.Contains(a, "\x1b[H") {
		t.Errorf("ansi: %q", a)
	}
	b := s.Bundle("lm", Plain)
	if b.Kind != "lm" || b.Text == "" || b.Markdown == "" || b.HTML == "" {
		t.Errorf("bundle %+v", b)
	}
}

func TestWrap(t *testing.T) {
	got := Wrap("… and 16 more columns: column_14 <dbl>, column_15 <dbl>, column_16 <dbl>", 30)
	for _, l := range got {
		if Width(l) > 30 {
			t.Errorf("wrapped line too wide: %q", l)
		}
	}
	if len(got) < 3 || !strings.HasPrefix(got[1], "  ") {
		t.Errorf("wrap: %q", got)
	}
	if w := Wrap(strings.Repeat("x", 50), 20); len(w) != 3 {
		t.Errorf("long word: %q", w)
	}
}

func TestANSIDimsLabelsAndNA(t *testing.T) {
	tb := &Table{Headers: []string{"", "x"}, Rows: [][]string{{"1", "NA"}, {"2", "3.5"}}, KeepLeft: 1, Align: []Align{Right, Right}}
	a := tb.ANSI(Options{Color: true, Unicode: true})
	if !strings.Contains(a, sgrDim+"1"+sgrReset) || !strings.Contains(a, sgrDim+"NA"+sgrReset) || strings.Contains(a, sgrDim+"3.5") {
		t.Errorf("ansi: %q", a)
	}
	// Stripping the escapes gives the plain text.
	plain := a
	for _, e := range []string{sgrDim, sgrReset, sgrBold, sgrItal} {
		plain = strings.ReplaceAll(plain, e, "")
	}
	if plain != tb.Text(Options{Unicode: true}) {
		t.Errorf("ANSI without escapes:\n%q\nText:\n%q", plain, tb.Text(Options{Unicode: true}))
	}
}
