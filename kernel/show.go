package kernel

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/gostat/gostat/display"
)

// How the kernel shows the value of a cell's final expression:
//
//   - a display.Displayer: its Bundle, laid out with the session's options;
//   - nil: <nil>;
//   - an error: its message;
//   - a string: Go-quoted ("hello"), so that "" and trailing spaces show;
//     a string that contains a newline is shown as text (fit.Summary());
//   - a nil pointer: <nil>, or <nil *T> for a Displayer type, without
//     calling its methods;
//   - a value with a String() string method (fmt.Stringer): that string;
//   - a struct or pointer to struct: %+v (field names shown);
//   - a function: its type; a channel: its type, length and capacity;
//   - a slice or array of floats: [a b c] with each element rounded to 7
//     significant digits, as R prints numbers (stats.PAdjust's
//     0.049999999999999996 shows as 0.05; 13.600000000000001 as 13.6);
//     integer-valued elements and elements of 1e7 or more keep all their
//     integer digits. Only the display is rounded: the value is unchanged,
//     and fmt.Println(x) prints the exact values;
//   - anything else (numbers, bools, slices, maps): %v. A single float
//     prints with %v, the shortest representation that reads back
//     exactly (as Go prints it).
//
// Slices, arrays and maps longer than maxShowElems show their first
// elements followed by "… (n elements)". Each result of a multi-value call
// is its own display, in order, except that a nil last result (a nil
// error) is not shown, and a non-nil last error hides nil results before
// it (see resultsToShow).

// maxShowElems is the number of elements of a long slice or map shown.
const maxShowElems = 100

// maxShowBytes bounds the text of one plain value display.
const maxShowBytes = 64 * 1024

func showValue(v any, o display.Options) display.Bundle {
	switch v.(type) {
	case nil:
		return display.Text("value", "<nil>")
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		// Never call methods (Display, Error, String) on a nil pointer.
		if _, ok := v.(display.Displayer); ok {
			return display.Text("value", fmt.Sprintf("<nil %s>", rv.Type()))
		}
		return display.Text("value", "<nil>")
	}
	switch x := v.(type) {
	case display.Displayer:
		b := safeDisplay(x, o)
		return b
	case error:
		return display.Text("error", safeCall(x.Error))
	case string:
		if strings.Contains(x, "\n") {
			// Multi-line text (a summary, a CSV) reads as text, as R's cat.
			return display.Text("value", truncateText(strings.TrimSuffix(x, "\n")))
		}
		return display.Text("value", truncateText(strconv.Quote(x)))
	case fmt.Stringer:
		return display.Text("value", truncateText(safeCall(x.String)))
	}
	return display.Text("value", truncateText(formatPlain(reflect.ValueOf(v))))
}

func safeDisplay(d display.Displayer, o display.Options) (b display.Bundle) {
	defer func() {
		if r := recover(); r != nil {
			b = display.Text("error", fmt.Sprintf("cannot display the %T value: its Display method panicked: %v", d, r))
		}
	}()
	b = d.Display(o)
	return b
}

func safeCall(f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprintf("<panic in String: %v>", r)
		}
	}()
	return f()
}

func formatPlain(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if k := v.Type().Elem().Kind(); k == reflect.Float64 || k == reflect.Float32 {
			return formatFloats(v)
		}
		if v.Len() > maxShowElems {
			head := v.Slice(0, maxShowElems)
			if v.Kind() == reflect.Array && !v.CanAddr() {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				head = c.Slice(0, maxShowElems)
			}
			s := fmt.Sprintf("%v", head.Interface())
			return strings.TrimSuffix(s, "]") + fmt.Sprintf(" … (%d elements)]", v.Len())
		}
	case reflect.Map:
		if v.Len() > maxShowElems {
			return fmt.Sprintf("map with %d entries (%v)", v.Len(), v.Type())
		}
	case reflect.Struct:
		return fmt.Sprintf("%+v", v.Interface())
	case reflect.Func:
		if v.IsNil() {
			return "<nil>"
		}
		return v.Type().String()
	case reflect.Chan:
		if v.IsNil() {
			return "<nil>"
		}
		return fmt.Sprintf("%v (len %d, cap %d)", v.Type(), v.Len(), v.Cap())
	case reflect.Pointer:
		if !v.IsNil() && v.Elem().Kind() == reflect.Struct {
			return fmt.Sprintf("%+v", v.Interface())
		}
	}
	if !v.IsValid() {
		return "<nil>"
	}
	return fmt.Sprintf("%v", v.Interface())
}

