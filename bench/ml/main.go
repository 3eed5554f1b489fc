// Command ml times the machine-learning workloads of
// ../shared/notes/benchmark-data.md on clf.csv (made by bench/gen) and
// prints test accuracies on a fixed split (first 80,000 rows train, last
// 20,000 test) for comparison with bench/ml/sklearn_clf.py:
//
//	go run ./bench/gen -out /tmp/gostat-bench -big=false
//	go run ./bench/ml /tmp/gostat-bench/clf.csv
//	go run ./bench/ml -only boosting /tmp/gostat-bench/clf.csv
//
// -only runs one workload: logistic, cv, boosting or forest.
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
	"github.com/gostat/gostat/builtins/ml"
	"gonum.org/v1/gonum/mat"
)

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// lastCPU is the median CPU time of the last median call.
var lastCPU time.Duration

// median runs f reps times and returns the median wall time (and sets
// lastCPU to the median CPU time, which other processes on a shared machine
// disturb much less).
func median(f func() error, reps int) time.Duration {
	var ts, cs []time.Duration
	for i := 0; i < reps; i++ {
		t, c := time.Now(), cpuTime()
		if err := f(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		ts = append(ts, time.Since(t))
		cs = append(cs, cpuTime()-c)
	}
	sort.Slice(ts, func(a, b int) bool { return ts[a] < ts[b] })
	sort.Slice(cs, func(a, b int) bool { return cs[a] < cs[b] })
	lastCPU = cs[len(cs)/2]
	return ts[len(ts)/2]
}

func rows(X *mat.Dense, y []float64, lo, hi int) (*mat.Dense, []float64) {
	_, p := X.Dims()
	return mat.DenseCopyOf(X.Slice(lo, hi, 0, p)), y[lo:hi]
}

func main() {
	only := flag.String("only", "", "run only this workload: logistic, cv, boosting or forest")
	reps := flag.Int("reps", 3, "fits per boosting median")
	noAcc := flag.Bool("noacc", false, "boosting: skip the test-accuracy fit (timing runs)")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: ml [-only logistic|cv|boosting|forest] [-reps n] clf.csv")
		os.Exit(2)
	}
	switch *only {
	case "", "logistic", "cv", "boosting", "forest":
	default:
		fmt.Fprintf(os.Stderr, "ml: -only %q: use logistic, cv, boosting or forest\n", *only)
		os.Exit(2)
	}
	run := func(w string) bool { return *only == "" || *only == w }
	f, err := frame.ReadCSV(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	y := f.Col("y")
	X, err := f.Drop("y").Matrix()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n, _ := X.Dims()
	Xtr, ytr := rows(X, y, 0, 80000)
	Xte, yte := rows(X, y, 80000, n)
	acc := func(m ml.Estimator) float64 {
		p, err := m.PredictX(Xte)
		if err != nil {
			panic(err)
		}
		return ml.Accuracy(yte, p)
	}
	fmt.Printf("GOMAXPROCS %d\n\n", runtime.GOMAXPROCS(0))
	fmt.Println("| workload | median wall time | median CPU time | test accuracy (80k/20k split) |")
	fmt.Println("|---|---|---|---|")
	if run("logistic") {
		t := median(func() error { return ml.NewLogisticRegression().FitXY(X, y) }, 7)
		lr := ml.NewLogisticRegression()
		lr.FitXY(Xtr, ytr)
		fmt.Printf("| logistic regression 100k × 20 | %.3f s | %.3f s | %.4f |\n", t.Seconds(), lastCPU.Seconds(), acc(lr))
	}
	if run("cv") {
		t := median(func() error {
			_, err := ml.CrossValidateXY(ml.NewLogisticRegression(), X, y, 5, 1, "accuracy")
			return err
		}, 5)
		fmt.Printf("| 5-fold CV of logistic regression 100k × 20 | %.3f s | %.3f s | |\n", t.Seconds(), lastCPU.Seconds())
	}
	if run("boosting") {
		t := median(func() error {
			m := ml.NewHistGradientBoostingClassifier()
			m.EarlyStopping = "off"
			return m.FitXY(X, y)
		}, *reps)
		cpu := lastCPU
		accuracy := "–"
		if !*noAcc {
			hg := ml.NewHistGradientBoostingClassifier()
			hg.EarlyStopping = "off"
			hg.FitXY(Xtr, ytr)
			accuracy = fmt.Sprintf("%.4f", acc(hg))
		}
		fmt.Printf("| gradient boosting, 100 iterations, 100k × 20 | %.3f s | %.3f s | %s |\n", t.Seconds(), cpu.Seconds(), accuracy)
	}
	if run("forest") {
		t := median(func() error { return ml.NewRandomForestClassifier().FitXY(X, y) }, 1)
		cpu := lastCPU
		rf80 := ml.NewRandomForestClassifier()
		rf80.FitXY(Xtr, ytr)
		fmt.Printf("| random forest, 100 trees, 100k × 20 | %.2f s | %.2f s | %.4f |\n", t.Seconds(), cpu.Seconds(), acc(rf80))
	}
}
