package plots

import (
	"fmt"
	"math"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/plotting"
)

// Pairs draws a scatter-plot matrix of the numeric columns cols of df (all
// numeric columns when none are named, at most 6): panel (i, j) plots
// column j against column i, and the diagonal shows each column's
// histogram and names the row's variable (R's pairs with histograms on the
// diagonal); the bottom row names the columns.
//
//	plots.Pairs(datasets.MustLoad("iris"), "Sepal.Length", "Sepal.Width", "Petal.Length")
func Pairs(df *frame.Frame, cols ...string) *Plot {
	if df == nil {
		return errorf("Pairs", "the frame is nil")
	}
	if len(cols) == 0 {
		cols = df.NumericNames()
		if len(cols) > 6 {
			cols = cols[:6]
		}
	}
	if len(cols) < 2 {
		return errorf("Pairs", "need at least 2 numeric columns, have %d", len(cols))
	}
	if len(cols) > 8 {
		return errorf("Pairs", "%d columns is too many for a scatter matrix; pick at most 8", len(cols))
	}
	data := make([][]float64, len(cols))
	for i, c := range cols {
		v, err := df.Floats(c)
		if err != nil {
			return failed("Pairs", fmt.Errorf("plots.Pairs: %w", err))
		}
		data[i] = v
	}
	return PairsData(cols, data)
}

// PairsData is Pairs over slices: names[i] labels data[i].
func PairsData(names []string, data [][]float64) *Plot {
	k := len(data)
	if len(names) != k {
		return errorf("PairsData", "%d names for %d columns", len(names), k)
	}
	for i := 1; i < k; i++ {
		if len(data[i]) != len(data[0]) {
			return errorf("PairsData", "column %s has %d values but %s has %d", names[i], len(data[i]), names[0], len(data[0]))
		}
	}
	fig := &plotting.Figure{Rows: k, Cols: k}
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			var p *plotting.Panel
			if i == j {
				v, _ := finite(data[i])
				p = plotting.NewPanel(names[i], "", "")
				if len(v) > 0 {
					h := histogram("Pairs", v, prettyBreaks(v, sturges(len(v))))
					p.Layers = h.panel().Layers
				}
				// The diagonal's count scale means nothing next to the
				// data scales of the other panels.
				p.YTicks = []plotting.Tick{}
			} else {
				p = plotting.NewPanel("", "", "")
				p.Add(plotting.Layer{Kind: plotting.Points, X: data[j], Y: data[i]})
			}
			// Names go on the diagonal (and under the bottom row), as in R:
			// a y-axis title on the first column only would shift those
			// panels' scales by a row against the rest of their row.
			if i == k-1 {
				p.XLabel = names[j]
			}
			fig.Panels = append(fig.Panels, p)
		}
	}
	return &Plot{fig: fig, kind: "Pairs"}
}

func sturges(n int) int { return int(math.Ceil(math.Log2(float64(n)) + 1)) }
