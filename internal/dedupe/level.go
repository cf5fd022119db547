package dedupe

// Level grades how two records agree on one field.
type Level int8

const (
	Missing   Level = iota // one side has no value: no evidence
	Conflict               // disagree in a way that rules a match out (same brand, other city)
	Different              // disagree
	Partial                // compatible but weak (surname only, a suffix of a phone)
	Similar                // agree up to a typo or a spelling variant
	Same                   // agree

	numLevels = iota
)

var levelNames = [numLevels]string{"missing", "conflict", "different", "partial", "similar", "same"}

func (l Level) String() string {
	if l < 0 || int(l) >= numLevels {
		return "level?"
	}
	return levelNames[l]
}

// weights are what each level of a comparison is worth, in bits: log2 of
// how much likelier the level is for a true match than for a non-match.
type weights [numLevels]float64

// scaled returns weights for a user-set comparator whose Same is worth w.
func scaled(w float64) weights {
	return weights{Same: w, Similar: 0.7 * w, Partial: 0.3 * w, Different: -0.4 * w, Conflict: -w}
}
