package normalize

import "sync/atomic"

// A number written with +1 and ten digits belongs to the North American
// Numbering Plan: a 3-digit area code (NPA, 2–9 first), a 3-digit exchange
// (NXX) and 4 digits. Its E.164 form is +1 and the ten digits.
//
// The library picks the country (US, CA, JM, …) and decides validity from
// patterns that, in phonenumbers v1.8.1, never look past the exchange,
// except in three exchanges listed in nanpSplitExchanges. So the verdict is
// learned once per NPA-NXX, and those three always go to the library.
// TestNANPKeyDecidesNumberType proves this from every +1 country's patterns,
// and TestNANPFastPathMatchesLibrary compares the fast path with the library
// over every area code.

const (
	nanpLen       = 10
	nanpKeyLen    = 6       // NPA + NXX
	nanpFirstKey  = 200_000 // NPAs start at 200
	nanpKeyRanges = 800_000
)

// nanpSplitExchanges are the NPA-NXX whose numbers the metadata splits on
// the 7th digit: Barbados 246-521 and 246-522 (fixed lines and mobiles
// interleaved) and Jamaica 876-606 (only 876-606-0xxx is a fixed line).
var nanpSplitExchanges = [...]int{246_521, 246_522, 876_606}

// nanpVerdicts holds one verdict per NPA-NXX, 200 KB in all.
var nanpVerdicts [(nanpKeyRanges + rangesPerWord - 1) / rangesPerWord]atomic.Uint32

// fastNANP returns the E.164 form of w when it is +1 and ten digits in an
// exchange the library finds valid. ok=false means "ask the library", not
// "invalid".
func fastNANP(w *writtenNumber) (string, bool) {
	if !w.plus || w.n != 1+nanpLen || w.digits[0] != '1' || w.digits[1] < '2' {
		return "", false
	}
	national := w.digits[1:w.n]
	key := 0
	for _, c := range national[:nanpKeyLen] {
		key = key*10 + int(c-'0')
	}
	for _, split := range nanpSplitExchanges {
		if key == split {
			return "", false
		}
	}
	return rangeE164(nanpVerdicts[:], key-nanpFirstKey, w.text, "1", national)
}
