package main

import (
	"fmt"
	"io"
	"os"

	"github.com/gostat/gostat/display"
	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/repl/line"
	"github.com/gostat/gostat/repl/meta"
	"github.com/gostat/gostat/repl/tui"
)

// runTUI runs the full-screen notebook on the terminal. It shares the
// session history (and crash journal) and the typed-line history file with
// line mode; it offers the journals of crashed sessions itself.
func runTUI(k kernel.Kernel, hist *meta.History, files []string, dopts display.Options, stderr io.Writer) int {
	dir, _ := os.Getwd()
	opts := tui.Options{
		Session:     hist,
		RecoverDir:  dir,
		HistoryFile: line.DefaultHistoryFile(),
		ASCII:       !dopts.Unicode,
	}
	if len(files) == 1 {
		opts.File = files[0]
	}
	k.SetOptions(dopts)
	if err := tui.Run(k, opts); err != nil {
		hist.Close(false)
		fmt.Fprintln(stderr, "gostat:", err)
		return exitFail
	}
	hist.Close(true)
	return exitOK
}
