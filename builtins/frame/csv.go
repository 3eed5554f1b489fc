package frame

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/cell"
)

// CSVOptions adjust ReadCSV, ParseCSV and FromRecords. The zero value
// means: detect the delimiter, first line is the header, NA tokens are
// DefaultNA, infer every column's type, and a ragged row is an error.
type CSVOptions struct {
	// Delimiter is the field separator; 0 detects it from the header line
	// (comma, tab, semicolon or bar; tab for .tsv files).
	Delimiter rune
	// NoHeader says the first line is data; columns are named V1, V2, ….
	NoHeader bool
	// Names replaces the column names (their number must match the data).
	Names []string
	// NA lists the texts that mean missing; nil means DefaultNA. Surrounding
	// spaces are ignored.
	NA []string
	// Types forces column types by name: "float", "int", "string" or "bool".
	Types map[string]string
	// Decimal is the decimal mark of numbers: '.' or ','. 0 means ',' when
	// the delimiter is ';' (European CSV, as R's read.csv2 and pandas
	// decimal=",") and '.' otherwise. With ',' a text column whose values
	// all read as numbers with a decimal comma ("1,5") becomes numeric.
	Decimal rune
	// Ragged says what to do with a row whose number of fields differs
	// from the header: "error" (default) stops with file:line, "skip" drops
	// the row, "pad" fills missing fields with NA and drops extra ones. Both
	// "skip" and "pad" record a warning (see Frame.Warnings).
	Ragged string
}

// DefaultNA are the texts read as missing by default: the empty field,
// NA, NaN, N/A, null and NULL.
var DefaultNA = []string{"", "NA", "NaN", "N/A", "null", "NULL"}

func csvOpts(opts []CSVOptions) CSVOptions {
	if len(opts) == 0 {
		return CSVOptions{}
	}
	return opts[0]
}

func (o CSVOptions) naSet() map[string]bool {
	toks := o.NA
	if toks == nil {
		toks = DefaultNA
	}
	m := make(map[string]bool, len(toks))
	for _, t := range toks {
		m[strings.TrimSpace(t)] = true
	}
	return m
}

// ReadCSV reads a delimited text file (gzip-compressed when the name ends
// in .gz) into a frame. The reader is parallel
// and types columns as it parses: a column is bool when every value is
// true/false, int when every value is a whole-number literal, float when
// every value is a number, and string (categorical) otherwise. NA tokens
// (DefaultNA unless opts set NA) are missing in every type. A byte-order
// mark is skipped, quoted fields may hold delimiters, quotes ("") and
// newlines, and blank lines are skipped.
//
// Text in a mostly-numeric column is an error naming the file, line, column
// and value, with the ways out (Types to read it as string, NA to declare it
// missing) — the type never changes silently and no value silently becomes
// NaN. A ragged row is an error naming file:line unless opts.Ragged is
// "skip" or "pad". Duplicate column names get suffixes .1, .2 (R's
// make.unique) and a warning.
//
//	f, err := frame.ReadCSV("data.csv")
//	f, err := frame.ReadCSV("data.csv", frame.CSVOptions{Types: map[string]string{"id": "string"}})
func ReadCSV(path string, opts ...CSVOptions) (*Frame, error) {
	data, release, err := readFileMapped(path)
	if err != nil {
		if os.IsNotExist(err) {
			dir := filepath.Dir(path)
			msg := fmt.Sprintf("file %q does not exist", path)
			if ents, e2 := os.ReadDir(dir); e2 == nil {
				var names []string
				for _, e := range ents {
					names = append(names, e.Name())
				}
				if best := Closest(filepath.Base(path), names); best != "" {
					msg += fmt.Sprintf("; did you mean %q?", filepath.Join(dir, best))
				}
			}
			return nil, &Error{Op: "ReadCSV", Msg: msg}
		}
		return nil, &Error{Op: "ReadCSV", Msg: err.Error()}
	}
	defer release()
	o := csvOpts(opts)
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".gz" {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, &Error{Op: "ReadCSV", Msg: fmt.Sprintf("%s: not a gzip file: %v", path, err)}
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			return nil, &Error{Op: "ReadCSV", Msg: fmt.Sprintf("%s: %v", path, err)}
		}
		data = plain
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(path, filepath.Ext(path))))
	}
	if o.Delimiter == 0 && ext == ".tsv" {
		o.Delimiter = '\t'
	}
	return parseCSV(data, path, o)
}

