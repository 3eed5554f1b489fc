package frame_test

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

func TestAsOrdered(t *testing.T) {
	f := frame.New("size", []string{"small", "large", "medium", "small"}, "x", []float64{1, 2, 3, 4})
	if f.IsOrdered("size") {
		t.Fatal("a new string column is not ordered")
	}
	o := f.AsOrdered("size", "small", "medium", "large")
	if !o.IsOrdered("size") || f.IsOrdered("size") {
		t.Fatal("AsOrdered marks the copy only")
	}
	if got := strings.Join(o.Levels("size"), ","); got != "small,medium,large" {
		t.Errorf("levels %s", got)
	}
	// without levels: the current factor order (sorted here)
	if got := strings.Join(f.AsOrdered("size").Levels("size"), ","); got != "large,medium,small" {
		t.Errorf("AsOrdered without levels changed the order: %s", got)
	}
	other := frame.New("size", []string{"small", "large"}, "w", []float64{10, 20})
	// the mark survives row selection, column selection, renaming, SetLevels,
	// FillNA, joins and Concat of ordered columns with equal levels
	survivors := map[string]*frame.Frame{
		"Filter":    o.Filter("x > 1"),
		"Sort":      o.Sort("-x"),
		"Head":      o.Head(2),
		"Sample":    o.Sample(3, 1),
		"Select":    o.Select("size"),
		"SetLevels": o.SetLevels("size", "large", "medium", "small"),
		"Copy":      o.Copy(),
		"Join":      o.Join(other, "left", "size"),
		"Concat":    frame.Concat(o, o),
		"Mutate":    o.Mutate("y", "x * 2"),
	}
	for op, g := range survivors {
		if !g.IsOrdered("size") {
			t.Errorf("%s lost the ordered mark", op)
		}
	}
	if !o.Rename("size", "sz").IsOrdered("sz") {
		t.Error("Rename lost the ordered mark")
	}
	if frame.Concat(o, f).IsOrdered("size") {
		t.Error("Concat of an ordered and a plain factor is ordered (R's rbind gives a plain factor)")
	}
	if o.AsString("size").IsOrdered("size") {
		t.Error("AsString keeps the ordered mark")
	}
	// displays tag the column <ord>, as R's tibble
	if s := o.String(); !strings.Contains(s, "<ord>") || !strings.Contains(s, "<dbl>") {
		t.Errorf("display does not show <ord>:\n%s", s)
	}
	if s := o.Glimpse().String(); !strings.Contains(s, "size <ord>") {
		t.Errorf("glimpse does not show <ord>:\n%s", s)
	}
	if s := f.String(); strings.Contains(s, "<ord>") {
		t.Errorf("plain factor shown as <ord>:\n%s", s)
	}
}

func TestAsOrderedErrors(t *testing.T) {
	f := frame.New("x", []float64{1, 2})
	for name, fn := range map[string]func(){
		"numeric": func() { f.AsOrdered("x") },
		"unknown": func() { f.AsOrdered("y") },
		"level":   func() { frame.New("s", []string{"a", "b"}).AsOrdered("s", "a") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			fn()
		}()
	}
}
