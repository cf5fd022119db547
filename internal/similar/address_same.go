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
