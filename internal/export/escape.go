package export

import "strings"

// looksLikeFormula reports whether a spreadsheet would read s as a formula
// (or, for tab and CR, could be tricked into one by a later paste): the cell
// starts with = + - @ tab or CR.
//
// A plain number after its + or - (+8613800138000, -5, -1200.50) is not
// escaped: a spreadsheet computes nothing from it, and a ' in front of
// every E.164 phone would spoil the column. Anything else — +1+1, -1-1,
// "+1 415 555 0100" (a space is Excel's intersection operator) — is.
func looksLikeFormula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !plainNumber(s[1:]) && !maskedNumber(s[1:])
	}
	return false
}

// maskedNumber reports whether s is a number with digits masked by a run
// of asterisks (86173****0174, as --mask and CRMs write phones): "**" is no
// operator in any spreadsheet, so it computes nothing and needs no '.
func maskedNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || !strings.Contains(s, "**") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '*' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// plainNumber reports whether s is digits with at most one decimal point.
func plainNumber(s string) bool {
	digit, dot := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digit
}

// escapeCSV prefixes a formula-looking text value with ', the convention
// Excel and LibreOffice treat as "this is text". It allocates only for the
// values it changes.
func escapeCSV(s string) string {
	if looksLikeFormula(s) {
		return "'" + s
	}
	return s
}
