// Command startup measures gostat's start-up, hyperfine-style: it runs the
// binary many times for each case and prints the median and the 10th and
// 90th percentiles of the wall time.
//
//	go build -o /tmp/gostat ./cmd/gostat
//	go run ./bench/startup -bin /tmp/gostat -n 50
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "gostat", "the gostat binary")
	n := flag.Int("n", 50, "runs per case")
	flag.Parse()
	dir, err := os.MkdirTemp("", "gostat-startup-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "one.gost")
	if err := os.WriteFile(script, []byte("// %%\n1 + 1\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	cases := []struct {
		name  string
		args  []string
		env   string
		stdin string
	}{
		{"gostat run one.gost (kernel in a child process)", []string{"run", script}, "GOSTAT_SCRIPT_KERNEL=child", ""},
		{"gostat run one.gost (kernel in-process)", []string{"run", script}, "GOSTAT_SCRIPT_KERNEL=inprocess", ""},
		{"line mode, piped `1 + 1`, to exit", nil, "", "1 + 1\n"},
		{"gostat version (no kernel)", []string{"version"}, "", ""},
	}
	times := make([][]time.Duration, len(cases))
	// Interleave the cases so that machine load hits them alike.
	for i := 0; i < *n; i++ {
		for c, tc := range cases {
			cmd := exec.Command(*bin, tc.args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), tc.env)
			cmd.Stdin = strings.NewReader(tc.stdin)
			t0 := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				log.Fatalf("%s: %v\n%s", tc.name, err, out)
			}
			times[c] = append(times[c], time.Since(t0))
		}
	}
	for c, tc := range cases {
		ts := times[c]
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
		fmt.Printf("%-50s median %5.1f ms  p10 %5.1f  p90 %5.1f\n", tc.name, ms(ts[len(ts)/2]), ms(ts[len(ts)/10]), ms(ts[len(ts)*9/10]))
	}
}
