package dedupe

import "math"

// prior is the hand-set match weight, in bits, of a candidate pair before
// any field is compared: most records that share a blocking key are not
// duplicates. A model learned from the file replaces it.
const prior = -4

// cannotLinkBits: a compared pair whose match weight is this or less is
// clear evidence of two customers, as is a conflict (the same company core
// in two places, two different valid identity codes); clustering never
// joins the groups they are in, whatever chain of matches would.
const cannotLinkBits = -7

// Evidence is what comparing one field of a pair found.
type Evidence struct {
	Field  string
	Level  Level
	Weight float64
}

// ScoreOf turns a match weight in bits into a score in [0,1]: the
// probability of a match under the weights' model.
func ScoreOf(w float64) float64 { return 1 / (1 + math.Exp2(-w)) }

// weightOf is the inverse of ScoreOf.
func weightOf(score float64) float64 {
	switch {
	case score <= 0:
		return math.Inf(-1)
	case score >= 1:
		return math.Inf(1)
	}
	return math.Log2(score / (1 - score))
}

// weigh compares a pair on every comparator and returns its match weight
// and whether it is a cannot-link.
func (m *Matcher) weigh(a, b *profile) (w float64, apart bool) {
	var buf [maxComparators]Level
	lv := buf[:len(m.comparators)]
	m.levels(a, b, lv)
	w = m.prior
	for i, l := range lv {
		w += m.comparators[i].weights[l]
		apart = apart || l == Conflict
	}
	if m.otherPerson(lv) || m.otherSite(a, b, lv) {
		return min(w, m.cannotW), true
	}
	return w, apart || m.cannotLinked(w, lv)
}

// Explain returns the per-field evidence for a pair of records.
func (m *Matcher) explain(a, b *profile) []Evidence {
	lv := make([]Level, len(m.comparators))
	m.levels(a, b, lv)
	ev := make([]Evidence, len(m.comparators))
	for i, l := range lv {
		c := &m.comparators[i]
		ev[i] = Evidence{Field: c.name, Level: l, Weight: c.weights[l]}
	}
	return ev
}
