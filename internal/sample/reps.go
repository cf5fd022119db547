package sample

import "math"

// Rep is a sales rep on the sample's roster, in the shape `crmkit assign`
// reads from reps.csv.
type Rep struct {
	Name        string
	Team        string
	Territories []string // provinces (or states/countries) the rep covers
	Capacity    int      // 保有量: most customers the rep may hold
	Weight      float64  // share of new customers in weighted distribution
	Active      bool     // false: left the company; their customers are orphans
}

// team is a sales team and the region it covers.
type team struct {
	name        string
	territories []string
	weight      float64 // share of customers in its territories
}

// teams builds the teams that cover the cities the sample draws from.
func teams(zhShare float64) []team {
	var out []team
	if zhShare > 0 {
		for ri, region := range regionsZH {
			t := team{name: region + "组"}
			seen := map[string]bool{}
			for _, c := range citiesZH {
				if c.region != ri {
					continue
				}
				t.weight += c.weight * zhShare
				if !seen[c.short] {
					seen[c.short] = true
					t.territories = append(t.territories, c.short)
				}
			}
			out = append(out, t)
		}
	}
	if zhShare < 1 {
		name := "海外组"
		if zhShare == 0 {
			name = "International"
		}
		t := team{name: name}
		seen := map[string]bool{}
		for _, c := range citiesIntl {
			t.weight += c.weight * (1 - zhShare)
			if !seen[c.state] {
				seen[c.state] = true
				t.territories = append(t.territories, c.state)
			}
		}
		if zhShare == 0 {
			// An English-only sample has only overseas customers: split the
			// team by country so territory rules have something to do.
			return splitIntl(t)
		}
		out = append(out, t)
	}
	return out
}

