package assign

import (
	"strings"
	"testing"
)

// FuzzClaims feeds the claims column, which crmkit writes and later
// trusts, any text: parsing never panics, every claim has an owner, and
// settling the list after a decision leaves the winner's claim open and
// every other claim settled, as the plain version settles it.
func FuzzClaims(f *testing.F) {
	f.Add("张三|2025-01-02|2025-03-04|;李四|2025-02-01||2025-05-06|settled:2025-06-01")
	f.Add("a|b|c|d;;|||;x|2025-13-40|2025-01-01|2025-01-01|settled:")
	f.Add("王五|2025-01-01|||")
	f.Fuzz(func(t *testing.T, list string) {
		for _, owner := range []string{"", "张伟", strings.TrimSpace(strings.Split(list, "|")[0])} {
			d := &Decision{Owner: owner}
			if got, want := SettleClaims(list, d, "2026-01-01", "2025-12-31"), settleClaimsReference(list, d, "2026-01-01", "2025-12-31"); got != want {
				t.Fatalf("SettleClaims(%q, owner %q) = %q, want %q", list, owner, got, want)
			}
		}
		open := ParseClaims(list, nil)
		for _, c := range open {
			if strings.TrimSpace(c.Owner) == "" {
				t.Fatalf("claim without owner from %q", list)
			}
		}
		if len(open) == 0 {
			return
		}
		winner := open[0].Owner
		if strings.ContainsAny(winner, "|;") {
			return
		}
		after := SettleClaims(list, &Decision{Owner: winner}, "2026-01-01", "2026-01-01")
		for _, c := range ParseClaims(after, nil) {
			if c.Owner != winner {
				t.Fatalf("%q still open after settling for %q: %q", c.Owner, winner, after)
			}
		}
		if !ClaimKnown(after, winner, "") && !hasOwner(ParseClaims(after, nil), winner) {
			t.Fatalf("winner %q lost its claim: %q", winner, after)
		}
	})
}

func hasOwner(cs []Claim, owner string) bool {
	for _, c := range cs {
		if c.Owner == owner {
			return true
		}
	}
	return false
}
