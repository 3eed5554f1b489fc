package plotting

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPrettyMatchesR compares Pretty with R 4.2's pretty() on the cases of
// testdata/pretty.R (output in testdata/pretty.tsv).
func TestPrettyMatchesR(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "pretty.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		lo, _ := strconv.ParseFloat(fs[0], 64)
		hi, _ := strconv.ParseFloat(fs[1], 64)
		k, _ := strconv.Atoi(fs[2])
		for col, minN := range []int{k / 3, 1} {
			want := parseList(fs[3+col])
			got := Pretty(lo, hi, k, minN)
			if len(got) != len(want) {
				t.Errorf("pretty(c(%v, %v), %d, min.n=%d) = %v; R gives %v", lo, hi, k, minN, got, want)
				continue
			}
			for i := range got {
				if math.Abs(got[i]-want[i]) > 1e-12*math.Max(1, math.Abs(want[i])) {
					t.Errorf("pretty(c(%v, %v), %d)[%d] = %v; R gives %v", lo, hi, k, i, got[i], want[i])
				}
			}
		}
		n++
	}
	if n < 10 {
		t.Fatalf("only %d reference cases read", n)
	}
}

func parseList(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, _ := strconv.ParseFloat(f, 64)
		out = append(out, v)
	}
	return out
}

func TestTickLabels(t *testing.T) {
	cases := []struct {
		in   []float64
		want string
	}{
		{[]float64{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}, "0.0 0.2 0.4 0.6 0.8 1.0"}, // R labels axes with common decimals
		{[]float64{40, 50, 60}, "40 50 60"},
		{[]float64{-1, -0.5, 0, 0.5}, "-1.0 -0.5 0.0 0.5"},
		{[]float64{1e6, 1.5e6, 2e6}, "1e+06 1.5e+06 2e+06"},
		{[]float64{0.00002, 0.00004}, "2e-05 4e-05"},
		{[]float64{0.25, 0.5, 0.75}, "0.25 0.50 0.75"},
	}
	for _, c := range cases {
		if got := strings.Join(TickLabels(c.in), " "); got != c.want {
			t.Errorf("TickLabels(%v) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestAxisTicksWithinRange(t *testing.T) {
	ts := AxisTicks(-0.3, 10.7, 5)
	if len(ts) == 0 || ts[0] < -0.3 || ts[len(ts)-1] > 10.7 {
		t.Fatalf("AxisTicks = %v", ts)
	}
}

func TestClip(t *testing.T) {
	x0, y0, x1, y1, ok := clip(-10, 5, 20, 5, 0, 0, 10, 10)
	if !ok || x0 != 0 || x1 != 10 || y0 != 5 || y1 != 5 {
		t.Fatalf("clip = %v %v %v %v %v", x0, y0, x1, y1, ok)
	}
	if _, _, _, _, ok := clip(-10, -5, -1, -1, 0, 0, 10, 10); ok {
		t.Fatal("segment outside was kept")
	}
	if _, _, _, _, ok := clip(math.NaN(), 0, 1, 1, 0, 0, 10, 10); ok {
		t.Fatal("NaN segment was kept")
	}
}
