package models

import (
	"fmt"
	"math"
	"strings"
)

const dblEps = 2.220446049250313e-16

// Family is a GLM error distribution with its link function, as R's
// family objects: binomial (logit, probit, cloglog), poisson (log,
// identity, sqrt), gaussian (identity, log, inverse) and Gamma (inverse,
// identity, log). Build one with Binomial, Poisson, Gaussian or Gamma.
type Family struct {
	// Name is R's family name ("binomial", "poisson", "gaussian", "Gamma").
	Name string
	// Link is the link function's name ("logit", "log", …).
	Link string

	linkfun, linkinv, muEta func(float64) float64
	// both returns linkinv(eta) and muEta(eta) from one evaluation of the
	// shared exponential, bitwise equal to calling them separately (set for
	// the logit and log links; nil otherwise)
	both            func(eta float64) (mu, muEta float64)
	variance        func(float64) float64
	devResid        func(y, mu, w float64) float64
	validMu         func(float64) bool
	validEta        func(float64) bool
	checkY          func(y []float64, rows []int) error
	fixedDispersion bool
}

// Binomial returns the binomial family for 0/1 responses (or proportions)
// with link "logit" (default when link is ""), "probit" or "cloglog".
func Binomial(link string) Family {
	if link == "" {
		link = "logit"
	}
	f := Family{Name: "binomial", Link: link, fixedDispersion: true,
		variance: func(mu float64) float64 { return mu * (1 - mu) },
		devResid: func(y, mu, w float64) float64 {
			return 2 * w * (yLogY(y, mu) + yLogY(1-y, 1-mu))
		},
		validMu:  func(mu float64) bool { return mu > 0 && mu < 1 && !math.IsNaN(mu) },
		validEta: func(float64) bool { return true },
		checkY: func(y []float64, rows []int) error {
			for i, v := range y {
				if v < 0 || v > 1 || math.IsNaN(v) {
					return fmt.Errorf("binomial response must be in [0, 1] (0/1 outcomes or proportions); row %d is %v", rowOf(rows, i), v)
				}
			}
			return nil
		}}
	setLink(&f)
	return f
}

// Poisson returns the Poisson family for counts with link "log" (default),
// "identity" or "sqrt".
func Poisson(link string) Family {
	if link == "" {
		link = "log"
	}
	f := Family{Name: "poisson", Link: link, fixedDispersion: true,
		variance: func(mu float64) float64 { return mu },
		devResid: func(y, mu, w float64) float64 {
			if y > 0 {
				return 2 * w * (y*math.Log(y/mu) - (y - mu))
			}
			return 2 * mu * w
		},
		validMu:  func(mu float64) bool { return mu > 0 && !math.IsInf(mu, 0) },
		validEta: func(float64) bool { return true },
		checkY: func(y []float64, rows []int) error {
			for i, v := range y {
				if v < 0 || math.IsNaN(v) {
					return fmt.Errorf("poisson response must be a count >= 0; row %d is %v", rowOf(rows, i), v)
				}
			}
			return nil
		}}
	setLink(&f)
	return f
}

// Gaussian returns the normal family with link "identity" (default), "log"
// or "inverse". With the identity link the fit equals OLS.
func Gaussian(link string) Family {
	if link == "" {
		link = "identity"
	}
	f := Family{Name: "gaussian", Link: link,
		variance: func(float64) float64 { return 1 },
		devResid: func(y, mu, w float64) float64 { return w * (y - mu) * (y - mu) },
		validMu:  func(float64) bool { return true },
		validEta: func(float64) bool { return true },
		checkY:   func([]float64, []int) error { return nil }}
	setLink(&f)
	return f
}

