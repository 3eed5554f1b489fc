package kernel

import (
	"testing"
)

// FuzzPlan checks the kernel's own front half (splitting, classification,
// rewrites, position mapping, IsComplete) on arbitrary cells: it must
// never panic, and every byte the interpreter sees that is not an
// insertion must be the user's byte at the mapped position (or a blank).
func FuzzPlan(f *testing.F) {
	for _, seed := range []string{
		"1+1", "x := 1", "func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }; fib(20)",
		"for i := range 3 { fmt.Println(i) }", "v, ok := m[\"a\"]", "f, ok := a.(float64)", "go func() { panic(1) }()",
		"go f(x)", "min(1, 2.5)", "clear(m)", "var e error = E{}", "e := error(E{})", "if v, ok := m[k]; ok {}",
		"import \"fmt\"\nimport (\n\t\"strings\"\n)", "type T struct{ A int }\n// doc\nfunc (t T) M() {}", "label:\n\tfor {\n\t\tbreak label\n\t}",
		"package main\nfunc main() {}", "x := `raw\nstring`", "/* c */ x := 1 // d", "switch x := a.(type) { case int: _ = x }",
		"defer f()", "g := T.M", "slices.Sort(xs)", "x := )", "func f() {", "}", "\"unterminated", "if x {\n} else {\n}",
	} {
		f.Add(seed)
	}
	s, err := NewSession(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, src string) {
		IsComplete(src)
		src = stripPackageClause(src)
		chunks, err := splitCell(src)
		if err != nil {
			return
		}
		c := &cellSrc{src: src, index: 1}
		var plans []*evalPlan
		for _, g := range groupChunks(chunks) {
			p, _, e := s.plan(c, g, plans)
			if e != nil {
				return
			}
			for _, q := range []*evalPlan{p, p.fallback, p.defineFallback} {
				if q == nil {
					continue
				}
				for _, sg := range q.segs {
					if sg.inserted {
						continue
					}
					got := q.src[sg.out : sg.out+sg.n]
					want := src[sg.cell : sg.cell+sg.n]
					for i := range got {
						if got[i] != want[i] && got[i] != ' ' && got[i] != ';' {
							t.Fatalf("byte %d of segment %+v: %q, cell has %q\nsrc: %q", i, sg, got[i], want[i], q.src)
						}
					}
				}
				for line := 1; line < 4; line++ {
					q.cellPosition(line, 1)
					q.cellPosition(line, 40)
				}
			}
			plans = append(plans, p)
		}
	})
}
