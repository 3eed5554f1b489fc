package ml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gostat/gostat/display"
)

// TestNilDisplays checks that a nil result (as returned beside an error)
// displays as "<nil ...>" instead of panicking.
func TestNilDisplays(t *testing.T) {
	ds := []display.Displayer{
		(*Comparison)(nil),
		(*CVResult)(nil),
		(*CVTable)(nil),
		(*RandomForestClassifier)(nil),
		(*RandomForestRegressor)(nil),
		(*HistGradientBoostingClassifier)(nil),
		(*HistGradientBoostingRegressor)(nil),
		(*Importance)(nil),
		(*Dependence)(nil),
		(*LearningCurve)(nil),
		(*KMeans)(nil),
		(*KNeighborsClassifier)(nil),
		(*KNeighborsRegressor)(nil),
		(*LinearRegression)(nil),
		(*Ridge)(nil),
		(*ElasticNet)(nil),
		(*Lasso)(nil),
		(*LogisticRegression)(nil),
		(*Confusion)(nil),
		(*Curve)(nil),
		(*Calibration)(nil),
		(*ModelFile)(nil),
		(*GaussianNB)(nil),
		(*MultinomialNB)(nil),
		(*PCA)(nil),
		(*Pipeline)(nil),
		(*Report)(nil),
		(*Evaluation)(nil),
		(*StandardScaler)(nil),
		(*SearchResult)(nil),
		(*DecisionTreeClassifier)(nil),
		(*DecisionTreeRegressor)(nil),
		(*PruningPath)(nil),
	}
	for _, d := range ds {
		b := d.Display(display.Plain)
		if !strings.Contains(b.Text, "<nil") {
			t.Errorf("%T: nil Display = %q", d, b.Text)
		}
		if s, ok := d.(fmt.Stringer); ok && !strings.Contains(s.String(), "<nil") {
			t.Errorf("%T: nil String = %q", d, s.String())
		}
	}
	ss := []fmt.Stringer{
		(*Dist)(nil),
	}
	for _, s := range ss {
		if !strings.Contains(s.String(), "<nil") {
			t.Errorf("%T: nil String = %q", s, s.String())
		}
	}
}
