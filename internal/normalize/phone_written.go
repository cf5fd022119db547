package normalize

// writtenNumber is one phone number as people type it: perhaps a leading +,
// then digits grouped with spaces, dashes, dots or parentheses
// ((0755)8888 8888, +1 (786) 836-9331, 010.1234.5678). libphonenumber skips
// all of those separators, so for this shape its answer depends on the
// digits and the + alone: that is what lets the fast paths answer for a
// whole number range at once.
type writtenNumber struct {
	text   string // the input without surrounding spaces
	plus   bool
	digits [maxWrittenDigits]byte
	n      int
}

const (
	// maxWrittenDigits is the most digits the fast paths read: 0086, a
	// trunk 0 and an 11-digit CN national number.
	maxWrittenDigits = 16
	// maxWrittenLen keeps the fast paths far below the 250 characters over
	// which the library refuses any input, however many separators it has.
	maxWrittenLen = 64
)

// readWrittenNumber reads s if it has the shape of a writtenNumber. It starts
// with a digit, a + followed by a digit, or "(" (where slowPhoneNumber also
// lets a number start, "(+" included), and ends with a digit, so that no separator is left
// for the library to trim and no extension can hide behind one.
func readWrittenNumber(s string) (writtenNumber, bool) {
	var w writtenNumber
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	if s == "" || len(s) > maxWrittenLen || !isDigit(s[len(s)-1]) {
		return w, false
	}
	w.text = s
	rest := s
	switch {
	case s[0] == '+':
		if !isDigit(s[1]) { // s ends with a digit, so s[1] exists
			return w, false
		}
		w.plus = true
		rest = s[1:]
	case len(s) > 2 && s[0] == '(' && s[1] == '+' && isDigit(s[2]):
		// (+86)138 0013 8000: the library starts reading at the +.
		w.plus = true
		rest = s[2:]
	case s[0] != '(' && !isDigit(s[0]):
		return w, false
	}
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; c {
		case ' ', '-', '.', '(', ')':
		default:
			if !isDigit(c) || w.n == maxWrittenDigits {
				return w, false
			}
			w.digits[w.n] = c
			w.n++
		}
	}
	return w, true
}

// dropInternationalPrefix reads 00 before a country code as the + it
// stands for, as the library does in CN, whose international prefix it is
// (0044 20 7946 0000, 001 415 555 0100). A third 0 is no country code: the
// library keeps such a number as it is.
func (w *writtenNumber) dropInternationalPrefix() {
	if w.plus || w.n < 4 || w.digits[0] != '0' || w.digits[1] != '0' || w.digits[2] == '0' {
		return
	}
	copy(w.digits[:], w.digits[2:w.n])
	w.n -= 2
	w.plus = true
}
