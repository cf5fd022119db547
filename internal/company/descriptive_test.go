package company

import "testing"

func TestDescriptive(t *testing.T) {
	for w, want := range map[string]bool{
		// Names.
		"philips": false, "whirlpool": false, "akzo": false, "dsm": false, "shell": false,
		// Trade, reach, country, form, particles.
		"electronics": true, "internationale": true, "internat": true, "europa": true, "netherlands": true,
		"nederland": true, "koninklijke": true, "maatschappij": true, "research": true, "technologies": true,
		"nv": true, "gmbh": true, "van": true, "the": true, "ip": true,
	} {
		if got := Descriptive(w); got != want {
			t.Errorf("Descriptive(%q) = %v, want %v", w, got, want)
		}
	}
}
