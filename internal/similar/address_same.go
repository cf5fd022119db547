package similar

// englishSame reports two English addresses that agree (see
// addressParts.agrees) and say the same thing, one only shorter: the same
// house number, the same units in any order, the same street name words,
// the same direction, and the same street type or none on one side —
// "1020 W Bryn Mawr" is "1020 W Bryn Mawr Ave", "Ste 400, 1 Market Plaza"
// is "1 Market Plaza Ste 400". A typo in a street word, a unit or a
// direction one side lacks, or a range against one of its ends stays
// similar: those could be another door.
func englishSame(a, b *addressParts) bool {
	if a.chinese || b.chinese || a.number != b.number || a.nunits != b.nunits {
		return false
	}
	for i := range a.nunits {
		found := false
		for j := range b.nunits {
			found = found || trimZeros(a.units[i]) == trimZeros(b.units[j])
		}
		if !found {
			return false
		}
	}
	var ca, cb [maxStreetTokens]string
	coreA, typesA, dirsA := splitStreet(a.street[:a.nstreet], ca[:0])
	coreB, typesB, dirsB := splitStreet(b.street[:b.nstreet], cb[:0])
	if dirsA != dirsB || typesA != typesB && typesA != 0 && typesB != 0 || len(coreA) != len(coreB) {
		return false
	}
	for i := range coreA {
		if coreA[i] != coreB[i] {
			return false
		}
	}
	return true
}

// englishNear reports two English addresses that disagree by what one
// slip of the keyboard or of memory makes: the same house number and
// street name with another street type or direction (941 E 132nd Pl, 941
// E 132nd St), or the same street with one digit of the house number
// another, but the last (3601 S Rhodes Ave, 3641 S Rhodes Ave). Units present on both
// must agree.
func englishNear(a, b *addressParts) bool {
	if a.chinese || b.chinese || !unitsAgree(a.units[:a.nunits], b.units[:b.nunits]) {
		return false
	}
	if a.number.agrees(b.number) {
		if !a.number.present() {
			return false
		}
		var ca, cb [maxStreetTokens]string
		coreA, _, _ := splitStreet(a.street[:a.nstreet], ca[:0])
		coreB, _, _ := splitStreet(b.street[:b.nstreet], cb[:0])
		return len(coreA) > 0 && len(coreB) > 0 && TokenSimilarity(coreA, coreB) >= streetCoreJaroWinkler
	}
	return oneDigitApart(a.number, b.number) && englishStreetsAgree(a.street[:a.nstreet], b.street[:b.nstreet])
}

// oneDigitApart reports two single house numbers of the same length, no
// letter suffix, that differ in one digit but the last: 3601 and 3641 are
// a slip of the keyboard far apart on the street, 12 and 14 the houses
// next door.
func oneDigitApart(x, y houseNumber) bool {
	if x.lo != x.hi || y.lo != y.hi || x.suffix != "" || y.suffix != "" || len(x.lo) != len(y.lo) || len(x.lo) < 2 {
		return false
	}
	last := len(x.lo) - 1
	if x.lo[last] != y.lo[last] {
		return false
	}
	diff := 0
	for i := range last {
		if x.lo[i] != y.lo[i] {
			diff++
		}
	}
	return diff == 1
}

// sameJoinedCore reports two street names that are one name written with
// or without spaces (Van Buren / VanBuren, Lake Shore / Lakeshore) or
// with another ordinal ending (93rd / 93th): equal once the spaces are
// dropped and a number's ending is read as the number.
func sameJoinedCore(a, b []string) bool { return joinedEqual(a, b, ordinalStem) }

// SameJoined reports whether words a and b, written without the spaces
// between them, are the same letters: a word split or two joined
// ("gist brocades" / "gistbrocades").
func SameJoined(a, b []string) bool { return joinedEqual(a, b, func(w string) string { return w }) }

// joinedEqual reports whether a and b, each word read as stem reads it,
// are equal once the spaces between the words are dropped.
func joinedEqual(a, b []string, stem func(string) string) bool {
	i, j := 0, 0 // token
	x, y := 0, 0 // byte in it
	for {
		for i < len(a) && x == len(stem(a[i])) {
			i, x = i+1, 0
		}
		for j < len(b) && y == len(stem(b[j])) {
			j, y = j+1, 0
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if stem(a[i])[x] != stem(b[j])[y] {
			return false
		}
		x, y = x+1, y+1
	}
}

// ordinalStem is an ordinal's number (93rd, 93th → 93), else the word.
func ordinalStem(w string) string {
	if n := ordinalDigits(w); n > 0 {
		return w[:n]
	}
	return w
}

// isBareUnit reports the USPS secondary unit designators that take no
// identifier (Basement, Lobby, Penthouse, Front, Lower, Upper): a unit of
// the address, which one side may leave out, not a word of the street.
func isBareUnit(w string) bool {
	switch w {
	case "bsmt", "lbby", "ph", "frnt", "lowr", "uppr":
		return true
	}
	return false
}