func splitIntl(all team) []team {
	byCountry := map[string]*team{}
	var order []string
	for _, c := range citiesIntl {
		name := c.country
		if name == "United States" {
			switch c.stateAbbr {
			case "CA", "WA", "CO":
				name = "US West"
			default:
				name = "US East"
			}
		} else if name != "Canada" {
			name = "APAC & Europe"
		}
		t, ok := byCountry[name]
		if !ok {
			t = &team{name: name}
			byCountry[name] = t
			order = append(order, name)
		}
		t.weight += c.weight
		if !contains(t.territories, c.state) {
			t.territories = append(t.territories, c.state)
		}
	}
	out := make([]team, 0, len(order))
	for _, n := range order {
		out = append(out, *byCountry[n])
	}
	return out
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// roster holds the reps and how owners are drawn for new customers.
type roster struct {
	reps    []Rep
	team    []int // team index of each rep
	teams   []team
	byTeam  [][]int
	cumAll  []float64
	byTeamW [][]float64
	active  []int
	zhShare float64
}

// newRoster draws n reps. Every team gets at least one rep while there
// are reps to give; the rest go to teams by their share of customers.
// About one rep in ten has left (inactive), at least one when n ≥ 5, so
// orphaned customers exist for assign to redistribute.
func newRoster(r *rng, n int, zhShare float64, customers int) *roster {
	ts := teams(zhShare)
	ro := &roster{teams: ts, zhShare: zhShare, byTeam: make([][]int, len(ts)), byTeamW: make([][]float64, len(ts))}
	tw := make([]float64, len(ts))
	for i, t := range ts {
		tw[i] = t.weight
	}
	cumTeams := cumulative(tw)
	names := newUniqueNames(r, zhShare > 0)
	for i := range n {
		ti := i
		if i >= len(ts) {
			ti = r.weighted(cumTeams)
		}
		name := names.next()
		rep := Rep{
			Name:        name,
			Team:        ts[ti].name,
			Territories: append([]string(nil), ts[ti].territories...),
			Weight:      float64(r.between(5, 20)) / 10,
			Active:      true,
		}
		ro.reps = append(ro.reps, rep)
		ro.team = append(ro.team, ti)
	}
	if n >= 5 {
		inactive := max(1, n/10)
		for k := range inactive {
			// Spread leavers over the roster deterministically.
			ro.reps[(k*7+3)%n].Active = false
		}
	}
	w := make([]float64, n)
	for i, rep := range ro.reps {
		w[i] = rep.Weight
		ro.byTeam[ro.team[i]] = append(ro.byTeam[ro.team[i]], i)
		if rep.Active {
			ro.active = append(ro.active, i)
		}
	}
	ro.cumAll = cumulative(w)
	for ti, members := range ro.byTeam {
		mw := make([]float64, len(members))
		for k, m := range members {
			mw[k] = ro.reps[m].Weight
		}
		if len(mw) > 0 {
			ro.byTeamW[ti] = cumulative(mw)
		}
	}
	// Capacity (保有量): what the rep is expected to hold, with room to
	// spare, so `crmkit assign --reps` on the sample runs under the default
	// policy (a rep above its cap is a policy error) and the orphans of the
	// reps who left have somewhere to go. The room varies by rep, so
	// distribution still has fuller and emptier reps to choose between.
	for i, hold := range ro.expectedHoldings(float64(customers)) {
		room := 1.3 + 0.4*r.float()
		ro.reps[i].Capacity = max(10, int(math.Ceil(hold*room+4*math.Sqrt(hold)+5)))
	}
	return ro
}

// expectedHoldings is how many of customers ownerFor is expected to give
// each rep: 95% of customers get an owner, three in four from the team
// covering their territory (the first team that covers it; anyone when
// that team has no reps), the rest from all reps by weight. A customer is
// Chinese with probability zhShare, in a city drawn by its weight.
func (ro *roster) expectedHoldings(customers float64) []float64 {
	var wz, wi float64
	for _, c := range citiesZH {
		wz += c.weight
	}
	for _, c := range citiesIntl {
		wi += c.weight
	}
	// Territories in city order, so the sums (and capacities) are the
	// same on every run.
	var territories []string
	territoryShare := map[string]float64{}
	add := func(territory string, share float64) {
		if _, seen := territoryShare[territory]; !seen {
			territories = append(territories, territory)
		}
		territoryShare[territory] += share
	}
	for _, c := range citiesZH {
		add(c.short, ro.zhShare*c.weight/wz)
	}
	for _, c := range citiesIntl {
		add(c.state, (1-ro.zhShare)*c.weight/wi)
	}
	hold := make([]float64, len(ro.reps))
	owned := 0.95 * customers
	anyone := 0.25 * owned // customers drawn from all reps
	for _, territory := range territories {
		share := territoryShare[territory]
		team := -1
		for ti, t := range ro.teams {
			if len(ro.byTeam[ti]) > 0 && contains(t.territories, territory) {
				team = ti
				break
			}
		}
		if team < 0 {
			anyone += 0.75 * owned * share
			continue
		}
		var tw float64
		for _, m := range ro.byTeam[team] {
			tw += ro.reps[m].Weight
		}
		for _, m := range ro.byTeam[team] {
			hold[m] += 0.75 * owned * share * ro.reps[m].Weight / tw
		}
	}
	var all float64
	for _, rep := range ro.reps {
		all += rep.Weight
	}
	for i, rep := range ro.reps {
		hold[i] += anyone * rep.Weight / all
	}
	return hold
}

// ownerFor picks the owner of a new customer in territory: usually a rep
// of the team covering it, sometimes anyone (reps sell outside their
// patch, which is how territory disputes start).
func (ro *roster) ownerFor(r *rng, territory string) int {
	if r.chance(0.75) {
		for ti, t := range ro.teams {
			if len(ro.byTeam[ti]) > 0 && contains(t.territories, territory) {
				return ro.byTeam[ti][r.weighted(ro.byTeamW[ti])]
			}
		}
	}
	return r.weighted(ro.cumAll)
}

// rival picks an active rep other than owner for a 撞单 record, from the
// same team half of the time (colleagues competing for one account).
func (ro *roster) rival(r *rng, owner int) int {
	if len(ro.reps) < 2 {
		return owner
	}
	if owner >= 0 && r.chance(0.5) {
		mates := ro.byTeam[ro.team[owner]]
		if len(mates) > 1 {
			for range 4 {
				m := pick(r, mates)
				if m != owner && ro.reps[m].Active {
					return m
				}
			}
		}
	}
	for range 32 {
		c := r.intn(len(ro.reps))
		if len(ro.active) > 0 {
			c = pick(r, ro.active)
		}
		if c != owner {
			return c
		}
	}
	return (owner + 1) % len(ro.reps)
}

// uniqueNames draws distinct person names for reps.
type uniqueNames struct {
	r    *rng
	zh   bool
	used map[string]bool
}

func newUniqueNames(r *rng, zh bool) *uniqueNames {
	return &uniqueNames{r: r, zh: zh, used: map[string]bool{}}
}

func (u *uniqueNames) next() string {
	for {
		var s string
		if u.zh {
			s = surnames[u.r.intn(40)].ch + givenChars[u.r.intn(len(givenChars))].ch
		} else {
			s = pick(u.r, firstNames).name + " " + pick(u.r, lastNames)
		}
		if !u.used[s] {
			u.used[s] = true
			return s
		}
	}
}
