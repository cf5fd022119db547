package similar

// Winkler's constants: the prefix bonus is prefixScale per common leading
// rune, for at most maxPrefix runes.
const (
	prefixScale = 0.1
	maxPrefix   = 4
)

// JaroWinkler returns the Jaro-Winkler similarity of a and b in [0,1], on
// runes (prefix scale 0.1, prefix up to 4). Both empty → 1. The prefix bonus
// is applied at every Jaro score, without Winkler's 0.7 boost threshold.
// Strings of up to 64 runes are compared without allocating.
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	var ab, bb [stackRunes]rune
	return jaroWinklerRunes(decodeRunes(a, &ab), decodeRunes(b, &bb))
}

func jaroWinklerRunes(a, b []rune) float64 {
	// A canonical order makes the result symmetric by construction, rather
	// than by an argument about the greedy matching and float rounding.
	if c := len(a) - len(b); c > 0 || (c == 0 && compareRunes(a, b) > 0) {
		a, b = b, a
	}
	j := jaro(a, b)
	prefix := 0
	for prefix < maxPrefix && prefix < len(a) && a[prefix] == b[prefix] {
		prefix++
	}
	return j + float64(prefix)*prefixScale*(1-j)
}

// jaro expects len(a) <= len(b).
func jaro(a, b []rune) float64 {
	if len(b) == 0 {
		return 1
	}
	if len(a) == 0 {
		return 0
	}
	var aFlags, bFlags [stackRunes]bool
	aMatched, bMatched := aFlags[:], bFlags[:]
	if len(b) > stackRunes {
		aMatched, bMatched = make([]bool, len(a)), make([]bool, len(b))
	}
	window := max(len(b)/2-1, 0)
	matches := 0
	for i, r := range a {
		lo, hi := max(i-window, 0), min(i+window+1, len(b))
		for k := lo; k < hi; k++ {
			if !bMatched[k] && b[k] == r {
				aMatched[i], bMatched[k] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	// Transpositions: matched runes of a and b paired in order that differ.
	halfTranspositions, k := 0, 0
	for i, r := range a {
		if !aMatched[i] {
			continue
		}
		for !bMatched[k] {
			k++
		}
		if r != b[k] {
			halfTranspositions++
		}
		k++
	}
	m := float64(matches)
	t := float64(halfTranspositions / 2)
	return (m/float64(len(a)) + m/float64(len(b)) + (m-t)/m) / 3
}
