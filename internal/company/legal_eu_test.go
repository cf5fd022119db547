package company

import "testing"

// The EU and EEA legal forms are stripped like Inc. and GmbH (issue 19).
func TestEULegalForms(t *testing.T) {
	for _, c := range []struct{ in, suffix string }{
		{"Schroder Technik A/S", "as"}, {"Blue Harbor ApS", "aps"}, {"Kowalski Sp. z o.o.", "spzoo"},
		{"Pena Health S.L.", "sl"}, {"Acme S.a r.l.", "sarl"}, {"Acme s.r.o.", "sro"},
		{"Acme Kft.", "kft"}, {"Acme d.o.o.", "doo"}, {"Acme Lda", "lda"}, {"Acme Oyj", "oyj"},
		{"Acme OU", "ou"}, {"Acme UAB", "uab"}, {"Acme SIA", "sia"}, {"Acme BVBA", "bvba"},
		{"Acme EOOD", "eood"}, {"Acme Zrt.", "zrt"}, {"Acme S.L.U.", "slu"}, {"Acme sp.j.", "spj"},
	} {
		n := Parse(c.in)
		if n.Core != "acme" && n.Core != "schroder technik" && n.Core != "blue harbor" && n.Core != "kowalski" && n.Core != "pena health" {
			t.Errorf("Parse(%q).Core = %q: the legal form was not stripped", c.in, n.Core)
		}
		if n.Suffix != c.suffix {
			t.Errorf("Parse(%q).Suffix = %q, want %q", c.in, n.Suffix, c.suffix)
		}
	}
}
