package stats

import (
	"fmt"
	inum "github.com/gostat/gostat/builtins/internal/num"
	"math"
	"strings"

	"github.com/gostat/gostat/display"
)

// Summary holds descriptive statistics of one numeric column.
type Summary struct {
	N, NA                    int
	Mean, SD, SE             float64
	Min, Q1, Median, Q3, Max float64 // quartiles are R's type 7
	IQR, MAD                 float64
	Skewness, Kurtosis       float64 // g₁ and excess g₂ (biased, moment form)
}

// Describe summarises x: count, missing values (NaN, skipped), mean, sd
// (n-1), standard error, min, quartiles (type 7), max, IQR, MAD (×1.4826),
// skewness g₁ and excess kurtosis g₂ — in compiled code, O(n) (quartiles by
// selection, not sorting).
func Describe(x []float64) (*Summary, error) {
	v, na, err := clean("Describe", "x", x, 1)
	if err != nil {
		return nil, err
	}
	s := &Summary{N: len(v), NA: na}
	n := float64(len(v))
	var m2, m3, m4 float64
	s.Mean, m2 = meanSS(v)
	if len(v) > 1 {
		s.SD = math.Sqrt(m2 / (n - 1))
		s.SE = s.SD / math.Sqrt(n)
	} else {
		s.SD, s.SE = math.NaN(), math.NaN()
	}
	s.Min, s.Max = v[0], v[0]
	for _, t := range v {
		d := t - s.Mean
		d2 := d * d
		m3 += d2 * d
		m4 += d2 * d2
		if t < s.Min {
			s.Min = t
		}
		if t > s.Max {
			s.Max = t
		}
	}
	if m2 > 0 {
		s.Skewness = (m3 / n) / math.Pow(m2/n, 1.5)
		s.Kurtosis = (m4/n)/((m2/n)*(m2/n)) - 3
	} else {
		s.Skewness, s.Kurtosis = math.NaN(), math.NaN()
	}
	w := append([]float64(nil), v...)
	q := inum.QuantilesInPlace(w, []float64{0.25, 0.5, 0.75})
	s.Q1, s.Median, s.Q3 = q[0], q[1], q[2]
	s.IQR = s.Q3 - s.Q1
	for i, t := range v {
		w[i] = math.Abs(t - s.Median)
	}
	s.MAD = 1.4826 * inum.QuantilesInPlace(w, []float64{0.5})[0]
	return s, nil
}

func (s *Summary) text() string {
	names := []string{"n", "missing", "mean", "sd", "se", "min", "Q1", "median", "Q3", "max", "IQR", "MAD", "skewness", "kurtosis"}
	vals := []string{fmt.Sprint(s.N), fmt.Sprint(s.NA)}
	for _, v := range []float64{s.Mean, s.SD, s.SE, s.Min, s.Q1, s.Median, s.Q3, s.Max, s.IQR, s.MAD, s.Skewness, s.Kurtosis} {
		vals = append(vals, num(v, 7))
	}
	var b strings.Builder
	for i, n := range names {
		fmt.Fprintf(&b, "%-9s %s\n", n, vals[i])
	}
	return b.String()
}

// Display implements display.Displayer.
func (s *Summary) Display(o display.Options) display.Bundle {
	if s == nil {
		return display.Text("summary", "<nil>\n")
	}
	return display.Text("summary", s.text())
}

// String returns the plain-text display.
func (s *Summary) String() string { return s.Display(display.Plain).Text }
