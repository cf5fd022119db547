package normalize

import (
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Numbers written with a country code other than +86 and +1 (+852 2947 4550,
// +44 20 3444 0093, 0065 8646 6423 read in CN) are common in Chinese CRM
// exports: Hong Kong, Singapore, British and Australian customers. How many
// leading digits decide such a number's validity differs by country and by
// number range (all of Hong Kong's 8-digit 2xxx numbers are fixed lines;
// British ranges split much deeper), so instead of a fixed key, the fast path
// walks the number's digits and asks the metadata's own patterns, run as
// digit automata, at which prefix every number of this length is treated
// alike. That prefix's verdict is learned from the library once, with the
// number that reached it, and reused for every number under it.
//
// What the library does with "+cc national", and so what the automata must
// cover: it takes the country code (the first 1–3 digits that are one), may
// strip a national prefix (the main region's national-prefix-for-parsing, a
// prefix match), picks the region (each region's leading digits, else its
// number types) and validates against the region's patterns, all of them
// full matches of the national number, whose length is part of the key. A
// prefix counts as deciding only when every one of these patterns matches
// all or none of its completions and the national prefix matches none of
// them; anything else goes deeper, down to the whole number.
// TestInternationalFastPathMatchesLibrary compares the result with the
// library on generated numbers of many countries.

// intlKey is a prefix of the digits after the + (country code included) and
// how many digits the whole number has.
type intlKey struct {
	prefix        uint64
	depth, length uint8
}

// intlNode is what is known about the numbers under a prefix.
type intlNode uint8

const (
	intlDeeper intlNode = iota + 1 // the patterns split them: look at the next digit
	intlValid                      // valid, and the library writes them as + and the digits
	intlOther                      // invalid, or read some other way: ask the library
)

// maxIntlNodes bounds the table: a file of random digits cannot grow it
// past a few MB; numbers under prefixes not yet known then go to the
// library, as they would without the fast path.
const maxIntlNodes = 1 << 17

// maxNSNLength is the longest national number the library parses.
const maxNSNLength = 17

// intlCountry holds the automata that decide numbers of one country code
// and length.
type intlCountry struct {
	decide []*digitAutomaton // must each match all or none of a prefix's numbers
	strip  *digitAutomaton   // the national prefix: must match none; nil if the country has none
}

type countryLength struct{ cc, length int }

var intl = struct {
	mu        sync.RWMutex
	nodes     map[intlKey]intlNode
	countries map[countryLength]*intlCountry // nil: not for the fast path
}{nodes: map[intlKey]intlNode{}, countries: map[countryLength]*intlCountry{}}

// fastInternational returns the E.164 form of w when it is written with a
// country code other than 1 and 86 and lies in a range the library finds
// valid. ok=false means "ask the library", not "invalid".
func fastInternational(w *writtenNumber) (string, bool) {
	if !w.plus {
		return "", false
	}
	d := w.digits[:w.n]
	cc, ccLen := countryCode(d)
	if ccLen == 0 || cc == 1 || cc == 86 {
		return "", false
	}
	if national := len(d) - ccLen; national < 2 || national > maxNSNLength {
		return "", false
	}
	key := intlKey{length: uint8(len(d))}
	for _, c := range d[:ccLen] {
		key.prefix = key.prefix*10 + uint64(c-'0')
	}
	for depth := ccLen; depth <= len(d); depth++ {
		if depth > ccLen {
			key.prefix = key.prefix*10 + uint64(d[depth-1]-'0')
		}
		key.depth = uint8(depth)
		intl.mu.RLock()
		node := intl.nodes[key]
		intl.mu.RUnlock()
		if node == 0 {
			node = learnIntl(key, d, cc, ccLen)
		}
		switch node {
		case intlDeeper:
			continue
		case intlValid:
			if isE164Of(w.text, "", d) {
				return w.text, true
			}
			return "+" + string(d), true
		}
		return "", false
	}
	return "", false
}

// countryCode reads the country code at the start of d as the library
// does: the first one to three digits that are a known code. Codes of no
// country (+800, +882…) are left to the library.
func countryCode(d []byte) (cc, n int) {
	if len(d) == 0 || d[0] == '0' {
		return 0, 0
	}
	for i := 1; i <= 3 && i <= len(d); i++ {
		cc = cc*10 + int(d[i-1]-'0')
		if regions := phonenumbers.GetRegionCodesForCountryCode(cc); len(regions) > 0 {
			if regions[0] == "001" {
				return 0, 0
			}
			return cc, i
		}
	}
	return 0, 0
}

// learnIntl works out the node at key for the number d (country code cc of
// ccLen digits), asking the library when the prefix decides, and records it.
// It returns 0 (ask the library) when the table is full or the country
// cannot be read by the automata.
func learnIntl(key intlKey, d []byte, cc, ccLen int) intlNode {
	intl.mu.Lock()
	defer intl.mu.Unlock()
	if node, ok := intl.nodes[key]; ok {
		return node
	}
	if len(intl.nodes) >= maxIntlNodes {
		return 0
	}
	c := intlCountryOf(cc, len(d)-ccLen)
	if c == nil {
		return 0
	}
	node := intlDeeper
	if c.decides(d[ccLen:key.depth]) {
		node = intlOther
		if validE164(string(d[:ccLen]), string(d[ccLen:])) {
			node = intlValid
		}
	}
	intl.nodes[key] = node
	return node
}

// decides reports whether every national number starting with prefix is
// treated alike by every pattern, and none has a national prefix to strip.
func (c *intlCountry) decides(prefix []byte) bool {
	if c.strip != nil && c.strip.spreadAfter(prefix) != spreadNone {
		return false
	}
	for _, a := range c.decide {
		if a.spreadAfter(prefix) == spreadMixed {
			return false
		}
	}
	return true
}

// spreadAfter is the spread of the numbers starting with prefix.
func (a *digitAutomaton) spreadAfter(prefix []byte) spread {
	s := a.start()
	for i, c := range prefix {
		s = a.step(s, i, rune(c))
	}
	return a.spread(s, len(prefix))
}

// intlCountryOf builds (once) the automata for national numbers of length
// digits after country code cc; nil when a region's metadata is missing or a
// pattern does not compile. Called with intl.mu held.
func intlCountryOf(cc, length int) *intlCountry {
	k := countryLength{cc, length}
	if c, ok := intl.countries[k]; ok {
		return c
	}
	c := buildIntlCountry(cc, length)
	intl.countries[k] = c
	return c
}

func buildIntlCountry(cc, length int) *intlCountry {
	c := &intlCountry{}
	for i, region := range phonenumbers.GetRegionCodesForCountryCode(cc) {
		m := regionMetadata(region)
		if m == nil || int(m.GetCountryCode()) != cc {
			return nil
		}
		for name, pattern := range numberPatterns(m) {
			a, err := compileDigitAutomaton(pattern, length, name == "leading digits")
			if err != nil {
				return nil
			}
			c.decide = append(c.decide, a)
		}
		if p := m.GetNationalPrefixForParsing(); i == 0 && p != "" {
			a, err := compileDigitAutomaton(p, length, true)
			if err != nil {
				return nil
			}
			c.strip = a
		}
	}
	return c
}

// numberPatterns are the patterns IsValidNumber and GetNumberType match a
// national number against, by name; "NA" stands for "no such numbers".
// "leading digits", when the region has them, pick the region among those
// sharing its country code, by a match of the number's start.
func numberPatterns(m *phonenumbers.PhoneMetadata) map[string]string {
	descs := map[string]*phonenumbers.PhoneNumberDesc{
		"general": m.GetGeneralDesc(), "fixed line": m.GetFixedLine(), "mobile": m.GetMobile(),
		"toll free": m.GetTollFree(), "premium rate": m.GetPremiumRate(), "shared cost": m.GetSharedCost(),
		"personal": m.GetPersonalNumber(), "voip": m.GetVoip(), "pager": m.GetPager(), "uan": m.GetUan(),
		"voicemail": m.GetVoicemail(),
	}
	patterns := map[string]string{}
	for name, d := range descs {
		if p := d.GetNationalNumberPattern(); p != "" && p != "NA" {
			patterns[name] = p
		}
	}
	if ld := m.GetLeadingDigits(); ld != "" {
		patterns["leading digits"] = ld
	}
	return patterns
}
