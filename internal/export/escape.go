package export

// looksLikeFormula reports whether a spreadsheet would read s as a formula
// (or, for tab and CR, could be tricked into one by a later paste): the cell
// starts with = + - @ tab or CR.
func looksLikeFormula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
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
