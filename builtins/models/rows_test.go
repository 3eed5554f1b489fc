package models

import (
	"strings"
	"testing"
)

// TestRowsNameFrameRows checks that observations are named by their frame
// row after rows with missing values are dropped. Reference (R 4.x):
//
//	fit <- lm(Ozone ~ Temp + Wind, airquality)
//	head(sort(cooks.distance(fit), decreasing = TRUE), 3)
//	#       117        48        62
//	# 0.3150... 0.1276... 0.0962...
func TestRowsNameFrameRows(t *testing.T) {
	aq := loadDS(t, "airquality")
	m, err := OLS("Ozone ~ Temp + Wind", aq)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Rows) != len(m.Residuals) || m.Rows[0] != 0 || m.Rows[4] != 5 {
		t.Fatalf("Rows = %v…, want [0 1 2 3 5 …] (row 5 has Ozone NA)", m.Rows[:min(6, len(m.Rows))])
	}
	txt := m.Diagnose().String()
	want := "row 117 (D = 0.315"
	if !strings.Contains(txt, want) || !strings.Contains(txt, "row 48 (D = 0.128") || !strings.Contains(txt, "row 62 (D = 0.0962") {
		t.Errorf("Diagnose does not name R's rows 117, 48, 62:\n%s", txt)
	}
	g, err := GLM("Ozone ~ Temp", aq, Poisson("log"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Rows) != len(g.Y) || g.Rows[4] != 5 {
		t.Errorf("GLM Rows = %v…", g.Rows[:min(6, len(g.Rows))])
	}
	aq2 := aq.With("neg", aq.Col("Ozone"))
	neg := aq2.Col("neg")
	neg[10] = -1 // frame row 11 (row 10 of the used observations after NA drops)
	if _, err := GLM("neg ~ Temp", aq2.With("neg", neg), Poisson("log")); err == nil || !strings.Contains(err.Error(), "row 11 ") {
		t.Errorf("GLM error should name frame row 11: %v", err)
	}
}

// TestWLSReading checks that the WLS reading does not call the weighted
// residual standard error a prediction error (QA Q24). R:
// sqrt(mean(residuals(lm(mpg ~ wt, mtcars, weights = hp))^2)) = 3.141885
func TestWLSReading(t *testing.T) {
	cars := loadDS(t, "mtcars")
	m, err := WLS("mpg ~ wt", cars, cars.Col("hp"))
	if err != nil {
		t.Fatal(err)
	}
	s := m.String()
	if strings.Contains(s, "typical prediction error") || !strings.Contains(s, "on the weighted scale") || !strings.Contains(s, "mpg: 3.14)") {
		t.Errorf("WLS reading:\n%s", s)
	}
}

// TestRowLabels checks that a frame's label column names observations as
// R's row names do. R: head(sort(cooks.distance(lm(mpg ~ wt, mtcars)),
// decreasing = TRUE), 3): Chrysler Imperial 0.5319056, Toyota Corolla
// 0.2598750, Fiat 128 0.1929858 (rows 17, 20, 18).
func TestRowLabels(t *testing.T) {
	cars := loadDS(t, "mtcars")
	m, err := OLS("mpg ~ wt", cars)
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(strings.Fields(m.Diagnose().String()), " ")
	for _, want := range []string{`row 17 "Chrysler Imperial" (D = 0.532`, `row 20 "Toyota Corolla" (D = 0.26,`, `row 18 "Fiat 128" (D = 0.193`} {
		if !strings.Contains(txt, want) {
			t.Errorf("Diagnose lacks %q:\n%s", want, txt)
		}
	}
}

// TestNilFitMethodError checks that a method called on the nil model a
// failed fit returns says so instead of a bare nil-pointer message.
func TestNilFitMethodError(t *testing.T) {
	var m *GLMFit
	_, err := m.Anova("Chisq")
	if err == nil || !strings.Contains(err.Error(), "is the model nil?") {
		t.Errorf("Anova on a nil fit: %v", err)
	}
}
