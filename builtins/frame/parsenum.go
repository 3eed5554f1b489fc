package frame

import (
	"encoding/binary"
	"errors"
	"strconv"
)

var pow10tab = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseNumber parses a decimal number. It returns the value, whether the
// text was a whole-number literal exact in float64 (no point or exponent,
// |v| ≤ 2^53, so it is exact as int64 too), and whether it was a number.
//
// Simple decimals (at most 19 significant digits, mantissa ≤ 2^53, power of
// ten within ±22) take Clinger's fast path: one exact integer conversion and
// one correctly rounded multiplication or division, so the result is the
// correctly rounded float64 of the text. Everything else goes to
// strconv.ParseFloat, which is also correctly rounded.
func parseNumber(b []byte) (v float64, isInt bool, ok bool) {
	i, n := 0, len(b)
	for i < n && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	for n > i && (b[n-1] == ' ' || b[n-1] == '\t' || b[n-1] == '\r') {
		n--
	}
	if i == n {
		return 0, false, false
	}
	s := b[i:n]
	k := 0
	neg := false
	if s[0] == '-' {
		neg = true
		k++
	} else if s[0] == '+' {
		k++
	}
	var mant uint64
	dot, exp := false, false
	ds := k
	for k+8 <= len(s) {
		v := binary.LittleEndian.Uint64(s[k:])
		if !eightDigits(v) {
			break
		}
		mant = mant*100000000 + parseEight(v)
		k += 8
	}
	for k < len(s) && s[k]-'0' < 10 {
		mant = mant*10 + uint64(s[k]-'0')
		k++
	}
	intEnd := k
	dp := 0
	if k < len(s) && s[k] == '.' {
		dot = true
		k++
		fs := k
		for k+8 <= len(s) {
			v := binary.LittleEndian.Uint64(s[k:])
			if !eightDigits(v) {
				break
			}
			mant = mant*100000000 + parseEight(v)
			k += 8
		}
		for k < len(s) && s[k]-'0' < 10 {
			mant = mant*10 + uint64(s[k]-'0')
			k++
		}
		dp = k - fs
	}
	digits := intEnd - ds + dp
	nd := digits
	if digits > 19 {
		// Leading zeros do not count; more than 19 significant digits
		// may have overflowed the mantissa.
		for q := ds; q < k && (s[q] == '0' || s[q] == '.'); q++ {
			if s[q] == '0' {
				nd--
			}
		}
		if nd > 19 {
			return slowParse(s)
		}
	}
	if digits == 0 {
		return slowParse(s)
	}
	e := 0
	if k < len(s) && (s[k] == 'e' || s[k] == 'E') {
		exp = true
		k++
		eneg := false
		if k < len(s) && (s[k] == '-' || s[k] == '+') {
			eneg = s[k] == '-'
			k++
		}
		ed := 0
		for ; k < len(s) && s[k] >= '0' && s[k] <= '9'; k++ {
			if e < 100000 {
				e = e*10 + int(s[k]-'0')
			}
			ed++
		}
		if ed == 0 {
			return 0, false, false
		}
		if eneg {
			e = -e
		}
	}
	if k != len(s) {
		return slowParse(s)
	}
	e10 := e - dp
	if mant == 0 {
		if neg {
			return negZero(), !dot && !exp, true
		}
		return 0, !dot && !exp, true
	}
	if mant > 1<<53 || e10 < -22 || e10 > 22 {
		return slowParse(s)
	}
	f := float64(mant)
	if e10 < 0 {
		f /= pow10tab[-e10]
	} else {
		f *= pow10tab[e10]
	}
	if neg {
		f = -f
	}
	return f, !dot && !exp, true
}

// eightDigits reports whether the 8 bytes in v (little-endian) are all
// ASCII digits.
func eightDigits(v uint64) bool {
	return (v&0xF0F0F0F0F0F0F0F0)|(((v+0x0606060606060606)&0xF0F0F0F0F0F0F0F0)>>4) == 0x3333333333333333
}

// parseEight converts 8 ASCII digits (little-endian in v, first digit in
// the low byte) to their value with three multiplications (the SWAR
// method of simdjson and fast_float).
func parseEight(v uint64) uint64 {
	const mask = 0x000000FF000000FF
	const mul1 = 0x000F424000000064 // 100 + (1000000 << 32)
	const mul2 = 0x0000271000000001 // 1 + (10000 << 32)
	v -= 0x3030303030303030
	v = v*10 + v>>8
	return ((v&mask)*mul1 + ((v>>16)&mask)*mul2) >> 32
}

func negZero() float64 {
	z := 0.0
	return -z
}

func slowParse(s []byte) (float64, bool, bool) {
	v, err := strconv.ParseFloat(string(s), 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return v, false, true
		}
		return 0, false, false
	}
	return v, false, true
}

// parseNumberAt parses a plain decimal number starting at b[pos] (sign,
// digits, point, digits, exponent) and returns its value, whether it was a
// whole-number literal exact in float64, and the position after it. Only
// the fast path is taken: anything else (spaces, Inf, NaN, more than 19
// significant digits, large exponents) reports !ok so the caller can use
// the general parser.
func parseNumberAt(b []byte, pos int) (v float64, isInt bool, end int, ok bool) {
	k := pos
	n := len(b)
	neg := false
	if k < n && (b[k] == '-' || b[k] == '+') {
		neg = b[k] == '-'
		k++
	}
	var mant uint64
	ds := k
	for k+8 <= n {
		x := binary.LittleEndian.Uint64(b[k:])
		if !eightDigits(x) {
			break
		}
		mant = mant*100000000 + parseEight(x)
		k += 8
	}
	for k < n && b[k]-'0' < 10 {
		mant = mant*10 + uint64(b[k]-'0')
		k++
	}
	intEnd := k
	dp := 0
	dot := false
	if k < n && b[k] == '.' {
		dot = true
		k++
		fs := k
		for k+8 <= n {
			x := binary.LittleEndian.Uint64(b[k:])
			if !eightDigits(x) {
				break
			}
			mant = mant*100000000 + parseEight(x)
			k += 8
		}
		for k < n && b[k]-'0' < 10 {
			mant = mant*10 + uint64(b[k]-'0')
			k++
		}
		dp = k - fs
	}
	digits := intEnd - ds + dp
	if digits == 0 || digits > 19 {
		return 0, false, 0, false
	}
	e := 0
	exp := false
	if k < n && (b[k] == 'e' || b[k] == 'E') {
		exp = true
		k++
		eneg := false
		if k < n && (b[k] == '-' || b[k] == '+') {
			eneg = b[k] == '-'
			k++
		}
		ed := 0
		for ; k < n && b[k]-'0' < 10 && ed < 4; k++ {
			e = e*10 + int(b[k]-'0')
			ed++
		}
		if ed == 0 || ed == 4 {
			return 0, false, 0, false
		}
		if eneg {
			e = -e
		}
	}
	e10 := e - dp
	if mant > 1<<53 || e10 < -22 || e10 > 22 {
		return 0, false, 0, false
	}
	f := float64(mant)
	if e10 < 0 {
		f /= pow10tab[-e10]
	} else {
		f *= pow10tab[e10]
	}
	if neg {
		f = -f
	}
	return f, !dot && !exp, k, true
}
