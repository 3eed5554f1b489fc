package frame_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/builtins/frame"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want an error containing %q, got nil", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err.Error(), p)
		}
	}
}

// panicErr runs fn and returns the error it panicked with.
func panicErr(t *testing.T, fn func()) (err error) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("want a panic with an error, got none")
		}
		e, ok := r.(error)
		if !ok {
			t.Fatalf("panic value %T is not an error", r)
		}
		err = e
	}()
	fn()
	return nil
}

func TestReadCSVBadInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "sales.csv"), []byte("a\n1\n"), 0o644)
	_, err := frame.ReadCSV(filepath.Join(dir, "sale.csv"))
	wantErr(t, err, "does not exist", "sales.csv")

	_, err = frame.ReadCSV(writeFile(t, "empty.csv", ""))
	wantErr(t, err, "empty.csv is empty")
	_, err = frame.ReadCSV(writeFile(t, "blank.csv", "\n \n"))
	wantErr(t, err, "is empty")

	f, err := frame.ReadCSV(writeFile(t, "hdr.csv", "a,b,c\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.NRows() != 0 || f.NCols() != 3 || len(f.Warnings()) != 1 || !strings.Contains(f.Warnings()[0], "no data rows") {
		t.Errorf("header only: got %d×%d, warnings %q", f.NRows(), f.NCols(), f.Warnings())
	}

	f, err = frame.ReadCSV(writeFile(t, "dup.csv", "x,y,x\n1,2,3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.Names(), ","); got != "x,y,x.1" {
		t.Errorf("duplicate names → %s, want x,y,x.1", got)
	}
	if w := f.Warnings(); len(w) != 1 || !strings.Contains(w[0], `duplicate column name "x"`) || !strings.Contains(w[0], "dup.csv:1") {
		t.Errorf("duplicate name warning: %q", w)
	}

	ragged := "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n"
	p := writeFile(t, "ragged.csv", ragged)
	_, err = frame.ReadCSV(p)
	wantErr(t, err, "ragged.csv:3", "2 fields", "header has 3", `Ragged: "pad"`)
	f, err = frame.ReadCSV(p, frame.CSVOptions{Ragged: "skip"})
	if err != nil || f.NRows() != 2 || len(f.Warnings()) != 2 {
		t.Fatalf("skip: %v, rows %d, warnings %q", err, f.NRows(), f.Warnings())
	}
	if !strings.Contains(f.Warnings()[1], "ragged.csv:5") {
		t.Errorf("skip warning should name line 5: %q", f.Warnings())
	}
	f, err = frame.ReadCSV(p, frame.CSVOptions{Ragged: "pad"})
	if err != nil || f.NRows() != 4 {
		t.Fatalf("pad: %v", err)
	}
	if c := f.Col("c"); !math.IsNaN(c[1]) || c[3] != 11 {
		t.Errorf("pad: c = %v", c)
	}

	// A stray word in a numeric column: error naming file, line, column,
	// value and the override; never a silent type change or NaN.
	var sb strings.Builder
	sb.WriteString("id,score\n")
	for i := 0; i < 50; i++ {
		sb.WriteString(strconv.Itoa(i) + "," + strconv.Itoa(i*2) + ".5\n")
	}
	sb.WriteString("50,oops\n")
	p = writeFile(t, "scores.csv", sb.String())
	_, err = frame.ReadCSV(p)
	wantErr(t, err, "scores.csv:52", `column "score"`, `"oops"`, `Types: map[string]string{"score": "string"}`)
	f, err = frame.ReadCSV(p, frame.CSVOptions{Types: map[string]string{"score": "string"}})
	if err != nil || f.Type("score") != "string" {
		t.Fatalf("override to string: %v", err)
	}
	f, err = frame.ReadCSV(p, frame.CSVOptions{NA: []string{"", "NA", "oops"}})
	if err != nil || f.Type("score") != "float" || f.Count("score") != 50 {
		t.Fatalf("oops as NA: %v", err)
	}
	// Forced numeric type with text: error too.
	_, err = frame.ParseCSV("a\nx\ny\n", frame.CSVOptions{Types: map[string]string{"a": "float"}})
	wantErr(t, err, `"x" is not a number`, "asked to be float")
	// Unknown column in Types suggests the closest.
	_, err = frame.ParseCSV("alpha,beta\n1,2\n", frame.CSVOptions{Types: map[string]string{"alpah": "int"}})
	wantErr(t, err, `no column named "alpah"`, `did you mean "alpha"`)
}

func TestReadCSVFeatures(t *testing.T) {
	// BOM, semicolons, quotes with delimiters, escaped quotes and newlines,
	// NA tokens, CRLF.
	text := "\xef\xbb\xbfname;value;flag;n\r\n\"Smith; J\";1.5;true;1\r\n\"say \"\"hi\"\"\";NA;false;2\r\n\"two\nlines\";-3e2;;3\r\n"
	f, err := frame.ParseCSV(text)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.Names(), ","); got != "name,value,flag,n" {
		t.Fatalf("names %q", got)
	}
	if got := strings.Join(f.Types(), ","); got != "string,float,bool,int" {
		t.Errorf("types %s", got)
	}
	names := f.Factor("name")
	want := []string{"Smith; J", `say "hi"`, "two\nlines"}
	for k := range want {
		if names[k] != want[k] {
			t.Errorf("name[%d] = %q, want %q", k, names[k], want[k])
		}
	}
	v := f.Col("value")
	if v[0] != 1.5 || !math.IsNaN(v[1]) || v[2] != -300 {
		t.Errorf("value = %v", v)
	}
	na, _ := f.NA("flag")
	if !na[2] || na[0] {
		t.Errorf("flag NA = %v", na)
	}
	// Tab detection from .tsv and from content.
	f, err = frame.ReadCSV(writeFile(t, "x.tsv", "a\tb\n1\t2\n"))
	if err != nil || f.NCols() != 2 {
		t.Fatalf("tsv: %v", err)
	}
	f, err = frame.ParseCSV("a\tb c\n1\tx y\n")
	if err != nil || f.NCols() != 2 || f.Factor("b c")[0] != "x y" {
		t.Fatalf("tab detect: %v %v", err, f.Names())
	}
	// No header.
	f, err = frame.ParseCSV("1,2\n3,4\n", frame.CSVOptions{NoHeader: true})
	if err != nil || f.NRows() != 2 || f.Names()[0] != "V1" {
		t.Fatalf("no header: %v", err)
	}
	// Int vs float inference, and a forced int.
	f, _ = frame.ParseCSV("a,b,c\n1,1.0,x\n2,2,y\n")
	if got := strings.Join(f.Types(), ","); got != "int,float,string" {
		t.Errorf("types %s", got)
	}
	f, err = frame.ParseCSV("a\n1.0\n2\n", frame.CSVOptions{Types: map[string]string{"a": "int"}})
	if err != nil || f.Type("a") != "int" {
		t.Errorf("forced int: %v", err)
	}
	// A mostly-text column stays text (IDs that happen to be numbers).
	f, _ = frame.ParseCSV("id\nA1\nB2\n3\nC4\n")
	if f.Type("id") != "string" {
		t.Errorf("mostly text id column: %s", f.Type("id"))
	}
	// Blank lines are skipped.
	f, _ = frame.ParseCSV("a\n1\n\n2\n")
	if f.NRows() != 2 {
		t.Errorf("blank line: %d rows", f.NRows())
	}
}

