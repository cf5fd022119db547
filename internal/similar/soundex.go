package similar

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// soundexCodes maps 'a'..'z' to American Soundex digits; '0' is a vowel
// (a e i o u y), which separates equal codes, and '-' is h or w, which
// does not.
const soundexCodes = "0123012-02245501262301-202"

// Soundex is the American Soundex code of the first Latin word of s
// ("robert" → "R163"); "" if s has no Latin letter. Accented letters count
// as their base letter (Müller → M460); other letters in the word are
// skipped.
func Soundex(s string) string {
	code, ok := SoundexCode(s)
	if !ok {
		return ""
	}
	return string(code[:])
}

// SoundexCode is Soundex without a string to allocate: the code, and
// false when s has no Latin letter.
func SoundexCode(s string) (code [4]byte, ok bool) {
	n := 0
	var last byte // code of the previous letter, for collapsing repeats
	inWord := false
	for _, r := range s {
		c, latin := latinBase(r)
		if !latin {
			if inWord && !unicode.IsLetter(r) && !isApostrophe(r) {
				break // the first Latin word ended
			}
			continue
		}
		inWord = true
		d := soundexCodes[c-'a']
		if n == 0 {
			code[0] = c - 'a' + 'A'
			n, last = 1, d
			continue
		}
		switch {
		case d == '-': // h, w: keep last, so the letters around merge
		case d == '0':
			last = d
		case d != last:
			code[n] = d
			n++
			last = d
		}
		if n == len(code) {
			break
		}
	}
	if n == 0 {
		return code, false
	}
	for ; n < len(code); n++ {
		code[n] = '0'
	}
	return code, true
}

// latinBase returns the lowercase ASCII base letter of a Latin letter
// (é → e), and false for anything else.
func latinBase(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return byte(r) + 'a' - 'A', true
		}
		return byte(r), 'a' <= r && r <= 'z'
	}
	if r = foldWidth(r); r < utf8.RuneSelf {
		return latinBase(r)
	}
	if !unicode.Is(unicode.Latin, r) {
		return 0, false
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if base, _ := utf8.DecodeRune(d); base < utf8.RuneSelf {
		return latinBase(base)
	}
	return 0, false
}
