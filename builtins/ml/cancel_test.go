package ml

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/gostat/gostat/builtins/cell"
)

func TestLongWorkStopsWhenCancelledAndReportsProgress(t *testing.T) {
	X, y := clfData(3000, 10, 3)
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	tasks := map[string]int{}
	restore := cell.Bind(cell.Hooks{Ctx: ctx, Progress: func(task string, done, total int) {
		mu.Lock()
		tasks[task]++
		mu.Unlock()
	}})
	defer restore()
	// progress while running normally
	if _, err := CrossValidateXY(NewLogisticRegression(), X, y, 3, 1, ""); err != nil {
		t.Fatal(err)
	}
	rf := NewRandomForestClassifier()
	rf.NTrees = 8
	if err := rf.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	for _, task := range []string{"cross-validation", "random forest"} {
		if tasks[task] == 0 {
			t.Errorf("no progress reported for %q (got %v)", task, tasks)
		}
	}
	cancel()
	for name, run := range map[string]func() error{
		"forest":   func() error { return NewRandomForestClassifier().FitXY(X, y) },
		"boosting": func() error { return NewHistGradientBoostingClassifier().FitXY(X, y) },
		"cv": func() error {
			_, err := CrossValidateXY(NewRandomForestClassifier(), X, y, 5, 1, "")
			return err
		},
		"grid search": func() error {
			_, err := GridSearchXY(NewDecisionTreeClassifier(), Grid{"MaxDepth": {1, 2, 3}}, X, y, 3, 1, "")
			return err
		},
		"logistic": func() error { return NewLogisticRegression().FitXY(X, y) },
	} {
		if err := run(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s after cancel: err = %v, want context.Canceled", name, err)
		}
	}
}

func TestForestReproducibleAcrossCores(t *testing.T) {
	X, y := clfData(2000, 8, 5)
	fit := func() []float64 {
		m := NewRandomForestClassifier()
		m.NTrees = 20
		m.Seed = 9
		if err := m.FitXY(X, y); err != nil {
			t.Fatal(err)
		}
		P, _ := m.PredictProbaX(X)
		return P.RawMatrix().Data
	}
	a := fit()
	old := setWorkers(1)
	b := fit()
	setWorkers(old)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("forest differs between 1 worker and all cores at %d", i)
		}
	}
}

func TestBoostingEarlyStopping(t *testing.T) {
	X, y := clfData(12000, 10, 11)
	m := NewHistGradientBoostingClassifier()
	m.MaxIter = 400
	if err := m.FitXY(X, y); err != nil { // "auto": on, since n > 10000
		t.Fatal(err)
	}
	if m.NIter() >= 400 || len(m.fit.ValScores) != m.NIter()+1 {
		t.Errorf("early stopping: %d iterations, %d validation scores", m.NIter(), len(m.fit.ValScores))
	}
	off := NewHistGradientBoostingClassifier()
	off.MaxIter = 50
	off.EarlyStopping = "off"
	if err := off.FitXY(X, y); err != nil {
		t.Fatal(err)
	}
	if off.NIter() != 50 {
		t.Errorf("EarlyStopping off ran %d iterations", off.NIter())
	}
}
