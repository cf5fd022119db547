package normalize

import "sync/atomic"

// The fixed-line and +1 fast paths, like the mobile one, ask the library once
// per number range and remember its verdict (rangeUnknown, rangeValid or
// rangeOther) in a fixed table: bounded by construction, lock-free, and safe
// for parallel workers.

// rangeTable packs one two-bit verdict per range into atomic words, so a
// table of every +1 exchange stays at 200 KB. A verdict only ever moves from
// rangeUnknown to one of the others, and the library tells every worker the
// same one, so setting its bits with an atomic OR needs no compare-and-swap
// loop.
type rangeTable []atomic.Uint32

const rangesPerWord = 16

func (t rangeTable) verdict(i int) uint32 {
	return t[i/rangesPerWord].Load() >> (i % rangesPerWord * 2) & 3
}

func (t rangeTable) set(i int, verdict uint32) {
	t[i/rangesPerWord].Or(verdict << (i % rangesPerWord * 2))
}

// rangeE164 returns "+" cc national when range i of table holds valid
// numbers, learning the range's verdict from the library with this number if
// it is not known yet. text, the number as written, is returned as is when it
// already is that E.164 form, without allocating. ok=false means "ask the
// library", not "invalid".
func rangeE164(t rangeTable, i int, text, cc string, national []byte) (string, bool) {
	verdict := t.verdict(i)
	if verdict == rangeOther {
		return "", false
	}
	e164 := text
	if !isE164Of(text, cc, national) {
		e164 = "+" + cc + string(national)
	}
	if verdict == rangeUnknown {
		verdict = rangeOther
		if validE164(cc, string(national)) {
			verdict = rangeValid
		}
		t.set(i, verdict)
	}
	if verdict != rangeValid {
		return "", false
	}
	return e164, true
}

func isE164Of(text, cc string, national []byte) bool {
	return len(text) == 1+len(cc)+len(national) && text[0] == '+' &&
		text[1:1+len(cc)] == cc && text[1+len(cc):] == string(national)
}
