package assign

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

var (
	provinces = []string{"上海", "北京", "广东", "Zhejiang", ""}
	tiers     = []string{"高", "中", "low", "", "战略客户"}
)

// randomCase builds customers, reps, overrides and a policy from a seed:
// claimants include unknown and inactive reps, dates are missing at times,
// caps are tight.
func randomCase(seed uint64, n int) ([]Customer, []Rep, []Override, Policy) {
	rng := rand.New(rand.NewPCG(seed, 42))
	asOf := day("2025-07-01")
	date := func() int {
		if rng.IntN(6) == 0 {
			return NoDate
		}
		return asOf - rng.IntN(400)
	}
	var reps []Rep
	for i := range 1 + rng.IntN(8) {
		reps = append(reps, Rep{
			Name:        fmt.Sprintf("r%d", i),
			Territories: []string{provinces[rng.IntN(len(provinces))]},
			Capacity:    rng.IntN(n/2 + 2),
			Weight:      float64(rng.IntN(4)),
			Active:      rng.IntN(5) != 0,
		})
	}
	if rng.IntN(10) == 0 {
		reps = nil
	}
	owner := func() string { return fmt.Sprintf("r%d", rng.IntN(10)) } // r8, r9 are often unknown
	cs := make([]Customer, n)
	for i := range cs {
		c := Customer{ID: fmt.Sprintf("c%d", rng.IntN(n*2)), ReclaimedAt: NoDate,
			Tier: tiers[rng.IntN(len(tiers))], Province: provinces[rng.IntN(len(provinces))], Revenue: float64(rng.IntN(1000))}
		for range rng.IntN(4) {
			c.Claims = append(c.Claims, Claim{Owner: owner(), ClaimedAt: date(), LastContactAt: date(), LastDealAt: date()})
		}
		if rng.IntN(4) == 0 {
			c.PreviousOwner, c.ReclaimedAt = owner(), asOf-rng.IntN(60)
		}
		cs[i] = c
	}
	var ovs []Override
	overridden := map[string]bool{}
	for range rng.IntN(3) {
		if id := cs[rng.IntN(n)].ID; len(reps) > 0 && !overridden[id] {
			overridden[id] = true
			ovs = append(ovs, Override{CustomerID: id, Owner: reps[rng.IntN(len(reps))].Name})
		}
	}
	p := DefaultPolicy()
	p.AsOf = asOf
	p.Lang = []string{"zh", "en"}[rng.IntN(2)]
	p.Strategy = knownStrategies[rng.IntN(len(knownStrategies))]
	p.Overflow = []string{OverflowKeep, OverflowPool, OverflowError}[rng.IntN(3)]
	p.ProtectionDays = rng.IntN(60)
	p.Reclaim.NoFollowupDays = rng.IntN(200)
	p.Reclaim.NoDealDays = rng.IntN(200)
	p.Reclaim.ByTier = map[string]ReclaimDays{"high": {NoFollowupDays: rng.IntN(100)}}
	p.CooldownDays = rng.IntN(40)
	if rng.IntN(2) == 0 {
		p.Chain = []string{RuleFollowup, RuleOverride, RuleEarliest, RuleTiebreak}
	}
	return cs, reps, ovs, p
}

// checkPlan asserts the invariants every plan must keep.
func checkPlan(t *testing.T, cs []Customer, reps []Rep, p Policy, plan *Plan) {
	t.Helper()
	if len(plan.Decisions) != len(cs) {
		t.Fatalf("%d decisions for %d customers", len(plan.Decisions), len(cs))
	}
	byName := map[string]Rep{}
	for _, r := range reps {
		byName[r.Name] = r
	}
	held, distributed, overridden := map[string]int{}, map[string]int{}, map[string]int{}
	total := 0
	for i, d := range plan.Decisions {
		if d.Reason == "" || d.Rule == "" {
			t.Fatalf("customer %d: no rule or reason: %+v", i, d)
		}
		if d.Owner == "" {
			if !contains([]string{RulePool, RuleReclaimFollowup, RuleReclaimDeal, RuleOverflow}, d.Rule) {
				t.Fatalf("customer %d in the pool with rule %q", i, d.Rule)
			}
			continue
		}
		if r, ok := byName[d.Owner]; len(reps) > 0 && (!ok || !r.Active) {
			t.Fatalf("customer %d owned by %q, not an active rep", i, d.Owner)
		}
		held[d.Owner]++
		switch d.Rule {
		case RuleDistributed:
			distributed[d.Owner]++
			c := cs[i]
			if d.Owner == d.ReclaimedFrom && p.CooldownDays > 0 ||
				d.Owner == c.PreviousOwner && c.ReclaimedAt != NoDate && p.AsOf-c.ReclaimedAt < p.CooldownDays {
				t.Fatalf("customer %d went back to %s during its cooldown", i, d.Owner)
			}
		case RuleOverride:
			overridden[d.Owner]++
		}
	}
	for owner, n := range plan.After {
		total += n
		if owner != "" && held[owner] != n {
			t.Fatalf("After[%s] = %d, decisions say %d", owner, n, held[owner])
		}
	}
	if total != len(cs) {
		t.Fatalf("After sums to %d, want %d", total, len(cs))
	}
	for name, r := range byName {
		if r.Capacity == 0 {
			continue
		}
		if distributed[name] > 0 && held[name] > r.Capacity {
			t.Fatalf("rep %s got customers from the pool beyond its cap: %d > %d", name, held[name], r.Capacity)
		}
		if p.Overflow == OverflowPool && held[name] > max(r.Capacity, overridden[name]) {
			t.Fatalf("rep %s holds %d, cap %d, overflow pool", name, held[name], r.Capacity)
		}
	}
}

func runProperty(t *testing.T, seed uint64, n int) {
	cs, reps, ovs, p := randomCase(seed, n)
	plan, err := Assign(cs, reps, ovs, p)
	if err != nil {
		var pe *PolicyError
		if !errors.As(err, &pe) || p.Overflow != OverflowError {
			t.Fatalf("seed %d: unexpected error %v", seed, err)
		}
		return
	}
	checkPlan(t, cs, reps, p, plan)
	again, err := Assign(cs, reps, ovs, p)
	if err != nil || !reflect.DeepEqual(plan, again) {
		t.Fatalf("seed %d: the same input gave a different plan", seed)
	}
}

func TestPropertyRandomInputs(t *testing.T) {
	for seed := range uint64(500) {
		runProperty(t, seed, 1+int(seed%97))
	}
}

func FuzzAssign(f *testing.F) {
	f.Add(uint64(1), uint8(10))
	f.Add(uint64(7), uint8(200))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		runProperty(t, seed, 1+int(n))
	})
}
