package normalize

import (
	"strings"
	"unicode/utf8"
)

// widthFold says which full-width characters become ASCII.
type widthFold uint8

const (
	// foldAlnum folds only letters and digits: prose keeps its ，：“”（）.
	foldAlnum widthFold = iota
	// foldASCII folds the whole U+FF01–U+FF5E block: in ids, phones, emails,
	// dates and amounts a full-width ＠ or － means the ASCII one.
	foldASCII
)

// fullWidthOffset is the distance between a full-width form (U+FF01–U+FF5E)
// and the ASCII character it stands for (U+0021–U+007E).
const fullWidthOffset = 0xFF01 - 0x21

// Text trims, collapses every run of whitespace (space, tab, CR, LF, U+3000
// ideographic space, U+00A0 NBSP and the other Unicode spaces) into one ASCII
// space, strips zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and
// folds full-width ASCII letters and digits (ＡＢＣ１２３ → ABC123) to
// half-width. Full-width and Chinese punctuation (，：“”（）) is kept: Text is
// for prose fields such as company names. Bytes that are not UTF-8 become
// U+FFFD, so the result is always valid UTF-8. Clean input is returned as is,
// without allocating.
func Text(s string) string { return cleanText(s, foldAlnum) }

// Structured is Text plus folding of every full-width form U+FF01–U+FF5E
// (＠ → @, （ → (, ： → :) to ASCII. Other punctuation such as 。 or 、 is
// kept. It is meant for ids, phones, emails, dates and amounts.
func Structured(s string) string { return cleanText(s, foldASCII) }

func cleanText(s string, fold widthFold) string {
	if isCleanText(s, fold) {
		return s
	}
	return rebuildText(s, fold)
}

// isCleanText reports whether cleanText would return s unchanged. It is the
// common case for real data and must not allocate.
func isCleanText(s string, fold widthFold) bool {
	last := len(s) - 1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if i == 0 || i == last || s[i+1] == ' ' {
					return false
				}
			} else if c <= '\r' && c >= '\t' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if needsCleaning(r, fold) {
			return false
		}
		i += size
	}
	return true
}

func rebuildText(s string, fold widthFold) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case isZeroWidth(r):
			continue
		case isSpace(r):
			// Leading spaces are dropped; trailing ones are never flushed.
			pendingSpace = b.Len() > 0
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(foldWidth(r, fold))
	}
	return b.String()
}

// needsCleaning reports whether cleanText changes the non-ASCII rune r. It
// runs on every character of every cell, so the CJK ranges, which hold none
// of the special characters, are ruled out with one comparison.
func needsCleaning(r rune, fold widthFold) bool {
	if r > 0x3000 && r < 0xFEFF {
		return false
	}
	return isZeroWidth(r) || isSpace(r) || foldWidth(r, fold) != r
}

// isSpace is unicode.IsSpace (the White_Space property), written out so the
// common non-space runes are settled by a couple of comparisons.
func isSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || ('\t' <= r && r <= '\r')
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x1680
	case r <= 0x200A:
		return true
	}
	return r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000
}

// isZeroWidth reports the invisible characters that copy-paste from web pages
// and WeChat leaves inside values. U+2060 (word joiner) is the modern spelling
// of U+FEFF as a no-break marker, so it goes too.
func isZeroWidth(r rune) bool {
	return (r >= 0x200B && r <= 0x200D) || r == 0x2060 || r == 0xFEFF
}

// foldWidth maps a full-width form to ASCII as the fold mode allows.
func foldWidth(r rune, fold widthFold) rune {
	if r < 0xFF01 || r > 0xFF5E {
		return r
	}
	a := r - fullWidthOffset
	if fold == foldASCII || isASCIIAlnum(a) {
		return a
	}
	return r
}

func isASCIIAlnum(r rune) bool {
	return ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z') || ('a' <= r && r <= 'z')
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// PersonName is Text for a person's name: a space between two Chinese
// characters is dropped, since Chinese sheets pad two-character names to
// the width of three (张　三, 张 三 → 张三); Latin names keep their spaces.
func PersonName(s string) string {
	s = Text(s)
	if !strings.Contains(s, " ") {
		return s
	}
	r := []rune(s)
	out := r[:0:0]
	for i, c := range r {
		if c == ' ' && i > 0 && i+1 < len(r) && isHanRune(r[i-1]) && isHanRune(r[i+1]) {
			continue
		}
		out = append(out, c)
	}
	if len(out) == len(r) {
		return s
	}
	return string(out)
}

func isHanRune(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) || (r >= 0x20000 && r <= 0x2A6DF)
}
