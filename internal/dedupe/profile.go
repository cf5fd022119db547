package dedupe

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/similar"
)

// profile is a record reduced to what matching compares. It is built once
// per record and read by every comparison the record takes part in.
//
// Pairs are scored in order of their first record, so the second one is
// a random record, far away in memory: its strings are packed into one
// allocation (blob) and named by offsets into it, its string lists share
// one slice, so comparing it touches a few neighbouring cache lines and a
// million profiles hold 160 bytes each rather than 376.
type profile struct {
	blob   string              // every string of the profile, packed
	spans  [nStrings][2]uint16 // each string's start and end in blob
	long   *[nStrings]string   // the strings, when blob is too long for spans
	lists  []string            // emails, coTokens, mailDomains, fields, in that order
	phones []phoneNumber
	digest uint64 // see profileData.digest
	phone0 uint64 // phones[0], held inline: most records have one
	nLists [nLists]uint16
	// phone0Digits is phones[0].digits.
	phone0Digits uint8
	companyHan   bool
	coLetters    uint32
}

// The strings of a profile, by their index in profile.spans.
const (
	sCore = iota
	sRegion
	sName
	sAddress
	sCity
	sBirth
	sPostcode
	sProvince
	sNameDg
	sCoRegion
	sHouse
	sAddrAt
	sNameAt
	nStrings
)

// The string lists of a profile, in the order profile.lists holds them.
const (
	lEmails = iota
	lCoTokens
	lMailDomains
	lFields
	nLists
)

func (p *profile) str(i int) string {
	if p.long != nil {
		return p.long[i]
	}
	return p.blob[p.spans[i][0]:p.spans[i][1]]
}

// first returns phones[0], or the zero number when there is none.
func (p *profile) first() phoneNumber { return phoneNumber{p.phone0, p.phone0Digits} }

func (p *profile) list(i int) []string {
	at := 0
	for j := range i {
		at += int(p.nLists[j])
	}
	n := int(p.nLists[i])
	if n == 0 {
		return nil
	}
	return p.lists[at : at+n : at+n]
}

func (p *profile) core() string     { return p.str(sCore) }
func (p *profile) region() string   { return p.str(sRegion) }
func (p *profile) name() string     { return p.str(sName) }
func (p *profile) address() string  { return p.str(sAddress) }
func (p *profile) city() string     { return p.str(sCity) }
func (p *profile) birth() string    { return p.str(sBirth) }
func (p *profile) postcode() string { return p.str(sPostcode) }
func (p *profile) province() string { return p.str(sProvince) }
func (p *profile) nameDg() string   { return p.str(sNameDg) }
func (p *profile) coRegion() string { return p.str(sCoRegion) }
func (p *profile) house() string    { return p.str(sHouse) }
func (p *profile) addrAt() string   { return p.str(sAddrAt) }
func (p *profile) nameAt() string   { return p.str(sNameAt) }

func (p *profile) emails() []string      { return p.list(lEmails) }
func (p *profile) coTokens() []string    { return p.list(lCoTokens) }
func (p *profile) mailDomains() []string { return p.list(lMailDomains) }
func (p *profile) fields() []string      { return p.list(lFields) }

// profileData is a profile being built: its strings as separate values. It is built once
// per record and read by every comparison the record takes part in.
//
// Pairs are scored in order of their first record, so the second one is
// a random record, far away in memory: a profile's fields are laid out
// with those every comparison reads first, and its strings packed into
// one allocation (compact), so comparing it touches a few neighbouring
// cache lines rather than one line per string.
type profileData struct {
	phones []phoneNumber
	phone0 phoneNumber // phones[0], held inline: most records have one
	emails []string    // lowercase, as normalized at import

	core       string // company.Parse(company).Core
	region     string // company.Region, else the city column's region
	companyHan bool   // the core is written in Chinese characters
	coLetters  uint32 // first letters of coTokens, one bit each

	name    string // contact name as given (normalized at import)
	address string // similar.AddressKey
	city    string // folded city: lowercase, 市/city suffix dropped
	addrAt  string // similar.ParseAddressKey(address): its parts, parsed once
	nameAt  string // similar.ParsePersonName(name): cleaned once

	birth    string // birth date, as normalized at import
	postcode string // postcode, upper case, without spaces
	province string // province or state, folded like city

	coTokens []string
	nameDg   string // name with German digraphs folded (see digraphRetry)

	// mailDomains are the corporate domains of the e-mails (not free-mail)
	// and of the website columns (websiteDomains), registrable part only.
	mailDomains []string

	// fields holds one value per user-added comparator, in Config.Fields
	// order, as given.
	fields []string

	coRegion string // company.Parse(company).Region
	house    string // first house number of the address

	// digest hashes every value of the record but its lineage: two
	// records with one digest are copies (one export read twice).
	digest uint64
}

