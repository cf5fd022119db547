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
