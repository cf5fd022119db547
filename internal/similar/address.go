package similar

import (
	"strconv"
	"strings"
)

// AddressLevel grades two addresses.
type AddressLevel int8

const (
	AddressMissing   AddressLevel = iota // either side empty: no evidence
	AddressDifferent                     // different house numbers, or different streets
	// AddressPartial is a near miss: the same house number and street name
	// with another street type or direction, or the same street with one
	// digit of the house number another.
	AddressPartial
	// AddressSimilar is the same numbers with similar street words: a typo,
	// an abbreviation, or a unit/suite/floor part or district one side lacks.
	AddressSimilar
	// AddressSame is equal keys, or an English address that only lacks the
	// other's street type or writes its units in another order.
	AddressSame
)

var addressLevelNames = [...]string{"missing", "different", "partial", "similar", "same"}

func (l AddressLevel) String() string {
	if l >= 0 && int(l) < len(addressLevelNames) {
		return addressLevelNames[l]
	}
	return "AddressLevel(" + strconv.Itoa(int(l)) + ")"
}

// Address compares two addresses via their keys (see AddressKey and
// CompareAddressKeys).
func Address(a, b string) AddressLevel {
	return CompareAddressKeys(AddressKey(a), AddressKey(b))
}

// CompareAddressKeys is Address on keys made by AddressKey. The dedupe
// engine computes each record's key once and compares keys per pair; this
// does not allocate.
//
// House numbers must agree: both present and equal, a range matching at
// either end (1106-1108 vs 1108), or both absent. Unit, suite, floor and
// room numbers (Chinese: the 栋 楼 层 室 座 tail) may be missing on one side,
// but those present on both must agree. English streets agree when their
// street types and directions do not conflict (st vs ave, n vs s; absent on
// one side is fine) and their other words are close (token Monge-Elkan with
// Jaro-Winkler ≥ 0.9). Chinese streets (…路/街/道/大道 before the 号
// number) must be equal, one a suffix of the other, or at most one
// character apart in four; a district (区/县) or town (镇/乡/街道) one side
// lacks is fine, two different ones are not. A Chinese address against a
// Latin one is AddressMissing unless their house numbers conflict.
func CompareAddressKeys(ka, kb string) AddressLevel {
	return CompareParsedAddressKeys(ka, "", kb, "")
}

// compareParts is CompareAddressKeys on two different keys taken apart.
func compareParts(pa, pb *addressParts) AddressLevel {
	if pa.chinese != pb.chinese {
		// 友谊路116号 vs 116 Youyi Road: without transliteration only a
		// house number conflict is evidence.
		if pa.number.agrees(pb.number) {
			return AddressMissing
		}
		return AddressDifferent
	}
	if pa.agrees(pb) {
		if englishSame(pa, pb) {
			return AddressSame
		}
		return AddressSimilar
	}
	if englishNear(pa, pb) {
		return AddressPartial
	}
	return AddressDifferent
}

// HouseNumber returns the first house number of an address key ("1106-1108
// w 63rd st" → "1106", "宝安区友谊路116号" → "116"), "" if none. Unit and
// suite numbers and ordinals (63rd) are not house numbers; in a Chinese key
// the number before 号 is preferred over digits in the street (1234弄5号 →
// "5"). The result is a substring of key. Used for blocking.
func HouseNumber(key string) string {
	first, _ := HouseNumberRange(key)
	return first
}

// HouseNumberRange is HouseNumber returning both ends of a range
// ("1106-1108 w 63rd st" → "1106", "1108"); first == last for a plain number.
// Blocking on both ends lets 1108 W 63rd St meet 1106-1108 W 63rd St.
func HouseNumberRange(key string) (first, last string) {
	var p addressParts
	p.parse(key)
	return p.number.lo, p.number.hi
}

// Bounds on what a key is taken apart into; an address has a handful.
const (
	maxStreetTokens = 16
	maxUnits        = 8
	maxAdminParts   = 4
)

// addressParts is a key taken apart. All strings are substrings of the key.
type addressParts struct {
	chinese bool
	number  houseNumber

	street  [maxStreetTokens]string // English street words, or one Chinese street
	nstreet int

	units  [maxUnits]string // unit/suite/floor/room identifiers
	nunits int

	districts  [maxAdminParts]string // Chinese 区/县/市/旗
	ndistricts int
	towns      [maxAdminParts]string // Chinese 镇/乡/街道
	ntowns     int
}

func (p *addressParts) addStreet(s string) {
	if p.nstreet < maxStreetTokens {
		p.street[p.nstreet] = s
		p.nstreet++
	}
}

func (p *addressParts) addUnit(s string) {
	if p.nunits < maxUnits {
		p.units[p.nunits] = s
		p.nunits++
	}
}

func (p *addressParts) parse(key string) {
	for _, r := range key {
		if isHan(r) {
			p.chinese = true
			p.parseChinese(key)
			return
		}
	}
	p.parseEnglish(key)
}

func (p *addressParts) agrees(q *addressParts) bool {
	if !p.number.agrees(q.number) || !unitsAgree(p.units[:p.nunits], q.units[:q.nunits]) {
		return false
	}
	if p.chinese {
		return chineseStreetsAgree(p, q)
	}
	return englishStreetsAgree(p.street[:p.nstreet], q.street[:q.nstreet])
}

// unitsAgree: the shorter list of unit identifiers must appear in order in
// the longer (3栋201室 vs 3栋2楼201室); an empty list agrees with anything.
func unitsAgree(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for _, u := range b {
		if i < len(a) && trimZeros(a[i]) == trimZeros(u) {
			i++
		}
	}
	return i == len(a)
}

// houseNumber is a house number or range: 116, 1106-1108, 12a.
type houseNumber struct {
	lo, hi string // digits without leading zeros; hi == lo for one number
	suffix string // a letter after the number: 12a
}

func (n houseNumber) present() bool { return n.lo != "" }

func (n houseNumber) agrees(m houseNumber) bool {
	if !n.present() || !m.present() {
		return n.present() == m.present()
	}
	if n.suffix != "" && m.suffix != "" && n.suffix != m.suffix {
		return false
	}
	return n.lo == m.lo || n.lo == m.hi || n.hi == m.lo || n.hi == m.hi
}

// parseHouseNumber reads a house number token: digits, optionally a range
// (-digits) and a letter suffix.
func parseHouseNumber(tok string) houseNumber {
	i := digitRun(tok, 0)
	n := houseNumber{lo: trimZeros(tok[:i])}
	n.hi = n.lo
	if i < len(tok) && tok[i] == '-' {
		if j := digitRun(tok, i+1); j > i+1 {
			n.hi = trimZeros(tok[i+1 : j])
			i = j
		}
	}
	n.suffix = tok[i:]
	return n
}

// digitRun returns the end of the ASCII digits starting at i.
func digitRun(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" && s != "" {
		return "0"
	}
	return t
}
