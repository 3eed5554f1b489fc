package datasets_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
)

func TestAllDatasetsMatchManifest(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "reference", "datasets", "manifest.tsv")
	fh, err := os.Open(p)
	if err != nil {
		t.Fatalf("reference manifest missing: %v", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	n := 0
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 4 {
			continue
		}
		n++
		rows, _ := strconv.Atoi(parts[1])
		cols, _ := strconv.Atoi(parts[2])
		f, err := datasets.Load(parts[0])
		if err != nil {
			t.Errorf("%s: %v", parts[0], err)
			continue
		}
		if r, c := f.Shape(); r != rows || c != cols {
			t.Errorf("%s: %d×%d, manifest says %d×%d", parts[0], r, c, rows, cols)
		}
		if got := strings.Join(f.Names(), ","); got != parts[3] {
			t.Errorf("%s columns %s, want %s", parts[0], got, parts[3])
		}
		info, err := datasets.Describe(parts[0])
		if err != nil || info.Title == "" || info.Source == "" || info.Description == "" {
			t.Errorf("%s: missing description (%v)", parts[0], err)
		}
	}
	if n != 19 || len(datasets.Names()) != 19 {
		t.Errorf("manifest has %d datasets, package %d; want 19", n, len(datasets.Names()))
	}
}

func TestFactorLevelOrders(t *testing.T) {
	cases := []struct{ ds, col, levels string }{
		{"warpbreaks", "tension", "L,M,H"},
		{"esoph", "agegp", "25-34,35-44,45-54,55-64,65-74,75+"},
		{"esoph", "alcgp", "0-39g/day,40-79,80-119,120+"},
		{"esoph", "tobgp", "0-9g/day,10-19,20-29,30+"},
		{"infert", "education", "0-5yrs,6-11yrs,12+ yrs"},
		{"iris", "Species", "setosa,versicolor,virginica"},
		{"sleep", "ID", "1,2,3,4,5,6,7,8,9,10"},
		{"Titanic", "Sex", "Male,Female"},
		{"ChickWeight", "Diet", "1,2,3,4"},
	}
	for _, c := range cases {
		f := datasets.MustLoad(c.ds)
		if got := strings.Join(f.Levels(c.col), ","); got != c.levels {
			t.Errorf("%s$%s levels %s, want %s", c.ds, c.col, got, c.levels)
		}
	}
	if datasets.MustLoad("ChickWeight").Levels("Chick")[0] != "18" {
		t.Error("ChickWeight Chick levels should follow R (18 first)")
	}
	aq := datasets.MustLoad("airquality")
	if aq.Count("Ozone") != 116 {
		t.Errorf("airquality Ozone non-NA %d, want 116", aq.Count("Ozone"))
	}
}

func TestUnknownDataset(t *testing.T) {
	_, err := datasets.Load("irsi")
	if err == nil || !strings.Contains(err.Error(), `did you mean "iris"`) {
		t.Errorf("error %v", err)
	}
	if _, err := datasets.Load("Pima.tr"); err != nil {
		t.Errorf("R's name Pima.tr should work: %v", err)
	}
	s := datasets.List().String()
	if !strings.Contains(s, "19 built-in datasets") || !strings.Contains(s, "warpbreaks") {
		t.Errorf("list:\n%s", s)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustLoad of an unknown name should panic")
		}
	}()
	datasets.MustLoad("nope")
}

func ExampleLoad() {
	f, err := datasets.Load("warpbreaks")
	if err != nil {
		panic(err)
	}
	fmt.Println(f.GroupBy("tension").Mean("breaks"))
	// Output:
	// frame: 3 rows × 2 columns
	//    tension    breaks
	//    <str>       <dbl>
	// 1  L        36.38889
	// 2  M        26.38889
	// 3  H        21.66667
}

// TestOrderedFactors checks the ordered factors against R 4.2.2:
// for each of the datasets, names(which(sapply(ds, is.ordered))) gives
// ChickWeight: Chick; esoph: agegp, alcgp, tobgp; none elsewhere.
func TestOrderedFactors(t *testing.T) {
	want := map[string]string{"ChickWeight": "Chick", "esoph": "agegp,alcgp,tobgp"}
	for _, name := range datasets.Names() {
		f := datasets.MustLoad(name)
		var got []string
		for _, col := range f.Names() {
			if f.Type(col) == "string" && f.IsOrdered(col) {
				got = append(got, col)
			}
		}
		if g := strings.Join(got, ","); g != want[name] {
			t.Errorf("%s: ordered factors %q, R has %q", name, g, want[name])
		}
	}
	chick := datasets.MustLoad("ChickWeight")
	if lv := chick.Levels("Chick"); lv[0] != "18" || lv[len(lv)-1] != "48" {
		t.Errorf("ChickWeight Chick levels %v; R's ordered levels run 18 < 16 < … < 48", lv)
	}
}
