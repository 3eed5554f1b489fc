package tui

import (
	"os"
	"testing"

	"github.com/gostat/gostat/repl/tui/internal/fakekernel"
)

// TestDemo runs the notebook on the real terminal with the fake kernel when
// GOSTAT_TUI_DEMO is set (for looking at it by hand: go test -c, then run
// the binary with -test.run TestDemo in a terminal).
func TestDemo(t *testing.T) {
	if os.Getenv("GOSTAT_TUI_DEMO") == "" {
		t.Skip("set GOSTAT_TUI_DEMO=1 to run the notebook on this terminal with a fake kernel")
	}
	if err := Run(fakekernel.New(), Options{File: os.Getenv("GOSTAT_TUI_FILE")}); err != nil {
		t.Fatal(err)
	}
}
