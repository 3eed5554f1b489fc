package stats

import (
	"fmt"
	"math"
	"strings"

	"github.com/gostat/gostat/display"
)

// NonCentralT is Student's t distribution with Nu degrees of freedom and
// non-centrality Ncp; CDF follows Lenth's AS 243 as R's pt(q, df, ncp)
// (accurate to about 1e-12 absolute).
type NonCentralT struct {
	Nu, Ncp float64
}

// CDF returns P(T ≤ t).
func (d NonCentralT) CDF(t float64) float64 { return pnt(t, d.Nu, d.Ncp, true) }

// Survival returns P(T > t).
func (d NonCentralT) Survival(t float64) float64 { return pnt(t, d.Nu, d.Ncp, false) }

func pnt(t, df, ncp float64, lower bool) float64 {
	if !(df > 0) {
		return math.NaN()
	}
	if ncp == 0 {
		if lower {
			return StudentsT{df}.CDF(t)
		}
		return StudentsT{df}.Survival(t)
	}
	if math.IsInf(t, 0) {
		if (t < 0) == lower {
			return 0
		}
		return 1
	}
	var tt, del float64
	neg := false
	if t >= 0 {
		tt, del = t, ncp
	} else {
		if ncp > 40 && lower {
			return 0
		}
		neg = true
		tt, del = -t, -ncp
	}
	if df > 4e5 || del*del > 2*math.Ln2*1021 {
		s := 1 / (4 * df)
		nd := Normal{del, math.Sqrt(1 + tt*tt*2*s)}
		if lower != neg {
			return nd.CDF(tt * (1 - s))
		}
		return nd.Survival(tt * (1 - s))
	}
	x := t * t
	rxb := df / (x + df)
	x = x / (x + df)
	var tnc float64
	if x > 0 {
		lambda := del * del
		p := 0.5 * math.Exp(-0.5*lambda)
		if p == 0 {
			return math.NaN()
		}
		q := math.Sqrt(2/math.Pi) * p * del
		s := 0.5 - p
		if s < 1e-7 {
			s = -0.5 * math.Expm1(-0.5*lambda)
		}
		a := 0.5
		b := 0.5 * df
		rxb = math.Pow(rxb, b)
		albeta := 0.5*math.Log(math.Pi) + lgamma(b) - lgamma(0.5+b)
		xodd := Beta{a, b}.CDF(x)
		godd := 2 * rxb * math.Exp(a*math.Log(x)-albeta)
		tnc = b * x
		var xeven float64
		if tnc < dblEps {
			xeven = tnc
		} else {
			xeven = 1 - rxb
		}
		geven := tnc * rxb
		tnc = p*xodd + q*xeven
		for it := 1; it <= 1000; it++ {
			a++
			xodd -= godd
			xeven -= geven
			godd *= x * (a + b - 1) / a
			geven *= x * (a + b - 0.5) / (a + 0.5)
			p *= lambda / float64(2*it)
			q *= lambda / float64(2*it+1)
			tnc += p*xodd + q*xeven
			s -= p
			if s < -1e-10 {
				break
			}
			if s <= 0 && it > 1 {
				break
			}
			errbd := 2 * s * (xodd - godd)
			if math.Abs(errbd) < 1e-12 {
				break
			}
		}
	}
	tnc += stdNormalTails(-del).lo
	lt := lower != neg
	tnc = math.Min(tnc, 1)
	if lt {
		return tnc
	}
	return 1 - tnc
}

// PowerT describes a t-test power calculation (R's power.t.test). Leave
// exactly one of N, Delta and Power at zero to solve for it, or set Solve to
// "sd" or "sig.level" to solve for that instead. SD defaults to 1 and
// SigLevel to 0.05. Type is "two.sample" (default), "one.sample" or
// "paired"; Alternative "two.sided" (default) or "one.sided"; Strict counts
// both rejection regions of a two-sided test.
type PowerT struct {
	N, Delta, SD, SigLevel, Power float64
	Type, Alternative, Solve      string
	Strict                        bool
}

// PowerResult is the result of a power calculation; it displays like R's
// power.htest.
type PowerResult struct {
	Method string
	Names  []string  // parameter names in display order
	Values []float64 // their values (solved one included)
	Alt    string
	Note   string
	Solved string // which parameter was solved for
}

// Get returns the value of a parameter by name ("n", "delta", "power", …).
func (p *PowerResult) Get(name string) float64 {
	for i, n := range p.Names {
		if n == name {
			return p.Values[i]
		}
	}
	return math.NaN()
}