func TestReadCSVParallelMatchesSequential(t *testing.T) {
	// Big enough for several chunks; compare with a line-by-line parse.
	r := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	sb.WriteString("x,k,s,q\n")
	type row = struct {
		x float64
		k int
		s string
	}
	var rows []row
	for sb.Len() < 3<<20 {
		x := r.NormFloat64() * math.Pow(10, float64(r.IntN(12)-6))
		k := r.IntN(1000)
		s := "lvl" + strconv.Itoa(r.IntN(30))
		rows = append(rows, row{x, k, s})
		sb.WriteString(strconv.FormatFloat(x, 'g', 10, 64) + "," + strconv.Itoa(k) + "," + s + ",\"a,b\"\n")
	}
	// Once with a quoted column (general path), once without (fast rows).
	plain := strings.ReplaceAll(strings.ReplaceAll(sb.String(), ",\"a,b\"\n", "\n"), "x,k,s,q\n", "x,k,s\n")
	for _, text := range []string{sb.String(), plain} {
		checkParallel(t, text, rows)
	}
}

func checkParallel(t *testing.T, text string, rows []struct {
	x float64
	k int
	s string
}) {
	t.Helper()
	f, err := frame.ParseCSV(text)
	if err != nil {
		t.Fatal(err)
	}
	if f.NRows() != len(rows) {
		t.Fatalf("rows %d, want %d", f.NRows(), len(rows))
	}
	x, k, s := f.Col("x"), f.Col("k"), f.Factor("s")
	for i, w := range rows {
		wx, _ := strconv.ParseFloat(strconv.FormatFloat(w.x, 'g', 10, 64), 64)
		if x[i] != wx || k[i] != float64(w.k) || s[i] != w.s {
			t.Fatalf("row %d: got %v %v %v, want %v %v %v", i, x[i], k[i], s[i], wx, w.k, w.s)
		}
	}
	if f.Type("k") != "int" || len(f.Levels("s")) != 30 {
		t.Errorf("types %v levels %d", f.Types(), len(f.Levels("s")))
	}
}

