package num

import "golang.org/x/sys/cpu"

// hasFMA reports whether tile43FMA (AVX2 + FMA3) can run on this CPU.
var hasFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// tile43FMA sets out[3r+s] = Σ_{i<n} a_r[i]·b_s[i] (r < 4, s < 3) with
// 4-wide fused multiply-adds; n must be a positive multiple of 4. Lane l
// sums the rows i ≡ l (mod 4) and the lanes are added as (l0+l2)+(l1+l3).
//
//go:noescape
func tile43FMA(a0, a1, a2, a3, b0, b1, b2 *float64, n int, out *[12]float64)

// mulAVX sets dst[i] = a[i]·b[i] for i < n (n a multiple of 4), four at a
// time (the same products as a scalar loop).
//
//go:noescape
func mulAVX(dst, a, b *float64, n int)
