package assign

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchCase is a realistic million: 80% one claim, 6% disputes, 10%
// orphans, 4% claimed by reps who left; 200 reps with caps that leave room.
func benchCase(n, nReps int) ([]Customer, []Rep, Policy) {
	rng := rand.New(rand.NewPCG(1, 2))
	asOf := day("2025-07-01")
	reps := make([]Rep, nReps)
	for i := range reps {
		reps[i] = Rep{Name: fmt.Sprintf("销售%03d", i), Territories: []string{provinces[i%4]}, Capacity: 2 * n / nReps, Weight: 1, Active: i%20 != 0}
	}
	claim := func() Claim {
		return Claim{Owner: reps[rng.IntN(nReps)].Name, ClaimedAt: asOf - rng.IntN(365), LastContactAt: asOf - rng.IntN(120), LastDealAt: NoDate}
	}
	cs := make([]Customer, n)
	for i := range cs {
		c := Customer{ID: fmt.Sprintf("C%07d", i), Tier: tiers[i%3], Province: provinces[i%5], Revenue: float64(i % 9973), ReclaimedAt: NoDate}
		switch k := rng.IntN(100); {
		case k < 80:
			c.Claims = []Claim{claim()}
		case k < 86:
			c.Claims = []Claim{claim(), claim()}
		}
		cs[i] = c
	}
	p := DefaultPolicy()
	p.AsOf = asOf
	p.Reclaim.Enabled = true // the workload measured before reclaim became opt-in
	p.Reclaim.ByTier = map[string]ReclaimDays{"高": {NoFollowupDays: 60}}
	return cs, reps, p
}

func BenchmarkAssign1M(b *testing.B) {
	for _, strategy := range []string{StrategyLeastLoaded, StrategyRoundRobin, StrategyWeighted, StrategyTerritory} {
		b.Run(strategy, func(b *testing.B) {
			cs, reps, p := benchCase(1_000_000, 200)
			p.Strategy = strategy
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Assign(cs, reps, nil, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
