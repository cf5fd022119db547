package sample

import "math"

// copyHistory is what one record says about its customer's commercial
// history. Records of one entity each hold their own part: the rep who
// entered a copy logged their own claim, follow-ups and deals, so summing
// purchase counts and revenue over a cluster (crmkit's survivorship rule)
// gives the customer's total.
type copyHistory struct {
	owner      int // rep index, -1 for none (public pool)
	claimed    day
	claimedMin int // minutes after midnight
	contact    day // last follow-up; 0 = never
	contactMin int
	count      int
	cents      int64
	first      day
	last       day
	referrals  int
	noteRep    int // a rep a 撞单 note mentions, -1 for none
}

// businessMinute is a time of day in office hours (08:00–20:59).
func businessMinute(r *rng) int { return r.between(8*60, 20*60+59) }

func (g *Generator) history(e *entity, copyIdx int) copyHistory {
	r := g.r
	end := g.cfg.asOf - 1
	h := copyHistory{owner: e.owner, noteRep: -1}
	switch {
	case e.disputed && copyIdx == 1:
		h.owner = e.rival
	case e.disputed && copyIdx >= 2:
		switch x := r.float(); {
		case x < 0.5:
		case x < 0.85:
			h.owner = e.rival
		default:
			h.owner = g.roster.rival(r, e.owner)
		}
	case copyIdx > 0 && r.chance(0.05):
		h.owner = -1 // this copy went back to the pool
	}
	if e.disputed && h.owner != e.owner && r.chance(0.4) {
		h.noteRep = e.owner
	}

	h.claimed = e.created
	if copyIdx > 0 {
		h.claimed += day(r.intn(int(end-e.created) + 1))
	}
	h.claimedMin = businessMinute(r)

	if !e.prospect && (copyIdx == 0 || r.chance(0.55)) {
		g.purchases(e, &h, end)
	}
	if copyIdx == 0 || r.chance(0.5) {
		h.referrals = e.referrals
	}

	// Last follow-up: after the claim and the last deal, skewed towards
	// long ago for customers that have gone quiet. Some prospects were
	// never followed up at all.
	if h.count > 0 || r.chance(0.94) {
		base := max(h.claimed, h.last)
		u := r.float()
		if e.status == statusChurned || e.prospect {
			u *= u
		}
		h.contact = base + day(float64(end-base)*u)
		h.contactMin = businessMinute(r)
		if h.contact == h.claimed && h.contactMin < h.claimedMin {
			h.contactMin, h.claimedMin = h.claimedMin, h.contactMin
		}
	}
	return h
}

// purchases fills in this record's deals: how many, when, and for how
// much. Order value and frequency grow with the customer's Pareto size, so
// revenue is heavy-tailed and ABC classes are meaningful.
func (g *Generator) purchases(e *entity, h *copyHistory, end day) {
	r := g.r
	var last day
	switch e.status {
	case statusActive:
		last = end - day(r.intn(90))
	case statusSilent:
		last = end - day(r.between(90, 364))
	default:
		last = end - day(r.between(365, 3*365))
	}
	if last < h.claimed {
		last = h.claimed + day(r.intn(int(end-h.claimed)+1))
	}
	years := float64(last-h.claimed) / 365
	perYear := 0.5 + 1.2*math.Pow(e.size, 0.35)
	count := 1 + poisson(r, perYear*years)
	count = min(count, 999)
	first := last
	if count > 1 {
		u := r.float()
		first = h.claimed + day(float64(last-h.claimed)*u*u)
	}
	base := 2000.0
	if !e.zh {
		base = 3000
	}
	order := base * math.Pow(e.size, 0.9) * math.Exp(0.4*r.normal())
	cents := int64(float64(count) * order * 100)
	if r.chance(0.7) {
		cents = cents / 100 * 100 // whole yuan, as most deals are
	}
	h.count, h.cents, h.first, h.last = count, max(cents, 100), first, last
}

// poisson draws a Poisson variate; large means use the normal
// approximation, which is plenty for purchase counts.
func poisson(r *rng, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		return max(0, int(math.Round(lambda+math.Sqrt(lambda)*r.normal())))
	}
	l := math.Exp(-lambda)
	k, p := 0, 1.0
	for {
		p *= r.float()
		if p <= l {
			return k
		}
		k++
	}
}
