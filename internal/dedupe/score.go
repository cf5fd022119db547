package dedupe

import "math"

// prior is the match weight, in bits, of a candidate pair before any field
// is compared: most records that share a blocking key are not duplicates.
const prior = -4

// cannotLinkBits: a compared pair whose fields sum to this or less is
// clear evidence of two customers; clustering never joins the groups they
// are in, whatever chain of matches would.
const cannotLinkBits = -3

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
// and the sum of the field weights alone.
func (m *Matcher) weigh(a, b *profile) (w, fields float64) {
	for i := range m.comparators {
		c := &m.comparators[i]
		fields += c.weights[c.compare(a, b)]
	}
	return prior + fields, fields
}

// Explain returns the per-field evidence for a pair of records.
func (m *Matcher) explain(a, b *profile) []Evidence {
	ev := make([]Evidence, len(m.comparators))
	for i := range m.comparators {
		c := &m.comparators[i]
		l := c.compare(a, b)
		ev[i] = Evidence{Field: c.name, Level: l, Weight: c.weights[l]}
	}
	return ev
}
