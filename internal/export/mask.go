package export

import (
	"strings"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/record"
)

// mask hides most of a value for sharing while leaving enough to recognise
// it: phones as 138****5678 (+86138****5678 keeps the country code), emails
// as z***@example.com, anything else as first rune, stars, last rune.
// Several phones or emails joined by ";" are masked one by one.
func mask(s string, kind record.Kind) string {
	if s == "" {
		return s
	}
	switch kind {
	case record.KindPhone:
		return maskEach(s, maskPhone)
	case record.KindEmail:
		return maskEach(s, maskEmail)
	}
	return maskText(s)
}

func maskEach(s string, one func(string) string) string {
	if !strings.Contains(s, ";") {
		return one(s)
	}
	parts := strings.Split(s, ";")
	for i, p := range parts {
		parts[i] = one(p)
	}
	return strings.Join(parts, ";")
}

// maskPhone masks the national number of a phone written as digits, with
// an optional +country code; anything else (a raw value import could not
// parse) is masked as text.
func maskPhone(s string) string {
	cc, national := "", s
	if strings.HasPrefix(s, "+") {
		n := countryCodeLen(s[1:])
		cc, national = s[:1+n], s[1+n:]
	}
	if national == "" || !allDigits(national) {
		return maskText(s)
	}
	head, tail := 3, 4
	if n := len(national); n < 8 {
		head, tail = n/3, n/3
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(cc)
	b.WriteString(national[:head])
	b.WriteString(strings.Repeat("*", max(len(national)-head-tail, 1)))
	b.WriteString(national[len(national)-tail:])
	return b.String()
}

// countryCodeLen is the length of the E.164 country code that digits start
// with: the ITU assigns 1-digit codes 1 and 7, a fixed set of 2-digit codes,
// and 3 digits to everything else.
func countryCodeLen(digits string) int {
	if len(digits) < 3 || !allDigits(digits[:3]) {
		return 0
	}
	switch digits[0] {
	case '1', '7':
		return 1
	}
	switch digits[:2] {
	case "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
		"47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
		"64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98":
		return 2
	}
	return 3
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maskEmail keeps the first rune of the local part and the whole domain:
// the domain says which company, which sharing usually needs.
func maskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return maskText(s)
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size] + "***" + s[at:]
}

// maskText keeps the first and last rune with a star for each rune between;
// values too short for that keep only the first rune ("张*").
func maskText(s string) string {
	n := utf8.RuneCountInString(s)
	first, fsize := utf8.DecodeRuneInString(s)
	switch {
	case n == 1:
		return "*"
	case n == 2:
		return string(first) + "*"
	}
	_, lsize := utf8.DecodeLastRuneInString(s)
	return s[:fsize] + strings.Repeat("*", n-2) + s[len(s)-lsize:]
}
