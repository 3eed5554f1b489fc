package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/repl/tui/internal/fakekernel"
	"github.com/muesli/termenv"
)

// notebookWith returns a model holding n finished cells of mixed kinds
// (code with short output, tables, plots, long folded output), on a
// 120×40 screen.
func notebookWith(n int, color bool) *Model {
	opts := testOptions()
	opts.NoColor = !color
	opts.Width, opts.Height = 120, 40
	m := New(fakekernel.New(), opts)
	table := strings.Repeat("  mpg   cyl  disp   hp\n 21.0     6   160  110\n", 6)
	for i := 0; i < n; i++ {
		c := &Cell{ID: i + 1, N: i + 1, State: OK, Dur: 1500}
		switch i % 4 {
		case 0:
			c.Src = fmt.Sprintf("x%d := stats.Mean(v[%d:])\nx%d", i, i, i)
			c.Output = "3.14159\n"
		case 1:
			c.Src = "cars.Head(12)"
			c.Displays = []display.Bundle{display.Text("frame", table)}
		case 2:
			c.Src = "plots.Scatter(cars, \"wt\", \"mpg\")"
			c.Displays = []display.Bundle{fakekernel.Plot(100)}
		case 3:
			c.Src = "for i := 0; i < 100; i++ { fmt.Println(i) }"
			c.Output = strings.Repeat("row\n", 100)
		}
		m.cells.cells = append(m.cells.cells, c)
	}
	m.nextID, m.counter = n+1, n
	m.View()
	return m
}

// BenchmarkKeystroke1000 is one typed key with 1,000 cells of history:
// Update (the editor takes the key, the signature hint is checked) and View
// (the screen redrawn), as bubbletea does per key press.
func BenchmarkKeystroke1000(b *testing.B) { benchKeystroke(b, false) }

// BenchmarkKeystroke1000Color is the same with colours (256-colour profile).
func BenchmarkKeystroke1000Color(b *testing.B) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	benchKeystroke(b, true)
}

func benchKeystroke(b *testing.B, color bool) {
	m := notebookWith(1000, color)
	m.ed.SetValue("y := stats.Mean(x")
	key := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'a'}}
	bs := tea.KeyMsg{Type: tea.KeyBackspace}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := key
		if i%2 == 1 {
			k = bs
		}
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkScroll1000 scrolls the history one page up per iteration
// (rendering cells not yet cached), wrapping around at the top.
func BenchmarkScroll1000(b *testing.B) {
	m := notebookWith(1000, false)
	up := tea.KeyMsg{Type: tea.KeyPgUp}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !m.cells.follow && m.cells.topCell == 0 {
			m.cells.follow = true
		}
		m.Update(up)
		_ = m.View()
	}
}

// BenchmarkResize1000 changes the width (every cached cell is invalid) and
// redraws.
func BenchmarkResize1000(b *testing.B) {
	m := notebookWith(1000, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(tea.WindowSizeMsg{Width: 100 + i%2*20, Height: 40})
		_ = m.View()
	}
}

func TestKeystrokeRendersOnlyVisibleCells(t *testing.T) {
	m := notebookWith(1000, false)
	rendered := 0
	for _, c := range m.cells.cells {
		if c.cache != nil {
			rendered++
		}
	}
	if rendered > 20 {
		t.Errorf("%d of 1000 cells rendered for one screen", rendered)
	}
}
