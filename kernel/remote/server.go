package remote

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/gostat/gostat/kernel"
)

// IsChild reports whether this process was started as a kernel child.
func IsChild() bool { return os.Getenv(ChildEnv) == "1" }

// ServeChild serves a kernel made by newKernel on the protocol descriptors
// 3 and 4 and returns the exit status for the process. Call it at the top of
// main when IsChild reports true:
//
//	if remote.IsChild() {
//		os.Exit(remote.ServeChild(func() (kernel.Kernel, error) { … }))
//	}
func ServeChild(newKernel func() (kernel.Kernel, error)) int {
	// Programs the cells start must not take themselves for kernels.
	os.Unsetenv(ChildEnv)
	in := os.NewFile(3, "gostat-kernel-in")
	out := os.NewFile(4, "gostat-kernel-out")
	if in == nil || out == nil {
		fmt.Fprintln(os.Stderr, "gostat: kernel child started without its protocol pipes")
		return 2
	}
	k, err := newKernel()
	if err != nil {
		json.NewEncoder(out).Encode(response{Err: err.Error()})
		return 1
	}
	if err := Serve(k, in, out); err != nil {
		fmt.Fprintln(os.Stderr, "gostat kernel:", err)
		return 1
	}
	return 0
}

// Serve answers requests read from r with replies written to w until r ends
// or a close request arrives. Evals run one at a time in their own goroutine,
// so interrupts and other requests are read while a cell runs.
func Serve(k kernel.Kernel, r io.Reader, w io.Writer) error {
	var wmu sync.Mutex
	enc := json.NewEncoder(w)
	send := func(resp response) {
		wmu.Lock()
		defer wmu.Unlock()
		enc.Encode(resp)
	}
	send(response{Ready: true, PID: os.Getpid()})

	var (
		emu     sync.Mutex
		cancels = map[int64]context.CancelFunc{}
	)
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		var req request
		if jerr := json.Unmarshal(line, &req); jerr != nil {
			send(response{ID: req.ID, Err: "bad request: " + jerr.Error(), Done: true})
			continue
		}
		switch req.Op {
		case opEval:
			ctx, cancel := context.WithCancel(context.Background())
			emu.Lock()
			cancels[req.ID] = cancel
			emu.Unlock()
			go func(req request) {
				res := k.Eval(ctx, req.Cell, func(e kernel.Event) {
					send(response{ID: req.ID, Event: &e})
				})
				emu.Lock()
				delete(cancels, req.ID)
				emu.Unlock()
				cancel()
				send(response{ID: req.ID, Result: &res, Done: true})
			}(req)
		case opInterrupt:
			emu.Lock()
			if c := cancels[req.Target]; c != nil {
				c()
			}
			emu.Unlock()
		case opComplete:
			items, start := k.Complete(req.Cell, req.Pos)
			send(response{ID: req.ID, Items: items, Start: start, Done: true})
		case opDoc:
			text, ok := k.Doc(req.Name)
			send(response{ID: req.ID, Text: text, OK: ok, Done: true})
		case opVars:
			send(response{ID: req.ID, Vars: k.Vars(), Done: true})
		case opOptions:
			if req.Options != nil {
				k.SetOptions(*req.Options)
			}
			send(response{ID: req.ID, Done: true})
		case opReset:
			resp := response{ID: req.ID, Done: true}
			if err := k.Reset(); err != nil {
				resp.Err = err.Error()
			}
			send(resp)
		case opClose:
			k.Close()
			send(response{ID: req.ID, Done: true})
			return nil
		default:
			send(response{ID: req.ID, Err: "unknown operation " + req.Op, Done: true})
		}
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
