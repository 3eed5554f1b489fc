package ml

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
	"gonum.org/v1/gonum/mat"
)

// Pipeline chains feature-preparation steps (frame Transformers such as
// scalers and encoders) with a final model. Fit fits each step on the
// training frame (without the target column) and the model on the result;
// Predict applies the fitted steps unchanged. Cross-validation and grid
// search refit the whole pipeline inside every fold, so nothing learnt from
// a validation fold leaks into its training.
//
//	p := ml.NewPipeline(ml.NewLogisticRegression(), frame.NewStandardScaler())
//	p.Fit(train, "type")
type Pipeline struct {
	// Steps are applied in order.
	Steps []frame.Transformer
	// Model is fitted on the output of the last step.
	Model Estimator

	target       string
	targetLevels []string
	inputs       []string
	inputTypes   []string
	fitted       bool
}

// NewPipeline returns a pipeline of steps followed by model.
func NewPipeline(model Estimator, steps ...frame.Transformer) *Pipeline {
	return &Pipeline{Steps: steps, Model: model}
}

func (p *Pipeline) check() error {
	if p.Model == nil {
		return errors.New("ml: the pipeline has no Model")
	}
	return nil
}

// Fit fits the steps and the model on f with the given target column.
func (p *Pipeline) Fit(f *frame.Frame, target string) error {
	if err := p.check(); err != nil {
		return err
	}
	if f == nil || !f.Has(target) {
		if f == nil {
			return errors.New("ml: the frame is nil")
		}
		msg := fmt.Sprintf("ml: the frame has no target column %q", target)
		if c := frame.Closest(target, f.Names()); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		return errors.New(msg)
	}
	X := f.Drop(target)
	p.inputs = X.Names()
	p.inputTypes = X.Types()
	var err error
	for i, s := range p.Steps {
		if X, err = s.FitTransform(X); err != nil {
			return fmt.Errorf("ml: pipeline step %d (%T): %w", i+1, s, err)
		}
	}
	X, err = withTarget(X, f, target)
	if err != nil {
		return err
	}
	if err := p.Model.Fit(X, target); err != nil {
		return err
	}
	p.target = target
	p.targetLevels = f.Levels(target)
	p.fitted = true
	return nil
}

// withTarget appends f's target column to X, keeping its levels.
func withTarget(X, f *frame.Frame, target string) (g *frame.Frame, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ml: %v", r)
		}
	}()
	if f.IsNumeric(target) {
		y, err := f.Floats(target)
		if err != nil {
			return nil, err
		}
		return X.With(target, y), nil
	}
	s, err := f.Strings(target)
	if err != nil {
		return nil, err
	}
	return X.WithFactor(target, s, f.Levels(target)), nil
}

// transform checks f against the pipeline's input schema and applies the
// fitted steps.
func (p *Pipeline) transform(f *frame.Frame) (*frame.Frame, error) {
	if !p.fitted {
		return nil, ErrNotFitted
	}
	if f == nil {
		return nil, errors.New("ml: the frame is nil")
	}
	var missing, wrong []string
	for j, n := range p.inputs {
		if !f.Has(n) {
			missing = append(missing, n)
		} else if t := f.Type(n); !sameKind(t, p.inputTypes[j]) {
			wrong = append(wrong, fmt.Sprintf("%q is %s, expected %s", n, t, p.inputTypes[j]))
		}
	}
	if len(missing) > 0 || len(wrong) > 0 {
		var msgs []string
		if len(missing) > 0 {
			msgs = append(msgs, "missing column(s) "+quoteList(missing))
		}
		if len(wrong) > 0 {
			msgs = append(msgs, "wrong type: "+strings.Join(wrong, "; "))
		}
		return nil, fmt.Errorf("ml: the data does not match the pipeline's input schema: %s", strings.Join(msgs, "; "))
	}
	X := f.Select(p.inputs...)
	var err error
	for i, s := range p.Steps {
		if X, err = s.Transform(X); err != nil {
			return nil, fmt.Errorf("ml: pipeline step %d (%T): %w", i+1, s, err)
		}
	}
	return X, nil
}

// sameKind treats int and float as interchangeable numbers.
func sameKind(a, b string) bool {
	num := func(t string) bool { return t == "int" || t == "float" }
	return a == b || (num(a) && num(b))
}

// Predict applies the steps and predicts with the model.
func (p *Pipeline) Predict(f *frame.Frame) ([]float64, error) {
	X, err := p.transform(f)
	if err != nil {
		return nil, err
	}
	return p.Model.Predict(X)
}

// PredictProba returns class probabilities (the model must be a Classifier).
func (p *Pipeline) PredictProba(f *frame.Frame) (*mat.Dense, error) {
	c, ok := p.Model.(Classifier)
	if !ok {
		return nil, fmt.Errorf("ml: the pipeline's model %T does not give probabilities", p.Model)
	}
	X, err := p.transform(f)
	if err != nil {
		return nil, err
	}
	return c.PredictProba(X)
}

