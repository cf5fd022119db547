package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// At one street address (up to a spelling), two names that share a word few records of the
// file carry are one organisation (a program and its agency); a word many
// records carry (a brand with many companies), a word that only says what
// a company does, or the word at two addresses says nothing of the kind.
func TestRareSharedWordAtOneAddress(t *testing.T) {
	recs := []record.Record{
		rec("company", "El Hogar Loomis", "address", "1718 S Loomis St"),
		rec("company", "El Hogar del Nino", "address", "1718 S. Loomis"),
		rec("company", "Acme Robotics", "address", "10 Main St"),
		rec("company", "Acme Logistics", "address", "10 Main Street"),
		rec("company", "Acme Tooling", "address", "22 Oak Ave"),
		rec("company", "Hull House Uptown", "address", "1020 W Bryn Mawr Ave"),
		rec("company", "Hull House Lawndale", "address", "1401 S Sacramento Dr"),
		rec("company", "Nova Software", "address", "7 Elm St"),
		rec("company", "Zenith Software", "address", "7 Elm St"),
		rec("company", "Casa Central Humboldt Park", "address", "1020 W Bryn Mawr Ave"),
		rec("company", "Casa Annex", "address", "1020 Bryn Mawr Ave"),
		rec("company", "Carter & Jimenez Equity Corp.", "address", "1293 Maple Ave"),
		rec("company", "Carter & Jimenez Cosmetics Inc.", "address", "1293 Maple Ave"),
		rec("company", "Mireya's Delicatessen", "address", "12224 Ventura Blvd"),
		rec("company", "Mireya's Deli", "address", "12224 Ventura Blvd."),
	}
	m, profs := matcherOf(t, recs)
	m.rare = m.findRareWords(profs)
	co := comparatorAt(t, m, "company")
	for _, c := range []struct {
		a, b int
		want Level
	}{
		{0, 1, Partial},     // "hogar": two records, one address
		{2, 3, Different},   // "acme": three records, a brand
		{5, 6, Different},   // "hull": two addresses
		{7, 8, Different},   // "software" names no company
		{9, 10, Partial},    // one address up to a spelling
		{11, 12, Different}, // sister companies: one word other
		{13, 14, Partial},   // one word abbreviated
	} {
		lv := make([]Level, len(m.comparators))
		m.levels(&profs[c.a], &profs[c.b], lv)
		if lv[co] != c.want {
			t.Errorf("%q / %q: company %v, want %v", recs[c.a].Values, recs[c.b].Values, lv[co], c.want)
		}
	}
}
