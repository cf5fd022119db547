package sample

// phoneKind says what kind of number a phone is.
type phoneKind uint8

const (
	phoneNone     phoneKind = iota
	phoneMobile             // CN mobile, 11 digits
	phoneLandline           // CN fixed line: area code + 7 or 8 digits
	phoneIntl               // outside mainland China, always written with +cc
)

// phone is one real, valid number. Numbers are handed out by permuting a
// counter (see phonebook), so no two entities ever share one: a shared
// phone would be an unintended duplicate signal.
type phone struct {
	kind  phoneKind
	cc    string // country code, intl only
	area  string // area code: "0755" (CN, with trunk 0) or "415"
	local string // the rest: 11 mobile digits, or the subscriber number
}

// mobilePrefixes are CN mobile number blocks libphonenumber accepts;
// phone_test checks every one.
var mobilePrefixes = []string{
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"145", "147", "150", "151", "152", "153", "155", "156", "157", "158", "159",
	"166", "173", "175", "176", "177", "178",
	"180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
	"191", "193", "195", "198", "199",
}

// landlineLead are the first digits of CN fixed-line subscriber numbers
// (0, 1 and 9 start service numbers).
const landlineLead = "234567"

// nanpExchanges are the three-digit exchanges (central office codes) of
// North American numbers: 200–899 without N11 and 555.
var nanpExchanges = func() []int {
	var out []int
	for x := 200; x <= 899; x++ {
		if x%100 == 11 || x == 555 {
			continue
		}
		out = append(out, x)
	}
	return out
}()

// phonebook hands out unique numbers: a counter per number space, mapped
// through a permutation so consecutive entities get unrelated numbers.
type phonebook struct {
	mobile       permutation
	mobileNext   uint64
	landline     []permutation // per citiesZH index
	landlineNext []uint64
	intl         []permutation // per citiesIntl index
	intlNext     []uint64
}

func newPhonebook(r *rng) *phonebook {
	pb := &phonebook{
		mobile:       newPermutation(r, uint64(len(mobilePrefixes))*100_000_000),
		landline:     make([]permutation, len(citiesZH)),
		landlineNext: make([]uint64, len(citiesZH)),
		intl:         make([]permutation, len(citiesIntl)),
		intlNext:     make([]uint64, len(citiesIntl)),
	}
	for i, c := range citiesZH {
		pb.landline[i] = newPermutation(r, uint64(len(landlineLead))*pow10(c.local-1))
	}
	for i, c := range citiesIntl {
		pb.intl[i] = newPermutation(r, intlSpace(c))
	}
	return pb
}

func intlSpace(c cityIntl) uint64 {
	areas := uint64(max(1, len(c.areas)))
	if c.cc == "1" {
		return areas * uint64(len(nanpExchanges)) * 10_000
	}
	return areas * uint64(len(c.leads)) * pow10(c.local-2)
}

func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}

func (pb *phonebook) newMobile() phone {
	x := pb.mobile.at(pb.mobileNext)
	pb.mobileNext++
	var b [11]byte
	copy(b[:], mobilePrefixes[x/100_000_000])
	fillDigits(b[3:], x%100_000_000)
	return phone{kind: phoneMobile, local: string(b[:])}
}

func (pb *phonebook) newLandline(city int) phone {
	c := &citiesZH[city]
	x := pb.landline[city].at(pb.landlineNext[city])
	pb.landlineNext[city]++
	rest := pow10(c.local - 1)
	b := make([]byte, c.local)
	b[0] = landlineLead[x/rest]
	fillDigits(b[1:], x%rest)
	return phone{kind: phoneLandline, area: c.area, local: string(b)}
}

func (pb *phonebook) newIntl(city int) phone {
	c := &citiesIntl[city]
	x := pb.intl[city].at(pb.intlNext[city])
	pb.intlNext[city]++
	p := phone{kind: phoneIntl, cc: c.cc}
	if len(c.areas) > 0 {
		p.area = c.areas[x%uint64(len(c.areas))]
		x /= uint64(len(c.areas))
	}
	b := make([]byte, c.local)
	if c.cc == "1" {
		ex := nanpExchanges[x/10_000]
		b[0], b[1], b[2] = byte('0'+ex/100), byte('0'+ex/10%10), byte('0'+ex%10)
		fillDigits(b[3:], x%10_000)
	} else {
		rest := pow10(c.local - 2)
		copy(b, c.leads[x/rest])
		fillDigits(b[2:], x%rest)
	}
	p.local = string(b)
	return p
}

