package similar

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens splits s into lowercase word tokens: runs of letters/digits; every
// Han character run stays one token (Chinese has no spaces: 华强 电子 →
// ["华强","电子"], 华强电子 → ["华强电子"]); apostrophes inside a word are
// dropped (art's → arts). A Han run next to Latin letters or digits is a
// token of its own (华强ABC → ["华强","abc"]). Tokens that need no change
// are substrings of s.
func Tokens(s string) []string {
	var out []string
	for tok := range TokenSeq(s) {
		if out == nil {
			out = make([]string, 0, 4) // names and addresses: one allocation
		}
		out = append(out, tok)
	}
	return out
}

// TokenSeq yields the tokens Tokens returns, one by one, without a slice
// to hold them.
func TokenSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for start := 0; start < len(s); {
			tok, end, ok := nextToken(s, start)
			if !ok || !yield(tok) {
				return
			}
			start = end
		}
	}
}

// nextToken finds the first token at or after byte offset from and returns
// it with the offset just past it.
func nextToken(s string, from int) (tok string, end int, ok bool) {
	i := from
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return "", i, false
	}
	start := i
	first, _ := utf8.DecodeRuneInString(s[i:])
	han := isHan(first)
	clean := true // no apostrophe to drop, nothing to lowercase
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) && isHan(r) == han:
			if !han && unicode.ToLower(r) != r {
				clean = false
			}
			i += size
			continue
		case !han && isApostrophe(r) && i+size < len(s):
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); isWordRune(next) && !isHan(next) {
				clean = false
				i += size
				continue
			}
		}
		break
	}
	if clean {
		return s[start:i], i, true
	}
	return lowerWithoutApostrophes(s[start:i]), i, true
}

func lowerWithoutApostrophes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !isApostrophe(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`'
}

// TokenSimilarity compares two token lists symmetrically, tolerant of
// order, a missing word and typos: the mean of the two directed Monge-Elkan
// scores (each token's best match on the other side, averaged), using
// JaroWinkler per token, or EditRatio when either token is Han, since one
// character in a 4-character Chinese name is a big edit. Empty vs empty → 1,
// empty vs non-empty → 0. Only the first 64 tokens of each side count.
func TokenSimilarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		if len(a) == len(b) {
			return 1
		}
		return 0
	}
	// Monge-Elkan is quadratic; a hostile 32,767-character cell must not
	// stall a pair. Real names and addresses have far fewer tokens.
	a, b = a[:min(len(a), maxCompareTokens)], b[:min(len(b), maxCompareTokens)]
	if len(a) <= 8 && len(b) <= 8 {
		return mongeElkanBoth(a, b)
	}
	return (mongeElkan(a, b) + mongeElkan(b, a)) / 2
}

// mongeElkanBoth is (mongeElkan(a, b) + mongeElkan(b, a)) / 2 for up to
// eight tokens a side, scoring each pair of tokens once: tokenScore is
// symmetric, so both directions' bests come from one table, and the sums
// are taken in the same order, to the same bits.
func mongeElkanBoth(a, b []string) float64 {
	var rowBest, colBest [8]float64
	for i, x := range a {
		for j, y := range b {
			s := tokenScore(x, y)
			rowBest[i] = max(rowBest[i], s)
			colBest[j] = max(colBest[j], s)
		}
	}
	var sumA, sumB float64
	for i := range a {
		sumA += rowBest[i]
	}
	for j := range b {
		sumB += colBest[j]
	}
	return (sumA/float64(len(a)) + sumB/float64(len(b))) / 2
}

// maxCompareTokens is how many leading tokens of each side TokenSimilarity
// compares.
const maxCompareTokens = 64

func mongeElkan(a, b []string) float64 {
	var sum float64
	for _, x := range a {
		best := 0.0
		for _, y := range b {
			if s := tokenScore(x, y); s > best {
				best = s
				if best == 1 {
					break
				}
			}
		}
		sum += best
	}
	return sum / float64(len(a))
}

// tokenScore is symmetric: JaroWinkler and EditRatio are, and the choice
// between them looks at both tokens.
func tokenScore(x, y string) float64 {
	if x == y {
		return 1
	}
	var xb, yb [stackRunes]rune
	xr, yr := decodeRunes(x, &xb), decodeRunes(y, &yb)
	if hasHan(xr) || hasHan(yr) {
		return editRatioRunes(xr, yr)
	}
	return jaroWinklerRunes(xr, yr)
}

func hasHan(rs []rune) bool {
	for _, r := range rs {
		if isHan(r) {
			return true
		}
	}
	return false
}
