package normalize

import "strings"

// Amount normalizes money to a plain decimal string: no currency, no
// thousands separators, no exponent, no trailing fractional zeros:
// ¥12,345.00 → 12345, 12345元 → 12345, 1.2万 → 12000, (1,234.00) → -1234,
// 1.23E+5 → 123000. The arithmetic is exact decimal, never float64.
// Ambiguous or non-numeric values (1.234,56, 面议, 100-200) give Text(s),
// false; empty input gives "", true.
func Amount(s string) (string, bool) {
	if canonicalDecimal(s, true, true) {
		return s, true
	}
	t := Structured(s)
	if t == "" {
		return "", true
	}
	if canonicalDecimal(t, true, true) {
		return t, true
	}
	var d decimal
	if parseAmount(t, &d) {
		if out, ok := d.text(); ok {
			return out, true
		}
	}
	return Text(s), false
}

// Count normalizes a non-negative whole count: 12, 12次, 12 单, 1,200, １２,
// 3.0 → "3". Fractions, negatives and text give Text(s), false; empty input
// gives "", true.
func Count(s string) (string, bool) {
	if canonicalDecimal(s, false, false) {
		return s, true
	}
	t := Structured(s)
	if t == "" {
		return "", true
	}
	body := cutSuffix(t, countUnits)
	body = strings.TrimSuffix(body, " ")
	var d decimal
	if scaleBody(body, &d) && d.isInteger() {
		if out, ok := d.text(); ok {
			return out, true
		}
	}
	return Text(s), false
}

// currencyMarks are the currency symbols, codes and words Amount drops
// before or after the number; the longest match wins (US$ over $).
var currencyMarks = []string{
	"¥", "￥", "$", "US$", "HK$", "€", "£",
	"RMB", "CNY", "USD", "HKD", "EUR", "GBP", "JPY",
	"人民币", "美元", "港币", "港元", "欧元", "英镑", "日元", "元", "圆", "块",
}

// chineseMultipliers scale the number they follow: 1.2万 is 12000. Longest
// first, so 千万 is not read as 千 + 万.
var chineseMultipliers = []struct {
	word string
	exp  int
}{
	{"万亿", 12}, {"千万", 7}, {"百万", 6}, {"十万", 5},
	{"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2},
}

// countUnits are the measure words a count may carry: 12次, 12单, 3个.
var countUnits = []string{"次", "单", "笔", "个", "件", "人", "位", "家", "户", "条", "张", "份"}

// parseAmount reads [sign][currency][sign] number[multiplier][currency],
// or the whole of that in accounting parentheses for a negative.
func parseAmount(s string, d *decimal) bool {
	parens := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if parens {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	s, neg, signed := cutSign(s)
	s = strings.TrimLeft(cutPrefix(s, currencyMarks), " ")
	if !signed {
		s, neg, signed = cutSign(s)
	}
	if signed && parens {
		return false // (-100): which sign was meant?
	}
	d.neg = neg || parens
	s = strings.TrimRight(cutSuffix(s, currencyMarks), " ")
	return scaleBody(s, d)
}

// scaleBody reads a number with an optional Chinese multiplier after it.
func scaleBody(s string, d *decimal) bool {
	exp := 0
	for _, m := range chineseMultipliers {
		if strings.HasSuffix(s, m.word) {
			s, exp = strings.TrimRight(s[:len(s)-len(m.word)], " "), m.exp
			break
		}
	}
	if !parseNumber(s, d) {
		return false
	}
	d.exp += exp
	return true
}

// cutSign removes a leading + or - (also U+2212 minus).
func cutSign(s string) (rest string, neg, ok bool) {
	switch {
	case strings.HasPrefix(s, "-"):
		return s[1:], true, true
	case strings.HasPrefix(s, "−"):
		return s[len("−"):], true, true
	case strings.HasPrefix(s, "+"):
		return s[1:], false, true
	}
	return s, false, false
}

// cutPrefix removes the longest of marks s starts with (ASCII letters
// compared case-insensitively: usd, Usd, USD).
func cutPrefix(s string, marks []string) string {
	best := 0
	for _, m := range marks {
		if len(m) > best && len(s) >= len(m) && equalFoldASCII(s[:len(m)], m) {
			best = len(m)
		}
	}
	return s[best:]
}

// cutSuffix removes the longest of marks s ends with.
func cutSuffix(s string, marks []string) string {
	best := 0
	for _, m := range marks {
		if len(m) > best && len(s) >= len(m) && equalFoldASCII(s[len(s)-len(m):], m) {
			best = len(m)
		}
	}
	return s[:len(s)-best]
}

// equalFoldASCII compares equal-length strings ignoring ASCII case only,
// which is all currency codes need and much cheaper than strings.EqualFold.
func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
