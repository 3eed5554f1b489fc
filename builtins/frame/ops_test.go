package frame_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
)

func TestUnknownColumnSuggests(t *testing.T) {
	m := datasets.MustLoad("mtcars")
	other := frame.New("cyl", []int{4, 6})
	cases := []struct {
		name string
		fn   func()
	}{
		{"Select", func() { m.Select("mgp") }},
		{"Drop", func() { m.Drop("mgp") }},
		{"Rename", func() { m.Rename("mgp", "x") }},
		{"Sort", func() { m.Sort("-mgp") }},
		{"GroupBy", func() { m.GroupBy("mgp") }},
		{"Agg", func() { m.GroupBy("cyl").Agg("mean(mgp)") }},
		{"Filter", func() { m.Filter("mgp > 3") }},
		{"Mutate", func() { m.Mutate("x", "mgp * 2") }},
		{"Where", func() { m.Where("mgp", ">", 3) }},
		{"Col", func() { m.Col("mgp") }},
		{"Factor", func() { m.Factor("mgp") }},
		{"Mean", func() { m.Mean("mgp") }},
		{"Join", func() { m.Join(other, "inner", "mgp") }},
		{"Pivot", func() { m.Pivot("mgp", "cyl", "hp", "mean") }},
		{"Impute", func() { m.Impute("mean", "mgp") }},
		{"Crosstab", func() { m.Crosstab("mgp", "cyl") }},
		{"ValueCounts", func() { m.ValueCounts("mgp") }},
		{"Unique", func() { m.Unique("mgp") }},
		{"DropNA", func() { m.DropNA("mgp") }},
		{"TrainTest", func() { m.TrainTest(0.2, 1, "mgp") }},
	}
	for _, c := range cases {
		err := panicErr(t, c.fn)
		if !strings.Contains(err.Error(), `"mgp"`) || !strings.Contains(err.Error(), `did you mean "mpg"`) {
			t.Errorf("%s: error %q should name mgp and suggest mpg", c.name, err)
		}
	}
	if _, err := m.Floats("mgp"); err == nil || !strings.Contains(err.Error(), `"mpg"`) {
		t.Errorf("Floats: %v", err)
	}
	if _, err := m.Matrix("mpg", "mgp"); err == nil || !strings.Contains(err.Error(), `"mpg"`) {
		t.Errorf("Matrix: %v", err)
	}
	if err := frame.NewStandardize("mgp").Fit(m); err == nil || !strings.Contains(err.Error(), `did you mean "mpg"`) {
		t.Errorf("Standardize.Fit: %v", err)
	}
}

func TestJoin(t *testing.T) {
	l := frame.New("id", []int{1, 2, 3, 3}, "x", []string{"a", "b", "c", "d"})
	r := frame.New("id", []int{3, 4, 1}, "y", []float64{30, 40, 10})
	check := func(how string, ids []string, xs []string, ys []string) {
		t.Helper()
		j := l.Join(r, how, "id")
		got := strings.Join(j.Factor("id"), ",") + " " + strings.Join(j.Factor("x"), ",") + " " + strings.Join(j.Factor("y"), ",")
		want := strings.Join(ids, ",") + " " + strings.Join(xs, ",") + " " + strings.Join(ys, ",")
		if got != want {
			t.Errorf("%s join: got %s, want %s", how, got, want)
		}
	}
	check("inner", []string{"1", "3", "3"}, []string{"a", "c", "d"}, []string{"10", "30", "30"})
	check("left", []string{"1", "2", "3", "3"}, []string{"a", "b", "c", "d"}, []string{"10", "NA", "30", "30"})
	check("right", []string{"1", "3", "3", "4"}, []string{"a", "c", "d", "NA"}, []string{"10", "30", "30", "40"})
	check("outer", []string{"1", "2", "3", "3", "4"}, []string{"a", "b", "c", "d", "NA"}, []string{"10", "NA", "30", "30", "40"})
	// Two keys, name clash suffixes.
	a := frame.New("k1", []string{"x", "x", "y"}, "k2", []int{1, 2, 1}, "v", []float64{1, 2, 3})
	b := frame.New("k1", []string{"x", "y"}, "k2", []int{2, 1}, "v", []float64{20, 30})
	j := a.Join(b, "inner", "k1", "k2")
	if got := strings.Join(j.Names(), ","); got != "k1,k2,v.x,v.y" {
		t.Errorf("names %s", got)
	}
	if v := j.Col("v.y"); len(v) != 2 || v[0] != 20 || v[1] != 30 {
		t.Errorf("v.y = %v", v)
	}
	// Key type mismatch.
	s := frame.New("id", []string{"1", "2"}, "z", []int{1, 2})
	err := panicErr(t, func() { l.Join(s, "inner", "id") })
	wantErr(t, err, `key "id" is int in the left frame but string in the right`, "AsString")
	err = panicErr(t, func() { l.Join(r, "sideways", "id") })
	wantErr(t, err, "unknown join")
}

