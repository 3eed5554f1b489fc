#include "textflag.h"

// func tile43FMA(a0, a1, a2, a3, b0, b1, b2 *float64, n int, out *[12]float64)
// out[3r+s] = Σ_{i<n} a_r[i]·b_s[i]; n is a positive multiple of 4. Lane l of
// each accumulator sums the rows i ≡ l (mod 4); the lanes are then added as
// (l0+l2)+(l1+l3).
TEXT ·tile43FMA(SB), NOSPLIT, $0-72
	MOVQ a0+0(FP), AX
	MOVQ a1+8(FP), DX
	MOVQ a2+16(FP), SI
	MOVQ a3+24(FP), DI
	MOVQ b0+32(FP), R9
	MOVQ b1+40(FP), R10
	MOVQ b2+48(FP), R11
	MOVQ n+56(FP), CX
	MOVQ out+64(FP), R8
	XORQ BX, BX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	VXORPD Y8, Y8, Y8
	VXORPD Y9, Y9, Y9
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
loop:
	VMOVUPD (R9)(BX*8), Y12
	VMOVUPD (R10)(BX*8), Y13
	VMOVUPD (R11)(BX*8), Y14
	VMOVUPD (AX)(BX*8), Y15
	VFMADD231PD Y12, Y15, Y0
	VFMADD231PD Y13, Y15, Y1
	VFMADD231PD Y14, Y15, Y2
	VMOVUPD (DX)(BX*8), Y15
	VFMADD231PD Y12, Y15, Y3
	VFMADD231PD Y13, Y15, Y4
	VFMADD231PD Y14, Y15, Y5
	VMOVUPD (SI)(BX*8), Y15
	VFMADD231PD Y12, Y15, Y6
	VFMADD231PD Y13, Y15, Y7
	VFMADD231PD Y14, Y15, Y8
	VMOVUPD (DI)(BX*8), Y15
	VFMADD231PD Y12, Y15, Y9
	VFMADD231PD Y13, Y15, Y10
	VFMADD231PD Y14, Y15, Y11
	ADDQ $4, BX
	CMPQ BX, CX
	JLT loop

#define HSUM(Y, X, off) \
	VEXTRACTF128 $1, Y, X12 \
	VADDPD X12, X, X \
	VUNPCKHPD X, X, X13 \
	VADDSD X13, X, X \
	VMOVSD X, off(R8)

	HSUM(Y0, X0, 0)
	HSUM(Y1, X1, 8)
	HSUM(Y2, X2, 16)
	HSUM(Y3, X3, 24)
	HSUM(Y4, X4, 32)
	HSUM(Y5, X5, 40)
	HSUM(Y6, X6, 48)
	HSUM(Y7, X7, 56)
	HSUM(Y8, X8, 64)
	HSUM(Y9, X9, 72)
	HSUM(Y10, X10, 80)
	HSUM(Y11, X11, 88)
	VZEROUPPER
	RET

// func mulAVX(dst, a, b *float64, n int)
// dst[i] = a[i]·b[i] for i < n; n is a multiple of 4.
TEXT ·mulAVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ a+8(FP), SI
	MOVQ b+16(FP), DX
	MOVQ n+24(FP), CX
	XORQ BX, BX
	CMPQ CX, $0
	JLE done
mloop:
	VMOVUPD (SI)(BX*8), Y0
	VMULPD (DX)(BX*8), Y0, Y0
	VMOVUPD Y0, (DI)(BX*8)
	ADDQ $4, BX
	CMPQ BX, CX
	JLT mloop
done:
	VZEROUPPER
	RET
