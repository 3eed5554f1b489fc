package ml

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// PCA is principal component analysis by the singular value decomposition
// of the centred (and, with Scale, standardised with the n−1 sd, as R's
// prcomp(scale. = TRUE)) data Xc = U S Vᵀ: the rotation (loadings) is V,
// the scores are Xc V, the component standard deviations S/√(n−1) and the
// explained variance ratios S²/ΣS². Each component's sign is fixed so that
// its largest-magnitude loading is positive (signs are otherwise
// arbitrary). PCA is a frame Transformer: in a Pipeline it replaces the
// numeric columns by the scores PC1, PC2, ….
type PCA struct {
	// NComponents keeps the first components (0 = all).
	NComponents int
	// Scale divides each column by its standard deviation first.
	Scale bool

	features []string
	center   []float64
	scale    []float64
	rot      *mat.Dense
	sdev     []float64
	ratio    []float64
	n        int
	fitted   bool
}

// NewPCA returns a PCA keeping all components, with scaling when scale.
func NewPCA(scale bool) *PCA { return &PCA{Scale: scale} }

// Fit computes the components from the numeric (float and int) columns of
// f; other columns are ignored.
func (m *PCA) Fit(f *frame.Frame) error {
	if f == nil {
		return errors.New("ml: the frame is nil")
	}
	feats := f.NumericNames()
	if len(feats) == 0 {
		return errors.New("ml: the frame has no numeric columns")
	}
	X, err := f.Matrix(feats...)
	if err != nil {
		return err
	}
	if err := m.FitX(X); err != nil {
		return err
	}
	m.features = feats
	return nil
}

// FitX computes the components from the columns of X.
func (m *PCA) FitX(X *mat.Dense) error {
	var b base
	n, p, err := b.checkXY(X, nil, false)
	if err != nil {
		return err
	}
	if n < 2 {
		return errors.New("ml: PCA needs at least two rows")
	}
	if m.NComponents < 0 || m.NComponents > min(n, p) {
		return fmt.Errorf("ml: PCA.NComponents = %d is out of range; use 1 … %d (the smaller of rows and columns), or 0 for all", m.NComponents, min(n, p))
	}
	m.center = make([]float64, p)
	m.scale = make([]float64, p)
	for j := 0; j < p; j++ {
		mu, sd := meanSD(mat.Col(nil, j, X), 1)
		m.center[j] = mu
		m.scale[j] = 1
		if m.Scale {
			if sd == 0 {
				return fmt.Errorf("ml: PCA with Scale: column %q is constant; drop it", b.featureName(j))
			}
			m.scale[j] = sd
		}
	}
	Z := m.standardise(X)
	var svd mat.SVD
	if !svd.Factorize(Z, mat.SVDThin) {
		return errors.New("ml: PCA: the SVD did not converge")
	}
	s := svd.Values(nil)
	var V mat.Dense
	svd.VTo(&V)
	k := len(s)
	if m.NComponents > 0 && m.NComponents < k {
		k = m.NComponents
	}
	tot := 0.0
	for _, v := range s {
		tot += v * v
	}
	m.rot = mat.NewDense(p, k, nil)
	m.sdev = make([]float64, k)
	m.ratio = make([]float64, k)
	for c := 0; c < k; c++ {
		col := mat.Col(nil, c, &V)
		big := 0
		for j := range col {
			if math.Abs(col[j]) > math.Abs(col[big]) {
				big = j
			}
		}
		if col[big] < 0 {
			for j := range col {
				col[j] = -col[j]
			}
		}
		m.rot.SetCol(c, col)
		m.sdev[c] = s[c] / math.Sqrt(float64(n-1))
		m.ratio[c] = s[c] * s[c] / tot
	}
	m.features = b.Features
	m.n = n
	m.fitted = true
	return nil
}

func (m *PCA) standardise(X *mat.Dense) *mat.Dense {
	n, p := X.Dims()
	Z := mat.NewDense(n, p, nil)
	for i := 0; i < n; i++ {
		r := Z.RawRowView(i)
		for j, v := range X.RawRowView(i) {
			r[j] = (v - m.center[j]) / m.scale[j]
		}
	}
	return Z
}

// TransformX returns the scores (n × NComponents) of the rows of X.
func (m *PCA) TransformX(X *mat.Dense) (*mat.Dense, error) {
	if !m.fitted {
		return nil, ErrNotFitted
	}
	if _, p := X.Dims(); p != len(m.center) {
		return nil, fmt.Errorf("ml: X has %d columns but the PCA was fitted on %d", p, len(m.center))
	}
	var S mat.Dense
	S.Mul(m.standardise(X), m.rot)
	return &S, nil
}

