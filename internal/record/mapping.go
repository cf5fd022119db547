package record

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/similar"
)

// Target says where an input column's values go.
type Target int

const (
	ToField   Target = iota // a canonical field
	ToExtra                 // an unknown column, preserved under its header
	ToLineage               // an existing _source column (crmkit's own output)
)

// Column is the mapping of one input column.
type Column struct {
	Index  int    // 0-based input column
	Header string // as written in the file
	Target Target
	Field  Field  // when Target == ToField
	Extra  string // output header when Target == ToExtra
	// NamePart marks a preserved first/last-name column, from which the
	// name field is composed when no column holds the whole name.
	NamePart NamePart
	// Role marks a country or currency column, kept and also used to read
	// the row's phones or amounts.
	Role Role
	// Unit is what the header says about an amount column's values
	// (成交金额（万元）, Amount (USD)).
	Unit AmountUnit
	// Why tells inspect how the mapping was chosen: "synonym", "--map",
	// "unknown", "duplicate of <field>", "no header".
	Why string
}

// Mapping maps every input column of one table.
type Mapping struct {
	Columns []Column
}

// Mapped returns how many columns map to canonical fields.
func (m Mapping) Mapped() int {
	n := 0
	for _, c := range m.Columns {
		if c.Target == ToField {
			n++
		}
	}
	return n
}

// Overrides are user mapping overrides from --map: header key → target.
type Overrides map[string]string

// ParseOverrides parses "WeChat=wechat,负责人=owner". The target is a
// canonical field name (or one of its synonyms), "_source", or any other
// name, which renames the preserved column.
func ParseOverrides(specs []string) (Overrides, error) {
	o := Overrides{}
	for _, spec := range specs {
		for _, pair := range splitPairs(spec) {
			from, to, ok := strings.Cut(pair, "=")
			from, to = strings.TrimSpace(from), strings.TrimSpace(to)
			if !ok || from == "" || to == "" {
				return nil, fmt.Errorf("--map %q: expected HEADER=FIELD", pair)
			}
			if err := checkTarget(to); err != nil {
				return nil, fmt.Errorf("--map %q: %w", pair, err)
			}
			o[HeaderKey(from)] = to
		}
	}
	return o, nil
}

func splitPairs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' }) {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// Has reports whether an override names this header.
func (o Overrides) Has(header string) bool {
	_, ok := o[HeaderKey(header)]
	return ok
}

// MapHeader maps a header row. Trailing empty header cells must already be
// trimmed by the caller. A column whose header is empty is kept as
// "column_N". When several columns name the same single-valued field, the
// first wins and the others are preserved as unknown columns, so nothing is
// lost; multi-valued fields (phone, email, tags) take them all.
func MapHeader(header []string, o Overrides) Mapping {
	m := Mapping{Columns: make([]Column, len(header))}
	taken := make(map[Field]bool)
	roles := make(map[Role]bool)
	for i, h := range header {
		h = strings.TrimSpace(h)
		c := Column{Index: i, Header: h}
		target, overridden := o[HeaderKey(h)]
		switch {
		case h == "" && !overridden:
			c.Target, c.Extra, c.Why = ToExtra, "column_"+strconv.Itoa(i+1), "no header"
		case overridden:
			c.Why = "--map"
			if target == SourceColumn {
				c.Target = ToLineage
			} else if name, ok := strings.CutPrefix(target, keepPrefix); ok {
				c.Target, c.Extra = ToExtra, name
			} else if f, ok := fieldFor(target); ok {
				c.Target, c.Field = ToField, f
			} else if role := LookupRole(target); role != NoRole {
				c.Target, c.Role = ToExtra, role
				c.Extra, _ = roleColumn(role, target, roles)
			} else {
				c.Target, c.Extra = ToExtra, target
			}
		case h == SourceColumn:
			c.Target, c.Why = ToLineage, "lineage"
		default:
			if f, ok := Lookup(h); ok {
				c.Target, c.Field, c.Why = ToField, f, "synonym"
			} else if f, unit, ok := lookupWithUnit(h); ok {
				c.Target, c.Field, c.Unit, c.Why = ToField, f, unit, "synonym with unit"
			} else if role := LookupRole(h); role != NoRole {
				c.Target, c.Role = ToExtra, role
				c.Extra, c.Why = roleColumn(role, h, roles)
			} else if part := LookupNamePart(h); part != NoNamePart {
				c.Target, c.Extra, c.NamePart, c.Why = ToExtra, h, part, "kept; also makes name"
			} else {
				c.Target, c.Extra, c.Why = ToExtra, h, "unknown"
			}
		}
		if c.Target == ToField {
			if taken[c.Field] && !c.Field.Multi() {
				c.Target, c.Field, c.Extra, c.Why = ToExtra, 0, h, "duplicate of "+c.Field.String()
			}
			taken[c.Field] = true
		}
		m.Columns[i] = c
	}
	accountName(m.Columns, header)
	uniqueExtraNames(m.Columns)
	return m
}

// roleColumn names the output column of a country, currency, creation
// date or website column: the first of its kind in a table gets the common
// name (country, currency, created_at, website), so exports from several CRMs share one
// column; a second one (Shipping Country beside Billing Country) keeps its
// header.
func roleColumn(role Role, header string, seen map[Role]bool) (name, why string) {
	first := !seen[role]
	seen[role] = true
	switch role {
	case RoleCurrency:
		return CurrencyColumn, "kept as currency; currency of the row's amounts"
	case RoleCreated:
		if first {
			return CreatedColumn, "kept as created_at; read as a date"
		}
		return header, "kept; a second creation date"
	case RoleWebsite:
		if first {
			return WebsiteColumn, "kept as website; its domain is dedupe evidence"
		}
		return header, "kept; a second website, also dedupe evidence"
	}
	if first {
		return CountryColumn, "kept as country; country of the row's phones"
	}
	return header, "kept; a second country column"
}

