// Package symbols holds the yaegi symbol tables that expose compiled packages
// (gostat's builtins and selected third-party libraries) to interpreted cells,
// and a table of their documentation for :help.
//
// # Regenerating
//
// The tables are generated and committed. After changing the exported API
// of a builtin package, run from the repository root
//
//	go generate ./builtins/symbols
//
// and commit the regenerated file of your package
// (github_com-gostat-gostat-builtins-<name>.go) and docs_generated.go with
// the change. To regenerate only your package's table and the docs (for
// example while another builtin does not compile):
//
//	go generate -run 'builtins/stats|gendocs' ./builtins/symbols
//
// go generate runs `go tool yaegi extract` once per package
// (one file per package; see extract.go) and then internal/gendocs, which
// writes docs_generated.go from the packages' doc comments with go/doc, so
// :help text cannot drift from the code. yaegi extract silently skips a
// package it cannot type-check (for example a missing go.sum entry):
// TestTablesPresent fails when a table is missing.
//
// # Adding a package
//
// To expose a new builtin package, add a //go:generate line for it in
// extract.go, add its path to Builtins (pre-imported in every session) and
// to the gendocs line, and regenerate. Third-party packages go in Exposed
// (importable with an import line). Generic functions are not extracted:
// keep user-facing API non-generic.
package symbols
