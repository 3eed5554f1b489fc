#include "textflag.h"

// func logitRowsAVX(x, e, y, me, z, ww *float64, n int)
// For i < n (a positive multiple of 4), with x[i] = exp(e[i]) on entry:
//   t = 1 + x, m = x/t, d = x/(t·t), z = e + (y - m)/d, ww = d·d/(m·(1 - m)),
// and x[i] = m on exit (me[i] = d). Each operation is the correctly rounded
// IEEE one, in the order of the Go expressions of binaryLogitRows.
TEXT ·logitRowsAVX(SB), NOSPLIT, $0-56
	MOVQ x+0(FP), AX
	MOVQ e+8(FP), BX
	MOVQ y+16(FP), CX
	MOVQ me+24(FP), DX
	MOVQ z+32(FP), SI
	MOVQ ww+40(FP), DI
	MOVQ n+48(FP), R8
	XORQ R9, R9
	MOVQ $0x3ff0000000000000, R10 // 1.0
	MOVQ R10, X15
	VBROADCASTSD X15, Y15
loop:
	VMOVUPD (AX)(R9*8), Y0        // x
	VADDPD Y15, Y0, Y1            // t = 1 + x
	VDIVPD Y1, Y0, Y2             // m = x / t
	VMULPD Y1, Y1, Y3             // t·t
	VDIVPD Y3, Y0, Y4             // d = x / (t·t)
	VMOVUPD (CX)(R9*8), Y5        // y
	VSUBPD Y2, Y5, Y5             // y - m
	VDIVPD Y4, Y5, Y5             // (y - m) / d
	VMOVUPD (BX)(R9*8), Y6        // e
	VADDPD Y5, Y6, Y6             // z = e + (y - m)/d
	VMULPD Y4, Y4, Y7             // d·d
	VSUBPD Y2, Y15, Y8            // 1 - m
	VMULPD Y8, Y2, Y8             // m·(1 - m)
	VDIVPD Y8, Y7, Y7             // ww
	VMOVUPD Y2, (AX)(R9*8)
	VMOVUPD Y4, (DX)(R9*8)
	VMOVUPD Y6, (SI)(R9*8)
	VMOVUPD Y7, (DI)(R9*8)
	ADDQ $4, R9
	CMPQ R9, R8
	JLT loop
	VZEROUPPER
	RET
