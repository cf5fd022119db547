package dedupe

import "strings"

// Identity codes: a column whose values name one person or one company —
// 统一社会信用代码, 身份证号, a tax, VAT or social security number. Two
// equal codes are strong evidence; two different codes that both pass
// their checksum are two customers (a typo would fail the checksum).

// codeKind is what a code's checksum says it is.
type codeKind int8

const (
	codeOther  codeKind = iota // no checksum known: compared as text
	codeIDCard                 // 18-character 居民身份证号 (GB 11643)
	codeCredit                 // 18-character 统一社会信用代码 (GB 32100)
)

// normCode folds a code for comparison: upper case, without spaces,
// hyphens, dots and slashes.
func normCode(v string) string {
	var b strings.Builder
	b.Grow(len(v))
	for _, r := range v {
		switch {
		case r == ' ' || r == '-' || r == '.' || r == '/' || r == '\t':
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 0xFF10 && r <= 0xFF5A: // full-width digits and letters
			r -= 0xFEE0
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// classifyCode says which checksum a folded code passes.
func classifyCode(c string) codeKind {
	switch {
	case validIDCard(c):
		return codeIDCard
	case validCreditCode(c):
		return codeCredit
	}
	return codeOther
}

var idCardWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// validIDCard checks an 18-character resident identity card number: 17
// digits and a check character (ISO 7064 MOD 11-2; X stands for 10).
func validIDCard(c string) bool {
	if len(c) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		d := c[i]
		if d < '0' || d > '9' {
			return false
		}
		sum += int(d-'0') * idCardWeights[i]
	}
	return c[17] == "10X98765432"[sum%11]
}

// creditChars are the characters of a unified social credit code, by
// value: digits and upper-case letters without I, O, S, V and Z.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// validCreditCode checks an 18-character 统一社会信用代码 (GB 32100-2015):
// the last character makes the weighted sum of all 18 a multiple of 31.
func validCreditCode(c string) bool {
	if len(c) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		v := strings.IndexByte(creditChars, c[i])
		if v < 0 {
			return false
		}
		sum += v * creditWeights[i]
	}
	want := (31 - sum%31) % 31
	return c[17] == creditChars[want]
}

// compareCodes: equal codes are the same customer; two different codes
// that both pass a checksum are two customers; a one-character slip or a
// swap of neighbours in codes without a checksum is similar.
func compareCodes(x, y string) Level {
	switch {
	case x == "" || y == "":
		return Missing
	case x == y:
		return Same
	}
	kx, ky := classifyCode(x), classifyCode(y)
	if kx != codeOther && kx == ky {
		return Conflict
	}
	if len(x) >= 5 && len(x) == len(y) {
		diff, first := 0, -1
		for i := 0; i < len(x); i++ {
			if x[i] != y[i] {
				if first < 0 {
					first = i
				}
				diff++
			}
		}
		if diff == 1 || (diff == 2 && first+1 < len(x) && x[first] == y[first+1] && x[first+1] == y[first]) {
			return Similar
		}
	}
	return Different
}
