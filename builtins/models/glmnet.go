package models

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"

	"github.com/gostat/gostat/builtins/cell"
	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/builtins/internal/cd"
	"github.com/gostat/gostat/builtins/internal/rfmt"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/floats"
)

// Regularised regression (ridge, lasso, elastic net) on standardised
// predictors. Every predictor is z-scored, z = (x - mean)/sd with the
// population sd (divisor n, as scikit-learn's StandardScaler and glmnet);
// the response is not scaled; the intercept is not penalised. The elastic
// net objective (glmnet, scikit-learn ElasticNet) is
//
//	1/(2n)·Σ(y_i - b0 - z_i'b)² + λ·(α·||b||₁ + (1-α)/2·||b||²)
//
// with α = 1 the lasso and α = 0 ridge; for logistic models the first term
// is -(1/n)·log-likelihood. Coefficients are reported on the standardised
// scale (CoefStd) and transformed back to the original scale (Coef,
// Intercept). The minimisation is the shared coordinate-descent core
// builtins/internal/cd (also behind ml's Lasso and ElasticNet); this file
// standardises, builds the λ path, runs IRLS for the binomial family and
// cross-validates.

// Penalized is one regularised fit at a single penalty.
type Penalized struct {
	// Method describes the fit ("ridge", "lasso", "elastic net (l1 ratio 0.5)").
	Method string
	// Family is "gaussian" or "binomial".
	Family string
	// Names of the predictors.
	Names []string
	// Lambda is the penalty λ and L1Ratio the mixing α of the objective.
	Lambda, L1Ratio float64
	// Intercept and Coef on the original scale of the predictors.
	Intercept float64
	Coef      []float64
	// CoefStd are the coefficients of the z-scored predictors.
	CoefStd []float64
	// Mean and SD (population) used to standardise each predictor.
	Mean, SD []float64
	// Iterations of coordinate descent (passes over the predictors).
	Iterations int
	// Objective is the value of the minimised objective.
	Objective float64
	// NObs observations were used; NDropped rows had missing values.
	NObs, NDropped int
}

// PenalizedPath is a regularisation path: fits over a decreasing sequence
// of λ, optionally with cross-validation.
type PenalizedPath struct {
	// Method ("lasso", "ridge", "elastic net …"), Family ("gaussian" or
	// "binomial"), predictor Names and the mixing L1Ratio.
	Method  string
	Family  string
	Names   []string
	L1Ratio float64
	// Lambda is the decreasing penalty sequence.
	Lambda []float64
	// Intercept[k] and Coef[k][j] on the original scale for Lambda[k];
	// CoefStd[k][j] on the standardised scale (what path plots show).
	Intercept []float64
	Coef      [][]float64
	CoefStd   [][]float64
	// DF[k] counts the non-zero coefficients; DevRatio[k] is the fraction of
	// the null deviance explained.
	DF       []int
	DevRatio []float64
	// Cross-validation (only from CVPenalized): mean and standard error of
	// the held-out loss (mean squared error, or binomial deviance) per λ,
	// and the λ with the smallest mean (LambdaMin) and the largest λ within
	// one standard error of it (Lambda1SE).
	CVMean, CVSE         []float64
	LambdaMin, Lambda1SE float64
	IndexMin, Index1SE   int
	NFolds               int
	// Mean and SD (population) used to standardise each predictor.
	Mean, SD []float64
	// NObs observations were used; NDropped rows had missing values.
	NObs, NDropped int
}

// PathOptions configure PenalizedPathFit and CVPenalized.
type PathOptions struct {
	// L1Ratio is the elastic-net mixing α in [0, 1] (1: lasso, 0: ridge).
	L1Ratio float64
	// Family is "gaussian" (default) or "binomial" (0/1 response).
	Family string
	// NLambda is the path length (default 100); LambdaMinRatio the ratio of
	// the smallest to the largest λ (default 1e-4 if n > p, else 1e-2).
	NLambda        int
	LambdaMinRatio float64
	// Lambda, if set, is used instead of the automatic sequence.
	Lambda []float64
	// NFolds for cross-validation (default 10) and the Seed of the random
	// fold assignment (default 1).
	NFolds int
	Seed   int64
	// Tol is the coordinate-descent tolerance (default 1e-12) on the
	// largest update's change of the fitted values, √h_j·|Δb_j| with
	// h_j = Σ_i w_i z_ij² (glmnet's rule, internal/cd.FitChange): for the
	// Gaussian family h_j = 1, the largest coefficient change; for the
	// binomial family it also bounds the IRLS deviance change,
	// |Δdev| < Tol·(|dev| + 0.1).
	Tol float64
}

