package dedupe

import (
	"strings"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/similar"
)

// profile is a record reduced to what matching compares. It is built once
// per record and read by every comparison the record takes part in.
type profile struct {
	phones []string // digits only, extension dropped, ≥ 7 digits each
	emails []string // lowercase, as normalized at import

	company    company.Name
	companyHan bool // the core is written in Chinese characters
	coTokens   []string
	region     string // company.Region, else the city column's region

	name    string // contact name as given (normalized at import)
	address string // similar.AddressKey
	house   string // first house number of the address
	city    string // folded city: lowercase, 市/city suffix dropped

	// fields holds one value per user-added comparator, in Config.Fields
	// order, as given.
	fields []string
}

func newProfile(r *record.Record, extra []fieldRule) profile {
	var p profile
	p.phones = phoneKeys(r.Values[record.Phone])
	p.emails = splitList(r.Values[record.Email])
	if c := r.Values[record.Company]; c != "" {
		p.company = company.Parse(c)
		p.companyHan = hasHan(p.company.Core)
		if !p.companyHan {
			p.coTokens = similar.Tokens(p.company.Core)
		}
	}
	p.city = foldCity(r.Values[record.City])
	p.region = p.company.Region
	if p.region == "" {
		if reg, ok := company.Region(r.Values[record.City]); ok {
			p.region = reg
		}
	}
	p.name = r.Values[record.Name]
	if a := r.Values[record.Address]; a != "" {
		p.address = similar.AddressKey(a)
		p.house = similar.HouseNumber(p.address)
	}
	if len(extra) > 0 {
		p.fields = make([]string, len(extra))
		for i, fr := range extra {
			p.fields[i] = fr.prepare(fr.value(r))
		}
	}
	return p
}

// phoneKeys reads a phone cell — E.164 numbers joined by ";", or a value
// import could not normalize — into digit strings. Extensions are dropped:
// a switchboard number identifies the company either way.
func phoneKeys(cell string) []string {
	if cell == "" {
		return nil
	}
	var out []string
	for part := range strings.SplitSeq(cell, ";") {
		if i := strings.Index(part, "ext"); i >= 0 {
			part = part[:i]
		}
		d := digits(part)
		if len(d) >= 7 && len(d) <= 15 && !contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

func digits(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

func splitList(cell string) []string {
	if cell == "" {
		return nil
	}
	var out []string
	for part := range strings.SplitSeq(cell, ";") {
		if part = strings.TrimSpace(part); part != "" && !contains(out, part) {
			out = append(out, part)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// foldCity makes city spellings comparable: lowercase, and the Chinese
// region form or an English "city" dropped (深圳市 → 深圳, "New York City" →
// "new york").
func foldCity(s string) string {
	if s == "" {
		return ""
	}
	if reg, ok := company.Region(s); ok {
		return reg
	}
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSuffix(s, " city")
	return strings.TrimSuffix(s, "市")
}
