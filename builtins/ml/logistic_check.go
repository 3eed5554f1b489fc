package ml

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Input checks of LogisticRegression: one sequential branch-free pass
// (allFinite, also checkFinite's fast path for every estimator) decides
// whether X and y are finite; only when something is not (or the shape is
// wrong) the shared checks run in full, so the errors are exactly theirs.

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

// checkTrainRows is checkTrain for the rows of X listed in rows (not
// empty), y their labels: the errors are those of checkXY on a copy of
// those rows. finite says that X and y are known to be finite.
func (m *LogisticRegression) checkTrainRows(X *mat.Dense, y []float64, rows []int, finite bool) (int, int, error) {
	if X == nil || len(rows) == 0 || len(y) != len(rows) || !(finite || finiteRows(X, rows, y)) {
		if X == nil {
			return m.checkXY(nil, y, false)
		}
		return m.checkXY(rowsDense(X, rows), y, false)
	}
	_, p := X.Dims()
	if _, _, err := m.checkXY(X.Slice(rows[0], rows[0]+1, 0, p).(*mat.Dense), y[:1], false); err != nil {
		return 0, 0, err
	}
	return len(rows), p, nil
}

// finiteRows is allFinite for the rows of X listed in rows (and y).
func finiteRows(X *mat.Dense, rows []int, y []float64) bool {
	_, p := X.Dims()
	raw := X.RawMatrix()
	var s0, s1 float64
	for _, r := range rows {
		x := raw.Data[r*raw.Stride : r*raw.Stride+p]
		for j := 0; j+1 < len(x); j += 2 {
			s0 += x[j] * 0
			s1 += x[j+1] * 0
		}
		if len(x)%2 == 1 {
			s0 += x[len(x)-1] * 0
		}
	}
	for _, v := range y {
		s1 += v * 0
	}
	return s0+s1 == 0
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

// classesOf is m.encodeClasses(y) (same classes, labels and errors)
// without sorting all of y: its distinct values are collected in one pass
// (a branch-free count when there are two) and encodeClasses runs on them
// alone. With two classes it returns yb (1 for the second class, else 0)
// and no idx, else each row's class index.
func (m *LogisticRegression) classesOf(y []float64) (idx []int, yb []float64, err error) {
	if len(y) == 0 {
		_, err := m.encodeClasses(y)
		return nil, nil, err
	}
	u := distinctFew(y, 32)
	if u == nil {
		if idx, err = m.encodeClasses(y); err != nil {
			return nil, nil, err
		}
	} else if _, err = m.encodeClasses(u); err != nil {
		return nil, nil, err
	}
	cv := m.ClassValues
	if len(cv) == 2 {
		// (v − c0)/(c1 − c0) is exactly 0 or 1 for v ∈ {c0, c1}
		yb = make([]float64, len(y))
		c0, d := cv[0], cv[1]-cv[0]
		for i, v := range y {
			yb[i] = (v - c0) / d
		}
		return nil, yb, nil
	}
	if idx == nil {
		idx = make([]int, len(y))
		for i, v := range y {
			for k, c := range cv {
				if v == c {
					idx[i] = k
					break
				}
			}
		}
	}
	return idx, nil, nil
}

// distinctFew returns the distinct values of y (len(y) > 0) in order of
// appearance, or nil when there are more than few.
func distinctFew(y []float64, few int) []float64 {
	a := y[0]
	i := 1
	for i < len(y) && y[i] == a {
		i++
	}
	if i == len(y) {
		return []float64{a}
	}
	b := y[i]
	// two values a and b (compared as bits: −0 ≠ 0 here, but then the
	// general loop below decides): count them without branches
	ab, bb := math.Float64bits(a), math.Float64bits(b)
	na := 0
	for _, v := range y {
		t := 0
		if u := math.Float64bits(v); u == ab || u == bb {
			t = 1
		}
		na += t
	}
	if na == len(y) {
		return []float64{a, b}
	}
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
				return nil
			}
			u = append(u, v)
		}
	}
	return u
}
