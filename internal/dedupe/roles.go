package dedupe

import (
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// Role says what a column tells about who a customer is. Columns that
// identify a customer are compared; the others (gender, source, status,
// notes, amounts, event dates, owners, industry, row ids, labels) are not:
// two records of one customer often differ there, and two customers often
// agree.
type Role string

// The roles.
const (
	RoleNone     Role = ""         // not compared
	RoleCompany  Role = "company"  // company name
	RoleName     Role = "name"     // person's full name
	RoleGiven    Role = "given"    // given (first) name
	RoleFamily   Role = "family"   // family name, surname
	RoleMiddle   Role = "middle"   // middle name
	RoleBirth    Role = "birth"    // birth date
	RolePhone    Role = "phone"    // phone numbers
	RoleEmail    Role = "email"    // e-mail addresses
	RoleAddress  Role = "address"  // street address
	RoleCity     Role = "city"     // city, suburb, town
	RoleRegion   Role = "region"   // province, state
	RolePostcode Role = "postcode" // postcode, ZIP
	RoleCode     Role = "code"     // identity code: 统一社会信用代码, 身份证号, tax, VAT, SSN
)

// ColumnRole is a column's role and why it was given.
type ColumnRole struct {
	Column string
	Role   Role
	Why    string // "header", "values", "--fields", or why a column is not compared
}

// canonicalRoles are the roles of the canonical fields; the others are
// not compared.
var canonicalRoles = map[record.Field]Role{
	record.Company: RoleCompany, record.Name: RoleName, record.Phone: RolePhone, record.Email: RoleEmail,
	record.Address: RoleAddress, record.City: RoleCity, record.Province: RoleRegion,
	record.Postcode: RolePostcode, record.BirthDate: RoleBirth,
}

// codeHeaders are words in a header that name an identity code.
var codeHeaders = []string{
	"ssn", "socsec", "socialsecurity", "nationalid", "nationalinsurance", "idcard", "idnumber", "idno",
	"passport", "taxid", "taxno", "taxnumber", "tin", "vat", "vatno", "vatnumber", "ein", "uscc", "creditcode",
	"身份证", "证件号", "证件号码", "信用代码", "统一社会信用代码", "税号", "纳税人识别号", "营业执照", "注册号", "工商注册号", "组织机构代码",
}

// middleHeaders name a middle name.
var middleHeaders = []string{"middlename", "middle", "middleinitial", "mi"}

// headerRole is the role a header gives an extra column, if any.
func headerRole(h string) Role {
	key := record.HeaderKey(h)
	switch record.LookupNamePart(h) {
	case record.FirstName:
		return RoleGiven
	case record.LastName:
		return RoleFamily
	}
	for _, s := range []string{"firstname", "givenname", "forename", "fname"} {
		if key == s {
			return RoleGiven
		}
	}
	for _, s := range []string{"lastname", "surname", "familyname", "lname", "姓氏"} {
		if key == s {
			return RoleFamily
		}
	}
	if slices.Contains(middleHeaders, key) {
		return RoleMiddle
	}
	for _, s := range codeHeaders {
		if key == s || (len(s) >= 4 && strings.Contains(key, s)) {
			return RoleCode
		}
	}
	// soc_sec_id, tax_id, vat_id: an identity word and "id".
	for _, s := range []string{"socsec", "tax", "vat", "ssn"} {
		if strings.HasPrefix(key, s) {
			return RoleCode
		}
	}
	return textRole(key)
}

// valueRole is the role an extra column's values give it: identity codes
// that pass the 身份证号 or 统一社会信用代码 checksum in most filled cells.
func valueRole(values []string) Role {
	filled, valid := 0, 0
	for _, v := range values {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		filled++
		if classifyCode(normCode(v)) != codeOther {
			valid++
		}
	}
	if filled >= 3 && valid*10 >= filled*8 {
		return RoleCode
	}
	return listRole(values)
}

// DetectRoles returns the role of every column of schema: canonical fields
// by their meaning, extra columns by header, else by the values of sample
// (any records of the input; nil: headers only).
func DetectRoles(schema *record.Schema, sample []record.Record) []ColumnRole {
	out := make([]ColumnRole, 0, record.NumFields+len(schema.Extra))
	for _, f := range record.Fields() {
		if f == record.ID {
			out = append(out, ColumnRole{f.String(), RoleNone, "row id"})
			continue
		}
		if r, ok := canonicalRoles[f]; ok {
			out = append(out, ColumnRole{f.String(), r, "field"})
		} else {
			out = append(out, ColumnRole{f.String(), RoleNone, "not identity"})
		}
	}
	for i, h := range schema.Extra {
		if r := headerRole(h); r != RoleNone {
			out = append(out, ColumnRole{h, r, "header"})
			continue
		}
		var values []string
		for j := range sample {
			if i < len(sample[j].Extra) {
				values = append(values, sample[j].Extra[i])
			}
		}
		if r := valueRole(values); r != RoleNone {
			out = append(out, ColumnRole{h, r, "values"})
			continue
		}
		out = append(out, ColumnRole{h, RoleNone, "not identity"})
	}
	return out
}

// roleKinds are the comparator kinds of the extra-column roles.
var roleKinds = map[Role]string{RoleGiven: "given", RoleFamily: "family", RoleMiddle: "middle", RoleCode: "code",
	RoleCompany: kindCompany, RoleList: kindList, RoleTags: kindTags}

// roleRules turns the roles of extra columns into comparator rules,
// leaving out the columns the user's rules name. Only the first given and
// family name columns count: a second is most often a romanization or a
// copy.
func roleRules(roles []ColumnRole, schema *record.Schema, user []FieldRule) []fieldRule {
	var out []fieldRule
	seen := map[Role]bool{}
	for _, cr := range roles {
		kind, ok := roleKinds[cr.Role]
		if !ok {
			continue
		}
		i := slices.Index(schema.Extra, cr.Column)
		if i < 0 || slices.ContainsFunc(user, func(r FieldRule) bool { return r.Field == cr.Column }) {
			continue
		}
		if cr.Role != RoleCode && cr.Role != RoleList && cr.Role != RoleTags && seen[cr.Role] {
			continue
		}
		seen[cr.Role] = true
		out = append(out, fieldRule{FieldRule: FieldRule{Field: cr.Column, Kind: kind, Weight: kindWeights[kind]}, extra: i, auto: true})
	}
	return out
}
