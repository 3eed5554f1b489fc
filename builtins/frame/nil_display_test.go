package frame

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
		(*Frame)(nil),
		(*Groups)(nil),
		(*Profile)(nil),
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
	ss := []fmt.Stringer{
		(*Standardize)(nil),
		(*MinMax)(nil),
		(*Log)(nil),
		(*BoxCox)(nil),
		(*OneHot)(nil),
		(*Ordinal)(nil),
		(*Binning)(nil),
		(*Polynomial)(nil),
		(*Imputer)(nil),
	}
	for _, s := range ss {
		if !strings.Contains(s.String(), "<nil") {
			t.Errorf("%T: nil String = %q", s, s.String())
		}
	}
}
