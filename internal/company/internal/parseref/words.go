package parseref

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
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return s[:i], strings.TrimPrefix(s[i:], " ")
}

// cutHanSuffix removes the first suffix in list that ends s, leaving a
// non-empty rest.
func cutHanSuffix(s string, list []string) (rest, suffix string, ok bool) {
	for _, x := range list {
		if len(s) > len(x) && strings.HasSuffix(s, x) {
			return s[:len(s)-len(x)], x, true
		}
	}
	return s, "", false
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
	for _, list := range [][]string{industryHan, institutionHan} {
		for _, x := range list {
			if strings.HasSuffix(s, x) {
				return s[:len(s)-len(x)], x, true
			}
		}
	}
	return s, "", false
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
	if !strings.Contains(s, " ") {
		return s
	}
	words := strings.Split(s, " ")
	single := func(w string) bool { return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' }
	changed := false
	out := words[:0:0]
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && single(words[j]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, strings.Join(words[i:j], ""))
			changed = true
			i = j
			continue
		}
		out = append(out, words[i])
		i++
	}
	if !changed {
		return s
	}
	return strings.Join(out, " ")
}
