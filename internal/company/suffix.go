package company

import (
	"strings"
	"unicode/utf8"
)

// suffixIndex finds which word of an ordered list ends a string without
// trying every word: the words, all ending in a three-byte (Han) rune, are
// filed by their last three bytes, each file in list order, so the first
// match is the one a scan of the whole list would find.
type suffixIndex map[uint32][]string

// last3 packs the last three bytes of s, which has at least three.
func last3(s string) uint32 {
	n := len(s)
	return uint32(s[n-3])<<16 | uint32(s[n-2])<<8 | uint32(s[n-1])
}

func newSuffixIndex(lists ...[]string) suffixIndex {
	idx := suffixIndex{}
	for _, list := range lists {
		for _, w := range list {
			if _, size := utf8.DecodeLastRuneInString(w); size != 3 {
				panic("company: suffix word does not end in a three-byte rune: " + w)
			}
			idx[last3(w)] = append(idx[last3(w)], w)
		}
	}
	return idx
}

// cut removes the first word of the list that ends s; with keep set, only a
// word shorter than s counts, so the rest is never empty.
func (idx suffixIndex) cut(s string, keep bool) (rest, word string, ok bool) {
	if len(s) < 3 || s[len(s)-1] < utf8.RuneSelf {
		return s, "", false // every word ends in a Han character
	}
	for _, x := range idx[last3(s)] {
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
