package models

import (
	"fmt"
	"math"
	"math/big"

	"gonum.org/v1/gonum/mat"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

// nistLinSet is a NIST StRD linear regression set in a common form.
type nistLinSet struct {
	name       string
	difficulty string // NIST's level: Lower, Average, Higher
	y          []float64
	x          [][]float64 // per predictor column
	degree     int         // > 0: polynomial in x[0]
	intercept  bool
	est, sd    []string
	resSD, r2  string
	// roundedPowers: the design's power columns are float64 products (as a
	// user building X by hand gets them), not exact powers.
	roundedPowers bool
}

func parseF(t testing.TB, s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		t.Fatalf("bad number %q", s)
	}
	return v
}

func loadNISTLinear(t testing.TB) []nistLinSet {
	var sets []nistLinSet
	for _, name := range []string{"Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5", "Filip"} {
		path := filepath.Join(refDir(t), "strd", "json", name+".json")
		v := loadJSONMaybe(path)
		if v == nil {
			continue
		}
		model := v["model"].(map[string]any)
		s := nistLinSet{name: name, intercept: model["intercept"].(bool), difficulty: v["difficulty"].(string)}
		if d, ok := model["degree"].(float64); ok && model["type"] == "polynomial" {
			s.degree = int(d)
		}
		for _, ys := range v["y_str"].([]any) {
			s.y = append(s.y, parseF(t, ys.(string)))
		}
		xr := v["x_str"].([]any)
		np := len(xr[0].([]any))
		s.x = make([][]float64, np)
		for _, row := range xr {
			for j, xs := range row.([]any) {
				s.x[j] = append(s.x[j], parseF(t, xs.(string)))
			}
		}
		c := v["certified"].(map[string]any)
		for _, p := range c["parameters"].([]any) {
			pm := p.(map[string]any)
			s.est = append(s.est, pm["estimate"].(map[string]any)["str"].(string))
			s.sd = append(s.sd, pm["std_dev"].(map[string]any)["str"].(string))
		}
		s.resSD = c["residual_sd"].(map[string]any)["str"].(string)
		s.r2 = c["r_squared"].(map[string]any)["str"].(string)
		sets = append(sets, s)
	}
	// sets held in testdata (Filip, Wampler3-5, NoInt2) unless already loaded
	ex := loadJSON(t, filepath.Join("testdata", "nist_linreg_extra.json"))
	for _, e := range ex["sets"].([]any) {
		m := e.(map[string]any)
		name := m["name"].(string)
		dup := false
		for _, s := range sets {
			if s.name == name {
				dup = true
			}
		}
		if dup {
			continue
		}
		s := nistLinSet{name: name, intercept: true, degree: int(m["degree"].(float64)), x: [][]float64{nil}}
		if ic, ok := m["intercept"].(bool); ok {
			s.intercept = ic
		}
		s.difficulty, _ = m["difficulty"].(string)
		for _, v := range m["y_str"].([]any) {
			s.y = append(s.y, parseF(t, v.(string)))
		}
		for _, v := range m["x_str"].([]any) {
			s.x[0] = append(s.x[0], parseF(t, v.(string)))
		}
		for _, v := range m["estimates"].([]any) {
			s.est = append(s.est, v.(string))
		}
		for _, v := range m["std_devs"].([]any) {
			s.sd = append(s.sd, v.(string))
		}
		s.resSD = m["residual_sd"].(string)
		s.r2 = m["r_squared"].(string)
		sets = append(sets, s)
	}
	return sets
}