// ParseCSV reads CSV text held in a string (see ReadCSV for the rules).
func ParseCSV(text string, opts ...CSVOptions) (*Frame, error) {
	return parseCSV([]byte(text), "<text>", csvOpts(opts))
}

type csvError struct {
	line int // absolute line number (1-based)
	msg  string
}

type colStats struct {
	nNum, nBad int
	intOK      bool
	badLine    int // chunk-local byte offset of the row start, -1 none
	badVal     string
	nBig       int // whole numbers too large to be exact as float64
	bigVal     string
	bigLine    int
}

type chunkResult struct {
	rows      int
	dicts     []map[string]int32
	small     []map[uint64]int32
	naFirst   [256]bool // first bytes of the NA tokens
	naNumeric bool      // some NA token is a plain number (fast numbers off)
	naSpecial bool      // some NA token parses as a number (NaN, Inf, -999)
	levels    [][]string
	stats     []colStats
	err       *csvError
	errOff    int // byte offset of the row with err (for the line number)
	warnings  []string
	warnOffs  []int
	skipped   int
}

func parseCSV(data []byte, file string, o CSVOptions) (*Frame, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Op: "ReadCSV", Msg: fmt.Sprintf("%s is empty: no header and no data", file)}
	}
	delim := byte(o.Delimiter)
	if o.Delimiter > 127 {
		return nil, errorf("ReadCSV", "delimiter %q must be a single-byte character", o.Delimiter)
	}
	if delim == 0 {
		delim = detectDelimiter(data)
	}
	na := o.naSet()
	var warnings []string

	// Header.
	pos := 0
	for pos < len(data) && (data[pos] == '\n' || data[pos] == '\r') {
		pos++
	}
	headerLines := bytes.Count(data[:pos], []byte{'\n'})
	hdr, next := splitRow(data, pos, delim, nil)
	var names []string
	body := data[next:]
	bodyLine0 := headerLines + bytes.Count(data[pos:next], []byte{'\n'})
	if o.NoHeader {
		for j := range hdr {
			names = append(names, fmt.Sprintf("V%d", j+1))
		}
		body = data[pos:]
		bodyLine0 = headerLines
	} else {
		for j, h := range hdr {
			name := strings.TrimSpace(string(h))
			if name == "" {
				name = fmt.Sprintf("V%d", j+1)
			}
			names = append(names, name)
		}
	}
	if o.Names != nil {
		if len(o.Names) != len(names) {
			return nil, errorf("ReadCSV", "%s has %d columns but %d Names were given", file, len(names), len(o.Names))
		}
		names = append([]string(nil), o.Names...)
	}
	names, dupWarn := makeUnique(names)
	for _, w := range dupWarn {
		warnings = append(warnings, fmt.Sprintf("%s:%d: %s", file, headerLines+1, w))
	}
	for name := range o.Types {
		found := false
		for _, n := range names {
			found = found || n == name
		}
		if !found {
			return nil, wrapErr("ReadCSV", unknownColumn(name, names))
		}
	}
	ncol := len(names)
	if len(bytes.TrimSpace(body)) == 0 {
		cols := make([]*column, ncol)
		for j, name := range names {
			cols[j] = &column{name: name, kind: kindOfType(o.Types[name], kString), lv: nil}
		}
		f := newFrame(cols)
		f.warnings = append(warnings, fmt.Sprintf("%s has a header but no data rows", file))
		return f, nil
	}

	// Guess types from a sample.
	kinds := make([]kind, ncol)
	{
		sample := make([][]string, ncol)
		p := 0
		var fields [][]byte
		for rows := 0; p < len(body) && rows < 1000; rows++ {
			fields, p = splitRow(body, p, delim, fields[:0])
			if len(fields) == 1 && len(bytes.TrimSpace(fields[0])) == 0 {
				continue
			}
			for j := 0; j < ncol && j < len(fields); j++ {
				sample[j] = append(sample[j], string(fields[j]))
			}
		}
		for j, name := range names {
			if t := o.Types[name]; t != "" {
				kinds[j] = kindOfType(t, kString)
				if t != "float" && t != "int" && t != "string" && t != "bool" {
					return nil, errorf("ReadCSV", "column %q: unknown type %q (use float, int, string or bool)", name, t)
				}
				continue
			}
			kinds[j] = guessKind(sample[j], na)
		}
	}

	// Chunk the body at row boundaries.
	nw := runtime.GOMAXPROCS(0)
	if len(body) < 1<<20 {
		nw = 1
	}
	bounds := chunkBounds(body, nw)
	nch := len(bounds) - 1
	rowCap := make([]int, nch+1)
	nl := make([]int, nch)
	parallelFor(nch, func(k int) { nl[k] = bytes.Count(body[bounds[k]:bounds[k+1]], []byte{'\n'}) })
	for k := 0; k < nch; k++ {
		ch := body[bounds[k]:bounds[k+1]]
		r := nl[k]
		if len(ch) > 0 && ch[len(ch)-1] != '\n' {
			r++
		}
		rowCap[k+1] = rowCap[k] + r
	}
	total := rowCap[nch]
	cols := make([]*column, ncol)
	for j, name := range names {
		c := &column{name: name, kind: kinds[j]}
		switch kinds[j] {
		case kFloat, kInt:
			c.kind = kFloat
			c.f = make([]float64, total)
		case kString:
			c.c = make([]int32, total)
		case kBool:
			c.b = make([]int8, total)
		}
		cols[j] = c
	}
	results := make([]chunkResult, nch)
	ctx := cell.Context()
	var pg panicGroup
	for k := 0; k < nch; k++ {
		pg.Go(func() {
			// Chunk 0 reports progress (its share of the bytes); every
			// chunk stops when the cell is interrupted.
			progress := func(done int) bool {
				if k == 0 && len(body) > 64<<20 {
					cell.Progress("reading "+filepath.Base(file), done*nch, len(body))
				}
				return ctx.Err() == nil
			}
			results[k] = parseChunk(body[bounds[k]:bounds[k+1]], rowCap[k], cols, delim, na, o.Ragged, progress)
		})
	}
	pg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, &Error{Op: "ReadCSV", Msg: fmt.Sprintf("%s: stopped: %v", file, err)}
	}

	lineOf := func(k, off int) int {
		before := bodyLine0
		for q := 0; q < k; q++ {
			before += nl[q]
		}
		return before + bytes.Count(body[bounds[k]:bounds[k]+off], []byte{'\n'}) + 1
	}
	for k := range results {
		if e := results[k].err; e != nil {
			return nil, &Error{Op: "ReadCSV", Msg: fmt.Sprintf("%s:%d: %s", file, lineOf(k, results[k].errOff), e.msg)}
		}
	}
	for k := range results {
		for q, w := range results[k].warnings {
			warnings = append(warnings, fmt.Sprintf("%s:%d: %s", file, lineOf(k, results[k].warnOffs[q]), w))
		}
	}

	// Per-column checks: bad numbers, ints.
	for j, c := range cols {
		if c.kind != kFloat && c.kind != kBool {
			continue
		}
		nNum, nBad, intOK := 0, 0, true
		firstK := -1
		for k := range results {
			s := results[k].stats[j]
			nNum += s.nNum
			nBad += s.nBad
			intOK = intOK && s.intOK
			if s.nBad > 0 && firstK < 0 {
				firstK = k
			}
		}
		if nBad > 0 {
			s := results[firstK].stats[j]
			forced := o.Types[c.name]
			if forced == "" && nBad >= nNum {
				// Mostly text: read the column as string.
				o2 := o
				o2.Types = map[string]string{}
				for k, v := range o.Types {
					o2.Types[k] = v
				}
				o2.Types[c.name] = "string"
				return parseCSV(data, file, o2)
			}
			what := "a number"
			if c.kind == kBool {
				what = "true/false"
			}
			msg := fmt.Sprintf("%s:%d: column %q: %q is not %s", file, lineOf(firstK, s.badLine), c.name, s.badVal, what)
			if forced != "" {
				msg += fmt.Sprintf(", but the column was asked to be %s; fix the value or add it to the NA tokens (NA: []string{%q})", forced, s.badVal)
			} else {
				msg += fmt.Sprintf(" (%d of the column's %d values are numbers); read the column as text with CSVOptions{Types: map[string]string{%q: \"string\"}}, or declare the value missing with CSVOptions{NA: []string{\"\", \"NA\", %q}}", nNum, nNum+nBad, c.name, s.badVal)
			}
			return nil, &Error{Op: "ReadCSV", Msg: msg}
		}
		nBig, bigK := 0, -1
		for k := range results {
			if results[k].stats[j].nBig > 0 && bigK < 0 {
				bigK = k
			}
			nBig += results[k].stats[j].nBig
		}
		if nBig > 0 {
			st := results[bigK].stats[j]
			warnings = append(warnings, fmt.Sprintf("%s:%d: column %q: %d whole numbers such as %s are beyond 2^53 and not exact as float64; to keep them exactly (IDs), read the column as text with CSVOptions{Types: map[string]string{%q: \"string\"}}",
				file, lineOf(bigK, st.bigLine), c.name, nBig, st.bigVal, c.name))
		}
		if c.kind == kFloat {
			wantInt := kinds[j] == kInt && intOK && nNum > 0
			if o.Types[c.name] == "int" {
				for r, v := range c.f {
					if v == v && v != math.Trunc(v) {
						return nil, errorf("ReadCSV", "%s: column %q row %d: %v is not a whole number, but the column was asked to be int", file, c.name, r+1, v)
					}
				}
				wantInt = true
			}
			if wantInt {
				kinds[j] = kInt
			} else {
				kinds[j] = kFloat
			}
		}
	}

	// Compact rows when some chunks produced fewer rows than reserved.
	idx := compactIndex(results, rowCap)
	for j, c := range cols {
		if idx != nil {
			c = c.take(idx) // string codes are still chunk-local; take copies them as they are
			cols[j] = c
		}
		if c.kind == kString {
			mergeDicts(c, results, j, rowCap, idx)
		}
		if kinds[j] == kInt && c.kind == kFloat {
			cols[j] = floatToInt(c)
		}
	}
	f := newFrame(cols)
	if idx != nil {
		f.nrows = len(idx)
	}
	f.warnings = warnings
	dec := o.Decimal
	if dec == 0 {
		dec = '.'
		if delim == ';' {
			dec = ','
		}
	}
	switch {
	case dec == rune(delim):
		return nil, errorf("ReadCSV", "decimal mark %q is also the delimiter; set CSVOptions{Delimiter: ';', Decimal: ','}", dec)
	case dec == '.':
	case dec == ',':
		decimalComma(f, o, na)
	default:
		return nil, errorf("ReadCSV", "decimal mark %q: use '.' or ','", dec)
	}
	return f, nil
}

