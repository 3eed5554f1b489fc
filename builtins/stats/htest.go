package stats

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
)

// Alternative hypotheses, spelled as in R.
const (
	TwoSided = "two.sided"
	Less     = "less"
	Greater  = "greater"
)

// Exactness choices for tests that have an exact and an approximate form
// (Wilcoxon, Kolmogorov–Smirnov, Spearman, Kendall).
const (
	ExactAuto = 0 // R's default rule (exact for small samples without ties)
	ExactYes  = 1 // exact when possible
	ExactNo   = 2 // normal/asymptotic approximation
)

// Opt are the options of the hypothesis tests. The zero value gives R's
// defaults: two-sided, 95 % confidence, μ = 0, Welch (unequal variances),
// continuity correction on, exactness chosen as R does, α = 0.05 for the
// written conclusion. Pass at most one Opt: stats.TTest(x, stats.Opt{Mu: 1}).
type Opt struct {
	Alternative string   // TwoSided (default), Less or Greater
	ConfLevel   float64  // confidence level of intervals; 0 means 0.95
	Mu          float64  // null value: mean, mean difference or location shift
	VarEqual    bool     // pooled-variance two-sample t-test instead of Welch
	Exact       int      // ExactAuto, ExactYes or ExactNo
	NoCorrect   bool     // turn off the continuity correction (Yates, Wilcoxon, prop.test)
	ConfInt     bool     // Wilcoxon: compute the Hodges–Lehmann estimate and interval
	Alpha       float64  // significance level of the written conclusion; 0 means 0.05
	Data        string   // description of the data for the display ("extra by group")
	NoChecks    bool     // skip the automatic assumption checks
	Levels      []string // order of the groups for TTestBy (default: sorted labels)
}

func getOpt(fn string, opts []Opt) (Opt, error) {
	var o Opt
	if len(opts) > 1 {
		return o, inputErr(fn, "options", "were given %d times", "pass a single stats.Opt{...}", len(opts))
	}
	if len(opts) == 1 {
		o = opts[0]
	}
	switch o.Alternative {
	case "", "two-sided", "two.sided", "two_sided", "twosided":
		o.Alternative = TwoSided
	case Less, Greater:
	default:
		return o, inputErr(fn, "Alternative", "is %q", `use "two.sided", "less" or "greater"`, o.Alternative)
	}
	if o.ConfLevel == 0 {
		o.ConfLevel = 0.95
	}
	if !(o.ConfLevel > 0 && o.ConfLevel < 1) {
		return o, inputErr(fn, "ConfLevel", "is %g; it must be between 0 and 1", "e.g. 0.95", o.ConfLevel)
	}
	if o.Alpha == 0 {
		o.Alpha = 0.05
	}
	if !(o.Alpha > 0 && o.Alpha < 1) {
		return o, inputErr(fn, "Alpha", "is %g; it must be between 0 and 1", "e.g. 0.05", o.Alpha)
	}
	return o, nil
}

// Check is one assumption a test rests on, with the result of an automatic
// check where one exists.
type Check struct {
	Assumption string  // e.g. "normality of x"
	Method     string  // how it was checked, e.g. "Shapiro-Wilk"; empty when not checkable
	Value      float64 // statistic or p-value of the check (see Detail)
	Detail     string  // e.g. "p = 0.43"
	OK         bool    // whether the assumption looks tenable
	Suggestion string  // what to do when it fails
}

// Effect is an effect size with an optional confidence interval.
type Effect struct {
	Name      string     // e.g. "Cohen's d"
	Value     float64    // the estimate
	ConfInt   [2]float64 // interval; NaN when not available
	ConfLevel float64
	Magnitude string // conventional label: negligible, small, medium, large
}

// HTest is the result of a hypothesis test. Its fields mirror R's htest
// object; its display reads like R's print.htest followed by a
// plain-language conclusion at level Alpha, the effect size and the
// assumption checks.
type HTest struct {
	Method      string    // e.g. "Welch Two Sample t-test"
	Data        string    // description of the data
	StatName    string    // name of the statistic: "t", "X-squared", "W", …
	Statistic   float64   // value of the statistic (NaN when the test has none)
	ParamNames  []string  // names of parameters such as "df", "num df"
	Params      []float64 // their values
	PValue      float64
	ConfInt     [2]float64 // confidence interval (NaN, NaN when none)
	ConfLevel   float64
	EstNames    []string  // names of the estimates
	Estimate    []float64 // estimates (means, odds ratio, correlation, …)
	NullName    string    // what the null value is about, e.g. "difference in means"
	NullValue   float64
	Alternative string // TwoSided, Less, Greater, or "" when not applicable
	StdErr      float64
	N           []int // sample sizes used
	Dropped     int   // missing values (NaN) skipped
	Alpha       float64
	Effect      *Effect
	Checks      []Check
	Notes       []string // warnings such as "Chi-squared approximation may be incorrect"

	// Table tests (χ², Fisher) also report the expected counts, Pearson
	// residuals (O-E)/√E and standardized residuals, with the level names
	// when the table was built from factors.
	Expected, Residuals, StdResiduals [][]float64
	RowNames, ColNames                []string

	// subject and h1 build the conclusion sentence.
	subject string // "the difference in means of -1.58"
	h1      string // "the true difference in means is not equal to 0" (overrides the default)
	report  string // "t(17.78) = -1.86"
}

