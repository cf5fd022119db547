package export

import (
	"math"
	"strconv"
	"time"
)

// excelEpochDays is the Excel serial number of 1970-01-01 (1900 date system).
const excelEpochDays = 25569

// firstSafeSerial is 1900-03-01: Excel's serials before it are off by one
// because Excel counts a 29 February 1900 that never was, so earlier dates
// stay text rather than turn into the wrong day.
const firstSafeSerial = 61

// dateSerial reads a canonical date, "YYYY-MM-DD" or "YYYY-MM-DD hh:mm:ss"
// (space or T), as an Excel serial number, computed directly rather than
// through excelize's time.Time path, which costs a workbook lookup per cell.
func dateSerial(s string) (serial float64, withTime, ok bool) {
	if len(s) != 10 && len(s) != 19 || s[4] != '-' || s[7] != '-' {
		return 0, false, false
	}
	y, ok1 := number2(s[0:4])
	m, ok2 := number2(s[5:7])
	d, ok3 := number2(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return 0, false, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2025-02-30 rolled over into March
		return 0, false, false
	}
	days := t.Unix()/86400 + excelEpochDays
	if days < firstSafeSerial {
		return 0, false, false
	}
	if len(s) == 10 {
		return float64(days), false, true
	}
	if s[10] != ' ' && s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return 0, false, false
	}
	h, ok1 := number2(s[11:13])
	mi, ok2 := number2(s[14:16])
	sec, ok3 := number2(s[17:19])
	if !ok1 || !ok2 || !ok3 || h > 23 || mi > 59 || sec > 59 {
		return 0, false, false
	}
	return excelTime(days, int64(h*3600+mi*60+sec)), true, true
}

// excelTime is the serial of a time of day, rounded to the 15 significant
// digits Excel keeps. excelize truncates a float to 15 digits, and a
// truncated 14:30:00 (45721.60416666666…) reads back as 14:29:59 in
// LibreOffice; rounding first makes the truncation a no-op. Integer
// arithmetic keeps the rounding exact.
func excelTime(days, seconds int64) float64 {
	digits := 0
	for n := days; n > 0; n /= 10 {
		digits++
	}
	scale := pow10(maxExactDigits - digits)
	k := days*scale + (seconds*scale+43200)/86400
	return float64(k) / float64(scale)
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// number2 reads a run of ASCII digits.
func number2(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// maxExactDigits is the precision Excel keeps: a number with more
// significant digits would come back changed, so it stays text.
const maxExactDigits = 15

// decimalNumber reads a plain decimal (-12345.67; no exponent, grouping or
// currency: canonical amounts and counts are already plain) that a
// spreadsheet holds exactly.
func decimalNumber(s string) (float64, bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits, sig, zeros, dot := 0, 0, 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			digits++
			switch {
			case c != '0':
				sig += zeros + 1 // zeros between significant digits count
				zeros = 0
			case sig > 0:
				zeros++ // trailing zeros count only if a digit follows
			}
		default:
			return 0, false
		}
	}
	if digits == 0 || sig > maxExactDigits || s[len(s)-1] == '.' {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}
