package similar

// The metrics' thresholds are mostly missed: two different names, two
// different cities. A cheap upper bound, from the runes the two strings
// share, rules most such pairs out before the metric is computed. The
// bounds are mathematical upper bounds of the metrics; a pair is ruled
// out only when its bound is below the threshold by more than boundSlack,
// far above any float rounding of the metrics themselves, so a pair the
// metric puts at or over the threshold is never ruled out.
const boundSlack = 1e-9

// sharedRunes bounds from above how many runes a and b have in common,
// counted with multiplicity (the size of the multiset intersection),
// when both are ASCII; ok is false otherwise. A rune of a can only be
// shared if b holds it, and the other way round: the smaller of the two
// counts bounds the shared runes, and a pair of 128-bit sets is all it
// takes (no counts to clear per pair).
func sharedRunes(a, b []rune) (shared int, ok bool) {
	var setA, setB [2]uint64
	for _, r := range a {
		if r < 0 || r >= 128 {
			return 0, false
		}
		setA[r>>6] |= 1 << (r & 63)
	}
	for _, r := range b {
		if r < 0 || r >= 128 {
			return 0, false
		}
		setB[r>>6] |= 1 << (r & 63)
	}
	inA, inB := 0, 0
	for _, r := range a {
		inA += int(setB[r>>6] >> (r & 63) & 1)
	}
	for _, r := range b {
		inB += int(setA[r>>6] >> (r & 63) & 1)
	}
	return min(inA, inB), true
}

// sharedBytes is sharedRunes on two ASCII strings, read as they are;
// ok is false when either is not ASCII.
func sharedBytes(a, b string) (shared int, ok bool) {
	var setA, setB [2]uint64
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c >= 128 {
			return 0, false
		}
		setA[c>>6] |= 1 << (c & 63)
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 128 {
			return 0, false
		}
		setB[c>>6] |= 1 << (c & 63)
	}
	inA, inB := 0, 0
	for i := 0; i < len(a); i++ {
		inA += int(setB[a[i]>>6] >> (a[i] & 63) & 1)
	}
	for i := 0; i < len(b); i++ {
		inB += int(setA[b[i]>>6] >> (b[i] & 63) & 1)
	}
	return min(inA, inB), true
}

// jaroWinklerBelow reports whether jaroWinklerRunes(a, b) is certainly
// below t. Jaro's matches m are shared runes, so with at most s shared runes
// jaro ≤ (s/|a| + s/|b| + 1)/3; Winkler's bonus of at most four tenths of
// the rest gives JaroWinkler ≤ 0.6 + 0.4·jaro.
func jaroWinklerBelow(a, b []rune, t float64) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	s, ok := sharedRunes(a, b)
	if !ok {
		return false
	}
	j := (float64(s)/float64(len(a)) + float64(s)/float64(len(b)) + 1) / 3
	return 0.6+0.4*j < t-boundSlack
}

// editRatioBelow reports whether editRatioRunes(a, b) is certainly below
// t. Every rune of the longer string not among the shared ones takes an
// edit, so the distance is at least max(|a|,|b|) − shared, and shared is
// at most what sharedRunes says.
func editRatioBelow(a, b []rune, t float64) bool {
	longest := max(len(a), len(b))
	if longest == 0 {
		return false
	}
	s, ok := sharedRunes(a, b)
	if !ok {
		return false
	}
	return float64(s)/float64(longest) < t-boundSlack
}

// CloseSpelling reports whether EditRatio(a, b) ≥ ratio or JaroWinkler(a,
// b) ≥ jw — one typo apart, by either measure — decoding the strings once
// and computing neither metric when the runes the two share rule both out.
func CloseSpelling(a, b string, ratio, jw float64) bool {
	if a == b {
		return 1 >= ratio || 1 >= jw // both metrics are 1
	}
	var ab, bb [stackRunes]rune
	ar, br := decodeRunes(a, &ab), decodeRunes(b, &bb)
	if !editRatioBelow(ar, br, ratio) && editRatioRunes(ar, br) >= ratio {
		return true
	}
	return !jaroWinklerBelow(ar, br, jw) && jaroWinklerRunes(ar, br) >= jw
}

// JaroWinklerAtLeast reports whether JaroWinkler(a, b) ≥ t, without
// computing it when the runes the two share rule it out.
func JaroWinklerAtLeast(a, b string, t float64) bool {
	if a == b {
		return 1 >= t
	}
	var ab, bb [stackRunes]rune
	ar, br := decodeRunes(a, &ab), decodeRunes(b, &bb)
	return !jaroWinklerBelow(ar, br, t) && jaroWinklerRunes(ar, br) >= t
}

// TokenSimilarityAtLeast reports whether TokenSimilarity(a, b) ≥ t. It
// first bounds each token's best score from the runes the tokens share
// (an ASCII token's Jaro-Winkler; 1 for any other, or an equal pair), and
// computes the similarity only when the bound reaches t: two company
// names with a word in common and the others unlike are ruled out with
// no Jaro-Winkler computed.
func TokenSimilarityAtLeast(a, b []string, t float64) bool {
	if len(a) == 0 || len(b) == 0 || len(a) > 8 || len(b) > 8 {
		return TokenSimilarity(a, b) >= t
	}
	// ub[i][j] bounds tokenScore(a[i], b[j]).
	var ub [8][8]float64
	for i, x := range a {
		for j, y := range b {
			ub[i][j] = 1
			if x == y {
				continue
			}
			if s, ok := sharedBytes(x, y); ok && len(x) > 0 && len(y) > 0 {
				jaro := (float64(s)/float64(len(x)) + float64(s)/float64(len(y)) + 1) / 3
				ub[i][j] = 0.6 + 0.4*jaro
			}
		}
	}
	var rowBest, colBest [8]float64
	for i := range a {
		for j := range b {
			rowBest[i] = max(rowBest[i], ub[i][j])
			colBest[j] = max(colBest[j], ub[i][j])
		}
	}
	var sumA, sumB float64
	for i := range a {
		sumA += rowBest[i]
	}
	for j := range b {
		sumB += colBest[j]
	}
	if (sumA/float64(len(a))+sumB/float64(len(b)))/2 < t-boundSlack {
		return false
	}
	return TokenSimilarity(a, b) >= t
}
