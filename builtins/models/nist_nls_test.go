package models

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/frame"
)

type nistNLSSet struct {
	name   string
	expr   string
	resp   string    // response expression (default "y")
	x2     []float64 // second predictor (Nelson)
	x, y   []float64
	starts [2][]float64
	cert   []float64
	names  []string
}

func loadNISTNonlinear(t testing.TB) []nistNLSSet {
	var out []nistNLSSet
	for _, name := range []string{"Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b",
		"Kirby2", "Hahn1", "Nelson", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c", "Misra1d", "Roszman1", "ENSO",
		"MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43", "Bennett5"} {
		v := loadJSONMaybe(filepath.Join(refDir(t), "strd", "json", name+".json"))
		if v == nil {
			continue
		}
		m := v["model"].(map[string]any)
		s := nistNLSSet{name: name, expr: m["expr"].(string)}
		if len(m["predictors"].([]any)) != 1 {
			continue
		}
		s.y = nums(v["y"])
		for _, r := range v["x"].([]any) {
			s.x = append(s.x, num(r.([]any)[0]))
		}
		for _, p := range v["certified"].(map[string]any)["parameters"].([]any) {
			pm := p.(map[string]any)
			s.names = append(s.names, pm["name"].(string))
			s.starts[0] = append(s.starts[0], num(pm["start1"].(map[string]any)["value"]))
			s.starts[1] = append(s.starts[1], num(pm["start2"].(map[string]any)["value"]))
			s.cert = append(s.cert, num(pm["estimate"].(map[string]any)["value"]))
		}
		out = append(out, s)
	}
	ex := loadJSON(t, filepath.Join("testdata", "nist_nls_extra.json"))
	for name, e := range ex["sets"].(map[string]any) {
		m := e.(map[string]any)
		dup := false
		for _, s := range out {
			dup = dup || s.name == name
		}
		if dup {
			continue
		}
		s := nistNLSSet{name: name, expr: m["expr"].(string), y: nums(m["y"]), cert: nums(m["certified"])}
		if r, ok := m["response"].(string); ok {
			s.resp = r
			s.x, s.x2 = nums(m["x1"]), nums(m["x2"])
		} else {
			s.x = nums(m["x"])
		}
		s.starts[0], s.starts[1] = nums(m["start1"]), nums(m["start2"])
		for j := range s.cert {
			s.names = append(s.names, fmt.Sprintf("b%d", j+1))
		}
		out = append(out, s)
	}
	return out
}

// TestNISTNonlinear fits every NIST nonlinear set from both start vectors
// and requires LRE >= 7 on every parameter (no false convergence: a fit
// that reports convergence must be right, and every fit must converge).
func TestNISTNonlinear(t *testing.T) {
	sets := loadNISTNonlinear(t)
	if len(sets) < 8 {
		t.Fatalf("only %d nonlinear sets", len(sets))
	}
	for _, s := range sets {
		f := frame.New("x", s.x, "y", s.y)
		resp := "y"
		if s.resp != "" {
			f = frame.New("x1", s.x, "x2", s.x2, "y", s.y)
			resp = s.resp
		}
		for k := 0; k < 2; k++ {
			start := map[string]float64{}
			for j, nm := range s.names {
				start[nm] = s.starts[k][j]
			}
			fit, err := NLSFormula(resp+" ~ "+s.expr, f, start)
			if fit == nil {
				t.Errorf("%s start%d: %v", s.name, k+1, err)
				continue
			}
			minLRE := 15.0
			for j, nm := range s.names {
				var got float64
				for i, n := range fit.Names {
					if n == nm {
						got = fit.Coef[i]
					}
				}
				minLRE = math.Min(minLRE, lre(got, s.cert[j]))
			}
			t.Logf("%-9s start%d: LRE %4.1f  iter %4d evals %5d  %s", s.name, k+1, minLRE, fit.Iterations, fit.Evaluations, fit.Message)
			if err != nil {
				t.Errorf("%s start%d: did not converge: %v (min LRE %.1f)", s.name, k+1, err, minLRE)
				continue
			}
			if minLRE < 7 {
				t.Errorf("%s start%d: false convergence: min LRE %.1f (%s) coef %v", s.name, k+1, minLRE, fit.Message, fit.Coef)
			}
		}
	}
	_ = strings.TrimSpace
}

// TestNISTNonlinearGoFunc fits the harder sets with the model given as a
// Go function (numeric Jacobian), as users do at the prompt.
func TestNISTNonlinearGoFunc(t *testing.T) {
	models := map[string]func(x float64, b []float64) float64{
		"MGH09": func(x float64, b []float64) float64 { return b[0] * (x*x + x*b[1]) / (x*x + x*b[2] + b[3]) },
		"Thurber": func(x float64, b []float64) float64 {
			return (b[0] + b[1]*x + b[2]*x*x + b[3]*x*x*x) / (1 + b[4]*x + b[5]*x*x + b[6]*x*x*x)
		},
		"Hahn1": func(x float64, b []float64) float64 {
			return (b[0] + b[1]*x + b[2]*x*x + b[3]*x*x*x) / (1 + b[4]*x + b[5]*x*x + b[6]*x*x*x)
		},
		"BoxBOD":   func(x float64, b []float64) float64 { return b[0] * (1 - math.Exp(-b[1]*x)) },
		"MGH10":    func(x float64, b []float64) float64 { return b[0] * math.Exp(b[1]/(x+b[2])) },
		"Eckerle4": func(x float64, b []float64) float64 { return b[0] / b[1] * math.Exp(-0.5*math.Pow((x-b[2])/b[1], 2)) },
		"Bennett5": func(x float64, b []float64) float64 { return b[0] * math.Pow(b[1]+x, -1/b[2]) },
		"Rat43":    func(x float64, b []float64) float64 { return b[0] / math.Pow(1+math.Exp(b[1]-b[2]*x), 1/b[3]) },
		"Misra1a":  func(x float64, b []float64) float64 { return b[0] * (1 - math.Exp(-b[1]*x)) },
	}
	for _, s := range loadNISTNonlinear(t) {
		f, ok := models[s.name]
		if !ok {
			continue
		}
		for k := 0; k < 2; k++ {
			fit, err := NLSCurve(f, s.x, s.y, s.starts[k], nil)
			if fit == nil {
				t.Errorf("%s start%d: %v", s.name, k+1, err)
				continue
			}
			minLRE := 15.0
			for j := range s.cert {
				minLRE = math.Min(minLRE, lre(fit.Coef[j], s.cert[j]))
			}
			t.Logf("%-9s start%d (Go func): LRE %4.1f  %s", s.name, k+1, minLRE, fit.Message)
			if err != nil {
				t.Errorf("%s start%d: %v", s.name, k+1, err)
			} else if minLRE < 7 {
				t.Errorf("%s start%d: false convergence, LRE %.1f", s.name, k+1, minLRE)
			}
		}
	}
}
