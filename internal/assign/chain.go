package assign

// runChain applies the resolution chain to the valid candidates of c (and
// its override, if any), recording each rule's step in d. When every rule
// abstains for lack of candidates, d.Owner stays "" and the customer goes to
// the pool.
func (e *engine) runChain(c *Customer, cands []Claim, ov *Override, d *Decision) {
	cur := append([]Claim(nil), cands...)
	d.Steps = make([]Step, 0, len(e.chain))
	for _, rule := range e.chain {
		if rule == RuleOverride {
			switch {
			case ov == nil:
				d.Steps = append(d.Steps, Step{rule, OutcomeAbstain, e.once("no-override", e.t.noOverride)})
			case !e.repActive(ov.Owner):
				d.Steps = append(d.Steps, Step{rule, OutcomeAbstain, e.t.overrideInactive(ov.Owner)})
			default:
				reason := e.t.override(ov)
				d.Steps = append(d.Steps, Step{rule, OutcomeDecided, reason})
				d.Owner, d.Rule, d.Reason = ov.Owner, rule, reason
				return
			}
			continue
		}
		if len(cur) == 0 {
			d.Steps = append(d.Steps, Step{rule, OutcomeAbstain, e.once("no-candidate", e.t.noCandidate)})
			continue
		}
		kept, abstain := e.applyRule(rule, c, cur)
		switch {
		case abstain != "":
			d.Steps = append(d.Steps, Step{rule, OutcomeAbstain, abstain})
		case len(kept) == 1:
			reason := e.decidedReason(rule, kept[0], cur)
			d.Steps = append(d.Steps, Step{rule, OutcomeDecided, reason})
			d.Owner, d.Rule, d.Reason = kept[0].Owner, rule, reason
			return
		default:
			d.Steps = append(d.Steps, Step{rule, OutcomeNarrowed, e.t.narrowed(owners(kept), rule, &e.p)})
			cur = kept
		}
	}
}

// applyRule returns the candidates of cur that qualify under rule, or why
// the rule abstains. kept is cur filtered in place.
func (e *engine) applyRule(rule string, c *Customer, cur []Claim) (kept []Claim, abstain string) {
	asOf := e.p.AsOf
	switch rule {
	case RuleDeal:
		if !anyDate(cur, func(c *Claim) int { return c.LastDealAt }) {
			return nil, e.once("no-deal-date", func() string { return e.t.noDate("deal") })
		}
		kept = filter(cur, func(c *Claim) bool { return c.LastDealAt != NoDate && age(asOf, c.LastDealAt) <= e.p.DealWindowDays })
		if len(kept) == 0 {
			return nil, e.once("no-deal-in-window", func() string { return e.t.noDealInWindow(e.p.DealWindowDays) })
		}
	case RuleProtected:
		if !anyDate(cur, func(c *Claim) int { return c.ClaimedAt }) {
			return nil, e.once("no-claim-date", func() string { return e.t.noDate("claim") })
		}
		kept = filter(cur, func(c *Claim) bool { return c.ClaimedAt != NoDate && age(asOf, c.ClaimedAt) < e.p.ProtectionDays })
		if len(kept) == 0 {
			return nil, e.once("none-protected", func() string { return e.t.noneProtected(e.p.ProtectionDays) })
		}
	case RuleFollowup:
		best := NoDate
		for i := range cur {
			best = max(best, cur[i].LastContactAt)
		}
		if best == NoDate {
			return nil, e.once("no-contact-date", func() string { return e.t.noDate("contact") })
		}
		kept = filter(cur, func(c *Claim) bool { return c.LastContactAt == best })
	case RuleEarliest:
		first := NoDate
		for i := range cur {
			first = earliest(first, cur[i].ClaimedAt)
		}
		if first == NoDate {
			return nil, e.once("no-claim-date", func() string { return e.t.noDate("claim") })
		}
		kept = filter(cur, func(c *Claim) bool { return c.ClaimedAt == first })
	case RuleTiebreak:
		best := 0
		for i := 1; i < len(cur); i++ {
			if tieLess(c.ID, &cur[i], &cur[best]) {
				best = i
			}
		}
		return cur[best : best+1], ""
	}
	return kept, ""
}

// decidedReason is the sentence for a rule that picked w out of cur.
func (e *engine) decidedReason(rule string, w Claim, cur []Claim) string {
	if len(cur) == 1 {
		return e.t.onlyCandidate(w.Owner)
	}
	switch rule {
	case RuleDeal:
		return e.t.deal(w.Owner, w.LastDealAt, e.p.DealWindowDays)
	case RuleProtected:
		return e.t.protected(w.Owner, w.ClaimedAt, e.p.ProtectionDays)
	case RuleFollowup:
		r := runnerUp(cur, w.Owner, func(c *Claim) int { return c.LastContactAt }, false)
		return e.t.followup(w.Owner, w.LastContactAt, r.Owner, r.LastContactAt)
	case RuleEarliest:
		r := runnerUp(cur, w.Owner, func(c *Claim) int { return c.ClaimedAt }, true)
		return e.t.earliest(w.Owner, w.ClaimedAt, r.Owner, r.ClaimedAt)
	}
	return e.t.tiebreak(w.Owner)
}

// runnerUp is the best candidate other than the winner: the latest date, or
// the earliest known one when first is set.
func runnerUp(cur []Claim, winner string, date func(*Claim) int, first bool) Claim {
	r := Claim{ClaimedAt: NoDate, LastContactAt: NoDate, LastDealAt: NoDate}
	found := false
	for i := range cur {
		c := &cur[i]
		if c.Owner == winner {
			continue
		}
		d, rd := date(c), date(&r)
		better := d > rd
		if first {
			better = d != NoDate && (rd == NoDate || d < rd)
		}
		if !found || better {
			r, found = *c, true
		}
	}
	return r
}

// age is how many days before asOf day lies; a day after asOf counts as 0.
func age(asOf, day int) int { return max(asOf-day, 0) }

func anyDate(cur []Claim, date func(*Claim) int) bool {
	for i := range cur {
		if date(&cur[i]) != NoDate {
			return true
		}
	}
	return false
}

func filter(cur []Claim, keep func(*Claim) bool) []Claim {
	out := cur[:0:0]
	for i := range cur {
		if keep(&cur[i]) {
			out = append(out, cur[i])
		}
	}
	return out
}

// tieLess orders candidates by a hash of customer id and owner, so ties do
// not always favour the same rep the way an alphabetical order would; equal
// hashes fall back to the name.
func tieLess(id string, a, b *Claim) bool {
	ha, hb := tieHash(id, a.Owner), tieHash(id, b.Owner)
	if ha != hb {
		return ha < hb
	}
	return a.Owner < b.Owner
}

// tieHash is FNV-1a over id, a zero byte and owner; written out so that
// it does not allocate.
func tieHash(id, owner string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * prime
	}
	h *= prime // the zero separator: h ^ 0 == h
	for i := 0; i < len(owner); i++ {
		h = (h ^ uint64(owner[i])) * prime
	}
	return h
}

func owners(cands []Claim) []string {
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.Owner
	}
	return out
}

// once returns the sentence stored under key, building it the first time:
// abstain details depend only on the policy, and disputes are many.
func (e *engine) once(key string, build func() string) string {
	s, ok := e.sentences[key]
	if !ok {
		s = build()
		e.sentences[key] = s
	}
	return s
}
