package models

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
)

// TestNilDisplays checks that a nil result (as returned beside an error)
// displays as "<nil ...>" instead of panicking.
func TestNilDisplays(t *testing.T) {
	ds := []display.Displayer{
		(*AnovaTable)(nil),
		(*Diagnostics)(nil),
		(*GLMFit)(nil),
		(*Penalized)(nil),
		(*PenalizedPath)(nil),
		(*NLSFit)(nil),
		(*Prediction)(nil),
		(*LM)(nil),
		(*CoefIntervals)(nil),
	}
	for _, d := range ds {
		b := d.Display(display.Plain)
		if !strings.Contains(b.Text, "<nil") {
			t.Errorf("%T: nil Display = %q", d, b.Text)
		}
		if s, ok := d.(fmt.Stringer); ok && !strings.Contains(s.String(), "<nil") {
			t.Errorf("%T: nil String = %q", d, s.String())
		}
	}
}
