package normalize

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// nanpShapes write one +1 number (area code, exchange, line) the ways it is
// found in exports.
var nanpShapes = []func(npa, nxx, line string) string{
	func(a, x, l string) string { return "+1" + a + x + l },
	func(a, x, l string) string { return "+1 " + a + " " + x + " " + l },
	func(a, x, l string) string { return "+1 (" + a + ") " + x + "-" + l },
	func(a, x, l string) string { return "+1(" + a + ")" + x + "-" + l },
	func(a, x, l string) string { return "+1-" + a + "-" + x + "-" + l },
	func(a, x, l string) string { return "+1." + a + "." + x + "." + l },
	func(a, x, l string) string { return " +1 " + a + x + l + " " },
}

// TestNANPFastPathMatchesLibrary proves the +1 path gives exactly what
// libphonenumber gives, over every area code 200–999 with sampled exchanges
// (the split ones included) and two numbers per exchange, in random shapes
// and regions, starting from an empty verdict table.
func TestNANPFastPathMatchesLibrary(t *testing.T) {
	resetRanges(nanpVerdicts[:])
	rng := rand.New(rand.NewPCG(7, 8))
	cases, fast, valid := 0, 0, 0
	for npa := 200; npa <= 999; npa++ {
		exchanges := []int{0, 555, 999, rng.IntN(1000), rng.IntN(1000), rng.IntN(1000), rng.IntN(1000), rng.IntN(1000), rng.IntN(1000)}
		for _, split := range nanpSplitExchanges {
			if split/1000 == npa {
				exchanges = append(exchanges, split%1000)
			}
		}
		for _, nxx := range exchanges {
			for range 2 {
				a, x, l := fmt.Sprint(npa), fmt.Sprintf("%03d", nxx), fmt.Sprintf("%04d", rng.IntN(10000))
				shape := nanpShapes[rng.IntN(len(nanpShapes))](a, x, l)
				region := []string{"CN", "US", "GB"}[rng.IntN(3)]
				cases++
				want, wantOK, gotOK := agreesWithLibrary(t, "fastPhone", fastPhone, shape, region)
				if gotOK {
					fast++
				}
				split := slices.Contains(nanpSplitExchanges[:], npa*1000+nxx)
				if split && gotOK {
					t.Errorf("fastPhone(%q) answered for a split exchange", shape)
				}
				if wantOK && want == "+1"+a+x+l && !split {
					valid++
					if !gotOK {
						t.Errorf("fastPhone(%q, %s) fell back to the library for valid %q", shape, region, want)
					}
				}
			}
		}
	}
	if cases < 14000 || fast == 0 || fast != valid || valid < cases/4 {
		t.Errorf("%d cases: fast path used %d times for %d valid +1 numbers", cases, fast, valid)
	}
}

func TestNANPFastPathRejectsOtherShapes(t *testing.T) {
	Phone("+1 305 561 3263", "US") // learn the range first
	for _, s := range []string{
		"+1 305 561 3263 x12",
		"+1 305 561 3263 ext 12",
		"+1 305 561 32631",
		"+1 305 561 326",
		"+1 105 561 3263", // area codes start 2–9
		"+1 1 305 561 3263",
		"1 305 561 3263", // no +: read in the default region
		"305 561 3263",
		"+ 1 305 561 3263",
		"+44 20 7946 0958",
		"+1 (246) 521-0123", // split exchanges go to the library
		"+1 876 606 0123",
	} {
		w, ok := readWrittenNumber(s)
		if !ok {
			continue
		}
		if got, ok := fastNANP(&w); ok {
			t.Errorf("fastNANP(%q) = %q, true; want a fall-back to the library", s, got)
		}
	}
}

func TestNANPE164(t *testing.T) {
	tests := []struct{ in, region, want string }{
		{"+1 305 561 3263", "CN", "+13055613263"},
		{"+1 (786) 836-9331", "CN", "+17868369331"},
		{"+1-415-555-2671", "US", "+14155552671"},
		{"+13055613263", "GB", "+13055613263"},
	}
	for _, tt := range tests {
		if got, ok := Phone(tt.in, tt.region); got != tt.want || !ok {
			t.Errorf("Phone(%q, %s) = %q, %v; want %q, true", tt.in, tt.region, got, ok, tt.want)
		}
		w, _ := readWrittenNumber(tt.in)
		if got, ok := fastNANP(&w); got != tt.want || !ok {
			t.Errorf("fastNANP(%q) = %q, %v; want %q from the fast path", tt.in, got, ok, tt.want)
		}
	}
}
