// Package rfmt formats numbers the way R prints them, so that gostat's
// summaries read like R's: significant-digit formatting of single numbers and
// of vectors with a common layout (R's format and print with digits = 7 or
// 4), p-values as format.pval does ("< 2.2e-16"), significance stars and
// their legend, and named vectors laid out like print of a named numeric
// vector.
//
// The rules follow R's formatReal (src/main/format.c): every number is
// rounded to the wanted significant digits; the number of digits shown is the
// fewest that keep each number's significant digits (trailing zeros
// dropped); fixed notation is used unless it is wider than scientific
// notation (R's scipen = 0). Non-finite values print as NA, NaN, Inf, -Inf.
package rfmt

import (
	"math"
	"strconv"
	"strings"
)

// Eps is R's .Machine$double.eps, the threshold of format.pval: smaller
// p-values print as "< 2.2e-16".
const Eps = 2.220446049250313e-16

// sci holds the decomposition of a finite number rounded to some significant
// digits: kpower is the decimal exponent of the leading digit, nsig the count
// of significant digits left after dropping trailing zeros.
type sci struct {
	neg            bool
	kpower, nsig   int
	roundingWidens bool
}

var pow10 = func() [23]float64 {
	var t [23]float64
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

func scientific(x float64, digits int) sci {
	var s sci
	if x == 0 {
		return sci{kpower: 0, nsig: 1}
	}
	s.neg = x < 0
	a := math.Abs(x)
	str := strconv.FormatFloat(a, 'e', digits-1, 64) // d.ddddde±XX, correctly rounded
	epos := strings.IndexByte(str, 'e')
	mant := strings.Replace(str[:epos], ".", "", 1)
	exp, _ := strconv.Atoi(str[epos+1:])
	s.kpower = exp
	n := len(mant)
	for n > 1 && mant[n-1] == '0' {
		n--
	}
	s.nsig = n
	rgt := digits - s.kpower
	if rgt < 0 {
		rgt = 0
	} else if rgt > 22 {
		rgt = 22
	}
	fuzz := 0.5 / pow10[rgt]
	s.roundingWidens = s.kpower > 0 && s.kpower <= 22 && a < pow10[s.kpower]-fuzz
	return s
}

// layout is R's (w, d, e) triple: field width, digits after the decimal
// point, and e > 0 for scientific notation (exponent digits beyond one).
type layout struct {
	w, d, e int
}

func formatReal(xs []float64, digits int) layout {
	if digits < 1 {
		digits = 1
	}
	if digits > 22 {
		digits = 22
	}
	naw := 0
	neg := 0
	rgt, mxl, mxsl, mxns := math.MinInt32, math.MinInt32, math.MinInt32, math.MinInt32
	mnl := math.MaxInt32
	anyFinite := false
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			w := 2 // NA
			switch {
			case math.IsInf(x, 1):
				w = 3
			case math.IsInf(x, -1):
				w = 4
			}
			if w > naw {
				naw = w
			}
			continue
		}
		anyFinite = true
		s := scientific(x, digits)
		left := s.kpower + 1
		if s.roundingWidens {
			left--
		}
		sneg := 0
		if s.neg {
			sneg = 1
			neg = 1
		}
		sleft := sneg + left
		if left <= 0 {
			sleft = sneg + 1
		}
		right := s.nsig - left
		if right > rgt {
			rgt = right
		}
		if left > mxl {
			mxl = left
		}
		if left < mnl {
			mnl = left
		}
		if sleft > mxsl {
			mxsl = sleft
		}
		if s.nsig > mxns {
			mxns = s.nsig
		}
	}
	var l layout
	if !anyFinite {
		l.w = naw
		return l
	}
	if mxl < 0 {
		mxsl = 1 + neg
	}
	if rgt < 0 {
		rgt = 0
	}
	wF := mxsl + rgt
	if rgt != 0 {
		wF++
	}
	l.e = 1
	if mxl > 100 || mnl <= -99 {
		l.e = 2
	}
	l.d = mxns - 1
	l.w = neg + l.d + 4 + l.e
	if l.d > 0 {
		l.w++
	}
	if wF <= l.w {
		l.e = 0
		l.d = rgt
		l.w = wF
	}
	if naw > l.w {
		l.w = naw
	}
	return l
}

func encode(x float64, l layout) string {
	switch {
	case math.IsNaN(x):
		return "NA"
	case math.IsInf(x, 1):
		return "Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	}
	if l.e > 0 {
		s := strconv.FormatFloat(x, 'e', l.d, 64)
		// Go writes at least two exponent digits, like C; R with e == 2
		// pads to three.
		if l.e == 2 {
			i := strings.IndexByte(s, 'e')
			ex := s[i+2:]
			for len(ex) < 3 {
				ex = "0" + ex
			}
			s = s[:i+2] + ex
		}
		return s
	}
	return strconv.FormatFloat(x, 'f', l.d, 64)
}

func pad(s string, w int) string {
	if n := len(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// Num formats one number with the given significant digits, like R's
// format(x, digits = digits): 3.14159, 1e-20, 123456.7, 1.234568e+09.
func Num(x float64, digits int) string {
	l := formatReal([]float64{x}, digits)
	return encode(x, l)
}

// Format formats a vector with a common layout and common width, like R's
// format(x, digits = digits): every element shows at least `digits`
// significant digits where the element itself needs them, all share the
// number of decimals, and all are right-justified to one width.
func Format(xs []float64, digits int) []string {
	l := formatReal(xs, digits)
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = pad(encode(x, l), l.w)
	}
	return out
}

// FormatFixed formats xs with exactly d decimals (R's formatC(x, format =
// "f", digits = d)), right-justified to a common width.
func FormatFixed(xs []float64, d int) []string {
	out := make([]string, len(xs))
	w := 0
	for i, x := range xs {
		if math.IsNaN(x) {
			out[i] = "NA"
		} else {
			out[i] = strconv.FormatFloat(x, 'f', d, 64)
		}
		if len(out[i]) > w {
			w = len(out[i])
		}
	}
	for i := range out {
		out[i] = pad(out[i], w)
	}
	return out
}

// Signif rounds x to the given number of significant digits, like R's
// signif(x, digits).
func Signif(x float64, digits int) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if digits < 1 {
		digits = 1
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'e', digits-1, 64), 64)
	return v
}

