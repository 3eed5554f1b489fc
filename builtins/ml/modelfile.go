package ml

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gostat/gostat/builtins/frame"
	"github.com/gostat/gostat/display"
)

// FormatName and FormatVersion identify gostat model files (see FORMAT.md).
const (
	FormatName    = "gostat-model"
	FormatVersion = 1
)

// ModelFile is the header of a saved model: what it is, what it expects
// and how it was made. The model itself is the payload.
type ModelFile struct {
	Format        string             `json:"format"`
	FormatVersion int                `json:"format_version"`
	GostatVersion string             `json:"gostat_version"`
	Created       string             `json:"created"`
	Kind          string             `json:"kind"`
	Schema        []SchemaColumn     `json:"schema"`
	Target        string             `json:"target"`
	Classes       []string           `json:"classes,omitempty"`
	TrainingRows  int                `json:"training_rows"`
	Params        Params             `json:"params"`
	Metrics       map[string]float64 `json:"metrics,omitempty"`
	PayloadSHA256 string             `json:"payload_sha256"`
	Payload       json.RawMessage    `json:"payload"`
}

// SchemaColumn is one input column of a saved model.
type SchemaColumn struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// modelPayload is a plain model's state.
type modelPayload struct {
	Kind   string          `json:"kind"`
	Params json.RawMessage `json:"params"`
	Base   *base           `json:"base"`
	Fit    json.RawMessage `json:"fit"`
}

type stepPayload struct {
	Type  string          `json:"type"`
	State json.RawMessage `json:"state"`
}

type pipelinePayload struct {
	Steps        []stepPayload `json:"steps"`
	Model        modelPayload  `json:"model"`
	Inputs       []string      `json:"inputs"`
	InputTypes   []string      `json:"input_types"`
	Target       string        `json:"target"`
	TargetLevels []string      `json:"target_levels,omitempty"`
}

// stateful is implemented by every estimator of this package: a pointer
// to its fitted state (plain data).
type stateful interface {
	model
	state() any
}

var modelKinds = map[string]func() stateful{
	"LogisticRegression":             func() stateful { return &LogisticRegression{} },
	"LinearRegression":               func() stateful { return &LinearRegression{} },
	"Ridge":                          func() stateful { return &Ridge{} },
	"Lasso":                          func() stateful { return &Lasso{} },
	"ElasticNet":                     func() stateful { return &ElasticNet{} },
	"DecisionTreeClassifier":         func() stateful { return &DecisionTreeClassifier{} },
	"DecisionTreeRegressor":          func() stateful { return &DecisionTreeRegressor{} },
	"RandomForestClassifier":         func() stateful { return &RandomForestClassifier{} },
	"RandomForestRegressor":          func() stateful { return &RandomForestRegressor{} },
	"HistGradientBoostingClassifier": func() stateful { return &HistGradientBoostingClassifier{} },
	"HistGradientBoostingRegressor":  func() stateful { return &HistGradientBoostingRegressor{} },
	"KNeighborsClassifier":           func() stateful { return &KNeighborsClassifier{} },
	"KNeighborsRegressor":            func() stateful { return &KNeighborsRegressor{} },
	"GaussianNB":                     func() stateful { return &GaussianNB{} },
	"MultinomialNB":                  func() stateful { return &MultinomialNB{} },
}

var (
	transformerMu    sync.RWMutex
	transformerKinds = map[string]func() frame.Transformer{
		"ml.StandardScaler": func() frame.Transformer { return &StandardScaler{} },
		"ml.PCA":            func() frame.Transformer { return &PCA{} },
		"frame.Standardize": func() frame.Transformer { return &frame.Standardize{} },
		"frame.MinMax":      func() frame.Transformer { return &frame.MinMax{} },
		"frame.Log":         func() frame.Transformer { return &frame.Log{} },
		"frame.BoxCox":      func() frame.Transformer { return &frame.BoxCox{} },
		"frame.OneHot":      func() frame.Transformer { return &frame.OneHot{} },
		"frame.Ordinal":     func() frame.Transformer { return &frame.Ordinal{} },
		"frame.Binning":     func() frame.Transformer { return &frame.Binning{} },
		"frame.Polynomial":  func() frame.Transformer { return &frame.Polynomial{} },
		"frame.Imputer":     func() frame.Transformer { return &frame.Imputer{} },
	}
)