// PredictLabels returns predicted class names (classifiers).
func (p *Pipeline) PredictLabels(f *frame.Frame) ([]string, error) {
	c, ok := p.Model.(Classifier)
	if !ok {
		return nil, fmt.Errorf("ml: the pipeline's model %T is not a classifier", p.Model)
	}
	X, err := p.transform(f)
	if err != nil {
		return nil, err
	}
	return c.PredictLabels(X)
}

// Classes returns the model's classes (nil for regressors).
func (p *Pipeline) Classes() []string {
	if c, ok := p.Model.(Classifier); ok {
		return c.Classes()
	}
	return nil
}

// Score is the model's score (accuracy or R²) on f.
func (p *Pipeline) Score(f *frame.Frame, target string) (float64, error) {
	X, err := p.transform(f)
	if err != nil {
		return 0, err
	}
	X, err = withTarget(X, f, target)
	if err != nil {
		return 0, err
	}
	return p.Model.Score(X, target)
}

// matrixFrame wraps a matrix as a frame with columns x1…xp.
func matrixFrame(X *mat.Dense) *frame.Frame {
	_, c := X.Dims()
	names := make([]string, c)
	cols := make([]any, c)
	for j := range names {
		names[j] = "x" + strconv.Itoa(j+1)
		cols[j] = mat.Col(nil, j, X)
	}
	f, _ := frame.FromColumns(names, cols...)
	return f
}

// FitXY fits the pipeline on a matrix (columns named x1, x2, …) and target.
func (p *Pipeline) FitXY(X *mat.Dense, y []float64) error {
	if X == nil {
		return errors.New("ml: X is nil")
	}
	if n, _ := X.Dims(); n != len(y) {
		return fmt.Errorf("ml: X has %d rows but y has %d values; they must match", n, len(y))
	}
	return p.Fit(matrixFrame(X).With(".target", y), ".target")
}

// PredictX predicts the rows of a matrix (columns named x1, x2, …).
func (p *Pipeline) PredictX(X *mat.Dense) ([]float64, error) {
	if X == nil {
		return nil, errors.New("ml: X is nil")
	}
	return p.Predict(matrixFrame(X))
}

// PredictProbaX returns class probabilities for the rows of a matrix.
func (p *Pipeline) PredictProbaX(X *mat.Dense) (*mat.Dense, error) {
	return p.PredictProba(matrixFrame(X))
}

// Params returns the model's hyperparameters.
func (p *Pipeline) Params() Params {
	if p.Model == nil {
		return Params{}
	}
	return p.Model.Params()
}

// SetParams sets the model's hyperparameters.
func (p *Pipeline) SetParams(ps Params) error {
	if err := p.check(); err != nil {
		return err
	}
	q := make(Params, len(ps))
	for k, v := range ps {
		// scikit-learn's "step__param" names: the model's parameter
		if i := strings.LastIndex(k, "__"); i >= 0 {
			k = k[i+2:]
		}
		q[k] = v
	}
	return p.Model.SetParams(q)
}

// Display shows the steps and the fitted model.
func (p *Pipeline) Display(o display.Options) display.Bundle {
	if p == nil {
		return display.Text("nil", "<nil Pipeline>")
	}
	var sb strings.Builder
	sb.WriteString("Pipeline:")
	for i, s := range p.Steps {
		fmt.Fprintf(&sb, " %d. %s →", i+1, typeName(s))
	}
	fmt.Fprintf(&sb, " %s\n", typeName(p.Model))
	if p.Model != nil {
		sb.WriteString(p.Model.Display(o).Text)
	}
	return display.Text("pipeline", sb.String())
}

// String returns the plain-text display (display.Plain).
func (p *Pipeline) String() string { return p.Display(display.Plain).Text }

func typeName(v any) string {
	if v == nil {
		return "<nil>"
	}
	if p, ok := v.(*Pipeline); ok && p != nil {
		var parts []string
		for _, s := range p.Steps {
			parts = append(parts, typeName(s))
		}
		return strings.Join(append(parts, typeName(p.Model)), " → ")
	}
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}

// Clone returns an unfitted copy of e with the same hyperparameters
// (pipelines: fresh copies of every step and of the model).
func Clone(e Estimator) Estimator {
	if p, ok := e.(*Pipeline); ok {
		q := &Pipeline{Model: Clone(p.Model)}
		for _, s := range p.Steps {
			q.Steps = append(q.Steps, cloneTransformer(s))
		}
		return q
	}
	if reflect.TypeOf(e).Kind() == reflect.Pointer && reflect.TypeOf(e).Elem().Kind() == reflect.Struct {
		if c, ok := cloneParams(e).(Estimator); ok {
			return c
		}
	}
	return e
}

// cloneTransformer copies a transformer's exported configuration into a
// new value of the same type.
func cloneTransformer(s frame.Transformer) frame.Transformer {
	t := reflect.TypeOf(s)
	if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		if c, ok := cloneParams(s).(frame.Transformer); ok {
			return c
		}
	}
	return s
}