// formulaFor builds the frame and formula of a NIST set.
func (s nistLinSet) frameAndFormula() (*frame.Frame, string) {
	names := []string{"y"}
	cols := []any{s.y}
	var terms []string
	if s.degree > 0 {
		names = append(names, "x")
		cols = append(cols, s.x[0])
		terms = append(terms, "x")
		for k := 2; k <= s.degree; k++ {
			terms = append(terms, fmt.Sprintf("I(x^%d)", k))
		}
	} else {
		for j := range s.x {
			nm := fmt.Sprintf("x%d", j+1)
			names = append(names, nm)
			cols = append(cols, s.x[j])
			terms = append(terms, nm)
		}
	}
	f, err := frame.FromColumns(names, cols...)
	if err != nil {
		panic(err)
	}
	fm := "y ~ " + strings.Join(terms, " + ")
	if !s.intercept {
		fm += " - 1"
	}
	return f, fm
}

// exactDesign returns the design matrix in exact rationals from the
// float64 inputs (powers computed exactly).
func (s nistLinSet) exactDesign() ([][]*big.Rat, []*big.Rat) {
	n := len(s.y)
	var X [][]*big.Rat
	for i := 0; i < n; i++ {
		var row []*big.Rat
		if s.intercept {
			row = append(row, big.NewRat(1, 1))
		}
		if s.degree > 0 && s.roundedPowers {
			p := 1.0
			for k := 1; k <= s.degree; k++ {
				p *= s.x[0][i]
				row = append(row, new(big.Rat).SetFloat64(p))
			}
		} else if s.degree > 0 {
			x := new(big.Rat).SetFloat64(s.x[0][i])
			p := big.NewRat(1, 1)
			for k := 1; k <= s.degree; k++ {
				p = new(big.Rat).Mul(p, x)
				row = append(row, p)
			}
		} else {
			for j := range s.x {
				row = append(row, new(big.Rat).SetFloat64(s.x[j][i]))
			}
		}
		X = append(X, row)
	}
	y := make([]*big.Rat, n)
	for i, v := range s.y {
		y[i] = new(big.Rat).SetFloat64(v)
	}
	return X, y
}

// exactLS solves the least-squares problem exactly in rationals (normal
// equations are exact here) and returns estimates, SDs, residual SD and R²
// as float64 (the float64 ceiling).
func exactLS(s nistLinSet) (est, sd []float64, resSD, r2 float64) {
	X, y := s.exactDesign()
	n, p := len(X), len(X[0])
	// A = [X'X | I | X'y]
	A := make([][]*big.Rat, p)
	for i := 0; i < p; i++ {
		A[i] = make([]*big.Rat, 2*p+1)
		for j := 0; j < p; j++ {
			sum := new(big.Rat)
			for r := 0; r < n; r++ {
				sum.Add(sum, new(big.Rat).Mul(X[r][i], X[r][j]))
			}
			A[i][j] = sum
		}
		for j := 0; j < p; j++ {
			if i == j {
				A[i][p+j] = big.NewRat(1, 1)
			} else {
				A[i][p+j] = new(big.Rat)
			}
		}
		sum := new(big.Rat)
		for r := 0; r < n; r++ {
			sum.Add(sum, new(big.Rat).Mul(X[r][i], y[r]))
		}
		A[i][2*p] = sum
	}
	for c := 0; c < p; c++ {
		piv := c
		for piv < p && A[piv][c].Sign() == 0 {
			piv++
		}
		A[c], A[piv] = A[piv], A[c]
		inv := new(big.Rat).Inv(A[c][c])
		for j := c; j <= 2*p; j++ {
			A[c][j] = new(big.Rat).Mul(A[c][j], inv)
		}
		for i := 0; i < p; i++ {
			if i == c || A[i][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(A[i][c])
			for j := c; j <= 2*p; j++ {
				A[i][j] = new(big.Rat).Sub(A[i][j], new(big.Rat).Mul(f, A[c][j]))
			}
		}
	}
	b := make([]*big.Rat, p)
	for i := range b {
		b[i] = A[i][2*p]
	}
	rss := new(big.Rat)
	for r := 0; r < n; r++ {
		f := new(big.Rat)
		for j := 0; j < p; j++ {
			f.Add(f, new(big.Rat).Mul(X[r][j], b[j]))
		}
		d := new(big.Rat).Sub(y[r], f)
		rss.Add(rss, new(big.Rat).Mul(d, d))
	}
	tss := new(big.Rat)
	mean := new(big.Rat)
	if s.intercept {
		for _, v := range y {
			mean.Add(mean, v)
		}
		mean.Quo(mean, big.NewRat(int64(n), 1))
	}
	for _, v := range y {
		d := new(big.Rat).Sub(v, mean)
		tss.Add(tss, new(big.Rat).Mul(d, d))
	}
	s2 := new(big.Rat).Quo(rss, big.NewRat(int64(n-p), 1))
	sqrt := func(r *big.Rat) float64 {
		f := new(big.Float).SetPrec(200).SetRat(r)
		v, _ := new(big.Float).SetPrec(200).Sqrt(f).Float64()
		return v
	}
	for j := 0; j < p; j++ {
		v, _ := b[j].Float64()
		est = append(est, v)
		sd = append(sd, sqrt(new(big.Rat).Mul(s2, A[j][p+j])))
	}
	resSD = sqrt(s2)
	r2, _ = new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Quo(rss, tss)).Float64()
	return
}

