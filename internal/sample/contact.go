package sample

import "strings"

// contact draws the contact person, phones and e-mails. unlike, when not
// nil, is a related company's contact this one must not resemble.
func (f *factory) contact(e *entity, unlike *person) {
	r := f.r
	p := &e.person
	for {
		p.given2 = -1
		if e.zh {
			if r.chance(0.05) {
				cn := pick(r, commonNames)
				p.sur, p.given = cn.sur, cn.given
			} else {
				p.sur = r.weighted(f.surW)
				switch x := r.float(); {
				case x < 0.4: // 伟
					p.given = r.intn(singleGivenChars)
				case x < 0.75: // 晓东 from two single characters
					p.given, p.given2 = r.intn(singleGivenChars), r.intn(singleGivenChars)
				default: // a classic two-character name: 秀英
					p.given = r.between(singleGivenChars, len(givenChars)-1)
				}
			}
			p.english = ""
			if r.chance(0.05) {
				p.english = pick(r, englishGivenForZH)
			}
		} else {
			if r.chance(0.04) {
				cn := pick(r, commonEnglishNames)
				p.first, p.last = cn.first, cn.last
			} else {
				p.first, p.last = r.intn(len(firstNames)), r.intn(len(lastNames))
			}
		}
		if unlike == nil {
			break
		}
		if e.zh && p.sur != unlike.sur && p.given != unlike.given {
			break
		}
		if !e.zh && p.first != unlike.first && p.last != unlike.last {
			break
		}
	}

	pb := f.phones
	if e.zh {
		if r.chance(0.85) {
			e.phones[0] = pb.newMobile()
			if r.chance(0.3) {
				if r.chance(0.6) {
					e.phones[1] = pb.newLandline(e.city)
				} else {
					e.phones[1] = pb.newMobile()
				}
			}
		} else {
			e.phones[0] = pb.newLandline(e.city)
			if r.chance(0.6) {
				e.phones[1] = pb.newMobile()
			}
		}
	} else {
		e.phones[0] = pb.newIntl(e.city)
		if r.chance(0.25) {
			e.phones[1] = pb.newIntl(e.city)
		}
	}
	e.qq = 100_000_000 + f.qqs.at(e.seq)

	if r.chance(0.88) {
		if r.chance(0.55) {
			e.emails[0] = f.companyMail(e)
			if r.chance(0.2) {
				e.emails[1] = f.freeMail(e)
			}
		} else {
			e.emails[0] = f.freeMail(e)
			if r.chance(0.15) {
				e.emails[1] = f.companyMail(e)
			}
		}
	}
}

// appendLocalPart writes the name part of a personal e-mail address;
// dots says whether it may contain dots (free-mail locals do not).
func (f *factory) appendLocalPart(b []byte, e *entity, dots bool) []byte {
	r := f.r
	p := &e.person
	dot := func(b []byte, sep byte) []byte {
		if dots {
			return append(b, sep)
		}
		return b
	}
	if e.zh {
		sur := surnames[p.sur].py
		if p.english != "" && r.chance(0.6) {
			start := len(b)
			b = append(b, p.english...)
			lowerASCII(b[start:])
			switch r.intn(3) {
			case 0:
				b = dot(b, '.')
			case 1:
				b = append(b, '_')
			}
			return append(b, sur...)
		}
		switch r.intn(5) {
		case 0:
			return appendGiven(dot(append(b, sur...), '.'), p)
		case 1:
			return append(dot(appendGiven(b, p), '.'), sur...)
		case 2:
			return append(append(b, sur...), givenChars[p.given].py[0])
		default:
			return appendGiven(append(b, sur...), p)
		}
	}
	start := len(b)
	first, last := firstNames[p.first].name, lastNames[p.last]
	switch r.intn(4) {
	case 0:
		b = append(append(b, first[0]), last...)
	case 1:
		b = append(append(append(b, first...), '_'), last...)
	default:
		b = append(dot(append(b, first...), '.'), last...)
	}
	lowerASCII(b[start:])
	return b
}

func appendGiven(b []byte, p *person) []byte {
	b = append(b, givenChars[p.given].py...)
	if p.given2 >= 0 {
		b = append(b, givenChars[p.given2].py...)
	}
	return b
}

// companyMail is an address at the company's own domain. Domains are
// unique per company: the namespace never repeats brand+trade, and hard
// negatives add a city, sister trade or subsidiary code.
func (f *factory) companyMail(e *entity) string {
	r := f.r
	b := make([]byte, 0, 48)
	b = f.appendLocalPart(b, e, true)
	b = append(b, '@')
	b = append(b, e.brand.slug...)
	b = append(b, e.trade.code...)
	switch e.rel {
	case relOtherCity:
		b = append(b, '-')
		if e.zh {
			b = append(b, citiesZH[e.city].slug...)
		} else {
			b = append(b, citiesIntl[e.city].slug...)
		}
	case relSubsidiary:
		b = append(b, '-')
		b = append(b, e.subCode...)
	}
	if e.zh {
		b = append(b, pick(r, tldsZH)...)
	} else {
		b = append(b, pick(r, tldsEN)...)
	}
	s := string(b)
	e.domain = s[strings.IndexByte(s, '@')+1:]
	return s
}

// freeMail is a personal address at a public provider. QQ mail uses the
// QQ number and 139 mail the mobile number; other locals get digits from a
// counter so no two people share an address.
func (f *factory) freeMail(e *entity) string {
	r := f.r
	if e.zh {
		switch x := r.intn(10); {
		case x < 4:
			return string(append(appendInt(make([]byte, 0, 20), int(e.qq)), "@qq.com"...))
		case x < 5 && e.phones[0].kind == phoneMobile:
			return e.phones[0].local + "@139.com"
		}
	}
	digits := f.mailDigits.at(f.freeNext)
	f.freeNext++
	b := make([]byte, 0, 40)
	b = f.appendLocalPart(b, e, false)
	b = appendInt(b, int(digits))
	b = append(b, '@')
	if e.zh {
		b = append(b, pick(r, freeMailZH)...)
	} else {
		b = append(b, pick(r, freeMailEN)...)
	}
	return string(b)
}

var (
	freeMailZH = []string{"163.com", "126.com", "sina.com", "foxmail.com", "hotmail.com"}
	freeMailEN = []string{"gmail.com", "outlook.com", "yahoo.com", "hotmail.com"}
	tldsZH     = []string{".com", ".cn", ".com.cn", ".net"}
	tldsEN     = []string{".com", ".com", ".io", ".co"}
)
