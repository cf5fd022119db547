package assign

// reclaim returns the customer to the pool when its owner neglected it: no
// follow-up for more than NoFollowupDays (counted from the last contact, or
// from the claim when there was none), or no deal on or after the claim
// although the claim is more than NoDealDays old. Days come from ByTier for
// the customer's tier, else its grade, else the policy. Missing dates mean
// no reclaim: the rule cannot tell. Nothing is reclaimed unless the policy
// turns reclaim on.
func (e *engine) reclaim(c *Customer, d *Decision, valid []Claim) {
	if !e.p.Reclaim.Enabled {
		return
	}
	w := winnerClaim(valid, d.Owner)
	days := e.reclaimDays(c)
	asOf := e.p.AsOf
	if n := days.NoFollowupDays; n > 0 {
		if last := max(w.LastContactAt, w.ClaimedAt); last != NoDate && asOf-last > n {
			e.reclaimTo(d, RuleReclaimFollowup, e.t.reclaimFollowup(w.Owner, last, asOf-last, n))
			return
		}
	}
	if m := days.NoDealDays; m > 0 && w.ClaimedAt != NoDate && asOf-w.ClaimedAt > m &&
		(w.LastDealAt == NoDate || w.LastDealAt < w.ClaimedAt) {
		e.reclaimTo(d, RuleReclaimDeal, e.t.reclaimDeal(w.Owner, w.ClaimedAt, m))
	}
}

func (e *engine) reclaimTo(d *Decision, rule, reason string) {
	if d.Rule != RuleKept {
		// Keep the resolution in the sentence: who won, then why they lost it.
		reason = e.t.then(d.Reason, reason)
	}
	d.ReclaimedFrom = d.Owner
	d.Owner, d.Rule, d.PoolRule, d.Reason = "", rule, rule, reason
}

func (e *engine) reclaimDays(c *Customer) ReclaimDays {
	if e.byTier != nil {
		if days, ok := e.byTier[canonicalLabel(c.Tier)]; ok && c.Tier != "" {
			return days
		}
		if days, ok := e.byTier[canonicalLabel(c.Grade)]; ok && c.Grade != "" {
			return days
		}
	}
	return e.p.Reclaim.ReclaimDays
}

func winnerClaim(valid []Claim, owner string) Claim {
	for _, c := range valid {
		if c.Owner == owner {
			return c
		}
	}
	return Claim{Owner: owner, ClaimedAt: NoDate, LastContactAt: NoDate, LastDealAt: NoDate}
}
