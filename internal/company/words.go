package company

import (
	"strings"
	"unicode/utf8"
)

// lastWord splits s into what precedes its trailing word and that word.
// "acme robotics" → ("acme", "robotics"); "华强abc" → ("华强", "abc").
// A Han character is never part of a word.
func lastWord(s string) (rest, word string) {
	i := len(s)
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				break
			}
			i--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		i -= size
	}
	return strings.TrimSuffix(s[:i], " "), s[i:]
}

// firstWord is lastWord from the front.
func firstWord(s string) (word, rest string) {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return s[:i], strings.TrimPrefix(s[i:], " ")
}

// onlyGeneric reports whether s is made of industry and institution words
// alone (电子, 银行, 大学, "trading", "bank"), so that it would not tell two
// companies apart.
func onlyGeneric(s string) bool {
	for s != "" {
		if rest, _, ok := cutGenericHan(s); ok {
			s = rest
			continue
		}
		rest, word := lastWord(s)
		if word == "" || !(genericWords[word] || institutionWords[word]) {
			return false
		}
		s = rest
	}
	return true
}

// cutGenericHan removes one trailing Chinese industry or institution word;
// it may leave nothing.
func cutGenericHan(s string) (rest, word string, ok bool) {
	return genericHanIndex.cut(s, false)
}

// distinctive reports whether s can stand as a Core on its own once a region
// is cut away: 华强电子 can, 银行 or 电子 or a lone 华 cannot.
func distinctive(s string) bool {
	if s == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); isHan(r) && utf8.RuneCountInString(s) < 2 {
		return false
	}
	return !onlyGeneric(s)
}

// joinInitials writes spaced initials as one word, so "n v" and "d s m"
// read as nv and dsm: "Akzo Nobel N. V." is Akzo Nobel NV.
func joinInitials(s string) string {
	first := -1
	for p := strings.IndexByte(s, ' '); p >= 0; {
		if betweenInitials(s, p) {
			first = p
			break
		}
		next := strings.IndexByte(s[p+1:], ' ')
		if next < 0 {
			break
		}
		p += 1 + next
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) - 1)
	b.WriteString(s[:first])
	for i := first + 1; i < len(s); i++ {
		if s[i] == ' ' && betweenInitials(s, i) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// betweenInitials reports whether the space at s[p] separates two
// single-letter words; joinInitials drops exactly those spaces.
func betweenInitials(s string, p int) bool {
	return p >= 1 && isLowerLetter(s[p-1]) && (p == 1 || s[p-2] == ' ') &&
		p+1 < len(s) && isLowerLetter(s[p+1]) && (p+2 == len(s) || s[p+2] == ' ')
}

func isLowerLetter(c byte) bool { return 'a' <= c && c <= 'z' }
