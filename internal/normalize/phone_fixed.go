package normalize

import "sync/atomic"

// A CN fixed-line number is an area code (10, 2x, or three digits 3xx–9xx)
// and a 7 or 8 digit local number, written with the trunk prefix 0
// (010-12345678, (0755)8888 8888) or after +86, 0086 or 86, with or without
// that 0. Its E.164 form is +86, the area code and the local number.
//
// Whether the library finds it valid, and of which type, depends on the
// area code, the local length and at most the first three local digits: in
// the CN metadata of phonenumbers v1.8.1 only 010 and 021 split their 8-digit
// numbers by the first three digits (10[18]00… is not a fixed line), 0807 by
// the first one (8078…), and every other area code is valid or not as a
// whole. The key keeps three local digits after two-digit area codes and one
// after three-digit ones. TestFixedLineKeyDecidesNumberType proves from the
// metadata's own patterns that no range is split below its key, and
// TestFixedLineFastPathMatchesLibrary compares the fast path with the library
// over every area code, so an update of the library's data that splits
// ranges more finely fails the tests instead of changing answers.

const (
	fixedLineMinLocal = 7
	fixedLineMaxLocal = 8

	// Area codes by length: 10 and 20–29, then 300–999.
	shortAreaCodes = 11
	longAreaCodes  = 700

	// Local digits in the key after a two- or three-digit area code.
	shortAreaKeyDigits = 3
	longAreaKeyDigits  = 1

	fixedLineLengths = fixedLineMaxLocal - fixedLineMinLocal + 1
	shortAreaRanges  = shortAreaCodes * 1000 // 10^shortAreaKeyDigits
	longAreaRanges   = longAreaCodes * 10    // 10^longAreaKeyDigits
	fixedLineRanges  = (shortAreaRanges + longAreaRanges) * fixedLineLengths
)

// fixedLineVerdicts holds one verdict per range, 9 KB in all.
var fixedLineVerdicts [(fixedLineRanges + rangesPerWord - 1) / rangesPerWord]atomic.Uint32

// fastFixedLine returns the E.164 form of w when it is a CN fixed-line
// number in a range the library finds valid. ok=false means "ask the
// library", not "invalid".
func fastFixedLine(w *writtenNumber, region string) (string, bool) {
	national, ok := cnFixedNational(w.digits[:w.n], w.plus, region)
	if !ok {
		return "", false
	}
	i, ok := fixedLineRange(national)
	if !ok {
		return "", false
	}
	return rangeE164(fixedLineVerdicts[:], i, w.text, "86", national)
}

// cnFixedNational strips what the library strips before a CN national
// number: the country code (+86 anywhere; 0086 and bare 86 only when the
// default region is CN, which reads them), then one trunk prefix 0. A bare
// 86 is the library's reading too whenever the rest is valid: no valid CN
// number of this length starts with 86, so it prefers the rest.
func cnFixedNational(d []byte, plus bool, region string) ([]byte, bool) {
	switch {
	case plus:
		if len(d) < 2 || d[0] != '8' || d[1] != '6' {
			return nil, false
		}
		d = d[2:]
	case region != "CN":
		return nil, false
	case len(d) >= 4 && string(d[:4]) == "0086":
		d = d[4:]
	case len(d) >= 2 && d[0] == '8' && d[1] == '6':
		d = d[2:]
	}
	if len(d) > 0 && d[0] == '0' {
		d = d[1:]
	}
	return d, true
}

// cnAreaCodeLen is the length of the area code national starts with: 2 for
// 10 and 2x, 3 for 3xx–9xx, 0 for anything else. Numbers starting 11–19 are
// left out on purpose: they are mobiles or service numbers, and the library
// would read 1[12]xx and 179xx as carrier prefixes.
func cnAreaCodeLen(national []byte) int {
	switch {
	case len(national) < 3:
		return 0
	case national[0] == '1':
		if national[1] == '0' {
			return 2
		}
		return 0
	case national[0] == '2':
		return 2
	case '3' <= national[0] && national[0] <= '9':
		return 3
	}
	return 0
}

// fixedLineKeyLen is how many leading digits of national decide its
// verdict: the area code and the first local digits; 0 if national is not
// an area code and a 7 or 8 digit local number.
func fixedLineKeyLen(national []byte) int {
	area := cnAreaCodeLen(national)
	if local := len(national) - area; area == 0 || local < fixedLineMinLocal || local > fixedLineMaxLocal {
		return 0
	}
	if area == 2 {
		return area + shortAreaKeyDigits
	}
	return area + longAreaKeyDigits
}

// fixedLineRange numbers the range national belongs to: the short area
// codes' ranges first, then the long ones', each split by local length.
func fixedLineRange(national []byte) (int, bool) {
	keyLen := fixedLineKeyLen(national)
	if keyLen == 0 {
		return 0, false
	}
	key := 0
	for _, c := range national[1:keyLen] {
		key = key*10 + int(c-'0')
	}
	switch national[0] {
	case '1': // 10ddd: key is 0ddd
	case '2': // 2dddd: after the 1000 keys of 10
		key += 1000
	default: // ddd d, d from 3: after every short area code
		key = shortAreaRanges + int(national[0]-'3')*1000 + key
	}
	local := len(national) - cnAreaCodeLen(national)
	return key*fixedLineLengths + local - fixedLineMinLocal, true
}
