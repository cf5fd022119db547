package normalize

import "strings"

// Amount normalizes money to a plain decimal string: no currency, no
// thousands separators, no exponent, no trailing fractional zeros:
// ¥12,345.00 → 12345, 12345元 → 12345, 1.2万 → 12000, (1,234.00) → -1234,
// 1.23E+5 → 123000. The arithmetic is exact decimal, never float64.
// Ambiguous or non-numeric values (1.234,56, 面议, 100-200) give Text(s),
// false; empty input gives "", true.
func Amount(s string) (string, bool) {
	v, _, ok := AmountIn(s, false)
	return v, ok
}

// AmountIn is Amount that also says which currency the value names
// (ISO 4217: CNY for ¥, 元, RMB; USD for $, US$, 美元; "" when it names
// none), so that amounts in other currencies are never added to yuan.
// With decimalComma (a ;-separated file from German or French Excel) a
// comma is the decimal point and a dot groups thousands: 1.234,56 is
// 1234.56, 12345,50 is 12345.5, 0,99 is 0.99.
func AmountIn(s string, decimalComma bool) (value, currency string, ok bool) {
	if canonicalDecimal(s, true, true) && !(decimalComma && strings.Contains(s, ".")) {
		return s, "", true
	}
	t := Structured(s)
	if t == "" {
		return "", "", true
	}
	if decimalComma && (strings.Contains(t, ",") || dotThousands(t)) {
		if v, cur, ok := amountText(swapDecimalComma(t)); ok {
			return v, cur, true
		}
	}
	if v, cur, ok := amountText(t); ok {
		return v, cur, true
	}
	if eu, ok := europeanNumber(t); ok {
		if v, cur, ok := amountText(eu); ok {
			return v, cur, true
		}
	}
	return Text(s), "", false
}

func amountText(t string) (value, currency string, ok bool) {
	if canonicalDecimal(t, true, true) {
		return t, "", true
	}
	var d decimal
	if parseAmount(t, &d, &currency) {
		if out, ok := d.text(); ok {
			return out, currency, true
		}
	}
	return "", "", false
}

// dotThousands reports whether the number in s groups thousands with dots
// (1.234, 12.345.678): a first group of 1–3 digits without a leading zero,
// then groups of exactly three.
func dotThousands(s string) bool {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return false
	}
	j := i
	for j < len(s) && (isDigit(s[j]) || s[j] == '.') {
		j++
	}
	groups := strings.Split(s[i:j], ".")
	if len(groups) < 2 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// swapDecimalComma turns 1.234,56 into 1,234.56.
func swapDecimalComma(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ',':
			return '.'
		case '.':
			return ','
		}
		return r
	}, s)
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
	"CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD", "SGD", "C$", "A$", "S$",
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
func parseAmount(s string, d *decimal, currency *string) bool {
	parens := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if parens {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	s, neg, signed := cutSign(s)
	s, mark := cutMark(s, currencyMarks, true)
	s = strings.TrimLeft(s, " ")
	if !signed {
		s, neg, signed = cutSign(s)
	}
	if signed && parens {
		return false // (-100): which sign was meant?
	}
	d.neg = neg || parens
	s, tail := cutMark(s, currencyMarks, false)
	s = strings.TrimRight(s, " ")
	if mark != "" && tail != "" && currencyCode(mark) != currencyCode(tail) {
		return false // $100 元: which one?
	}
	if mark == "" {
		mark = tail
	}
	*currency = currencyCode(mark)
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

// cutMark removes the longest of marks at the start (or end) of s and
// returns it.
func cutMark(s string, marks []string, prefix bool) (rest, mark string) {
	if prefix {
		rest = cutPrefix(s, marks)
		return rest, s[:len(s)-len(rest)]
	}
	rest = cutSuffix(s, marks)
	return rest, s[len(rest):]
}

// currencyCode names the currency a mark stands for. A bare $ is read as
// US dollars, as Salesforce and HubSpot exports write them.
func currencyCode(mark string) string {
	switch strings.ToUpper(mark) {
	case "":
		return ""
	case "¥", "￥", "RMB", "CNY", "人民币", "元", "圆", "块":
		return "CNY"
	case "$", "US$", "USD", "美元":
		return "USD"
	case "HK$", "HKD", "港币", "港元":
		return "HKD"
	case "€", "EUR", "欧元":
		return "EUR"
	case "£", "GBP", "英镑":
		return "GBP"
	case "JPY", "日元":
		return "JPY"
	case "C$":
		return "CAD"
	case "A$":
		return "AUD"
	case "S$":
		return "SGD"
	}
	return strings.ToUpper(mark)
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