// penData is the standardised problem.
type penData struct {
	n, p  int
	x     [][]float64 // predictor columns as given
	z     [][]float64 // standardised predictor columns
	y     []float64
	mean  []float64
	sd    []float64
	ybar  float64
	names []string
	// nDropped rows had missing values; respLevels are the levels of a
	// categorical response (nil for a numeric one)
	nDropped   int
	respLevels []string
}

func standardize(cols [][]float64, y []float64, names []string) (*penData, error) {
	n := len(y)
	pd := &penData{n: n, p: len(cols), x: cols, y: y, names: names}
	for j, c := range cols {
		m := 0.0
		for _, v := range c {
			m += v
		}
		m /= float64(n)
		s := 0.0
		for _, v := range c {
			s += (v - m) * (v - m)
		}
		sd := math.Sqrt(s / float64(n))
		if sd == 0 {
			return nil, fmt.Errorf("predictor %q is constant; remove it before regularised regression", names[j])
		}
		z := make([]float64, n)
		for i, v := range c {
			z[i] = (v - m) / sd
		}
		pd.z = append(pd.z, z)
		pd.mean = append(pd.mean, m)
		pd.sd = append(pd.sd, sd)
	}
	for _, v := range y {
		pd.ybar += v
	}
	pd.ybar /= float64(n)
	return pd, nil
}

// penDesign builds the predictors of a formula (without the intercept
// column) for regularised fits.
func penDesign(formula string, f *frame.Frame) (*penData, error) {
	d, err := buildDesign(formula, f, true)
	if err != nil {
		return nil, err
	}
	var cols [][]float64
	var names []string
	for j, nm := range d.names {
		if nm == "(Intercept)" {
			continue
		}
		cols = append(cols, d.cols[j])
		names = append(names, nm)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("models: formula %q has no predictors", formula)
	}
	pd, err := standardize(cols, d.y, names)
	if err != nil {
		return nil, err
	}
	pd.nDropped = d.nDropped
	pd.respLevels = d.levels["\x00response"]
	return pd, nil
}

// counted records the observations used and dropped on a fit.
func (pd *penData) counted(p *Penalized) *Penalized {
	p.NObs, p.NDropped = pd.n, pd.nDropped
	return p
}

// droppedLine is R's "(k observations deleted due to missingness)".
func droppedLine(k int) string {
	if k <= 0 {
		return ""
	}
	s := "s"
	if k == 1 {
		s = ""
	}
	return fmt.Sprintf("  (%d observation%s deleted due to missingness)\n", k, s)
}

// checkResponse refuses a categorical response for the Gaussian family (as
// OLS does) and one with more than two levels for the binomial family (as
// glmnet: "more than two classes").
func (pd *penData) checkResponse(op, fam string) error {
	lv := pd.respLevels
	if lv == nil {
		return nil
	}
	shown := strings.Join(lv, ", ")
	if len(lv) > 6 {
		shown = fmt.Sprintf("%s, … (%d levels)", strings.Join(lv[:5], ", "), len(lv))
	}
	if fam != "binomial" {
		return fmt.Errorf("%s: the response is categorical (levels %s); a Gaussian penalized regression needs a numeric response — for a two-level outcome use models.LogisticLasso or PathOptions{Family: \"binomial\"}", op, shown)
	}
	if len(lv) > 2 {
		return fmt.Errorf("%s: the response has %d classes (levels %s); penalized logistic regression needs two — recode it to two levels first", op, len(lv), shown)
	}
	return nil
}

// cdControl is glmnet's convergence rule (the largest update moves the
// fitted values by less than tol, in root mean square), polling Ctrl-C.
func cdControl(tol float64) cd.Control {
	return cd.Control{Tol: tol, Rule: cd.FitChange, Stop: cell.Interrupted}
}

