// Command frame times the dataframe workloads of
// ../shared/notes/benchmark-data.md on big.csv (made by bench/gen):
//
//	go run ./bench/gen -out /tmp/gostat-bench
//	go build -o /tmp/benchframe ./bench/frame
//	/usr/bin/time -v /tmp/benchframe -file /tmp/gostat-bench/big.csv -only read   # peak RSS of one read
//	/tmp/benchframe -file /tmp/gostat-bench/big.csv                              # all workloads, median of 5
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
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
		var ts []time.Duration
		for i := 0; i < *reps; i++ {
			runtime.GC()
			t := time.Now()
			fn()
			ts = append(ts, time.Since(t))
		}
		sort.Slice(ts, func(a, b int) bool { return ts[a] < ts[b] })
		fmt.Printf("%-10s median %8.4f s  (min %.4f, max %.4f, n=%d)\n", name, ts[len(ts)/2].Seconds(), ts[0].Seconds(), ts[len(ts)-1].Seconds(), len(ts))
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
