package stats

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// gaussLegendre returns the positive nodes and weights of the n-point
// Gauss–Legendre rule on [-1, 1] (n even), largest node first, by Newton
// iteration on Pₙ.
func gaussLegendre(n int) (x, w []float64) {
	for i := 1; i <= n/2; i++ {
		z := math.Cos(math.Pi * (float64(i) - 0.25) / (float64(n) + 0.5))
		var pp float64
		for it := 0; it < 100; it++ {
			p1, p2 := 1.0, 0.0
			for j := 1; j <= n; j++ {
				p3 := p2
				p2 = p1
				p1 = ((2*float64(j)-1)*z*p2 - (float64(j)-1)*p3) / float64(j)
			}
			pp = float64(n) * (z*p1 - p2) / (z*z - 1)
			z1 := z
			z = z1 - p1/pp
			if math.Abs(z-z1) < 1e-16 {
				break
			}
		}
		x = append(x, z)
		w = append(w, 2/((1-z*z)*pp*pp))
	}
	return
}

var (
	gl12x, gl12w = gaussLegendre(12)
	gl16x, gl16w = gaussLegendre(16)
)

// tukeyWprob is the probability that the range of cc standard normal means
// is below w (Hartley's form), integrated by 12-point Gauss–Legendre as in
// Copenhaver & Holland (1988) / R's wprob.
func tukeyWprob(w, rr, cc float64) float64 {
	const (
		nleg = 12
		C1   = -30.
		C2   = -50.
		C3   = 60.
		bb   = 8.
		wlar = 3.
	)
	qsqz := w * 0.5
	if qsqz >= bb {
		return 1
	}
	prW := 2*stdNormalTails(qsqz).lo - 1
	if prW >= math.Exp(C2/cc) {
		prW = math.Pow(prW, cc)
	} else {
		prW = 0
	}
	wincr := 3.0
	if w > wlar {
		wincr = 2
	}
	blb := qsqz
	binc := (bb - qsqz) / wincr
	bub := blb + binc
	einsum := 0.0
	cc1 := cc - 1
	for wi := 1; float64(wi) <= wincr; wi++ {
		elsum := 0.0
		a := 0.5 * (bub + blb)
		b := 0.5 * (bub - blb)
		for jj := 1; jj <= nleg; jj++ {
			var j int
			var xx float64
			if nleg/2 < jj {
				j = nleg - jj + 1
				xx = gl12x[j-1]
			} else {
				j = jj
				xx = -gl12x[j-1]
			}
			c := b * xx
			ac := a + c
			qexpo := ac * ac
			if qexpo > C3 {
				break
			}
			pplus := 2 * stdNormalTails(ac).lo
			pminus := 2 * stdNormalTails(ac-w).lo
			rinsum := pplus*0.5 - pminus*0.5
			if rinsum >= math.Exp(C1/cc1) {
				rinsum = gl12w[j-1] * math.Exp(-0.5*qexpo) * math.Pow(rinsum, cc1)
				elsum += rinsum
			}
		}
		elsum *= 2 * b * cc / math.Sqrt(2*math.Pi)
		einsum += elsum
		blb = bub
		bub += binc
	}
	prW += einsum
	if prW <= math.Exp(C1/rr) {
		return 0
	}
	prW = math.Pow(prW, rr)
	if prW >= 1 {
		return 1
	}
	return prW
}

// PTukey returns P(Q ≤ q) for the studentized range Q of nmeans means with
// df degrees of freedom (R's ptukey with nranges = 1), by the algorithm of
// Copenhaver & Holland (1988) as in R: Gauss–Legendre quadrature over the
// chi distribution of the variance estimate.
func PTukey(q, nmeans, df float64) float64 {
	return ptukey(q, 1, nmeans, df)
}

func ptukey(q, rr, cc, df float64) float64 {
	const (
		nlegq = 16
		eps1  = -30.0
		eps2  = 1.0e-14
		dhaf  = 100.0
		dquar = 800.0
		deigh = 5000.0
		dlarg = 25000.0
	)
	if math.IsNaN(q) || math.IsNaN(df) || df < 2 || rr < 1 || cc < 2 {
		return math.NaN()
	}
	if q <= 0 {
		return 0
	}
	if math.IsInf(q, 1) {
		return 1
	}
	if df > dlarg {
		return tukeyWprob(q, rr, cc)
	}
	f2 := df * 0.5
	f2lf := f2*math.Log(df) - df*math.Ln2 - lgamma(f2)
	f21 := f2 - 1
	ff4 := df * 0.25
	var ulen float64
	switch {
	case df <= dhaf:
		ulen = 1
	case df <= dquar:
		ulen = 0.5
	case df <= deigh:
		ulen = 0.25
	default:
		ulen = 0.125
	}
	f2lf += math.Log(ulen)
	ans := 0.0
	otsum := 0.0
	for i := 1; i <= 50; i++ {
		otsum = 0
		twa1 := float64(2*i-1) * ulen
		for jj := 1; jj <= nlegq; jj++ {
			var j int
			var t1 float64
			if nlegq/2 < jj {
				j = jj - nlegq/2 - 1
				t1 = f2lf + f21*math.Log(twa1+gl16x[j]*ulen) - (gl16x[j]*ulen+twa1)*ff4
			} else {
				j = jj - 1
				t1 = f2lf + f21*math.Log(twa1-gl16x[j]*ulen) + (gl16x[j]*ulen-twa1)*ff4
			}
			if t1 >= eps1 {
				var qsqz float64
				if nlegq/2 < jj {
					qsqz = q * math.Sqrt((gl16x[j]*ulen+twa1)*0.5)
				} else {
					qsqz = q * math.Sqrt((-(gl16x[j]*ulen)+twa1)*0.5)
				}
				wprb := tukeyWprob(qsqz, rr, cc)
				otsum += wprb * gl16w[j] * math.Exp(t1)
			}
		}
		if float64(i)*ulen >= 1 && otsum <= eps2 {
			break
		}
		ans += otsum
	}
	if ans > 1 {
		ans = 1
	}
	return ans
}

