package normalize

import "strings"

// placeholders are what people type in a cell that has no value: 无, 暂无,
// /, -, N/A. In a phone, e-mail, date or amount column they mean empty.
var placeholders = map[string]bool{
	"无": true, "暂无": true, "没有": true, "未知": true, "不详": true, "无号码": true, "未填": true,
	"/": true, "-": true, "--": true, "—": true, "——": true, "_": true, ".": true, "?": true, "？": true,
	"n/a": true, "na": true, "none": true, "null": true, "nil": true, "tbd": true, "unknown": true, "#n/a": true,
}

// Placeholder reports whether s is a stand-in for "no value".
func Placeholder(s string) bool {
	if s == "" || len(s) > 16 || isDigit(s[0]) || s[0] == '+' {
		return false // the common case, a number or a date, decided at once
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	return placeholders[strings.ToLower(Structured(s))]
}
