package kernel

import (
	"bytes"
	"os"
	"regexp"
	"sync"
	"time"
	"unicode/utf8"
)

// capture collects everything a cell prints. Interpreted code (fmt.Print*,
// log.*) and compiled code writing to os.Stdout/os.Stderr while a cell runs
// all write into one pipe, so their output stays in order. A goroutine reads
// the pipe and hands text to the running cell, or keeps it for the next one
// when no cell runs.
type capture struct {
	r, w *os.File

	mu      sync.Mutex
	sink    func(string) // the running cell's receiver; nil between cells
	pending bytes.Buffer // text printed between cells (goroutines)

	flushMu sync.Mutex // one flush at a time
	flushed chan struct{}

	panicMu  sync.Mutex
	panicPos []string // positions yaegi reported while a panic unwound

	closed chan struct{}
}

// maxPending bounds the text kept from goroutines printing between cells.
const maxPending = 1 << 20

// flushMark is written into the pipe to learn that everything written
// before it has been read.
var flushMark = []byte("\x00\x01gostat-flush\x01\x00")

func newCapture() (*capture, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := &capture{r: r, w: w, flushed: make(chan struct{}, 1), closed: make(chan struct{})}
	go c.read()
	return c, nil
}

func (c *capture) read() {
	defer close(c.closed)
	buf := make([]byte, 32*1024)
	var carry []byte
	for {
		n, err := c.r.Read(buf)
		if n > 0 {
			data := append(carry, buf[:n]...)
			carry = nil
			for {
				i := bytes.Index(data, flushMark)
				if i < 0 {
					break
				}
				c.emit(data[:i])
				data = data[i+len(flushMark):]
				select {
				case c.flushed <- struct{}{}:
				default:
				}
			}
			k := partialSuffix(data, flushMark)
			keep := len(data) - k
			// Hold back an incomplete UTF-8 sequence for the next read.
			u := keep
			for j := keep - 1; j >= 0 && j >= keep-utf8.UTFMax; j-- {
				if utf8.RuneStart(data[j]) {
					if !utf8.FullRune(data[j:keep]) {
						u = j
					}
					break
				}
			}
			c.emit(data[:u])
			carry = append([]byte(nil), data[u:]...)
		}
		if err != nil {
			c.emit(carry)
			return
		}
	}
}

// partialSuffix returns the length of the longest suffix of data that is a
// proper prefix of mark.
func partialSuffix(data, mark []byte) int {
	for k := len(mark) - 1; k > 0; k-- {
		if len(data) >= k && bytes.Equal(data[len(data)-k:], mark[:k]) {
			return k
		}
	}
	return 0
}

func (c *capture) emit(b []byte) {
	if len(b) == 0 {
		return
	}
	// The sink is called with mu held, so that once stop has returned no
	// text reaches a finished cell.
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sink == nil {
		if c.pending.Len()+len(b) <= maxPending {
			c.pending.Write(b)
		}
		return
	}
	c.sink(string(b))
}

// flush waits until everything written to the pipe so far has been handed
// on. It gives up after a second (a writer holding the pipe cannot block the
// kernel).
func (c *capture) flush() {
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	select {
	case <-c.flushed:
	default:
	}
	if _, err := c.w.Write(flushMark); err != nil {
		return
	}
	select {
	case <-c.flushed:
	case <-time.After(time.Second):
	}
}

// start directs output to sink, first handing it the text printed since
// the last cell ended (by goroutines).
func (c *capture) start(sink func(string)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sink = sink
	if c.pending.Len() > 0 && sink != nil {
		sink(c.pending.String())
	}
	c.pending.Reset()
}

// stop flushes and detaches the cell's sink.
func (c *capture) stop() {
	c.flush()
	c.mu.Lock()
	c.sink = nil
	c.mu.Unlock()
}

func (c *capture) close() {
	c.w.Close()
	<-c.closed
	c.r.Close()
}

// pipeWriter hides the *os.File type from yaegi, so that interpreted code's
// os.Stdout stays bound to the os.Stdout variable (which the kernel points at
// the pipe while a cell runs) instead of a copy.
type pipeWriter struct{ c *capture }

func (p pipeWriter) Write(b []byte) (int, error) { return p.c.w.Write(b) }

// yaegiPanicLine matches the line yaegi prints for each interpreted frame a
// panic unwinds ("1:29: panic: main.f(...)").
var yaegiPanicLine = regexp.MustCompile(`^(?:\S+\.go:)?(\d+):(\d+): panic: (.*)\(\.\.\.\)\n?$`)

// stderrWriter drops yaegi's panic trace lines from the output and keeps
// them as the panic's interpreted stack.
type stderrWriter struct{ c *capture }

func (p stderrWriter) Write(b []byte) (int, error) {
	if yaegiPanicLine.Match(b) {
		p.c.panicMu.Lock()
		if len(p.c.panicPos) < 64 {
			p.c.panicPos = append(p.c.panicPos, string(bytes.TrimSpace(b)))
		}
		p.c.panicMu.Unlock()
		return len(b), nil
	}
	return p.c.w.Write(b)
}

// takePanics returns and clears the recorded panic lines.
func (c *capture) takePanics() []string {
	c.panicMu.Lock()
	defer c.panicMu.Unlock()
	p := c.panicPos
	c.panicPos = nil
	return p
}

// stdio redirection of the process's os.Stdout and os.Stderr variables.
var stdioMu sync.Mutex

// redirect points os.Stdout and os.Stderr at the pipe and returns a
// function that restores them.
func (c *capture) redirect() (restore func()) {
	stdioMu.Lock()
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = c.w, c.w
	stdioMu.Unlock()
	return func() {
		stdioMu.Lock()
		os.Stdout, os.Stderr = oldOut, oldErr
		stdioMu.Unlock()
	}
}