// QTukey returns the p-quantile of the studentized range of nmeans means
// with df degrees of freedom (R's qtukey): secant iterations from the
// approximation of Odeh & Evans / Gleason, stopped, as in R, when two
// iterates differ by less than 1e-4 (the result agrees with R to about
// 1e-9 relative).
func QTukey(p, nmeans, df float64) float64 {
	if math.IsNaN(p) || p < 0 || p > 1 || df < 2 || nmeans < 2 {
		return math.NaN()
	}
	if p == 0 {
		return 0
	}
	if p == 1 {
		return math.Inf(1)
	}
	const eps = 0.0001
	x0 := qtukeyInv(p, nmeans, df)
	v0 := ptukey(x0, 1, nmeans, df) - p
	var x1 float64
	if v0 > 0 {
		x1 = math.Max(0, x0-1)
	} else {
		x1 = x0 + 1
	}
	v1 := ptukey(x1, 1, nmeans, df) - p
	ans := 0.0
	for iter := 1; iter < 50; iter++ {
		ans = x1 - v1*(x1-x0)/(v1-v0)
		v0 = v1
		x0 = x1
		if ans < 0 {
			ans = 0
			v1 = -p
		}
		v1 = ptukey(ans, 1, nmeans, df) - p
		x1 = ans
		if math.Abs(x1-x0) < eps {
			return ans
		}
	}
	return ans
}

func qtukeyInv(p, c, v float64) float64 {
	const (
		p0   = 0.322232421088
		q0   = 0.993484626060e-01
		p1   = -1.0
		q1   = 0.588581570495
		p2   = -0.342242088547
		q2   = 0.531103462366
		p3   = -0.204231210125
		q3   = 0.103537752850
		p4   = -0.453642210148e-04
		q4   = 0.38560700634e-02
		c1   = 0.8832
		c2   = 0.2368
		c3   = 1.214
		c4   = 1.208
		c5   = 1.4142
		vmax = 120.0
	)
	ps := 0.5 - 0.5*p
	yi := math.Sqrt(math.Log(1 / (ps * ps)))
	t := yi + ((((yi*p4+p3)*yi+p2)*yi+p1)*yi+p0)/((((yi*q4+q3)*yi+q2)*yi+q1)*yi+q0)
	if v < vmax {
		t += (t*t*t + t) / v / 4
	}
	q := c1 - c2*t
	if v < vmax {
		q += -c3/v + c4*t/v
	}
	return t * (q*math.Log(c-1) + c5)
}

// TukeyResult holds Tukey's honest significant differences for all pairs of
// groups (R's TukeyHSD on a one-way aov): for groups i, j the difference
// ȳᵢ - ȳⱼ, the family-wise interval diff ± q_{conf;k,df}·√(MSE/2·(1/nᵢ+1/nⱼ))
// and the adjusted p-value P(Q > |diff|/√(MSE/2·(1/nᵢ+1/nⱼ))) (Tukey–Kramer
// for unequal sizes).
type TukeyResult struct {
	Pairs     []string // "trt1-ctrl" (later level minus earlier level)
	Diff      []float64
	Lwr, Upr  []float64
	PAdj      []float64
	ConfLevel float64
	Term      string
	Alpha     float64
}

// TukeyHSD runs the one-way ANOVA of y by g and returns Tukey's HSD
// comparisons at confidence level conf (0 means 0.95); levels optionally
// gives the group order (pairs are later level minus earlier level, as R).
func TukeyHSD(y []float64, g []string, conf float64, levels ...string) (*TukeyResult, error) {
	a, err := ANOVA(y, g, levels...)
	if err != nil {
		return nil, err
	}
	return a.Tukey(conf)
}

