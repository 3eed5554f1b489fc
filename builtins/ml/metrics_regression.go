package ml

import "math"

// MSE is the mean squared error (1/n) Σ (y_i − ŷ_i)².
func MSE(yTrue, yPred []float64) float64 {
	mustSameLen("MSE", yTrue, yPred)
	s := 0.0
	for i := range yTrue {
		d := yTrue[i] - yPred[i]
		s += d * d
	}
	return s / float64(len(yTrue))
}

// RMSE is the square root of MSE.
func RMSE(yTrue, yPred []float64) float64 { return math.Sqrt(MSE(yTrue, yPred)) }

// MAE is the mean absolute error (1/n) Σ |y_i − ŷ_i|.
func MAE(yTrue, yPred []float64) float64 {
	mustSameLen("MAE", yTrue, yPred)
	s := 0.0
	for i := range yTrue {
		s += math.Abs(yTrue[i] - yPred[i])
	}
	return s / float64(len(yTrue))
}

// MAPE is the mean absolute percentage error as a fraction,
// (1/n) Σ |y_i − ŷ_i| / max(|y_i|, ε) with ε the float64 machine epsilon
// (sklearn mean_absolute_percentage_error).
func MAPE(yTrue, yPred []float64) float64 {
	mustSameLen("MAPE", yTrue, yPred)
	const eps = 2.220446049250313e-16
	s := 0.0
	for i := range yTrue {
		s += math.Abs(yTrue[i]-yPred[i]) / math.Max(math.Abs(yTrue[i]), eps)
	}
	return s / float64(len(yTrue))
}

// R2 is the coefficient of determination 1 − Σ(y−ŷ)² / Σ(y−ȳ)² (sklearn
// r2_score: 1 when y is constant and predicted exactly, 0 when constant
// but not).
func R2(yTrue, yPred []float64) float64 {
	mustSameLen("R2", yTrue, yPred)
	m := 0.0
	for _, v := range yTrue {
		m += v
	}
	m /= float64(len(yTrue))
	var ss, st float64
	for i, v := range yTrue {
		d := v - yPred[i]
		ss += d * d
		st += (v - m) * (v - m)
	}
	if st == 0 {
		if ss == 0 {
			return 1
		}
		return 0
	}
	return 1 - ss/st
}
