package tabular

import (
	"bytes"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/normalize"
)

// excelDigits is the precision Excel keeps and shows: 15 significant
// digits. Values stored with more (0.1+0.2 is stored 0.30000000000000004)
// are shown the way Excel shows them.
const excelDigits = 15

// appendNumber appends a stored numeric cell value as a plain decimal:
// never exponent notation, rounded to Excel's 15 significant digits. The
// common case — an integer or short decimal such as a phone number stored
// as a number — is copied as stored.
func appendNumber(dst, v []byte) []byte {
	if isPlainDecimal(v) {
		return append(dst, v...)
	}
	f, err := strconv.ParseFloat(string(bytes.TrimSpace(v)), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return append(dst, v...) // not a number after all: keep what is there
	}
	return appendPlainFloat(dst, f)
}

// isPlainDecimal reports whether v is -?digits(.digits)? with at most 15
// significant digits, which is already how Excel shows it.
func isPlainDecimal(v []byte) bool {
	if len(v) > 0 && v[0] == '-' {
		v = v[1:]
	}
	if len(v) == 0 || v[0] == '.' || v[len(v)-1] == '.' {
		return false
	}
	digits, dot, leading := 0, false, true
	for _, c := range v {
		switch {
		case c == '.' && !dot:
			dot = true
		case '0' <= c && c <= '9':
			if c != '0' {
				leading = false
			}
			if !leading {
				digits++
			}
		default:
			return false
		}
	}
	return digits <= excelDigits
}

// appendPlainFloat formats f with 15 significant digits in positional
// notation: 1E+20 → 100000000000000000000, 1.5E-7 → 0.00000015.
func appendPlainFloat(dst []byte, f float64) []byte {
	if f == 0 {
		return append(dst, '0')
	}
	var buf [32]byte
	sci := strconv.AppendFloat(buf[:0], f, 'e', excelDigits-1, 64) // -d.dddddddddddddde±XX
	if sci[0] == '-' {
		dst = append(dst, '-')
		sci = sci[1:]
	}
	mark := bytes.IndexByte(sci, 'e')
	exp := 0
	for _, c := range sci[mark+2:] {
		exp = exp*10 + int(c-'0')
	}
	if sci[mark+1] == '-' {
		exp = -exp
	}
	var digits [excelDigits]byte // the mantissa without its point
	digits[0] = sci[0]
	n := 1 + copy(digits[1:], sci[2:mark])
	for n > 1 && digits[n-1] == '0' {
		n--
	}
	mant := digits[:n]
	switch point := exp + 1; { // digits before the decimal point
	case point <= 0:
		dst = append(dst, '0', '.')
		dst = appendZeros(dst, -point)
		return append(dst, mant...)
	case point >= len(mant):
		dst = append(dst, mant...)
		return appendZeros(dst, point-len(mant))
	default:
		dst = append(dst, mant[:point]...)
		dst = append(dst, '.')
		return append(dst, mant[point:]...)
	}
}

func appendZeros(dst []byte, n int) []byte {
	for range n {
		dst = append(dst, '0')
	}
	return dst
}

// excelSerialDate appends a date serial as ISO 8601 text, "2025-03-04" or
// "2025-03-04 14:30:00", respecting the workbook's date system. ok is false
// for serials Excel cannot show as dates; the caller keeps the number.
// normalize.ExcelSerial is the one definition of Excel dates in crmkit, so
// an .xlsx date and the same serial in a CSV come out alike.
func excelSerialDate(dst []byte, serial float64, date1904 bool) ([]byte, bool) {
	s, ok := normalize.ExcelSerial(serial, date1904)
	return append(dst, s...), ok
}

// appendTimeOfDay shows the fraction of a day as "14:30:00" for cells
// formatted as a time only; a value of a day or more is a date-time.
func appendTimeOfDay(dst []byte, serial float64, date1904 bool) ([]byte, bool) {
	if serial < 0 || serial >= 1 {
		return excelSerialDate(dst, serial, date1904)
	}
	secs := int(math.Round(serial * 86400))
	if secs >= 86400 {
		secs = 86399
	}
	return time.Date(2000, 1, 1, 0, 0, secs, 0, time.UTC).AppendFormat(dst, time.TimeOnly), true
}

// appendISODate turns a t="d" cell (ISO 8601 stored as text, as Strict
// OOXML writers do) into the same shape as serial dates; anything else is
// kept as stored.
func appendISODate(dst, v []byte) []byte {
	for _, layout := range []string{"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		t, err := time.Parse(layout, string(v))
		if err != nil {
			continue
		}
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.AppendFormat(dst, time.DateOnly)
		}
		return t.AppendFormat(dst, time.DateTime)
	}
	return append(dst, v...)
}

// unescapeXString decodes the _xHHHH_ escapes Excel uses in text for
// characters XML cannot carry (_x000D_ for a carriage return); _x005F_
// escapes a literal underscore. b is rewritten in place.
func unescapeXString(b []byte) []byte {
	if !bytes.Contains(b, []byte("_x")) {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); {
		u, ok := xEscape(b[i:])
		if !ok {
			out = append(out, b[i])
			i++
			continue
		}
		i += 7
		r := rune(u)
		if utf16.IsSurrogate(r) {
			if lo, ok := xEscape(b[i:]); ok && utf16.DecodeRune(r, rune(lo)) != utf8.RuneError {
				r = utf16.DecodeRune(r, rune(lo))
				i += 7
			} else {
				r = utf8.RuneError
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// xEscape parses _xHHHH_ at the start of b.
func xEscape(b []byte) (uint16, bool) {
	if len(b) < 7 || b[0] != '_' || b[1] != 'x' || b[6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range b[2:6] {
		d := hexDigit(c)
		if d < 0 {
			return 0, false
		}
		u = u<<4 | uint16(d)
	}
	return u, true
}

// maxCellChars is Excel's limit on the text in one cell, in UTF-16 units.
const maxCellChars = 32767

// maxCellBytes caps what is read of one value: any text that long in UTF-8
// is over maxCellChars whatever its characters (at most 3 bytes per unit).
const maxCellBytes = 3*maxCellChars + 3

// tooLongForCell reports whether text exceeds Excel's cell limit, and if
// so returns it cut to the limit on a character boundary.
func tooLongForCell(text []byte) ([]byte, bool) {
	if len(text) <= maxCellChars {
		return text, false
	}
	units := 0
	for i, r := range string(text) {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > maxCellChars {
			return text[:i], true
		}
		units += n
	}
	return text, false
}
