package similar

import "testing"

// Names cleaned once compare as names cleaned per comparison, on every
// pair of the test names (Chinese with titles, English with titles,
// initials, swapped order, mixed scripts).
func TestParsedPersonNamesCompareAsNames(t *testing.T) {
	var names []string
	for _, p := range seedNamePairs {
		names = append(names, p[0], p[1])
	}
	names = append(names, "John Smith", "Jon Smith", "Smith John", "J Smith", "Jane Smith", "王小明", "王小红", "王总",
		"Mr", "Robert Brown", "Bob Brown", "ｊｏｈｎ ｓｍｉｔｈ", "a b c d e f g h i j", "")
	parsed := 0
	for _, a := range names {
		pa := ParsePersonName(a)
		if pa != "" {
			parsed++
		}
		for _, b := range names {
			want := PersonName(a, b)
			if got := PersonNameParsed(a, pa, b, ParsePersonName(b)); got != want {
				t.Errorf("%q vs %q: cleaned once %v, per comparison %v", a, b, got, want)
			}
		}
	}
	if parsed < len(names)-3 {
		t.Errorf("only %d of %d names cleaned once", parsed, len(names))
	}
}