// RegisterTransformer lets pipelines containing transformers of the type
// returned by make be saved and loaded. The type's whole fitted state must
// survive encoding/json (exported fields, or MarshalJSON/UnmarshalJSON).
func RegisterTransformer(make func() frame.Transformer) {
	transformerMu.Lock()
	defer transformerMu.Unlock()
	transformerKinds[transformerName(make())] = make
}

func transformerName(t frame.Transformer) string {
	rt := reflect.TypeOf(t)
	for rt.Kind() == reflect.Pointer {
		rt = rt.Elem()
	}
	pkg := rt.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "." + rt.Name()
}

func gostatVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func encodeModel(e Estimator) (modelPayload, error) {
	m, ok := e.(stateful)
	if !ok {
		return modelPayload{}, fmt.Errorf("ml: %T cannot be saved (only the estimators of package ml and pipelines of them)", e)
	}
	if !m.core().Fitted {
		return modelPayload{}, ErrNotFitted
	}
	ps, err := json.Marshal(m.(Estimator).Params())
	if err != nil {
		return modelPayload{}, err
	}
	fit, err := json.Marshal(m.state())
	if err != nil {
		return modelPayload{}, err
	}
	return modelPayload{Kind: typeName(e), Params: ps, Base: m.core(), Fit: fit}, nil
}

func decodeModel(p modelPayload) (Estimator, error) {
	mk, ok := modelKinds[p.Kind]
	if !ok {
		return nil, fmt.Errorf("ml: unknown model kind %q in the file", p.Kind)
	}
	m := mk()
	if err := json.Unmarshal(p.Params, m); err != nil {
		return nil, fmt.Errorf("ml: bad parameters for %s: %v", p.Kind, err)
	}
	if p.Base == nil {
		return nil, fmt.Errorf("ml: the file has no schema for %s", p.Kind)
	}
	*m.core() = *p.Base
	if err := json.Unmarshal(p.Fit, m.state()); err != nil {
		return nil, fmt.Errorf("ml: bad fitted state for %s: %v", p.Kind, err)
	}
	return m.(Estimator), nil
}

// Save writes a fitted model or pipeline to path as a gostat model file
// (JSON, format documented in FORMAT.md): a header with the format
// version, gostat version, creation time, input schema (column names and
// types), target, classes, training size, hyperparameters, the given
// metrics (may be nil) and the SHA-256 of the payload, then the payload.
// The file is written to a temporary file and renamed, so a crash never
// leaves a half-written model.
func Save(path string, e Estimator, metrics map[string]float64) error {
	if e == nil {
		return errors.New("ml: Save: the model is nil")
	}
	for k, v := range metrics {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("ml: Save: metric %q is %v; JSON has no NaN or infinity — leave it out", k, v)
		}
	}
	h := &ModelFile{Format: FormatName, FormatVersion: FormatVersion, GostatVersion: gostatVersion(),
		Created: time.Now().UTC().Format(time.RFC3339), Kind: typeName(e), Params: e.Params(), Metrics: metrics}
	var payload any
	switch p := e.(type) {
	case *Pipeline:
		if !p.fitted {
			return ErrNotFitted
		}
		h.Kind = "Pipeline"
		pp := pipelinePayload{Inputs: p.inputs, InputTypes: p.inputTypes, Target: p.target, TargetLevels: p.targetLevels}
		for i, s := range p.Steps {
			name := transformerName(s)
			transformerMu.RLock()
			_, ok := transformerKinds[name]
			transformerMu.RUnlock()
			if !ok {
				return fmt.Errorf("ml: Save: pipeline step %d (%s) cannot be saved: gostat does not know how to store its fitted state; register the type with ml.RegisterTransformer if its fitted state is plain data", i+1, name)
			}
			st, err := json.Marshal(s)
			if err != nil {
				return fmt.Errorf("ml: Save: pipeline step %d (%s): %v", i+1, name, err)
			}
			pp.Steps = append(pp.Steps, stepPayload{Type: name, State: st})
		}
		mp, err := encodeModel(p.Model)
		if err != nil {
			return err
		}
		pp.Model = mp
		payload = pp
		for j, n := range p.inputs {
			h.Schema = append(h.Schema, SchemaColumn{n, p.inputTypes[j]})
		}
		h.Target = p.target
		h.Classes = p.Classes()
		h.TrainingRows = coreOf(p.Model).NTrain
	default:
		mp, err := encodeModel(e)
		if err != nil {
			return err
		}
		payload = mp
		b := mp.Base
		for j, n := range b.Features {
			t := "float"
			if j < len(b.Types) {
				t = b.Types[j]
			}
			h.Schema = append(h.Schema, SchemaColumn{n, t})
		}
		h.Target, h.Classes, h.TrainingRows = b.Target, b.ClassLabels, b.NTrain
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	sum := sha256.Sum256(raw)
	h.PayloadSHA256 = hex.EncodeToString(sum[:])
	h.Payload = raw
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h); err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	return writeAtomic(path, buf.Bytes())
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("ml: Save: %v", err)
	}
	ok = true
	return nil
}

