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
