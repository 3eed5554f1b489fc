//go:build !amd64

package num

var hasFMA = false

func tile43FMA(a0, a1, a2, a3, b0, b1, b2 *float64, n int, out *[12]float64) {
	panic("num: tile43FMA needs amd64")
}

func mulAVX(dst, a, b *float64, n int) {
	panic("num: mulAVX needs amd64")
}
