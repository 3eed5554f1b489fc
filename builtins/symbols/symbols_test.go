package symbols

import (
	"strings"
	"testing"
)

// TestTablesPresent fails when a generated symbol table is missing (for
// example when yaegi extract skipped a package it could not type-check).
func TestTablesPresent(t *testing.T) {
	for _, path := range append(append([]string{}, Builtins...), Exposed...) {
		if !Has(path) {
			t.Errorf("no symbol table for %s: run go generate ./builtins/symbols", path)
		}
	}
}

// TestDocsPresent checks that docs were generated for every builtin and
// exposed package, and for the pre-imported standard library.
func TestDocsPresent(t *testing.T) {
	paths := append(append([]string{}, Builtins...), Exposed...)
	paths = append(paths, "fmt", "math", "strings", "sort", "time", "math/rand", "os", "errors", "strconv")
	for _, path := range paths {
		d, ok := Doc(path + ".")
		if !ok || !strings.HasPrefix(d, "package ") {
			t.Errorf("no package doc for %s: run go generate ./builtins/symbols", path)
			continue
		}
		if len(DocKeys(path+".")) < 2 {
			t.Errorf("no member docs for %s", path)
		}
	}
	d, ok := Doc("math.Sqrt")
	if !ok || !strings.HasPrefix(d, "func Sqrt(x float64) float64") || !strings.Contains(d, "square root") {
		t.Errorf("math.Sqrt doc = %q", d)
	}
	d, ok = Doc("gonum.org/v1/gonum/mat.Dense.Mul")
	if !ok || !strings.Contains(d, "func (m *Dense) Mul(a, b Matrix)") {
		t.Errorf("mat.Dense.Mul doc = %q", d)
	}
	if d, ok := Doc("builtin.append"); !ok || !strings.HasPrefix(d, "func append(") {
		t.Errorf("builtin.append doc = %q", d)
	}
	if p, ok := PackagePath("distuv"); !ok || p != "gonum.org/v1/gonum/stat/distuv" {
		t.Errorf("PackagePath(distuv) = %q, %v", p, ok)
	}
}
