package similar

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldLatin folds accents and the common European transliterations out of
// Latin text for comparison, keeping case and everything else as written:
// Société Générale → Societe Generale, Jørgensen → Jorgensen, Straße →
// Strasse. The German spelling without umlauts counts as the same word:
// a vowel pair ae/oe/ue between consonants is read as the plain vowel, so
// Müller, Mueller and Muller all fold to Muller (and Schröder, Schroeder to
// Schroder). It returns s itself when nothing changes.
func FoldLatin(s string) string { return FoldDigraphs(FoldAccents(s)) }

// FoldAccents is FoldLatin without the German digraphs: Müller → Muller,
// Mueller unchanged. Person names are folded so, and the digraphs tried
// only as an alternative (Samuel and Samual must stay one typo apart).
func FoldAccents(s string) string {
	if isASCII(s) || isASCIIOrHan(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if t, ok := latinSpecial[r]; ok {
			b.WriteString(t)
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], r)
			d := norm.NFD.Properties(buf[:n]).Decomposition()
			if base, _ := utf8.DecodeRune(d); d != nil && base < utf8.RuneSelf {
				b.WriteRune(base)
				continue
			}
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark written on its own (NFD input)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// latinSpecial are the Latin letters NFD leaves whole.
var latinSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'ø': "o", 'Ø': "O",
	'œ': "oe", 'Œ': "OE", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D",
	'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "Th", 'ı': "i", 'ŀ': "l",
}

// isASCIIOrHan reports text of ASCII and CJK ideographs only (most
// Chinese values), which FoldAccents leaves as it is: an ideograph is
// neither a Latin letter nor a combining mark.
func isASCIIOrHan(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x3400 || r > 0x9FFF {
			return false
		}
		i += n
	}
	return true
}

// isPlainLatin reports ASCII text with no ae/oe/ue digraph to fold.
func isPlainLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if i > 0 && (c|0x20) == 'e' && digraphAt(s, i-1) {
			return false
		}
	}
	return true
}

// digraphAt reports an ae, oe or ue at s[i:i+2] between two consonants.
func digraphAt(s string, i int) bool {
	if i < 1 || i+2 >= len(s) {
		return false
	}
	switch s[i] | 0x20 {
	case 'a', 'o', 'u':
	default:
		return false
	}
	return s[i+1]|0x20 == 'e' && isConsonant(s[i-1]) && isConsonant(s[i+2])
}

func isConsonant(c byte) bool {
	c |= 0x20
	if c < 'a' || c > 'z' {
		return false
	}
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return false
	}
	return true
}

// FoldDigraphs reads ae, oe and ue between two consonants as the plain
// vowel: Mueller → Muller, Schroeder → Schroder.
func FoldDigraphs(s string) string {
	if isPlainLatin(s) {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if digraphAt(s, i) {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			b = append(b, s[i])
			i++ // drop the e
			continue
		}
		if b != nil {
			b = append(b, s[i])
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