// nistLinearNames are the 11 NIST StRD linear regression sets.
var nistLinearNames = []string{"Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
	"Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"}

// TestNISTLinear checks all 11 NIST StRD linear regression sets through
// the formula API: estimates, their standard deviations, residual SD and
// R² must be within one digit of the float64 ceiling (the LRE of the exact
// rational solution on the float64-rounded data), and no term of these
// full-rank designs may be dropped (R's lm drops one of Filip's). The
// polynomial sets are fitted as users type them, both
// y ~ x + I(x^2) + … + I(x^d) and y ~ poly(x, d, raw = TRUE); the
// orthogonal y ~ poly(x, d) must give the same residual SD and R².
func TestNISTLinear(t *testing.T) {
	sets := loadNISTLinear(t)
	have := map[string]bool{}
	for _, s := range sets {
		have[s.name] = true
	}
	for _, nm := range nistLinearNames {
		if !have[nm] {
			t.Errorf("NIST linear set %s is missing (neither ../shared/reference nor testdata/nist_linreg_extra.json)", nm)
		}
	}
	t.Logf("%-9s %-7s %-26s %9s %9s %9s %9s   (min LRE achieved/float64 ceiling)", "set", "level", "formula", "est", "sd", "resSD", "R2")
	for _, s := range sets {
		f, fm := s.frameAndFormula()
		ce, csd, cres, cr2 := exactLS(s)
		forms := []string{fm}
		if s.degree >= 2 {
			forms = append(forms, fmt.Sprintf("y ~ poly(x, %d, raw = TRUE)", s.degree), fmt.Sprintf("y ~ poly(x, %d)", s.degree))
		}
		for _, fm := range forms {
			orth := strings.Contains(fm, "poly(") && !strings.Contains(fm, "raw")
			m, err := OLS(fm, f)
			if err != nil {
				t.Errorf("%s %s: %v", s.name, fm, err)
				continue
			}
			if m.Rank != len(s.est) || len(m.Coef) != len(s.est) {
				t.Errorf("%s %s: rank %d of %d coefficients, want %d (a term of a full-rank design was dropped)", s.name, fm, m.Rank, len(m.Coef), len(s.est))
				continue
			}
			minGot := [4]float64{15, 15, 15, 15}
			minCeil := [4]float64{15, 15, 15, 15}
			check := func(k int, what string, got, exact float64, certStr string) {
				cert := parseF(t, certStr)
				g, c := lre(got, cert), lre(exact, cert)
				if cert == 0 && orth {
					// an exact fit: the float64 orthogonal basis leaves
					// residuals of the rounding size of y
					bound := 16 * dblEps * math.Sqrt(sumSq(s.y)/float64(len(s.y)-len(s.est)))
					if got > bound {
						t.Errorf("%s %s %s: %.3g, want 0 to rounding (<= %.3g)", s.name, fm, what, got, bound)
					}
					t.Logf("%s %s %s: exact fit, got %.3g (rounding bound %.3g)", s.name, fm, what, got, bound)
					return
				}
				if cert == 0 {
					g = math.Min(15, -math.Log10(math.Abs(got)))
					c = math.Min(15, -math.Log10(math.Abs(exact)))
					if got == 0 {
						g = 15
					}
					if exact == 0 {
						c = 15
					}
				}
				minGot[k] = math.Min(minGot[k], g)
				minCeil[k] = math.Min(minCeil[k], c)
				if g < c-1 {
					t.Errorf("%s %s %s: LRE %.1f, float64 ceiling %.1f (got %.17g, exact %.17g, certified %s)", s.name, fm, what, g, c, got, exact, certStr)
				}
			}
			if !orth {
				for j := range s.est {
					check(0, "estimate "+m.Names[j], m.Coef[j], ce[j], s.est[j])
					check(1, "sd "+m.Names[j], m.StdErr[j], csd[j], s.sd[j])
				}
			}
			check(2, "residual sd", m.Sigma, cres, s.resSD)
			check(3, "R²", m.RSquared, cr2, s.r2)
			cell := func(k int) string {
				if orth && k < 2 {
					return "        -"
				}
				return fmt.Sprintf("%4.1f/%4.1f", minGot[k], minCeil[k])
			}
			t.Logf("%-9s %-7s %-26s %s %s %s %s", s.name, s.difficulty, strings.TrimPrefix(fm, "y ~ "), cell(0), cell(1), cell(2), cell(3))
		}
	}
}

