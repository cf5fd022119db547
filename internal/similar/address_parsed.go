package similar

import "strings"

// ParseAddressKey takes an address key apart once, for a caller that
// compares it with many others (the dedupe engine compares a record in
// dozens of pairs): CompareParsedAddressKeys then reads the parts instead
// of parsing the key again. The parts are written compactly, as offsets
// into the key: a byte of flags and counts, then a start and a length per
// part. "" when the key cannot be written so (longer than 255 bytes, a
// part not found in it): it is then parsed per comparison, as
// CompareAddressKeys does.
func ParseAddressKey(key string) string {
	if key == "" || len(key) > 255 {
		return ""
	}
	var p addressParts
	p.parse(key)
	// At most 5 + 2*(3+16+8+4+4) bytes: written on the stack, so the
	// string is the one allocation (a key is parsed for every record).
	var buf [5 + 2*(3+maxStreetTokens+maxUnits+2*maxAdminParts)]byte
	out := buf[:0]
	flags := byte(0)
	if p.chinese {
		flags = 1
	}
	out = append(out, flags, byte(p.nstreet), byte(p.nunits), byte(p.ndistricts), byte(p.ntowns))
	ok := true
	p.each(func(s string) {
		i := strings.Index(key, s)
		if i < 0 {
			ok = false
			return
		}
		out = append(out, byte(i), byte(len(s)))
	})
	if !ok {
		return ""
	}
	return string(out)
}

// CompareParsedAddressKeys is CompareAddressKeys on keys given with what
// ParseAddressKey returned for them ("": parse the key here).
func CompareParsedAddressKeys(ka, pa, kb, pb string) AddressLevel {
	switch {
	case ka == "" || kb == "":
		return AddressMissing
	case ka == kb:
		return AddressSame
	}
	var a, b addressParts
	a.load(ka, pa)
	b.load(kb, pb)
	return compareParts(&a, &b)
}

// each calls fn with the parts of p in the order ParseAddressKey writes
// them.
func (p *addressParts) each(fn func(s string)) {
	fn(p.number.lo)
	fn(p.number.hi)
	fn(p.number.suffix)
	for _, parts := range [][]string{p.street[:p.nstreet], p.units[:p.nunits], p.districts[:p.ndistricts], p.towns[:p.ntowns]} {
		for _, s := range parts {
			fn(s)
		}
	}
}

// load fills p from key and its written parts, or parses key when there
// are none.
func (p *addressParts) load(key, parsed string) {
	if parsed == "" {
		p.parse(key)
		return
	}
	p.chinese = parsed[0] == 1
	p.nstreet, p.nunits, p.ndistricts, p.ntowns = int(parsed[1]), int(parsed[2]), int(parsed[3]), int(parsed[4])
	at := 5
	next := func() string {
		i, n := int(parsed[at]), int(parsed[at+1])
		at += 2
		return key[i : i+n]
	}
	p.number.lo, p.number.hi, p.number.suffix = next(), next(), next()
	for i := range p.nstreet {
		p.street[i] = next()
	}
	for i := range p.nunits {
		p.units[i] = next()
	}
	for i := range p.ndistricts {
		p.districts[i] = next()
	}
	for i := range p.ntowns {
		p.towns[i] = next()
	}
}

// ParsedHouseNumberRange is HouseNumberRange of key, read from what
// ParseAddressKey returned for it ("": parse the key here).
func ParsedHouseNumberRange(key, parsed string) (first, last string) {
	if parsed == "" {
		return HouseNumberRange(key)
	}
	var p addressParts
	p.load(key, parsed)
	return p.number.lo, p.number.hi
}
