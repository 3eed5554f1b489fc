package stats

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// loadCSV reads a reference dataset as columns of strings.
func loadCSV(t testing.TB, name string) map[string][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(refDir, "datasets", name+".csv"))
	if err != nil {
		t.Fatalf("reference dataset missing: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	for _, r := range recs[1:] {
		for j, h := range recs[0] {
			cols[h] = append(cols[h], r[j])
		}
	}
	return cols
}

func floatsOf(t testing.TB, s []string) []float64 {
	out := make([]float64, len(s))
	for i, v := range s {
		if v == "NA" {
			out[i] = math.NaN()
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = f
	}
	return out
}

// rHT is R's htest as stored by reference/r/_htest.R.
type rHT struct {
	Method      string          `json:"method"`
	Statistic   rnum            `json:"statistic"`
	Parameter   map[string]rnum `json:"parameter"`
	PValue      rnum            `json:"p_value"`
	ConfInt     []rnum          `json:"conf_int"`
	Estimate    map[string]rnum `json:"estimate"`
	NullValue   map[string]rnum `json:"null_value"`
	StdErr      *rnum           `json:"stderr"`
	Alternative string          `json:"alternative"`
	Extra       map[string]any  `json:"-"`
}

func loadR(t testing.TB, name string, v any) {
	t.Helper()
	var ref struct {
		R json.RawMessage `json:"R"`
	}
	readJSON(t, filepath.Join(refDir, "r", name+".json"), &ref)
	if err := json.Unmarshal(ref.R, v); err != nil {
		t.Fatal(err)
	}
}

// near checks a relative tolerance (absolute below 1e-300).
func near(t *testing.T, what string, got, want, rel float64) {
	t.Helper()
	if !closeTo(got, want, rel, 1e-300) {
		t.Errorf("%s = %.17g, want %.17g (rel err %.2g)", what, got, want, math.Abs(got-want)/math.Abs(want))
	}
}

// checkHT compares an HTest with R's.
func checkHT(t *testing.T, name string, h *HTest, r rHT, rel float64) {
	t.Helper()
	if h.Method != r.Method && !(r.Method == " Two Sample t-test" && h.Method == "Two Sample t-test") {
		t.Errorf("%s method %q, R %q", name, h.Method, r.Method)
	}
	if !math.IsNaN(float64(r.Statistic)) {
		near(t, name+" statistic", h.Statistic, float64(r.Statistic), rel)
	}
	if len(r.Parameter) > 0 {
		if len(r.Parameter) != len(h.Params) {
			t.Errorf("%s: %d parameters, R %d", name, len(h.Params), len(r.Parameter))
		}
		for i, nm := range h.ParamNames {
			if v, ok := r.Parameter[nm]; ok {
				near(t, name+" "+nm, h.Params[i], float64(v), rel)
			} else {
				t.Errorf("%s: parameter %q not in R's %v", name, nm, r.Parameter)
			}
		}
	}
	near(t, name+" p-value", h.PValue, float64(r.PValue), rel)
	if len(r.ConfInt) == 2 {
		near(t, name+" conf.int lo", h.ConfInt[0], float64(r.ConfInt[0]), rel)
		near(t, name+" conf.int hi", h.ConfInt[1], float64(r.ConfInt[1]), rel)
	}
	for i, nm := range h.EstNames {
		if v, ok := r.Estimate[nm]; ok {
			near(t, name+" estimate "+nm, h.Estimate[i], float64(v), rel)
		} else if len(r.Estimate) > 0 {
			t.Errorf("%s: estimate %q not in R's %v", name, nm, r.Estimate)
		}
	}
	if r.StdErr != nil {
		near(t, name+" stderr", h.StdErr, float64(*r.StdErr), rel)
	}
	if r.Alternative != "" && r.Alternative != h.Alternative {
		t.Errorf("%s alternative %q, R %q", name, h.Alternative, r.Alternative)
	}
}

func sleepData(t testing.TB) (extra []float64, group []string, g1, g2 []float64) {
	d := loadCSV(t, "sleep")
	extra = floatsOf(t, d["extra"])
	group = d["group"]
	// paired by ID: the CSV is ordered by group then ID
	for i, g := range group {
		if g == "1" {
			g1 = append(g1, extra[i])
		} else {
			g2 = append(g2, extra[i])
		}
	}
	return
}

func nanv() float64 { return math.NaN() }
