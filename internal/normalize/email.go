package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Email trims, lowercases and folds full-width forms (＠ → @), strips a
// "mailto:" prefix and surrounding <>. Several addresses separated by
// ; , / 、 or whitespace come back joined with ";", duplicates removed. An
// address needs one @, a non-empty local part and a dotted domain; letters
// may be ASCII or not (IDN, EAI). If any address is invalid the cell is
// returned as Text(s) with ok=false; empty input gives "", true.
func Email(s string) (string, bool) {
	if isLowerASCII(s) && validEmail(s) {
		return s, true // already clean: no allocation
	}
	t := Structured(s)
	if t == "" {
		return "", true
	}
	t = strings.ToLower(t)
	var found []string
	for rest := t; rest != ""; {
		var addr string
		addr, rest = cutEmailSeparator(rest)
		if addr == "" {
			continue
		}
		addr = unwrapEmail(addr)
		if !validEmail(addr) {
			return Text(s), false
		}
		if !containsString(found, addr) {
			found = append(found, addr)
		}
	}
	switch len(found) {
	case 0:
		return Text(s), false
	case 1:
		return found[0], true
	}
	return strings.Join(found, ";"), true
}

func cutEmailSeparator(s string) (before, after string) {
	for i, r := range s {
		switch r {
		case ';', ',', '/', ' ', '、':
			return s[:i], s[i+utf8.RuneLen(r):]
		}
	}
	return s, ""
}

// unwrapEmail strips <…> and mailto: in any nesting (<mailto:a@b.cn>).
func unwrapEmail(s string) string {
	for {
		switch {
		case len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>':
			s = s[1 : len(s)-1]
		case strings.HasPrefix(s, "mailto:"):
			s = s[len("mailto:"):]
		default:
			return s
		}
	}
}

// Limits from RFC 5321; longer values are not addresses but pasted text.
const (
	maxEmailLocal  = 64
	maxEmailDomain = 253
	maxEmailLabel  = 63
)

// validEmail checks one address: local@domain, with a dotted domain of
// letter/digit/hyphen labels and a local part of letters, digits and the
// RFC 5322 atext symbols, dots not leading, trailing or doubled.
func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.IndexByte(s[at+1:], '@') >= 0 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	return len(local) <= maxEmailLocal && validEmailLocal(local) &&
		len(domain) <= maxEmailDomain && validEmailDomain(domain)
}

func validEmailLocal(s string) bool {
	if s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			if !isASCIIAlnum(r) && !strings.ContainsRune(".!#$%&'*+-=?^_`{|}~", r) {
				return false
			}
		} else if !isIDNRune(r) {
			return false
		}
	}
	return true
}

func validEmailDomain(s string) bool {
	labels := 0
	lastAllDigits := true
	for s != "" {
		label, rest, _ := strings.Cut(s, ".")
		if len(label) == 0 || len(label) > maxEmailLabel || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		lastAllDigits = true
		for _, r := range label {
			switch {
			case '0' <= r && r <= '9':
			case r < utf8.RuneSelf && (isASCIIAlnum(r) || r == '-'):
				lastAllDigits = false
			case r >= utf8.RuneSelf && isIDNRune(r):
				lastAllDigits = false
			default:
				return false
			}
		}
		labels++
		if rest == "" && strings.HasSuffix(s, ".") {
			return false // trailing dot
		}
		s = rest
	}
	// A numeric top-level label means an IP address or a typo, not a domain.
	return labels >= 2 && !lastAllDigits
}

// isIDNRune accepts the non-ASCII characters internationalized domain names
// and mailboxes are made of: letters, marks and digits.
func isIDNRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r))
}

// isLowerASCII reports s has only ASCII bytes and no upper-case letter.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || ('A' <= s[i] && s[i] <= 'Z') {
			return false
		}
	}
	return true
}
