package models

import ddnum "github.com/gostat/gostat/builtins/internal/num"

// dd is a double-double number hi+lo (about 32 significant digits), used
// where the least-squares solver needs more than float64 precision
// (ill-conditioned designs such as NIST's Filip and Wampler sets). The
// arithmetic is internal/num's DD; these are the package's short names for it.
type dd struct{ hi, lo float64 }

func ddFrom(x float64) dd { return dd{x, 0} }
func ddOf(v ddnum.DD) dd  { return dd{v.Hi, v.Lo} }
func (a dd) n() ddnum.DD  { return ddnum.DD{Hi: a.hi, Lo: a.lo} }

func twoSum(a, b float64) (float64, float64)      { return ddnum.TwoSum(a, b) }
func quickTwoSum(a, b float64) (float64, float64) { return ddnum.QuickTwoSum(a, b) }
func twoProd(a, b float64) (float64, float64)     { return ddnum.TwoProd(a, b) }

func (a dd) add(b dd) dd       { return ddOf(a.n().Add(b.n())) }
func (a dd) neg() dd           { return dd{-a.hi, -a.lo} }
func (a dd) sub(b dd) dd       { return ddOf(a.n().Sub(b.n())) }
func (a dd) mul(b dd) dd       { return ddOf(a.n().Mul(b.n())) }
func (a dd) mulF(b float64) dd { return ddOf(a.n().MulF(b)) }
func (a dd) div(b dd) dd       { return ddOf(a.n().Div(b.n())) }
func (a dd) sqrt() dd          { return ddOf(a.n().Sqrt()) }

func (a dd) abs() dd {
	if a.hi < 0 {
		return a.neg()
	}
	return a
}

// ddPow returns x^k (k >= 0) in double-double, exact to about 1e-32
// relative, so that polynomial design columns keep the digits that a plain
// float64 power would round away.
func ddPow(x float64, k int) dd { return ddOf(ddnum.Pow(x, k)) }
