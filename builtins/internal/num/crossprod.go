package num

// gramRows is the number of rows per cache block of WeightedGramAdd: the
// weighted copy of a block of q columns (q·gramRows floats) stays in cache
// while every tile of the output reads it.
const gramRows = 512

// WeightedGramAdd adds the upper triangle of the weighted cross product
// of the rows lo ≤ i < hi,
//
//	G[j][k] += Σ_i w_i · x_ij · x_ik,   0 ≤ j ≤ k < q,
//
// to g (q×q, row-major with stride q; entries below the diagonal are left
// unchanged), where x_ij = cols[j][i] and q = len(cols). Passing a working
// response z as the last column makes the last column of G the right-hand
// side X'Wz of weighted least squares (normal equations X'WX b = X'Wz).
// w may be nil for unit weights.
//
// Rows are taken in blocks of gramRows. In each block the products
// w_i·x_ij are formed once, and the output is computed in 4×3 tiles of
// dot products over the block (seven loads per twelve multiply-adds); each
// block's sums are added to g in block order, so the result is
// deterministic. On amd64 with AVX2 and FMA3 the tiles run as 4-wide fused
// multiply-adds; elsewhere in plain Go. The rounding error is that of
// blocked (pairwise-like) summation (Higham, Accuracy and Stability of
// Numerical Algorithms, 2nd ed., §4.2):
// |ΔG_jk| ≲ (2 + gramRows/4 + 2 + n/gramRows)·ε·Σ_i |w_i x_ij x_ik|.
func WeightedGramAdd(g []float64, cols [][]float64, w []float64, lo, hi int) {
	q := len(cols)
	if q == 0 || hi <= lo {
		return
	}
	if len(g) < q*q {
		panic("num.WeightedGramAdd: g is shorter than q×q")
	}
	var work GramWork
	work.init(q, min(gramRows, hi-lo))
	for b := lo; b < hi; b += gramRows {
		e := min(hi, b+gramRows)
		for j, c := range cols {
			work.x[j] = c[b:e]
		}
		var wb []float64
		if w != nil {
			wb = w[b:e]
		}
		work.add(g, wb)
	}
}

// GramWork is the scratch space of one goroutine's weighted cross
// products; the zero value is ready to use and grows as needed.
type GramWork struct {
	q     int
	buf   []float64
	wx, x [][]float64
	plan  []gramTile
}

func (wk *GramWork) init(q, m int) {
	if wk.q != q {
		wk.q = q
		wk.plan = gramPlan(q)
		wk.wx = make([][]float64, q)
		wk.x = make([][]float64, q)
	}
	if len(wk.buf) < q*m {
		wk.buf = make([]float64, q*m)
	}
}

// add adds the upper triangle of Σ_i w_i x_i x_i' over the block held in
// wk.x (all of one length r) to g (stride q); w is nil or has length r.
func (wk *GramWork) add(g []float64, w []float64) {
	q := wk.q
	r := len(wk.x[0])
	wx, x := wk.wx, wk.x
	for j, c := range x {
		d := wk.buf[j*r : j*r+r]
		if w == nil {
			copy(d, c)
		} else {
			ws := w[:len(d)]
			c = c[:len(d)]
			i0 := 0
			if hasFMA && len(d) >= 4 {
				i0 = len(d) &^ 3
				mulAVX(&d[0], &ws[0], &c[0], i0)
			}
			for i := i0; i < len(d); i++ {
				d[i] = ws[i] * c[i]
			}
		}
		wx[j] = d
	}
	if wk.plan == nil {
		for j := 0; j < q; j++ {
			for k := j; k < q; k++ {
				g[j*q+k] += dot(wx[j], x[k])
			}
		}
		return
	}
	var t [12]float64
	for _, tl := range wk.plan {
		tile43(&t, wx[tl.j0:tl.j0+4], x[tl.k0:tl.k0+3])
		for a := 0; a < 4; a++ {
			for s := 0; s < 3; s++ {
				if tl.mask&(1<<(3*a+s)) != 0 {
					g[(tl.j0+a)*q+tl.k0+s] += t[3*a+s]
				}
			}
		}
	}
}

// PanelRows is the number of rows in one block of a Panels matrix.
const PanelRows = gramRows

// Panels holds an n×p matrix in blocks of PanelRows rows; within a block
// the p column segments are contiguous. A pass over all columns of a
// block then reads one contiguous stretch of memory (a column-major
// matrix would be p separate streams, a row-major one needs strided
// access for column operations).
type Panels struct {
	// N rows and P columns.
	N, P int
	data []float64
}

// NewPanels returns an n×p Panels matrix; buf is reused when it is long
// enough (its contents are overwritten by Fill).
func NewPanels(n, p int, buf []float64) *Panels {
	size := (n + PanelRows - 1) / PanelRows * PanelRows * p
	if cap(buf) < size {
		buf = make([]float64, size)
	}
	return &Panels{N: n, P: p, data: buf[:size]}
}

// Data returns the backing slice (for reuse by a later NewPanels).
func (pn *Panels) Data() []float64 { return pn.data }