func TestSortStableNALast(t *testing.T) {
	f := frame.New("g", []string{"b", "a", "b", "a", "c"}, "x", []float64{2, math.NaN(), 1, 3, 2}, "i", []int{1, 2, 3, 4, 5})
	got := strings.Join(f.Sort("x").Factor("i"), ",")
	if got != "3,1,5,4,2" {
		t.Errorf("sort x: %s", got)
	}
	got = strings.Join(f.Sort("-x").Factor("i"), ",")
	if got != "4,1,5,3,2" {
		t.Errorf("sort -x (stable, NA last): %s", got)
	}
	got = strings.Join(f.Sort("g", "-x").Factor("i"), ",")
	if got != "4,2,1,3,5" {
		t.Errorf("sort g, -x: %s", got)
	}
	// Factor order, not alphabetical.
	w := datasets.MustLoad("warpbreaks").Sort("-tension")
	if w.Factor("tension")[0] != "H" {
		t.Errorf("descending factor order: first is %s, want H", w.Factor("tension")[0])
	}
	// Random data: matches sort.SliceStable.
	r := rand.New(rand.NewPCG(5, 6))
	n := 100000
	x := make([]float64, n)
	k := make([]int, n)
	for i := range x {
		x[i] = math.Round(r.NormFloat64()*100) / 10
		k[i] = r.IntN(50) - 25
	}
	g := frame.New("x", x, "k", k)
	order := g.Order("k", "-x")
	want := make([]int, n)
	for i := range want {
		want[i] = i
	}
	sort.SliceStable(want, func(a, b int) bool {
		if k[want[a]] != k[want[b]] {
			return k[want[a]] < k[want[b]]
		}
		return x[want[a]] > x[want[b]]
	})
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order[%d] = %d, want %d", i, order[i], want[i])
		}
	}
}

// rQuantile7 is R's quantile(x, p, type = 7) on sorted s, as
// quantile.default computes it: nppm = 1 + p(n-1), j = floor(nppm + 4ε),
// h = nppm - j, Q = (1-h)·s[j] + h·s[j+1] (1-based).
func rQuantile7(s []float64, p float64) float64 {
	const fuzz = 4 * 2.220446049250313e-16
	nppm := 1 + p*float64(len(s)-1)
	j := math.Floor(nppm + fuzz)
	h := nppm - j
	a := s[int(j)-1]
	if h > fuzz && a != s[int(j)] {
		return (1-h)*a + h*s[int(j)]
	}
	return a
}

func TestQuantileSelectionMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{1, 2, 7, 1000, 50000, 300000} {
		x := make([]float64, n)
		for i := range x {
			x[i] = r.NormFloat64() * 10
			if i%7 == 0 {
				x[i] = math.Round(x[i])
			}
		}
		s := append([]float64(nil), x...)
		sort.Float64s(s)
		f := frame.New("x", x)
		for _, p := range []float64{0, 0.01, 0.25, 0.5, 0.75, 0.9, 1} {
			want := rQuantile7(s, p)
			if got := f.Quantile("x", p); got != want {
				t.Errorf("n=%d p=%v: %v, want %v", n, p, got, want)
			}
		}
		d := f.Describe()
		if got := d.Col("median")[0]; got != f.Quantile("x", 0.5) {
			t.Errorf("describe median %v", got)
		}
	}
	// Large columns with NA: the radix path skips NaN.
	y := make([]float64, 100000)
	var present []float64
	for i := range y {
		y[i] = r.ExpFloat64()
		if i%10 == 3 {
			y[i] = math.NaN()
		} else {
			present = append(present, y[i])
		}
	}
	sort.Float64s(present)
	g := frame.New("y", y)
	for _, p := range []float64{0.1, 0.5, 0.99} {
		want := rQuantile7(present, p)
		if got := g.Quantile("y", p); got != want {
			t.Errorf("with NA p=%v: %v, want %v", p, got, want)
		}
	}
	if d := g.Describe(); d.Col("count")[0] != float64(len(present)) || d.Col("median")[0] != g.Median("y") {
		t.Errorf("describe with NA: %v", d)
	}
	// Median with NaN (gota gets this wrong).
	f := frame.New("x", []float64{1, math.NaN(), 3})
	if m := f.Median("x"); m != 2 {
		t.Errorf("median of 1, NA, 3 = %v, want 2", m)
	}
}

func TestGroupByAggregates(t *testing.T) {
	f := frame.New("g", []string{"b", "a", "b", "a", "b"}, "x", []float64{1, 2, math.NaN(), 4, 5}, "s", []string{"p", "q", "p", "r", "p"})
	f = f.FillNA("s", "z")
	a := f.GroupBy("g").Agg("n()", "count(x)", "sum(x)", "mean(x)", "median(x)", "sd(x)", "var(x)", "min(x)", "max(x)",
		"q = quantile(x, 0.5)", "n_unique(s)", "first(x)", "last(x)")
	if got := strings.Join(a.Factor("g"), ","); got != "a,b" {
		t.Fatalf("group order %s", got)
	}
	want := map[string][]float64{
		"n": {2, 3}, "count_x": {2, 2}, "sum_x": {6, 6}, "mean_x": {3, 3}, "median_x": {3, 3},
		"sd_x": {math.Sqrt(2), math.Sqrt(8)}, "var_x": {2, 8}, "min_x": {2, 1}, "max_x": {4, 5},
		"q": {3, 3}, "n_unique_s": {2, 1}, "first_x": {2, 1}, "last_x": {4, 5},
	}
	for col, w := range want {
		got := a.Col(col)
		for k := range w {
			if math.Abs(got[k]-w[k]) > 1e-14 {
				t.Errorf("%s[%d] = %v, want %v", col, k, got[k], w[k])
			}
		}
	}
	// Group with only NA → NaN mean, count 0.
	g := frame.New("g", []int{1, 1, 2}, "x", []float64{1, 2, math.NaN()}).GroupBy("g").Agg("mean(x)", "count(x)")
	if !math.IsNaN(g.Col("mean_x")[1]) || g.Col("count_x")[1] != 0 {
		t.Errorf("all-NA group: %v %v", g.Col("mean_x"), g.Col("count_x"))
	}
	// NA key is its own group, last.
	h := frame.New("g", []float64{2, math.NaN(), 1, 2}, "x", []float64{1, 2, 3, 4}).GroupBy("g").Sum("x")
	if got := strings.Join(h.Factor("g"), ","); got != "1,2,NA" {
		t.Errorf("NA key group: %s", got)
	}
	err := panicErr(t, func() { f.GroupBy("g").Agg("mean(s)") })
	wantErr(t, err, `column "s" is string`)
	err = panicErr(t, func() { f.GroupBy("g").Agg("meen(x)") })
	wantErr(t, err, "did you mean mean")
	// Sparse wide int keys go through the sort path.
	k := frame.New("k", []int{1 << 40, -5, 1 << 40, 7}, "x", []float64{1, 2, 3, 4}).GroupBy("k").Sum("x")
	if got := strings.Join(k.Factor("k"), ","); got != "-5,7,1099511627776" || k.Col("x")[2] != 4 {
		t.Errorf("wide keys: %s %v", got, k.Col("x"))
	}
}