func (p *PowerResult) text() string {
	var b strings.Builder
	b.WriteString("\n     " + p.Method + " \n\n")
	for i, n := range p.Names {
		fmt.Fprintf(&b, "%15s = %s\n", n, num(p.Values[i], 7))
	}
	fmt.Fprintf(&b, "%15s = %s\n", "alternative", p.Alt)
	if p.Note != "" {
		b.WriteString("\nNOTE: " + p.Note + "\n")
	}
	return b.String()
}

// Display implements display.Displayer.
func (p *PowerResult) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("power", "<nil>\n")
	}
	return display.Text("power", textFor(o, p.text()))
}

// String returns the plain-text display.
func (p *PowerResult) String() string { return p.Display(display.Plain).Text }

// PowerTTest computes the power of a t-test or the parameter needed for a
// given power, as R's power.t.test: power = P(T' > t_{1-α/s, ν}) for the
// non-central t with ν = (n-1)·k df and ncp = √(n/k)·δ/σ (k = 2 for two
// samples, 1 otherwise; s = 2 for two-sided). Unknowns are found with R's
// uniroot algorithm and tolerance, so results agree with R's digits.
func PowerTTest(p PowerT) (*PowerResult, error) {
	ts := 2.0
	method := "Two-sample t test power calculation"
	note := "n is number in *each* group"
	switch p.Type {
	case "", "two.sample":
	case "one.sample":
		ts, method, note = 1, "One-sample t test power calculation", ""
	case "paired":
		ts, method, note = 1, "Paired t test power calculation", "n is number of *pairs*, sd is std.dev. of *differences* within pairs"
	default:
		return nil, inputErr("PowerTTest", "Type", "is %q", `use "two.sample", "one.sample" or "paired"`, p.Type)
	}
	side := 2.0
	alt := "two.sided"
	switch p.Alternative {
	case "", "two.sided":
	case "one.sided":
		side, alt = 1, "one.sided"
	default:
		return nil, inputErr("PowerTTest", "Alternative", "is %q", `use "two.sided" or "one.sided"`, p.Alternative)
	}
	solve := p.Solve
	if solve == "" {
		var zero []string
		if p.N == 0 {
			zero = append(zero, "n")
		}
		if p.Delta == 0 {
			zero = append(zero, "delta")
		}
		if p.Power == 0 {
			zero = append(zero, "power")
		}
		if len(zero) != 1 {
			return nil, inputErr("PowerTTest", "parameters", "leave %d of N, Delta, Power unset", "leave exactly one of them 0 (or set Solve to \"sd\" or \"sig.level\")", len(zero))
		}
		solve = zero[0]
	}
	if p.SD == 0 && solve != "sd" {
		p.SD = 1
	}
	if p.SigLevel == 0 && solve != "sig.level" {
		p.SigLevel = 0.05
	}
	if side == 2 {
		p.Delta = math.Abs(p.Delta)
	}
	pow := func(n, delta, sd, sig float64) float64 {
		nu := (n - 1) * ts
		qu := StudentsT{nu}.QuantileUpper(sig / side)
		ncp := math.Sqrt(n/ts) * delta / sd
		v := pnt(qu, nu, ncp, false)
		if p.Strict && side == 2 {
			v += pnt(-qu, nu, ncp, true)
		}
		return v
	}
	var err error
	root := func(f func(float64) float64, lo, hi float64) float64 {
		fl, fh := f(lo), f(hi)
		if (fl > 0) == (fh > 0) {
			err = inputErr("PowerTTest", solve, "cannot be solved for in [%g, %g]", "check that the target power is attainable", lo, hi)
			return math.NaN()
		}
		return rZeroin(f, lo, hi, fl, fh, rTol, 1000)
	}
	switch solve {
	case "power":
		p.Power = pow(p.N, p.Delta, p.SD, p.SigLevel)
	case "n":
		p.N = root(func(n float64) float64 { return pow(n, p.Delta, p.SD, p.SigLevel) - p.Power }, 2, 1e7)
	case "sd":
		p.SD = root(func(sd float64) float64 { return pow(p.N, p.Delta, sd, p.SigLevel) - p.Power }, p.Delta*1e-7, p.Delta*1e7)
	case "delta":
		p.Delta = root(func(d float64) float64 { return pow(p.N, d, p.SD, p.SigLevel) - p.Power }, p.SD*1e-7, p.SD*1e7)
	case "sig.level":
		p.SigLevel = root(func(s float64) float64 { return pow(p.N, p.Delta, p.SD, s) - p.Power }, 1e-10, 1-1e-10)
	default:
		return nil, inputErr("PowerTTest", "Solve", "is %q", `use "n", "delta", "sd", "sig.level" or "power"`, solve)
	}
	if err != nil {
		return nil, err
	}
	return &PowerResult{Method: method, Names: []string{"n", "delta", "sd", "sig.level", "power"},
		Values: []float64{p.N, p.Delta, p.SD, p.SigLevel, p.Power}, Alt: alt, Note: note, Solved: solve}, nil
}

