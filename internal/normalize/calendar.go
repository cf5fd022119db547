package normalize

import "github.com/crmkit/crmkit/internal/civil"

// Calendar arithmetic for the proleptic Gregorian calendar, by hand: the
// hot paths must not allocate and time.Time does more than is needed here.

// Years a written date may have; anything else is taken for a typo
// (20225, 1025) rather than a date. Excel serials are exempt.
const (
	minWrittenYear = 1900
	maxWrittenYear = 2200
)

func isLeapYear(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if isLeapYear(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validCalendarDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

func validClock(h, mi, s int) bool {
	return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59
}

// daysFromCivil counts days from 1970-01-01.
func daysFromCivil(y, m, d int) int { return civil.DaysFromDate(y, m, d) }

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) { return civil.DateFromDays(z) }

// weekday returns 0 for Sunday … 6 for Saturday.
func weekday(y, m, d int) int {
	w := (daysFromCivil(y, m, d) + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return w
}

// isoDate formats the ISO 8601 forms Date and ExcelSerial produce:
// 2025-03-04, or 2025-03-04 14:30:00 when withTime.
func isoDate(y, m, d int, withTime bool, h, mi, s int) string {
	var b [19]byte
	put4(b[0:], y)
	b[4] = '-'
	put2(b[5:], m)
	b[7] = '-'
	put2(b[8:], d)
	if !withTime {
		return string(b[:10])
	}
	b[10] = ' '
	put2(b[11:], h)
	b[13] = ':'
	put2(b[14:], mi)
	b[16] = ':'
	put2(b[17:], s)
	return string(b[:])
}

func put2(b []byte, v int) {
	b[0] = byte('0' + v/10)
	b[1] = byte('0' + v%10)
}

func put4(b []byte, v int) {
	put2(b, v/100)
	put2(b[2:], v%100)
}

// canonicalDate reports whether s already is one of Date's outputs, so it
// can be returned as is: the fast path for re-normalizing clean data.
func canonicalDate(s string) bool {
	if len(s) != 10 && len(s) != 19 {
		return false
	}
	y, ok1 := digitsAt(s, 0, 4)
	m, ok2 := digitsAt(s, 5, 2)
	d, ok3 := digitsAt(s, 8, 2)
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' ||
		y < minWrittenYear || y > maxWrittenYear || !validCalendarDate(y, m, d) {
		return false
	}
	if len(s) == 10 {
		return true
	}
	h, ok1 := digitsAt(s, 11, 2)
	mi, ok2 := digitsAt(s, 14, 2)
	sec, ok3 := digitsAt(s, 17, 2)
	return ok1 && ok2 && ok3 && s[10] == ' ' && s[13] == ':' && s[16] == ':' && validClock(h, mi, sec)
}

func digitsAt(s string, at, n int) (int, bool) {
	v := 0
	for i := at; i < at+n; i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}
