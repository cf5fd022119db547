package tabular

// valueKind says how a numeric cell is to be shown, decided by its number
// format: Excel stores dates as day counts ("serials") and only the format
// says a number is a date.
type valueKind uint8

const (
	kindNumber   valueKind = iota
	kindDate               // a date, with the time of day when it has one
	kindTimeOnly           // a time of day (h:mm, 上午/下午h"时"mm"分")
)

// builtinFormatKind classifies Excel's built-in number formats, which have
// no format code in styles.xml: 14–22 and 45–47 everywhere, and the
// ids 27–36 and 50–58 that Chinese, Japanese and Korean Excel use for
// 2025年3月4日-style dates and 上午/下午 times.
func builtinFormatKind(id int) valueKind {
	switch {
	case 14 <= id && id <= 17, id == 22:
		return kindDate
	case 18 <= id && id <= 21, 45 <= id && id <= 47:
		return kindTimeOnly
	case 27 <= id && id <= 31, id == 36, 50 <= id && id <= 54, id == 57, id == 58:
		return kindDate
	case 32 <= id && id <= 35, id == 55, id == 56:
		return kindTimeOnly
	}
	return kindNumber
}

// customFormatKind classifies a custom format code such as
// yyyy"年"m"月"d"日", [$-804]yyyy/m/d h:mm or ¥#,##0.00: it is a date
// when it has y, m or d tokens, a time when it has only h, m, s. Quoted
// text, backslash escapes, the character after _ and *, and bracketed
// locale, color and condition parts are not tokens; elapsed-time brackets
// like [h] are.
func customFormatKind(code string) valueKind {
	var hasY, hasM, hasD, hasH, hasS bool
	for i := 0; i < len(code); i++ {
		switch c := code[i] | 0x20; { // ASCII lower case
		case code[i] == '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case code[i] == '\\', code[i] == '_', code[i] == '*':
			i++
		case code[i] == '[':
			j := i + 1
			for j < len(code) && code[j] != ']' {
				j++
			}
			if elapsed := code[i+1 : j]; isElapsedTime(elapsed) {
				switch elapsed[0] | 0x20 {
				case 'h':
					hasH = true
				case 'm':
					hasM = true
				case 's':
					hasS = true
				}
			}
			i = j
		case c == 'y':
			hasY = true
		case c == 'm':
			hasM = true
		case c == 'd':
			hasD = true
		case c == 'h':
			hasH = true
		case c == 's':
			hasS = true
		}
	}
	switch {
	case hasY || hasD || hasM && !hasH && !hasS:
		return kindDate
	case hasH || hasS || hasM:
		return kindTimeOnly
	}
	return kindNumber
}

// isElapsedTime reports whether a bracket's content is [h], [mm], [ss]…
func isElapsedTime(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != s[0]|0x20 {
			return false
		}
	}
	switch s[0] | 0x20 {
	case 'h', 'm', 's':
		return true
	}
	return false
}

// cellFormats maps a cell's style index (the s attribute) to how its
// numbers are shown.
type cellFormats []valueKind

func (f cellFormats) kind(style int) valueKind {
	if style < 0 || style >= len(f) {
		return kindNumber
	}
	return f[style]
}