// gaussianSolver returns the solver of the Gaussian elastic net on the
// centred response, starting at b: covariance updates below 500
// predictors, naive updates above (glmnet's type.gaussian default).
func (pd *penData) gaussianSolver(b []float64) *cd.Solver {
	yc := pd.centredY()
	if pd.p < 500 {
		return cd.NewCovariance(pd.z, nil, yc, b)
	}
	for j, z := range pd.z {
		floats.AddScaled(yc, -b[j], z)
	}
	return cd.NewNaive(pd.z, nil, yc, b, false)
}

// logitWork holds the IRLS state of penalised logistic regression; one
// serves every λ of a path.
type logitWork struct {
	eta, w, zr []float64
	s          *cd.Solver
}

// cdLogistic fits penalised logistic regression at λ by IRLS with an inner
// weighted coordinate descent (glmnet's algorithm, FHT 2010 §3), from b0,
// b: each outer step replaces -(1/n)·loglik by its quadratic approximation
// (1/2n)Σ v_i (z_i − b0 − z_iᵀb)² at the current fit, with weights
// v_i = p_i(1 − p_i) (at least 1e-5) and working response z_i = η_i +
// (y_i − p_i)/v_i, until the deviance changes by less than
// tol·(|dev| + 0.1). It returns the coordinate-descent passes.
func (pd *penData) cdLogistic(lw *logitWork, b0 *float64, b []float64, lambda, alpha, tol float64) int {
	n := pd.n
	nf := float64(n)
	if lw.eta == nil {
		lw.eta, lw.w, lw.zr = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	eta, w, zr := lw.eta, lw.w, lw.zr
	total := 0
	prevDev := math.Inf(1)
	for outer := 0; outer < 100 && !cell.Interrupted(); outer++ {
		pd.linPred(*b0, b, eta)
		dev := 0.0
		for i, y := range pd.y {
			p := 1 / (1 + math.Exp(-eta[i]))
			p = math.Min(math.Max(p, 1e-10), 1-1e-10)
			v := math.Max(p*(1-p), 1e-5)
			w[i] = v / nf
			zr[i] = (y - p) / v // working residual z - η
			if y > 0 {
				dev -= y * math.Log(p)
			}
			if y < 1 {
				dev -= (1 - y) * math.Log(1-p)
			}
		}
		if math.Abs(dev-prevDev) < tol*(math.Abs(dev)+0.1) && outer > 0 {
			break
		}
		prevDev = dev
		if lw.s == nil {
			lw.s = cd.NewNaive(pd.z, w, zr, b, true)
		} else {
			lw.s.Reweight()
		}
		lw.s.B0 = *b0
		it, _ := lw.s.Solve(lambda, alpha, cdControl(tol))
		*b0 = lw.s.B0
		total += it
	}
	return total
}

// linPred sets out to b0 + Σ_j z_j b_j (allocating it when nil).
func (pd *penData) linPred(b0 float64, b, out []float64) []float64 {
	if out == nil {
		out = make([]float64, pd.n)
	}
	for i := range out {
		out[i] = b0
	}
	for j, z := range pd.z {
		if b[j] != 0 {
			floats.AddScaled(out, b[j], z)
		}
	}
	return out
}

// lambdaMax is the smallest λ at which every coefficient is zero,
// max_j |⟨z_j, y − ȳ⟩|/n / α (α at least 1e-3), computed as the solver
// computes its gradient and rounded up so that λα is not below it.
func (pd *penData) lambdaMax(alpha float64) float64 {
	a := math.Max(alpha, 1e-3)
	yc := pd.centredY()
	scale := 1 / float64(pd.n)
	mx := 0.0
	for _, z := range pd.z {
		mx = math.Max(mx, math.Abs(floats.Dot(z, yc)*scale))
	}
	l := mx / a
	for l*a < mx {
		l = math.Nextafter(l, math.Inf(1))
	}
	return l
}

func (pd *penData) centredY() []float64 {
	yc := make([]float64, pd.n)
	for i, v := range pd.y {
		yc[i] = v - pd.ybar
	}
	return yc
}

// origScale returns the intercept and coefficients on the original scale
// of the predictors: b_j/sd_j and b0 − Σ_j b_j·mean_j/sd_j.
func (pd *penData) origScale(b0 float64, b []float64) (float64, []float64) {
	coef := make([]float64, pd.p)
	for j := range b {
		coef[j] = b[j] / pd.sd[j]
		b0 -= coef[j] * pd.mean[j]
	}
	return b0, coef
}

// toPenalized packages a fit with its objective, deviance/(2n) + λ·penalty.
func (pd *penData) toPenalized(method, fam string, lambda, alpha, b0 float64, b []float64, iters int) *Penalized {
	out := &Penalized{Method: method, Family: fam, Names: pd.names, Lambda: lambda, L1Ratio: alpha,
		CoefStd: append([]float64(nil), b...), Mean: pd.mean, SD: pd.sd, Iterations: iters}
	out.Intercept, out.Coef = pd.origScale(b0, b)
	pen := 0.0
	for _, v := range b {
		pen += alpha*math.Abs(v) + (1-alpha)/2*v*v
	}
	out.Objective = pd.deviance(fam, pd.linPred(b0, b, nil))/float64(2*pd.n) + lambda*pen
	return out
}

func (pd *penData) fitAt(lambda, alpha, tol float64, fam string) (float64, []float64, int) {
	b := make([]float64, pd.p)
	if fam == "binomial" {
		b0 := math.Log(pd.ybar / (1 - pd.ybar))
		it := pd.cdLogistic(&logitWork{}, &b0, b, lambda, alpha, tol)
		return b0, b, it
	}
	it, _ := pd.gaussianSolver(b).Solve(lambda, alpha, cdControl(tol))
	return pd.ybar, b, it
}

// Ridge fits ridge regression with scikit-learn's Ridge objective
// ||y - b0 - Zb||² + alpha·||b||² on z-scored predictors (closed form by
// QR of [Z; √alpha·I], no iteration). This is the elastic net with α = 0
// and λ = alpha/n.
func Ridge(formula string, f *frame.Frame, alpha float64) (p *Penalized, err error) {
	defer recoverErr("models.Ridge", &err)
	if !(alpha >= 0) {
		return nil, fmt.Errorf("models.Ridge: alpha must be >= 0, got %v", alpha)
	}
	pd, err := penDesign(formula, f)
	if err != nil {
		return nil, err
	}
	if err := pd.checkResponse("models.Ridge", "gaussian"); err != nil {
		return nil, err
	}
	return pd.counted(pd.ridge(alpha)), nil
}

func (pd *penData) ridge(alpha float64) *Penalized {
	n, p := pd.n, pd.p
	cols := make([][]float64, p)
	for j := range cols {
		c := make([]float64, n+p)
		copy(c, pd.z[j])
		c[n+j] = math.Sqrt(alpha)
		cols[j] = c
	}
	y := make([]float64, n+p)
	for i, v := range pd.y {
		y[i] = v - pd.ybar
	}
	fit := solveLS(lsProblem{n: n + p, p: p, cols: cols, y: y, tol: -1})
	b := make([]float64, p)
	for j := range b {
		b[j] = fit.coef[j]
		if math.IsNaN(b[j]) {
			b[j] = 0
		}
	}
	return pd.toPenalized(fmt.Sprintf("ridge (alpha %g)", alpha), "gaussian", alpha/float64(n), 0, pd.ybar, b, 0)
}

// Lasso fits the lasso with scikit-learn's objective
// 1/(2n)·||y - b0 - Zb||² + alpha·||b||₁ on z-scored predictors, by cyclic
// coordinate descent to a coefficient change below 1e-13.
func Lasso(formula string, f *frame.Frame, alpha float64) (*Penalized, error) {
	return ElasticNet(formula, f, alpha, 1)
}

// ElasticNet fits the elastic net with scikit-learn's ElasticNet objective
// 1/(2n)·||y - b0 - Zb||² + alpha·l1Ratio·||b||₁ + alpha·(1-l1Ratio)/2·||b||²
// (glmnet's with λ = alpha and α = l1Ratio) on z-scored predictors.
func ElasticNet(formula string, f *frame.Frame, alpha, l1Ratio float64) (p *Penalized, err error) {
	defer recoverErr("models.ElasticNet", &err)
	if !(alpha >= 0) || !(l1Ratio >= 0 && l1Ratio <= 1) {
		return nil, fmt.Errorf("models.ElasticNet: need alpha >= 0 and 0 <= l1Ratio <= 1, got %v and %v", alpha, l1Ratio)
	}
	pd, err := penDesign(formula, f)
	if err != nil {
		return nil, err
	}
	if err := pd.checkResponse("models.ElasticNet", "gaussian"); err != nil {
		return nil, err
	}
	b0, b, it := pd.fitAt(alpha, l1Ratio, 1e-13, "gaussian")
	method := "lasso"
	if l1Ratio < 1 {
		method = fmt.Sprintf("elastic net (l1 ratio %g)", l1Ratio)
	}
	return pd.counted(pd.toPenalized(fmt.Sprintf("%s (alpha %g)", method, alpha), "gaussian", alpha, l1Ratio, b0, b, it)), nil
}

// LogisticLasso fits L1/elastic-net penalised logistic regression at λ
// (objective -(1/n)·loglik + λ·(α||b||₁ + (1-α)/2||b||²)).
func LogisticLasso(formula string, f *frame.Frame, lambda, l1Ratio float64) (p *Penalized, err error) {
	defer recoverErr("models.LogisticLasso", &err)
	pd, err := penDesign(formula, f)
	if err != nil {
		return nil, err
	}
	if err := pd.checkResponse("models.LogisticLasso", "binomial"); err != nil {
		return nil, err
	}
	if err := pd.checkBinary(); err != nil {
		return nil, err
	}
	b0, b, it := pd.fitAt(lambda, l1Ratio, 1e-12, "binomial")
	return pd.counted(pd.toPenalized(fmt.Sprintf("penalized logistic (lambda %g, l1 ratio %g)", lambda, l1Ratio), "binomial", lambda, l1Ratio, b0, b, it)), nil
}

func (pd *penData) checkBinary() error {
	for i, v := range pd.y {
		if v != 0 && v != 1 {
			return fmt.Errorf("models: binomial family needs a 0/1 response; row %d is %v", i+1, v)
		}
	}
	if pd.ybar == 0 || pd.ybar == 1 {
		return fmt.Errorf("models: the response has only one class")
	}
	return nil
}

// PenalizedPathFit computes the regularisation path of the elastic net
// (opt.L1Ratio; 1 = lasso) over a decreasing λ sequence, with warm starts,
// as glmnet.
func PenalizedPathFit(formula string, f *frame.Frame, opt PathOptions) (p *PenalizedPath, err error) {
	defer recoverErr("models.PenalizedPathFit", &err)
	pd, err := penDesign(formula, f)
	if err != nil {
		return nil, err
	}
	if err := pd.checkResponse("models.PenalizedPathFit", opt.Family); err != nil {
		return nil, err
	}
	p, err = pd.path(opt)
	if p != nil {
		p.NObs, p.NDropped = pd.n, pd.nDropped
	}
	return p, err
}

func (pd *penData) path(opt PathOptions) (*PenalizedPath, error) {
	fam := opt.Family
	if fam == "" {
		fam = "gaussian"
	}
	if fam != "gaussian" && fam != "binomial" {
		return nil, fmt.Errorf("models: family must be \"gaussian\" or \"binomial\", not %q", fam)
	}
	if fam == "binomial" {
		if err := pd.checkBinary(); err != nil {
			return nil, err
		}
	}
	alpha := opt.L1Ratio
	if !(alpha >= 0 && alpha <= 1) {
		return nil, fmt.Errorf("models: L1Ratio must be in [0, 1], got %v", alpha)
	}
	tol := opt.Tol
	if tol <= 0 {
		tol = 1e-12
	}
	lams := opt.Lambda
	if lams == nil {
		nl := opt.NLambda
		if nl <= 0 {
			nl = 100
		}
		ratio := opt.LambdaMinRatio
		if ratio <= 0 {
			ratio = 1e-4
			if pd.n <= pd.p {
				ratio = 1e-2
			}
		}
		lmax := pd.lambdaMax(alpha)
		for k := 0; k < nl; k++ {
			lams = append(lams, lmax*math.Pow(ratio, float64(k)/float64(nl-1)))
		}
	}
	method := "lasso"
	if alpha == 0 {
		method = "ridge"
	} else if alpha < 1 {
		method = fmt.Sprintf("elastic net (l1 ratio %g)", alpha)
	}
	out := &PenalizedPath{Method: method, Family: fam, Names: pd.names, L1Ratio: alpha, Lambda: lams, Mean: pd.mean, SD: pd.sd}
	b := make([]float64, pd.p)
	b0 := pd.ybar
	var gs *cd.Solver
	var lw logitWork
	if fam == "binomial" {
		b0 = math.Log(pd.ybar / (1 - pd.ybar))
	} else {
		gs = pd.gaussianSolver(b)
	}
	eta := pd.linPred(b0, b, nil)
	nullDev := pd.deviance(fam, eta)
	for k, lam := range lams {
		if cell.Interrupted() {
			return nil, cell.Context().Err()
		}
		cell.Progress("regularisation path", k, len(lams))
		if fam == "binomial" {
			pd.cdLogistic(&lw, &b0, b, lam, alpha, tol)
		} else {
			gs.Solve(lam, alpha, cdControl(tol))
		}
		icpt, coef := pd.origScale(b0, b)
		out.Intercept = append(out.Intercept, icpt)
		out.Coef = append(out.Coef, coef)
		out.CoefStd = append(out.CoefStd, append([]float64(nil), b...))
		df := 0
		for _, v := range b {
			if v != 0 {
				df++
			}
		}
		out.DF = append(out.DF, df)
		out.DevRatio = append(out.DevRatio, 1-pd.deviance(fam, pd.linPred(b0, b, eta))/nullDev)
	}
	return out, nil
}

// deviance is Σ(y − η)² (Gaussian) or −2·log-likelihood (binomial) at the
// linear predictor η.
func (pd *penData) deviance(fam string, eta []float64) float64 {
	s := 0.0
	for i, y := range pd.y {
		e := eta[i]
		if fam == "binomial" {
			p := 1 / (1 + math.Exp(-e))
			if y > 0 {
				s -= 2 * math.Log(p)
			} else {
				s -= 2 * math.Log(1-p)
			}
		} else {
			s += (y - e) * (y - e)
		}
	}
	return s
}

// CVPenalized computes the path and chooses λ by K-fold cross-validation
// (opt.NFolds, default 10, folds assigned at random with opt.Seed):
// LambdaMin minimises the mean held-out loss (mean squared error, or
// binomial deviance), Lambda1SE is the largest λ whose mean loss is within
// one standard error of that minimum (glmnet's lambda.1se).
func CVPenalized(formula string, f *frame.Frame, opt PathOptions) (p *PenalizedPath, err error) {
	defer recoverErr("models.CVPenalized", &err)
	pd, err := penDesign(formula, f)
	if err != nil {
		return nil, err
	}
	if err := pd.checkResponse("models.CVPenalized", opt.Family); err != nil {
		return nil, err
	}
	full, err := pd.path(opt)
	if err != nil {
		return nil, err
	}
	full.NObs, full.NDropped = pd.n, pd.nDropped
	k := opt.NFolds
	if k <= 0 {
		k = 10
	}
	if k > pd.n {
		k = pd.n
	}
	if k < 3 {
		return nil, fmt.Errorf("models.CVPenalized: need at least 3 folds (have %d observations)", pd.n)
	}
	seed := opt.Seed
	if seed == 0 {
		seed = 1
	}
	perm := rand.New(rand.NewSource(seed)).Perm(pd.n)
	fold := make([]int, pd.n)
	for i, r := range perm {
		fold[r] = i % k
	}
	nl := len(full.Lambda)
	loss := make([][]float64, k) // fold mean loss per lambda
	size := make([]float64, k)
	cols := pd.x
	for fk := 0; fk < k; fk++ {
		var te []int
		cs := make([][]float64, pd.p)
		var y []float64
		for i := 0; i < pd.n; i++ {
			if fold[i] == fk {
				te = append(te, i)
				continue
			}
			for j := range cs {
				cs[j] = append(cs[j], cols[j][i])
			}
			y = append(y, pd.y[i])
		}
		tpd, err := standardize(cs, y, pd.names)
		if err != nil {
			return nil, fmt.Errorf("models.CVPenalized: fold %d: %v", fk+1, err)
		}
		o := opt
		o.Lambda = full.Lambda
		tp, err := tpd.path(o)
		if err != nil {
			return nil, fmt.Errorf("models.CVPenalized: fold %d: %v", fk+1, err)
		}
		loss[fk] = make([]float64, nl)
		size[fk] = float64(len(te))
		for l := 0; l < nl; l++ {
			s := 0.0
			for _, i := range te {
				e := tp.Intercept[l]
				for j := range cols {
					e += cols[j][i] * tp.Coef[l][j]
				}
				if full.Family == "binomial" {
					p := 1 / (1 + math.Exp(-e))
					p = math.Min(math.Max(p, 1e-5), 1-1e-5)
					if pd.y[i] > 0 {
						s -= 2 * math.Log(p)
					} else {
						s -= 2 * math.Log(1-p)
					}
				} else {
					s += (pd.y[i] - e) * (pd.y[i] - e)
				}
			}
			loss[fk][l] = s / float64(len(te))
		}
	}
	full.NFolds = k
	full.CVMean = make([]float64, nl)
	full.CVSE = make([]float64, nl)
	tw := 0.0
	for _, s := range size {
		tw += s
	}
	for l := 0; l < nl; l++ {
		m := 0.0
		for fk := 0; fk < k; fk++ {
			m += size[fk] * loss[fk][l]
		}
		m /= tw
		v := 0.0
		for fk := 0; fk < k; fk++ {
			d := loss[fk][l] - m
			v += size[fk] * d * d
		}
		full.CVMean[l] = m
		full.CVSE[l] = math.Sqrt(v / tw / float64(k-1))
	}
	best := 0
	for l := range full.CVMean {
		if full.CVMean[l] < full.CVMean[best] {
			best = l
		}
	}
	full.IndexMin, full.LambdaMin = best, full.Lambda[best]
	thr := full.CVMean[best] + full.CVSE[best]
	se1 := best
	for l := 0; l <= best; l++ {
		if full.CVMean[l] <= thr {
			se1 = l
			break
		}
	}
	full.Index1SE, full.Lambda1SE = se1, full.Lambda[se1]
	return full, nil
}

// At returns the fit on the path nearest to λ.
func (p *PenalizedPath) At(lambda float64) *Penalized {
	k := 0
	for i, l := range p.Lambda {
		if math.Abs(math.Log(l/lambda)) < math.Abs(math.Log(p.Lambda[k]/lambda)) {
			k = i
		}
	}
	return &Penalized{Method: p.Method, Family: p.Family, Names: p.Names, Lambda: p.Lambda[k], L1Ratio: p.L1Ratio,
		Intercept: p.Intercept[k], Coef: p.Coef[k], CoefStd: p.CoefStd[k], Mean: p.Mean, SD: p.SD}
}

// String returns the display at display.Plain.
func (p *Penalized) String() string { return p.Display(display.Plain).Text }

// Display lists the coefficients on the original and standardised scales.
func (p *Penalized) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("nil", "<nil *models.Penalized>\n")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s family, lambda = %s\n%s\n", p.Method, p.Family, rfmt.Num(p.Lambda, 4), droppedLine(p.NDropped))
	coefColumns(&b, p.Names, "coef", "standardized",
		append([]float64{p.Intercept}, p.Coef...), append([]float64{math.NaN()}, p.CoefStd...))
	if p.Objective != 0 {
		fmt.Fprintf(&b, "\nObjective: %s", rfmt.Num(p.Objective, 10))
		if p.Iterations > 0 {
			fmt.Fprintf(&b, " after %d coordinate-descent passes", p.Iterations)
		}
		b.WriteString("\n")
	}
	return display.Text("penalized", finish(o, b.String()))
}

