package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/kernel"
	"github.com/gostat/gostat/kernel/remote"
)

// BenchmarkRunOneCell is process start to the end of `gostat run` of a
// one-cell script, with the kernel in a child process (the default) and
// in-process (GOSTAT_SCRIPT_KERNEL=inprocess).
func BenchmarkRunOneCell(b *testing.B) {
	dir := b.TempDir()
	script := filepath.Join(dir, "one.gost")
	os.WriteFile(script, []byte("// %%\n1 + 1\n"), 0o644)
	for _, mode := range []string{"child", "inprocess"} {
		b.Run(mode, func(b *testing.B) {
			env := append(os.Environ(), "GOSTAT_SCRIPT_KERNEL="+mode)
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(gostatBin, "run", script)
				cmd.Env = env
				out, err := cmd.Output()
				if err != nil || string(out) != "2\n" {
					b.Fatalf("%v %q", err, out)
				}
			}
		})
	}
}

// BenchmarkFirstResult is process start to the first cell's result in line
// mode (input piped), then a clean exit.
func BenchmarkFirstResult(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(gostatBin)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader("1 + 1\n")
		out, err := cmd.Output()
		if err != nil || string(out) != "2\n" {
			b.Fatalf("%v %q", err, out)
		}
	}
}

// BenchmarkTrivialCell is the cost of one trivial cell, in-process and
// through the kernel child's pipes.
func BenchmarkTrivialCell(b *testing.B) {
	s, err := kernel.NewSession(kernel.Options{})
	if err != nil {
		b.Fatal(err)
	}
	sup := remote.NewSupervisor(remote.Options{Path: gostatBin})
	defer sup.Close()
	for _, k := range []struct {
		name string
		k    kernel.Kernel
	}{{"inprocess", s}, {"child", sup}} {
		b.Run(k.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if r := k.k.Eval(context.Background(), "x := 1", nil); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}

// BenchmarkKernelStart is starting a kernel child until it is ready.
func BenchmarkKernelStart(b *testing.B) {
	for i := 0; i < b.N; i++ {
		c, err := remote.Start(remote.Options{Path: gostatBin})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}