// Tukey returns Tukey's HSD comparisons of the groups of the ANOVA at
// confidence level conf (0 means 0.95).
func (a *AOV) Tukey(conf float64) (*TukeyResult, error) {
	if conf == 0 {
		conf = 0.95
	}
	if !(conf > 0 && conf < 1) {
		return nil, inputErr("Tukey", "conf", "is %g; it must be between 0 and 1", "e.g. 0.95", conf)
	}
	k := len(a.Levels)
	t := &TukeyResult{ConfLevel: conf, Term: a.Term, Alpha: a.Alpha}
	q := QTukey(conf, float64(k), a.DFWithin)
	for j := 0; j < k; j++ {
		for i := j + 1; i < k; i++ {
			d := a.Means[i] - a.Means[j]
			se := math.Sqrt(a.MSWithin / 2 * (1/float64(a.N[i]) + 1/float64(a.N[j])))
			t.Pairs = append(t.Pairs, a.Levels[i]+"-"+a.Levels[j])
			t.Diff = append(t.Diff, d)
			t.Lwr = append(t.Lwr, d-q*se)
			t.Upr = append(t.Upr, d+q*se)
			t.PAdj = append(t.PAdj, 1-ptukey(math.Abs(d)/se, 1, float64(k), a.DFWithin))
		}
	}
	return t, nil
}

// matrixText prints a numeric matrix like R's print.default: each column
// formatted separately with the given significant digits, names
// right-aligned over columns, row names left-aligned, in blocks of columns
// that fit 80 characters.
func matrixText(rows, cols []string, data [][]float64, digits int) string {
	return matrixTextWidth(rows, cols, data, digits, 80)
}

func matrixTextWidth(rows, cols []string, data [][]float64, digits, width int) string {
	ncol := len(cols)
	cells := make([][]string, ncol)
	widths := make([]int, ncol)
	for c := 0; c < ncol; c++ {
		col := make([]float64, len(rows))
		for r := range rows {
			col[r] = data[r][c]
		}
		cells[c] = rfmt.Format(col, digits)
		widths[c] = len([]rune(cols[c]))
		for _, s := range cells[c] {
			if len(s) > widths[c] {
				widths[c] = len(s)
			}
		}
	}
	rw := 0
	for _, r := range rows {
		if n := len([]rune(r)); n > rw {
			rw = n
		}
	}
	var b strings.Builder
	for start := 0; start < ncol; {
		end := start
		w := rw
		for end < ncol && (end == start || w+1+widths[end] <= width) {
			w += 1 + widths[end]
			end++
		}
		b.WriteString(strings.Repeat(" ", rw))
		for c := start; c < end; c++ {
			b.WriteString(" " + strings.Repeat(" ", widths[c]-len([]rune(cols[c]))) + cols[c])
		}
		b.WriteString("\n")
		for r, name := range rows {
			b.WriteString(name + strings.Repeat(" ", rw-len([]rune(name))))
			for c := start; c < end; c++ {
				b.WriteString(" " + strings.Repeat(" ", widths[c]-len(cells[c][r])) + cells[c][r])
			}
			b.WriteString("\n")
		}
		start = end
	}
	return b.String()
}

func (t *TukeyResult) text(o display.Options) string {
	o = o.Normalized()
	var b strings.Builder
	b.WriteString("  Tukey multiple comparisons of means\n")
	fmt.Fprintf(&b, "    %s%% family-wise confidence level\n\n", num(100*t.ConfLevel, 2))
	b.WriteString("$" + t.Term + "\n")
	data := make([][]float64, len(t.Pairs))
	for i := range t.Pairs {
		p := math.Round(t.PAdj[i]*1e7) / 1e7
		data[i] = []float64{t.Diff[i], t.Lwr[i], t.Upr[i], p}
	}
	b.WriteString(matrixText(t.Pairs, []string{"diff", "lwr", "upr", "p adj"}, data, 7))
	alpha := t.Alpha
	if !(alpha > 0 && alpha < 1) {
		alpha = 0.05
	}
	var sig []string
	for i, p := range t.PAdj {
		if p < alpha {
			sig = append(sig, fmt.Sprintf("%s (diff %s, p %s)", t.Pairs[i], num(t.Diff[i], 3), pEq(p)))
		}
	}
	b.WriteString("\n")
	if len(sig) == 0 {
		b.WriteString(wrap(fmt.Sprintf("At α = %s (family-wise), no pair of groups differs significantly.", rNum(alpha)), o.Width, "") + "\n")
	} else {
		b.WriteString(wrap(fmt.Sprintf("At α = %s (family-wise), these pairs differ: %s.", rNum(alpha), strings.Join(sig, "; ")), o.Width, "") + "\n")
	}
	return b.String()
}

// Display implements display.Displayer.
func (t *TukeyResult) Display(o display.Options) display.Bundle {
	if t == nil {
		return display.Text("tukey", "<nil>\n")
	}
	return display.Text("tukey", textFor(o, t.text(o)))
}

// String returns the plain-text display.
func (t *TukeyResult) String() string { return t.Display(display.Plain).Text }
