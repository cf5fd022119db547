package normalize

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// fixedLineShapes write one CN fixed-line number (area code without the
// trunk 0, local number) the ways it is found in exports.
var fixedLineShapes = []func(area, local string) string{
	func(a, l string) string { return "0" + a + "-" + l },
	func(a, l string) string { return "(0" + a + ")" + l[:4] + " " + l[4:] },
	func(a, l string) string { return "(0" + a + ") " + l[:3] + "-" + l[3:] },
	func(a, l string) string { return "0" + a + "." + l[:3] + "." + l[3:] },
	func(a, l string) string { return " 0" + a + " - " + l + " " },
	func(a, l string) string { return a + l },
	func(a, l string) string { return "+86" + a + l },
	func(a, l string) string { return "+86 " + a + " " + l[:4] + " " + l[4:] },
	func(a, l string) string { return "+86 (0)" + a + " " + l },
	func(a, l string) string { return "(+86) " + a + " " + l[:4] + " " + l[4:] },
	func(a, l string) string { return "(+86)0" + a + "-" + l },
	func(a, l string) string { return "+86-0" + a + "-" + l },
	func(a, l string) string { return "0086 " + a + " " + l },
	func(a, l string) string { return "0086-0" + a + "-" + l },
	func(a, l string) string { return "86-" + a + "-" + l },
	func(a, l string) string { return "860" + a + l },
}

// TestFixedLineFastPathMatchesLibrary proves the fixed-line path gives
// exactly what libphonenumber gives, over every area code: after 10 and
// 2x every three-digit start of the local number, after the others every
// first digit, 7 and 8 digit locals, two numbers for each in random shapes
// and regions. The verdict table starts empty, so each
// key is learned from one number and then applied to the others: a key
// that did not decide validity would show here as a difference.
func TestFixedLineFastPathMatchesLibrary(t *testing.T) {
	resetRanges(fixedLineVerdicts[:])
	rng := rand.New(rand.NewPCG(5, 6))
	cases, fast, valid := 0, 0, 0
	for _, area := range cnAreaCodes() {
		// Sampled independently of the key, so a key made coarser fails.
		sampled := 1
		if len(area) == 2 {
			sampled = 3
		}
		for local := fixedLineMinLocal; local <= fixedLineMaxLocal; local++ {
			for start := range pow10(sampled) {
				for range 2 {
					l := fmt.Sprintf("%0*d%0*d", sampled, start, local-sampled, rng.IntN(pow10(local-sampled)))
					shape := fixedLineShapes[rng.IntN(len(fixedLineShapes))](area, l)
					region := []string{"CN", "US"}[rng.IntN(2)]
					cases++
					want, wantOK, gotOK := agreesWithLibrary(t, "fastPhone", fastPhone, shape, region)
					if gotOK {
						fast++
					}
					if wantOK && want == "+86"+area+l {
						valid++
						if !gotOK {
							t.Errorf("fastPhone(%q, %s) fell back to the library for valid %q", shape, region, want)
						}
					}
				}
			}
		}
	}
	if cases < 70000 || fast == 0 || fast != valid || valid < cases/6 {
		t.Errorf("%d cases: fast path used %d times for %d valid fixed lines", cases, fast, valid)
	}
}

// TestFixedLineFastPathRejectsOtherShapes keeps extensions, other regions'
// readings and unusual shapes on the library path.
func TestFixedLineFastPathRejectsOtherShapes(t *testing.T) {
	Phone("010-12345678", "CN") // learn the range first
	tests := []struct{ in, region string }{
		{"010-12345678-8001", "CN"},
		{"010-12345678转8001", "CN"},
		{"010-12345678 ext 8001", "CN"},
		{"010-12345678x8001", "CN"},
		{"010-12345678#", "CN"},
		{"010-12345678-", "CN"},
		{"-010-12345678", "CN"},
		{".010-12345678", "CN"},
		{"+ 86 10 1234 5678", "CN"},
		{"+86 +10 1234 5678", "CN"},
		{"010\t12345678", "CN"},
		{"０１０-１２３４５６７８", "CN"},
		{"010" + strings.Repeat("-", 60) + "12345678", "CN"},
		{"010-12345678", "US"},      // a US reading, not a CN one
		{"0086 10 1234 5678", "GB"}, // 00 is not the only international prefix
		{"86 10 1234 5678", "US"},
		{"+87 10 1234 5678", "CN"},
		{"00 10 1234 5678", "CN"},
		{"0010 1234 5678", "CN"},
		{"11 1234 5678", "CN"},         // no area code starts 11
		{"12012 010 1234 5678", "CN"},  // carrier prefix
		{"010-123456", "CN"},           // 6-digit local
		{"010-123456789", "CN"},        // 9-digit local
		{"0755-88888", "CN"},           // short number
		{"13812345678", "CN"},          // a mobile, not a fixed line
		{"+86 0 0 10 1234 5678", "CN"}, // two trunk prefixes
		{"+86 138 1234 5678 0", "CN"},  // 12 digits
		{"+1 010 1234 5678", "CN"},     // not +86
		{"12345678123456789", "CN"},    // more digits than any shape read
		{"010-1234567８", "CN"},         // full-width digit
		{"(010)12345678 张总", "CN"},
	}
	for _, tt := range tests {
		w, ok := readWrittenNumber(tt.in)
		if !ok {
			continue
		}
		if got, ok := fastFixedLine(&w, tt.region); ok {
			t.Errorf("fastFixedLine(%q, %s) = %q, true; want a fall-back to the library", tt.in, tt.region, got)
		}
	}
}