// ReadModelFile reads and checks a model file's header (format, version,
// payload hash) without building the model.
func ReadModelFile(path string) (*ModelFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ml: Load: %v", err)
	}
	var h ModelFile
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, fmt.Errorf("ml: Load: %s is not a gostat model file (%v)", path, err)
	}
	if h.Format != FormatName {
		return nil, fmt.Errorf("ml: Load: %s is not a gostat model file (format %q)", path, h.Format)
	}
	if h.FormatVersion < 1 || h.FormatVersion > FormatVersion {
		return nil, fmt.Errorf("ml: Load: %s has format version %d; this gostat reads versions 1 to %d — upgrade gostat", path, h.FormatVersion, FormatVersion)
	}
	sum := sha256.Sum256(h.Payload)
	if hex.EncodeToString(sum[:]) != h.PayloadSHA256 {
		return nil, fmt.Errorf("ml: Load: %s is corrupted or was edited: the payload's SHA-256 does not match the header", path)
	}
	return &h, nil
}

// Load reads a model or pipeline saved by Save, checking the format
// version and the payload hash. Predicting with it checks new data against
// the saved input schema.
func Load(path string) (Estimator, error) {
	h, err := ReadModelFile(path)
	if err != nil {
		return nil, err
	}
	if h.Kind == "Pipeline" {
		var pp pipelinePayload
		if err := json.Unmarshal(h.Payload, &pp); err != nil {
			return nil, fmt.Errorf("ml: Load: %v", err)
		}
		m, err := decodeModel(pp.Model)
		if err != nil {
			return nil, err
		}
		p := &Pipeline{Model: m, inputs: pp.Inputs, inputTypes: pp.InputTypes, target: pp.Target, targetLevels: pp.TargetLevels, fitted: true}
		for i, s := range pp.Steps {
			transformerMu.RLock()
			mk, ok := transformerKinds[s.Type]
			transformerMu.RUnlock()
			if !ok {
				return nil, fmt.Errorf("ml: Load: pipeline step %d has unknown type %q; register it with ml.RegisterTransformer", i+1, s.Type)
			}
			t := mk()
			if err := json.Unmarshal(s.State, t); err != nil {
				return nil, fmt.Errorf("ml: Load: pipeline step %d (%s): %v", i+1, s.Type, err)
			}
			p.Steps = append(p.Steps, t)
		}
		return p, nil
	}
	var mp modelPayload
	if err := json.Unmarshal(h.Payload, &mp); err != nil {
		return nil, fmt.Errorf("ml: Load: %v", err)
	}
	return decodeModel(mp)
}

// Display shows the header.
func (h *ModelFile) Display(o display.Options) display.Bundle {
	if h == nil {
		return display.Text("nil", "<nil ModelFile>")
	}
	t := &textTable{title: fmt.Sprintf("gostat model file (format %d): %s, target %q, %d training rows", h.FormatVersion, h.Kind, h.Target, h.TrainingRows)}
	t.header = []string{"field", "value"}
	t.add("created", h.Created)
	t.add("gostat", h.GostatVersion)
	cols := make([]string, len(h.Schema))
	for i, c := range h.Schema {
		cols[i] = c.Name + " <" + c.Type + ">"
	}
	t.add("inputs", strings.Join(cols, ", "))
	if len(h.Classes) > 0 {
		t.add("classes", strings.Join(h.Classes, ", "))
	}
	keys := make([]string, 0, len(h.Metrics))
	for k := range h.Metrics {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.add(k, numDigits(h.Metrics[k], 4))
	}
	t.add("sha256", h.PayloadSHA256[:16]+"…")
	return t.bundle("modelfile", o)
}

// String returns the plain-text display (display.Plain).
func (h *ModelFile) String() string { return h.Display(display.Plain).Text }
