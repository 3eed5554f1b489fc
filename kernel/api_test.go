package kernel

import (
	"testing"

	"github.com/gostat/gostat/display"
)

func TestResultTextInterleaves(t *testing.T) {
	d := func(s string) display.Bundle { return display.Text("value", s) }
	for _, c := range []struct {
		name string
		r    Result
		want string
	}{
		{"no displays", Result{Output: "a\nb"}, "a\nb\n"},
		{"no offsets: displays follow the output", Result{Output: "a\nb\n", Displays: []display.Bundle{d("X"), d("Y")}}, "a\nb\nX\nY\n"},
		{"between prints", Result{Output: "a\nb\n", Displays: []display.Bundle{d("X"), d("Y")}, DisplayAt: []int{2, 4}}, "a\nX\nb\nY\n"},
		{"first, before any print", Result{Output: "a\n", Displays: []display.Bundle{d("X")}, DisplayAt: []int{0}}, "X\na\n"},
		{"print without newline before a display", Result{Output: "ab\n", Displays: []display.Bundle{d("X")}, DisplayAt: []int{1}}, "a\nX\nb\n"},
		{"two displays at one offset", Result{Output: "a\n", Displays: []display.Bundle{d("X"), d("Y")}, DisplayAt: []int{2, 2}}, "a\nX\nY\n"},
		{"offset past the output is clamped", Result{Output: "a\n", Displays: []display.Bundle{d("X")}, DisplayAt: []int{99}}, "a\nX\n"},
		{"fewer offsets than displays", Result{Output: "a\nb\n", Displays: []display.Bundle{d("X"), d("Y")}, DisplayAt: []int{2}}, "a\nX\nb\nY\n"},
	} {
		if got := c.r.Text(); got != c.want {
			t.Errorf("%s: Text() = %q, want %q", c.name, got, c.want)
		}
	}
}