func TestFilterMutateExpressions(t *testing.T) {
	m := datasets.MustLoad("mtcars")
	a := m.Filter("mpg > 25 && cyl == 4")
	b := m.Where("mpg", ">", 25).Where("cyl", "==", 4)
	if a.NRows() != 6 || b.NRows() != 6 {
		t.Errorf("filter rows %d %d, want 6", a.NRows(), b.NRows())
	}
	iris := datasets.MustLoad("iris")
	if n := iris.Filter(`Species != "setosa" && Sepal.Length >= 7`).NRows(); n != 13 {
		t.Errorf("string filter: %d rows, want 13", n)
	}
	if n := iris.Where("Species", "in", []string{"setosa", "virginica"}).NRows(); n != 100 {
		t.Errorf("in: %d", n)
	}
	aq := datasets.MustLoad("airquality")
	if n := aq.Filter("is_na(Ozone)").NRows(); n != 37 {
		t.Errorf("is_na: %d", n)
	}
	if n := aq.Filter("Ozone > 100 || Temp > 95").NRows(); n != 9 { // R: sum(Ozone > 100 | Temp > 95, na.rm = TRUE)
		t.Errorf("NA in ||: %d rows", n)
	}
	k := m.Mutate("kpl", "mpg * 0.425144").Mutate("r", "ifelse(am == 1, log(hp) ^ 2, -sqrt(hp) % 7)").Mutate("heavy", "wt > 3.5")
	mpg, kpl, r, hp := k.Col("mpg"), k.Col("kpl"), k.Col("r"), k.Col("hp")
	am := k.Col("am")
	for i := range mpg {
		if kpl[i] != mpg[i]*0.425144 {
			t.Fatalf("kpl[%d]", i)
		}
		want := math.Pow(math.Log(hp[i]), 2)
		if am[i] == 0 {
			x := -math.Sqrt(hp[i])
			want = x - 7*math.Floor(x/7)
		}
		if r[i] != want {
			t.Fatalf("r[%d] = %v, want %v", i, r[i], want)
		}
	}
	if k.Type("heavy") != "bool" {
		t.Errorf("heavy type %s", k.Type("heavy"))
	}
	for _, bad := range []string{"mpg >", "mpg + + ", "foo(mpg)", `model * 2`, "(mpg", "mpg $ 2"} {
		err := panicErr(t, func() { m.Mutate("z", bad) })
		if !strings.Contains(err.Error(), "frame.Mutate") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	err := panicErr(t, func() { m.Filter("mpg * 2") })
	wantErr(t, err, "not a condition")
}

func TestReshape(t *testing.T) {
	f := frame.New("id", []string{"a", "a", "b"}, "k", []string{"x", "y", "x"}, "v", []float64{1, 2, 3})
	p := f.Pivot("id", "k", "v", "sum")
	if got := strings.Join(p.Names(), ","); got != "id,x,y" {
		t.Fatalf("pivot names %s", got)
	}
	if y := p.Col("y"); y[0] != 2 || !math.IsNaN(y[1]) {
		t.Errorf("pivot y = %v", y)
	}
	long := p.Melt([]string{"id"}, nil)
	if long.NRows() != 4 || strings.Join(long.Factor("variable"), ",") != "x,x,y,y" {
		t.Errorf("melt: %v", long.Factor("variable"))
	}
	c := frame.Concat(f, frame.New("id", []string{"c"}, "v", []float64{9}, "w", []int{1}))
	if c.NRows() != 4 || c.Factor("k")[3] != "NA" || c.Factor("w")[0] != "NA" {
		t.Errorf("concat: %v %v", c.Factor("k"), c.Factor("w"))
	}
	err := panicErr(t, func() { frame.Concat(f, frame.New("v", []string{"x"})) })
	wantErr(t, err, `column "v" is float in frame 1 but string in frame 2`)
	vc := datasets.MustLoad("mtcars").ValueCounts("cyl")
	if strings.Join(vc.Factor("cyl"), ",") != "8,4,6" || vc.Col("n")[0] != 14 {
		t.Errorf("value counts %v %v", vc.Factor("cyl"), vc.Col("n"))
	}
	u := frame.New("a", []int{1, 1, 2, 1}, "b", []string{"x", "x", "y", "z"})
	if u.Unique().NRows() != 3 || u.Unique("a").NRows() != 2 {
		t.Errorf("unique %d %d", u.Unique().NRows(), u.Unique("a").NRows())
	}
}

func TestMissingValues(t *testing.T) {
	f := frame.New("x", []float64{math.NaN(), 1, math.NaN(), 3, math.NaN()}, "s", []string{"a", "b", "b", "c", "d"}).SetNA("s", "d")
	na := f.NACounts()
	if na.Col("na")[0] != 3 || na.Col("na")[1] != 1 {
		t.Errorf("NA counts %v", na.Col("na"))
	}
	cases := map[string][]float64{
		"mean":   {2, 1, 2, 3, 2},
		"median": {2, 1, 2, 3, 2},
		"ffill":  {math.NaN(), 1, 1, 3, 3},
		"bfill":  {1, 1, 3, 3, math.NaN()},
		"mode":   {1, 1, 1, 3, 1},
	}
	for m, want := range cases {
		got := f.Impute(m, "x").Col("x")
		for i := range want {
			if got[i] != want[i] && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
				t.Errorf("%s: %v, want %v", m, got, want)
				break
			}
		}
	}
	if got := f.Impute("mode", "s").Factor("s")[4]; got != "b" {
		t.Errorf("mode of s: %s", got)
	}
	if got := f.FillNA("x", 0).Col("x")[0]; got != 0 {
		t.Errorf("FillNA %v", got)
	}
	if f.DropNA().NRows() != 2 || f.DropNACols(0).NCols() != 0 || f.DropNACols(0.5).NCols() != 1 {
		t.Errorf("drop NA: %d rows, %d, %d", f.DropNA().NRows(), f.DropNACols(0).NCols(), f.DropNACols(0.5).NCols())
	}
}