func newProfile(r *record.Record, extra []fieldRule, web []int) profile {
	return buildProfile(r, extra, web, nil, false)
}

// parsedCompany is a company name parsed before (a master's index keeps
// them: parsing is most of the cost of a profile).
type parsedCompany struct{ core, region string }

// buildProfile builds r's profile, with its company name parsed already
// when parsed is given. lean leaves out what only pays in many pairs (names and addresses
// parsed ahead): a fold compares most master records it profiles with one
// or two new records. Either way the strings are packed (see profile).
func buildProfile(r *record.Record, extra []fieldRule, web []int, parsed *parsedCompany, lean bool) profile {
	var p profileData
	p.digest = recordDigest(r)
	p.phones = phoneKeys(r.Values[record.Phone])
	if len(p.phones) > 0 {
		p.phone0 = p.phones[0]
	}
	p.emails = emailKeys(r.Values[record.Email])
	p.mailDomains = corporateDomains(p.emails)
	p.mailDomains = websiteDomains(p.mailDomains, r, web)
	if c := r.Values[record.Company]; c != "" && !IsPlaceholder(c) {
		if parsed != nil {
			p.core, p.region = parsed.core, parsed.region
		} else {
			name := parseCompany(c)
			p.core, p.region = name.Core, name.Region
		}
		p.coRegion = p.region
		p.companyHan = hasHan(p.core)
		if !p.companyHan {
			p.coTokens = similar.Tokens(p.core)
			p.coLetters = firstLetters(p.coTokens)
		}
	}
	// The city column's region: looked up once, for the folded city (when
	// folding leaves it as it is) and for the record's region below.
	cityCol := r.Values[record.City]
	cityRegion, cityIsRegion := company.Region(cityCol)
	if folded := foldText(cityCol); folded == cityCol && cityIsRegion {
		p.city = aliasCity(cityRegion) // foldCity's answer
	} else {
		p.city = aliasCity(foldCity(folded))
	}
	if p.city == "" && p.coRegion != "" && !hasHan(p.coRegion) && !isRegion(p.coRegion) {
		// "Acme Corp (NYC)" with no city column value is Acme Corp in New
		// York. Chinese regions (深圳, "(Shanghai)") already act through
		// region; a city column, when given, wins.
		p.city = p.coRegion
	}
	if v := r.Values[record.BirthDate]; !IsPlaceholder(v) {
		p.birth = strings.TrimSpace(v)
	}
	if v := r.Values[record.Postcode]; !IsPlaceholder(v) {
		p.postcode = normCode(v)
	}
	if v := r.Values[record.Province]; !IsPlaceholder(v) {
		p.province = foldCity(foldText(v))
	}
	if p.region == "" && cityIsRegion {
		p.region = cityRegion
	}
	if n := r.Values[record.Name]; !IsPlaceholder(n) {
		p.name = foldText(n)
		p.nameDg = similar.FoldDigraphs(p.name)
		if !lean {
			p.nameAt = similar.ParsePersonName(p.name)
		}
	}
	if a := r.Values[record.Address]; a != "" && !IsPlaceholder(a) {
		p.address = similar.AddressKey(foldText(a))
		if !lean {
			p.addrAt = similar.ParseAddressKey(p.address)
		}
		p.house, _ = similar.ParsedHouseNumberRange(p.address, p.addrAt)
	}
	if len(extra) > 0 {
		p.fields = make([]string, len(extra))
		for i, fr := range extra {
			if v := fr.value(r); !IsPlaceholder(v) {
				p.fields[i] = fr.prepare(v)
			}
		}
	}
	return p.pack()
}

