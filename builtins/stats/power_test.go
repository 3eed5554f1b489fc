package stats

import "testing"

func TestPowerR(t *testing.T) {
	var m struct {
		TN     struct{ N float64 }     `json:"power_t_n"`
		TPow   struct{ Power float64 } `json:"power_t_power"`
		TDelta struct{ Delta float64 } `json:"power_t_delta"`
		TPair  struct{ Power float64 } `json:"power_t_paired_one"`
		TSD    struct{ SD float64 }    `json:"power_t_sd"`
		TSig   struct {
			Sig float64 `json:"sig_level"`
		} `json:"power_t_siglevel"`
		PN   struct{ N float64 }     `json:"power_prop_n"`
		PPow struct{ Power float64 } `json:"power_prop_power"`
		PP2  struct{ P2 float64 }    `json:"power_prop_p2"`
	}
	loadMore(t, &m)
	get := func(r *PowerResult, err error, name string) float64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return r.Get(name)
	}
	r, err := PowerTTest(PowerT{Delta: 1, Power: 0.9})
	near(t, "n", get(r, err, "n"), m.TN.N, 1e-10)
	r, err = PowerTTest(PowerT{N: 20, Delta: 1})
	near(t, "power", get(r, err, "power"), m.TPow.Power, 1e-10)
	r, err = PowerTTest(PowerT{N: 20, Power: 0.8})
	near(t, "delta", get(r, err, "delta"), m.TDelta.Delta, 1e-10)
	r, err = PowerTTest(PowerT{N: 15, Delta: 0.5, Type: "paired", Alternative: "one.sided"})
	near(t, "paired power", get(r, err, "power"), m.TPair.Power, 1e-10)
	r, err = PowerTTest(PowerT{N: 20, Delta: 1, Power: 0.8, Solve: "sd"})
	near(t, "sd", get(r, err, "sd"), m.TSD.SD, 1e-10)
	r, err = PowerTTest(PowerT{N: 20, Delta: 1, Power: 0.8, Solve: "sig.level"})
	near(t, "sig.level", get(r, err, "sig.level"), m.TSig.Sig, 1e-9)
	r, err = PowerPropTest(PowerProp{P1: 0.5, P2: 0.75, Power: 0.9})
	// R's uniroot stops at |Δn| < 1.2e-4; ulp-level differences in qnorm
	// can end the search one iterate apart, so only ~8 digits are shared.
	near(t, "prop n", get(r, err, "n"), m.PN.N, 1e-7)
	r, err = PowerPropTest(PowerProp{N: 50, P1: 0.5, P2: 0.75})
	near(t, "prop power", get(r, err, "power"), m.PPow.Power, 1e-10)
	r, err = PowerPropTest(PowerProp{N: 50, P1: 0.5, Power: 0.9})
	near(t, "prop p2", get(r, err, "p2"), m.PP2.P2, 1e-10)
	if _, err := PowerTTest(PowerT{Delta: 1}); err == nil {
		t.Error("two unknowns accepted")
	}
}