// accountMarkers are headers only an account (company) export has:
// Salesforce's Account object (AccountNumber, BillingCity, AnnualRevenue,
// Industry …), compared after HeaderKey.
var accountMarkers = map[string]bool{
	"accountnumber": true, "accountsource": true, "annualrevenue": true, "numberofemployees": true,
	"parentid": true, "tickersymbol": true, "sic": true, "sicdesc": true, "industry": true,
	"website": true, "ownership": true, "accountsite": true,
}

// accountName maps a column headed just "Name" to company when the file is
// an account export: no other column names the company, no first or last
// name columns, and account headers beside it (Salesforce's Account API
// writes Name, BillingCity, AccountNumber, Industry). In a contact export
// Name stays the contact.
func accountName(cols []Column, header []string) {
	nameCol := -1
	for i, c := range cols {
		switch {
		case c.Target == ToField && c.Field == Company, c.NamePart != NoNamePart:
			return
		case c.Target == ToField && c.Field == Name && c.Why == "synonym" && HeaderKey(c.Header) == "name":
			nameCol = i
		}
	}
	if nameCol < 0 {
		return
	}
	for _, h := range header {
		k := HeaderKey(h)
		if accountMarkers[k] || strings.HasPrefix(k, "billing") || strings.HasPrefix(k, "shipping") {
			cols[nameCol].Field = Company
			cols[nameCol].Why = "synonym; the account's name (an account export: " + strings.TrimSpace(h) + ")"
			return
		}
	}
}

// uniqueExtraNames makes every preserved column's output name unique and
// distinct from the canonical columns: two "Remark" columns become
// "Remark" and "Remark_2" (never colliding with a real "Remark_2"), and a
// second "name" column is kept as "name_2".
func uniqueExtraNames(cols []Column) {
	used := map[string]bool{SourceColumn: true}
	for f := range NumFields {
		used[Field(f).String()] = true
	}
	count := map[string]int{}
	for _, c := range cols {
		if c.Target == ToExtra {
			count[c.Extra]++
		}
	}
	// Names that occur once and clash with nothing keep their header.
	for _, c := range cols {
		if c.Target == ToExtra && count[c.Extra] == 1 && !used[c.Extra] {
			used[c.Extra] = true
		}
	}
	first := map[string]bool{}
	for i := range cols {
		c := &cols[i]
		if c.Target != ToExtra || (count[c.Extra] == 1 && !isCanonicalName(c.Extra)) {
			continue
		}
		if !first[c.Extra] && !used[c.Extra] {
			first[c.Extra] = true
			used[c.Extra] = true
			continue
		}
		first[c.Extra] = true
		for n := 2; ; n++ {
			name := c.Extra + "_" + strconv.Itoa(n)
			if !used[name] {
				c.Extra = name
				used[name] = true
				break
			}
		}
	}
}

func isCanonicalName(s string) bool {
	if s == SourceColumn {
		return true
	}
	_, ok := FieldByName(s)
	return ok
}

func fieldFor(name string) (Field, bool) {
	if f, ok := FieldByName(name); ok {
		return f, true
	}
	return Lookup(name)
}

// keepPrefix in a --map target keeps the column under that name, even one
// that looks like a field: --map 'Revenue=keep:revenue'.
const keepPrefix = "keep:"

// checkTarget refuses a --map target that is one typo away from a
// canonical field ("phnoe" is a slip for phone) or a part of one
// ("revenue" means total_revenue), instead of silently making a new column.
func checkTarget(to string) error {
	if to == SourceColumn {
		return nil
	}
	if name, ok := strings.CutPrefix(to, keepPrefix); ok {
		if strings.TrimSpace(name) == "" {
			return fmt.Errorf("%q: give the column a name after %s", to, keepPrefix)
		}
		return nil
	}
	if _, ok := fieldFor(to); ok {
		return nil
	}
	if near := nearFields(to); len(near) > 0 {
		return fmt.Errorf("%q is not a field; did you mean %s? (`crmkit fields` lists them; %s%s keeps the column under that name)",
			to, strings.Join(near, " or "), keepPrefix, to)
	}
	k := HeaderKey(to)
	for f := range NumFields {
		name := Field(f).String()
		limit := 1 // date, site and code are names of their own, not slips
		if len([]rune(k)) >= 6 {
			limit = 2
		}
		if len(k) >= 4 && similar.OSA(k, HeaderKey(name)) <= limit {
			return fmt.Errorf("%q is not a field; did you mean %s?", to, name)
		}
	}
	return nil
}

// nearFields returns the fields a --map target is part of: "revenue" is in
// total_revenue and in the synonym "total revenue"; "purchases" in
// "number of purchases".
func nearFields(to string) []string {
	k := HeaderKey(to)
	if len([]rune(k)) < 5 {
		return nil
	}
	var out []string
	for f := range NumFields {
		field := Field(f)
		hit := strings.Contains(HeaderKey(field.String()), k)
		for _, s := range synonyms[field] {
			if hit {
				break
			}
			hit = strings.Contains(HeaderKey(s), k)
		}
		if hit {
			out = append(out, field.String())
		}
	}
	if len(out) > 3 {
		return nil // a word too common to point anywhere
	}
	return out
}

// Synonyms returns the headers known for a field, as written in the
// registry, for `crmkit fields`.
func Synonyms(f Field) []string { return append([]string(nil), synonyms[f]...) }
