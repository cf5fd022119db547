package similar

import "testing"

func TestFoldLatin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Société Générale S.A.", "Societe Generale S.A."},
		{"Müller", "Muller"},
		{"Mueller", "Muller"},
		{"MUELLER", "MULLER"},
		{"Schröder Technik", "Schroder Technik"},
		{"Schroeder Technik", "Schroder Technik"},
		{"Jørgensen", "Jorgensen"},
		{"Joergensen", "Jorgensen"},
		{"Straße", "Strasse"},
		{"Łódź", "Lodz"},
		{"Blue Harbor", "Blue Harbor"}, // a word-final ue stays
		{"Queen", "Queen"},             // a vowel after the pair: not a digraph
		{"深圳华强", "深圳华强"},
		{"Acme", "Acme"},
	} {
		if got := FoldLatin(c.in); got != c.want {
			t.Errorf("FoldLatin(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := FoldLatin(FoldLatin(c.in)); got != FoldLatin(c.in) {
			t.Errorf("FoldLatin not idempotent on %q: %q", c.in, got)
		}
	}
}

func TestFoldAccentsKeepsDigraphs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Müller", "Muller"}, {"Mueller", "Mueller"}, {"Samuel", "Samuel"}, {"Jørgensen", "Jorgensen"},
	} {
		if got := FoldAccents(c.in); got != c.want {
			t.Errorf("FoldAccents(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