// fillDigits writes n zero-padded into b.
func fillDigits(b []byte, n uint64) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

// phoneStyle is one way of writing a number. Every style parses back to
// the same E.164 number with default region CN.
type phoneStyle uint8

const (
	pDigits      phoneStyle = iota // 13812345678 / 0755-12345678 / +1 415-234-5678
	pDashed                        // 138-1234-5678 / 0755-1234-5678
	pSpaced                        // 138 1234 5678 / 0755 1234 5678
	pPlusSpaced                    // +86 138 1234 5678
	pPlusCompact                   // +8613812345678
	pPlusDashed                    // +86-138-1234-5678
	pZeroZero                      // 0086 13812345678
	pParen                         // (+86)13812345678 / (0755)12345678
	numPhoneStyles
)

// appendPhone writes p in style s.
func appendPhone(b []byte, p phone, s phoneStyle) []byte {
	switch p.kind {
	case phoneMobile:
		return appendMobile(b, p.local, s)
	case phoneLandline:
		return appendLandline(b, p, s)
	case phoneIntl:
		return appendIntl(b, p, s)
	}
	return b
}

func appendMobile(b []byte, m string, s phoneStyle) []byte {
	grouped := func(b []byte, sep byte) []byte {
		b = append(b, m[:3]...)
		b = append(b, sep)
		b = append(b, m[3:7]...)
		b = append(b, sep)
		return append(b, m[7:]...)
	}
	switch s {
	case pDashed:
		return grouped(b, '-')
	case pSpaced:
		return grouped(b, ' ')
	case pPlusSpaced:
		return grouped(append(b, "+86 "...), ' ')
	case pPlusCompact:
		return append(append(b, "+86"...), m...)
	case pPlusDashed:
		return grouped(append(b, "+86-"...), '-')
	case pZeroZero:
		return append(append(b, "0086 "...), m...)
	case pParen:
		return append(append(b, "(+86)"...), m...)
	default:
		return append(b, m...)
	}
}

func appendLandline(b []byte, p phone, s phoneStyle) []byte {
	area, local := p.area, p.local
	half := len(local) - 4
	switch s {
	case pDashed:
		b = append(append(b, area...), '-')
		b = append(append(b, local[:half]...), '-')
		return append(b, local[half:]...)
	case pSpaced:
		b = append(append(b, area...), ' ')
		b = append(append(b, local[:half]...), ' ')
		return append(b, local[half:]...)
	case pPlusSpaced:
		b = append(append(append(b, "+86 "...), area[1:]...), ' ')
		b = append(append(b, local[:half]...), ' ')
		return append(b, local[half:]...)
	case pPlusCompact:
		return append(append(append(b, "+86"...), area[1:]...), local...)
	case pPlusDashed:
		return append(append(append(append(b, "+86-"...), area[1:]...), '-'), local...)
	case pZeroZero:
		return append(append(b, area...), local...)
	case pParen:
		return append(append(append(append(b, '('), area...), ')'), local...)
	default:
		return append(append(append(b, area...), '-'), local...)
	}
}

func appendIntl(b []byte, p phone, s phoneStyle) []byte {
	head := len(p.local) - 4
	switch s {
	case pPlusCompact: // +14152345678
		b = append(append(b, '+'), p.cc...)
		return append(append(b, p.area...), p.local...)
	case pZeroZero:
		b = append(append(b, "00"...), p.cc...)
	case pParen:
		if p.area != "" {
			b = append(append(b, '+'), p.cc...)
			b = append(append(append(b, " ("...), p.area...), ") "...)
			b = append(append(b, p.local[:head]...), '-')
			return append(b, p.local[head:]...)
		}
		b = append(append(b, '+'), p.cc...)
	default:
		b = append(append(b, '+'), p.cc...)
	}
	sep := byte(' ')
	if s == pDashed || s == pPlusDashed {
		sep = '-'
	}
	b = append(b, ' ')
	if p.area != "" {
		b = append(append(b, p.area...), sep)
	}
	b = append(append(b, p.local[:head]...), sep)
	return append(b, p.local[head:]...)
}