// Gamma returns the Gamma family for positive continuous responses with
// link "inverse" (default, R's canonical link), "log" or "identity".
func Gamma(link string) Family {
	if link == "" {
		link = "inverse"
	}
	f := Family{Name: "Gamma", Link: link,
		variance: func(mu float64) float64 { return mu * mu },
		devResid: func(y, mu, w float64) float64 {
			r := 1.0
			if y != 0 {
				r = y / mu
			}
			return -2 * w * (math.Log(r) - (y-mu)/mu)
		},
		validMu:  func(mu float64) bool { return mu > 0 && !math.IsInf(mu, 0) },
		validEta: func(eta float64) bool { return eta != 0 && !math.IsNaN(eta) },
		checkY: func(y []float64, rows []int) error {
			for i, v := range y {
				if !(v > 0) {
					return fmt.Errorf("Gamma response must be positive; row %d is %v", rowOf(rows, i), v)
				}
			}
			return nil
		}}
	setLink(&f)
	return f
}

func yLogY(y, mu float64) float64 {
	if y > 0 {
		return y * math.Log(y/mu)
	}
	return 0
}

// setLink installs the link functions with R's numerical safeguards.
func setLink(f *Family) {
	switch f.Link {
	case "logit":
		const thresh, mthresh = 30.0, -30.0
		f.linkfun = func(mu float64) float64 { return math.Log(mu / (1 - mu)) }
		f.linkinv = func(eta float64) float64 {
			var t float64
			switch {
			case eta < mthresh:
				t = dblEps
			case eta > thresh:
				t = 1 / dblEps
			default:
				t = math.Exp(eta)
			}
			return t / (1 + t)
		}
		f.muEta = func(eta float64) float64 {
			if eta > thresh || eta < mthresh {
				return dblEps
			}
			e := math.Exp(eta)
			return e / ((1 + e) * (1 + e))
		}
		f.both = func(eta float64) (float64, float64) {
			switch {
			case eta < mthresh:
				return dblEps / (1 + dblEps), dblEps
			case eta > thresh:
				t := 1 / dblEps
				return t / (1 + t), dblEps
			}
			e := math.Exp(eta)
			return e / (1 + e), e / ((1 + e) * (1 + e))
		}
	case "probit":
		thresh := -qNorm(dblEps)
		f.linkfun = qNorm
		f.linkinv = func(eta float64) float64 {
			return pNorm(math.Min(math.Max(eta, -thresh), thresh))
		}
		f.muEta = func(eta float64) float64 { return math.Max(dNorm(eta), dblEps) }
	case "cloglog":
		f.linkfun = func(mu float64) float64 { return math.Log(-math.Log(1 - mu)) }
		f.linkinv = func(eta float64) float64 {
			return math.Max(math.Min(-math.Expm1(-math.Exp(eta)), 1-dblEps), dblEps)
		}
		f.muEta = func(eta float64) float64 {
			eta = math.Min(eta, 700)
			return math.Max(math.Exp(eta)*math.Exp(-math.Exp(eta)), dblEps)
		}
	case "log":
		f.linkfun = math.Log
		f.linkinv = func(eta float64) float64 { return math.Max(math.Exp(eta), dblEps) }
		f.muEta = func(eta float64) float64 { return math.Max(math.Exp(eta), dblEps) }
		f.both = func(eta float64) (float64, float64) {
			m := math.Max(math.Exp(eta), dblEps)
			return m, m
		}
	case "identity":
		f.linkfun = func(mu float64) float64 { return mu }
		f.linkinv = func(eta float64) float64 { return eta }
		f.muEta = func(float64) float64 { return 1 }
	case "inverse":
		f.linkfun = func(mu float64) float64 { return 1 / mu }
		f.linkinv = func(eta float64) float64 { return 1 / eta }
		f.muEta = func(eta float64) float64 { return -1 / (eta * eta) }
	case "sqrt":
		f.linkfun = math.Sqrt
		f.linkinv = func(eta float64) float64 { return eta * eta }
		f.muEta = func(eta float64) float64 { return 2 * eta }
		f.validEta = func(eta float64) bool { return eta > 0 }
	default:
		f.linkfun = nil
	}
}

