package stats

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
)

// TestNilDisplays: a result returned with an error is nil; showing it must
// not panic.
func TestNilDisplays(t *testing.T) {
	for _, d := range []display.Displayer{(*HTest)(nil), (*AOV)(nil), (*TukeyResult)(nil), (*FreqTable)(nil),
		(*ContingencyTable)(nil), (*Summary)(nil), (*BootResult)(nil), (*PowerResult)(nil), (*Matrix)(nil), (*Effect)(nil)} {
		if s := d.Display(display.Plain).Text; !strings.Contains(s, "nil") {
			t.Errorf("%T: %q", d, s)
		}
	}
}

func TestDroppedNote(t *testing.T) {
	h, err := TTest([]float64{1.2, 3.4, 2.2, 5.1, 4.4, nanv()})
	if err != nil {
		t.Fatal(err)
	}
	if h.Dropped != 1 || !strings.Contains(h.String(), "1 missing value (NaN) was skipped") {
		t.Errorf("dropped %d, display:\n%s", h.Dropped, h)
	}
}
