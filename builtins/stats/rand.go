package stats

import "math/rand/v2"

// newRand returns the package's seeded generator: PCG with the seed and a
// fixed stream constant, so that equal seeds give equal draws everywhere.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

// streamRand returns an independent generator for worker i of a parallel
// computation seeded with seed (distinct PCG stream per worker).
func streamRand(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15+uint64(2*i+1)*0xbf58476d1ce4e5b9))
}
