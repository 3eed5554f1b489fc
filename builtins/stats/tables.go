package stats

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// sortLevels orders labels as R's factor does for character data
// (lexicographically), except that all-numeric labels sort numerically.
func sortLevels(lv []string) {
	numeric := true
	vals := make(map[string]float64, len(lv))
	for _, s := range lv {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			numeric = false
			break
		}
		vals[s] = f
	}
	if numeric {
		sort.Slice(lv, func(i, j int) bool { return vals[lv[i]] < vals[lv[j]] })
		return
	}
	sort.Strings(lv)
}

func isNAString(s string) bool { return s == "" || s == "NA" }

// FreqTable is a one-way frequency table (R's table(x) with proportions).
type FreqTable struct {
	Levels []string  // distinct values in level order
	Counts []float64 // count of each level
	Props  []float64 // proportion of each level among non-missing values
	NA     int       // missing values ("" or "NA") not counted
}

// Freq counts the distinct values of a categorical column. Missing values
// ("" or "NA") are skipped and reported in NA.
func Freq(x []string) (*FreqTable, error) {
	if len(x) == 0 {
		return nil, inputErr("Freq", "x", "is empty", "pass a column, e.g. df.Factor(\"g\")")
	}
	cnt := map[string]float64{}
	t := &FreqTable{}
	for _, s := range x {
		if isNAString(s) {
			t.NA++
			continue
		}
		if _, ok := cnt[s]; !ok {
			t.Levels = append(t.Levels, s)
		}
		cnt[s]++
	}
	if len(t.Levels) == 0 {
		return nil, inputErr("Freq", "x", "has only missing values", "")
	}
	sortLevels(t.Levels)
	n := float64(len(x) - t.NA)
	for _, l := range t.Levels {
		t.Counts = append(t.Counts, cnt[l])
		t.Props = append(t.Props, cnt[l]/n)
	}
	return t, nil
}

// FreqFloat counts the distinct values of a numeric column (NaN skipped).
func FreqFloat(x []float64) (*FreqTable, error) {
	s := make([]string, len(x))
	for i, v := range x {
		if v != v {
			s[i] = "NA"
		} else {
			s[i] = strconv.FormatFloat(v, 'g', -1, 64)
		}
	}
	return Freq(s)
}

func (t *FreqTable) text(o display.Options) string {
	o = o.Normalized()
	var b strings.Builder
	cells := make([]string, len(t.Counts))
	props := rfmt.Format(t.Props, 3)
	for i, c := range t.Counts {
		cells[i] = rNum(c)
	}
	rows := [][]string{t.Levels, cells, props}
	w := 0
	for _, r := range rows {
		for _, s := range r {
			if n := len([]rune(s)); n > w {
				w = n
			}
		}
	}
	lab := []string{"", "n", "prop"}
	per := (o.Width - 5) / (w + 1)
	if per < 1 {
		per = 1
	}
	for start := 0; start < len(t.Levels); start += per {
		end := min(start+per, len(t.Levels))
		for ri, r := range rows {
			b.WriteString(fmt.Sprintf("%-4s", lab[ri]))
			for _, s := range r[start:end] {
				b.WriteString(" " + strings.Repeat(" ", w-len([]rune(s))) + s)
			}
			b.WriteString("\n")
		}
	}
	if t.NA > 0 {
		fmt.Fprintf(&b, "(%d missing)\n", t.NA)
	}
	return b.String()
}

// Display implements display.Displayer.
func (t *FreqTable) Display(o display.Options) display.Bundle {
	if t == nil {
		return display.Text("table", "<nil>\n")
	}
	return display.Text("table", t.text(o))
}

// String returns the plain-text display.
func (t *FreqTable) String() string { return t.Display(display.Plain).Text }

// ContingencyTable is a two-way table of counts (R's table(a, b)).
type ContingencyTable struct {
	RowLevels, ColLevels []string
	Counts               [][]float64 // Counts[i][j]: rows with a = RowLevels[i] and b = ColLevels[j]
	NA                   int         // rows skipped for a missing value in a or b
	// RowVar and ColVar name the cross-tabulated columns (CrossTabOf); tests
	// of the table name them in their data line.
	RowVar, ColVar string
}

// ChisqTest tests the independence of the table's rows and columns
// (ChisqTest on Counts), naming the variables in the data line.
func (t *ContingencyTable) ChisqTest(opts ...Opt) (*HTest, error) {
	if t == nil {
		return nil, inputErr("ChisqTest", "table", "is nil", "make one with stats.CrossTabOf(df, \"a\", \"b\")")
	}
	h, err := ChisqTest(t.Counts, opts...)
	if err != nil {
		return nil, err
	}
	t.label(h, opts)
	return h, nil
}

