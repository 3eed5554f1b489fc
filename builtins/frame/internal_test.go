package frame

import (
	"strings"
	"testing"
)

func TestParallelForCarriesPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(error).Error(), "worker 7") {
			t.Errorf("recovered %v, want the worker's panic", r)
		}
	}()
	parallelFor(20, func(i int) {
		if i == 7 {
			panic(errorf("test", "worker 7"))
		}
	})
}

func TestParallelRangeCoversAll(t *testing.T) {
	n := 1 << 17
	seen := make([]int32, n)
	parallelRange(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			seen[i]++
		}
	})
	for i, v := range seen {
		if v != 1 {
			t.Fatalf("index %d visited %d times", i, v)
		}
	}
}

func TestLessNaturalIsAnOrder(t *testing.T) {
	vals := []string{"10", "9", "a", "1e1", "1f", "B", "b", "-1", "NaN", "2.5", ""}
	for _, a := range vals {
		if lessNatural(a, a) {
			t.Errorf("%q < itself", a)
		}
		for _, b := range vals {
			if lessNatural(a, b) && lessNatural(b, a) {
				t.Errorf("%q and %q each less than the other", a, b)
			}
			for _, c := range vals {
				if lessNatural(a, b) && lessNatural(b, c) && !lessNatural(a, c) {
					t.Errorf("not transitive: %q < %q < %q", a, b, c)
				}
			}
		}
	}
	if !lessNatural("9", "10") || !lessNatural("10", "a") {
		t.Error("numbers numerically, before text")
	}
}
