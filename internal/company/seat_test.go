package company

import "testing"

func TestSeatAfterLegalForm(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"UNILEVER N.V., ROTTERDAM", "unilever"},
		{"DSM N.V., TE HEERLEN, NL", "dsm"},
		{"KONINKLIJKE PHILIPS ELECTRONICS N.V., EINDHOVEN", "koninklijke philips electronics"},
		{"Acme Robotics, Inc., San Jose", "acme robotics"},
		// A comma before the legal form is not a seat.
		{"Acme, Inc.", "acme"},
		// A second company's name after the comma stays.
		{"Hitachi Global Storage Technologies Inc, Netherlands B.V.", "hitachi global storage technologies inc netherlands"},
		// No legal form before the comma: part of the name.
		{"Smith, Jones and Partners", "smith jones and partners"},
	} {
		if got := Parse(c.name).Core; got != c.want {
			t.Errorf("Parse(%q).Core = %q, want %q", c.name, got, c.want)
		}
	}
}
