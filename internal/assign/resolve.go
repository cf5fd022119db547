package assign

// resolve fills d with the outcome of resolution and reclaim for c; the
// capacity check and distribution come later, over all customers.
func (e *engine) resolve(c *Customer, d *Decision) {
	cands := mergeClaims(c.Claims)
	d.Candidates = cands
	d.Previous = previous(cands)
	d.Dispute = len(cands) > 1

	valid := cands
	for i := range cands {
		if e.exclusion(c, &cands[i]) != "" {
			valid = e.splitValid(c, cands, d)
			break
		}
	}

	var ov *Override
	if e.overrides != nil {
		if ov = e.overrides[c.ID]; ov != nil {
			e.usedOverrides[c.ID] = true
		}
	}
	switch {
	case ov != nil || len(valid) > 1:
		e.runChain(c, valid, ov, d)
	case len(valid) == 1:
		d.Owner = valid[0].Owner
		d.Rule = RuleKept
		if len(d.Excluded) > 0 {
			d.Reason = e.t.keptValid(d.Owner, d.Excluded)
		} else {
			d.Reason = e.keptReason(d.Owner)
		}
	}
	if d.Owner == "" {
		e.toPool(d)
		return
	}
	if d.Rule != RuleOverride {
		e.reclaim(c, d, valid)
	}
}

// splitValid records the invalid candidates in d and returns the valid ones.
func (e *engine) splitValid(c *Customer, cands []Claim, d *Decision) []Claim {
	valid := make([]Claim, 0, len(cands))
	for i := range cands {
		if why := e.exclusion(c, &cands[i]); why != "" {
			d.Excluded = append(d.Excluded, Exclusion{Owner: cands[i].Owner, Why: why})
		} else {
			valid = append(valid, cands[i])
		}
	}
	return valid
}

// toPool marks an unowned customer as in the pool, saying why.
func (e *engine) toPool(d *Decision) {
	d.Rule, d.PoolRule = RulePool, RulePool
	switch {
	case len(d.Excluded) > 0:
		d.Reason = e.t.noValidOwner(d.Excluded)
	case d.Reason == "":
		d.Reason = e.t.orphan()
	}
}

func (e *engine) keptReason(owner string) string {
	s, ok := e.keptReasons[owner]
	if !ok {
		s = e.t.kept(owner)
		e.keptReasons[owner] = s
	}
	return s
}