// coefColumns writes a table of "(Intercept)" and names against two
// columns of numbers under the headers h1 and h2, each formatted to 5
// significant digits and right-aligned; a zero coefficient shows as "."
// and NaN as blank.
func coefColumns(b *strings.Builder, names []string, h1, h2 string, c1, c2 []float64) {
	names = append([]string{"(Intercept)"}, names...)
	f1, f2 := rfmt.Format(c1, 5), rfmt.Format(c2, 5)
	nw := 0
	for _, n := range names {
		nw = max(nw, len([]rune(n)))
	}
	w1, w2 := len(h1), len(h2)
	for i := range names {
		w1 = max(w1, len(strings.TrimSpace(f1[i])))
		w2 = max(w2, len(strings.TrimSpace(f2[i])))
	}
	cell := func(f string, v float64, i int) string {
		switch {
		case math.IsNaN(v):
			return ""
		case i > 0 && v == 0:
			return "."
		}
		return strings.TrimSpace(f)
	}
	fmt.Fprintf(b, "%s %s %s\n", strings.Repeat(" ", nw), padLeft(h1, w1), padLeft(h2, w2))
	for i, n := range names {
		fmt.Fprintf(b, "%s %s %s\n", padRight(n, nw), padLeft(cell(f1[i], c1[i], i), w1), padLeft(cell(f2[i], c2[i], i), w2))
	}
}

