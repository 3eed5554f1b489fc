package ml

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/gostat/gostat/builtins/cell"
)

// maxWorkers overrides the number of cores when positive (tests).
var maxWorkers int

func setWorkers(w int) int {
	old := maxWorkers
	maxWorkers = w
	return old
}

// workers is the number of goroutines long jobs use: every core.
func workers(n int) int {
	w := runtime.GOMAXPROCS(0)
	if maxWorkers > 0 {
		w = maxWorkers
	}
	if n < w {
		w = n
	}
	if w < 1 {
		w = 1
	}
	return w
}

// busy counts the goroutines of parallelFor loops that are running a
// task (see freeWorkers).
var busy atomic.Int32

// freeWorkers is workers(n) less the cores that other parallelFor tasks
// are using, counting the caller as one of them: a fit inside a
// cross-validation fold that runs next to another fold takes one core,
// the last fold both. Code whose results do not depend on its number of
// goroutines can use it for nested parallel work.
func freeWorkers(n int) int {
	w := workers(n)
	if b := int(busy.Load()); b > 1 {
		w = min(w, max(1, workers(math.MaxInt32)-b+1))
	}
	return w
}

// parallelFor runs fn(i) for i in [0,n) on all cores. It stops handing out
// work when ctx is cancelled or fn returns an error, and returns the first
// error (ctx's error when cancelled). When task is not empty, progress is
// reported through cell.Progress.
func parallelFor(ctx context.Context, task string, n int, fn func(i int) error) error {
	if n == 0 {
		return nil
	}
	var next, done int64
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	w := workers(n)
	for g := 0; g < w; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if ctx.Err() != nil {
					once.Do(func() { first = ctx.Err() })
					return
				}
				i := int(atomic.AddInt64(&next, 1) - 1)
				if i >= n {
					return
				}
				busy.Add(1)
				err := callSafe(fn, i)
				busy.Add(-1)
				if err != nil {
					once.Do(func() { first = err })
					atomic.StoreInt64(&next, int64(n))
					return
				}
				d := atomic.AddInt64(&done, 1)
				if task != "" {
					cell.Progress(task, int(d), n)
				}
			}
		}()
	}
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		first = ctx.Err()
	}
	return first
}

// callSafe runs fn(i), turning a panic into an error: a panic in a worker
// goroutine would otherwise end the whole kernel, not just the cell.
func callSafe(fn func(i int) error, i int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ml: internal error in parallel work item %d: %v (please report it)", i, r)
		}
	}()
	return fn(i)
}

// mustParallel re-raises, in the caller's goroutine, the error of a
// parallelFor whose work cannot fail or be cancelled: a panic turned into an
// error by callSafe must not be dropped (that would leave results half
// computed).
func mustParallel(err error) {
	if err != nil {
		panic(err)
	}
}

// splitMix64 is the SplitMix64 generator step; it derives independent seeds
// (one per tree, fold or start) from one user seed so results do not depend
// on the number of cores.
func splitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	z := x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func subSeed(seed uint64, i int) uint64 { return splitMix64(seed ^ splitMix64(uint64(i)+1)) }

// ctxOf returns the running cell's context.
func ctxOf() context.Context { return cell.Context() }

var ctxBackground = context.Background()

func cellProgress(task string, done, total int) { cell.Progress(task, done, total) }
