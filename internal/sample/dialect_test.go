package sample

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestHeadersAreCoveredByHeaderFields(t *testing.T) {
	mapped := map[string]string{} // header → field, across dialects
	for _, name := range Dialects() {
		g, err := New(Config{N: 1, Dialect: name})
		if err != nil {
			t.Fatal(err)
		}
		fields := map[string]bool{}
		seen := map[string]bool{}
		for _, h := range g.Header() {
			if seen[h] {
				t.Errorf("%s: header %q twice", name, h)
			}
			seen[h] = true
			f, ok := HeaderFields[h]
			if !ok {
				t.Errorf("%s: header %q missing from HeaderFields", name, h)
				continue
			}
			if _, ok := record.FieldByName(f); !ok {
				t.Errorf("%s: header %q maps to %q, not a canonical field", name, h, f)
			}
			if prev, ok := mapped[h]; ok && prev != f {
				t.Errorf("header %q means %s in one dialect and %s in another", h, prev, f)
			}
			mapped[h] = f
			fields[f] = true
		}
		for _, f := range record.Fields() {
			if !fields[f.String()] {
				t.Errorf("%s has no column for %s", name, f)
			}
		}
	}
	if len(mapped) != len(HeaderFields) {
		t.Errorf("HeaderFields has %d headers, the dialects use %d", len(HeaderFields), len(mapped))
	}
}

func TestDialectHeaders(t *testing.T) {
	tests := []struct {
		dialect string
		first   []string
	}{
		{"fxiaoke", []string{"客户编号", "客户名称", "联系人", "手机"}},
		{"mixed", []string{"客户编号", "客户名称", "联系人", "手机"}},
		{"salesforce", []string{"Account ID", "Account Name", "Account Owner"}},
		{"hubspot", []string{"Record ID", "Company name"}},
		{"zoho", []string{"Record Id", "Account Name"}},
		{"sheet", []string{"编号", "公司名称", "姓名", "电话", "销售"}},
		{"canonical", []string{"id", "company", "name", "phone", "email"}},
	}
	for _, tt := range tests {
		g, err := New(Config{N: 1, Dialect: tt.dialect, Extra: []string{"微信", "QQ"}})
		if err != nil {
			t.Fatal(err)
		}
		h := g.Header()
		if !slices.Equal(h[:len(tt.first)], tt.first) {
			t.Errorf("%s header starts %q, want %q", tt.dialect, h[:len(tt.first)], tt.first)
		}
		if !slices.Equal(h[len(h)-2:], []string{"微信", "QQ"}) {
			t.Errorf("%s: extra columns not at the end: %q", tt.dialect, h)
		}
		h[0] = "changed"
		if g.Header()[0] == "changed" {
			t.Errorf("Header returns the generator's own slice")
		}
	}
	if _, ok := HeaderFields["微信"]; ok {
		t.Error("extra columns must stay unknown to HeaderFields")
	}
	if want := []string{"fxiaoke", "salesforce", "hubspot", "zoho", "sheet", "mixed", "canonical"}; !slices.Equal(Dialects(), want) {
		t.Errorf("Dialects() = %v, want %v", Dialects(), want)
	}
}

// TestHouseFormats: with no messiness, every cell is in its dialect's
// house format.
func TestHouseFormats(t *testing.T) {
	tests := []struct {
		dialect string
		field   string
		re      string
	}{
		{"fxiaoke", "claimed_at", `^\d{4}-\d\d-\d\d \d\d:\d\d$`},
		{"fxiaoke", "first_purchase_at", `^(\d{4}-\d\d-\d\d)?$`},
		{"fxiaoke", "total_revenue", `^(\d+\.\d\d|0)?$`},
		{"salesforce", "claimed_at", `^\d{4}/\d\d?/\d\d? \d\d:\d\d$`},
		{"salesforce", "total_revenue", `^(\d{1,3}(,\d{3})*\.\d\d|0)?$`},
		{"zoho", "last_contact_at", `^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)?$`},
		{"hubspot", "total_revenue", `^(\d+(\.\d\d?)?)?$`},
		{"canonical", "claimed_at", `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`},
		{"canonical", "phone", `^(\+\d{8,15})?$`},
		{"canonical", "email", `^([a-z0-9._]+@[a-z0-9.-]+)?$`},
		{"sheet", "claimed_at", `^\d{4}/\d\d?/\d\d?$`},
	}
	for _, tt := range tests {
		g, recs := collect(t, Config{N: 3000, Seed: 31, Dialect: tt.dialect, Messy: -1})
		re := regexp.MustCompile(tt.re)
		for _, c := range columns(g)[tt.field] {
			for _, rec := range recs {
				if v := rec.Row[c]; !re.MatchString(v) {
					// Invalid phones and e-mails are noise too, but "Messy: -1" has none.
					t.Fatalf("%s %s: %q does not match %s", tt.dialect, tt.field, v, tt.re)
				}
			}
		}
	}
}

func TestMessiness(t *testing.T) {
	count := func(messy float64) map[string]int {
		_, recs := collect(t, Config{N: 5000, Seed: 37, Messy: messy, Dialect: "mixed"})
		n := map[string]int{}
		for _, rec := range recs {
			for _, v := range rec.Row {
				if v != strings.TrimSpace(v) {
					n["space"]++
				}
				if strings.ContainsAny(v, "０１２３４５６７８９") {
					n["fullwidth"]++
				}
				if slices.Contains(invalidPhonesZH, v) || slices.Contains(invalidEmails, v) {
					n["junk"]++
				}
			}
		}
		return n
	}
	clean, messy := count(-1), count(1)
	for _, kind := range []string{"space", "fullwidth", "junk"} {
		if clean[kind] != 0 {
			t.Errorf("Messy -1: %d cells with %s noise", clean[kind], kind)
		}
		if messy[kind] < 20 {
			t.Errorf("Messy 1: only %d cells with %s noise", messy[kind], kind)
		}
	}
}