func TestFastFloatIsCorrectlyRounded(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var texts []string
	for i := 0; i < 200000; i++ {
		v := r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
		texts = append(texts, strconv.FormatFloat(v, 'g', 1+r.IntN(17), 64))
		texts = append(texts, strconv.FormatFloat(v, 'f', r.IntN(12), 64))
	}
	texts = append(texts, "0.1", "-0", "1e22", "9007199254740993", "123456789012345678901", "1e-400", "1e400", "+5", ".5", "5.")
	var sb strings.Builder
	sb.WriteString("v\n")
	for _, s := range texts {
		sb.WriteString(s + "\n")
	}
	f, err := frame.ParseCSV(sb.String(), frame.CSVOptions{Types: map[string]string{"v": "float"}})
	if err != nil {
		t.Fatal(err)
	}
	got := f.Col("v")
	for i, s := range texts {
		want, _ := strconv.ParseFloat(s, 64)
		if got[i] != want && !(math.IsNaN(got[i]) && math.IsNaN(want)) {
			t.Fatalf("%q parsed as %.17g, strconv gives %.17g", s, got[i], want)
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	f := frame.New("x", []float64{1.5, math.NaN(), 1e-300}, "s", []string{"a,b", `q"t`, "NA"}, "b", []bool{true, false, true}, "i", []int{1, 2, 3})
	p := filepath.Join(t.TempDir(), "out.csv")
	if err := f.WriteCSV(p); err != nil {
		t.Fatal(err)
	}
	g, err := frame.ReadCSV(p, frame.CSVOptions{NA: []string{"NA"}})
	if err != nil {
		t.Fatal(err)
	}
	if g.CSV() != f.CSV() {
		t.Errorf("CSV round trip:\n%s\nvs\n%s", g.CSV(), f.CSV())
	}
	pj := filepath.Join(t.TempDir(), "out.json")
	if err := f.WriteJSON(pj); err != nil {
		t.Fatal(err)
	}
	h, err := frame.ReadJSON(pj)
	if err != nil {
		t.Fatal(err)
	}
	if h.CSV() != f.CSV() || strings.Join(h.Types(), ",") != "float,string,bool,int" {
		t.Errorf("JSON round trip:\n%s\nvs\n%s (%v)", h.CSV(), f.CSV(), h.Types())
	}
	j, err := frame.ParseJSON("{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2.5}\n")
	if err != nil || j.NRows() != 2 || j.Factor("b")[1] != "NA" {
		t.Errorf("JSON lines: %v", err)
	}
	_, err = frame.ParseJSON(`[{"a": {"nested": 1}}]`)
	wantErr(t, err, "record 1", "nested")
}

func TestReadCSVBigIntegersWarn(t *testing.T) {
	f, err := frame.ParseCSV("id,v\n12345678901234567890,1\n2,2\n")
	if err != nil {
		t.Fatal(err)
	}
	w := f.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "<text>:2") || !strings.Contains(w[0], "12345678901234567890") || !strings.Contains(w[0], `"id": "string"`) {
		t.Errorf("warnings %q", w)
	}
	if f.Type("v") != "int" {
		t.Errorf("v type %s", f.Type("v"))
	}
	g, _ := frame.ParseCSV("id\n9007199254740992\n-9007199254740992\n")
	if g.Type("id") != "int" || len(g.Warnings()) != 0 {
		t.Errorf("2^53 is exact: %s %q", g.Type("id"), g.Warnings())
	}
}

func TestReadCSVNamesWithTextFallback(t *testing.T) {
	f, err := frame.ParseCSV("a,b\n1,x\n2,y\n3,z\n", frame.CSVOptions{Names: []string{"num", "txt"}, NA: []string{"NA"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.Names(), ",") + " " + strings.Join(f.Types(), ","); got != "num,txt int,string" {
		t.Errorf("got %s", got)
	}
	// An all-NA sample followed by text: re-read as text.
	var sb strings.Builder
	sb.WriteString("v\n")
	for i := 0; i < 1500; i++ {
		sb.WriteString("NA\n")
	}
	sb.WriteString("hello\nworld\n")
	g, err := frame.ParseCSV(sb.String(), frame.CSVOptions{Names: []string{"w"}})
	if err != nil || g.Type("w") != "string" || g.Count("w") != 2 {
		t.Errorf("text after NA sample: %v %v", err, g)
	}
}

func TestReadCSVStopsWhenInterrupted(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("a,b\n")
	for sb.Len() < 4<<20 {
		sb.WriteString("1.5,2\n")
	}
	p := writeFile(t, "big.csv", sb.String())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	restore := cell.Bind(cell.Hooks{Ctx: ctx})
	defer restore()
	_, err := frame.ReadCSV(p)
	wantErr(t, err, "big.csv", "stopped")
}

func TestReadCSVCustomNATokens(t *testing.T) {
	// Tokens that look like numbers or words must be NA in every row (the
	// fast row path must not read them as values).
	f, err := frame.ParseCSV("x,s\n1.5,a\n-999,?\n2,b\n-999,a\n", frame.CSVOptions{NA: []string{"-999", "?"}})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := f.NA("x")
	s, _ := f.NA("s")
	if !x[1] || !x[3] || x[0] || !s[1] || s[0] {
		t.Errorf("NA masks x %v s %v", x, s)
	}
	if lv := strings.Join(f.Levels("s"), ","); lv != "a,b" {
		t.Errorf("levels %s", lv)
	}
	g, _ := frame.ParseCSV("v,w\n-0,x\n3,NA\n")
	if g.Type("v") != "int" || g.Count("w") != 1 {
		t.Errorf("-0 and NA: %v %d", g.Types(), g.Count("w"))
	}
}

func TestReadCSVGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("a\tb\n1\tx\n2\ty\n"))
	zw.Close()
	p := writeFile(t, "data.tsv.gz", buf.String())
	f, err := frame.ReadCSV(p)
	if err != nil || f.NCols() != 2 || f.Col("a")[1] != 2 {
		t.Fatalf("gzip tsv: %v", err)
	}
	_, err = frame.ReadCSV(writeFile(t, "bad.csv.gz", "a,b\n1,2\n"))
	wantErr(t, err, "bad.csv.gz", "not a gzip file")
}

// TestDecimalComma reads European CSV (semicolon, decimal comma) as R's
// read.csv2 does.
func TestDecimalComma(t *testing.T) {
	src := "\xef\xbb\xbfa;b;c;d\n1,5;\"x;y\";3;2024-01-01\n-2,25;\"multi\nline\";NA;x\n;z;4;y\n"
	f, err := frame.ParseCSV(src)
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.Floats("a")
	if err != nil || !f.IsNumeric("a") || a[0] != 1.5 || a[1] != -2.25 || !math.IsNaN(a[2]) {
		t.Fatalf("a = %v (%v), want [1.5 -2.25 NaN] numeric\n%s", a, err, f)
	}
	if f.IsNumeric("b") || f.IsNumeric("d") || !f.IsNumeric("c") {
		t.Errorf("b, d must stay text, c numeric:\n%s", f)
	}
	// forcing the point keeps the text; a comma delimiter with Decimal ','
	// is an error naming both
	g, err := frame.ParseCSV(src, frame.CSVOptions{Decimal: '.'})
	if err != nil || g.IsNumeric("a") {
		t.Errorf("Decimal '.': %v\n%s", err, g)
	}
	if _, err := frame.ParseCSV("a,b\n1,2\n", frame.CSVOptions{Decimal: ','}); err == nil || !strings.Contains(err.Error(), "delimiter") {
		t.Errorf("Decimal ',' with comma delimiter: %v", err)
	}
	// explicit options on a tab-separated file
	h, err := frame.ParseCSV("x\ty\n0,5\t1\n", frame.CSVOptions{Decimal: ','})
	if err != nil || !h.IsNumeric("x") {
		t.Errorf("tab + decimal comma: %v\n%s", err, h)
	}
	if _, err := frame.ParseCSV(""); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty CSV: %v", err)
	}
}
