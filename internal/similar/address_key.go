package similar

import (
	"unicode"
	"unicode/utf8"
)

// addressWords maps English street-type, direction and unit words to one
// canonical abbreviation each. Canonical forms map to themselves only
// implicitly: a word missing here is kept as written.
var addressWords = map[string]string{
	"street": "st", "avenue": "ave", "av": "ave", "boulevard": "blvd", "blv": "blvd",
	"road": "rd", "drive": "dr", "drv": "dr", "place": "pl", "lane": "ln",
	"court": "ct", "crt": "ct", "circuit": "cct", "crct": "cct", "circle": "cir",
	"crescent": "cres", "cresc": "cres", "terrace": "tce", "terr": "tce",
	"highway": "hwy", "parkway": "pkwy", "pky": "pkwy", "square": "sq",
	"alley": "aly", "expressway": "expy", "freeway": "fwy", "plaza": "plz",
	"north": "n", "south": "s", "east": "e", "west": "w",
	"northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
	"suite": "ste", "floor": "fl", "flr": "fl", "level": "fl",
	"apartment": "unit", "apt": "unit", "flat": "unit", "room": "rm",
	"building": "bldg", "number": "no", "nr": "no",
}

// unitWords introduce a unit, suite, floor, room or building identifier.
func isUnitWord(w string) bool {
	return w == "unit" || w == "ste" || w == "fl" || w == "rm" || w == "bldg"
}

// AddressKey returns a comparison form of a street address: lowercase,
// punctuation dropped, Latin tokens separated by one space and Han text
// joined without spaces; English street-type, direction and unit words
// reduced to one canonical abbreviation each (street → st, avenue/av → ave,
// west → w, suite/# → ste, apartment/apt → unit, …); ordinals kept (63rd);
// digit ranges kept (1106-1108, with – or ~ read as -); "No." before a
// number dropped. A leading Chinese province (…省, …自治区, 北京/上海/天津/
// 重庆 + 市) and prefecture-level city (…市, …自治州, …地区) are stripped, so
// 广东省深圳市宝安区友谊路116号 and 宝安区友谊路116号 give the same key;
// districts (区/县) are kept. A key is its own key.
func AddressKey(s string) string {
	var buf [128]byte
	k := appendAddressKey(buf[:0], s)
	if string(k) == s {
		return s
	}
	return string(k)
}

type addrTokenKind uint8

const (
	tokNone addrTokenKind = iota
	tokWord
	tokHan
)

// keyState is what the key writer remembers between tokens. The key itself
// is passed in and out, not kept here, so its buffer can stay on the
// caller's stack.
type keyState struct {
	last     addrTokenKind
	lastUnit bool // the last word introduces a unit: a following # is redundant
	heldNo   bool // "no" waits to see whether a number follows
}

func appendAddressKey(dst []byte, s string) []byte {
	base := len(dst)
	var st keyState
	var wordBuf [64]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		r = foldWidth(r)
		switch {
		case isHan(r):
			end := i + size
			for end < len(s) {
				next, n := utf8.DecodeRuneInString(s[end:])
				if !isHan(next) {
					break
				}
				end += n
			}
			dst = st.han(dst, s[i:end])
			i = end
		case isWordRune(r):
			var word []byte
			word, i = scanAddressWord(s, i, wordBuf[:0])
			dst = st.word(dst, word)
		case r == '#':
			dst = st.hash(dst)
			i += size
		default:
			i += size
		}
	}
	dst = st.flushNo(dst)
	// Repeat until nothing is left to strip, so that a key is its own key
	// (深圳市深圳市… written twice).
	for n := chinesePrefixLen(dst[base:]); n > 0; n = chinesePrefixLen(dst[base:]) {
		dst = append(dst[:base], dst[base+n:]...)
	}
	return dst
}

// scanAddressWord reads a run of letters and digits starting at i, lowercased
// and width-folded, keeping -, / between digits (1106-1108, 5/12) and
// dropping apostrophes inside words.
func scanAddressWord(s string, i int, word []byte) ([]byte, int) {
	prevDigit := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		r = foldWidth(r)
		if isWordRune(r) && !isHan(r) {
			word = utf8.AppendRune(word, unicode.ToLower(r))
			prevDigit = '0' <= r && r <= '9'
			i += size
			continue
		}
		next, nextSize := utf8.DecodeRuneInString(s[i+size:])
		next = foldWidth(next)
		switch {
		case nextSize > 0 && isApostrophe(r) && isWordRune(next) && !isHan(next):
			i += size
			continue
		case prevDigit && isRangeDash(r) && '0' <= next && next <= '9':
			word = append(word, '-')
			i += size
			continue
		case prevDigit && r == '/' && '0' <= next && next <= '9':
			word = append(word, '/')
			i += size
			continue
		}
		break
	}
	return word, i
}

func isRangeDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '~' || r == '‐' || r == '−'
}

func (st *keyState) han(dst []byte, text string) []byte {
	dst = st.flushNo(dst)
	st.last, st.lastUnit = tokHan, false
	return append(dst, text...)
}

func (st *keyState) word(dst, word []byte) []byte {
	// string(word) in a map index or comparison does not allocate.
	canonical, mapped := addressWords[string(word)]
	isNo := canonical == "no" || !mapped && string(word) == "no"
	if st.heldNo {
		st.heldNo = false
		if word[0] < '0' || word[0] > '9' {
			dst = st.emit(dst, "no", nil)
		}
	}
	if isNo {
		st.heldNo = true
		return dst
	}
	if mapped {
		st.lastUnit = isUnitWord(canonical)
		return st.emit(dst, canonical, nil)
	}
	st.lastUnit = isUnitWord(string(word))
	return st.emit(dst, "", word)
}

// hash reads # as "suite", unless a unit word already says what it is
// (apt #4).
func (st *keyState) hash(dst []byte) []byte {
	dst = st.flushNo(dst)
	if st.lastUnit {
		return dst
	}
	dst = st.emit(dst, "ste", nil)
	st.lastUnit = true
	return dst
}

func (st *keyState) flushNo(dst []byte) []byte {
	if !st.heldNo {
		return dst
	}
	st.heldNo, st.lastUnit = false, false
	return st.emit(dst, "no", nil)
}

// emit appends a word, given as a string or as bytes.
func (st *keyState) emit(dst []byte, s string, b []byte) []byte {
	if st.last == tokWord {
		dst = append(dst, ' ')
	}
	st.last = tokWord
	dst = append(dst, s...)
	return append(dst, b...)
}