// decimalComma turns the text columns whose values all read as numbers
// once a decimal comma becomes a point ("1,5", "-0,25", "3") into float
// columns; columns typed by o.Types are left alone.
func decimalComma(f *Frame, o CSVOptions, na map[string]bool) {
	for j, c := range f.cols {
		if c.kind != kString || o.Types[c.name] != "" || len(c.lv) == 0 {
			continue
		}
		vals := make([]float64, len(c.lv))
		ok := true
		for k, l := range c.lv {
			t := strings.TrimSpace(l)
			if strings.Count(t, ",") > 1 || strings.Contains(t, ".") {
				ok = false
				break
			}
			v, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64)
			if err != nil || na[t] {
				ok = false
				break
			}
			vals[k] = v
		}
		if !ok {
			continue
		}
		out := make([]float64, len(c.c))
		for r, code := range c.c {
			if code < 0 {
				out[r] = math.NaN()
			} else {
				out[r] = vals[code]
			}
		}
		f.cols[j] = &column{name: c.name, kind: kFloat, f: out}
	}
}

func kindOfType(t string, def kind) kind {
	switch t {
	case "float":
		return kFloat
	case "int":
		return kInt
	case "string":
		return kString
	case "bool":
		return kBool
	}
	return def
}

// guessKind picks a column's parse type from a sample of its values.
func guessKind(vals []string, na map[string]bool) kind {
	nVal, nBool, nNum, nBad := 0, 0, 0, 0
	for _, s := range vals {
		t := strings.TrimSpace(s)
		if na[t] {
			continue
		}
		nVal++
		if _, ok := parseBool(t); ok {
			nBool++
		}
		if _, _, ok := parseNumber([]byte(t)); ok {
			nNum++
		} else {
			nBad++
		}
	}
	switch {
	case nVal > 0 && nBool == nVal:
		return kBool
	case nNum >= nBad:
		// Includes all-NA samples and mostly-numeric ones: parse as numbers
		// and report the non-numbers with their lines.
		return kInt
	}
	return kString
}

