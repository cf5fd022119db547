package dedupe

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// Entity kinds: what one record of the file stands for.
const (
	EntityAuto    = ""        // found from the file
	EntityAccount = "account" // a company: its people may differ between records
	EntityContact = "contact" // a person at a company: two people are two records
)

// checkEntity checks a Config.Entity value.
func checkEntity(e string) error {
	switch e {
	case EntityAuto, EntityAccount, EntityContact:
		return nil
	}
	return fmt.Errorf("entity %q is neither %s nor %s", e, EntityAccount, EntityContact)
}

// Entity returns the kind of record matched, and whether it was found from
// the file rather than set. It is known once Match has run.
func (m *Matcher) Entity() (kind string, detected bool) {
	if m.contacts {
		return EntityContact, m.entity == EntityAuto
	}
	return EntityAccount, m.entity == EntityAuto
}

// setEntity decides whether the records are contacts: set by the user, or
// a file with first and last name columns filled, beside a company, on
// three rows in four (a HubSpot or Salesforce contacts export) is a list of
// people at companies. A single contact column beside the company (联系人,
// Contact) is an account list naming whom to call: the contact may change
// while the customer stays.
func (m *Matcher) setEntity(recs *record.Store) {
	m.setPersonComparators()
	switch m.entity {
	case EntityContact:
		m.contacts = true
		return
	case EntityAccount:
		m.contacts = false
		return
	}
	m.contacts = false
	n := recs.Len()
	var names []fieldRule
	kinds := map[string]bool{}
	for _, fr := range m.rules {
		if fr.Kind == "given" || fr.Kind == "family" {
			names = append(names, fr)
			kinds[fr.Kind] = true
		}
	}
	if n == 0 || len(kinds) < 2 {
		return
	}
	step := max(1, n/RoleSample)
	var seen, both int
	var r record.Record
	for i := 0; i < n; i += step {
		recs.Get(i, &r)
		seen++
		if !hasValue(r.Values[record.Company]) {
			continue
		}
		person := false
		for k := range names {
			person = person || hasValue(names[k].value(&r))
		}
		if person {
			both++
		}
	}
	m.contacts = both*4 >= seen*3 // three rows in four
}

// setPersonComparators finds the comparators of a person's name and of
// the evidence that joins two records of one person on its own.
func (m *Matcher) setPersonComparators() {
	m.person, m.strong, m.companyAt = m.person[:0], m.strong[:0], -1
	for i, c := range m.comparators {
		switch {
		case c.name == "company":
			m.companyAt = i
		case c.name == "name":
			m.person = append(m.person, i)
		case c.name == "phone" || c.name == "email":
			m.strong = append(m.strong, i)
		}
	}
	for i := range m.rules {
		if k := m.rules[i].Kind; k == "given" || k == "family" {
			at := slices.IndexFunc(m.comparators, func(c comparator) bool { return c.name == m.rules[i].Field })
			if at >= 0 {
				m.person = append(m.person, at)
			}
		}
	}
}

// otherPerson reports, in a contacts file, a pair naming two different
// people with no phone or e-mail in common: colleagues at one company and
// office, not one customer.
func (m *Matcher) otherPerson(lv []Level) bool {
	if !m.contacts {
		return false
	}
	differ := false
	for _, i := range m.person {
		differ = differ || lv[i] <= Different && lv[i] != Missing
	}
	if !differ {
		return false
	}
	for _, i := range m.strong {
		if lv[i] >= Similar {
			return false
		}
	}
	return true
}

func hasValue(v string) bool { return strings.TrimSpace(v) != "" && !IsPlaceholder(v) }

// otherSite reports one Latin company name in two different cities with
// no phone or e-mail in common: two sites of a multi-site company (Acme
// Inc. in San Francisco and in London), two accounts, as 深圳 and 北京
// already are for a Chinese name (compareCompany's conflict).
func (m *Matcher) otherSite(a, b *profile, lv []Level) bool {
	co := m.companyAt
	if co < 0 || lv[co] < Similar || a.companyHan || b.companyHan {
		return false
	}
	if compareCity(a, b) != Different {
		return false
	}
	for _, i := range m.strong {
		if lv[i] >= Similar {
			return false
		}
	}
	return true
}
