package sample

import "math"

// business draws what the CRM knows commercially: type, source, owner,
// dates, and the customer's size.
func (f *factory) business(e *entity) {
	r := f.r
	e.industry = e.trade.category
	if e.zh {
		e.source = r.weighted(sourceWeightsZH)
	} else {
		e.source = r.weighted(sourceWeightsEN)
	}
	e.prospect = r.chance(0.25)
	e.ctype = r.weighted(typeWeights)
	if e.prospect && r.chance(0.4) {
		e.ctype = prospectIndex
	} else if !e.prospect && e.ctype == prospectIndex {
		e.ctype = 0
	}
	if r.chance(0.3) {
		e.birth = daysFromCivil(r.between(1960, 2000), r.between(1, 12), r.between(1, 28))
	}
	n := r.intn(4)
	if n == 3 {
		n = 1
	}
	pool := len(tagsZH)
	if !e.zh {
		pool = len(tagsEN)
	}
	for i := range n {
		e.tags[i] = int8(r.intn(pool))
	}
	e.ntags = int8(n)

	e.owner = -1
	if r.chance(0.95) {
		e.owner = f.roster.ownerFor(r, e.territory())
	}
	// Most customers were entered recently; the oldest six years ago.
	span := 6 * 365
	e.created = f.cfg.asOf - 1 - day(float64(span)*math.Pow(r.float(), 1.6))

	// Pareto size (α ≈ 1.2): a few customers are worth most of the revenue.
	e.size = math.Min(math.Pow(1-r.float(), -1/1.2), 3000)
	switch x := r.float(); {
	case x < 0.45:
		e.status = statusActive
	case x < 0.7:
		e.status = statusSilent
	default:
		e.status = statusChurned
	}
	if !e.prospect && r.chance(0.3) {
		e.referrals = 1 + int(math.Min(30, math.Floor(-math.Log(1-r.float())*math.Sqrt(e.size))))
	} else if e.prospect && r.chance(0.03) {
		e.referrals = 1
	}
}
