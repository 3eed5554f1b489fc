package rfmt

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

func parseVec(s string) []float64 {
	var v []float64
	for _, f := range strings.Split(s, ",") {
		switch f {
		case "NA":
			v = append(v, math.NaN())
		case "Inf":
			v = append(v, math.Inf(1))
		case "-Inf":
			v = append(v, math.Inf(-1))
		default:
			x, err := strconv.ParseFloat(f, 64)
			if err != nil {
				panic(err)
			}
			v = append(v, x)
		}
	}
	return v
}

// TestAgainstR compares with strings R 4.2 printed (testdata/make_rfmt.R).
func TestAgainstR(t *testing.T) {
	f, err := os.Open("testdata/rfmt_R.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 4 {
			t.Fatalf("bad line %q", sc.Text())
		}
		d, _ := strconv.Atoi(parts[1])
		v := parseVec(parts[2])
		var got string
		switch parts[0] {
		case "num":
			got = Num(v[0], d)
		case "vec":
			got = strings.Join(Format(v, d), "|")
		case "pval":
			got = strings.Join(PValues(v, d), "|")
		}
		if got != parts[3] {
			t.Errorf("%s digits=%d %v: got %q, R %q", parts[0], d, v, got, parts[3])
		}
		n++
	}
	if n < 200 {
		t.Fatalf("only %d reference lines", n)
	}
}

func TestPValueLine(t *testing.T) {
	for _, c := range []struct {
		p    float64
		want string
	}{
		{0.07939414018735817, "p-value = 0.07939"},
		{1e-30, "p-value < 2.2e-16"},
		{0.015909958325622937, "p-value = 0.01591"},
		{3.1e-5, "p-value = 3.1e-05"},
	} {
		if got := PValueLine(c.p); got != c.want {
			t.Errorf("PValueLine(%g) = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestStars(t *testing.T) {
	for _, c := range []struct {
		p    float64
		want string
	}{{0.0001, "***"}, {0.001, "**"}, {0.009, "**"}, {0.04, "*"}, {0.05, "."}, {0.09, "."}, {0.1, " "}, {math.NaN(), " "}} {
		if got := Stars(c.p); got != c.want {
			t.Errorf("Stars(%g) = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestNamedVector(t *testing.T) {
	got := NamedVector([]string{"mean in group 1", "mean in group 2"}, []float64{0.75, 2.33}, 7, 80)
	want := "mean in group 1 mean in group 2 \n           0.75            2.33 \n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSignif(t *testing.T) {
	if got := Signif(123456, 2); got != 120000 {
		t.Errorf("Signif = %v", got)
	}
	if got := Signif(0.0012345, 3); got != 0.00123 {
		t.Errorf("Signif = %v", got)
	}
}

func ExampleNum() {
	println := func(s string) { os.Stdout.WriteString(s + "\n") }
	println(Num(3.14159265358979, 7))
	println(Num(1234567890123, 7))
	println(Num(-1.860813467486853, 5))
	// Output:
	// 3.141593
	// 1.234568e+12
	// -1.8608
}

func ExamplePValues() {
	os.Stdout.WriteString(strings.Join(PValues([]float64{0.0123, 1e-20, 0.5}, 3), " | ") + "\n")
	// Output:
	// 0.0123 | <2e-16 | 0.5000
}