func TestTransformers(t *testing.T) {
	iris := datasets.MustLoad("iris")
	train, test := iris.TrainTest(0.2, 1, "Species")
	if train.NRows() != 120 || test.NRows() != 30 {
		t.Fatalf("split %d/%d", train.NRows(), test.NRows())
	}
	for _, n := range test.GroupBy("Species").Count().Col("n") {
		if n != 10 {
			t.Errorf("stratified test counts %v", test.GroupBy("Species").Count().Col("n"))
		}
	}
	s := frame.NewStandardize()
	z, err := s.FitTransform(train)
	if err != nil {
		t.Fatal(err)
	}
	if m := z.Mean("Sepal.Length"); math.Abs(m) > 1e-14 || math.Abs(z.SD("Sepal.Length")-1) > 1e-14 {
		t.Errorf("standardized mean %v sd %v", m, z.SD("Sepal.Length"))
	}
	zt, _ := s.Transform(test)
	want := (test.Col("Petal.Width")[0] - train.Mean("Petal.Width")) / train.SD("Petal.Width")
	if zt.Col("Petal.Width")[0] != want {
		t.Errorf("test data must use training parameters")
	}
	oh := frame.NewOneHot("Species")
	oh.DropFirst = true
	e, err := oh.FitTransform(train)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(e.Names(), ","); got != "Sepal.Length,Sepal.Width,Petal.Length,Petal.Width,Species_versicolor,Species_virginica" {
		t.Errorf("one-hot names %s", got)
	}
	novel := frame.New("Species", []string{"setosa", "arctica"})
	_, err = oh.Transform(novel)
	wantErr(t, err, `level "arctica"`, "not seen in Fit", `Unseen: "zeros"`)
	oh.Unseen = "zeros"
	e, err = oh.Transform(novel)
	if err != nil || e.Col("Species_virginica")[1] != 0 {
		t.Errorf("unseen zeros: %v", err)
	}
	o := frame.NewOrdinal("tension")
	w, err := o.FitTransform(datasets.MustLoad("warpbreaks"))
	if err != nil || w.Col("tension")[0] != 0 || w.Col("tension")[53] != 2 {
		t.Errorf("ordinal: %v", err)
	}
	mm, _ := frame.NewMinMax("Sepal.Width").FitTransform(iris)
	if mm.Min("Sepal.Width") != 0 || mm.Max("Sepal.Width") != 1 {
		t.Errorf("minmax")
	}
	b := frame.NewBinning(4, "Sepal.Length")
	bb, err := b.FitTransform(iris)
	if err != nil {
		t.Fatal(err)
	}
	if lv := bb.Levels("Sepal.Length"); len(lv) != 4 || lv[0] != "(-Inf,5.1]" {
		t.Errorf("bins %v", lv)
	}
	p, _ := frame.NewPolynomial(2, "wt", "hp").FitTransform(datasets.MustLoad("mtcars"))
	if got := strings.Join(p.Names()[12:], ","); got != "wt^2,hp^2,wt:hp" {
		t.Errorf("poly names %s", got)
	}
	lg, err := frame.NewLog(0, "Ozone").FitTransform(datasets.MustLoad("airquality"))
	if err != nil || math.Abs(lg.Col("Ozone")[0]-math.Log(41)) > 1e-15 {
		t.Errorf("log: %v", err)
	}
	_, err = frame.NewLog(0, "x").FitTransform(frame.New("x", []float64{1, 0}))
	wantErr(t, err, `column "x" row 2`)
	_, err = frame.NewStandardize().Transform(iris)
	wantErr(t, err, "not fitted")
	im := frame.NewImputer("median", "Ozone")
	aq := datasets.MustLoad("airquality")
	ai, err := im.FitTransform(aq)
	if err != nil || ai.Col("Ozone")[4] != 31.5 {
		t.Errorf("imputer: %v", err)
	}
	bc := frame.NewBoxCox("Wind")
	if _, err := bc.FitTransform(aq); err != nil || math.Abs(bc.Lambdas[0]-0.6952) > 2e-4 {
		t.Errorf("box-cox %v %v", err, bc.Lambdas)
	}
}