// PowerProp describes a two-proportion power calculation (R's
// power.prop.test). Leave exactly one of N, P1, P2 and Power at zero to
// solve for it (or set Solve to "sig.level"); SigLevel defaults to 0.05.
type PowerProp struct {
	N, P1, P2, SigLevel, Power float64
	Alternative, Solve         string
	Strict                     bool
}

// PowerPropTest computes the power of a two-sample test of proportions or
// the parameter needed for a given power (R's power.prop.test, normal
// approximation): power = Φ((√n|p₁-p₂| - z_{1-α/s}√((p₁+p₂)(1-(p₁+p₂)/2))) /
// √(p₁(1-p₁)+p₂(1-p₂))).
func PowerPropTest(p PowerProp) (*PowerResult, error) {
	side := 2.0
	alt := "two.sided"
	switch p.Alternative {
	case "", "two.sided":
	case "one.sided":
		side, alt = 1, "one.sided"
	default:
		return nil, inputErr("PowerPropTest", "Alternative", "is %q", `use "two.sided" or "one.sided"`, p.Alternative)
	}
	solve := p.Solve
	if solve == "" {
		var zero []string
		for _, c := range []struct {
			n string
			v float64
		}{{"n", p.N}, {"p1", p.P1}, {"p2", p.P2}, {"power", p.Power}} {
			if c.v == 0 {
				zero = append(zero, c.n)
			}
		}
		if len(zero) != 1 {
			return nil, inputErr("PowerPropTest", "parameters", "leave %d of N, P1, P2, Power unset", "leave exactly one of them 0", len(zero))
		}
		solve = zero[0]
	}
	if p.SigLevel == 0 && solve != "sig.level" {
		p.SigLevel = 0.05
	}
	pow := func(n, p1, p2, sig float64) float64 {
		qu := stdNormalQuantile(sig/side, false)
		d := math.Abs(p1 - p2)
		if p.Strict && side == 2 {
			q1, q2 := 1-p1, 1-p2
			pbar := (p1 + p2) / 2
			qbar := 1 - pbar
			v1, v2 := p1*q1, p2*q2
			den := math.Sqrt(v1 + v2)
			return stdNormalTails((math.Sqrt(n*d*d)-qu*math.Sqrt((p1+p2)*(q1+q2)/2))/den).lo +
				stdNormalTails((math.Sqrt(n*d*d)+qu*math.Sqrt(2*pbar*qbar))/den).up
		}
		return stdNormalTails((math.Sqrt(n)*d - qu*math.Sqrt((p1+p2)*(1-(p1+p2)/2))) / math.Sqrt(p1*(1-p1)+p2*(1-p2))).lo
	}
	var err error
	root := func(f func(float64) float64, lo, hi float64) float64 {
		fl, fh := f(lo), f(hi)
		if (fl > 0) == (fh > 0) {
			err = inputErr("PowerPropTest", solve, "cannot be solved for in [%g, %g]", "check that the target power is attainable", lo, hi)
			return math.NaN()
		}
		return rZeroin(f, lo, hi, fl, fh, rTol, 1000)
	}
	switch solve {
	case "power":
		p.Power = pow(p.N, p.P1, p.P2, p.SigLevel)
	case "n":
		p.N = root(func(n float64) float64 { return pow(n, p.P1, p.P2, p.SigLevel) - p.Power }, 2, 1e7)
	case "p1":
		p.P1 = root(func(v float64) float64 { return pow(p.N, v, p.P2, p.SigLevel) - p.Power }, 1e-10, p.P2)
	case "p2":
		p.P2 = root(func(v float64) float64 { return pow(p.N, p.P1, v, p.SigLevel) - p.Power }, p.P1, 1-1e-10)
	case "sig.level":
		p.SigLevel = root(func(s float64) float64 { return pow(p.N, p.P1, p.P2, s) - p.Power }, 1e-10, 1-1e-10)
	default:
		return nil, inputErr("PowerPropTest", "Solve", "is %q", `use "n", "p1", "p2", "sig.level" or "power"`, solve)
	}
	if err != nil {
		return nil, err
	}
	return &PowerResult{Method: "Two-sample comparison of proportions power calculation", Names: []string{"n", "p1", "p2", "sig.level", "power"},
		Values: []float64{p.N, p.P1, p.P2, p.SigLevel, p.Power}, Alt: alt, Note: "n is number in *each* group", Solved: solve}, nil
}
