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

// TestASCIIDisplays: with Unicode off the displays are plain ASCII.
func TestASCIIDisplays(t *testing.T) {
	o := display.Plain
	o.Unicode = false
	pg := loadCSV(t, "PlantGrowth")
	a, _ := ANOVA(floatsOf(t, pg["weight"]), pg["group"])
	tk, _ := a.Tukey(0)
	ch, _ := ChisqTest([][]float64{{20, 25, 5}, {15, 10, 18}, {30, 12, 22}})
	_, _, g1, g2 := sleepData(t)
	tt, _ := TTest2(g1, g2)
	for _, d := range []display.Displayer{a, tk, ch, tt} {
		s := d.Display(o).Text
		for i, r := range s {
			if r > 127 {
				t.Errorf("%T: non-ASCII %q at %d in\n%s", d, r, i, s)
				break
			}
		}
	}
}
