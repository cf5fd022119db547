package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// A street address written shorter — without its street type, its units
// in another order — is the same address, worth what a shared address is
// worth, not the less a typo is.
func TestCompareAddressShortForm(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"1020 W. Bryn Mawr", "1020 W Bryn Mawr Ave", Same},
		{"2905 N. Leavitt", "2905 N Leavitt Street", Same},
		{"Suite 400, One Market Plaza", "1 Market Plaza, Ste 400", Same},
		{"1020 Bryn Mawr Ave", "1020 W Bryn Mawr Ave", Similar}, // W or E Bryn Mawr?
		{"1020 W Bryn Mawr Ave", "1020 W Bryn Maur Ave", Similar},
		{"7146-48 S. Ashland Ave.", "7146 S Ashland", Similar},
		{"1900 W Van Buren St", "1900 W VanBuren", Similar}, // one name, with or without a space
		{"5433 S 93rd Street", "5433 S 93th St", Similar},
		{"2610 West 25th Place Lower Level", "2610 W 25th Pl", Similar}, // a unit one side leaves out
		{"1020 W Bryn Mawr Ave", "1022 W Bryn Mawr Ave", Different},
	} {
		a, b := prof("address", c.a), prof("address", c.b)
		if got := compareAddress(&a, &b); got != c.want {
			t.Errorf("address %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// One slip apart: the same house number and street with another street
// type, or one digit of the number other than the last, is a near miss
// (partial), which the file's weights grade; next door is different.
func TestCompareAddressNearMiss(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"941 E 132nd Pl", "941 E 132ND ST", Partial},
		{"3601 S Rhodes St", "3641 S. Rhodes", Partial},
		{"3601 S Rhodes St", "3603 S. Rhodes", Different},
		{"3601 S Rhodes St", "3601 S Dorchester Ave", Different},
	} {
		a, b := prof("address", c.a), prof("address", c.b)
		if got := compareAddress(&a, &b); got != c.want {
			t.Errorf("address %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// An agency's head-office number printed on each of its sites says two
// sites belong to one agency, not that they are one site: at two
// different addresses it counts as partial; a site's own number, or the
// switchboard at one address, counts in full.
func TestSwitchboardAtDifferentSites(t *testing.T) {
	recs := []record.Record{
		rec("company", "Hull House Uptown", "address", "1020 W Bryn Mawr Ave", "phone", "3125550100"),
		rec("company", "Hull House Lawndale", "address", "1401 S Sacramento Dr", "phone", "3125550100"),
		rec("company", "Hull House Edgewater", "address", "5533 N Broadway", "phone", "3125550100;3125557777"),
		rec("company", "Hull House Edgewater Annex", "address", "6000 N Sheridan Rd", "phone", "3125557777"),
		rec("company", "Hull House Uptown", "address", "1020 W. Bryn Mawr", "phone", "3125550100"),
	}
	m, profs := matcherOf(t, recs)
	m.sites = m.findSwitchboards(profs)
	phone := comparatorAt(t, m, "phone")
	for _, c := range []struct {
		a, b int
		want Level
	}{
		{0, 1, Partial}, // the switchboard, two sites
		{1, 2, Partial},
		{0, 4, Same}, // the switchboard, one site
		{2, 3, Same}, // a number of two sites only
		{0, 3, Different},
	} {
		lv := make([]Level, len(m.comparators))
		m.levels(&profs[c.a], &profs[c.b], lv)
		if lv[phone] != c.want {
			t.Errorf("records %d and %d: phone %v, want %v", c.a, c.b, lv[phone], c.want)
		}
	}
}
