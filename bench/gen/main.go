// Command gen writes the benchmark data sets described in
// ../shared/notes/benchmark-data.md, seeded so every run writes the same
// bytes:
//
//	go run ./bench/gen -out /tmp/gostat-bench        # big.csv and clf.csv
//	go run ./bench/gen -out DIR -big=false           # only clf.csv
//
// big.csv: 1,000,000 rows; col0…col7 float64 (%.10g), col1…col7 normal with
// (mean, sd) = (0,1), (5,2), (-1,0.5), (2,3), (0,1), (100,10), (0,0.1),
// col0 = 1 + 0.5·col1 − 0.25·col2 + 1.5·col3 + 0.1·col4 − 2·col5 +
// 0.01·col6 + 3·col7 + N(0, 2); cat uniform on 0…999; label uniform over
// lvl00…lvl19.
//
// clf.csv: 100,000 rows; x0…x19 N(0,1) (%.10g); y 0/1 from
// p = 1/(1+exp(-(0.3 + x·w))), w ~ N(0, 0.5).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

func main() {
	out := flag.String("out", ".", "output directory")
	big := flag.Bool("big", true, "write big.csv")
	clf := flag.Bool("clf", true, "write clf.csv")
	rows := flag.Int("rows", 1_000_000, "rows of big.csv")
	seed := flag.Uint64("seed", 20260101, "random seed")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	if *big {
		if err := writeBig(filepath.Join(*out, "big.csv"), *rows, *seed); err != nil {
			fail(err)
		}
	}
	if *clf {
		if err := writeClf(filepath.Join(*out, "clf.csv"), 100_000, *seed+1); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

func writeBig(path string, n int, seed uint64) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(fh, 1<<20)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	w.WriteString("col0,col1,col2,col3,col4,col5,col6,col7,cat,label\n")
	means := [8]float64{0, 0, 5, -1, 2, 0, 100, 0}
	sds := [8]float64{0, 1, 2, 0.5, 3, 1, 10, 0.1}
	beta := [8]float64{1, 0.5, -0.25, 1.5, 0.1, -2, 0.01, 3}
	var x [8]float64
	buf := make([]byte, 0, 256)
	for i := 0; i < n; i++ {
		y := beta[0]
		for j := 1; j < 8; j++ {
			x[j] = means[j] + sds[j]*r.NormFloat64()
			y += beta[j] * x[j]
		}
		x[0] = y + 2*r.NormFloat64()
		buf = buf[:0]
		for j := 0; j < 8; j++ {
			buf = strconv.AppendFloat(buf, x[j], 'g', 10, 64)
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(r.IntN(1000)), 10)
		buf = append(buf, ",lvl"...)
		l := r.IntN(20)
		buf = append(buf, byte('0'+l/10), byte('0'+l%10), '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return fh.Close()
}

func writeClf(path string, n int, seed uint64) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(fh, 1<<20)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	const p = 20
	var wts [p]float64
	for j := range wts {
		wts[j] = 0.5 * r.NormFloat64()
	}
	for j := 0; j < p; j++ {
		fmt.Fprintf(w, "x%d,", j)
	}
	w.WriteString("y\n")
	buf := make([]byte, 0, 512)
	var x [p]float64
	for i := 0; i < n; i++ {
		eta := 0.3
		buf = buf[:0]
		for j := 0; j < p; j++ {
			x[j] = r.NormFloat64()
			eta += x[j] * wts[j]
			buf = strconv.AppendFloat(buf, x[j], 'g', 10, 64)
			buf = append(buf, ',')
		}
		y := 0
		if r.Float64() < 1/(1+math.Exp(-eta)) {
			y = 1
		}
		buf = append(buf, byte('0'+y), '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return fh.Close()
}
