package assign

import "strings"

// mergeClaims returns one claim per distinct non-empty owner, in order of
// first appearance: earliest claim, latest contact, latest deal. The common
// case, claims that are already one per owner, comes back without copying.
func mergeClaims(claims []Claim) []Claim {
	if len(claims) == 1 && claims[0].Owner != "" {
		return claims
	}
	if distinctOwners(claims) {
		return claims
	}
	var out []Claim
	for _, c := range claims {
		if c.Owner == "" {
			continue
		}
		j := 0
		for j < len(out) && out[j].Owner != c.Owner {
			j++
		}
		if j == len(out) {
			out = append(out, c)
			continue
		}
		m := &out[j]
		m.ClaimedAt = earliest(m.ClaimedAt, c.ClaimedAt)
		m.LastContactAt = max(m.LastContactAt, c.LastContactAt)
		m.LastDealAt = max(m.LastDealAt, c.LastDealAt)
	}
	return out
}

func distinctOwners(claims []Claim) bool {
	for i, c := range claims {
		if c.Owner == "" {
			return false
		}
		for _, o := range claims[:i] {
			if o.Owner == c.Owner {
				return false
			}
		}
	}
	return true
}

// earliest is the smaller known day; NoDate only when both are unknown.
// (NoDate is the smallest int32, so max already prefers known days.)
func earliest(a, b int) int {
	switch {
	case a == NoDate:
		return b
	case b == NoDate:
		return a
	}
	return min(a, b)
}

// exclusion says why a candidate cannot own the customer, or "" when it can.
func (e *engine) exclusion(c *Customer, cl *Claim) string {
	if len(e.reps) > 0 {
		i, ok := e.repIndex[cl.Owner]
		if !ok {
			return ExcludedUnknown
		}
		if !e.reps[i].Active {
			return ExcludedInactive
		}
	}
	if cl.Owner == c.PreviousOwner && e.p.CooldownDays > 0 && c.ReclaimedAt != NoDate && cl.ClaimedAt != NoDate &&
		cl.ClaimedAt >= c.ReclaimedAt && cl.ClaimedAt < c.ReclaimedAt+e.p.CooldownDays {
		return ExcludedCooldown
	}
	return ""
}

// previous joins the claimants, the owner_previous of the output.
func previous(cands []Claim) string {
	switch len(cands) {
	case 0:
		return ""
	case 1:
		return cands[0].Owner
	}
	owners := make([]string, len(cands))
	for i, c := range cands {
		owners[i] = c.Owner
	}
	return strings.Join(owners, ";")
}
