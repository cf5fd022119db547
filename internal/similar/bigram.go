package similar

import "slices"

// BigramDice is the Dice coefficient of the rune-bigram multisets (a 1-rune
// string is its own gram); both empty → 1. Strings of up to 65 runes are
// compared without allocating.
func BigramDice(a, b string) float64 {
	if a == b {
		return 1
	}
	var ab, bb [stackRunes]uint64
	ga, gb := bigrams(a, ab[:0]), bigrams(b, bb[:0])
	if len(ga) == 0 || len(gb) == 0 {
		return 0 // a == b caught both empty
	}
	slices.Sort(ga)
	slices.Sort(gb)
	shared := 0
	for i, k := 0, 0; i < len(ga) && k < len(gb); {
		switch {
		case ga[i] == gb[k]:
			shared++
			i++
			k++
		case ga[i] < gb[k]:
			i++
		default:
			k++
		}
	}
	return 2 * float64(shared) / float64(len(ga)+len(gb))
}

// loneGram marks the second half of a 1-rune string's gram; no rune is
// this large, so it never equals a real bigram.
const loneGram = 0xFFFFFFFF

// bigrams appends the bigrams of s, each packed as two runes in a uint64.
func bigrams(s string, dst []uint64) []uint64 {
	prev, n := rune(-1), 0
	for _, r := range s {
		if prev >= 0 {
			dst = append(dst, uint64(uint32(prev))<<32|uint64(uint32(r)))
		}
		prev = r
		n++
	}
	if n == 1 {
		dst = append(dst, uint64(uint32(prev))<<32|loneGram)
	}
	return dst
}
