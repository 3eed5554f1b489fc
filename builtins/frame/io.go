package frame

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// WriteCSV writes the frame as comma-separated text with a header line.
// NA is written as "NA" (R's write.csv); fields with commas, quotes or
// newlines are quoted. Floats use the shortest text that reads back to
// the same float64.
func (f *Frame) WriteCSV(path string) error {
	fh, err := os.Create(path)
	if err != nil {
		return &Error{Op: "WriteCSV", Msg: err.Error()}
	}
	w := bufio.NewWriterSize(fh, 1<<20)
	if err := f.writeCSV(w); err != nil {
		fh.Close()
		return &Error{Op: "WriteCSV", Msg: err.Error()}
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return &Error{Op: "WriteCSV", Msg: err.Error()}
	}
	return fh.Close()
}

// CSV returns the frame as CSV text (see WriteCSV).
func (f *Frame) CSV() string {
	var b bytes.Buffer
	f.writeCSV(&b)
	return b.String()
}

func csvQuote(s string) string {
	if strings.ContainsAny(s, ",\"\n\r") || s == "NA" || s == "" {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func (f *Frame) writeCSV(w io.Writer) error {
	hdr := make([]string, len(f.cols))
	for j, c := range f.cols {
		hdr[j] = csvQuote(c.name)
	}
	if _, err := io.WriteString(w, strings.Join(hdr, ",")+"\n"); err != nil {
		return err
	}
	// Rows are formatted in blocks on all cores and written in order.
	const block = 1 << 15
	nw := runtime.GOMAXPROCS(0)
	bufs := make([][]byte, nw)
	for lo := 0; lo < f.nrows; lo += block * nw {
		var pg panicGroup
		for k := 0; k < nw; k++ {
			from := lo + k*block
			to := min(from+block, f.nrows)
			if from >= to {
				bufs[k] = bufs[k][:0]
				continue
			}
			pg.Go(func() { bufs[k] = f.formatRows(bufs[k][:0], from, to) })
		}
		pg.Wait()
		for k := 0; k < nw; k++ {
			if _, err := w.Write(bufs[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// formatRows appends rows [from, to) as CSV lines to buf.
func (f *Frame) formatRows(buf []byte, from, to int) []byte {
	for r := from; r < to; r++ {
		for j, c := range f.cols {
			if j > 0 {
				buf = append(buf, ',')
			}
			switch {
			case c.isNA(r):
				buf = append(buf, "NA"...)
			case c.kind == kFloat:
				buf = strconv.AppendFloat(buf, c.f[r], 'g', -1, 64)
			case c.kind == kInt:
				buf = strconv.AppendInt(buf, c.i[r], 10)
			case c.kind == kString:
				buf = append(buf, csvQuote(c.lv[c.c[r]])...)
			default:
				buf = append(buf, c.str(r)...)
			}
		}
		buf = append(buf, '\n')
	}
	return buf
}

// ToMaps returns the rows as maps from column name to value (float64,
// int64, string or bool; nil for NA), ready for encoding/json.
func (f *Frame) ToMaps() []map[string]any {
	out := make([]map[string]any, f.nrows)
	for r := range out {
		m := make(map[string]any, len(f.cols))
		for _, c := range f.cols {
			if c.isNA(r) {
				m[c.name] = nil
				continue
			}
			switch c.kind {
			case kFloat:
				v := c.f[r]
				if math.IsInf(v, 0) {
					m[c.name] = c.str(r)
				} else {
					m[c.name] = v
				}
			case kInt:
				m[c.name] = c.i[r]
			case kString:
				m[c.name] = c.lv[c.c[r]]
			default:
				m[c.name] = c.b[r] == 1
			}
		}
		out[r] = m
	}
	return out
}

// WriteJSON writes the frame as a JSON array of records (one object per
// row, keys in column order, NA as null).
func (f *Frame) WriteJSON(path string) error {
	var b bytes.Buffer
	b.WriteString("[")
	for r := 0; r < f.nrows; r++ {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n{")
		for j, c := range f.cols {
			if j > 0 {
				b.WriteString(",")
			}
			k, _ := json.Marshal(c.name)
			b.Write(k)
			b.WriteString(":")
			switch {
			case c.isNA(r):
				b.WriteString("null")
			case c.kind == kFloat && !math.IsInf(c.f[r], 0):
				b.WriteString(strconv.FormatFloat(c.f[r], 'g', -1, 64))
			case c.kind == kInt:
				b.WriteString(strconv.FormatInt(c.i[r], 10))
			case c.kind == kBool:
				b.WriteString(c.str(r))
			default:
				v, _ := json.Marshal(c.str(r))
				b.Write(v)
			}
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return &Error{Op: "WriteJSON", Msg: err.Error()}
	}
	return nil
}

// ReadJSON reads a JSON array of records ([{"a": 1, "b": "x"}, …]) or JSON
// lines (one object per line). Columns are the union of keys in first-seen
// order; a missing key or null is NA. Numbers that are all whole become an
// int column.
func ReadJSON(path string) (*Frame, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Op: "ReadJSON", Msg: err.Error()}
	}
	return parseJSON(data, path)
}

// ParseJSON reads JSON records held in a string (see ReadJSON).
func ParseJSON(text string) (*Frame, error) { return parseJSON([]byte(text), "<text>") }

func parseJSON(data []byte, file string) (*Frame, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var names []string
	seen := map[string]bool{}
	var recs []map[string]any
	addRec := func(dec *json.Decoder) error {
		// Decode keeping key order.
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); !ok || d != '{' {
			return fmt.Errorf("expected an object, found %v", t)
		}
		rec := map[string]any{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return err
			}
			k := kt.(string)
			var v any
			if err := dec.Decode(&v); err != nil {
				return err
			}
			switch x := v.(type) {
			case json.Number:
				fv, err := strconv.ParseFloat(string(x), 64)
				if err != nil {
					return fmt.Errorf("key %q: bad number %s", k, x)
				}
				v = fv
			case nil, string, bool:
			default:
				return fmt.Errorf("key %q holds a nested %T; flatten it first", k, v)
			}
			rec[k] = v
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
		if _, err := dec.Token(); err != nil {
			return err
		}
		recs = append(recs, rec)
		return nil
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, &Error{Op: "ReadJSON", Msg: file + " is empty"}
	}
	if trimmed[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, &Error{Op: "ReadJSON", Msg: fmt.Sprintf("%s: %v", file, err)}
		}
		for dec.More() {
			if err := addRec(dec); err != nil {
				return nil, &Error{Op: "ReadJSON", Msg: fmt.Sprintf("%s: record %d: %v", file, len(recs)+1, err)}
			}
		}
	} else {
		for dec.More() {
			if err := addRec(dec); err != nil {
				return nil, &Error{Op: "ReadJSON", Msg: fmt.Sprintf("%s: record %d: %v", file, len(recs)+1, err)}
			}
		}
	}
	f, err := fromMapsOrdered(names, recs)
	if err != nil {
		return nil, &Error{Op: "ReadJSON", Msg: fmt.Sprintf("%s: %v", file, err)}
	}
	return f, nil
}

// ToGota converts the frame to a gota dataframe.DataFrame (float → Float,
// int → Int, string → String, bool → Bool series; NA stays NA), so gota's
// API can be used on it.
func (f *Frame) ToGota() dataframe.DataFrame {
	ss := make([]series.Series, len(f.cols))
	for j, c := range f.cols {
		switch c.kind {
		case kFloat:
			ss[j] = series.New(c.f, series.Float, c.name)
		case kInt:
			if c.na == nil {
				v := make([]int, len(c.i))
				for r, x := range c.i {
					v[r] = int(x)
				}
				ss[j] = series.New(v, series.Int, c.name)
			} else {
				v := make([]string, len(c.i))
				for r := range v {
					v[r] = c.str(r)
				}
				ss[j] = series.New(v, series.Int, c.name)
			}
		case kString:
			v := make([]string, c.len())
			for r := range v {
				v[r] = c.str(r)
			}
			ss[j] = series.New(v, series.String, c.name)
			if c.naCount() > 0 {
				na := make([]bool, c.len())
				for r := range na {
					na[r] = c.c[r] < 0
				}
				for r, isNA := range na {
					if isNA {
						ss[j].Elem(r).Set(nil)
					}
				}
			}
		default:
			v := make([]string, c.len())
			for r := range v {
				v[r] = c.str(r)
			}
			ss[j] = series.New(v, series.Bool, c.name)
		}
	}
	return dataframe.New(ss...)
}

// FromGota converts a gota dataframe.DataFrame into a frame (Float → float,
// Int → int, String → string, Bool → bool; gota's NaN elements become NA).
// A DataFrame carrying an error returns that error.
func FromGota(df dataframe.DataFrame) (*Frame, error) {
	if df.Err != nil {
		return nil, &Error{Op: "FromGota", Msg: df.Err.Error()}
	}
	cols := make([]*column, 0, df.Ncol())
	for _, name := range df.Names() {
		s := df.Col(name)
		na := s.IsNaN()
		c := &column{name: name}
		switch s.Type() {
		case series.Float:
			c.kind, c.f = kFloat, s.Float()
		case series.Int:
			c.kind, c.i = kInt, make([]int64, s.Len())
			fl := s.Float()
			for r := range c.i {
				if na[r] {
					if c.na == nil {
						c.na = make([]bool, s.Len())
					}
					c.na[r] = true
				} else {
					c.i[r] = int64(fl[r])
				}
			}
		case series.Bool:
			c.kind, c.b = kBool, make([]int8, s.Len())
			recs := s.Records()
			for r := range c.b {
				switch {
				case na[r]:
					c.b[r] = -1
				case recs[r] == "true":
					c.b[r] = 1
				}
			}
		default:
			c.kind = kString
			c.c, c.lv = encodeStrings(s.Records(), na)
		}
		cols = append(cols, c)
	}
	f := newFrame(cols)
	f.nrows = df.Nrow()
	return f, nil
}
