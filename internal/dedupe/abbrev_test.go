package dedupe

import "testing"

func TestAbbreviates(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"acad", "academy", true},
		{"ctr", "center", true},
		{"intl", "international", true},
		{"mfg", "manufacturing", true},
		{"dev", "developmental", true},
		{"co", "company", false},  // too short to say
		{"ace", "acme", false},    // a word, not an abbreviation
		{"ctr", "tractor", false}, // the first letter must agree
	} {
		if got := abbreviates(c.short, c.long); got != c.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

// A name written with abbreviations is the long name with words left
// out or added: partial evidence, as "ciboulette" / "ciboulette
// restaurant" is, not a different company.
func TestCompanyAbbreviationsArePartial(t *testing.T) {
	for _, c := range [][2]string{
		{"McNair Acad Ctr", "McNair Academy Center, Ronald E."},
		{"El Valor - Young Scholars Dev. Ins", "Young Scholars Developmental Institute"},
	} {
		a, b := prof("company", c[0]), prof("company", c[1])
		if got := compareCompany(&a, &b); got != Partial {
			t.Errorf("company %q vs %q = %v, want partial", c[0], c[1], got)
		}
		if got := compareCompany(&b, &a); got != Partial {
			t.Errorf("company %q vs %q = %v, want partial", c[1], c[0], got)
		}
	}
}
