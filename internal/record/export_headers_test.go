package record

import "testing"

// field returns what a header maps to in m, as "field", "extra:NAME" or
// "?" when the header is absent.
func mappedAs(m Mapping, header string) string {
	for _, c := range m.Columns {
		if c.Header != header {
			continue
		}
		if c.Target == ToField {
			return c.Field.String()
		}
		return "extra:" + c.Extra
	}
	return "?"
}

// Salesforce's API (Data Loader) headers and HubSpot's export headers map
// the way a sales admin reads them.
func TestSalesforceAndHubSpotHeaders(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		want   map[string]string
	}{
		{"salesforce account API: Name is the account",
			[]string{"Id", "Name", "AccountNumber", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry", "ShippingCity", "ShippingCountry", "Phone", "CreatedDate"},
			map[string]string{"Id": "id", "Name": "company", "BillingStreet": "address", "BillingCity": "city",
				"BillingState": "province", "BillingPostalCode": "postcode", "BillingCountry": "extra:country",
				"ShippingCity": "extra:ShippingCity", "ShippingCountry": "extra:ShippingCountry", "CreatedDate": "extra:created_at"}},
		{"an account export known by Industry alone",
			[]string{"Name", "Industry", "Phone"},
			map[string]string{"Name": "company", "Industry": "industry"}},
		{"salesforce contact: Name is the person, Account Name the company",
			[]string{"Name", "Account Name", "MailingCity", "Email"},
			map[string]string{"Name": "name", "Account Name": "company", "MailingCity": "city"}},
		{"a plain list: Name stays the contact",
			[]string{"Name", "Phone", "City"},
			map[string]string{"Name": "name"}},
		{"first and last name columns say it is about people",
			[]string{"First Name", "Last Name", "Name", "BillingCity"},
			map[string]string{"Name": "name"}},
		{"hubspot contacts",
			[]string{"Record ID", "First Name", "Last Name", "Associated Company", "Country/Region", "Create Date", "Contact owner"},
			map[string]string{"Record ID": "id", "Associated Company": "company", "Country/Region": "extra:country",
				"Create Date": "extra:created_at", "Contact owner": "owner"}},
		{"hubspot contact id",
			[]string{"Contact ID", "Email"},
			map[string]string{"Contact ID": "id"}},
	}
	for _, tt := range tests {
		m := MapHeader(tt.header, nil)
		for h, want := range tt.want {
			if got := mappedAs(m, h); got != want {
				t.Errorf("%s: %s → %s, want %s", tt.name, h, got, want)
			}
		}
	}
}

// --map to country or created_at gives the column that role, so it sets
// the phone region (or is read as a date) like a known header.
func TestMapToRole(t *testing.T) {
	o, err := ParseOverrides([]string{"Land=country,Angelegt=created_at"})
	if err != nil {
		t.Fatal(err)
	}
	m := MapHeader([]string{"Firma", "Land", "Angelegt"}, o)
	if c := m.Columns[1]; c.Role != RoleCountry || c.Extra != CountryColumn {
		t.Errorf("Land = %+v", c)
	}
	if c := m.Columns[2]; c.Role != RoleCreated || c.Extra != CreatedColumn {
		t.Errorf("Angelegt = %+v", c)
	}
}
