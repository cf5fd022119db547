package dedupe

import (
	"slices"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/company"
)

// Two records at one street address (the same, or up to a spelling) whose
// company names differ but share a word that names an organisation and
// that few records of the file carry are one organisation written two ways: a program and its agency
// ("El Hogar Loomis" / "El Hogar del Nino"), a site under its brand and
// under its owner's name. Such a pair's company is graded partial, not
// different, and the file's weights say what partial is worth. A word
// many records carry (a brand with many companies, one company making up
// much of the file) says little about which one a record is, and at two
// addresses a shared word is two sites of one organisation, two customers;
// two names alike but for one word are sister companies (siblingNames).

// rareWordShare: a word is rare when at most this share of the file's
// records carry it in their company name (and never rare in fewer than
// two: then no pair shares it).
const rareWordShare = 0.005

// minRareWordLen is the shortest word that can name an organisation on
// its own; initials ("R.E.", "T.W.O.") say too little.
const minRareWordLen = 3

// rareWords are the rare naming words of a file's company names, and the
// company and address comparators' indexes.
type rareWords struct {
	words             map[string]struct{}
	companyAt, addrAt int
}

// findRareWords returns the rare naming words of profiles' company cores,
// nil when the file's companies or addresses are not compared or no word
// is rare. It depends only on the set of profiles, not their order.
func (m *Matcher) findRareWords(profiles []profile) *rareWords {
	r := rareWords{companyAt: m.companyAt, addrAt: m.loc[0]}
	if r.companyAt < 0 || r.addrAt < 0 || m.comparators[r.companyAt].fixed || len(profiles) == 0 {
		return nil
	}
	limit := max(2, int(rareWordShare*float64(len(profiles))))
	count := map[string]int{}
	for i := range profiles {
		p := &profiles[i]
		if p.companyHan {
			continue
		}
		toks := p.coTokens()
		for j, w := range toks {
			if !namingWord(w) || slices.Contains(toks[:j], w) {
				continue
			}
			count[w]++
		}
	}
	for w, n := range count {
		if n <= limit {
			if r.words == nil {
				r.words = map[string]struct{}{}
			}
			r.words[w] = struct{}{}
		}
	}
	if r.words == nil {
		return nil
	}
	return &r
}

// namingWord reports whether w can name an organisation on its own.
func namingWord(w string) bool {
	return utf8.RuneCountInString(w) >= minRareWordLen && !company.Descriptive(w)
}

// siblingNames reports whether two names are one name but for one word in
// the same place, neither an abbreviation of the other: a brand with two
// lines of business (Acme Robotics / Acme Logistics, Carter & Jimenez
// Equity / Carter & Jimenez Cosmetics), sister companies that often share
// an address, not one organisation written two ways.
func siblingNames(a, b []string) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	diff := -1
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if diff >= 0 {
			return false
		}
		diff = i
	}
	return diff >= 0 && !abbreviates(a[diff], b[diff]) && !abbreviates(b[diff], a[diff])
}

// grade raises a pair's company level from different to partial when the
// two share a street address (up to a spelling) and a rare word of their
// names.
func (r *rareWords) grade(a, b *profile, out []Level) {
	if r == nil || out[r.companyAt] != Different || out[r.addrAt] < Similar || a.companyHan || b.companyHan {
		return
	}
	at, bt := a.coTokens(), b.coTokens()
	if siblingNames(at, bt) {
		return
	}
	for _, w := range at {
		if _, ok := r.words[w]; ok && slices.Contains(bt, w) {
			out[r.companyAt] = Partial
			return
		}
	}
}
