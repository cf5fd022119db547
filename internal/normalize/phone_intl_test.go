package normalize

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// intlShapes write one number (country code, national number) the ways
// numbers with a country code are found in exports.
var intlShapes = []func(cc, n string) string{
	func(cc, n string) string { return "+" + cc + n },
	func(cc, n string) string { return "+" + cc + " " + groupDigits(n, " ") },
	func(cc, n string) string { return "+" + cc + "-" + groupDigits(n, "-") },
	func(cc, n string) string { return "+" + cc + " (" + n[:1] + ") " + groupDigits(n[1:], "-") },
	func(cc, n string) string { return "(+" + cc + ")" + n },
	func(cc, n string) string { return "(+" + cc + ") " + groupDigits(n, " ") },
	func(cc, n string) string { return "00" + cc + " " + groupDigits(n, " ") },
	func(cc, n string) string { return "00" + cc + n },
	func(cc, n string) string { return " +" + cc + "." + groupDigits(n, ".") + " " },
}

// groupDigits writes n in groups of four from the end, as most countries'
// numbers are printed.
func groupDigits(n, sep string) string {
	var groups []string
	for len(n) > 4 {
		groups = append([]string{n[len(n)-4:]}, groups...)
		n = n[:len(n)-4]
	}
	return strings.Join(append([]string{n}, groups...), sep)
}

// intlSamples makes national numbers of every region: each number type's
// example number, then copies with their last digits replaced at random
// (so ranges next to the valid ones, valid or not, are met), one digit
// shorter and longer, and with a leading 0.
func intlSamples(rng *rand.Rand) map[int][]string {
	types := []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER,
		phonenumbers.PAGER, phonenumbers.UAN, phonenumbers.VOICEMAIL}
	out := map[int][]string{}
	regions := make([]string, 0, 256)
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	for _, region := range regions {
		cc := phonenumbers.GetCountryCodeForRegion(region)
		if cc == 1 || cc == 86 {
			continue
		}
		for _, typ := range types {
			ex := phonenumbers.GetExampleNumberForType(region, typ)
			if ex == nil {
				continue
			}
			n := phonenumbers.GetNationalSignificantNumber(ex)
			out[cc] = append(out[cc], n, n[:len(n)-1], n+fmt.Sprint(rng.IntN(10)), "0"+n)
			for range 8 {
				keep := rng.IntN(len(n))
				m := []byte(n)
				for i := keep; i < len(m); i++ {
					m[i] = byte('0' + rng.IntN(10))
				}
				out[cc] = append(out[cc], string(m))
			}
		}
	}
	return out
}

func resetIntl() {
	intl.mu.Lock()
	defer intl.mu.Unlock()
	clear(intl.nodes)
}

// TestInternationalFastPathMatchesLibrary proves the path for other country
// codes gives exactly what libphonenumber gives, for every region's number
// types and the ranges around them, in random shapes, read in CN (where 00
// is the international prefix) and in GB, starting from an empty table.
func TestInternationalFastPathMatchesLibrary(t *testing.T) {
	resetIntl()
	rng := rand.New(rand.NewPCG(9, 10))
	samples := intlSamples(rng)
	ccs := make([]int, 0, len(samples))
	for cc := range samples {
		ccs = append(ccs, cc)
	}
	slices.Sort(ccs)
	cases, fast, valid := 0, 0, 0
	for range 2 { // the second round meets the verdicts learned in the first
		for _, cc := range ccs {
			for _, n := range samples[cc] {
				if len(n) < 2 {
					continue
				}
				shape := intlShapes[rng.IntN(len(intlShapes))](fmt.Sprint(cc), n)
				region := []string{"CN", "GB"}[rng.IntN(2)]
				cases++
				want, wantOK, gotOK := agreesWithLibrary(t, "fastPhone", fastPhone, shape, region)
				if gotOK {
					fast++
				}
				if wantOK && want == fmt.Sprintf("+%d%s", cc, n) {
					valid++
				}
			}
		}
	}
	// Some valid numbers stay with the library (a national prefix that
	// could be stripped, 00 read outside CN), but most take the fast path.
	t.Logf("%d cases: fast path used %d times for %d valid numbers", cases, fast, valid)
	if cases < 20000 || valid < cases/8 || fast < valid*3/4 {
		t.Errorf("%d cases: fast path used %d times for %d valid numbers", cases, fast, valid)
	}
}