func detectDelimiter(data []byte) byte {
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	line := data[:end]
	best, bestN := byte(','), 0
	for _, d := range []byte{',', '\t', ';', '|'} {
		n, inq := 0, false
		for _, c := range line {
			if c == '"' {
				inq = !inq
			} else if c == d && !inq {
				n++
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// chunkBounds splits body into about n pieces that end after a newline
// outside quotes.
func chunkBounds(body []byte, n int) []int {
	bounds := []int{0}
	if n <= 1 {
		return append(bounds, len(body))
	}
	quoted := bytes.IndexByte(body, '"') >= 0
	step := len(body) / n
	if !quoted {
		for k := 1; k < n; k++ {
			p := k * step
			if p <= bounds[len(bounds)-1] {
				continue
			}
			q := bytes.IndexByte(body[p:], '\n')
			if q < 0 {
				break
			}
			bounds = append(bounds, p+q+1)
		}
	} else {
		inq := false
		target := step
		for p, c := range body {
			if c == '"' {
				inq = !inq
			} else if c == '\n' && !inq && p >= target {
				bounds = append(bounds, p+1)
				target = p + 1 + step
				if len(bounds) == n {
					break
				}
			}
		}
	}
	if bounds[len(bounds)-1] != len(body) {
		bounds = append(bounds, len(body))
	}
	return bounds
}

// splitRow tokenizes one row starting at pos, appending fields to buf. It
// returns the fields and the position after the row's newline. Quoted
// fields with escaped quotes are copied; others alias data.
func splitRow(data []byte, pos int, delim byte, buf [][]byte) ([][]byte, int) {
	buf, _, next := splitRowQ(data, pos, delim, buf, nil)
	return buf, next
}

// splitRowQ is splitRow that also reports which fields were quoted (a
// quoted "NA" is text, not missing).
func splitRowQ(data []byte, pos int, delim byte, buf [][]byte, quoted []bool) ([][]byte, []bool, int) {
	n := len(data)
	for {
		if pos < n && data[pos] == '"' {
			// Quoted field.
			p := pos + 1
			var out []byte
			start := p
			for p < n {
				c := data[p]
				if c == '"' {
					if p+1 < n && data[p+1] == '"' {
						out = append(out, data[start:p+1]...)
						p += 2
						start = p
						continue
					}
					break
				}
				p++
			}
			if out != nil {
				out = append(out, data[start:p]...)
			} else {
				out = data[start:p]
			}
			p++ // closing quote
			// Tolerate text after the closing quote up to the delimiter.
			for p < n && data[p] != delim && data[p] != '\n' {
				if data[p] != '\r' && data[p] != ' ' {
					out = append(append([]byte(nil), out...), data[p])
				}
				p++
			}
			buf = append(buf, out)
			quoted = append(quoted, true)
			pos = p
		} else {
			p := scanField(data, pos, delim)
			e := p
			if e > pos && data[e-1] == '\r' {
				e--
			}
			buf = append(buf, data[pos:e])
			quoted = append(quoted, false)
			pos = p
		}
		if pos >= n {
			return buf, quoted, n
		}
		if data[pos] == '\n' {
			return buf, quoted, pos + 1
		}
		pos++ // delimiter
		if pos >= n {
			return append(buf, nil), append(quoted, false), n
		}
	}
}

const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// scanField returns the position of the first delimiter or newline at or
// after p (len(data) if none), testing 8 bytes at a time.
func scanField(data []byte, p int, delim byte) int {
	n := len(data)
	dm := uint64(delim) * lo8
	nm := uint64('\n') * lo8
	for p+8 <= n {
		x := binary.LittleEndian.Uint64(data[p:])
		a := x ^ dm
		b := x ^ nm
		t := ((a - lo8) &^ a & hi8) | ((b - lo8) &^ b & hi8)
		if t != 0 {
			return p + bits.TrailingZeros64(t)/8
		}
		p += 8
	}
	for p < n && data[p] != delim && data[p] != '\n' {
		p++
	}
	return p
}

func parseChunk(b []byte, row0 int, cols []*column, delim byte, na map[string]bool, ragged string, progress func(done int) bool) chunkResult {
	ncol := len(cols)
	res := chunkResult{stats: make([]colStats, ncol), dicts: make([]map[string]int32, ncol), small: make([]map[uint64]int32, ncol), levels: make([][]string, ncol)}
	for j := range res.stats {
		res.stats[j].intOK = true
		res.stats[j].badLine = -1
		if cols[j].kind == kString {
			res.dicts[j] = map[string]int32{}
		}
	}
	naEmpty := na[""]
	// The fast row path must not mistake an NA token for a value: it falls
	// back for text starting like a token, and is off for numeric columns
	// when a token is itself a number (such as -999).
	for tok := range na {
		if tok == "" {
			continue
		}
		res.naFirst[tok[0]] = true
		if _, _, end, ok := parseNumberAt([]byte(tok), 0); ok && end == len(tok) {
			res.naNumeric = true
		}
		if _, _, ok := parseNumber([]byte(tok)); ok {
			res.naSpecial = true
		}
	}
	fields := make([][]byte, 0, ncol+1)
	quoted := make([]bool, 0, ncol+1)
	row := row0
	pos := 0
	fastRows := 0
	for pos < len(b) {
		start := pos
		if next, ok := res.fastRow(b, pos, cols, delim, row); ok {
			fastRows++
			pos = next
			row++
			if row&0xffff == 0 && progress != nil && !progress(pos) {
				res.err = &csvError{msg: "interrupted"}
				res.errOff = start
				return res
			}
			continue
		}
		fields, quoted, pos = splitRowQ(b, pos, delim, fields[:0], quoted[:0])
		if len(fields) == 1 && len(bytes.TrimSpace(fields[0])) == 0 && ncol != 1 {
			continue // blank line
		}
		if len(fields) == 1 && len(fields[0]) == 0 {
			continue
		}
		if len(fields) != ncol {
			switch ragged {
			case "skip":
				res.warnings = append(res.warnings, fmt.Sprintf("row has %d fields, the header has %d; skipped", len(fields), ncol))
				res.warnOffs = append(res.warnOffs, start)
				res.skipped++
				continue
			case "pad":
				res.warnings = append(res.warnings, fmt.Sprintf("row has %d fields, the header has %d; padded with NA", len(fields), ncol))
				res.warnOffs = append(res.warnOffs, start)
				if len(fields) > ncol {
					fields = fields[:ncol]
				}
				for len(fields) < ncol {
					fields = append(fields, nil)
					quoted = append(quoted, false)
				}
			default:
				res.err = &csvError{msg: fmt.Sprintf("row has %d fields, the header has %d; fix the file, or pass CSVOptions{Ragged: \"pad\"} (fill with NA) or {Ragged: \"skip\"}", len(fields), ncol)}
				res.errOff = start
				return res
			}
		}
		for j, fld := range fields {
			c := cols[j]
			switch c.kind {
			case kFloat:
				if len(fld) == 0 && naEmpty {
					c.f[row] = math.NaN()
					continue
				}
				if res.naSpecial && na[string(bytes.TrimSpace(fld))] {
					c.f[row] = math.NaN()
					continue
				}
				v, isInt, ok := parseNumber(fld)
				if ok {
					c.f[row] = v
					st := &res.stats[j]
					st.nNum++
					if !isInt {
						st.intOK = false
						if math.Abs(v) >= 1<<53 && v == math.Trunc(v) && isDigits(fld) {
							if st.nBig == 0 {
								st.bigVal, st.bigLine = string(bytes.TrimSpace(fld)), start
							}
							st.nBig++
						}
					}
					continue
				}
				c.f[row] = math.NaN()
				if !na[string(bytes.TrimSpace(fld))] {
					st := &res.stats[j]
					if st.nBad == 0 {
						st.badLine = start
						st.badVal = string(fld)
					}
					st.nBad++
				}
			case kString:
				t := fld
				if !quoted[j] && na[string(bytes.TrimSpace(t))] || quoted[j] && len(t) == 0 && naEmpty {
					c.c[row] = -1
					continue
				}
				c.c[row] = res.stringCode(j, t)
			case kBool:
				t := bytes.TrimSpace(fld)
				if bv, ok := parseBool(string(t)); ok {
					res.stats[j].nNum++
					c.b[row] = 0
					if bv {
						c.b[row] = 1
					}
					continue
				}
				c.b[row] = -1
				if !na[string(t)] {
					st := &res.stats[j]
					if st.nBad == 0 {
						st.badLine = start
						st.badVal = string(fld)
					}
					st.nBad++
				}
			}
		}
		row++
		if row&0xffff == 0 && progress != nil && !progress(pos) {
			res.err = &csvError{msg: "interrupted"}
			res.errOff = start
			return res
		}
	}
	res.rows = row - row0
	for j, c := range cols {
		if c.kind == kFloat {
			res.stats[j].nNum += fastRows
		}
	}
	return res
}

// fastRow parses one row of plain fields (numbers in numeric columns,
// unquoted text in string columns, empty fields as NA) straight from the
// buffer, without splitting it first. It reports false, having recorded
// nothing that the general path would not record the same way, when the
// row needs the general path (quotes, NA tokens, text in a numeric column,
// bool columns, a wrong number of fields, blank lines).
func (res *chunkResult) fastRow(b []byte, pos int, cols []*column, delim byte, row int) (int, bool) {
	n := len(b)
	last := len(cols) - 1
	for j, c := range cols {
		if pos >= n {
			return 0, false
		}
		switch c.kind {
		case kFloat:
			ch := b[pos]
			if ch == delim || ch == '\n' || ch == '\r' || res.naNumeric {
				return 0, false // empty field: general path applies the NA rules
			}
			v, isInt, end, ok := parseNumberAt(b, pos)
			if !ok {
				return 0, false
			}
			pos = end
			c.f[row] = v
			if !isInt {
				res.stats[j].intOK = false
				if math.Abs(v) >= 1<<53 {
					return 0, false // let the general path warn about it
				}
			}
		case kString:
			if b[pos] == '"' {
				return 0, false
			}
			e := scanField(b, pos, delim)
			t := b[pos:e]
			if len(t) > 0 && t[len(t)-1] == '\r' {
				t = t[:len(t)-1]
			}
			if len(t) == 0 || res.naFirst[t[0]] || t[0] == ' ' || t[len(t)-1] == ' ' {
				return 0, false // possibly an NA token or padded: general path
			}
			c.c[row] = res.stringCode(j, t)
			pos = e
		default:
			return 0, false
		}
		if j < last {
			if pos >= n || b[pos] != delim {
				return 0, false
			}
			pos++
			continue
		}
		if pos < n && b[pos] == '\r' {
			pos++
		}
		if pos == n {
			return pos, true
		}
		if b[pos] != '\n' {
			return 0, false
		}
		return pos + 1, true
	}
	return 0, false
}

// stringCode returns the chunk-local code of text t in column j, adding a
// level when it is new. Short strings are packed into an integer key
// (cheaper hashing than a string key).
func (res *chunkResult) stringCode(j int, t []byte) int32 {
	if len(t) <= 7 {
		var key uint64
		for q := len(t) - 1; q >= 0; q-- {
			key = key<<8 | uint64(t[q])
		}
		key |= uint64(len(t)) << 56
		sd := res.small[j]
		if sd == nil {
			sd = map[uint64]int32{}
			res.small[j] = sd
		}
		code, ok := sd[key]
		if !ok {
			code = res.addLevel(j, t)
			sd[key] = code
		}
		return code
	}
	code, ok := res.dicts[j][string(t)]
	if !ok {
		code = res.addLevel(j, t)
	}
	return code
}

// addLevel records a new chunk-local level of column j and returns its code.
func (res *chunkResult) addLevel(j int, t []byte) int32 {
	code := int32(len(res.levels[j]))
	s := string(t)
	res.dicts[j][s] = code
	res.levels[j] = append(res.levels[j], s)
	return code
}

// isDigits reports whether b is an optionally signed run of digits
// (surrounding spaces allowed).
func isDigits(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// compactIndex returns the row indexes to keep when chunks reserved more
// rows than they produced, or nil when nothing needs compacting.
func compactIndex(results []chunkResult, rowCap []int) []int {
	need := false
	for k := range results {
		if results[k].rows != rowCap[k+1]-rowCap[k] {
			need = true
		}
	}
	if !need {
		return nil
	}
	var idx []int
	for k := range results {
		for r := 0; r < results[k].rows; r++ {
			idx = append(idx, rowCap[k]+r)
		}
	}
	return idx
}

// mergeDicts turns chunk-local string codes into global sorted levels.
func mergeDicts(c *column, results []chunkResult, j int, rowCap []int, idx []int) {
	// Sort every chunk's (text, local code) entries in level order, then
	// number the distinct texts: no maps, one sort.
	type ent struct {
		s     string
		num   float64
		isNum bool
		chunk int32
		code  int32
	}
	var ents []ent
	for k := range results {
		for q, s := range results[k].levels[j] {
			v, err := strconv.ParseFloat(s, 64)
			ents = append(ents, ent{s, v, err == nil && v == v, int32(k), int32(q)})
		}
	}
	sort.Slice(ents, func(x, y int) bool {
		a, b := &ents[x], &ents[y]
		switch {
		case a.isNum && b.isNum:
			if a.num != b.num {
				return a.num < b.num
			}
		case a.isNum != b.isNum:
			return a.isNum
		}
		return a.s < b.s
	})
	remaps := make([][]int32, len(results))
	for k := range results {
		remaps[k] = make([]int32, len(results[k].levels[j]))
	}
	var all []string
	for i := range ents {
		e := &ents[i]
		if i == 0 || e.s != ents[i-1].s {
			all = append(all, e.s)
		}
		remaps[e.chunk][e.code] = int32(len(all) - 1)
	}
	c.lv = all
	// Row r (after compaction) belongs to the chunk whose reserved range
	// held its original index.
	var pg panicGroup
	for k := range results {
		pg.Go(func() {
			m := remaps[k]
			lo, hi := rowCap[k], rowCap[k]+results[k].rows
			if idx != nil {
				// find compacted positions of this chunk's rows
				off := 0
				for q := 0; q < k; q++ {
					off += results[q].rows
				}
				lo, hi = off, off+results[k].rows
			}
			for r := lo; r < hi; r++ {
				if v := c.c[r]; v >= 0 {
					c.c[r] = m[v]
				}
			}
		})
	}
	pg.Wait()
}

// makeUnique renames duplicate names x, x → x, x.1 (R's make.unique).
func makeUnique(names []string) ([]string, []string) {
	seen := map[string]int{}
	for _, n := range names {
		seen[n]++
	}
	var warns []string
	used := map[string]bool{}
	out := make([]string, len(names))
	for j, n := range names {
		if !used[n] {
			out[j] = n
			used[n] = true
			continue
		}
		k := 1
		for used[fmt.Sprintf("%s.%d", n, k)] || seen[fmt.Sprintf("%s.%d", n, k)] > 0 {
			k++
		}
		nn := fmt.Sprintf("%s.%d", n, k)
		warns = append(warns, fmt.Sprintf("duplicate column name %q (column %d) renamed to %q", n, j+1, nn))
		out[j] = nn
		used[nn] = true
	}
	return out, warns
}
