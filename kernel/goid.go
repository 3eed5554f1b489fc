package kernel

import (
	"bytes"
	"context"
	"runtime"
	"strconv"
	"time"
)

// An interrupted cell returns to the caller at once, but yaegi's goroutine
// running it lives on while it is blocked in a compiled call (time.Sleep, a
// long builtin). It stops by itself when the call returns. The next cell
// must not start before that, or both would use the interpreter at once.
// yaegi does not expose that goroutine, so the kernel finds it in the
// goroutine dump: it is the goroutine "created by
// ...interp.(*Interpreter).EvalWithContext in goroutine N", where N is the
// kernel goroutine that called EvalWithContext for the cell.

// goroutineID returns the id of the calling goroutine.
func goroutineID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseInt(string(b), 10, 64)
	return id
}

// evalGoroutineAlive reports whether a goroutine created by yaegi's
// EvalWithContext called from goroutine gid still exists.
func evalGoroutineAlive(gid int64) bool {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	marker := []byte("interp.(*Interpreter).EvalWithContext in goroutine " + strconv.FormatInt(gid, 10) + "\n")
	return bytes.Contains(buf, marker)
}

// waitEvalGoroutine waits until the interrupted eval of goroutine gid has
// finished, or ctx is done.
func waitEvalGoroutine(ctx context.Context, gid int64) error {
	for evalGoroutineAlive(gid) {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
	return nil
}
