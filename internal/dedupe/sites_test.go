package dedupe

import "testing"

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
		{"1020 W Bryn Mawr Ave", "1022 W Bryn Mawr Ave", Different},
	} {
		a, b := prof("address", c.a), prof("address", c.b)
		if got := compareAddress(&a, &b); got != c.want {
			t.Errorf("address %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
