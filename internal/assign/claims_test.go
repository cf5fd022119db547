package assign

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSettledClaimsAreRemembered(t *testing.T) {
	list := "李娜|2025-03-01|2025-12-20|;王芳|2025-12-15|2025-12-16|"
	p := policy()
	p.AsOf = day("2025-12-31")
	c := cust("c1", ParseClaims(list, nil)...)
	d := mustAssign(t, []Customer{c}, nil, nil, p).Decisions[0]
	if !d.Dispute || d.Owner != "李娜" {
		t.Fatalf("first month: dispute %v owner %q", d.Dispute, d.Owner)
	}
	settled := SettleClaims(list, &d, "2025-12-31", "2025-03-01")
	if want := "李娜|2025-03-01|2025-12-20|;王芳|2025-12-15|2025-12-16||settled:2025-12-31"; settled != want {
		t.Fatalf("settled %q, want %q", settled, want)
	}

	// Next month: the same claim of 王芳 comes again with the new export
	// (a later follow-up, same claim date): still settled, no dispute.
	next := settled + ";王芳|2025-12-15|2026-01-20|"
	p.AsOf = day("2026-01-31")
	d = mustAssign(t, []Customer{cust("c1", ParseClaims(next, nil)...)}, nil, nil, p).Decisions[0]
	if d.Dispute || d.Owner != "李娜" || d.Rule != RuleKept {
		t.Errorf("next month: dispute %v owner %q rule %q, want 李娜 kept", d.Dispute, d.Owner, d.Rule)
	}
	if got := SettleClaims(next, &d, "2026-01-31", "2025-03-01"); got != next+"|settled:2026-01-31" {
		t.Errorf("repeat settled again: %q", got)
	}
	if !ClaimKnown(settled, "王芳", "2025-12-15") || ClaimKnown(settled, "王芳", "2026-01-10") || !ClaimKnown(settled, "李娜", "2025-03-01") || ClaimKnown(settled, "赵磊", "2025-03-01") {
		t.Error("ClaimKnown")
	}

	// A new claim (a new claim date, or another rep) reopens it.
	reopened := settled + ";王芳|2026-01-10|2026-01-12|"
	d = mustAssign(t, []Customer{cust("c1", ParseClaims(reopened, nil)...)}, nil, nil, p).Decisions[0]
	if !d.Dispute || d.Owner != "李娜" {
		t.Errorf("reopened: dispute %v owner %q, want a dispute 李娜 wins", d.Dispute, d.Owner)
	}

	// A customer handed to a rep who never claimed it: the old claim is
	// settled, the new owner's claim added.
	hand := Decision{Owner: "张伟"}
	if got := SettleClaims("王芳|2025-01-01||", &hand, "2025-12-31", "2025-12-31"); got != "王芳|2025-01-01|||settled:2025-12-31;张伟|2025-12-31||" {
		t.Errorf("handed over: %q", got)
	}
	// Nothing to settle: the same string back.
	kept := Decision{Owner: "李娜"}
	if got := SettleClaims("李娜|2025-03-01||", &kept, "2025-12-31", ""); got != "李娜|2025-03-01||" {
		t.Errorf("kept: %q", got)
	}
}

// splitClaim cuts as strings.Split does, up to five parts.
func TestSplitClaimIsSplit(t *testing.T) {
	pieces := []string{"", "|", "||", "a", "张伟", " ", "settled:2025-01-01", "2025-03-01"}
	var gen func(s string, depth int)
	gen = func(s string, depth int) {
		var buf [5]string
		got, ok := splitClaim(s, &buf)
		want := strings.Split(s, "|")
		if ok != (len(want) <= 5) || (ok && !slices.Equal(got, want)) {
			t.Fatalf("splitClaim(%q) = %q, %v; strings.Split %q", s, got, ok, want)
		}
		if depth < 4 {
			for _, p := range pieces {
				gen(s+p, depth+1)
			}
		}
	}
	gen("", 0)
}

// settleClaimsReference is SettleClaims as first written: every item
// parsed in full, the list split and joined again.
func settleClaimsReference(list string, d *Decision, asOf, claimedAt string) string {
	if list == "" {
		return list
	}
	change, hasOwner := false, false
	for item := range strings.SplitSeq(list, ";") {
		c, settled, ok := parseClaim(item)
		switch {
		case !ok || settled:
		case c.Owner == d.Owner:
			hasOwner = true
		default:
			change = true
		}
	}
	if !change && (hasOwner || d.Owner == "") {
		return list
	}
	items := strings.Split(list, ";")
	for i, item := range items {
		if c, settled, ok := parseClaim(item); ok && !settled && c.Owner != d.Owner {
			items[i] = strings.TrimSpace(item) + "|" + settledMark + asOf
		}
	}
	if d.Owner != "" && !hasOwner {
		items = append(items, claimSeparators.Replace(d.Owner)+"|"+claimedAt+"||")
	}
	return strings.Join(items, ";")
}

// SettleClaims settles as the plain split-and-join version does, on
// random lists of awkward items.
func TestSettleClaimsMatchesReference(t *testing.T) {
	pieces := []string{"", "张伟", " 张伟 ", "李娜", "a|b", "2025-03-01", "settled:2025-01-01", " settled:x", "|", ";", " ", "x;y"}
	owners := []string{"", "张伟", "李娜", "王|芳"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var items []string
		for range rng.IntN(4) {
			parts := make([]string, 3+rng.IntN(4))
			for i := range parts {
				parts[i] = pieces[rng.IntN(len(pieces))]
			}
			items = append(items, strings.Join(parts, "|"))
		}
		list := strings.Join(items, ";")
		d := &Decision{Owner: owners[rng.IntN(len(owners))]}
		got := SettleClaims(list, d, "2026-01-01", "2025-12-31")
		if want := settleClaimsReference(list, d, "2026-01-01", "2025-12-31"); got != want {
			t.Fatalf("SettleClaims(%q, owner %q) = %q, want %q", list, d.Owner, got, want)
		}
	}
}