func truncateText(s string) string {
	if len(s) <= maxShowBytes {
		return s
	}
	cut := maxShowBytes
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("… (%d bytes)", len(s))
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// shortValue is the one-line rendering used by Vars: a value's Short()
// string when it has that method (the convention for builtins' results:
// "lm mpg ~ wt, n = 32, R² = 0.753"), a frame's shape, the headline of
// other displays, or the value itself.
func shortValue(v reflect.Value) string {
	if !v.IsValid() {
		return "<nil>"
	}
	if v.CanInterface() {
		x := v.Interface()
		if s := shapeOf(x); s != "" {
			return s
		}
		var s string
		if isNilValue(x) && v.Kind() == reflect.Pointer {
			return "<nil>"
		}
		switch y := x.(type) {
		case nil:
			s = "<nil>"
		case interface{ Short() string }:
			s = safeCall(y.Short)
		case display.Displayer:
			s = headline(x)
		case error:
			s = safeCall(y.Error)
		case string:
			s = strconv.Quote(y)
			if i := strings.IndexByte(y, '\n'); i >= 0 {
				s = fmt.Sprintf("%d lines of text", strings.Count(strings.TrimSuffix(y, "\n"), "\n")+1)
			}
		default:
			switch v.Kind() {
			case reflect.Slice, reflect.Array:
				if v.Len() > 8 {
					s = fmt.Sprintf("[%d]%v", v.Len(), v.Type().Elem())
					break
				}
				s = formatPlain(v)
			case reflect.Map:
				s = fmt.Sprintf("%d entries", v.Len())
			case reflect.Func:
				s = v.Type().String()
			default:
				if str, ok := x.(fmt.Stringer); ok {
					s = safeCall(str.String)
				} else {
					s = formatPlain(v)
				}
			}
		}
		s = strings.Join(strings.Fields(s), " ")
		if r := []rune(s); len(r) > 60 {
			s = string(r[:59]) + "…"
		}
		return s
	}
	return v.Type().String()
}

// shapeOf returns "r×c frame" for values that report their shape, or "".
func shapeOf(x any) string {
	if s, ok := x.(interface{ Shape() (int, int) }); ok {
		var r, c int
		func() {
			defer func() { _ = recover() }()
			r, c = s.Shape()
		}()
		return fmt.Sprintf("%d×%d frame", r, c)
	}
	if s, ok := x.(interface {
		NRows() int
		Names() []string
	}); ok {
		var r, c int
		func() {
			defer func() { _ = recover() }()
			r, c = s.NRows(), len(s.Names())
		}()
		return fmt.Sprintf("%d×%d frame", r, c)
	}
	return ""
}

// headline is the first line of a display's text form, joined with the
// next one when it is a heading ("Call:" → "Call: lm(formula = mpg ~ wt)").
func headline(x any) string {
	var text string
	if str, ok := x.(fmt.Stringer); ok {
		text = safeCall(str.String)
	} else {
		text = safeDisplay(x.(display.Displayer), display.Plain).Text
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
		if len(lines) == 2 {
			break
		}
	}
	switch {
	case len(lines) == 0:
		return ""
	case len(lines) == 2 && strings.HasSuffix(lines[0], ":"):
		return lines[0] + " " + lines[1]
	}
	return lines[0]
}

// showDigits is the number of significant digits of float slice elements
// (R's default digits option).
const showDigits = 7

// formatFloats formats a slice or array of floats as %v does, each
// element rounded for display (see showValue).
func formatFloats(v reflect.Value) string {
	n := v.Len()
	shown := min(n, maxShowElems)
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < shown; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(roundedFloat(v.Index(i).Float()))
	}
	if n > shown {
		fmt.Fprintf(&b, " … (%d elements)", n)
	}
	b.WriteByte(']')
	return b.String()
}

// roundedFloat formats x with at most showDigits significant digits
// (all integer digits kept).
func roundedFloat(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || x == math.Trunc(x) && math.Abs(x) < 1e15:
		return fmt.Sprint(x)
	case math.Abs(x) >= 1e7:
		return fmt.Sprint(math.Round(x))
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', showDigits, 64), 64)
	if err != nil {
		return fmt.Sprint(x)
	}
	return fmt.Sprint(r)
}
