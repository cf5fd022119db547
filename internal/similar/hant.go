package similar

import (
	"sort"
	"strings"
	"unicode/utf8"
)

//go:generate go run gen_hant.go $GOMODCACHE/github.com/longbridgeapp/opencc@v0.3.13/dictionary/TSCharacters.txt

// hant maps traditional characters to simplified ones, sorted by the
// traditional character for a binary search.
var hant = func() (t struct {
	from, to []rune
	bmp      [0x10000 / 64]uint64 // the traditional characters of the BMP, one bit each
}) {
	t.from, t.to = []rune(hantFrom), []rune(hantTo)
	if len(t.from) != len(t.to) || !sort.SliceIsSorted(t.from, func(i, j int) bool { return t.from[i] < t.from[j] }) {
		panic("similar: hant table is broken")
	}
	for _, r := range t.from {
		if r < 0x10000 {
			t.bmp[r/64] |= 1 << (r % 64)
		}
	}
	return t
}()

// SimplifiedRune returns the simplified form of a traditional Chinese
// character, and r itself for any other.
func SimplifiedRune(r rune) rune {
	if r < 0x3400 || r < 0x10000 && hant.bmp[r/64]&(1<<(r%64)) == 0 {
		return r
	}
	i := sort.Search(len(hant.from), func(i int) bool { return hant.from[i] >= r })
	if i < len(hant.from) && hant.from[i] == r {
		return hant.to[i]
	}
	return r
}

// FoldHant writes traditional Chinese characters as simplified ones, so
// 深圳市華強電子有限公司 compares equal to 深圳市华强电子有限公司 and 張偉 to
// 张伟. Text without traditional characters comes back as it is, without
// allocating. Only for comparison: values are kept as written.
func FoldHant(s string) string {
	for i, r := range s {
		if r < 0x3400 {
			continue
		}
		if t := SimplifiedRune(r); t != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(SimplifiedRune(r))
			}
			return b.String()
		}
	}
	return s
}

// hasHant reports whether s holds a character FoldHant changes.
func hasHant(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r >= 0x3400 && SimplifiedRune(r) != r {
			return true
		}
		s = s[n:]
	}
	return false
}
