package company

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/normalize"
)

// fold canonicalizes width, case, spacing and punctuation, and resolves
// parenthesized groups: a region, legal form or country qualifier in
// parentheses is noted and dropped, any other group is kept as plain text.
//
// The result holds lower-case words (Latin and other spaced scripts), Han
// characters, and single spaces only between two word characters, so
// "华强 电子" and "华强电子" fold alike while "acme robotics" keeps its space.
// Dots and apostrophes vanish (s.a. → sa, mcdonald's → mcdonalds); "&" is
// "and"; other punctuation separates words.
func fold(s string, f *findings) string {
	s = normalize.Structured(s)
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	w := foldWriter{b: &b}
	for i := 0; i < len(s); {
		if s[i] == '(' || s[i] == '[' {
			if end := strings.IndexByte(s[i+1:], closing(s[i])); end >= 0 {
				w.group(s[i+1:i+1+end], f)
				i += end + 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w.rune(r)
		i += size
	}
	return b.String()
}

func closing(open byte) byte {
	if open == '[' {
		return ']'
	}
	return ')'
}

// foldPlain folds text that has no group structure of its own (the inside of
// a parenthesis): brackets there only separate words.
func foldPlain(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	w := foldWriter{b: &b}
	for _, r := range s {
		w.rune(r)
	}
	return b.String()
}

// isFolded reports whether fold would return s unchanged; it is the common
// case for Chinese names and must not allocate.
func isFolded(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isLowerAlnum(c):
			case c == ' ':
				if i == 0 || i == len(s)-1 || !isLowerAlnum(s[i-1]) || !isLowerAlnum(s[i+1]) {
					return false
				}
			default:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x4E00 || r > 0x9FFF { // CJK Unified Ideographs: all Han
			return false
		}
		i += size
	}
	return true
}

func isASCIIWord(c byte) bool { return isLowerAlnum(c) || ('A' <= c && c <= 'Z') }

func isLowerAlnum(c byte) bool { return ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') }

// foldWriter writes folded runes, turning separators into at most one space
// and only where two words meet.
type foldWriter struct {
	b        *strings.Builder
	lastWord bool // the last rune written belongs to a word
	pending  bool // a separator was seen since the last rune written
}

func (w *foldWriter) rune(r rune) {
	switch {
	case r == '.' || r == '\'' || r == '’':
		return
	case r == '&':
		w.pending = true
		w.word("and")
		w.pending = true
		return
	case isHan(r):
		w.b.WriteRune(r)
		w.lastWord, w.pending = false, false
		return
	case r < utf8.RuneSelf:
		c := byte(r)
		switch {
		case isLowerAlnum(c):
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			w.pending = true
			return
		}
		w.startWord()
		w.b.WriteByte(c)
		return
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		r = unicode.ToLower(r)
	default:
		w.pending = true
		return
	}
	w.startWord()
	w.b.WriteRune(r)
}

// startWord writes the space a pending separator leaves between two words,
// before a word's rune.
func (w *foldWriter) startWord() {
	if w.pending && w.lastWord {
		w.b.WriteByte(' ')
	}
	w.lastWord, w.pending = true, false
}

func (w *foldWriter) word(s string) {
	for _, r := range s {
		w.rune(r)
	}
}

// group handles the inside of one parenthesis.
func (w *foldWriter) group(inner string, f *findings) {
	text := foldPlain(inner)
	w.pending = true
	if region, ok := regionName(text); ok {
		if f.parenRegion == "" {
			f.parenRegion = region
		}
		return
	}
	if form, rank, ok := legalGroup(text); ok {
		f.noteLegal(form, rank)
		return
	}
	if countryQualifiers[text] || englishCountries[text] {
		return
	}
	if city, ok := englishCities[text]; ok {
		if f.parenRegion == "" {
			f.parenRegion = city
		}
		return
	}
	w.word(text)
	w.pending = true
}

// countryQualifiers are dropped from parentheses without being a Region:
// 华为技术(中国)有限公司 is the same customer as 华为技术有限公司.
var countryQualifiers = map[string]bool{
	"中国": true, "中国大陆": true, "china": true, "prc": true,
}

func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isWordRune reports the runes that fold keeps and separates with spaces.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
