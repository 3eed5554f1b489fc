package ml

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestRidgeLassoMtcars(t *testing.T) {
	ref := readRef(t, "ridge_lasso_mtcars")
	r := ref["R"].(map[string]any)
	var preds []string
	for _, v := range r["predictors"].([]any) {
		preds = append(preds, v.(string))
	}
	X, y := numericData(t, "mtcars.csv", preds, "mpg")
	n, p := X.Dims()
	// z-score with the population sd, as the reference does.
	Z := mat.NewDense(n, p, nil)
	for j, name := range preds {
		mu := getF(r, "x_mean", name).(float64)
		sd := getF(r, "x_sd_population", name).(float64)
		for i := 0; i < n; i++ {
			Z.Set(i, j, (X.At(i, j)-mu)/sd)
		}
	}
	rd := &Ridge{Alpha: 1}
	if err := rd.FitXY(Z, y); err != nil {
		t.Fatal(err)
	}
	la := &Lasso{Alpha: 0.1}
	if err := la.FitXY(Z, y); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		coef []float64
		icpt float64
		key  string
	}{{"ridge", rd.Coef(), rd.Intercept(), "ridge"}, {"lasso", la.Coef(), la.Intercept(), "lasso"}} {
		if d := lre(c.icpt, r[c.key+"_intercept"].(float64)); d < 8 {
			t.Errorf("%s intercept %.12g LRE %.1f", c.name, c.icpt, d)
		}
		for j, name := range preds {
			want := getF(r, c.key+"_coef", name).(float64)
			got := c.coef[j]
			ok := lre(got, want) >= 8
			if want == 0 {
				ok = got == 0
			}
			if !ok {
				t.Errorf("%s %s = %.15g, want %.15g", c.name, name, got, want)
			}
		}
	}
}