// DF returns the first parameter (degrees of freedom for t, χ² and F tests)
// or NaN.
func (h *HTest) DF() float64 {
	if len(h.Params) == 0 {
		return math.NaN()
	}
	return h.Params[0]
}

// Significant reports whether PValue < Alpha.
func (h *HTest) Significant() bool { return h.PValue < h.alpha() }

func (h *HTest) alpha() float64 {
	if h.Alpha > 0 && h.Alpha < 1 {
		return h.Alpha
	}
	return 0.05
}

// SetAlpha sets the significance level used in the written conclusion and
// returns h.
func (h *HTest) SetAlpha(a float64) *HTest {
	h.Alpha = a
	return h
}

func num(x float64, digits int) string { return rfmt.Num(x, digits) }

// rNum prints a number as R's cat/as.character does (15 significant digits).
func rNum(x float64) string {
	return strconv.FormatFloat(rfmt.Signif(x, 15), 'g', -1, 64)
}

func altWords(alt string) string {
	switch alt {
	case Less:
		return "less than"
	case Greater:
		return "greater than"
	}
	return "not equal to"
}

// hypothesis returns the alternative-hypothesis text.
func (h *HTest) hypothesis() string {
	if h.h1 != "" {
		return h.h1
	}
	if h.NullName != "" {
		return "true " + h.NullName + " is " + altWords(h.Alternative) + " " + rNum(h.NullValue)
	}
	return ""
}

// theHyp turns R's "true mean is …" into running text: "the mean is …";
// Greek parameter names take no article ("rho is not equal to 0").
func theHyp(hyp string) string {
	h := strings.TrimPrefix(hyp, "true ")
	for _, g := range []string{"rho ", "tau ", "mu ", "lambda "} {
		if strings.HasPrefix(h, g) {
			return h
		}
	}
	return "the " + h
}

// Conclusion returns the plain-language sentence at level Alpha.
func (h *HTest) Conclusion() string {
	a := h.alpha()
	var b strings.Builder
	fmt.Fprintf(&b, "At α = %s, ", rNum(a))
	subj := h.subject
	if subj == "" {
		subj = "the result"
	}
	stat := h.report
	if stat == "" && !math.IsNaN(h.Statistic) && h.StatName != "" {
		stat = h.StatName + " = " + num(h.Statistic, 3)
	}
	pv := rfmt.PRel(h.PValue, 3)
	if stat != "" {
		stat += ", p " + pv
	} else {
		stat = "p " + pv
	}
	hyp := h.hypothesis()
	if h.PValue < a {
		fmt.Fprintf(&b, "%s is significant (%s)", subj, stat)
		if hyp != "" {
			fmt.Fprintf(&b, ": the data support that %s", theHyp(hyp))
		}
	} else {
		fmt.Fprintf(&b, "%s is not significant (%s)", subj, stat)
		if hyp != "" {
			fmt.Fprintf(&b, ": no evidence that %s", theHyp(hyp))
		}
	}
	b.WriteString(".")
	return b.String()
}

