// Command frame times the dataframe workloads of
// ../shared/notes/benchmark-data.md on big.csv (made by bench/gen):
//
//	go run ./bench/gen -out /tmp/gostat-bench
//	go build -o /tmp/benchframe ./bench/frame
//	/usr/bin/time -v /tmp/benchframe -file /tmp/gostat-bench/big.csv -only read   # peak RSS of one read
//	/tmp/benchframe -file /tmp/gostat-bench/big.csv                              # all workloads, median of 5
//go:build unix

package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"syscall"
	"time"

	"github.com/gostat/gostat/builtins/frame"
)

func main() {
	file := flag.String("file", "/tmp/gostat-bench/big.csv", "big.csv path")
	only := flag.String("only", "", "run only this workload (read, groupby, describe, sort)")
	reps := flag.Int("n", 5, "repetitions (median reported)")
	flag.Parse()
	if *only == "read" {
		t := time.Now()
		f, err := frame.ReadCSV(*file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("read %v: %d rows\n", time.Since(t), f.NRows())
		return
	}
	var f *frame.Frame
	median := func(name string, fn func()) {
		if *only != "" && *only != name {
			return
		}
		var ts, cs []time.Duration
		for i := 0; i < *reps; i++ {
			runtime.GC()
			c0 := cpuTime()
			t := time.Now()
			fn()
			ts = append(ts, time.Since(t))
			cs = append(cs, cpuTime()-c0)
		}
		sort.Slice(ts, func(a, b int) bool { return ts[a] < ts[b] })
		sort.Slice(cs, func(a, b int) bool { return cs[a] < cs[b] })
		fmt.Printf("%-10s median %8.4f s  (min %.4f, max %.4f, n=%d)  CPU median %.4f s (user+sys, all threads)\n",
			name, ts[len(ts)/2].Seconds(), ts[0].Seconds(), ts[len(ts)-1].Seconds(), len(ts), cs[len(cs)/2].Seconds())
	}
	median("read", func() {
		var err error
		f, err = frame.ReadCSV(*file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	})
	if f == nil {
		f, _ = frame.ReadCSV(*file)
	}
	cols := []string{"col0", "col1", "col2", "col3", "col4", "col5", "col6", "col7"}
	median("groupby", func() { f.GroupBy("cat").Mean(cols...) })
	median("describe", func() { f.Describe() })
	median("sort", func() { f.Sort("col3") })
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
