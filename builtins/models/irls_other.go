//go:build !amd64

package models

var hasAVX = false

func logitRowsAVX(x, e, y, me, z, ww *float64, n int) {
	panic("models: logitRowsAVX needs amd64")
}