func TestFolds(t *testing.T) {
	folds := frame.KFold(103, 5, 9)
	seen := make([]int, 103)
	for _, f := range folds {
		if len(f.Test) < 20 || len(f.Test) > 21 || len(f.Train)+len(f.Test) != 103 {
			t.Errorf("fold sizes %d/%d", len(f.Train), len(f.Test))
		}
		for _, r := range f.Test {
			seen[r]++
		}
	}
	for r, n := range seen {
		if n != 1 {
			t.Fatalf("row %d in %d test parts", r, n)
		}
	}
	iris := datasets.MustLoad("iris")
	for _, f := range iris.Folds(5, 3, "Species") {
		for _, n := range iris.Take(f.Test).GroupBy("Species").Count().Col("n") {
			if n != 10 {
				t.Errorf("stratified fold class counts")
			}
		}
	}
	a1, _ := iris.TrainTest(0.3, 7)
	a2, _ := iris.TrainTest(0.3, 7)
	if a1.CSV() != a2.CSV() {
		t.Error("same seed must give the same split")
	}
}

func TestGotaRoundTrip(t *testing.T) {
	f := frame.New("x", []float64{1.5, math.NaN()}, "i", []int{1, 2}, "s", []string{"a", "b"}, "b", []bool{true, false})
	f = f.SetNA("s", "b")
	df := f.ToGota()
	if df.Nrow() != 2 || df.Ncol() != 4 {
		t.Fatalf("gota shape %d×%d", df.Nrow(), df.Ncol())
	}
	g, err := frame.FromGota(df)
	if err != nil {
		t.Fatal(err)
	}
	if g.CSV() != f.CSV() || strings.Join(g.Types(), ",") != "float,int,string,bool" {
		t.Errorf("gota round trip:\n%s\n%s %v", g.CSV(), f.CSV(), g.Types())
	}
}

