package ml

import (
	"errors"
	"fmt"
	"math"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
)

// StandardScaler is scikit-learn's StandardScaler as a frame Transformer:
// z = (x − mean) / sd with the population sd (divisor n), learned by Fit
// on the training rows only. (frame.Standardize is R's scale(), divisor
// n − 1.) Its fitted state is plain data, so pipelines using it can be
// saved with Save.
type StandardScaler struct {
	// Cols are the columns to scale (all numeric columns when empty).
	Cols []string
	// Fitted are the columns scaled, with their Means and Scales.
	Fitted []string
	Means  []float64
	Scales []float64
}

// NewStandardScaler scales the named columns (all numeric when none).
func NewStandardScaler(cols ...string) *StandardScaler { return &StandardScaler{Cols: cols} }

// Fit learns each column's mean and population sd (a constant column
// gets scale 1, as sklearn does).
func (s *StandardScaler) Fit(f *frame.Frame) error {
	if f == nil {
		return errors.New("ml: StandardScaler: the frame is nil")
	}
	cols := s.Cols
	if len(cols) == 0 {
		cols = f.NumericNames()
	}
	s.Fitted, s.Means, s.Scales = nil, nil, nil
	for _, c := range cols {
		if !f.Has(c) {
			return fmt.Errorf("ml: StandardScaler: no column %q", c)
		}
		if !f.IsNumeric(c) {
			return fmt.Errorf("ml: StandardScaler: column %q is %s, not numeric", c, f.Type(c))
		}
		x, err := f.Floats(c)
		if err != nil {
			return err
		}
		var sum, n float64
		for _, v := range x {
			if !math.IsNaN(v) {
				sum += v
				n++
			}
		}
		m := sum / n
		var ss float64
		for _, v := range x {
			if !math.IsNaN(v) {
				ss += (v - m) * (v - m)
			}
		}
		sd := math.Sqrt(ss / n)
		if !(sd > 0) {
			sd = 1
		}
		s.Fitted = append(s.Fitted, c)
		s.Means = append(s.Means, m)
		s.Scales = append(s.Scales, sd)
	}
	return nil
}

// Transform scales the fitted columns (NA stays NA).
func (s *StandardScaler) Transform(f *frame.Frame) (g *frame.Frame, err error) {
	if s.Fitted == nil {
		return nil, errors.New("ml: StandardScaler is not fitted; call Fit first")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ml: StandardScaler: %v", r)
		}
	}()
	g = f
	for k, c := range s.Fitted {
		x, err := f.Floats(c)
		if err != nil {
			return nil, err
		}
		z := make([]float64, len(x))
		for i, v := range x {
			z[i] = (v - s.Means[k]) / s.Scales[k]
		}
		g = g.With(c, z)
	}
	return g, nil
}

// FitTransform fits on f and scales it.
func (s *StandardScaler) FitTransform(f *frame.Frame) (*frame.Frame, error) {
	if err := s.Fit(f); err != nil {
		return nil, err
	}
	return s.Transform(f)
}

// Display lists the learned means and scales.
func (s *StandardScaler) Display(o display.Options) display.Bundle {
	if s == nil {
		return display.Text("nil", "<nil StandardScaler>")
	}
	if s.Fitted == nil {
		return display.Text("transformer", "StandardScaler (not fitted)")
	}
	t := &textTable{title: "StandardScaler (population sd)"}
	t.header = []string{"column", "mean", "scale"}
	for k, c := range s.Fitted {
		t.add(c, num(s.Means[k]), num(s.Scales[k]))
	}
	return t.bundle("transformer", o)
}

// String returns the plain-text display (display.Plain).
func (s *StandardScaler) String() string { return s.Display(display.Plain).Text }
