package assign

import "strings"

// runChain applies the resolution chain to the valid candidates of c (and
// its override, if any), recording each rule's step in d. When every rule
// abstains for lack of candidates, d.Owner stays "" and the customer goes to
// the pool. The reason of a decided dispute names each losing claim (the
// 撞单) and the rule that put it out.
func (e *engine) runChain(c *Customer, cands []Claim, ov *Override, d *Decision) {
	cur := append([]Claim(nil), cands...)
	d.Steps = make([]Step, 0, len(e.chain))
	var out []lost // candidates the rules put out, in order
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
				for _, x := range cur {
					if x.Owner != ov.Owner {
						out = append(out, lost{x, rule})
					}
				}
				d.Owner, d.Rule, d.Reason = ov.Owner, rule, e.withLosers(reason, out, Claim{Owner: ov.Owner, ClaimedAt: NoDate, LastContactAt: NoDate, LastDealAt: NoDate})
				return
			}
			continue
		}
		if len(cur) == 0 {
			d.Steps = append(d.Steps, Step{rule, OutcomeAbstain, e.once("no-candidate", e.t.noCandidate)})
			continue
		}
		kept, detail, abstain := e.applyRule(rule, c, cur)
		switch {
		case abstain:
			d.Steps = append(d.Steps, Step{rule, OutcomeAbstain, detail})
		case len(kept) == 1:
			reason := e.decidedReason(rule, kept[0], cur)
			d.Steps = append(d.Steps, Step{rule, OutcomeDecided, reason})
			out = appendLost(out, cur, kept, rule)
			d.Owner, d.Rule, d.Reason = kept[0].Owner, rule, e.withLosers(reason, out, kept[0])
			return
		default:
			if detail == "" {
				detail = e.t.narrowed(owners(kept), rule, &e.p)
			}
			d.Steps = append(d.Steps, Step{rule, OutcomeNarrowed, detail})
			out = appendLost(out, cur, kept, rule)
			cur = kept
		}
	}
}

// lost is a candidate a rule put out of a dispute.
type lost struct {
	claim Claim
	rule  string
}

// appendLost records the candidates of cur that are not in kept.
func appendLost(out []lost, cur, kept []Claim, rule string) []lost {
	for _, x := range cur {
		in := false
		for _, k := range kept {
			if k.Owner == x.Owner {
				in = true
				break
			}
		}
		if !in {
			out = append(out, lost{x, rule})
		}
	}
	return out
}

// withLosers adds to a winner's reason why each other claim lost.
func (e *engine) withLosers(reason string, out []lost, w Claim) string {
	if len(out) == 0 {
		return reason
	}
	var b strings.Builder
	b.WriteString(reason)
	for _, l := range out {
		if e.t.en {
			b.WriteString("; losing claim ")
		} else {
			b.WriteString("；撞单 ")
		}
		b.WriteString(l.claim.Owner)
		b.WriteString(e.t.say("：", ": "))
		b.WriteString(e.lostWhy(l, w))
	}
	return b.String()
}

// lostWhy says why a claim lost under the rule that put it out.
func (e *engine) lostWhy(l lost, w Claim) string {
	c := &l.claim
	p := &e.p
	switch l.rule {
	case RuleOverride:
		return e.t.lostOverride(w.Owner)
	case RuleDeal:
		return e.t.lostDeal(p.DealWindowDays)
	case RuleValid:
		if v, _ := e.validity(c); v == claimValid {
			return e.t.lostLater(c.ClaimedAt, w.Owner)
		}
		return e.t.lostLapsed(c.ClaimedAt, p.ProtectionDays, p.FollowupDays, p.DealWindowDays)
	case RuleFollowup:
		return e.t.lostFollowup(realContact(c), w.Owner)
	case RuleEarliest:
		return e.t.lostEarliest(c.ClaimedAt, w.Owner)
	}
	return e.t.lostTiebreak()
}

// Claim validity as of the policy's AsOf.
const (
	claimLapsed  = iota // past protection, no follow-up or deal in the windows
	claimValid          // inside protection, followed up or a deal in the windows
	claimUnknown        // no claim date, and nothing else shows it valid
)

// validity tells whether a claim is still valid, and by what: a deal in
// the deal window, a follow-up in the follow-up window, or the protection
// period. A claim with no claim date that nothing else shows valid is
// unknown, never lapsed.
func (e *engine) validity(c *Claim) (int, string) {
	asOf := e.p.AsOf
	switch {
	case c.LastDealAt != NoDate && age(asOf, c.LastDealAt) <= e.p.DealWindowDays:
		return claimValid, RuleDeal
	case realContact(c) != NoDate && age(asOf, realContact(c)) <= e.p.FollowupDays:
		return claimValid, RuleFollowup
	case c.ClaimedAt == NoDate:
		return claimUnknown, ""
	case age(asOf, c.ClaimedAt) < e.p.ProtectionDays:
		return claimValid, RuleProtected
	}
	return claimLapsed, ""
}

