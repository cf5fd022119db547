package normalize

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestMobileFastPathMatchesLibrary proves the hand-written mobile path gives
// exactly what libphonenumber gives, for numbers in every 1xxxx range (the
// granularity the fast path memoizes), in every shape it accepts. The range
// table starts empty, so each range is learned from one random number and
// then applied to the others: if the library ever decides validity on more
// than five digits, this test fails.
func TestMobileFastPathMatchesLibrary(t *testing.T) {
	resetMobileRanges()
	rng := rand.New(rand.NewPCG(1, 2))
	shapes := []func(n string) string{
		func(n string) string { return n },
		func(n string) string { return "+86" + n },
		func(n string) string { return "+86 " + n[:3] + " " + n[3:7] + " " + n[7:] },
		func(n string) string { return "0086" + n },
		func(n string) string { return "86-" + n },
		func(n string) string { return n[:3] + "-" + n[3:7] + "-" + n[7:] },
		func(n string) string { return " " + n[:3] + " " + n[3:] + " " },
	}
	fast, valid := 0, 0
	for prefix := 10000; prefix <= 19999; prefix++ {
		suffixes := []int{0, 999999, rng.IntN(1000000), rng.IntN(1000000), rng.IntN(1000000)}
		rng.Shuffle(len(suffixes), func(i, j int) { suffixes[i], suffixes[j] = suffixes[j], suffixes[i] })
		for _, suffix := range suffixes {
			national := fmt.Sprintf("%d%06d", prefix, suffix)
			shape := shapes[rng.IntN(len(shapes))](national)
			for _, region := range []string{"CN", "US"} {
				want, wantOK, gotOK := agreesWithLibrary(t, "fastMobile", fastMobile, shape, region)
				if gotOK {
					fast++
				}
				if wantOK && want == "+86"+national {
					valid++
					if !gotOK {
						t.Errorf("fastMobile(%q, %s) fell back to the library for valid %q", shape, region, want)
					}
				}
			}
		}
	}
	if fast == 0 || fast != valid {
		t.Errorf("fast path used %d times for %d valid mobiles", fast, valid)
	}
}

// TestMobileFastPathRejectsOtherShapes keeps the fast path to shapes whose
// library reading is known: anything else must fall through.
func TestMobileFastPathRejectsOtherShapes(t *testing.T) {
	Phone("13812345678", "CN")
	for _, s := range []string{
		"", "+", "138", "1381234567", "138123456789",
		"+13812345678", "+86-", "-13812345678", "138--12345678", "13812345678-",
		"138_1234_5678", "(+86)13812345678", "+ 8613812345678", "８6１３８１２３４５６７８",
		"17951 13812345678", "13812345678x1", "0086 138 1234 5678x",
	} {
		if got, ok := fastMobile(s, "CN"); ok {
			t.Errorf("fastMobile(%q) = %q, true; want a fall-back to the library", s, got)
		}
	}
}

func resetMobileRanges() {
	for i := range mobileRanges {
		mobileRanges[i].Store(rangeUnknown)
	}
}
