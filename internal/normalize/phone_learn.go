package normalize

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// The fast paths learn each range's verdict from the library with one number
// of it. In a file of a million customers that is still a hundred thousand
// library calls (+1 exchanges are many), and half of each call's time is
// Parse. For "+cc national" Parse's result is known beforehand in the usual
// case: the country code is cc, and the national number stays as written
// unless it starts with 0 (kept as a leading zero) or with the country's
// national prefix (which Parse may strip). Outside those cases the number is
// built directly and only IsValidNumber is asked; TestValidE164MatchesParse
// compares the two ways.

// validE164 reports whether the library reads "+" + cc + national as a
// valid number and writes it back the same (cc is the country code's
// digits, national the rest).
func validE164(cc, national string) bool {
	if n, ok := directNumber(cc, national); ok {
		return phonenumbers.IsValidNumber(n)
	}
	e164 := "+" + cc + national
	got, ext, ok := libraryParse(e164, DefaultRegion)
	return ok && ext == "" && got == e164
}

// directNumber is what Parse makes of "+" + cc + national when that is
// certain; ok=false when Parse has to be asked.
func directNumber(cc, national string) (*phonenumbers.PhoneNumber, bool) {
	if len(national) < 2 || len(national) > maxNSNLength || national[0] == '0' || !allDigits(national) {
		return nil, false
	}
	code, n := countryCode([]byte(cc))
	if n != len(cc) {
		return nil, false
	}
	prefix, ok := nationalPrefixOf(code)
	if !ok || prefix != nil && prefix.MatchString(national) {
		return nil, false
	}
	nn, err := strconv.ParseUint(national, 10, 64)
	if err != nil {
		return nil, false
	}
	c := int32(code)
	return &phonenumbers.PhoneNumber{CountryCode: &c, NationalNumber: &nn}, true
}

// nationalPrefix is the pattern of the national prefix Parse may strip
// from a country's numbers, anchored at the start as the library anchors
// it; nil when the country has none. ok=false: the metadata cannot say.
type nationalPrefix struct {
	re *regexp.Regexp
	ok bool
}

var nationalPrefixes = struct {
	mu sync.Mutex
	of map[int]nationalPrefix
}{of: map[int]nationalPrefix{}}

// nationalPrefixOf returns (compiling it once) the national prefix pattern
// of country code cc.
func nationalPrefixOf(cc int) (*regexp.Regexp, bool) {
	nationalPrefixes.mu.Lock()
	defer nationalPrefixes.mu.Unlock()
	if p, ok := nationalPrefixes.of[cc]; ok {
		return p.re, p.ok
	}
	var p nationalPrefix
	if m := regionMetadata(phonenumbers.GetRegionCodeForCountryCode(cc)); m != nil {
		p.ok = true
		if pattern := m.GetNationalPrefixForParsing(); pattern != "" {
			re, err := regexp.Compile("^(?:" + pattern + ")")
			p.re, p.ok = re, err == nil
		}
	}
	nationalPrefixes.of[cc] = p
	return p.re, p.ok
}

var metadataOnce = sync.OnceValue(func() map[string]*phonenumbers.PhoneMetadata {
	all, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil
	}
	m := map[string]*phonenumbers.PhoneMetadata{}
	for _, md := range all.GetMetadata() {
		m[md.GetId()] = md
	}
	return m
})

// regionMetadata is the library's metadata of a region, nil if it has none.
func regionMetadata(region string) *phonenumbers.PhoneMetadata {
	return metadataOnce()[region]
}
