package normalize

import (
	"math"
	"strconv"
)

// Excel stores dates as days since an epoch, the time of day as the
// fraction. The 1900 system (Windows default) counts 1900-01-01 as day 1 and
// keeps Lotus 1-2-3's fake 1900-02-29 as day 60, so days before it are one
// off from a plain count; the 1904 system (old Mac workbooks) counts
// 1904-01-01 as day 0.
const (
	excelFakeLeapDay = 60
	excelMaxSerial   = 2958465 // 9999-12-31 in the 1900 system
	excel1904Offset  = 1462    // days between the two systems' day 0
	secondsPerDay    = 86400
)

var (
	excel1900Epoch = daysFromCivil(1899, 12, 30) // day 0 for serials after day 60
	excel1904Epoch = daysFromCivil(1904, 1, 1)
)

// ExcelSerial converts an Excel serial date (1900 or 1904 system) to the ISO
// forms Date produces: "2025-03-04" when the time of day rounds to midnight,
// "2025-03-04 14:30:00" otherwise. The time is rounded to the nearest second,
// which absorbs binary floating-point noise (0.604166666 → 14:30:00). Valid
// serials run up to 9999-12-31; day 0 of the 1900 system, its fake
// 1900-02-29 (serial 60), negative values and time-only values (serial < 1 in
// the 1900 system) give "", false.
func ExcelSerial(serial float64, date1904 bool) (string, bool) {
	if math.IsNaN(serial) || math.IsInf(serial, 0) || serial < 0 {
		return "", false
	}
	limit := float64(excelMaxSerial)
	if date1904 {
		limit -= excel1904Offset
	}
	if serial >= limit+1 {
		return "", false
	}
	total := int(math.Round(serial * secondsPerDay))
	days, secs := total/secondsPerDay, total%secondsPerDay
	if days > int(limit) {
		return "", false // 9999-12-31 23:59:59.6 rounds into year 10000
	}
	var civil int
	switch {
	case date1904:
		civil = excel1904Epoch + days
	case days == 0 || days == excelFakeLeapDay:
		return "", false
	case days < excelFakeLeapDay:
		civil = excel1900Epoch + days + 1
	default:
		civil = excel1900Epoch + days
	}
	y, m, d := civilFromDays(civil)
	return isoDate(y, m, d, secs != 0, secs/3600, secs/60%60, secs%60), true
}

// serialText recognises an Excel serial written as text: digits with an
// optional fraction, at most seven integer digits (eight digits is the
// compact form 20250304).
func serialText(s string) (float64, bool) {
	intDigits := 0
	for intDigits < len(s) && isDigit(s[intDigits]) {
		intDigits++
	}
	if intDigits == 0 || intDigits > 7 {
		return 0, false
	}
	if intDigits < len(s) && (s[intDigits] != '.' || intDigits+1 == len(s) || !allDigits(s[intDigits+1:])) {
		return 0, false
	}
	// A bare 2025 is far more likely a year than the serial for 1905-07-17;
	// it is not a date either way, so it is rejected rather than guessed.
	if intDigits == 4 {
		if y, _ := strconv.Atoi(s[:4]); y >= minWrittenYear && y <= maxWrittenYear {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
