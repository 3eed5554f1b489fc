package stats

import inum "github.com/gostat/gostat/builtins/internal/num"

// dd is a double-double number hi+lo (about 32 significant digits), used
// where cancellation would otherwise lose digits (means of data with huge
// offsets, ANOVA sums of squares). The arithmetic is internal/num's DD; these are
// the package's short names for it.
type dd struct{ hi, lo float64 }

func (x dd) n() inum.DD                   { return inum.DD{Hi: x.hi, Lo: x.lo} }
func ddOf(v inum.DD) dd                   { return dd{v.Hi, v.Lo} }
func twoProd(a, b float64) (p, e float64) { return inum.TwoProd(a, b) }

func (x dd) add(y dd) dd       { return ddOf(x.n().Add(y.n())) }
func (x dd) addF(b float64) dd { return ddOf(x.n().AddF(b)) }
func (x dd) neg() dd           { return dd{-x.hi, -x.lo} }
func (x dd) sub(y dd) dd       { return ddOf(x.n().Sub(y.n())) }
func (x dd) mul(y dd) dd       { return ddOf(x.n().Mul(y.n())) }
func (x dd) mulF(b float64) dd { return ddOf(x.n().MulF(b)) }
func (x dd) div(y dd) dd       { return ddOf(x.n().Div(y.n())) }
func (x dd) divF(b float64) dd { return x.div(dd{b, 0}) }
func (x dd) float() float64    { return x.hi + x.lo }

// sqrt of a double-double, rounded to float64 correctly in nearly all cases.
func (x dd) sqrt() float64 { return x.n().Sqrt().Hi }

// ddSum returns the double-double sum of xs.
func ddSum(xs []float64) dd { return ddOf(inum.Sum(xs)) }
