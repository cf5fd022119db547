package normalize

import "regexp"

// nanpShape is how North American numbers are written without their
// country code: (415) 555-0100, 415-555-0100, 415.555.0100, 1-415-555-0100.
// Chinese numbers are never grouped 3-3-4 with an area code that has no
// leading 0. A number with +1 says its country itself and is read right in
// any region.
var nanpShape = regexp.MustCompile(`^(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}$`)

// NANPShaped reports whether s is written as a North American number
// without a country code and is a valid one: read in another region, it
// becomes a number of that region.
func NANPShaped(s string) bool {
	t := Structured(s)
	if len(t) < 12 || len(t) > 17 || !nanpShape.MatchString(t) {
		return false
	}
	_, ok := Phone(t, "US")
	return ok
}