// realContact is a claim's last follow-up, when it is the claimant's: a
// contact dated before the claim was somebody else's.
func realContact(c *Claim) int {
	if c.LastContactAt != NoDate && c.ClaimedAt != NoDate && c.LastContactAt < c.ClaimedAt {
		return NoDate
	}
	return c.LastContactAt
}

// applyRule returns the candidates of cur that qualify under rule, or why
// the rule abstains (abstain set, detail the reason). kept is cur filtered
// in place; detail, when set on a narrowing, says why it only narrowed.
func (e *engine) applyRule(rule string, c *Customer, cur []Claim) (kept []Claim, detail string, abstain bool) {
	asOf := e.p.AsOf
	switch rule {
	case RuleDeal:
		if !anyDate(cur, func(c *Claim) int { return c.LastDealAt }) {
			return nil, e.once("no-deal-date", func() string { return e.t.noDate("deal") }), true
		}
		kept = filter(cur, func(c *Claim) bool { return c.LastDealAt != NoDate && age(asOf, c.LastDealAt) <= e.p.DealWindowDays })
		if len(kept) == 0 {
			return nil, e.once("no-deal-in-window", func() string { return e.t.noDealInWindow(e.p.DealWindowDays) }), true
		}
	case RuleValid:
		return e.applyValid(cur)
	case RuleFollowup:
		best := NoDate
		for i := range cur {
			best = max(best, realContact(&cur[i]))
		}
		if best == NoDate {
			return nil, e.once("no-contact-date", func() string { return e.t.noDate("contact") }), true
		}
		kept = filter(cur, func(c *Claim) bool { return realContact(c) == best })
	case RuleEarliest:
		first := NoDate
		for i := range cur {
			first = earliest(first, cur[i].ClaimedAt)
		}
		if first == NoDate {
			return nil, e.once("no-claim-date", func() string { return e.t.noDate("claim") }), true
		}
		kept = filter(cur, func(c *Claim) bool { return c.ClaimedAt == first })
	case RuleTiebreak:
		best := 0
		for i := 1; i < len(cur); i++ {
			if tieLess(c.ID, &cur[i], &cur[best]) {
				best = i
			}
		}
		return cur[best : best+1], "", false
	}
	return kept, "", false
}

// applyValid keeps the earliest claim that is still valid: a later claim
// never takes the customer from it. When no claim is valid the rule
// abstains (every claim lapsed: the next rules decide among them). A
// claim whose validity or order depends on a missing claim date keeps the
// rule from deciding: it narrows to the claims that may be valid, or
// abstains, and says whose date is missing.
func (e *engine) applyValid(cur []Claim) (kept []Claim, detail string, abstain bool) {
	var valid, possible, undated []Claim
	for i := range cur {
		v, _ := e.validity(&cur[i])
		if v == claimLapsed {
			continue
		}
		possible = append(possible, cur[i])
		if v == claimValid {
			valid = append(valid, cur[i])
		}
		if cur[i].ClaimedAt == NoDate {
			undated = append(undated, cur[i])
		}
	}
	switch {
	case len(valid) == 0 && len(undated) == 0:
		return nil, e.once("all-lapsed", func() string { return e.t.allLapsed(e.p.ProtectionDays, e.p.FollowupDays, e.p.DealWindowDays) }), true
	case len(valid) == 0:
		return nil, e.t.missingClaimDate(owners(undated)), true
	case len(valid) == 1 && len(possible) == 1:
		return valid, "", false
	case len(undated) > 0:
		if len(possible) == len(cur) {
			return nil, e.t.missingClaimDate(owners(undated)), true
		}
		return possible, e.t.then(e.t.narrowed(owners(possible), RuleValid, &e.p), e.t.missingClaimDate(owners(undated))), false
	}
	first := valid[0].ClaimedAt
	for i := range valid {
		first = min(first, valid[i].ClaimedAt)
	}
	return filter(valid, func(c *Claim) bool { return c.ClaimedAt == first }), "", false
}

// decidedReason is the sentence for a rule that picked w out of cur.
func (e *engine) decidedReason(rule string, w Claim, cur []Claim) string {
	if len(cur) == 1 {
		return e.t.onlyCandidate(w.Owner)
	}
	switch rule {
	case RuleDeal:
		return e.t.deal(w.Owner, w.LastDealAt, e.p.DealWindowDays)
	case RuleValid:
		_, by := e.validity(&w)
		only := true
		for i := range cur {
			if v, _ := e.validity(&cur[i]); v != claimLapsed && cur[i].Owner != w.Owner {
				only = false
			}
		}
		return e.t.valid(w.Owner, w.ClaimedAt, by, realContact(&w), w.LastDealAt, only, &e.p)
	case RuleFollowup:
		r := runnerUp(cur, w.Owner, realContact, false)
		return e.t.followup(w.Owner, realContact(&w), r.Owner, realContact(&r))
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
