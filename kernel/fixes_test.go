package kernel

import (
	"reflect"
	"strings"
	"testing"
)

// TestMultiValueResults checks which results of a (value, error) call are
// shown: a nil error is not, a non-nil error hides nil values, and Display
// is never called on a nil pointer (QA Q1, Q6).
func TestMultiValueResults(t *testing.T) {
	s := newTestSession(t)
	tests := []struct {
		src      string
		displays []string
	}{
		{"kt.DispE(false)", []string{"model with 3 terms"}},
		{"kt.DispE(true)", []string{`unknown variable "hpp" in formula`}},
		{`strconv.Atoi("7")`, []string{"7"}},
		{`strconv.Atoi("x")`, []string{"0", `strconv.Atoi: parsing "x": invalid syntax`}},
		{"kt.NilPtr()", []string{"<nil *kernel.ptrDisplay>"}},
		{"func two() (int, int) { return 1, 2 }\ntwo()", []string{"1", "2"}},
		{"func pe() (*int, error) { return nil, nil }\npe()", []string{"<nil>"}},
		{"kt.Panicky()", []string{"cannot display the kernel.panicDisplay value: its Display method panicked: broken display"}},
		{"\"a\\nb\\n\"", []string{"a\nb"}},
		{`"one line"`, []string{`"one line"`}},
	}
	for _, tt := range tests {
		r := eval(t, s, tt.src)
		if r.Err != nil {
			t.Errorf("%q: error %v", tt.src, r.Err)
			continue
		}
		if got := texts(r); !reflect.DeepEqual(got, tt.displays) {
			t.Errorf("%q: displays %q, want %q", tt.src, got, tt.displays)
		}
		for _, d := range r.Displays {
			if strings.Contains(d.Text, "invalid memory address") {
				t.Errorf("%q: %q", tt.src, d.Text)
			}
		}
	}
}
