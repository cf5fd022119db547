package company

import (
	"strings"
	"unicode/utf8"
)

// suffixIndex finds which word of an ordered list ends a string without
// trying every word: the words are filed by their last rune, each file in
// list order, so the first match is the one a scan of the whole list
// would find.
type suffixIndex map[rune][]string

func newSuffixIndex(lists ...[]string) suffixIndex {
	idx := suffixIndex{}
	for _, list := range lists {
		for _, w := range list {
			r, _ := utf8.DecodeLastRuneInString(w)
			idx[r] = append(idx[r], w)
		}
	}
	return idx
}

// cut removes the first word of the list that ends s; with keep set, only a
// word shorter than s counts, so the rest is never empty.
func (idx suffixIndex) cut(s string, keep bool) (rest, word string, ok bool) {
	if s == "" || s[len(s)-1] < utf8.RuneSelf {
		return s, "", false // every word ends in a Han character
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	for _, x := range idx[r] {
		if (len(s) > len(x) || !keep && len(s) == len(x)) && strings.HasSuffix(s, x) {
			return s[:len(s)-len(x)], x, true
		}
	}
	return s, "", false
}

var (
	hanLegalIndex   = newSuffixIndex(hanLegalForms)
	branchIndex     = newSuffixIndex(branchMarkers)
	genericHanIndex = newSuffixIndex(industryHan, institutionHan)
)