// wrap breaks s into lines of at most width columns at spaces, indenting
// continuation lines by indent.
func wrap(s string, width int, indent string) string {
	words := strings.Fields(s)
	var b strings.Builder
	col := 0
	for i, w := range words {
		n := len([]rune(w))
		if i > 0 && col+1+n > width {
			b.WriteString("\n" + indent)
			col = len(indent)
		} else if i > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// rText is the part of the display that follows R's print.htest.
func (h *HTest) rText(width int) string {
	var b strings.Builder
	b.WriteString("\n\t" + h.Method + "\n\n")
	data := h.Data
	if data == "" {
		data = "x"
	}
	b.WriteString("data:  " + data + "\n")
	var out []string
	if h.StatName != "" && !math.IsNaN(h.Statistic) {
		out = append(out, h.StatName+" = "+num(h.Statistic, 5))
	}
	if len(h.Params) > 0 {
		f := rfmt.Format(h.Params, 5)
		for i, nm := range h.ParamNames {
			out = append(out, nm+" = "+strings.TrimSpace(f[i]))
		}
	}
	if !math.IsNaN(h.PValue) {
		out = append(out, rfmt.PValueLine(h.PValue))
	}
	if len(out) > 0 {
		b.WriteString(wrap(strings.Join(out, ", "), width, "") + "\n")
	}
	if h.Alternative != "" {
		if h.NullName != "" {
			b.WriteString("alternative hypothesis: true " + h.NullName + " is " + altWords(h.Alternative) + " " + rNum(h.NullValue) + "\n")
		} else {
			b.WriteString("alternative hypothesis: " + h.Alternative + "\n")
		}
	}
	if !math.IsNaN(h.ConfInt[0]) || !math.IsNaN(h.ConfInt[1]) {
		f := rfmt.Format(h.ConfInt[:], 7)
		b.WriteString(rNum(100*h.ConfLevel) + " percent confidence interval:\n " + strings.Join(f, " ") + "\n")
	}
	if len(h.Estimate) > 0 {
		b.WriteString("sample estimates:\n")
		b.WriteString(rfmt.NamedVector(h.EstNames, h.Estimate, 7, width))
	}
	return b.String()
}

func (h *HTest) text(o display.Options) string {
	o = o.Normalized()
	var b strings.Builder
	b.WriteString(h.rText(o.Width))
	b.WriteString("\n")
	notes := h.Notes
	if h.Dropped == 1 {
		notes = append([]string{"1 missing value (NaN) was skipped"}, notes...)
	} else if h.Dropped > 1 {
		notes = append([]string{fmt.Sprintf("%d missing values (NaN) were skipped", h.Dropped)}, notes...)
	}
	for _, n := range notes {
		b.WriteString(wrap("Note: "+n, o.Width, "      ") + "\n")
	}
	b.WriteString(wrap(h.Conclusion(), o.Width, "") + "\n")
	if e := h.Effect; e != nil {
		s := "Effect size: " + e.Name + " = " + num(e.Value, 3)
		if !math.IsNaN(e.ConfInt[0]) {
			s += fmt.Sprintf(" (%s%% CI %s to %s)", rNum(100*e.ConfLevel), num(e.ConfInt[0], 3), num(e.ConfInt[1], 3))
		}
		if e.Magnitude != "" {
			s += ", " + e.Magnitude
		}
		b.WriteString(wrap(s, o.Width, "  ") + "\n")
	}
	if len(h.Checks) > 0 {
		b.WriteString("Assumptions:\n")
		ok, bad := "✓", "✗"
		if !o.Unicode {
			ok, bad = "ok", "!!"
		}
		for _, c := range h.Checks {
			mark := ok
			if !c.OK {
				mark = bad
			}
			if c.Method == "" {
				mark = "-"
			}
			s := c.Assumption
			if c.Method != "" {
				s += ": " + c.Method
				if c.Detail != "" {
					s += " " + c.Detail
				}
			} else if c.Detail != "" {
				s += " (" + c.Detail + ")"
			}
			if !c.OK && c.Suggestion != "" {
				s += " — " + c.Suggestion
			}
			b.WriteString(wrap("  "+mark+" "+s, o.Width, "      ") + "\n")
		}
	}
	return b.String()
}

// Display implements display.Displayer.
func (h *HTest) Display(o display.Options) display.Bundle {
	if h == nil {
		return display.Text("htest", "<nil>\n")
	}
	return display.Text("htest", textFor(o, h.text(o)))
}

// String returns the plain-text display.
func (h *HTest) String() string { return h.Display(display.Plain).Text }

func newHTest(o Opt) *HTest {
	return &HTest{ConfInt: [2]float64{math.NaN(), math.NaN()}, ConfLevel: o.ConfLevel, Alpha: o.Alpha, Data: o.Data, StdErr: math.NaN(), Statistic: math.NaN(), PValue: math.NaN()}
}

var asciiFold = strings.NewReplacer(
	"α", "alpha", "χ²", "chi2", "η²", "eta2", "ω²", "omega2", "ε²", "epsilon2",
	"τ_b", "tau_b", "τ", "tau", "ρ", "rho", "μ", "mu", "—", "--", "≥", ">=", "≤", "<=",
	"✓", "ok", "✗", "!!", "‘", "'", "’", "'", "…", "...", "×", "x", "Cramér", "Cramer",
	"²", "^2", "⁺", "+", "⁻", "-",
)

// textFor returns s for the display options: Unicode as is, or folded to
// ASCII when the front end cannot show it.
func textFor(o display.Options, s string) string {
	if o.Unicode {
		return s
	}
	return asciiFold.Replace(s)
}

// pfmt formats a p-value for check details: "p = 0.43" or "p < 2.2e-16".
func pfmt(p float64) string {
	return "p " + rfmt.PRel(p, 2)
}