// pack packs p's strings into one allocation and its string lists into
// another: the profile is read by every pair it is in, and strings
// scattered over the heap cost a cache miss each. Equal strings are
// stored once.
func (p *profileData) pack() profile {
	q := profile{phones: p.phones, phone0: p.phone0.value, phone0Digits: p.phone0.digits, digest: p.digest, coLetters: p.coLetters, companyHan: p.companyHan}
	if len(q.phones) == 0 {
		q.phones = nil
	}
	strs := [nStrings]*string{sCore: &p.core, sRegion: &p.region, sName: &p.name, sAddress: &p.address, sCity: &p.city, sBirth: &p.birth, sPostcode: &p.postcode, sProvince: &p.province, sNameDg: &p.nameDg, sCoRegion: &p.coRegion, sHouse: &p.house, sAddrAt: &p.addrAt, sNameAt: &p.nameAt}
	lists := [nLists]*[]string{lEmails: &p.emails, lCoTokens: &p.coTokens, lMailDomains: &p.mailDomains, lFields: &p.fields}
	size, count := 0, 0
	for _, s := range strs {
		size += len(*s)
	}
	for i, l := range lists {
		count += len(*l)
		q.nLists[i] = uint16(len(*l))
		for _, s := range *l {
			size += len(s)
		}
	}
	if count == 0 && size == 0 {
		return q
	}
	var b strings.Builder
	b.Grow(size)
	type span = [2]uint32
	var spans [nStrings]span
	var buf [16]span
	items := buf[:0]
	if count > len(buf) {
		items = make([]span, 0, count)
	}
	// A string written already (nameDg = name, coRegion = region, a
	// repeated e-mail) is not written again, nor a house number, which is
	// part of its address.
	type written struct {
		s  string
		sp span
	}
	var seenBuf [24]written
	seen := seenBuf[:0]
	put := func(s string) span {
		if s == "" {
			return span{}
		}
		for _, w := range seen {
			if w.s == s {
				return w.sp
			}
		}
		at := b.Len()
		b.WriteString(s)
		sp := span{uint32(at), uint32(b.Len())}
		seen = append(seen, written{s, sp})
		return sp
	}
	for i, s := range strs {
		if i == sHouse && p.house != "" {
			if at := strings.Index(p.address, p.house); at >= 0 {
				a := spans[sAddress][0] + uint32(at)
				spans[i] = span{a, a + uint32(len(p.house))}
				continue
			}
		}
		spans[i] = put(*s)
	}
	for _, l := range lists {
		for _, s := range *l {
			items = append(items, put(s))
		}
	}
	q.blob = b.String()
	if len(q.blob) <= math.MaxUint16 {
		for i, sp := range spans {
			q.spans[i] = [2]uint16{uint16(sp[0]), uint16(sp[1])}
		}
	} else {
		q.long = new([nStrings]string)
		for i, sp := range spans {
			q.long[i] = q.blob[sp[0]:sp[1]]
		}
	}
	if count == 0 {
		return q
	}
	q.lists = make([]string, count)
	for i, sp := range items {
		q.lists[i] = q.blob[sp[0]:sp[1]]
	}
	return q
}

// phoneNumber is a phone's digits as a number, with the digit count (a
// leading zero counts).
type phoneNumber struct {
	value  uint64
	digits uint8
}

var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// endsWith reports whether the last digits of long are short.
func (long phoneNumber) endsWith(short phoneNumber) bool {
	return short.digits <= long.digits && long.value%pow10[short.digits] == short.value
}

