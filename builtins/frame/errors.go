package frame

import (
	"errors"
	"fmt"
	"strings"
)

// Error is the error type of frame operations. Op names the operation and
// Msg says what went wrong and how to fix it.
type Error struct {
	// Op is the operation ("Select", "ReadCSV", …).
	Op string
	// Msg says what went wrong and how to fix it.
	Msg string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Op == "" {
		return "frame: " + e.Msg
	}
	return "frame." + e.Op + ": " + e.Msg
}

func wrapErr(op string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		return &Error{Op: op, Msg: fe.Msg}
	}
	return &Error{Op: op, Msg: err.Error()}
}

func errorf(op, format string, args ...any) *Error {
	return &Error{Op: op, Msg: fmt.Sprintf(format, args...)}
}

// unknownColumn builds the "no column named x; did you mean y?" error.
func unknownColumn(name string, names []string) error {
	msg := fmt.Sprintf("no column named %q", name)
	if best := Closest(name, names); best != "" {
		msg += fmt.Sprintf("; did you mean %q?", best)
	} else if len(names) > 0 {
		shown := names
		if len(shown) > 12 {
			shown = shown[:12]
		}
		msg += fmt.Sprintf(" (columns: %s)", strings.Join(shown, ", "))
	}
	return &Error{Msg: msg}
}

// Closest returns the candidate nearest to name by edit distance (case
// folded), or "" when none is reasonably close.
func Closest(name string, candidates []string) string {
	best, bestD := "", 1<<30
	ln := strings.ToLower(name)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(ln, lc)
		if min(len(lc), len(ln)) >= 3 && (strings.Contains(lc, ln) || strings.Contains(ln, lc)) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, len(name)/2)
	if bestD <= limit {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// try converts a panic carrying an error into a returned error.
func try(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	fn()
	return nil
}
