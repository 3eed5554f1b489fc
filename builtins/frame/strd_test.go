package frame_test

import (
	"encoding/json"
	"math"
	mbig "math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// exactMoments returns the exact mean and sample sd of the float64 values
// x (math/big), i.e. the best any float64 program can do on these inputs.
func exactMoments(x []float64) (mean, sd float64) {
	n := new(mbig.Rat).SetInt64(int64(len(x)))
	sum := new(mbig.Rat)
	for _, v := range x {
		sum.Add(sum, new(mbig.Rat).SetFloat64(v))
	}
	m := new(mbig.Rat).Quo(sum, n)
	ss := new(mbig.Rat)
	for _, v := range x {
		d := new(mbig.Rat).Sub(new(mbig.Rat).SetFloat64(v), m)
		ss.Add(ss, d.Mul(d, d))
	}
	ss.Quo(ss, new(mbig.Rat).SetInt64(int64(len(x)-1)))
	vf := new(mbig.Float).SetPrec(200).SetRat(ss)
	sf := new(mbig.Float).SetPrec(200).Sqrt(vf)
	mean, _ = m.Float64()
	sd, _ = sf.Float64()
	return mean, sd
}

// TestNISTUnivariate reads the NIST StRD univariate sets through ParseCSV
// and checks mean and sd against the certified values, aiming at the
// float64 ceiling (the LRE of the exact answer on the rounded inputs). The
// NumAcc3/4-style sets with large offsets are built here from NumAcc2's
// pattern (certified mean offset + 0.2, sd 0.1, exact).
func TestNISTUnivariate(t *testing.T) {
	dir := filepath.Join(refDir(t), "strd", "json")
	type set struct {
		name     string
		y        []string
		mean, sd float64
	}
	var sets []set
	for _, name := range []string{"PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2"} {
		var d struct {
			Y         []string `json:"y_str"`
			Certified struct {
				Mean struct{ Value float64 } `json:"mean"`
				SD   struct{ Value float64 } `json:"std_dev"`
			} `json:"certified"`
		}
		loadJSON(t, filepath.Join(dir, name+".json"), &d)
		sets = append(sets, set{name, d.Y, d.Certified.Mean.Value, d.Certified.SD.Value})
		if name == "NumAcc2" {
			for _, off := range []string{"1000000", "10000000", "10000000000000"} {
				y := make([]string, len(d.Y))
				for k, v := range d.Y {
					y[k] = off + strings.TrimPrefix(v, "1")
				}
				mean := map[string]float64{"1000000": 1000000.2, "10000000": 10000000.2, "10000000000000": 10000000000000.2}[off]
				sets = append(sets, set{"NumAcc2+" + off, y, mean, 0.1})
			}
		}
	}
	for _, s := range sets {
		f, err := frame.ParseCSV("y\n" + strings.Join(s.y, "\n") + "\n")
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		x := f.Col("y")
		em, es := exactMoments(x)
		ceilM, ceilS := math.Min(lre(em, s.mean), 15), math.Min(lre(es, s.sd), 15)
		gotM, gotS := lre(f.Mean("y"), s.mean), lre(f.SD("y"), s.sd)
		if gotM < ceilM-0.5 || gotS < ceilS-0.5 {
			t.Errorf("%s: mean LRE %.1f (ceiling %.1f), sd LRE %.1f (ceiling %.1f)", s.name, gotM, ceilM, gotS, ceilS)
		}
		d := f.Describe()
		if lre(d.Col("sd")[0], s.sd) < ceilS-0.5 || lre(d.Col("mean")[0], s.mean) < ceilM-0.5 {
			t.Errorf("%s: Describe mean %v sd %v", s.name, d.Col("mean")[0], d.Col("sd")[0])
		}
		g := frame.New("g", make([]int, len(x)), "y", x).GroupBy("g").Agg("mean(y)", "sd(y)")
		if lre(g.Col("sd_y")[0], s.sd) < ceilS-0.5 || lre(g.Col("mean_y")[0], s.mean) < ceilM-0.5 {
			t.Errorf("%s: group-by mean %v sd %v", s.name, g.Col("mean_y")[0], g.Col("sd_y")[0])
		}
	}
}

// TestJSONNumbersParse checks that number text in the reference JSON parses
// exactly like strconv (the fast float path).
func TestJSONNumbersParse(t *testing.T) {
	var d struct {
		Y []string `json:"y_str"`
	}
	loadJSON(t, filepath.Join(refDir(t), "strd", "json", "Michelso.json"), &d)
	f, err := frame.ParseCSV("y\n" + strings.Join(d.Y, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	var want []float64
	if err := json.Unmarshal([]byte("["+strings.Join(d.Y, ",")+"]"), &want); err != nil {
		t.Fatal(err)
	}
	for k, v := range f.Col("y") {
		if v != want[k] {
			t.Fatalf("%s parsed as %v, want %v", d.Y[k], v, want[k])
		}
	}
}
