package models

import "golang.org/x/sys/cpu"

// hasAVX reports whether logitRowsAVX can run on this CPU.
var hasAVX = cpu.X86.HasAVX

// logitRowsAVX computes, four rows at a time, the logit-link quantities of
// binaryLogitRows from x = exp(η) (see irls_amd64.s); the results are the
// same, bit for bit, as the scalar Go expressions.
//
//go:noescape
func logitRowsAVX(x, e, y, me, z, ww *float64, n int)
