package normalize

import (
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is the region assumed for phone numbers written without a
// country code when the caller passes no region.
const DefaultRegion = "CN"

// extensionLabel is how an extension is written after the E.164 number; it
// is the label libphonenumber itself prints and parses back.
const extensionLabel = " ext. "

// Phone normalizes one cell that may hold one or several phone numbers to
// E.164, reading numbers without a country code in region (ISO 3166 alpha-2;
// "CN" when empty). Several numbers (separated by / ; , 、 ； ， | or a line
// break) come back joined with ";" in input order, duplicates removed. An
// extension (010-12345678-8001, 转8001, 分机8001, ext 8001, x8001) is written
// as "+861012345678 ext. 8001". If any number in the cell is not valid the
// whole cell is returned as Text(s) with ok=false. Empty input gives "", true.
func Phone(s, region string) (string, bool) {
	region = phoneRegion(region)
	if e164, ok := fastPhone(s, region); ok {
		return e164, true
	}
	if out, ok := phoneCell(s, region); ok {
		return out, true
	}
	flat := Text(s)
	if flat == "" {
		return "", true
	}
	// A line break was read as a separator above. If that reading failed,
	// read the cell as the next run will see it, once Text has turned the
	// breaks into spaces (a number wrapped over two lines); otherwise
	// Phone(Phone(x)) could differ from Phone(x).
	if flat != s && strings.ContainsAny(s, "\n\r") {
		if out, ok := phoneCell(flat, region); ok {
			return out, true
		}
	}
	return flat, false
}

// fastPhone answers, without the library, the shapes whose answer is known
// per number range: CN mobiles, CN fixed lines, +1 numbers and numbers with
// another country code. A cell it
// accepts holds one number and no separator between numbers, so reading it
// whole gives what phoneCell would. ok=false means "ask the library", not
// "invalid".
func fastPhone(s, region string) (string, bool) {
	if e164, ok := fastMobile(s, region); ok {
		return e164, true
	}
	w, ok := readWrittenNumber(s)
	if !ok {
		return "", false
	}
	if region == DefaultRegion {
		w.dropInternationalPrefix()
	}
	if e164, ok := fastMobileWritten(&w, region); ok {
		return e164, true
	}
	if e164, ok := fastFixedLine(&w, region); ok {
		return e164, true
	}
	if e164, ok := fastNANP(&w); ok {
		return e164, true
	}
	return fastInternational(&w)
}

func phoneRegion(region string) string {
	if region == "" {
		return DefaultRegion
	}
	return strings.ToUpper(strings.TrimSpace(region))
}

// maxPhonesPerCell bounds the library calls one hostile cell can cause; no
// contact has more numbers than this.
const maxPhonesPerCell = 32

// phoneCell normalizes every number in the cell; ok=false if there is none,
// there are too many, or any of them is invalid.
func phoneCell(s, region string) (string, bool) {
	found, _, ok := phoneNumbers(s, region, false)
	if !ok {
		return "", false
	}
	switch len(found) {
	case 0:
		return "", false
	case 1:
		return found[0], true
	}
	return strings.Join(found, ";"), true
}

// cutPhoneSeparator splits s at its first number separator.
func cutPhoneSeparator(s string) (before, after string) {
	for i, r := range s {
		if isPhoneSeparator(r) {
			return s[:i], s[i+utf8.RuneLen(r):]
		}
	}
	return s, ""
}

func isPhoneSeparator(r rune) bool {
	switch r {
	case '/', ';', ',', '|', '\n', '\r', '、', '；', '，', '｜', '／':
		return true
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// phoneKey is a number as cleaned by Structured, read in a region. A struct
// key avoids building a string per lookup.
type phoneKey struct{ number, region string }

// phoneResult is one library verdict, memoized.
type phoneResult struct {
	formatted string
	ok        bool
}

// phoneMemo remembers library verdicts for repeated numbers the fast paths
// leave to the library (extensions, other countries, invalid ranges). Its
// size bounds memory at a few MB.
var phoneMemo = newMemo[phoneKey, phoneResult](1 << 14)

// phoneNumber normalizes one number already cleaned by Structured.
func phoneNumber(s, region string) (string, bool) {
	if e164, ok := fastPhone(s, region); ok {
		return e164, true
	}
	key := phoneKey{s, region}
	if r, ok := phoneMemo.get(key); ok {
		return r.formatted, r.ok
	}
	formatted, ok := slowPhoneNumber(s, region)
	// A copy, as the memo outlives the record: a cell's string may share a
	// block of the reader's text with many other rows (ingest.Sink).
	key.number = strings.Clone(s)
	phoneMemo.put(key, phoneResult{formatted, ok})
	return formatted, ok
}

func slowPhoneNumber(s, region string) (string, bool) {
	// The library skips any text before a number ("张三 138…"), which would
	// drop a name without a trace; only a phone label may go.
	s = cutPhoneLabel(s)
	if s == "" || !(isDigit(s[0]) || s[0] == '+' || s[0] == '(') {
		return "", false
	}
	s = markChineseExtension(s)
	if e164, ext, ok := libraryParse(s, region); ok {
		return withExtension(e164, ext), true
	}
	// 010-12345678-8001: the library reads the trailing group as part of
	// the number, which is then too long. Accept it as an extension only
	// when the rest is a valid landline on its own.
	i := strings.LastIndexByte(s, '-')
	if i < 0 {
		return "", false
	}
	head, ext := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if len(ext) == 0 || len(ext) > 6 || !allDigits(ext) {
		return "", false
	}
	num, err := phonenumbers.Parse(head, region)
	if err != nil || num.GetExtension() != "" || !phonenumbers.IsValidNumber(num) {
		return "", false
	}
	// Mobiles have no extensions: 138-1234-5678-9 is a typo, not a guess to make.
	switch phonenumbers.GetNumberType(num) {
	case phonenumbers.MOBILE, phonenumbers.PAGER:
		return "", false
	}
	return withExtension(phonenumbers.Format(num, phonenumbers.E164), ext), true
}

// libraryParse asks libphonenumber; ok only for a valid number.
func libraryParse(s, region string) (e164, ext string, ok bool) {
	num, err := phonenumbers.Parse(s, region)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", "", false
	}
	// The library keeps extension digits as written, which may be any
	// Unicode digits; the output is ASCII, so an extension whose digits
	// cannot all be mapped is rejected rather than shortened.
	ext = num.GetExtension()
	ascii := phonenumbers.NormalizeDigitsOnly(ext)
	if len(ascii) != utf8.RuneCountInString(ext) {
		return "", "", false
	}
	return phonenumbers.Format(num, phonenumbers.E164), ascii, true
}

func withExtension(e164, ext string) string {
	if ext == "" {
		return e164
	}
	return e164 + extensionLabel + ext
}

// chineseExtensionLabels are rewritten to "ext", which the library knows.
// Longest first, so 转分机 is not read as 转 + 分机.
var chineseExtensionLabels = []string{"转分机号", "转分机", "分机号", "分机", "转"}

func markChineseExtension(s string) string {
	if !strings.ContainsAny(s, "转分") {
		return s
	}
	for _, label := range chineseExtensionLabels {
		if i := strings.Index(s, label); i >= 0 {
			return s[:i] + " ext" + s[i+len(label):]
		}
	}
	return s
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// phoneLabels may stand before a number and are dropped with a following
// colon; longest first so 手机号码 is not cut as 手机.
var phoneLabels = []string{
	"联系电话", "办公电话", "移动电话", "手机号码", "电话号码", "手机号",
	"手机", "电话", "座机", "固话", "telephone", "mobile", "phone", "cell", "tel", "mob",
}

func cutPhoneLabel(s string) string {
	for _, label := range phoneLabels {
		if len(s) >= len(label) && equalFoldASCII(s[:len(label)], label) {
			s = strings.TrimLeft(s[len(label):], ".: ")
			break
		}
	}
	return s
}

// phoneNumbers normalizes every number in the cell, once each, in order;
// with remarks, a remark after a number (cutPhoneRemark) is cut off and
// returned as "+number remark". ok=false if there are too many numbers or
// any of them is invalid.
func phoneNumbers(s, region string, remarks bool) (found, notes []string, ok bool) {
	pieces := 0
	for rest := s; rest != ""; {
		var piece string
		piece, rest = cutPhoneSeparator(rest)
		piece = Structured(piece)
		if piece == "" || Placeholder(piece) {
			continue
		}
		if pieces++; pieces > maxPhonesPerCell {
			return nil, nil, false
		}
		num, remark := piece, ""
		if remarks {
			if num, remark = cutPhoneRemark(piece); num == "" {
				num = piece
			}
		}
		e164, ok := phoneNumber(num, region)
		if !ok {
			return nil, nil, false
		}
		if !containsString(found, e164) {
			found = append(found, e164)
		}
		if remark != "" {
			notes = append(notes, e164+" "+remark)
		}
	}
	return found, notes, true
}
