package ml

import (
	"gonum.org/v1/gonum/mat"
)

// Input checks of LogisticRegression that read X row by row. checkXY and
// checkPredictX scan X column by column, which on a row-major 100k×20
// matrix strides through memory and costs as much as a third of a fit;
// here one sequential branch-free pass decides whether everything is
// finite, and only when something is not (or the shape is wrong) the
// shared checks run in full, so the errors are exactly theirs.

// allFinite reports whether every entry of X and of y (nil: none) is
// finite. v·0 is 0 for finite v and NaN for ±Inf and NaN, so the sums
// stay 0 exactly when all values are finite.
func allFinite(X *mat.Dense, y []float64) bool {
	n, p := X.Dims()
	raw := X.RawMatrix()
	var s0, s1, s2, s3 float64
	if raw.Stride == p {
		v := raw.Data[:n*p]
		i := 0
		for ; i+4 <= len(v); i += 4 {
			s0 += v[i] * 0
			s1 += v[i+1] * 0
			s2 += v[i+2] * 0
			s3 += v[i+3] * 0
		}
		for ; i < len(v); i++ {
			s0 += v[i] * 0
		}
	} else {
		for i := 0; i < n; i++ {
			for _, x := range raw.Data[i*raw.Stride : i*raw.Stride+p] {
				s0 += x * 0
			}
		}
	}
	for _, v := range y {
		s1 += v * 0
	}
	return s0+s1+s2+s3 == 0
}

// checkTrain is m.checkXY(X, y, false) (same bookkeeping, same errors)
// with the finite-value scan done row by row.
func (m *LogisticRegression) checkTrain(X *mat.Dense, y []float64) (int, int, error) {
	if X == nil {
		return m.checkXY(X, y, false)
	}
	n, p := X.Dims()
	if n == 0 || len(y) != n || !allFinite(X, y) {
		return m.checkXY(X, y, false)
	}
	// everything is finite: the shared check on the first row only does
	// the bookkeeping (feature names and types)
	if _, _, err := m.checkXY(X.Slice(0, 1, 0, p).(*mat.Dense), y[:1], false); err != nil {
		return 0, 0, err
	}
	return n, p, nil
}

// checkPredict is m.checkPredictX(X, false) with the finite-value scan done
// row by row.
func (m *LogisticRegression) checkPredict(X *mat.Dense) error {
	if X == nil {
		return m.checkPredictX(X, false)
	}
	n, p := X.Dims()
	if n == 0 || !allFinite(X, nil) {
		return m.checkPredictX(X, false)
	}
	return m.checkPredictX(X.Slice(0, 1, 0, p).(*mat.Dense), false)
}

// classesOf is m.encodeClasses(y) (same classes, labels and errors) without
// sorting all of y when it has few distinct values: those are collected in
// one pass and encodeClasses runs on them alone. It returns each row's
// class index.
func (m *LogisticRegression) classesOf(y []float64) ([]int, error) {
	const few = 32
	u := make([]float64, 0, few)
	for _, v := range y {
		seen := false
		for _, w := range u {
			if v == w {
				seen = true
				break
			}
		}
		if !seen {
			if len(u) == few {
				return m.encodeClasses(y)
			}
			u = append(u, v)
		}
	}
	if _, err := m.encodeClasses(u); err != nil {
		return nil, err
	}
	idx := make([]int, len(y))
	cv := m.ClassValues
	if len(cv) == 2 {
		for i, v := range y {
			if v == cv[1] {
				idx[i] = 1
			}
		}
		return idx, nil
	}
	for i, v := range y {
		for k, c := range cv {
			if v == c {
				idx[i] = k
				break
			}
		}
	}
	return idx, nil
}
