package normalize

// decimal is an exact decimal number, digits × 10^exp, built digit by digit
// so that no value ever passes through float64: 12345678901234567.89 stays
// exact and 0.1 is 0.1.
type decimal struct {
	neg    bool
	digits [maxDecimalDigits]byte // significant digits, no leading zeros
	n      int
	exp    int
}

// maxDecimalText bounds the rendered string, so 1E+999 is refused instead
// of becoming a screenful of zeros; no real amount comes near it. Any
// rendered value must parse again, so the digit buffer is as long.
const (
	maxDecimalText   = 64
	maxDecimalDigits = maxDecimalText
)

func (d *decimal) addDigit(c byte) bool {
	if d.n == 0 && c == '0' {
		return true // leading zero: adds nothing
	}
	if d.n == maxDecimalDigits {
		return false
	}
	d.digits[d.n] = c
	d.n++
	return true
}

func (d *decimal) isZero() bool { return d.n == 0 }

// trim drops trailing zero digits into the exponent: 1200×10^-2 → 12×10^0.
func (d *decimal) trim() {
	for d.n > 0 && d.digits[d.n-1] == '0' {
		d.n--
		d.exp++
	}
}

func (d *decimal) isInteger() bool {
	d.trim()
	return d.exp >= 0
}

// text renders the plain form: no exponent, no trailing fractional zeros,
// "-" only for non-zero values; ok=false when it would be absurdly long.
func (d *decimal) text() (string, bool) {
	d.trim()
	if d.isZero() {
		return "0", true
	}
	intLen := d.n + d.exp // digits before the point; may be ≤ 0
	size := d.n
	switch {
	case d.exp >= 0:
		size += d.exp
	case intLen <= 0:
		size += 2 - intLen // "0." and leading fractional zeros
	default:
		size++ // the point
	}
	if d.neg {
		size++
	}
	if size > maxDecimalText {
		return "", false
	}
	var buf [maxDecimalText]byte
	b := buf[:0]
	if d.neg {
		b = append(b, '-')
	}
	digits := d.digits[:d.n]
	switch {
	case d.exp >= 0:
		b = append(b, digits...)
		for i := 0; i < d.exp; i++ {
			b = append(b, '0')
		}
	case intLen <= 0:
		b = append(b, '0', '.')
		for i := 0; i < -intLen; i++ {
			b = append(b, '0')
		}
		b = append(b, digits...)
	default:
		b = append(b, digits[:intLen]...)
		b = append(b, '.')
		b = append(b, digits[intLen:]...)
	}
	return string(b), true
}

// parseNumber reads an unsigned number into d: 12345, 12345.67, .5,
// 12,345.67 or 12 345.67 (groups of exactly three), 1.23E+5. A comma
// decimal (1.234,56 or 12,5) is ambiguous and refused.
func parseNumber(s string, d *decimal) bool {
	if s == "" {
		return false
	}
	mantissa, exponent := s, ""
	i := indexAnyByte(s, "eE")
	hasExponent := i >= 0
	if hasExponent {
		mantissa, exponent = s[:i], s[i+1:]
	}
	intPart, frac, hasPoint := cutByte(mantissa, '.')
	if intPart == "" && frac == "" {
		return false
	}
	if !readIntegerGroups(intPart, !hasExponent, d) {
		return false
	}
	if hasPoint && !allDigitsOrEmpty(frac) {
		return false
	}
	for i := 0; i < len(frac); i++ {
		if !d.addDigit(frac[i]) {
			return false
		}
		d.exp--
	}
	if hasExponent {
		e, ok := readExponent(exponent)
		if !ok {
			return false
		}
		d.exp += e
	}
	return true
}

// readIntegerGroups reads the integer part, with thousands separators when
// grouped is allowed (never together with an exponent).
func readIntegerGroups(s string, grouped bool, d *decimal) bool {
	sep := byte(0)
	if grouped {
		if i := indexAnyByte(s, ", "); i >= 0 {
			sep = s[i]
		}
	}
	group := 0 // digits since the last separator
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			group++
			if !d.addDigit(c) {
				return false
			}
		case c == sep && sep != 0:
			// The first group has 1–3 digits, every later one exactly 3.
			if group == 0 || group > 3 || (i > group && group != 3) {
				return false
			}
			group = 0
		default:
			return false
		}
	}
	return sep == 0 || group == 3
}

// readExponent reads [+-]digits, small enough to be a real amount.
func readExponent(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || len(s) > 3 || !allDigits(s) {
		return 0, false
	}
	e := 0
	for i := 0; i < len(s); i++ {
		e = e*10 + int(s[i]-'0')
	}
	if neg {
		e = -e
	}
	return e, true
}

func cutByte(s string, c byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func indexAnyByte(s, set string) int {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(set); j++ {
			if s[i] == set[j] {
				return i
			}
		}
	}
	return -1
}

func allDigitsOrEmpty(s string) bool { return s == "" || allDigits(s) }

// canonicalDecimal reports whether s already is Amount's output form, so it
// can be returned without allocating: -?(0|[1-9]\d*)(\.\d*[1-9])?, not "-0".
func canonicalDecimal(s string, allowSign, allowFraction bool) bool {
	if len(s) > maxDecimalText {
		return false
	}
	if allowSign && len(s) > 1 && s[0] == '-' {
		s = s[1:]
		if s == "0" {
			return false
		}
	}
	intPart, frac, hasPoint := cutByte(s, '.')
	if intPart == "" || !allDigits(intPart) || (intPart[0] == '0' && len(intPart) > 1) {
		return false
	}
	if !hasPoint {
		return true
	}
	return allowFraction && allDigits(frac) && frac[len(frac)-1] != '0'
}
