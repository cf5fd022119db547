package dedupe

import "testing"

// Two birth dates within a year of each other are partial evidence (a
// date typed from memory, the day or month wrong): between a typo
// (similar) and two people's dates (different).
func TestBirthDatesWithinAYear(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want Level
	}{
		{"1976-11-17", "1976-11-17", Same},
		{"1976-11-17", "1976-11-18", Similar}, // one digit
		{"1976-11-17", "1976-08-27", Partial},
		{"2003-12-30", "2004-01-25", Partial}, // across New Year
		{"1976-11-17", "1981-02-17", Different},
		{"1976-11-17", "1978-11-27", Different},
		{"17/11/1976", "27/08/1976", Different}, // not a normalized date: no guess
	} {
		if got := compareDate(c.x, c.y); got != c.want {
			t.Errorf("compareDate(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
		if got := compareDate(c.y, c.x); got != c.want {
			t.Errorf("compareDate(%q, %q) = %v, want %v", c.y, c.x, got, c.want)
		}
	}
}