func TestDisplay(t *testing.T) {
	m := datasets.MustLoad("mtcars")
	s := m.String()
	for _, want := range []string{"frame: 32 rows × 12 columns", "<dbl>", "Mazda RX4", "⋮", "Volvo 142E"} {
		if !strings.Contains(s, want) {
			t.Errorf("display lacks %q:\n%s", want, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if display.Width(line) > 80 {
			t.Errorf("line wider than 80: %q", line)
		}
	}
	b := m.Display(display.Options{Width: 40, Color: true, Unicode: false})
	for _, line := range strings.Split(b.Text, "\n") {
		if display.Width(line) > 40 {
			t.Errorf("line wider than 40: %q", line)
		}
		for _, r := range line {
			if r > 127 {
				t.Fatalf("non-ASCII in ASCII mode: %q", line)
			}
		}
	}
	if !strings.Contains(b.ANSI, "\x1b[1m") || !strings.Contains(b.Markdown, "| model &lt;str&gt; |") || !strings.Contains(b.HTML, "<td>Mazda RX4</td>") {
		t.Errorf("ANSI/Markdown/HTML forms missing")
	}
	p := datasets.MustLoad("airquality").Profile().String()
	for _, want := range []string{"profile: 153 rows", "Ozone", "24.2%", "outliers"} {
		if !strings.Contains(p, want) {
			t.Errorf("profile lacks %q:\n%s", want, p)
		}
	}
	if g := m.GroupBy("cyl").String(); !strings.Contains(g, "3 groups by cyl") || !strings.Contains(g, "14") {
		t.Errorf("groups display:\n%s", g)
	}
	dup := frame.New("a", []int{1, 1}, "b", []int{1, 1}).Profile().String()
	if !strings.Contains(dup, "same as a") || !strings.Contains(dup, "constant") || !strings.Contains(dup, "1 duplicated rows") {
		t.Errorf("profile notes:\n%s", dup)
	}
}

func TestDuplicatedAndJoinRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := 5000
	a := make([]int, n)
	s := make([]string, n)
	x := make([]float64, n)
	for i := range a {
		a[i] = r.IntN(10)
		s[i] = string(rune('a' + r.IntN(5)))
		x[i] = float64(r.IntN(3))
		if r.IntN(20) == 0 {
			x[i] = math.NaN()
		}
	}
	f := frame.New("a", a, "s", s, "x", x)
	dup := f.Duplicated()
	seen := map[string]bool{}
	for i := range a {
		key := strings.Join([]string{f.Factor("a")[i], s[i], f.Factor("x")[i]}, "|")
		if dup[i] != seen[key] {
			t.Fatalf("row %d: duplicated %v, want %v", i, dup[i], seen[key])
		}
		seen[key] = true
	}
	if u := f.Unique().NRows(); u != len(seen) {
		t.Errorf("unique rows %d, want %d", u, len(seen))
	}
	right := f.Unique("a", "s").Mutate("v", "a * 10")
	j := f.Join(right, "left", "a", "s")
	if j.NRows() != n {
		t.Fatalf("left join rows %d, want %d", j.NRows(), n)
	}
	v, ja := j.Col("v"), j.Col("a")
	for i := range v {
		if v[i] != ja[i]*10 {
			t.Fatalf("row %d: v %v for a %v", i, v[i], ja[i])
		}
	}
	inner := f.Join(f.Head(50), "inner", "x")
	want := 0
	hx := f.Head(50).Col("x")
	for _, xv := range x {
		for _, yv := range hx {
			if xv == yv {
				want++
			}
		}
	}
	if inner.NRows() != want {
		t.Errorf("many-to-many inner join rows %d, want %d (NA keys never match)", inner.NRows(), want)
	}
}

func TestTransformersSurviveJSON(t *testing.T) {
	iris := datasets.MustLoad("iris")
	ts := []frame.Transformer{frame.NewStandardize(), frame.NewMinMax(), frame.NewLog(1), frame.NewBoxCox(),
		frame.NewOneHot("Species"), frame.NewOrdinal("Species"), frame.NewBinning(3), frame.NewPolynomial(2, "Sepal.Width", "Petal.Width"),
		frame.NewImputer("mean")}
	for _, tr := range ts {
		want, err := tr.FitTransform(iris)
		if err != nil {
			t.Fatalf("%T: %v", tr, err)
		}
		b, err := json.Marshal(tr)
		if err != nil {
			t.Fatalf("%T: %v", tr, err)
		}
		fresh := reflect.New(reflect.TypeOf(tr).Elem()).Interface().(frame.Transformer)
		if err := json.Unmarshal(b, fresh); err != nil {
			t.Fatal(err)
		}
		got, err := fresh.Transform(iris)
		if err != nil {
			t.Fatalf("%T after JSON: %v", tr, err)
		}
		if got.CSV() != want.CSV() {
			t.Errorf("%T: transform differs after a JSON round trip", tr)
		}
	}
}

func TestSmallAPI(t *testing.T) {
	f := frame.New("id", []int{1, 2, 3, 4}, "x", []float64{1.5, math.NaN(), 3, 4}, "s", []string{"b", "a", "b", "c"}, "ok", []bool{true, false, true, true})
	if got := f.Slice(1, 3).Factor("id"); strings.Join(got, ",") != "2,3" {
		t.Errorf("Slice %v", got)
	}
	if f.Head(2).NRows() != 2 || f.Tail(1).Factor("id")[0] != "4" || f.Head().NRows() != 4 {
		t.Error("Head/Tail")
	}
	s := f.Sample(3, 9)
	if s.NRows() != 3 || strings.Join(s.Unique("id").Factor("id"), ",") == "" {
		t.Error("Sample")
	}
	if err := panicErr(t, func() { f.Sample(5, 1) }); !strings.Contains(err.Error(), "cannot draw 5") {
		t.Error(err)
	}
	if f.SampleReplace(10, 2).NRows() != 10 {
		t.Error("SampleReplace")
	}
	codes, _ := f.Codes("s")
	if codes[1] != 0 || codes[3] != 2 {
		t.Errorf("Codes %v", codes)
	}
	ints, na, err := f.Ints("x")
	if err == nil || ints != nil || na != nil {
		t.Errorf("Ints of 1.5 should fail: %v", err)
	}
	ints, na, err = f.Ints("id")
	if err != nil || ints[3] != 4 || na != nil {
		t.Errorf("Ints %v %v %v", ints, na, err)
	}
	if r := f.Row(1); r["x"] != "NA" || r["s"] != "a" || r["ok"] != "false" {
		t.Errorf("Row %v", r)
	}
	if v := f.Value("ok", 0); v != 1 {
		t.Errorf("Value %v", v)
	}
	w := f.WithFactor("lv", []string{"lo", "hi", "lo", "NA"}, []string{"lo", "hi"})
	if strings.Join(w.Levels("lv"), ",") != "lo,hi" || w.Count("lv") != 3 {
		t.Errorf("WithFactor %v", w.Levels("lv"))
	}
	if err := panicErr(t, func() { f.WithFactor("lv", []string{"x", "y", "z", "w"}, []string{"lo"}) }); !strings.Contains(err.Error(), "not among the levels") {
		t.Error(err)
	}
	a := f.AsString("id").AsFloat("id")
	if a.Type("id") != "float" || a.Col("id")[2] != 3 {
		t.Errorf("AsString/AsFloat %v", a.Types())
	}
	if err := panicErr(t, func() { f.AsFloat("s") }); !strings.Contains(err.Error(), `"b", which is not a number`) && !strings.Contains(err.Error(), "not a number") {
		t.Error(err)
	}
	if f.SetLevels("s", "c", "b", "a").Sort("s").Factor("s")[0] != "c" {
		t.Error("SetLevels order")
	}
	if err := panicErr(t, func() { f.SetLevels("s", "a", "b") }); !strings.Contains(err.Error(), `"c"`) {
		t.Error(err)
	}
	b := f.Bind(frame.New("x", []int{9, 9, 9, 9}))
	if strings.Join(b.Names(), ",") != "id,x,s,ok,x.1" {
		t.Errorf("Bind names %v", b.Names())
	}
	l := f.Lookup(frame.New("s", []string{"a", "b"}, "label", []string{"A", "B"}), "s")
	if strings.Join(l.Factor("label"), ",") != "B,A,B,NA" {
		t.Errorf("Lookup %v", l.Factor("label"))
	}
	if err := panicErr(t, func() { f.Lookup(frame.New("s", []string{"a", "a"}), "s") }); !strings.Contains(err.Error(), "occurs in rows 1 and 2") {
		t.Error(err)
	}
	recs, err := frame.FromRecords([]string{"a", "b"}, [][]string{{"1", "x"}, {"NA", "y"}})
	if err != nil || recs.Type("a") != "int" || recs.Count("a") != 1 {
		t.Errorf("FromRecords %v %v", err, recs)
	}
	_, err = frame.FromRecords([]string{"a"}, [][]string{{"1", "2"}})
	wantErr(t, err, "row 1 has 2 fields")
	maps, err := frame.FromMaps(f.ToMaps())
	if err != nil || maps.NRows() != 4 || maps.Type("ok") != "bool" || maps.Count("x") != 3 {
		t.Errorf("FromMaps(ToMaps) %v %v", err, maps)
	}
	cm, err := frame.FromColumnMap(map[string]any{"b": []int{1}, "a": []string{"x"}})
	if err != nil || strings.Join(cm.Names(), ",") != "a,b" {
		t.Errorf("FromColumnMap %v", err)
	}
	_, err = frame.FromColumns([]string{"a", "b"}, []int{1}, []int{1, 2})
	wantErr(t, err, `column "b" has 2 rows`)
	_, err = frame.FromColumns([]string{"a"}, []complex128{1})
	wantErr(t, err, "unsupported type")
	if err := panicErr(t, func() { frame.New("a") }); !strings.Contains(err.Error(), "pairs") {
		t.Error(err)
	}
	m := f.Melt([]string{"id"}, []string{"x", "s"})
	if m.Type("value") != "string" || m.NRows() != 8 {
		t.Errorf("Melt mixed: %v", m.Types())
	}
	pv := f.Pivot("s", "ok", "x", "n")
	if got := pv.Col("true"); got[1] != 2 {
		t.Errorf("Pivot n: %v", got)
	}
	if err := panicErr(t, func() { f.Pivot("s", "s", "x", "mean") }); !strings.Contains(err.Error(), "must be different") {
		t.Error(err)
	}
	if got := f.Apply("sq", "x", func(v float64) float64 { return v * v }).Col("sq")[2]; got != 9 {
		t.Errorf("Apply %v", got)
	}
	if got := f.FilterFunc(func(r int) bool { return r%2 == 0 }).NRows(); got != 2 {
		t.Errorf("FilterFunc %d", got)
	}
}

func TestGroupsAndMisc(t *testing.T) {
	m := datasets.MustLoad("mtcars").Select("cyl", "mpg", "hp")
	g := m.GroupBy("cyl")
	if g.NGroups() != 3 || len(g.Indices()[0]) != 11 || g.Group(2).NRows() != 14 {
		t.Errorf("groups: %d %d", g.NGroups(), len(g.Indices()[0]))
	}
	for name, fr := range map[string]*frame.Frame{"Var": g.Var(), "Min": g.Min(), "Max": g.Max(), "First": g.First(), "Last": g.Last(), "NUnique": g.NUnique()} {
		if strings.Join(fr.Names(), ",") != "cyl,mpg,hp" || fr.NRows() != 3 {
			t.Errorf("%s: %v", name, fr.Names())
		}
	}
	if g.Min("mpg").Col("mpg")[0] != 21.4 || g.Max("hp").Col("hp")[2] != 335 || g.First("mpg").Col("mpg")[0] != 22.8 || g.Last("mpg").Col("mpg")[0] != 21.4 {
		t.Error("group min/max/first/last values")
	}
	if r, c := m.Shape(); r != 32 || c != 3 || !m.Has("hp") || m.Has("wt") || !m.IsNumeric("hp") || m.IsCategorical("hp") {
		t.Error("Shape/Has/IsNumeric")
	}
	w := m.With("heavy", make([]bool, 32)).Mutate("h1", "heavy + 1")
	if w.Col("h1")[0] != 1 || !w.IsCategorical("heavy") || w.IsNumeric("heavy") {
		t.Error("bool arithmetic")
	}
	iris := datasets.MustLoad("iris")
	if n := iris.Where("Species", ">=", "versicolor").NRows(); n != 100 {
		t.Errorf("factor-order comparison: %d", n)
	}
	pf := datasets.MustLoad("airquality").Profile().Frame()
	if pf.NRows() != 6 || pf.Col("missing_pct")[0] < 24 {
		t.Errorf("profile frame %v", pf)
	}
	tiny := frame.New("x", []float64{1e-7, 2.5e-7})
	// R: print(data.frame(x = c(1e-7, 2.5e-7))) shows 1.0e-07 and 2.5e-07.
	if s := tiny.String(); !strings.Contains(s, "1.0e-07") || !strings.Contains(s, "2.5e-07") {
		t.Errorf("scientific display:\n%s", s)
	}
	for _, tr := range []frame.Transformer{frame.NewStandardize("mpg"), frame.NewMinMax("mpg"), frame.NewLog(1, "mpg"), frame.NewBoxCox("mpg"),
		frame.NewOneHot("cyl"), frame.NewOrdinal("cyl"), frame.NewBinning(2, "mpg"), frame.NewInteractions("mpg", "hp"), frame.NewImputer("median", "mpg")} {
		st := tr.(fmt.Stringer)
		if !strings.Contains(st.String(), "not fitted") {
			t.Errorf("%T before Fit: %s", tr, st)
		}
		if _, err := tr.FitTransform(m.AsString("cyl")); err != nil {
			t.Fatalf("%T: %v", tr, err)
		}
		if strings.Contains(st.String(), "not fitted") {
			t.Errorf("%T after Fit: %s", tr, st)
		}
	}
}

func TestGroupBySparseKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	n := 3000
	cols := []any{}
	names := []string{}
	keys := make([][]float64, 6)
	for k := range keys {
		keys[k] = make([]float64, n)
		for i := range keys[k] {
			keys[k][i] = float64(r.IntN(n)) + r.Float64()
			if i%3 == 1 { // repeat earlier tuples so some groups have several rows
				keys[k][i] = keys[k][i-1]
			}
		}
		names = append(names, fmt.Sprintf("k%d", k))
		cols = append(cols, names[k], keys[k])
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = float64(i)
	}
	f := frame.New(append(cols, "v", v)...)
	for _, nk := range []int{2, 6} {
		g := f.GroupBy(names[:nk]...).Agg("n()", "sum(v)")
		want := map[string][2]float64{}
		for i := 0; i < n; i++ {
			var parts []string
			for k := 0; k < nk; k++ {
				parts = append(parts, fmt.Sprint(keys[k][i]))
			}
			key := strings.Join(parts, "|")
			w := want[key]
			want[key] = [2]float64{w[0] + 1, w[1] + v[i]}
		}
		if g.NRows() != len(want) {
			t.Fatalf("%d keys: %d groups, want %d", nk, g.NRows(), len(want))
		}
		kc := make([][]float64, nk)
		for k := range kc {
			kc[k] = g.Col(names[k])
		}
		cnt, sum := g.Col("n"), g.Col("sum_v")
		for i := 0; i < g.NRows(); i++ {
			var parts []string
			for k := 0; k < nk; k++ {
				parts = append(parts, fmt.Sprint(kc[k][i]))
			}
			w := want[strings.Join(parts, "|")]
			if cnt[i] != w[0] || sum[i] != w[1] {
				t.Fatalf("%d keys, group %d: n %v sum %v, want %v", nk, i, cnt[i], sum[i], w)
			}
			if i > 0 && kc[0][i] < kc[0][i-1] {
				t.Fatalf("groups not in key order at %d", i)
			}
		}
	}
}