// TestNISTLinearMatrix fits all 11 sets through the matrix interface with
// X built in float64 as a user builds it (an explicit column of ones where
// the model has an intercept; powers as rounded float64 products), and
// compares with the ceiling of exact arithmetic on that same matrix.
func TestNISTLinearMatrix(t *testing.T) {
	for _, s := range loadNISTLinear(t) {
		s.roundedPowers = true
		n := len(s.y)
		p := len(s.est)
		X := mat.NewDense(n, p, nil)
		for i := 0; i < n; i++ {
			c := 0
			if s.intercept {
				X.Set(i, 0, 1)
				c = 1
			}
			if s.degree > 0 {
				v := 1.0
				for k := 1; k <= s.degree; k++ {
					v *= s.x[0][i]
					X.Set(i, c, v)
					c++
				}
			} else {
				for j := range s.x {
					X.Set(i, c, s.x[j][i])
					c++
				}
			}
		}
		m, err := OLSMatrix(X, s.y, nil)
		if err != nil {
			t.Fatal(err)
		}
		if m.Rank != p {
			t.Fatalf("%s: rank %d, want %d", s.name, m.Rank, p)
		}
		ce, csd, cres, _ := exactLS(s)
		worst := 15.0
		for j := 0; j < p; j++ {
			cert := parseF(t, s.est[j])
			g, c := lre(m.Coef[j], cert), lre(ce[j], cert)
			worst = math.Min(worst, g-c)
			if g < c-1 {
				t.Errorf("%s (matrix) estimate %d: LRE %.1f, ceiling %.1f", s.name, j, g, c)
			}
			if e := relErr(m.StdErr[j], csd[j]); e > 1e-13 && csd[j] != 0 {
				t.Errorf("%s (matrix) sd %d: %.17g vs exact %.17g", s.name, j, m.StdErr[j], csd[j])
			}
		}
		if e := relErr(m.Sigma, cres); e > 1e-13 && cres != 0 {
			t.Errorf("%s (matrix) residual sd %.17g vs exact %.17g", s.name, m.Sigma, cres)
		}
		t.Logf("%-9s via OLSMatrix: worst LRE minus ceiling %.1f", s.name, worst)
	}
}
