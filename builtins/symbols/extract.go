package symbols

// One generated file per package. Run `go generate ./builtins/symbols`
// after changing a builtin package's exported API, and commit the
// regenerated file with the change.

// Builtin packages (pre-imported in every session).
//go:generate go tool yaegi extract -name symbols github.com/gostat/gostat/builtins/frame
//go:generate go tool yaegi extract -name symbols github.com/gostat/gostat/builtins/datasets
//go:generate go tool yaegi extract -name symbols github.com/gostat/gostat/builtins/stats
//go:generate go tool yaegi extract -name symbols github.com/gostat/gostat/builtins/models
//go:generate go tool yaegi extract -name symbols github.com/gostat/gostat/builtins/ml
//go:generate go tool yaegi extract -name symbols github.com/gostat/gostat/builtins/plots

// Third-party packages users may import explicitly.
//go:generate go tool yaegi extract -name symbols gonum.org/v1/gonum/stat gonum.org/v1/gonum/stat/distuv gonum.org/v1/gonum/mat gonum.org/v1/gonum/floats gonum.org/v1/gonum/optimize
//go:generate go tool yaegi extract -name symbols gonum.org/v1/plot gonum.org/v1/plot/plotter gonum.org/v1/plot/vg gonum.org/v1/plot/vg/draw gonum.org/v1/plot/vg/vgimg
//go:generate go tool yaegi extract -name symbols github.com/go-gota/gota/dataframe github.com/go-gota/gota/series

// Documentation for :help, from doc comments.
//go:generate go run ./internal/gendocs -o docs_generated.go github.com/gostat/gostat/builtins/frame github.com/gostat/gostat/builtins/datasets github.com/gostat/gostat/builtins/stats github.com/gostat/gostat/builtins/models github.com/gostat/gostat/builtins/ml github.com/gostat/gostat/builtins/plots fmt math strings sort time math/rand os errors strconv gonum.org/v1/gonum/stat gonum.org/v1/gonum/stat/distuv gonum.org/v1/gonum/mat gonum.org/v1/gonum/floats gonum.org/v1/gonum/optimize gonum.org/v1/plot gonum.org/v1/plot/plotter gonum.org/v1/plot/vg gonum.org/v1/plot/vg/draw gonum.org/v1/plot/vg/vgimg github.com/go-gota/gota/dataframe github.com/go-gota/gota/series builtin