// String returns the display at display.Plain.
func (p *PenalizedPath) String() string { return p.Display(display.Plain).Text }

// Display summarises the path like glmnet's print (Df, %Dev, Lambda at a
// few points) and, after cross-validation, λ_min and λ_1se with their
// coefficients.
func (p *PenalizedPath) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("nil", "<nil *models.PenalizedPath>\n")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s path, %s family, %d lambdas from %s to %s\n%s\n", p.Method, p.Family, len(p.Lambda),
		rfmt.Num(p.Lambda[0], 4), rfmt.Num(p.Lambda[len(p.Lambda)-1], 4), droppedLine(p.NDropped))
	idx := []int{}
	step := max(1, len(p.Lambda)/8)
	for k := 0; k < len(p.Lambda); k += step {
		idx = append(idx, k)
	}
	if idx[len(idx)-1] != len(p.Lambda)-1 {
		idx = append(idx, len(p.Lambda)-1)
	}
	fmt.Fprintf(&b, "%6s %4s %8s %12s\n", "", "Df", "%Dev", "Lambda")
	for _, k := range idx {
		fmt.Fprintf(&b, "%6d %4d %8.2f %12s\n", k+1, p.DF[k], 100*p.DevRatio[k], rfmt.Num(p.Lambda[k], 5))
	}
	if p.CVMean != nil {
		loss := "mean squared error"
		if p.Family == "binomial" {
			loss = "binomial deviance"
		}
		fmt.Fprintf(&b, "\n%d-fold cross-validation (%s):\n", p.NFolds, loss)
		fmt.Fprintf(&b, "  lambda.min = %s  (CV loss %s ± %s, %d non-zero)\n", rfmt.Num(p.LambdaMin, 5),
			rfmt.Num(p.CVMean[p.IndexMin], 5), rfmt.Num(p.CVSE[p.IndexMin], 3), p.DF[p.IndexMin])
		fmt.Fprintf(&b, "  lambda.1se = %s  (CV loss %s ± %s, %d non-zero)\n\n", rfmt.Num(p.Lambda1SE, 5),
			rfmt.Num(p.CVMean[p.Index1SE], 5), rfmt.Num(p.CVSE[p.Index1SE], 3), p.DF[p.Index1SE])
		coefColumns(&b, p.Names, "lambda.min", "lambda.1se",
			append([]float64{p.Intercept[p.IndexMin]}, p.Coef[p.IndexMin]...),
			append([]float64{p.Intercept[p.Index1SE]}, p.Coef[p.Index1SE]...))
	}
	return display.Text("penalized-path", finish(o, b.String()))
}

