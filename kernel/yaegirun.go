package kernel

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// An interrupted cell returns to the caller at once, but the goroutine
// running it lives on while it is blocked in a compiled call (a long
// builtin, a channel receive). It stops by itself when the call returns.
// The next cell must not start before that, or both would use the
// interpreter at once.
//
// yaegi's EvalWithContext runs the code in a goroutine of its own and, on
// cancellation, returns without a way to learn when that goroutine ends.
// The kernel therefore does what EvalWithContext does, with the
// goroutine's end as a channel it keeps: it sets up the interpreter's
// cancellation state (the fields EvalWithContext sets; yaegi is pinned at
// v0.16.1, and newYaegiRun checks their names and types), runs Eval in a
// goroutine that closes the channel when Eval returns, and on cancellation
// stops the interpreter as yaegi's stop() does. Waiting on that channel is
// a real synchronisation, so the race detector sees the interrupted run
// end before the next one starts.

// yaegiRun is access to the cancellation state of one interpreter.
type yaegiRun struct {
	in         *interp.Interpreter
	mu         *sync.RWMutex
	done       *chan struct{}
	cancelChan *bool
	fastChan   bool
	id         *uint64
}

// newYaegiRun finds the interpreter's cancellation fields, or returns an
// error naming the one that is not as yaegi v0.16.1 has it.
func newYaegiRun(in *interp.Interpreter) (*yaegiRun, error) {
	v := reflect.ValueOf(in).Elem()
	field := func(name string, want reflect.Type) (reflect.Value, error) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Type() != want {
			return reflect.Value{}, fmt.Errorf("kernel: yaegi's Interpreter has no field %s of type %v (the kernel needs yaegi v0.16.1)", name, want)
		}
		return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())), nil
	}
	mu, err := field("mutex", reflect.TypeOf(sync.RWMutex{}))
	if err != nil {
		return nil, err
	}
	done, err := field("done", reflect.TypeOf((chan struct{})(nil)))
	if err != nil {
		return nil, err
	}
	cc, err := field("cancelChan", reflect.TypeOf(false))
	if err != nil {
		return nil, err
	}
	fc, err := field("fastChan", reflect.TypeOf(false))
	if err != nil {
		return nil, err
	}
	id, err := field("id", reflect.TypeOf(uint64(0)))
	if err != nil {
		return nil, err
	}
	return &yaegiRun{in: in, mu: mu.Interface().(*sync.RWMutex), done: done.Interface().(*chan struct{}),
		cancelChan: cc.Interface().(*bool), fastChan: *fc.Interface().(*bool), id: id.Interface().(*uint64)}, nil
}

// eval runs src as EvalWithContext does. It returns when src has run or
// ctx is done; ended is closed when the interpreter's goroutine has
// finished (at once in the first case, later in the second).
func (y *yaegiRun) eval(ctx context.Context, src string) (error, <-chan struct{}) {
	y.mu.Lock()
	*y.done = make(chan struct{})
	*y.cancelChan = !y.fastChan
	stop := *y.done
	y.mu.Unlock()
	fin := make(chan struct{})
	var err error // written by the goroutine; read only after fin is closed
	go func() {
		defer close(fin)
		defer func() {
			if r := recover(); r != nil {
				var pc [64]uintptr
				n := runtime.Callers(1, pc[:])
				err = interp.Panic{Value: r, Callers: pc[:n], Stack: debug.Stack()}
			}
		}()
		_, err = y.in.Eval(src)
	}()
	select {
	case <-ctx.Done():
		// yaegi's stop(): a new run id stops the running frames, and the
		// closed channel wakes channel operations.
		atomic.AddUint64(y.id, 1)
		close(stop)
		return ctx.Err(), fin
	case <-fin:
		return err, fin
	}
}
