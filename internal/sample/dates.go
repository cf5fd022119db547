package sample

import (
	"time"

	"github.com/crmkit/crmkit/internal/civil"
)

// Dates are kept as days since 1970-01-01 (and minutes since midnight for
// time stamps) and formatted by hand: time.Format costs more than the rest
// of a row put together.

// day is a calendar date as days since the Unix epoch.
type day int32

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return daysFromCivil(y, int(m), d)
}

// daysFromCivil and civil convert between days and (year, month, day).
func daysFromCivil(y, m, d int) day { return day(civil.DaysFromDate(y, m, d)) }

func (d day) civil() (y, m, dd int) { return civil.DateFromDays(int(d)) }

// dateStyle is one way people and systems write a date.
type dateStyle uint8

const (
	dISO      dateStyle = iota // 2025-03-04
	dSlash                     // 2025/3/4
	dSlashPad                  // 2025/03/04
	dChinese                   // 2025年3月4日
	dDot                       // 2025.3.4
	dCompact                   // 20250304
	dNamed                     // Mar 4, 2025
	dExcel                     // 45720 (an Excel serial pasted as text)
	numDateStyles
)

// timeStyle is what follows the date in a time stamp.
type timeStyle uint8

const (
	tNone    timeStyle = iota // date only
	tMinutes                  // " 14:30"
	tSeconds                  // " 14:30:00"
	tISO                      // "T14:30:00"
)

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// excelEpoch is 1899-12-30, day 0 of Excel's 1900 date system.
var excelEpoch = daysFromCivil(1899, 12, 30)

func appendDate(b []byte, d day, s dateStyle) []byte {
	y, m, dd := d.civil()
	switch s {
	case dSlash:
		b = appendInt(b, y)
		b = append(b, '/')
		b = appendInt(b, m)
		b = append(b, '/')
		return appendInt(b, dd)
	case dSlashPad:
		b = appendInt(b, y)
		b = append(b, '/')
		b = append2(b, m)
		b = append(b, '/')
		return append2(b, dd)
	case dChinese:
		b = appendInt(b, y)
		b = append(b, "年"...)
		b = appendInt(b, m)
		b = append(b, "月"...)
		b = appendInt(b, dd)
		return append(b, "日"...)
	case dDot:
		b = appendInt(b, y)
		b = append(b, '.')
		b = appendInt(b, m)
		b = append(b, '.')
		return appendInt(b, dd)
	case dCompact:
		b = appendInt(b, y)
		b = append2(b, m)
		return append2(b, dd)
	case dNamed:
		b = append(b, monthAbbr[m-1]...)
		b = append(b, ' ')
		b = appendInt(b, dd)
		b = append(b, ", "...)
		return appendInt(b, y)
	case dExcel:
		return appendInt(b, int(d-excelEpoch))
	default:
		b = appendInt(b, y)
		b = append(b, '-')
		b = append2(b, m)
		b = append(b, '-')
		return append2(b, dd)
	}
}

// appendStamp writes a date with a time of day (minutes since midnight).
func appendStamp(b []byte, d day, minute int, s dateStyle, t timeStyle) []byte {
	b = appendDate(b, d, s)
	if s == dExcel || s == dCompact {
		return b // Excel serials and compact dates rarely carry a time as text
	}
	switch t {
	case tMinutes:
		b = append(b, ' ')
	case tSeconds:
		b = append(b, ' ')
	case tISO:
		b = append(b, 'T')
	default:
		return b
	}
	b = append2(b, minute/60)
	b = append(b, ':')
	b = append2(b, minute%60)
	if t != tMinutes {
		b = append(b, ":00"...)
	}
	return b
}

func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10%10), byte('0'+n%10))
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}
