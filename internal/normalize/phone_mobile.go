package normalize

import "sync/atomic"

// Most phones in a Chinese CRM are mobiles written as 11 digits, perhaps with
// +86/0086/86 in front and spaces or dashes inside. libphonenumber needs
// ~10µs and several regexps for each; this fast path recognises those shapes
// by hand and produces exactly the library's answer.
//
// Whether an 11-digit 1xx number is valid depends on its number range, which
// the library's CN metadata decides from the first five digits at most
// (e.g. 1740[0-5]…). So the library is asked once per five-digit prefix and
// the verdict is kept in a fixed table: bounded by construction, lock-free,
// and safe for parallel workers (racing writers store the same verdict).
// TestMobileFastPathMatchesLibrary checks every prefix against the library,
// so a metadata update that splits a range more finely fails the test.

const (
	cnMobileLen       = 11
	cnMobilePrefixLen = 5
)

// Verdicts stored in mobileRanges.
const (
	rangeUnknown uint32 = iota
	rangeValid          // the library turns the number into +86 + the 11 digits
	rangeOther          // invalid, or the library reads it some other way
)

// mobileRanges holds one verdict per prefix 1dddd, indexed by dddd.
var mobileRanges [10000]atomic.Uint32

// fastMobile returns the E.164 form of s when s is a CN mobile in one of the
// common shapes and its range is valid. ok=false means "ask the library", not
// "invalid". An input already in E.164 comes back as is, without allocating.
func fastMobile(s, region string) (string, bool) {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	plus := len(s) > 0 && s[0] == '+'
	rest := s
	if plus {
		rest = s[1:]
	}
	var digits [15]byte
	n := 0
	afterSep := true // no separator first, none doubled, none last
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case isDigit(c):
			if n == len(digits) {
				return "", false
			}
			digits[n] = c
			n++
			afterSep = false
		case (c == ' ' || c == '-') && !afterSep:
			afterSep = true
		default:
			return "", false
		}
	}
	if afterSep {
		return "", false
	}
	return cnMobileE164(digits[:n], plus, region, s)
}

// cnMobileE164 returns the E.164 form of the number whose digits d were
// written as text (with a + first when plus), when it is a CN mobile in a
// valid range; text itself when it is already that form.
func cnMobileE164(d []byte, plus bool, region, text string) (string, bool) {
	national, ok := cnNational(d, plus, region)
	if !ok || national[0] != '1' || !mobileRangeValid(national) {
		return "", false
	}
	if isE164Of(text, "86", national) {
		return text, true
	}
	var out [3 + cnMobileLen]byte
	copy(out[:], "+86")
	copy(out[3:], national)
	return string(out[:]), true
}

// cnNational strips the country code forms the library accepts for a CN
// mobile: +86 anywhere; 0086 (CN's international prefix), bare 86 and no
// prefix only when the default region is CN.
func cnNational(d []byte, plus bool, region string) ([]byte, bool) {
	switch {
	case plus:
		if len(d) == 2+cnMobileLen && d[0] == '8' && d[1] == '6' {
			return d[2:], true
		}
	case region != "CN":
	case len(d) == cnMobileLen:
		return d, true
	case len(d) == 2+cnMobileLen && d[0] == '8' && d[1] == '6':
		return d[2:], true
	case len(d) == 4+cnMobileLen && string(d[:4]) == "0086":
		return d[4:], true
	}
	return nil, false
}

// mobileRangeValid looks up (or learns from the library) whether numbers
// starting with national's prefix are valid mobiles written as +86 national.
func mobileRangeValid(national []byte) bool {
	idx := 0
	for _, c := range national[1:cnMobilePrefixLen] {
		idx = idx*10 + int(c-'0')
	}
	switch mobileRanges[idx].Load() {
	case rangeValid:
		return true
	case rangeOther:
		return false
	}
	verdict := rangeOther
	if e164, ext, ok := libraryParse(string(national), "CN"); ok && ext == "" && e164 == "+86"+string(national) {
		verdict = rangeValid
	}
	mobileRanges[idx].Store(verdict)
	return verdict == rangeValid
}

// fastMobileWritten is fastMobile for the shapes only readWrittenNumber
// reads: (+86)138 0013 8000, 0086 (138) 0013-8000.
func fastMobileWritten(w *writtenNumber, region string) (string, bool) {
	return cnMobileE164(w.digits[:w.n], w.plus, region, w.text)
}
