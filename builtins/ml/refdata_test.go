package ml

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func refDir(t testing.TB) string {
	d := filepath.Join("..", "..", "..", "shared", "reference")
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("reference data missing: %v", err)
	}
	return d
}

// readRef loads ../shared/reference/r/<name>.json.
func readRef(t testing.TB, name string) map[string]any {
	b, err := os.ReadFile(filepath.Join(refDir(t), "r", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// readCSV reads a CSV with a header into named columns of strings.
func readCSV(t testing.TB, path string) ([]string, [][]string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// numericData reads a reference dataset and returns the named numeric
// columns as a matrix plus one column as a vector.
func numericData(t testing.TB, file string, cols []string, target string) (*mat.Dense, []float64) {
	head, rows := readCSV(t, filepath.Join(refDir(t), "datasets", file))
	pos := map[string]int{}
	for i, h := range head {
		pos[h] = i
	}
	X := mat.NewDense(len(rows), len(cols), nil)
	y := make([]float64, len(rows))
	for i, r := range rows {
		for j, c := range cols {
			v, err := strconv.ParseFloat(r[pos[c]], 64)
			if err != nil {
				t.Fatalf("%s row %d col %s: %v", file, i, c, err)
			}
			X.Set(i, j, v)
		}
		if target != "" {
			v, err := strconv.ParseFloat(r[pos[target]], 64)
			if err != nil {
				y[i] = -1
			} else {
				y[i] = v
			}
		}
	}
	return X, y
}

func getF(m map[string]any, path ...string) any {
	var cur any = m
	for _, p := range path {
		cur = cur.(map[string]any)[p]
	}
	return cur
}

func floats(v any) []float64 {
	a := v.([]any)
	out := make([]float64, len(a))
	for i, x := range a {
		out[i] = x.(float64)
	}
	return out
}

// standardiseCols z-scores the columns with the population sd (sklearn
// StandardScaler).
func standardiseCols(X *mat.Dense) *mat.Dense {
	n, p := X.Dims()
	Z := mat.NewDense(n, p, nil)
	for j := 0; j < p; j++ {
		mu, sd := meanSD(mat.Col(nil, j, X), 0)
		for i := 0; i < n; i++ {
			Z.Set(i, j, (X.At(i, j)-mu)/sd)
		}
	}
	return Z
}
