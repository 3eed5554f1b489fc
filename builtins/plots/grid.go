package plots

import (
	"fmt"

	"github.com/gostat/gostat/plotting"
)

// Grid puts plots side by side in a rows × cols grid, filled row by row
// (R's par(mfrow = c(rows, cols))). Grids inside ps contribute all their
// panels in order.
//
//	plots.Grid(1, 2, plots.Histogram(x), plots.QQNorm(x))
func Grid(rows, cols int, ps ...*Plot) *Plot {
	if rows < 1 || cols < 1 || rows*cols > 64 {
		return errorf("Grid", "%d × %d is not a usable grid; use 1 to 64 cells", rows, cols)
	}
	fig := &plotting.Figure{Rows: rows, Cols: cols}
	for i, p := range ps {
		if p == nil {
			return errorf("Grid", "plot %d is nil", i+1)
		}
		if p.err != nil {
			return failed("Grid", fmt.Errorf("plots.Grid: plot %d: %w", i+1, p.err))
		}
		fig.Panels = append(fig.Panels, p.fig.Panels...)
	}
	if len(fig.Panels) > rows*cols {
		return errorf("Grid", "%d panels do not fit in %d × %d", len(fig.Panels), rows, cols)
	}
	return &Plot{fig: fig, kind: "Grid"}
}