// Nonzero returns the names of the predictors with non-zero coefficients
// at path index k, sorted by decreasing |standardised coefficient|.
func (p *PenalizedPath) Nonzero(k int) []string {
	var idx []int
	for j, v := range p.CoefStd[k] {
		if v != 0 {
			idx = append(idx, j)
		}
	}
	sort.Slice(idx, func(a, b int) bool { return math.Abs(p.CoefStd[k][idx[a]]) > math.Abs(p.CoefStd[k][idx[b]]) })
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = p.Names[j]
	}
	return out
}

// LassoCV is CVPenalized for the lasso (L1Ratio 1) with nfolds folds
// (10 when nfolds <= 0): the path, λ_min and λ_1se.
func LassoCV(formula string, f *frame.Frame, nfolds int) (*PenalizedPath, error) {
	return CVPenalized(formula, f, PathOptions{L1Ratio: 1, NFolds: nfolds})
}

// RidgeCV is CVPenalized for ridge regression (L1Ratio 0; the λ of the
// elastic-net objective, i.e. scikit-learn's alpha divided by n).
func RidgeCV(formula string, f *frame.Frame, nfolds int) (*PenalizedPath, error) {
	return CVPenalized(formula, f, PathOptions{L1Ratio: 0, NFolds: nfolds})
}

// ElasticNetCV is CVPenalized for the elastic net with mixing l1Ratio.
func ElasticNetCV(formula string, f *frame.Frame, l1Ratio float64, nfolds int) (*PenalizedPath, error) {
	return CVPenalized(formula, f, PathOptions{L1Ratio: l1Ratio, NFolds: nfolds})
}
