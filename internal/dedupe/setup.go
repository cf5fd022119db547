package dedupe

import (
	"slices"

	"github.com/crmkit/crmkit/internal/record"
)

// maxComparators bounds the comparators of one matcher: a pair's levels
// fit in one array on the stack, and a level pattern in a uint64.
const maxComparators = 16

// addRoleRules appends the comparators the extra columns' roles call for
// (given and family name, identity codes) to the user's rules.
func (m *Matcher) addRoleRules(schema *record.Schema, user []FieldRule) {
	m.rules = append(m.rules, roleRules(m.roles, schema, user)...)
}

// setComparators builds the comparators: the defaults, changed by the
// rules, the name parts compared with swaps allowed, the full name only
// where the parts are missing.
func (m *Matcher) setComparators() {
	cs := defaultComparators()
	cs[slices.IndexFunc(cs, func(c comparator) bool { return c.name == "company" })].veto = true
	given, family := -1, -1
	for i, fr := range m.rules {
		switch fr.Kind {
		case "given":
			given = i
		case "family":
			family = i
		}
	}
	for i, fr := range m.rules {
		at := slices.IndexFunc(cs, func(c comparator) bool { return c.name == fr.Field })
		c := ruleComparator(i, fr)
		switch fr.Kind {
		case "given":
			c.compare = namePartCompare(i, family)
		case "family":
			c.compare = namePartCompare(i, given)
		}
		switch {
		case fr.Kind == kindCompany && fr.auto:
			// A second company column is the company in another form:
			// one field, the better of its two comparisons (alsoCompany).
			if co := slices.IndexFunc(cs, func(c comparator) bool { return c.name == "company" }); co >= 0 && !cs[co].fixed {
				cs[co].compare = alsoCompany(i, cs[co].compare)
			}
		case fr.Kind == "off" && at >= 0:
			cs = slices.Delete(cs, at, at+1)
		case fr.Kind == "off":
		case at >= 0:
			cs[at] = c
		default:
			cs = append(cs, c)
		}
	}
	if given >= 0 && family >= 0 {
		if at := slices.IndexFunc(cs, func(c comparator) bool { return c.name == "name" }); at >= 0 && !cs[at].fixed {
			cs[at].compare = nameGaps(given, family, cs[at].compare)
		}
	}
	m.comparators = cs
	m.setPersonComparators()
	for k, name := range []string{"address", "postcode", "city", "province"} {
		m.loc[k] = slices.IndexFunc(cs, func(c comparator) bool { return c.name == name })
	}
}

// levels compares a and b on every comparator into out, then conditions
// the places: a shared street address says the postcode, city and
// province agree too, a shared postcode the city and province, a shared
// city the province. Each is counted once, at the finest level known.
func (m *Matcher) levels(a, b *profile, out []Level) {
	for i := range m.comparators {
		out[i] = m.comparators[i].compare(a, b)
	}
	m.sites.grade(a, b, out)
	m.rare.grade(a, b, out)
	addr, post, city, prov := m.loc[0], m.loc[1], m.loc[2], m.loc[3]
	drop := func(i int) {
		if i >= 0 && out[i] != Conflict {
			out[i] = Missing
		}
	}
	switch {
	case addr >= 0 && out[addr] >= Similar:
		drop(post)
		drop(city)
		drop(prov)
	case post >= 0 && out[post] == Same:
		drop(city)
		drop(prov)
	case city >= 0 && out[city] == Same:
		drop(prov)
	}
}

// valueRoles gives roles to the extra columns whose headers say nothing,
// from the values of up to RoleSample records spread over the input, and
// adds their comparators. Only a dedupe does this, before anything is
// blocked: a fold's master index depends on the comparators known from
// the headers alone.
func (m *Matcher) valueRoles(recs *record.Store) {
	n := recs.Len()
	if n == 0 || m.learnt {
		return
	}
	m.learnt = true
	step := max(1, n/RoleSample)
	sample := make([]record.Record, 0, min(n, RoleSample))
	for i := 0; i < n; i += step {
		var r record.Record
		recs.Get(i, &r)
		sample = append(sample, r)
	}
	schema := m.schema
	roles := DetectRoles(schema, sample)
	var added bool
	for _, r := range roles {
		added = added || r.Why == "values"
	}
	if !added {
		return
	}
	oldRoles, oldRules, oldComparators, oldLoc := m.roles, m.rules, m.comparators, m.loc
	m.roles = roles
	m.rules = slices.DeleteFunc(slices.Clone(m.rules), func(fr fieldRule) bool { return fr.auto })
	m.addRoleRules(schema, m.user)
	m.setComparators()
	if len(m.comparators) > maxComparators {
		m.roles, m.rules, m.comparators, m.loc = oldRoles, oldRules, oldComparators, oldLoc
	}
}

// RoleSample is how many records are enough to find a column's role from
// its values (inspect reads the first ones).
const RoleSample = 2000