func TestFixedLineRangesAreDistinct(t *testing.T) {
	seen := make([]string, fixedLineRanges)
	for _, area := range cnAreaCodes() {
		for local := fixedLineMinLocal; local <= fixedLineMaxLocal; local++ {
			keyDigits := fixedLineKeyLen([]byte(area+"0000000")) - len(area)
			for key := range pow10(keyDigits) {
				national := fmt.Sprintf("%s%0*d%0*d", area, keyDigits, key, local-keyDigits, 0)
				i, ok := fixedLineRange([]byte(national))
				switch {
				case !ok || i < 0 || i >= fixedLineRanges:
					t.Fatalf("fixedLineRange(%s) = %d, %v; want an index below %d", national, i, ok, fixedLineRanges)
				case seen[i] != "":
					t.Fatalf("fixedLineRange(%s) = %d, as for %s", national, i, seen[i])
				}
				seen[i] = national
			}
		}
	}
	for i, national := range seen {
		if national == "" {
			t.Errorf("range %d is never used", i)
		}
	}
}

func TestFixedLineE164(t *testing.T) {
	tests := []struct{ in, want string }{
		{"010-12345678", "+861012345678"},
		{"(0755)8888 8888", "+8675588888888"},
		{"0571-88886666", "+8657188886666"},
		{"+86 21 6234 5678", "+862162345678"},
		{"86-10-12345678", "+861012345678"},
		{"0086 (0)755 8888 8888", "+8675588888888"},
		{"400-800-8888", "+864008008888"},
		{"+861012345678", "+861012345678"},
	}
	for _, tt := range tests {
		if got, ok := Phone(tt.in, "CN"); got != tt.want || !ok {
			t.Errorf("Phone(%q) = %q, %v; want %q, true", tt.in, got, ok, tt.want)
		}
		w, _ := readWrittenNumber(tt.in)
		if got, ok := fastFixedLine(&w, "CN"); got != tt.want || !ok {
			t.Errorf("fastFixedLine(%q) = %q, %v; want %q from the fast path", tt.in, got, ok, tt.want)
		}
	}
}

func TestFixedLineAllocations(t *testing.T) {
	tests := []phoneAllocCase{
		{"+861012345678", 0},
		{"+13055613263", 0},
		{"010-12345678", 1},
		{"(0755)8888 8888", 1},
		{"+1 (786) 836-9331", 1},
	}
	checkPhoneAllocations(t, tests)
}

// TestFixedLineAndNANPConcurrently has parallel workers learn the same
// ranges at once. Run with -race.
func TestFixedLineAndNANPConcurrently(t *testing.T) {
	var inputs []string
	for i := range 300 {
		inputs = append(inputs,
			fmt.Sprintf("0%d-%08d", 300+i*7%700, 20000000+i*7919),
			fmt.Sprintf("+86 %d %08d", 20+i%10, 30000000+i*104729),
			fmt.Sprintf("+1 (%d) %03d-%04d", 201+i*3%799, 200+i*13%800, i))
	}
	want := make([]string, len(inputs))
	for i, s := range inputs {
		want[i], _ = slowPhoneNumber(Structured(s), "CN")
		if want[i] == "" {
			want[i] = Text(s)
		}
	}
	resetRanges(fixedLineVerdicts[:])
	resetRanges(nanpVerdicts[:])
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range inputs {
				j := (i + w*97) % len(inputs)
				if got, _ := Phone(inputs[j], "CN"); got != want[j] {
					t.Errorf("Phone(%q) = %q, want %q", inputs[j], got, want[j])
				}
			}
		})
	}
	wg.Wait()
}

func resetRanges(t rangeTable) {
	for i := range t {
		t[i].Store(0)
	}
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// phoneAllocCase is an input of Phone (read in CN) and how many times it may
// allocate once its range is learned.
type phoneAllocCase struct {
	in        string
	maxAllocs float64
}

// checkPhoneAllocations calls Phone once on each input to learn its range,
// then counts the allocations of the next calls.
func checkPhoneAllocations(t *testing.T, tests []phoneAllocCase) {
	t.Helper()
	for _, tt := range tests {
		Phone(tt.in, "CN") // learn the range first
		if n := testing.AllocsPerRun(100, func() { Phone(tt.in, "CN") }); n > tt.maxAllocs {
			t.Errorf("Phone(%q) allocated %v times, want <= %v", tt.in, n, tt.maxAllocs)
		}
	}
}
