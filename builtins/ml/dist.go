package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Dist is a distribution to draw a hyperparameter from in RandomSearch:
// put it as the only value of a Grid entry,
//
//	ml.Grid{"C": {ml.LogUniform(0.01, 100)}, "K": {ml.IntRange(1, 30)}}
type Dist struct {
	kind   string
	lo, hi float64
}

// Uniform draws a float64 uniformly from [lo, hi).
func Uniform(lo, hi float64) *Dist { return &Dist{"uniform", lo, hi} }

// LogUniform draws a float64 whose logarithm is uniform on
// [log lo, log hi) (sklearn's loguniform); lo must be positive.
func LogUniform(lo, hi float64) *Dist { return &Dist{"loguniform", lo, hi} }

// IntRange draws an int uniformly from lo … hi (both included).
func IntRange(lo, hi int) *Dist { return &Dist{"int", float64(lo), float64(hi)} }

func (d *Dist) check() error {
	switch {
	case !(d.hi > d.lo) && !(d.kind == "int" && d.hi == d.lo):
		return fmt.Errorf("ml: %s needs lo < hi, got %v and %v", d, d.lo, d.hi)
	case d.kind == "loguniform" && d.lo <= 0:
		return fmt.Errorf("ml: %s needs lo > 0", d)
	}
	return nil
}

func (d *Dist) draw(r *rand.Rand) any {
	switch d.kind {
	case "loguniform":
		return math.Exp(math.Log(d.lo) + r.Float64()*(math.Log(d.hi)-math.Log(d.lo)))
	case "int":
		return int(d.lo) + r.IntN(int(d.hi-d.lo)+1)
	}
	return d.lo + r.Float64()*(d.hi-d.lo)
}

// String describes the distribution.
func (d *Dist) String() string {
	if d == nil {
		return "<nil *ml.Dist>"
	}
	if d.kind == "int" {
		return fmt.Sprintf("IntRange(%d, %d)", int(d.lo), int(d.hi))
	}
	name := map[string]string{"uniform": "Uniform", "loguniform": "LogUniform"}[d.kind]
	return fmt.Sprintf("%s(%v, %v)", name, d.lo, d.hi)
}
