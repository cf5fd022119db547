// Package record owns crmkit's canonical customer record: the registry of
// canonical fields, their kinds, the header synonyms that map a CRM export's
// columns onto them, and the schema of a canonical CSV.
package record

// Field identifies a canonical field. Its value is the column position in
// canonical CSV.
type Field int

// The canonical fields, in canonical CSV order.
const (
	ID Field = iota
	Company
	Name
	Phone
	Email
	Address
	Province
	City
	Postcode
	Industry
	Source
	CustomerType
	Owner
	ClaimedAt
	LastContactAt
	FirstPurchaseAt
	LastPurchaseAt
	PurchaseCount
	TotalRevenue
	Referrals
	Tags
	Notes
	BirthDate

	NumFields int = iota
)

// Kind says how a field's values are normalized and validated.
type Kind int

const (
	KindText   Kind = iota // prose: whitespace and full-width letters/digits only
	KindCode               // ids, postcodes: structured text, all full-width folded
	KindPhone              // E.164, several joined by ";"
	KindEmail              // lowercase, several joined by ";"
	KindDate               // ISO 8601
	KindAmount             // plain decimal
	KindCount              // non-negative integer
	KindList               // tags: several values joined by ";"
)

// SourceColumn is the lineage column: file[:sheet]:row of every input row
// behind a record.
const SourceColumn = "_source"

type fieldSpec struct {
	name string
	kind Kind
	// multi fields take values from several input columns (two phone
	// columns, say), joined with ";".
	multi bool
}

var specs = [NumFields]fieldSpec{
	ID:              {"id", KindCode, false},
	Company:         {"company", KindText, false},
	Name:            {"name", KindText, false},
	Phone:           {"phone", KindPhone, true},
	Email:           {"email", KindEmail, true},
	Address:         {"address", KindText, false},
	Province:        {"province", KindText, false},
	City:            {"city", KindText, false},
	Postcode:        {"postcode", KindCode, false},
	Industry:        {"industry", KindText, false},
	Source:          {"source", KindText, false},
	CustomerType:    {"customer_type", KindText, false},
	Owner:           {"owner", KindText, false},
	ClaimedAt:       {"claimed_at", KindDate, false},
	LastContactAt:   {"last_contact_at", KindDate, false},
	FirstPurchaseAt: {"first_purchase_at", KindDate, false},
	LastPurchaseAt:  {"last_purchase_at", KindDate, false},
	PurchaseCount:   {"purchase_count", KindCount, false},
	TotalRevenue:    {"total_revenue", KindAmount, false},
	Referrals:       {"referrals", KindCount, false},
	Tags:            {"tags", KindList, true},
	Notes:           {"notes", KindText, false},
	BirthDate:       {"birth_date", KindDate, false},
}

// String returns the canonical column name.
func (f Field) String() string {
	if f < 0 || int(f) >= NumFields {
		return "field?"
	}
	return specs[f].name
}

// Kind returns how the field is normalized.
func (f Field) Kind() Kind { return specs[f].kind }

// Multi reports whether values from several input columns are joined.
func (f Field) Multi() bool { return specs[f].multi }

// Fields returns every canonical field in order.
func Fields() []Field {
	out := make([]Field, NumFields)
	for i := range out {
		out[i] = Field(i)
	}
	return out
}

// FieldByName returns the field with the canonical name (exact match).
func FieldByName(name string) (Field, bool) {
	for i, s := range specs {
		if s.name == name {
			return Field(i), true
		}
	}
	return 0, false
}