// PValue formats one p-value like R's format.pval(p, digits = digits) with
// eps = .Machine$double.eps: values below 2.2e-16 print as "< 2.2e-16".
// print.htest uses digits = 4 (getOption("digits") - 3); printCoefmat's
// column uses 3 by default in summary.lm.
func PValue(p float64, digits int) string {
	return PValues([]float64{p}, digits)[0]
}

// PValues formats a vector of p-values like R's format.pval: p-values of at
// least 1e-3 (1e-4 when digits > 1) are formatted together in one group, smaller ones
// in another (each with a common layout, as format does), and values below
// Eps become "< 2.2e-16" (fewer digits when the others are narrow). NaN
// prints as "NA".
func PValues(ps []float64, digits int) []string {
	if digits < 1 {
		digits = 1
	}
	out := make([]string, len(ps))
	var fixI, sciI, tinyI []int
	var fixV, sciV []float64
	for i, p := range ps {
		switch {
		case math.IsNaN(p):
			out[i] = "NA"
		case p < Eps:
			tinyI = append(tinyI, i)
		default:
			e := math.Floor(math.Log10(p))
			if e >= -3 || (e == -4 && digits > 1) {
				fixI = append(fixI, i)
				fixV = append(fixV, p)
			} else {
				sciI = append(sciI, i)
				sciV = append(sciV, p)
			}
		}
	}
	nc := 0
	for _, grp := range []struct {
		idx []int
		v   []float64
	}{{fixI, fixV}, {sciI, sciV}} {
		if len(grp.idx) == 0 {
			continue
		}
		f := Format(grp.v, digits)
		for j, i := range grp.idx {
			out[i] = f[j]
			if len(f[j]) > nc {
				nc = len(f[j])
			}
		}
	}
	if len(tinyI) > 0 {
		d := digits - 2
		if d < 1 {
			d = 1
		}
		sep := " "
		if len(fixI)+len(sciI) > 0 {
			if d > 1 && d+6 > nc {
				d = nc - 7
				if d < 1 {
					d = 1
				}
			}
			if d == 1 && nc <= 6 {
				sep = ""
			}
		} else if d == 1 {
			sep = ""
		}
		s := "<" + sep + Num(Eps, d)
		for _, i := range tinyI {
			out[i] = s
		}
	}
	return out
}

// PValueLine is how print.htest writes a p-value: "p-value = 0.07939" or
// "p-value < 2.2e-16" (4 significant digits).
func PValueLine(p float64) string {
	fp := PValue(p, 4)
	if strings.HasPrefix(fp, "<") {
		return "p-value " + fp
	}
	return "p-value = " + fp
}

// PRel writes a p-value for running text after "p": "= 0.0126" (digits
// significant digits) or "< 2.2e-16" below Eps, as print.htest does.
func PRel(p float64, digits int) string {
	if p < Eps {
		return PValue(p, 4)
	}
	return "= " + PValue(p, digits)
}

// Stars returns R's significance code for a p-value: "***" (p < 0.001),
// "**" (< 0.01), "*" (< 0.05), "." (< 0.1) or " " (otherwise, and for NaN).
func Stars(p float64) string {
	switch {
	case math.IsNaN(p):
		return " "
	case p < 0.001:
		return "***"
	case p < 0.01:
		return "**"
	case p < 0.05:
		return "*"
	case p < 0.1:
		return "."
	}
	return " "
}

// Legend is the line R prints under a coefficient table with stars. With
// ascii true the quotes are plain apostrophes (R's non-UTF-8 form).
func Legend(ascii bool) string {
	if ascii {
		return "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1"
	}
	return "Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1"
}

// NamedVector lays out a named numeric vector the way R prints one: names
// above values, each column as wide as the wider of its name and the
// common-format value, right-justified, a space after each column, wrapped
// to width columns (80 when width <= 0). The result ends with a newline.
func NamedVector(names []string, vals []float64, digits, width int) string {
	if width <= 0 {
		width = 80
	}
	f := Format(vals, digits)
	w := 0
	for i := range f {
		if len(f[i]) > w {
			w = len(f[i])
		}
		if i < len(names) && displayWidth(names[i]) > w {
			w = displayWidth(names[i])
		}
	}
	perLine := width / (w + 1)
	if perLine < 1 {
		perLine = 1
	}
	var b strings.Builder
	for start := 0; start < len(f); start += perLine {
		end := start + perLine
		if end > len(f) {
			end = len(f)
		}
		for i := start; i < end; i++ {
			nm := ""
			if i < len(names) {
				nm = names[i]
			}
			b.WriteString(strings.Repeat(" ", w-displayWidth(nm)) + nm + " ")
		}
		b.WriteByte('\n')
		for i := start; i < end; i++ {
			b.WriteString(pad(f[i], w) + " ")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func displayWidth(s string) int { return len([]rune(s)) }
