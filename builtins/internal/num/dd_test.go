package num

import (
	"math"
	"math/big"
	"testing"
)

// exact returns x.Hi + x.Lo as an exact rational.
func exact(x DD) *big.Float {
	f := new(big.Float).SetPrec(200).SetFloat64(x.Hi)
	return f.Add(f, new(big.Float).SetPrec(200).SetFloat64(x.Lo))
}

// relErr returns |x - want|/|want| for a 200-bit reference.
func relErr(x DD, want *big.Float) float64 {
	d := new(big.Float).SetPrec(200).Sub(exact(x), want)
	r, _ := new(big.Float).Quo(d, want).Float64()
	return math.Abs(r)
}

func TestDD(t *testing.T) {
	// error-free transformations are exact
	s, e := TwoSum(1, 1e-20)
	if s != 1 || e != 1e-20 {
		t.Errorf("TwoSum(1, 1e-20) = %v, %v", s, e)
	}
	p, e := TwoProd(1+0x1p-30, 1+0x1p-30)
	if p != 1+0x1p-29 || e != 0x1p-60 {
		t.Errorf("TwoProd = %v, %v", p, e)
	}
	two := new(big.Float).SetPrec(200).SetInt64(2)
	cases := []struct {
		name string
		got  DD
		want *big.Float
	}{
		{"sqrt(2)", DD{2, 0}.Sqrt(), new(big.Float).SetPrec(200).Sqrt(two)},
		{"1/3", DD{1, 0}.Div(DD{3, 0}), new(big.Float).SetPrec(200).Quo(big.NewFloat(1).SetPrec(200), big.NewFloat(3).SetPrec(200))},
		{"(1e16+1)-1e16 summed", Sum([]float64{1e16, 1, -1e16, 0.5}), big.NewFloat(1.5)},
		{"1.1^20", Pow(1.1, 20), new(big.Float).SetPrec(200).SetFloat64(1.1)},
	}
	// 1.1^20 exactly (of the float64 1.1)
	w := new(big.Float).SetPrec(200).SetInt64(1)
	for i := 0; i < 20; i++ {
		w.Mul(w, cases[3].want)
	}
	cases[3].want = w
	for _, c := range cases {
		if r := relErr(c.got, c.want); r > 1e-30 {
			t.Errorf("%s: relative error %.3g, want < 1e-30", c.name, r)
		}
	}
	if got := (DD{-1, 0}).Sqrt(); got != (DD{}) {
		t.Errorf("Sqrt(-1) = %v, want 0", got)
	}
}
