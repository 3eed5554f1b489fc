package models

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

func refDir(t testing.TB) string {
	d := filepath.Join("..", "..", "..", "shared", "reference")
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("reference data missing at %s: %v", d, err)
	}
	return d
}

func loadJSON(t testing.TB, path string) map[string]any {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return v
}

// rCase returns the "R" section of a reference case.
func rCase(t testing.TB, name string) map[string]any {
	v := loadJSON(t, filepath.Join(refDir(t), "r", name+".json"))
	return v["R"].(map[string]any)
}

func mtcars(t testing.TB) *frame.Frame {
	f, err := datasets.Load("mtcars")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func num(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case string:
		switch x {
		case "Inf":
			return math.Inf(1)
		case "-Inf":
			return math.Inf(-1)
		}
	case nil:
		return math.NaN()
	}
	return math.NaN()
}

func nums(v any) []float64 {
	a := v.([]any)
	out := make([]float64, len(a))
	for i, x := range a {
		out[i] = num(x)
	}
	return out
}

// relErr is |a-b|/|b| (absolute when b == 0); NaN pairs count as equal.
func relErr(a, b float64) float64 {
	if math.IsNaN(a) && math.IsNaN(b) {
		return 0
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		if a == b {
			return 0
		}
		return math.Inf(1)
	}
	if b == 0 {
		return math.Abs(a)
	}
	return math.Abs(a-b) / math.Abs(b)
}

// lre is the log relative error (correct significant digits), capped at 15.
func lre(got, want float64) float64 {
	e := relErr(got, want)
	if e == 0 {
		return 15
	}
	return math.Min(15, -math.Log10(e))
}

func checkClose(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if e := relErr(got, want); !(e <= tol) {
		t.Errorf("%s = %.17g, want %.17g (rel err %.3g > %.1g)", what, got, want, e, tol)
	}
}

// loadJSONMaybe returns nil when the file does not exist.
func loadJSONMaybe(path string) map[string]any {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var v map[string]any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	return v
}
