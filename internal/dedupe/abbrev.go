package dedupe

// abbreviates reports whether the word short is a written-out
// abbreviation of long: its first letter, then its other letters in
// order ("acad" / "academy", "ctr" / "center", "intl" / "international",
// "mfg" / "manufacturing"). Three letters at least ("co" or "st" abbreviate
// too much to count), and two fewer than long at most: "ace" is not an
// abbreviation of "acme".
func abbreviates(short, long string) bool {
	if len(short) < 3 || len(short)+2 > len(long) || short[0] != long[0] {
		return false
	}
	j := 1
	for i := 1; i < len(short); i++ {
		for j < len(long) && long[j] != short[i] {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
	}
	return true
}