// Transform replaces the fitted columns of f by the scores PC1, PC2, …
// (other columns are kept).
func (m *PCA) Transform(f *frame.Frame) (*frame.Frame, error) {
	if !m.fitted {
		return nil, ErrNotFitted
	}
	b := &base{Features: m.features, Fitted: true}
	X, err := schemaMatrix(b, f)
	if err != nil {
		return nil, err
	}
	S, err := m.TransformX(X)
	if err != nil {
		return nil, err
	}
	out := f.Drop(m.features...)
	_, k := S.Dims()
	for c := 0; c < k; c++ {
		out = out.With("PC"+strconv.Itoa(c+1), mat.Col(nil, c, S))
	}
	return out, nil
}

// FitTransform fits on f and returns its scores.
func (m *PCA) FitTransform(f *frame.Frame) (*frame.Frame, error) {
	if err := m.Fit(f); err != nil {
		return nil, err
	}
	return m.Transform(f)
}

// Rotation returns the p × k loadings matrix (columns are components).
func (m *PCA) Rotation() *mat.Dense { return mat.DenseCopyOf(m.rot) }

// SDev returns the components' standard deviations (divisor n − 1).
func (m *PCA) SDev() []float64 { return append([]float64(nil), m.sdev...) }

// ExplainedVarianceRatio returns each component's share of the variance.
func (m *PCA) ExplainedVarianceRatio() []float64 { return append([]float64(nil), m.ratio...) }

// Display shows the importance of the components (as R's summary(prcomp))
// and the loadings.
func (m *PCA) Display(o display.Options) display.Bundle {
	if m == nil {
		return display.Text("nil", "<nil PCA>")
	}
	if !m.fitted {
		return display.Text("pca", "PCA (not fitted)")
	}
	t := &textTable{title: fmt.Sprintf("Principal components (n = %d, %s)", m.n, map[bool]string{true: "scaled", false: "centred"}[m.Scale])}
	t.header = []string{""}
	for c := range m.sdev {
		t.header = append(t.header, "PC"+strconv.Itoa(c+1))
	}
	r1, r2, r3 := []string{"Standard deviation"}, []string{"Proportion of Variance"}, []string{"Cumulative Proportion"}
	cum := 0.0
	for c := range m.sdev {
		cum += m.ratio[c]
		r1 = append(r1, numDigits(m.sdev[c], 4))
		r2 = append(r2, fixed(m.ratio[c], 4))
		r3 = append(r3, fixed(cum, 4))
	}
	t.add(r1...)
	t.add(r2...)
	t.add(r3...)
	for j, f := range m.features {
		row := []string{f}
		for c := range m.sdev {
			row = append(row, fixed(m.rot.At(j, c), 4))
		}
		t.add(row...)
	}
	tb := t.table()
	tb.RuleAfter = []int{2}
	return withTitle(t.title, tb.Bundle("pca", o.Normalized()), o.Normalized().Width)
}

// String returns the plain-text display (display.Plain).
func (m *PCA) String() string { return m.Display(display.Plain).Text }

// pcaState is the saved form of a fitted PCA.
type pcaState struct {
	NComponents int         `json:"n_components"`
	Scale       bool        `json:"scale"`
	Features    []string    `json:"features"`
	Center      []float64   `json:"center"`
	ScaleBy     []float64   `json:"scale_by"`
	Rotation    [][]float64 `json:"rotation"`
	SDev        []float64   `json:"sdev"`
	Ratio       []float64   `json:"ratio"`
	N           int         `json:"n"`
	Fitted      bool        `json:"fitted"`
}

// MarshalJSON stores the settings and the fitted components (so pipelines
// with a PCA step can be saved).
func (m *PCA) MarshalJSON() ([]byte, error) {
	s := pcaState{NComponents: m.NComponents, Scale: m.Scale, Features: m.features, Center: m.center, ScaleBy: m.scale, SDev: m.sdev, Ratio: m.ratio, N: m.n, Fitted: m.fitted}
	if m.rot != nil {
		r, _ := m.rot.Dims()
		for j := 0; j < r; j++ {
			s.Rotation = append(s.Rotation, mat.Row(nil, j, m.rot))
		}
	}
	return json.Marshal(s)
}

// UnmarshalJSON restores a PCA stored by MarshalJSON.
func (m *PCA) UnmarshalJSON(b []byte) error {
	var s pcaState
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*m = PCA{NComponents: s.NComponents, Scale: s.Scale, features: s.Features, center: s.Center, scale: s.ScaleBy, sdev: s.SDev, ratio: s.Ratio, n: s.N, fitted: s.Fitted}
	if len(s.Rotation) > 0 {
		m.rot = mat.NewDense(len(s.Rotation), len(s.Rotation[0]), nil)
		for j, r := range s.Rotation {
			m.rot.SetRow(j, r)
		}
	}
	return nil
}
