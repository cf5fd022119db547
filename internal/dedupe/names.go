package dedupe

import "strings"

// nameInParts reports whether every word of the full name is a word of
// the given or the family name: the full name only repeats the parts
// ("Jones" beside family name "jones", "Leo Jones" beside "leo" and
// "jones"), and comparing it would count the same evidence twice.
func nameInParts(name, given, family string) bool {
	for name != "" {
		var w string
		w, name = nextWord(name)
		if w != "" && !hasWord(given, w) && !hasWord(family, w) {
			return false
		}
	}
	return true
}

// hasWord reports whether w is one of the space-separated words of s,
// ignoring case.
func hasWord(s, w string) bool {
	for s != "" {
		var x string
		x, s = nextWord(s)
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// nextWord returns the first word of s (runs of spaces skipped) and the
// rest.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}
