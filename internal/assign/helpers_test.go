package assign

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/civil"
)

// day parses "2025-06-01"; "" is NoDate.
func day(s string) int {
	if s == "" {
		return NoDate
	}
	d, ok := civil.ParseDate(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}

// cl is a claim: owner, claimed, last contact, last deal.
func cl(owner, claimed, contact, deal string) Claim {
	return Claim{Owner: owner, ClaimedAt: day(claimed), LastContactAt: day(contact), LastDealAt: day(deal)}
}

func cust(id string, claims ...Claim) Customer {
	return Customer{ID: id, Claims: claims, ReclaimedAt: NoDate}
}

func rep(name string, capacity int) Rep {
	return Rep{Name: name, Capacity: capacity, Weight: 1, Active: true}
}

// policy is the default policy as of 2025-07-01, without reclaim so that
// resolution tests see only resolution.
func policy() Policy {
	p := DefaultPolicy()
	p.AsOf = day("2025-07-01")
	p.Reclaim.NoFollowupDays = 0
	p.Strategy = StrategyNone
	return p
}

func mustAssign(t *testing.T, cs []Customer, reps []Rep, ovs []Override, p Policy) *Plan {
	t.Helper()
	plan, err := Assign(cs, reps, ovs, p)
	if err != nil {
		t.Fatalf("Assign: %v", err)
	}
	if len(plan.Decisions) != len(cs) {
		t.Fatalf("got %d decisions for %d customers", len(plan.Decisions), len(cs))
	}
	return plan
}

func stepsString(steps []Step) string {
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(s.Rule + ":" + s.Outcome)
	}
	return b.String()
}