// FisherTest performs Fisher's exact test on the table (FisherTest on
// Counts), naming the variables in the data line.
func (t *ContingencyTable) FisherTest(opts ...Opt) (*HTest, error) {
	if t == nil {
		return nil, inputErr("FisherTest", "table", "is nil", "make one with stats.CrossTabOf(df, \"a\", \"b\")")
	}
	h, err := FisherTest(t.Counts, opts...)
	if err != nil {
		return nil, err
	}
	t.label(h, opts)
	return h, nil
}

func (t *ContingencyTable) label(h *HTest, opts []Opt) {
	if (len(opts) == 0 || opts[0].Data == "") && t.RowVar != "" {
		h.Data = t.RowVar + " and " + t.ColVar
	}
	h.RowNames, h.ColNames = t.RowLevels, t.ColLevels
}

// CrossTab cross-tabulates two categorical columns of equal length. Rows
// where either value is missing ("" or "NA") are skipped (counted in NA).
// Pass the result's Counts to ChisqTest or FisherTest.
func CrossTab(a, b []string) (*ContingencyTable, error) {
	return crossTab("CrossTab", a, b, nil, nil, nil)
}

// crossTab counts (or sums the weights w of) the pairs of a and b; rowLv
// and colLv fix the level order when given (frame factor order).
func crossTab(fn string, a, b []string, w []float64, rowLv, colLv []string) (*ContingencyTable, error) {
	if len(a) != len(b) {
		return nil, inputErr(fn, "a and b", "have different lengths (%d and %d)", "pass two columns of the same frame", len(a), len(b))
	}
	if len(a) == 0 {
		return nil, inputErr(fn, "a", "is empty", "")
	}
	missing := func(i int) bool {
		return isNAString(a[i]) || isNAString(b[i]) || (w != nil && (math.IsNaN(w[i]) || math.IsInf(w[i], 0)))
	}
	t := &ContingencyTable{}
	rs, cs := map[string]bool{}, map[string]bool{}
	for i := range a {
		if missing(i) {
			t.NA++
			continue
		}
		if !rs[a[i]] {
			rs[a[i]] = true
			t.RowLevels = append(t.RowLevels, a[i])
		}
		if !cs[b[i]] {
			cs[b[i]] = true
			t.ColLevels = append(t.ColLevels, b[i])
		}
	}
	if len(t.RowLevels) == 0 {
		return nil, inputErr(fn, "a and b", "have no complete pairs", "")
	}
	t.RowLevels = orderLevels(t.RowLevels, rowLv, rs)
	t.ColLevels = orderLevels(t.ColLevels, colLv, cs)
	ri, ci := map[string]int{}, map[string]int{}
	for i, l := range t.RowLevels {
		ri[l] = i
	}
	for j, l := range t.ColLevels {
		ci[l] = j
	}
	t.Counts = make([][]float64, len(t.RowLevels))
	for i := range t.Counts {
		t.Counts[i] = make([]float64, len(t.ColLevels))
	}
	for i := range a {
		if missing(i) {
			continue
		}
		if w != nil {
			t.Counts[ri[a[i]]][ci[b[i]]] += w[i]
		} else {
			t.Counts[ri[a[i]]][ci[b[i]]]++
		}
	}
	return t, nil
}

// orderLevels returns the levels seen in the order of order (keeping only
// those seen, as R's table drops no levels of a factor but the frame's
// order lists only used ones), or sorted when order is nil.
func orderLevels(seen, order []string, isSeen map[string]bool) []string {
	if order == nil {
		sortLevels(seen)
		return seen
	}
	out := make([]string, 0, len(seen))
	in := map[string]bool{}
	for _, l := range order {
		if isSeen[l] && !in[l] {
			out = append(out, l)
			in[l] = true
		}
	}
	var rest []string
	for _, l := range seen {
		if !in[l] {
			rest = append(rest, l)
		}
	}
	sortLevels(rest)
	return append(out, rest...)
}

func (t *ContingencyTable) text(o display.Options) string {
	rows := append(append([]string(nil), t.RowLevels...), "Sum")
	cols := append(append([]string(nil), t.ColLevels...), "Sum")
	data := make([][]float64, len(rows))
	total := 0.0
	colSum := make([]float64, len(t.ColLevels))
	for i, r := range t.Counts {
		s := 0.0
		for j, v := range r {
			s += v
			colSum[j] += v
		}
		total += s
		data[i] = append(append([]float64(nil), r...), s)
	}
	data[len(rows)-1] = append(colSum, total)
	s := matrixText(rows, cols, data, 7)
	if t.NA > 0 {
		s += fmt.Sprintf("(%d rows with a missing value skipped)\n", t.NA)
	}
	return s
}

// Display implements display.Displayer.
func (t *ContingencyTable) Display(o display.Options) display.Bundle {
	if t == nil {
		return display.Text("table", "<nil>\n")
	}
	return display.Text("table", t.text(o))
}

// String returns the plain-text display.
func (t *ContingencyTable) String() string { return t.Display(display.Plain).Text }
