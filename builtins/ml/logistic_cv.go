package ml

// cvFold fits a fresh copy of m to the rows tr of d's matrix and scores it
// on the rows te, like d.fitScore but without copying the rows: the fit
// reads them in place (fitRows) and gives the same coefficients as a fit
// to a copy, bit for bit, so the scores and predictions are fitScore's.
// finite says that d.X and d.y are all finite (checked once for all folds).
func (m *LogisticRegression) cvFold(d *dataset, tr, te []int, s scorer, finite bool) (float64, []float64, []float64, error) {
	c := Clone(m).(*LogisticRegression)
	if err := c.fitRows(d.X, pick(d.y, tr), tr, finite); err != nil {
		return 0, nil, nil, d.foldError(err, tr)
	}
	if len(te) == 0 || !(finite || finiteRows(d.X, te, nil)) {
		// the shared path reports the problem
		return d.fitScore(m, nil, tr, te, s)
	}
	P := c.probaRows(d.X, te)
	pred := c.argmaxRows(P)
	if !s.needProba {
		P = nil
	}
	y := pick(d.y, te)
	v, err := s.score(y, pred, P)
	return v, pred, y, err
}
