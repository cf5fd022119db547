package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// The fast paths remember one library verdict per key: a number's first
// digits and its length. These tests prove from the library's own metadata
// that every number sharing a key gets the same verdict, for all of them at
// once rather than for samples: for each pattern the library matches a
// national number against (the country's general pattern, every number
// type's pattern, and for +1 the leading digits that pick the country), they
// check that all numbers of a given length and key either match or do not.
// Then the number type, the country and so validity are the same across the
// key. How the library reads the written forms into that national number is
// checked by the sampling tests next to each fast path.

func TestFixedLineKeyDecidesNumberType(t *testing.T) {
	if regions := phonenumbers.GetRegionCodesForCountryCode(86); !slices.Equal(regions, []string{"CN"}) {
		t.Fatalf("+86 is shared by %v; the fast path assumes CN alone", regions)
	}
	cn := metadataFor(t, "CN")
	patterns := numberPatterns(cn)
	areas := cnAreaCodes()
	checked := 0
	for name, pattern := range patterns {
		automata := map[int]*digitAutomaton{} // by national length
		for _, area := range areas {
			for local := fixedLineMinLocal; local <= fixedLineMaxLocal; local++ {
				length := len(area) + local
				keyLen := fixedLineKeyLen([]byte(area + strings.Repeat("0", local)))
				if keyLen == 0 {
					t.Fatalf("fixedLineKeyLen refuses area code %s with %d local digits", area, local)
				}
				a := automata[length]
				if a == nil {
					a = newDigitAutomaton(t, pattern, length, false)
					automata[length] = a
				}
				if split, ok := a.splitPrefix(area, keyLen); ok {
					t.Errorf("CN %s pattern splits %d-digit numbers starting %s… below the %d-digit key",
						name, length, split, keyLen)
				}
				checked++
			}
		}
	}
	if want := len(patterns) * len(areas) * fixedLineLengths; checked != want || len(areas) != shortAreaCodes+longAreaCodes {
		t.Errorf("checked %d (pattern, area code, length) triples over %d area codes, want %d", checked, len(areas), want)
	}
}

func TestNANPKeyDecidesNumberType(t *testing.T) {
	regions := phonenumbers.GetRegionCodesForCountryCode(1)
	if len(regions) < 20 {
		t.Fatalf("+1 has only regions %v", regions)
	}
	split := map[int]bool{}
	for _, region := range regions {
		m := metadataFor(t, region)
		patterns := numberPatterns(m)
		for name, pattern := range patterns {
			a := newDigitAutomaton(t, pattern, nanpLen, false)
			if name == "leading digits" {
				a = newDigitAutomaton(t, pattern, nanpLen, true)
			}
			for npa := '2'; npa <= '9'; npa++ {
				for _, p := range a.splitPrefixes(string(npa), nanpKeyLen) {
					var key int
					fmt.Sscan(p, &key)
					split[key] = true
				}
			}
		}
	}
	var got []int
	for key := range split {
		got = append(got, key)
	}
	slices.Sort(got)
	if !slices.Equal(got, nanpSplitExchanges[:]) {
		t.Errorf("+1 exchanges split below NPA-NXX by the metadata: %v; nanpSplitExchanges lists %v", got, nanpSplitExchanges)
	}
}

// TestDigitAutomaton checks the prover on patterns whose answer is known.
func TestDigitAutomaton(t *testing.T) {
	tests := []struct {
		pattern     string
		length      int
		prefixMatch bool
		start       string
		keyLen      int
		split       []string
	}{
		{`1[38]\d{9}`, 11, false, "1", 2, nil},
		{`1[38]\d{9}`, 11, false, "1", 1, []string{"1"}},
		{`1740[0-5]\d{6}|1(?:[38]\d|4[57])\d{8}`, 11, false, "1", 4, []string{"1740"}},
		{`1740[0-5]\d{6}|1(?:[38]\d|4[57])\d{8}`, 11, false, "1", 5, nil},
		{`8766060\d{3}|876(?:6(?:0[1-3579]))\d{4}`, 10, false, "876", 6, []string{"876606"}},
		{`\d{5}`, 10, false, "2", 1, nil}, // no number of this length matches
		{`876|268`, 10, true, "8", 3, nil},
		{`876|268`, 10, true, "8", 2, []string{"87"}},
		{`(?:10|2\d)\d{8}|[3-9]\d{9,10}`, 11, false, "1", 2, nil},
	}
	for _, tt := range tests {
		a := newDigitAutomaton(t, tt.pattern, tt.length, tt.prefixMatch)
		if got := a.splitPrefixes(tt.start, tt.keyLen); !slices.Equal(got, tt.split) {
			t.Errorf("%s (length %d) from %s to %d digits: split %v, want %v", tt.pattern, tt.length, tt.start, tt.keyLen, got, tt.split)
		}
	}
}

// newDigitAutomaton compiles pattern or fails the test.
func newDigitAutomaton(t *testing.T, pattern string, length int, prefixMatch bool) *digitAutomaton {
	t.Helper()
	a, err := compileDigitAutomaton(pattern, length, prefixMatch)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func metadataFor(t *testing.T, region string) *phonenumbers.PhoneMetadata {
	t.Helper()
	all, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all.GetMetadata() {
		if m.GetId() == region {
			return m
		}
	}
	t.Fatalf("no metadata for %s", region)
	return nil
}

// cnAreaCodes lists every area code the fixed-line path reads, without the
// trunk 0: 10, 20–29 and 300–999.
func cnAreaCodes() []string {
	areas := []string{"10"}
	for a := 20; a <= 29; a++ {
		areas = append(areas, fmt.Sprint(a))
	}
	for a := 300; a <= 999; a++ {
		areas = append(areas, fmt.Sprint(a))
	}
	return areas
}

// splitPrefixes lists the keyLen-digit prefixes, extending start, whose
// numbers of the full length the pattern does not treat all alike.
func (a *digitAutomaton) splitPrefixes(start string, keyLen int) []string {
	s := a.start()
	for i, d := range start {
		s = a.step(s, i, d)
	}
	var split []string
	var walk func(s states, prefix string)
	walk = func(s states, prefix string) {
		if a.spread(s, len(prefix)) != spreadMixed {
			return // every extension is decided too
		}
		if len(prefix) >= keyLen {
			split = append(split, prefix)
			return
		}
		for d := '0'; d <= '9'; d++ {
			walk(a.step(s, len(prefix), d), prefix+string(d))
		}
	}
	walk(s, start)
	return split
}

// splitPrefix returns one prefix splitPrefixes would list, if any.
func (a *digitAutomaton) splitPrefix(start string, keyLen int) (string, bool) {
	if split := a.splitPrefixes(start, keyLen); len(split) > 0 {
		return split[0], true
	}
	return "", false
}