func (f Family) check() error {
	if f.Name == "" {
		return fmt.Errorf("no family given; use models.Binomial(\"logit\"), models.Poisson(\"log\"), models.Gaussian(\"identity\") or models.Gamma(\"inverse\")")
	}
	// the links R documents for each family (cauchit excepted); poisson(link =
	// "logit") fails in R too, but only once linkfun sees a mean above 1
	ok := map[string]string{"binomial": "logit, probit, cloglog, log", "poisson": "log, identity, sqrt", "gaussian": "identity, log, inverse", "Gamma": "inverse, log, identity"}
	allowed := f.linkfun != nil
	if list, known := ok[f.Name]; known && allowed {
		allowed = false
		for _, l := range strings.Split(list, ", ") {
			if l == f.Link {
				allowed = true
			}
		}
	}
	if !allowed {
		return fmt.Errorf("link %q is not available for the %s family (use %s)", f.Link, f.Name, ok[f.Name])
	}
	return nil
}

// mustart is R's family$initialize starting value for prior weight w.
func (f Family) mustart(y, w float64) float64 {
	switch f.Name {
	case "binomial":
		return (w*y + 0.5) / (w + 1)
	case "poisson":
		return y + 0.1
	}
	return y
}

// aic is R's family$aic (before adding 2·rank).
func (f Family) aic(y, mu, w []float64, dev float64) float64 {
	n := len(y)
	switch f.Name {
	case "binomial":
		s := 0.0
		for i := range y {
			wi := weightAt(w, i)
			if wi <= 0 {
				continue
			}
			// dbinom(round(m y), round(m), mu, log = TRUE) with m = wi;
			// R's round() takes halves to even (round(0.5) = 0)
			m := math.RoundToEven(wi)
			k := math.RoundToEven(wi * y[i])
			ll := 0.0
			if m != 1 { // log C(1, k) = 0 for 0/1 outcomes
				ll = lchoose(m, k)
			}
			if k > 0 {
				ll += k * math.Log(mu[i])
			}
			if m-k > 0 {
				ll += (m - k) * math.Log1p(-mu[i])
			}
			s += ll
		}
		return -2 * s
	case "poisson":
		s := 0.0
		for i := range y {
			if weightAt(w, i) != 0 && nonInteger(y[i]) {
				// dpois(y, mu, log = TRUE) is -Inf for a non-integer y
				// (R warns "non-integer x"), so R's AIC is Inf
				return math.Inf(1)
			}
			lg, _ := math.Lgamma(y[i] + 1)
			ll := -mu[i] - lg
			if y[i] > 0 {
				ll += y[i] * math.Log(mu[i])
			}
			s += ll * weightAt(w, i)
		}
		return -2 * s
	case "gaussian":
		// R's gaussian()$aic: n(log(2π dev/n) + 1) + 2 - Σ log w over all
		// rows (n counts zero-weight rows too, whose log 0 makes R's AIC Inf)
		nobs := float64(n)
		slw := 0.0
		if w != nil {
			for _, wi := range w {
				slw += math.Log(wi)
			}
		}
		return nobs*(math.Log(2*math.Pi*dev/nobs)+1) + 2 - slw
	case "Gamma":
		nw := 0.0
		for i := 0; i < n; i++ {
			nw += weightAt(w, i)
		}
		disp := dev / nw
		shape := 1 / disp
		s := 0.0
		for i := range y {
			scale := mu[i] * disp
			lg, _ := math.Lgamma(shape)
			ll := (shape-1)*math.Log(y[i]) - y[i]/scale - lg - shape*math.Log(scale)
			s += ll * weightAt(w, i)
		}
		return -2*s + 2
	}
	return math.NaN()
}

func weightAt(w []float64, i int) float64 {
	if w == nil {
		return 1
	}
	return w[i]
}

func lchoose(n, k float64) float64 {
	a, _ := math.Lgamma(n + 1)
	b, _ := math.Lgamma(k + 1)
	c, _ := math.Lgamma(n - k + 1)
	return a - b - c
}

// rowOf names observation i by its 1-based data-frame row (rows are the
// 0-based frame rows of the observations; nil for the matrix interface).
func rowOf(rows []int, i int) int {
	if i < len(rows) {
		return rows[i] + 1
	}
	return i + 1
}

// nonInteger is R's R_nonint test in dpois and dbinom:
// |x - round(x)| > 1e-7·max(1, |x|).
func nonInteger(x float64) bool {
	return math.Abs(x-math.RoundToEven(x)) > 1e-7*math.Max(1, math.Abs(x))
}
