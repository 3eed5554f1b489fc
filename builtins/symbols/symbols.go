// Package symbols holds the yaegi symbol tables that expose compiled packages
// (gostat's builtins and selected third-party libraries) to interpreted cells,
// and a table of their documentation for :help.
//
// The tables are generated and committed. To regenerate them after changing
// the exported API of a builtin package, run
//
//	go generate ./builtins/symbols
//
// from the repository root. That runs `go tool yaegi extract` once per
// package (one file per package) and then cmd/gendocs, which writes
// docs_generated.go from the packages' doc comments.
//
// To expose a new builtin package, add its import path to the
// //go:generate line for builtins below and to Builtins, then regenerate.
package symbols

import "reflect"

// Symbols maps "importpath/name" to the package's exported symbols, in the
// form interp.Interpreter.Use expects. The generated files fill it in init.
var Symbols = map[string]map[string]reflect.Value{}

// Builtins are the import paths of gostat's builtin packages that every
// session imports without an import line. Adding a builtin package is one
// line here plus its path on the //go:generate line in extract.go.
var Builtins = []string{}

// Docs is the documentation of the exposed packages, generated from their
// doc comments (docs_generated.go). Keys are "importpath." for a package,
// "importpath.Name" for a package-level name, and "importpath.Type.Method"
// for a method. Values start with the declaration's signature, followed by
// its doc comment.
var Docs = map[string]string{}

// PackagePath maps the usual local name of each documented package
// ("stats", "distuv", "rand") to its import path.
var PackagePath = map[string]string{}
