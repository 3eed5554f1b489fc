package ml

import (
	"strings"
	"testing"

	"github.com/gostat/gostat/builtins/datasets"
	"github.com/gostat/gostat/builtins/frame"
)

// TestCVMissingNamesFrameColumn checks that resampling errors name the
// frame's column and row, not x1 and a row of one fold (QA Q23).
func TestCVMissingNamesFrameColumn(t *testing.T) {
	aq := datasets.MustLoad("airquality").DropNA("Ozone")
	_, err := CrossValidate(NewLinearRegression(), aq, "Ozone", 5, 1, "r2")
	want := `column "Solar.R" has 5 missing or infinite values (first at row 5)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("CrossValidate error = %v, want %q", err, want)
	}
	// the same check through a pipeline (fit on frames per fold): the
	// frame's column name and a row of the whole frame
	p := NewPipeline(NewLinearRegression(), frame.NewStandardize())
	_, err = CrossValidate(p, aq, "Ozone", 5, 1, "r2")
	if err == nil || !strings.Contains(err.Error(), `column "Solar.R"`) || strings.Contains(err.Error(), `"x`) {
		t.Errorf("pipeline CrossValidate error = %v", err)
	}
	// HistGradientBoosting accepts missing values: no error
	if _, err := CrossValidate(NewHistGradientBoostingRegressor(), aq, "Ozone", 3, 1, "r2"); err != nil {
		t.Errorf("HGB with missing values: %v", err)
	}
}
