package similar

import (
	"unicode"
	"unicode/utf8"
)

// stackRunes is how many runes the metrics decode into stack arrays; names,
// company names and addresses are almost always shorter.
const stackRunes = 64

// decodeRunes decodes s into buf when it fits, and onto the heap otherwise.
func decodeRunes(s string, buf *[stackRunes]rune) []rune {
	n := 0
	for _, r := range s {
		if n == len(buf) {
			return []rune(s)
		}
		buf[n] = r
		n++
	}
	return buf[:n]
}

// isHan reports whether r is a Chinese character. The range check keeps the
// table lookup off the path of Latin text.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs: nearly all text
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// compareRunes orders rune slices lexicographically, shorter first on a tie.
func compareRunes(a, b []rune) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// foldWidth maps a full-width ASCII form (U+FF01–U+FF5E) to ASCII; import
// already does this for letters and digits, but it costs one comparison.
func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFF01 + '!'
	}
	return r
}

func lastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }

// appendRunes appends the UTF-8 encoding of rs to buf.
func appendRunes(buf []byte, rs []rune) []byte {
	for _, r := range rs {
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}
