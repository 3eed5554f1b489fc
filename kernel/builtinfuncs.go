package kernel

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
)

// The interpreter lacks Go 1.21's min, max and clear builtins. The kernel
// rewrites calls to them into these host functions (see features.go).
// min and max come in float64, int and string forms; the form is chosen
// from the arguments' visible types, float64 when nothing is known.

// minFloat64 is Go's min over float64: a NaN argument gives NaN, and
// -0 is less than +0 (math.Min has exactly these rules).
func minFloat64(x float64, ys ...float64) float64 {
	for _, y := range ys {
		x = math.Min(x, y)
	}
	return x
}

// maxFloat64 is Go's max over float64.
func maxFloat64(x float64, ys ...float64) float64 {
	for _, y := range ys {
		x = math.Max(x, y)
	}
	return x
}

func minOrdered[T cmp.Ordered](x T, ys ...T) T {
	for _, y := range ys {
		if y < x {
			x = y
		}
	}
	return x
}

func maxOrdered[T cmp.Ordered](x T, ys ...T) T {
	for _, y := range ys {
		if y > x {
			x = y
		}
	}
	return x
}

// clearValue implements clear: it deletes all entries of a map or sets all
// elements of a slice to their zero value.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	case reflect.Invalid:
	default:
		panic(fmt.Sprintf("invalid argument: clear(%v) (argument must be a map or slice, not %v)", x, v.Type()))
	}
}
