package company

import (
	"strings"
	"unicode/utf8"
)

// suffixIndex finds which word of an ordered list ends a string without
// trying every word: the words, all ending in a three-byte (Han) rune, are
// filed by their last three bytes, each file in list order, so the first
// match is the one a scan of the whole list would find. A bit set on the
// low six bits of the last two bytes turns most misses away before the map
// lookup.
type suffixIndex struct {
	filter [64]uint64
	words  map[uint32][]string
}

// filterBit is the bit of the filter for s, which has at least two bytes.
func filterBit(s string) (word int, bit uint64) {
	k := int(s[len(s)-2]&0x3f)<<6 | int(s[len(s)-1]&0x3f)
	return k >> 6, 1 << (k & 63)
}

// last3 packs the last three bytes of s, which has at least three.
func last3(s string) uint32 {
	n := len(s)
	return uint32(s[n-3])<<16 | uint32(s[n-2])<<8 | uint32(s[n-1])
}

func newSuffixIndex(lists ...[]string) *suffixIndex {
	idx := &suffixIndex{words: map[uint32][]string{}}
	for _, list := range lists {
		for _, w := range list {
			if _, size := utf8.DecodeLastRuneInString(w); size != 3 {
				panic("company: suffix word does not end in a three-byte rune: " + w)
			}
			idx.words[last3(w)] = append(idx.words[last3(w)], w)
			i, bit := filterBit(w)
			idx.filter[i] |= bit
		}
	}
	return idx
}

// cut removes the first word of the list that ends s; with keep set, only a
// word shorter than s counts, so the rest is never empty.
func (idx *suffixIndex) cut(s string, keep bool) (rest, word string, ok bool) {
	if len(s) < 3 || s[len(s)-1] < utf8.RuneSelf {
		return s, "", false // every word ends in a Han character
	}
	if i, bit := filterBit(s); idx.filter[i]&bit == 0 {
		return s, "", false
	}
	for _, x := range idx.words[last3(s)] {
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