func TestGlimpse(t *testing.T) {
	for _, w := range []int{40, 80, 120} {
		s := datasets.MustLoad("Boston").Glimpse().Display(display.Options{Width: w, Unicode: true}).Text
		lines := strings.Split(s, "\n")
		if len(lines) != 15 || !strings.HasPrefix(lines[1], "crim    <dbl> 0.00632") {
			t.Fatalf("glimpse:\n%s", s)
		}
		for _, l := range lines {
			if display.Width(l) > w {
				t.Errorf("width %d: line too wide: %q", w, l)
			}
		}
	}
	short := frame.New("x", []float64{1, 2}).Glimpse().String()
	if !strings.HasSuffix(short, "x <dbl> 1, 2") {
		t.Errorf("short glimpse: %q", short)
	}
}

func TestMatrix(t *testing.T) {
	n := 70000 // several row blocks
	x := make([]float64, n)
	k := make([]int, n)
	b := make([]bool, n)
	for i := range x {
		x[i], k[i], b[i] = float64(i)/3, i%7, i%2 == 0
	}
	x[5] = math.NaN()
	f := frame.New("x", x, "k", k, "b", b, "s", make([]string, n))
	m, err := f.Matrix("k", "x", "b")
	if err != nil {
		t.Fatal(err)
	}
	if r, c := m.Dims(); r != n || c != 3 {
		t.Fatalf("dims %d×%d", r, c)
	}
	for _, i := range []int{0, 5, 1234, n - 1} {
		wantB := 0.0
		if b[i] {
			wantB = 1
		}
		if m.At(i, 0) != float64(k[i]) || m.At(i, 2) != wantB || (m.At(i, 1) != x[i] && !math.IsNaN(x[i])) {
			t.Errorf("row %d: %v %v %v", i, m.At(i, 0), m.At(i, 1), m.At(i, 2))
		}
	}
	if !math.IsNaN(m.At(5, 1)) {
		t.Error("NA should be NaN in the matrix")
	}
	all, _ := f.Matrix()
	if _, c := all.Dims(); c != 3 {
		t.Errorf("default columns: %d", c)
	}
	_, err = f.Matrix("s")
	wantErr(t, err, `column "s" is string`, "OneHot")
}

