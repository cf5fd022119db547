package normalize

// DateOrderEvidence says which day/month order a date value proves:
// 11/20/2025 can only be month first (DateMDY), 20/11/2025 only day first
// (DateDMY); a value that reads the same either way, or is not a
// numeric year-last date, proves nothing (DateAuto).
func DateOrderEvidence(s string) DateOrder {
	t := Structured(s)
	if t == "" || canonicalDate(t) {
		return DateAuto
	}
	if _, ok := parseDate(t, DateAuto); ok {
		// Unambiguous under auto: either not year-last, or one part is
		// above 12 — then only one explicit order accepts it.
		_, mdy := parseDate(t, DateMDY)
		_, dmy := parseDate(t, DateDMY)
		switch {
		case mdy && !dmy:
			return DateMDY
		case dmy && !mdy:
			return DateDMY
		}
	}
	return DateAuto
}

// DateAmbiguous reports whether s is a date that only an explicit order
// can read: 03/04/2025.
func DateAmbiguous(s string) bool {
	t := Structured(s)
	if t == "" || canonicalDate(t) {
		return false
	}
	if _, ok := parseDate(t, DateAuto); ok {
		return false
	}
	_, mdy := parseDate(t, DateMDY)
	_, dmy := parseDate(t, DateDMY)
	return mdy && dmy
}
