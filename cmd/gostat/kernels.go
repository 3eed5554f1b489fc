package main

import (
	"fmt"
	"os"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote"
)

// scriptKernel is the kernel `run` and `check` use. By default it runs in
// a child process, like interactive sessions; GOSTAT_SCRIPT_KERNEL=inprocess
// runs it inside gostat itself (a cell that exits or crashes then ends the
// run). See bench/RESULTS.md for the start-up cost of each.
func scriptKernel() (kernel.Kernel, error) {
	switch m := os.Getenv("GOSTAT_SCRIPT_KERNEL"); m {
	case "inprocess":
		return kernel.NewSession(kernel.Options{})
	case "", "child":
		s := remote.NewSupervisor(remote.Options{Stray: os.Stderr})
		if _, err := s.Ready(); err != nil {
			return nil, err
		}
		return s, nil
	default:
		return nil, fmt.Errorf("GOSTAT_SCRIPT_KERNEL=%q: want child or inprocess", m)
	}
}
