package company

import (
	"strings"
	"unicode/utf8"
)

// dropSeat cuts what follows a Latin-script name's legal form after a
// comma: registry and patent lists write the seat there ("Unilever N.V.,
// Rotterdam", "DSM N.V., te Heerlen, NL"), and it is where the company is
// registered, not part of its name. A part that holds a legal form of its
// own ("Hitachi Inc, Netherlands B.V.") is another company's name and is
// kept, as is a branch ("Acme Ltd, Shanghai Branch": stripBranch reads
// it) and a comma before the legal form ("Acme, Inc.").
func dropSeat(s string) string {
	if hasHanRune(s) {
		return s
	}
	for at := strings.IndexByte(s, ','); at > 0; {
		head, tail := s[:at], s[at+1:]
		if endsWithLegalForm(joinInitials(foldPlain(head))) {
			if t := joinInitials(foldPlain(tail)); t == "" || !holdsLegalForm(t) && !strings.Contains(t, "branch") {
				return head
			}
			return s
		}
		next := strings.IndexByte(tail, ',')
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return s
}

// endsWithLegalForm reports whether folded s ends with a legal form and
// has a name before it.
func endsWithLegalForm(s string) bool {
	_, _, ok := cutLatinLegal(s)
	return ok
}

// holdsLegalForm reports whether any word of folded s is a legal form.
func holdsLegalForm(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if _, ok := englishLegalForms[w]; ok {
			return true
		}
	}
	return false
}

func hasHanRune(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && isHan(r) {
			return true
		}
	}
	return false
}
