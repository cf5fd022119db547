package export

// looksLikeFormula reports whether a spreadsheet would read s as a formula
// (or, for tab and CR, could be tricked into one by a later paste): the cell
// starts with = + - @ tab or CR.
//
// A value of only digits and number punctuation after its + or - (an
// E.164 phone, +86 138 0013 8000;+1 (415) 555-0100, a negative amount) is
// not escaped: a spreadsheet can compute nothing from it, and a ' in front
// of every phone number would spoil the column for whoever reads it.
func looksLikeFormula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !numberLike(s[1:])
	}
	return false
}

// numberLike reports whether s holds only digits and the punctuation of
// written numbers and phones, with at least one digit.
func numberLike(s string) bool {
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == ' ' || c == '.' || c == ',' || c == '-' || c == '+' || c == '(' || c == ')' || c == ';':
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
