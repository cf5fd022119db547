package normalize

import "strings"

// The date lexer turns a Structured value into a short list of tokens
// (numbers, separators, month and weekday names, 年月日 markers, AM/PM…)
// held in a fixed array, so parsing a date does not allocate.

type dateTokenKind uint8

const (
	tokNumber  dateTokenKind = iota + 1
	tokSep                   // one of - / . : , + and space
	tokMonth                 // Mar, March → value 3
	tokWeekday               // Tue, Tuesday → value 0 (Sunday) … 6
	tokOrdinal               // st nd rd th after a day
	tokT                     // the ISO date/time separator
	tokZone                  // Z, UTC, GMT
	tokPeriod                // AM/PM, 上午, 下午… → value is a dayPeriod
	tokMark                  // 年 月 日 时 分 秒 → value is a dateMark
)

type dateMark uint8

const (
	markYear dateMark = iota + 1
	markMonth
	markDay
	markHour
	markMinute
	markSecond
)

// dayPeriod says how a 12-hour clock hour is to be read.
type dayPeriod uint8

const (
	periodNone      dayPeriod = iota
	periodAM                  // am: 12 AM is midnight
	periodPM                  // pm: 12 PM is noon
	periodMorning             // 上午 早上 早晨 凌晨
	periodAfternoon           // 下午 傍晚
	periodEvening             // 晚上
	periodNoon                // 中午
)

type dateToken struct {
	kind   dateTokenKind
	sep    byte // for tokSep
	digits int  // for tokNumber: how many digits were written
	value  int  // number (capped), month, weekday, mark or period
}

const maxDateTokens = 40

type dateTokens struct {
	toks [maxDateTokens]dateToken
	n    int
}

// chineseDateWords are matched by prefix where a non-ASCII character starts.
var chineseDateWords = [...]struct {
	word  string
	kind  dateTokenKind
	value int
}{
	{"年", tokMark, int(markYear)},
	{"月", tokMark, int(markMonth)},
	{"日", tokMark, int(markDay)},
	{"号", tokMark, int(markDay)},
	{"號", tokMark, int(markDay)},
	{"时", tokMark, int(markHour)},
	{"時", tokMark, int(markHour)},
	{"点", tokMark, int(markHour)},
	{"點", tokMark, int(markHour)},
	{"分", tokMark, int(markMinute)},
	{"秒", tokMark, int(markSecond)},
	{"上午", tokPeriod, int(periodMorning)},
	{"早上", tokPeriod, int(periodMorning)},
	{"早晨", tokPeriod, int(periodMorning)},
	{"凌晨", tokPeriod, int(periodMorning)},
	{"下午", tokPeriod, int(periodAfternoon)},
	{"傍晚", tokPeriod, int(periodAfternoon)},
	{"晚上", tokPeriod, int(periodEvening)},
	{"中午", tokPeriod, int(periodNoon)},
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// lexDate fills t from s; ok=false on any character no date form uses.
func lexDate(s string, t *dateTokens) bool {
	t.n = 0
	for i := 0; i < len(s); {
		if t.n == maxDateTokens {
			return false
		}
		tok := &t.toks[t.n]
		c := s[i]
		switch {
		case isDigit(c):
			j, v := i, 0
			for ; j < len(s) && isDigit(s[j]); j++ {
				if j-i < 9 { // enough for any field; longer runs only need their length
					v = v*10 + int(s[j]-'0')
				}
			}
			*tok = dateToken{kind: tokNumber, digits: j - i, value: v}
			i = j
		case isASCIILetter(c):
			j := i
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			if !lexDateWord(s[i:j], tok) {
				return false
			}
			i = j
		case strings.IndexByte("-/.:,+ ", c) >= 0:
			*tok = dateToken{kind: tokSep, sep: c}
			i++
		case c >= 0x80:
			n := lexChineseDateWord(s[i:], tok)
			if n == 0 {
				return false
			}
			i += n
		default:
			return false
		}
		t.n++
	}
	return true
}

func lexChineseDateWord(s string, tok *dateToken) int {
	for _, w := range chineseDateWords {
		if strings.HasPrefix(s, w.word) {
			*tok = dateToken{kind: w.kind, value: w.value}
			return len(w.word)
		}
	}
	return 0
}

func lexDateWord(w string, tok *dateToken) bool {
	switch {
	case strings.EqualFold(w, "t"):
		*tok = dateToken{kind: tokT}
	case strings.EqualFold(w, "z"), strings.EqualFold(w, "utc"), strings.EqualFold(w, "gmt"):
		*tok = dateToken{kind: tokZone}
	case strings.EqualFold(w, "am"):
		*tok = dateToken{kind: tokPeriod, value: int(periodAM)}
	case strings.EqualFold(w, "pm"):
		*tok = dateToken{kind: tokPeriod, value: int(periodPM)}
	case strings.EqualFold(w, "st"), strings.EqualFold(w, "nd"), strings.EqualFold(w, "rd"), strings.EqualFold(w, "th"):
		*tok = dateToken{kind: tokOrdinal}
	default:
		if m := nameIndex(w, monthNames[:], "sept"); m >= 0 {
			*tok = dateToken{kind: tokMonth, value: m + 1}
		} else if d := nameIndex(w, weekdayNames[:], "tues", "thur", "thurs"); d >= 0 {
			*tok = dateToken{kind: tokWeekday, value: d}
		} else {
			return false
		}
	}
	return true
}

// nameIndex finds w as a full name or its three-letter abbreviation; extra
// lists further accepted abbreviations (Sept, Tues), matched by prefix.
func nameIndex(w string, names []string, extra ...string) int {
	for i, name := range names {
		if strings.EqualFold(w, name) || (len(w) == 3 && strings.EqualFold(w, name[:3])) {
			return i
		}
		for _, e := range extra {
			if len(name) >= len(e) && strings.EqualFold(w, e) && strings.EqualFold(name[:len(e)], e) {
				return i
			}
		}
	}
	return -1
}

func isASCIILetter(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}