// phoneKeys reads a phone cell — E.164 numbers joined by ";", or a value
// import could not normalize — into numbers of 7 to 15 digits. Extensions
// are dropped: a switchboard number identifies the company either way.
func phoneKeys(cell string) []phoneNumber {
	if cell == "" {
		return nil
	}
	var out []phoneNumber
	for part := range strings.SplitSeq(cell, ";") {
		if i := strings.Index(part, "ext"); i >= 0 {
			part = part[:i]
		}
		var n phoneNumber
		for i := 0; i < len(part) && n.digits <= 15; i++ {
			if c := part[i]; c >= '0' && c <= '9' {
				n.value = n.value*10 + uint64(c-'0')
				n.digits++
			}
		}
		if n.digits >= 7 && n.digits <= 15 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// emailKeys splits an e-mail cell into addresses, skipping what is not
// one (N/A, 无, -: kept as given by import, and equal in thousands of
// unrelated records).
func emailKeys(cell string) []string {
	if cell == "" {
		return nil
	}
	var out []string
	for part := range strings.SplitSeq(cell, ";") {
		part = strings.TrimSpace(part)
		if at := strings.IndexByte(part, '@'); at > 0 && at < len(part)-1 && !slices.Contains(out, part) {
			out = append(out, part)
		}
	}
	return out
}

// placeholders are what people type for "no value". Two records both
// saying 无 agree on nothing.
var placeholders = map[string]bool{
	"n/a": true, "na": true, "null": true, "none": true, "nil": true, "unknown": true, "tbd": true,
	"-": true, "--": true, "---": true, "/": true, ".": true, "?": true, "0": true,
	"test": true, "测试": true, "个人": true, "散客": true,
	"无": true, "没有": true, "暂无": true, "不详": true, "未知": true, "空": true, "待定": true, "待补充": true, "无名": true,
}

// placeholderLens has bit n set when a placeholder is n bytes long, and
// placeholderFirst the first bytes of placeholders (ASCII letters in both
// cases): most values are ruled out before the lookup. (The length rules
// out ASCII values only: lowering other letters can change it.)
var placeholderLens, placeholderFirst = func() (lens uint16, first [256]bool) {
	for p := range placeholders {
		lens |= 1 << len(p)
		first[p[0]] = true
		first[strings.ToUpper(p[:1])[0]] = true
	}
	return lens, first
}()

// IsPlaceholder reports whether v is what people type for "no value".
func IsPlaceholder(v string) bool {
	if len(v) > 12 {
		return false
	}
	v = strings.TrimSpace(v)
	if v == "" || v[0] < utf8.RuneSelf && !placeholderFirst[v[0]] {
		// No placeholder starts with this ASCII character, in either case.
		return false
	}
	// It is asked of several values of every record profiled, most of
	// them short names and dates: an ASCII value is lowered on the stack,
	// and one of Chinese characters only (no case) looked up as it is.
	var buf [12]byte
	ascii, han := true, true
	for i, r := range v {
		switch {
		case r < utf8.RuneSelf:
			han = false
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf[i] = byte(r)
		case r >= 0x3400 && r <= 0x9FFF:
			ascii = false
		default:
			ascii, han = false, false
		}
	}
	switch {
	case ascii:
		return placeholderLens&(1<<len(v)) != 0 && placeholders[string(buf[:len(v)])]
	case han:
		return placeholders[v]
	}
	return placeholders[strings.ToLower(v)]
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// foldCity makes city spellings comparable: lowercase, and the Chinese
// region form or an English "city" dropped (深圳市 → 深圳, "New York City" →
// "new york").
func foldCity(s string) string {
	if s == "" {
		return ""
	}
	if reg, ok := company.Region(s); ok {
		return reg
	}
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSuffix(s, " city")
	return strings.TrimSuffix(s, "市")
}

// firstLetters sets bit c-'a' for every token starting with letter c, and
// bit 26 for any other start.
func firstLetters(tokens []string) uint32 {
	var m uint32
	for _, t := range tokens {
		if c := t[0]; c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		} else {
			m |= 1 << 26
		}
	}
	return m
}

// recordDigest hashes every value of r, each led by its length (so "ab",
// "c" and "a", "bc" differ), eight bytes at a time: it is computed for
// every record profiled, and FNV-1a, a byte at a time, took a tenth of
// a profile. Only compared within a run (two records, one digest: copies).
func recordDigest(r *record.Record) uint64 {
	h := uint64(0x9e3779b97f4a7c15)
	for _, v := range r.Values {
		h = digestAdd(h, v)
	}
	h = digestMix(h, uint64(len(r.Extra)))
	for _, v := range r.Extra {
		h = digestAdd(h, v)
	}
	return h
}

func digestMix(h, w uint64) uint64 {
	h = (h ^ w) * 0xbf58476d1ce4e5b9
	return h ^ h>>31
}

// digestAdd mixes s into h: its length, then its bytes eight at a time,
// the last eight (overlapping the one before) for a longer one's tail.
func digestAdd(h uint64, s string) uint64 {
	h = digestMix(h, uint64(len(s)))
	if len(s) < 8 {
		var w uint64
		for i := range len(s) {
			w |= uint64(s[i]) << (8 * i)
		}
		return digestMix(h, w)
	}
	for i := 0; i+8 <= len(s); i += 8 {
		h = digestMix(h, le64(s[i:]))
	}
	if len(s)%8 != 0 {
		h = digestMix(h, le64(s[len(s)-8:]))
	}
	return h
}

// le64 reads the first eight bytes of s, little-endian (one load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// foldText folds a value for comparison only: traditional Chinese to
// simplified, accents out of Latin letters (Société = Societe, Müller =
// Muller). Values are kept as written. Company names also read German
// digraphs as the plain vowel (Mueller = Muller); person names try that
// only when they differ otherwise (see digraphRetry).
func foldText(s string) string { return similar.FoldAccents(similar.FoldHant(s)) }

// digraphRetry compares x and y again with German digraphs read as plain
// vowels when they were found different: Joergensen = Jørgensen.
func digraphRetry(x, y string, l Level, compare func(x, y string) Level) Level {
	if l > Different {
		return l
	}
	return retryFolded(x, y, similar.FoldDigraphs(x), similar.FoldDigraphs(y), l, compare)
}

// retryFolded is digraphRetry with the folded values fx and fy already at
// hand (folded once per profile, not once per pair).
func retryFolded(x, y, fx, fy string, l Level, compare func(x, y string) Level) Level {
	if l > Different || (fx == x && fy == y) {
		return l
	}
	return max(l, compare(fx, fy))
}
