package normalize

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestValidE164MatchesParse compares validE164 with the full library call it
// stands for, on numbers of every region (the intl samples), +1 numbers of
// every area code and +86 fixed lines and mobiles, valid or not.
func TestValidE164MatchesParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	type number struct{ cc, national string }
	var numbers []number
	for cc, nationals := range intlSamples(rng) {
		for _, n := range nationals {
			numbers = append(numbers, number{fmt.Sprint(cc), n})
		}
	}
	for npa := 100; npa <= 999; npa++ {
		numbers = append(numbers, number{"1", fmt.Sprintf("%d%07d", npa, rng.IntN(10000000))})
	}
	for _, area := range cnAreaCodes() {
		numbers = append(numbers, number{"86", fmt.Sprintf("%s%08d", area, rng.IntN(100000000))},
			number{"86", fmt.Sprintf("%s%07d", area, rng.IntN(10000000))})
	}
	for p := 10; p <= 19; p++ {
		for range 20 {
			numbers = append(numbers, number{"86", fmt.Sprintf("%d%09d", p, rng.IntN(1000000000))})
		}
	}
	direct, valid := 0, 0
	for _, n := range numbers {
		if len(n.national) < 1 {
			continue
		}
		e164 := "+" + n.cc + n.national
		got, ext, ok := libraryParse(e164, DefaultRegion)
		want := ok && ext == "" && got == e164
		if v := validE164(n.cc, n.national); v != want {
			t.Errorf("validE164(%s, %s) = %v; the library says %v (%q)", n.cc, n.national, v, want, got)
		}
		if _, ok := directNumber(n.cc, n.national); ok {
			direct++
		}
		if want {
			valid++
		}
	}
	if direct < len(numbers)/2 || valid < len(numbers)/5 {
		t.Errorf("%d numbers: %d built directly, %d valid", len(numbers), direct, valid)
	}
}