// Blocks returns the number of row blocks.
func (pn *Panels) Blocks() int { return (pn.N + PanelRows - 1) / PanelRows }

// Rows returns the row range [lo, hi) of block b.
func (pn *Panels) Rows(b int) (lo, hi int) {
	lo = b * PanelRows
	return lo, min(pn.N, lo+PanelRows)
}

// Col returns column j of block b (rows Rows(b)).
func (pn *Panels) Col(b, j int) []float64 {
	lo, hi := pn.Rows(b)
	o := b*PanelRows*pn.P + j*PanelRows
	return pn.data[o : o+hi-lo]
}

// Fill copies the blocks blo ≤ b < bhi of the columns cols (each of
// length N) into the panels.
func (pn *Panels) Fill(cols [][]float64, blo, bhi int) {
	for b := blo; b < bhi; b++ {
		lo, hi := pn.Rows(b)
		for j, c := range cols {
			copy(pn.Col(b, j), c[lo:hi])
		}
	}
}

// WeightedGramAdd adds to g the upper triangle of Σ_i w_i v_i v_i' over
// the rows of the blocks blo ≤ b < bhi, where v_i is row i of the panels
// followed by z_i when z is not nil (q = P or P+1 columns, g is q×q with
// stride q). With z, the last column of g receives X'Wz. See the function
// WeightedGramAdd for the method and the rounding error. work may be
// reused across calls by one goroutine.
func (pn *Panels) WeightedGramAdd(g []float64, z, w []float64, blo, bhi int, work *GramWork) {
	q := pn.P
	if z != nil {
		q++
	}
	if q == 0 || bhi <= blo {
		return
	}
	if len(g) < q*q {
		panic("num.Panels.WeightedGramAdd: g is shorter than q×q")
	}
	work.init(q, PanelRows)
	for b := blo; b < bhi; b++ {
		lo, hi := pn.Rows(b)
		for j := 0; j < pn.P; j++ {
			work.x[j] = pn.Col(b, j)
		}
		if z != nil {
			work.x[pn.P] = z[lo:hi]
		}
		var wb []float64
		if w != nil {
			wb = w[lo:hi]
		}
		work.add(g, wb)
	}
}

// gramTile is one 4×3 tile of the output: rows j0…j0+3, columns k0…k0+2;
// bit 3a+s of mask is set when entry (j0+a, k0+s) belongs to this tile.
type gramTile struct {
	j0, k0 int
	mask   uint16
}

// gramPlan covers the upper triangle of a q×q output with 4×3 tiles, each
// entry assigned to exactly one tile (the last tile of a row or column
// range overlaps the previous one instead of running past q). It returns
// nil for q < 4, where plain dot products are used.
func gramPlan(q int) []gramTile {
	if q < 4 {
		return nil
	}
	done := make([]bool, q*q)
	var plan []gramTile
	for r0 := 0; r0 < q; r0 += 4 {
		// rows r0… still need tiles; the last group is shifted back to
		// stay inside q, and its columns start at r0 (k ≥ j ≥ r0)
		j0 := min(r0, q-4)
		for k0 := r0; k0 < q; k0 += 3 {
			k0 := min(k0, q-3)
			t := gramTile{j0: j0, k0: k0}
			for a := 0; a < 4; a++ {
				for s := 0; s < 3; s++ {
					j, k := j0+a, k0+s
					if j <= k && !done[j*q+k] {
						done[j*q+k] = true
						t.mask |= 1 << (3*a + s)
					}
				}
			}
			if t.mask != 0 {
				plan = append(plan, t)
			}
		}
	}
	return plan
}

// tile43 sets t[3r+s] = a[r]·b[s] (r < 4, s < 3); all slices have the
// length of a[0].
func tile43(t *[12]float64, a, b [][]float64) {
	n := len(a[0])
	n4 := 0
	if hasFMA && n >= 4 {
		n4 = n &^ 3
		tile43FMA(&a[0][0], &a[1][0], &a[2][0], &a[3][0], &b[0][0], &b[1][0], &b[2][0], n4, t)
	} else {
		*t = [12]float64{}
	}
	if n4 == n {
		return
	}
	// plain Go: two 2×3 halves keep the accumulators in registers
	for h := 0; h < 4; h += 2 {
		a0, a1 := a[h][n4:n], a[h+1][n4:n]
		m := len(a0)
		a1 = a1[:m]
		b0, b1, b2 := b[0][n4:n], b[1][n4:n], b[2][n4:n]
		b0, b1, b2 = b0[:m], b1[:m], b2[:m]
		var s00, s01, s02, s10, s11, s12 float64
		for i := range a0 {
			y0, y1, y2 := b0[i], b1[i], b2[i]
			x := a0[i]
			s00 += x * y0
			s01 += x * y1
			s02 += x * y2
			x = a1[i]
			s10 += x * y0
			s11 += x * y1
			s12 += x * y2
		}
		t[3*h] += s00
		t[3*h+1] += s01
		t[3*h+2] += s02
		t[3*h+3] += s10
		t[3*h+4] += s11
		t[3*h+5] += s12
	}
}

func dot(a, b []float64) float64 {
	b = b[:len(a)]
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
