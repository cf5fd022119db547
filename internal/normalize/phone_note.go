package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PhoneNoted is Phone for a cell whose numbers may carry a remark after
// them: 18117084408(微信同号), 13812345678 同微信, (415) 555-0100 (office).
// The numbers are returned as Phone returns them and the remarks, which
// hold no digits, as note ("+8618117084408 微信同号", one line per number),
// so a remark never makes a good number invalid. A cell Phone reads as it
// is has no note.
func PhoneNoted(s, region string) (e164, note string, ok bool) {
	if out, ok := Phone(s, region); ok {
		return out, "", true
	}
	found, notes, ok := phoneNumbers(s, phoneRegion(region), true)
	if !ok || len(found) == 0 || len(notes) == 0 {
		return Text(s), "", false
	}
	return strings.Join(found, ";"), strings.Join(notes, "\n"), true
}

// cutPhoneRemark splits a trailing remark off a number: a bracketed text
// without digits, or words after the last digit. It returns "" for num
// when there is no such remark.
func cutPhoneRemark(s string) (num, remark string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	last, size := utf8.DecodeLastRuneInString(s)
	if close, open := last, bracketOpen(last); open != 0 {
		i := strings.LastIndexFunc(s[:len(s)-size], func(r rune) bool { return r == open })
		if i <= 0 || close == 0 {
			return "", ""
		}
		inner := strings.TrimSpace(s[i+utf8.RuneLen(open) : len(s)-size])
		if inner == "" || strings.ContainsFunc(inner, unicode.IsDigit) {
			return "", ""
		}
		return strings.TrimSpace(s[:i]), inner
	}
	i := strings.LastIndexFunc(s, unicode.IsDigit)
	if i < 0 || i == len(s)-1 {
		return "", ""
	}
	tail := strings.TrimSpace(s[i+1:])
	if !strings.ContainsFunc(tail, func(r rune) bool { return unicode.IsLetter(r) }) {
		return "", ""
	}
	return strings.TrimSpace(s[:i+1]), strings.Trim(tail, "-–—:： ")
}

func bracketOpen(close rune) rune {
	switch close {
	case ')':
		return '('
	case ']':
		return '['
	case '】':
		return '【'
	case '）':
		return '（'
	}
	return 0
}
