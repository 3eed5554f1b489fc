package stats

import (
	"math"
	"testing"
)

// TestSimulatedPValues: Monte Carlo p-values agree with the exact ones
// within their sampling error and do not depend on the number of workers.
func TestSimulatedPValues(t *testing.T) {
	job := [][]float64{{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}}
	exact, err := FisherTest(job)
	if err != nil {
		t.Fatal(err)
	}
	const B = 20000
	sim, err := FisherTestSim(job, BootOpt{R: B, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	se := math.Sqrt(exact.PValue * (1 - exact.PValue) / B)
	if math.Abs(sim.PValue-exact.PValue) > 4*se {
		t.Errorf("simulated Fisher p %v, exact %v (se %v)", sim.PValue, exact.PValue, se)
	}
	sim1, _ := FisherTestSim(job, BootOpt{R: B, Seed: 3, Workers: 1})
	if sim1.PValue != sim.PValue {
		t.Errorf("depends on workers: %v %v", sim.PValue, sim1.PValue)
	}
	// chi-square: the simulated p-value of a moderately sized table is close
	// to the asymptotic one
	tab := [][]float64{{20, 25, 5}, {15, 10, 18}, {30, 12, 22}}
	asy, _ := ChisqTest(tab)
	cs, err := ChisqTestSim(tab, BootOpt{R: B, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(cs.PValue-asy.PValue) > 4*math.Sqrt(asy.PValue*(1-asy.PValue)/B)+2e-4 {
		t.Errorf("simulated chi-square p %v, asymptotic %v", cs.PValue, asy.PValue)
	}
	if cs.Statistic != asy.Statistic {
		t.Errorf("statistic changed: %v vs %v", cs.Statistic, asy.Statistic)
	}
	if _, err := ChisqTestSim([][]float64{{1.5, 2}, {3, 4}}, BootOpt{}); err == nil {
		t.Error("fractional counts accepted")
	}
}
