package symbols

import (
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Symbols maps "importpath/name" to the package's exported symbols, in the
// form interp.Interpreter.Use expects. The generated files fill it in init.
var Symbols = map[string]map[string]reflect.Value{}

// Builtins are the import paths of gostat's builtin packages that every
// session imports without an import line. Adding a builtin package is one
// line here plus its path on the //go:generate line in extract.go.
var Builtins = []string{
	"github.com/gostat/gostat/builtins/frame",
	"github.com/gostat/gostat/builtins/datasets",
	"github.com/gostat/gostat/builtins/stats",
	"github.com/gostat/gostat/builtins/models",
	"github.com/gostat/gostat/builtins/ml",
	"github.com/gostat/gostat/builtins/plots",
}

// Exposed are the third-party packages interpreted code may import.
var Exposed = []string{
	"gonum.org/v1/gonum/stat",
	"gonum.org/v1/gonum/stat/distuv",
	"gonum.org/v1/gonum/mat",
	"gonum.org/v1/gonum/floats",
	"gonum.org/v1/gonum/optimize",
	"gonum.org/v1/plot",
	"gonum.org/v1/plot/plotter",
	"gonum.org/v1/plot/vg",
	"gonum.org/v1/plot/vg/draw",
	"gonum.org/v1/plot/vg/vgimg",
	"github.com/go-gota/gota/dataframe",
	"github.com/go-gota/gota/series",
}

// Has reports whether the symbol table of an import path is present.
func Has(path string) bool {
	_, ok := Symbols[path+"/"+path[strings.LastIndex(path, "/")+1:]]
	return ok
}

var (
	docOnce     sync.Once
	docIndex    map[string]string
	docPackages map[string]string // set by docs_generated.go
)

// Doc returns the documentation of an exposed name, generated from its doc
// comment (docs_generated.go). Keys are "importpath." for a package,
// "importpath.Name" for a package-level name and "importpath.Type.Method"
// for a method. The text starts with the declaration, followed by the doc
// comment.
func Doc(key string) (string, bool) {
	docOnce.Do(loadDocs)
	d, ok := docIndex[key]
	return d, ok
}

// DocKeys returns the documented keys that start with prefix, sorted.
func DocKeys(prefix string) []string {
	docOnce.Do(loadDocs)
	var keys []string
	for k := range docIndex {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// PackagePath returns the import path of a documented package from its
// package name ("stats", "distuv", "rand").
func PackagePath(name string) (string, bool) {
	p, ok := docPackages[name]
	return p, ok
}

func loadDocs() {
	docIndex = map[string]string{}
	data := docData
	for data != "" {
		end := strings.IndexByte(data, 0)
		if end < 0 {
			end = len(data)
		}
		rec := data[:end]
		if k, v, ok := strings.Cut(rec, "\x01"); ok {
			docIndex[k] = v
		}
		if end == len(data) {
			break
		}
		data = data[end+1:]
	}
}
