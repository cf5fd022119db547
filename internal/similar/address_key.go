package similar

import (
	"unicode"
	"unicode/utf8"
)

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

	// A positional word (St, Dr, Pl) or a number word opening the address
	// waits for the next word to say how it reads (street_abbrev.go).
	held      heldWord
	holding   bool
	afterName bool // the last word written is part of a street's name
	sawNumber bool // a house number was written
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
			dst = st.word(dst, spanishCalle(word, s, i))
		case r == '#':
			dst = st.hash(dst)
			i += size
		default:
			i += size
		}
	}
	dst = st.resolveHeld(dst, nil)
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
	dst = st.resolveHeld(dst, nil)
	dst = st.flushNo(dst)
	st.afterName = false
	st.last, st.lastUnit = tokHan, false
	return append(dst, text...)
}

func (st *keyState) word(dst, word []byte) []byte {
	dst = st.resolveHeld(dst, word)
	if st.hold(word) {
		return st.flushNo(dst)
	}
	// string(word) in a map index or comparison does not allocate.
	canonical, mapped := addressWords[string(word)]
	if !mapped {
		word = foldCompound(word)
	}
	st.afterName = isNameWord(word)
	st.noteNumber(word)
	isNo := canonical == "no" || !mapped && string(word) == "no"
	if isNo && st.heldNo {
		return dst // "no no 5" reads as "no 5"
	}
	if st.heldNo {
		st.heldNo = false
		if first := word[0]; mapped && (canonical[0] < '0' || canonical[0] > '9') || !mapped && (first < '0' || first > '9') {
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
	if st.holding && st.held.pos.suffix == "ste" {
		return dst // suite #200: the word waits for what follows the #
	}
	dst = st.resolveHeld(dst, nil)
	dst = st.flushNo(dst)
	if st.lastUnit {
		return dst
	}
	// As the word "ste", which reads by position like Suite.
	return st.word(dst, steWord)
}

var steWord = []byte("ste")

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
