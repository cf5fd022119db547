package similar

// Levenshtein returns the edit distance in runes: the fewest insertions,
// deletions and substitutions turning a into b. Strings of up to 64 runes
// are compared without allocating.
func Levenshtein(a, b string) int {
	if a == b {
		return 0
	}
	var ab, bb [stackRunes]rune
	return levenshteinRunes(decodeRunes(a, &ab), decodeRunes(b, &bb))
}

// EditRatio is 1 - Levenshtein/max(runecount); both empty → 1.
func EditRatio(a, b string) float64 {
	if a == b {
		return 1
	}
	var ab, bb [stackRunes]rune
	return editRatioRunes(decodeRunes(a, &ab), decodeRunes(b, &bb))
}

func editRatioRunes(a, b []rune) float64 {
	longest := max(len(a), len(b))
	if longest == 0 {
		return 1
	}
	return 1 - float64(levenshteinRunes(a, b))/float64(longest)
}

func levenshteinRunes(a, b []rune) int {
	// A shared prefix or suffix never costs anything; trimming it makes the
	// usual one-typo case nearly free.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return len(b)
	}
	// One row over the shorter string: row[i] is the distance between a[:i]
	// and the prefix of b seen so far.
	var rowBuf [stackRunes + 1]int
	var row []int
	if len(a) <= stackRunes {
		row = rowBuf[:len(a)+1]
	} else {
		row = make([]int, len(a)+1)
	}
	for i := range row {
		row[i] = i
	}
	for j, rb := range b {
		diagonal := row[0]
		row[0] = j + 1
		for i, ra := range a {
			cost := 1
			if ra == rb {
				cost = 0
			}
			next := min(row[i+1]+1, row[i]+1, diagonal+cost)
			diagonal = row[i+1]
			row[i+1] = next
		}
	}
	return row[len(a)]
}
