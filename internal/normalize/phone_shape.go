package normalize

import "regexp"

// nanpShape is how North American numbers are written: (415) 555-0100,
// 415-555-0100, 415.555.0100, +1 415 555 0100. Chinese numbers are never
// grouped 3-3-4 with an area code that has no leading 0.
var nanpShape = regexp.MustCompile(`^(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}$`)

// NANPShaped reports whether s is written as a North American number and
// is a valid one, whatever region the file is read in.
func NANPShaped(s string) bool {
	t := Structured(s)
	if len(t) < 12 || len(t) > 17 || !nanpShape.MatchString(t) {
		return false
	}
	_, ok := Phone(t, "US")
	return ok
}