func TestInternationalE164(t *testing.T) {
	tests := []struct{ in, want string }{
		{"+852 2947 4550", "+85229474550"},
		{"+44 20 3444 0093", "+442034440093"},
		{"+44 (20) 3184-0870", "+442031840870"},
		{"+61 2 8101 1906", "+61281011906"},
		{"+65 9273 1174", "+6592731174"},
		{"(+65)92731174", "+6592731174"},
		{"00852 2990 8260", "+85229908260"},
		{"0044 20 3011 4154", "+442030114154"},
		{"+85229474550", "+85229474550"},
	}
	for _, tt := range tests {
		if got, ok := Phone(tt.in, "CN"); got != tt.want || !ok {
			t.Errorf("Phone(%q) = %q, %v; want %q, true", tt.in, got, ok, tt.want)
		}
		w, _ := readWrittenNumber(tt.in)
		w.dropInternationalPrefix()
		if got, ok := fastInternational(&w); got != tt.want || !ok {
			t.Errorf("fastInternational(%q) = %q, %v; want %q from the fast path", tt.in, got, ok, tt.want)
		}
	}
}

// TestInternationalFastPathRejectsOtherShapes keeps what the library reads
// otherwise, or what is no number of a country, on the library path.
func TestInternationalFastPathRejectsOtherShapes(t *testing.T) {
	Phone("+44 20 3444 0093", "CN") // learn the ranges first
	tests := []struct{ in, region string }{
		{"+44 20 3444 0093 ext 12", "CN"},
		{"+44 20 3444 0093-12", "CN"},
		{"+44 020 3444 0093", "CN"}, // a national prefix after the country code
		{"0044 20 3444 0093", "US"}, // 00 is not the US international prefix
		{"000 44 20 3444 0093", "CN"},
		{"+800 1234 5678", "CN"},     // a code of no country
		{"+999 1234 5678", "CN"},     // no such code
		{"+44 2", "CN"},              // too short
		{"+86 10 1234 5678 9", "CN"}, // +86 and +1 have their own paths
		{"+1 415 555 0100", "CN"},
		{"(+44)", "CN"},
		{"+(44) 20 3444 0093", "CN"},
	}
	for _, tt := range tests {
		w, ok := readWrittenNumber(tt.in)
		if !ok {
			continue
		}
		if tt.region == "CN" {
			w.dropInternationalPrefix()
		}
		if got, ok := fastInternational(&w); ok {
			t.Errorf("fastInternational(%q, %s) = %q, true; want a fall-back to the library", tt.in, tt.region, got)
		}
	}
}

// TestInternationalTableBound fills the table and checks that it stops
// growing and that numbers then still get the library's answer.
func TestInternationalTableBound(t *testing.T) {
	resetIntl()
	defer resetIntl()
	intl.mu.Lock()
	for i := range maxIntlNodes {
		intl.nodes[intlKey{prefix: uint64(i), depth: 20}] = intlOther
	}
	intl.mu.Unlock()
	for _, in := range []string{"+852 2947 4550", "+44 20 3444 0093"} {
		if got, ok := Phone(in, "CN"); !ok || got == "" {
			t.Errorf("Phone(%q) = %q, %v with a full table", in, got, ok)
		}
		w, _ := readWrittenNumber(in)
		if _, ok := fastInternational(&w); ok {
			t.Errorf("fastInternational(%q) learned a verdict into a full table", in)
		}
	}
	if n := len(intl.nodes); n != maxIntlNodes {
		t.Errorf("table holds %d nodes, bound is %d", n, maxIntlNodes)
	}
}

func TestInternationalConcurrently(t *testing.T) {
	resetIntl()
	in := []string{"+852 2947 4550", "+852 2947 4551", "+44 20 3444 0093", "+61 2 8101 1906", "+65 9273 1174", "+44 7700 900123"}
	want := make([]string, len(in))
	for i, s := range in {
		var ok bool
		if want[i], ok = slowPhoneNumber(Structured(s), "CN"); !ok {
			want[i] = Text(s)
		}
	}
	resetIntl()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				j := (i + g) % len(in)
				if got, _ := Phone(in[j], "CN"); got != want[j] {
					t.Errorf("Phone(%q) = %q, want %q", in[j], got, want[j])
				}
			}
		}()
	}
	wg.Wait()
}

func TestInternationalAllocations(t *testing.T) {
	tests := []phoneAllocCase{
		{"+85229474550", 0},
		{"+852 2947 4550", 1},
		{"0044 20 3444 0093", 1},
	}
	checkPhoneAllocations(t, tests)
}