// TestFoldsInOrder checks the unshuffled folds against scikit-learn 1.2.1:
// [fold of each row for _, (tr, te) in enumerate(KFold(5).split(X))] etc.
func TestFoldsInOrder(t *testing.T) {
	assign := func(folds []frame.Fold, n int) []int {
		a := make([]int, n)
		for q, f := range folds {
			for _, r := range f.Test {
				a[r] = q
			}
		}
		return a
	}
	labels := func(s string) []string {
		out := make([]string, len(s))
		for i, r := range s {
			out[i] = string(r)
		}
		return out
	}
	yes := []string{"no", "yes", "no", "no", "yes", "no", "no", "no", "yes", "no", "yes", "no", "no", "yes", "no"}
	for _, c := range []struct {
		name string
		got  []int
		want []int
	}{
		{"KFold(5), 13 rows", assign(frame.KFoldInOrder(13, 5), 13), []int{0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4}},
		{"StratifiedKFold(3)", assign(frame.StratifiedKFoldInOrder(labels("bbabcaabbbccabbaacbab"), 3), 21),
			[]int{0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 2, 1, 1, 2, 1, 2, 2, 2, 2, 2}},
		{"StratifiedKFold(4)", assign(frame.StratifiedKFoldInOrder(yes, 4), 15), []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3}},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: folds %v, scikit-learn %v", c.name, c.got, c.want)
		}
	}
}
