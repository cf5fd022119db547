package dedupe

// withinAYear reports whether two ISO dates (YYYY-MM-DD, as import
// normalizes birth dates) lie within a year of each other: a birth date
// typed from memory, or a month and year right and the day not. ok is
// false when either is not such a date.
func withinAYear(x, y string) (near, ok bool) {
	dx, okx := dayNumber(x)
	dy, oky := dayNumber(y)
	if !okx || !oky {
		return false, false
	}
	d := dx - dy
	return d >= -366 && d <= 366, true
}

// dayNumber is an ISO date as a count of days, months taken as 31 days
// (close enough to tell a year apart).
func dayNumber(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	for i, c := range []byte(s) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	year := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	return year*372 + month*31 + day, true
}
