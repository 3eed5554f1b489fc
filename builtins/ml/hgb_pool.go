package ml

import (
	"runtime"
	"sync/atomic"
	"time"
)

// hgbPool is a team of goroutines kept for the length of one boosting fit,
// so that the work of even a small tree node (its histograms and split
// search take tens of microseconds) can be shared between the cores
// without starting goroutines.
//
// do(n, fn) runs the tasks fn(0) … fn(n−1): the caller and the helpers take
// tasks one at a time until none is left, and do returns when all have
// finished. Which goroutine runs a task depends on timing, so a task's
// result must not depend on it (tasks write disjoint outputs, each in a
// fixed order). A helper that is slow to start (the machine is busy) just
// finds fewer tasks left: the caller never waits for a helper to arrive,
// only for tasks already taken to finish.
//
// Idle helpers spin for hgbSpin and then park on a channel until the next
// job. While other fits run at the same time (cross-validation folds,
// grid-search candidates on all cores) helpers park at once instead of
// spinning: the cores are busy anyway, and each fit's own goroutine takes
// the tasks its helpers do not get to.
type hgbPool struct {
	n      int
	yield  bool // more workers than processors: spinners must yield
	job    atomic.Pointer[hgbJob]
	quit   atomic.Bool
	parked []atomic.Bool
	wake   []chan struct{}
}

type hgbJob struct {
	fn   func(t int)
	n    int64
	next atomic.Int64
	_    [7]int64 // keep next and done on separate cache lines
	done atomic.Int64
}

// hgbSpin is how long an idle helper spins before it parks. Longer spins
// keep a helper ready through the last, long tasks of a job on an idle
// machine, but on a busy one they take the processor from the caller.
const hgbSpin = 50 * time.Microsecond

// hgbActive counts the pools running (one per boosting fit).
var hgbActive atomic.Int32

// newHGBPool starts a pool of n workers (the caller and n−1 helpers).
// Close it with stop.
func newHGBPool(n int) *hgbPool {
	if n < 1 {
		n = 1
	}
	p := &hgbPool{n: n, yield: n > runtime.GOMAXPROCS(0), parked: make([]atomic.Bool, n), wake: make([]chan struct{}, n)}
	if n > 1 {
		hgbActive.Add(1)
	}
	for w := 1; w < n; w++ {
		p.wake[w] = make(chan struct{}, 1)
		go p.helper(w)
	}
	return p
}

// spinWait spins until cond() is true and returns false when hgbSpin has
// passed first. With yield it lets other goroutines run every 64 tries
// (needed when the pool has more workers than processors; otherwise the
// scheduler's round trip only delays the reaction to new work).
func spinWait(cond func() bool, yield bool) bool {
	var start time.Time
	for i := 0; ; i++ {
		if cond() {
			return true
		}
		if i&63 == 63 {
			if i == 63 {
				start = time.Now()
			} else if time.Since(start) > hgbSpin {
				return false
			}
			if yield {
				runtime.Gosched()
			}
		}
	}
}

func (p *hgbPool) helper(w int) {
	var last *hgbJob
	ready := func() bool { return p.job.Load() != last || p.quit.Load() }
	for {
		if !ready() && (hgbActive.Load() > 1 || !spinWait(ready, p.yield)) {
			// park: announce it, then look once more for work that came in
			// between
			p.parked[w].Store(true)
			if p.job.Load() != last || p.quit.Load() {
				if !p.parked[w].CompareAndSwap(true, false) {
					<-p.wake[w] // the caller saw us parked and sent a token
				}
			} else {
				<-p.wake[w]
			}
		}
		if p.quit.Load() {
			return
		}
		j := p.job.Load()
		if j == last {
			continue
		}
		last = j
		j.work()
	}
}

// work runs tasks of j until none is left.
func (j *hgbJob) work() {
	for {
		t := j.next.Add(1) - 1
		if t >= j.n {
			return
		}
		j.fn(int(t))
		j.done.Add(1)
	}
}

// do runs fn(0) … fn(n−1) on the team and waits for them.
func (p *hgbPool) do(n int, fn func(t int)) {
	if n <= 0 {
		return
	}
	if p.n == 1 || n == 1 {
		for t := 0; t < n; t++ {
			fn(t)
		}
		return
	}
	j := &hgbJob{fn: fn, n: int64(n)}
	p.job.Store(j)
	p.wakeAll()
	j.work()
	for !spinWait(func() bool { return j.done.Load() == j.n }, p.yield) {
		time.Sleep(10 * time.Microsecond)
	}
}

func (p *hgbPool) wakeAll() {
	for w := 1; w < p.n; w++ {
		if p.parked[w].CompareAndSwap(true, false) {
			p.wake[w] <- struct{}{}
		}
	}
}

// stop ends the helpers.
func (p *hgbPool) stop() {
	if p.n == 1 {
		return
	}
	p.quit.Store(true)
	p.wakeAll()
	hgbActive.Add(-1)
}

// blocks cuts n items into k nearly equal blocks and returns block t.
func blocks(n, k, t int) (lo, hi int) {
	return n * t / k, n * (t + 1) / k
}
