package sample

import (
	"math"
	"strings"
)

// relation says how a hard-negative company resembles the company it was
// derived from. Related companies are different customers: a good matcher
// keeps them apart.
type relation uint8

const (
	relNone       relation = iota
	relOtherCity           // same brand and trade in another city: 深圳华强电子 / 北京华强电子
	relSister              // same brand, sister trade: 华强电子 / 华强控股
	relSubsidiary          // parent's name plus a word: 华强电子 / 华强电子销售
)

var relationNames = [...]string{"", "other-city", "sister", "subsidiary"}

func (r relation) String() string { return relationNames[r] }

// anchor is the signal every record of a duplicated entity carries in a
// recognisable form, so every true pair is findable: the same phone, the
// same e-mail, or the same company name (up to legal form, region form,
// width, case and spacing) with the same contact name and city.
type anchor uint8

const (
	anchorPhone anchor = iota
	anchorEmail
	anchorName
)

// regionForm is how the city appears in a Chinese company name.
type regionForm uint8

const (
	regionCity     regionForm = iota // 深圳市华强电子有限公司
	regionCityBare                   // 深圳华强电子有限公司
	regionParen                      // 华强电子(深圳)有限公司
	regionProvince                   // 广东华强电子有限公司
	regionNone                       // 华强电子有限公司
	numRegionForms
)

var regionFormWeights = cumulative([]float64{68, 10, 9, 6, 7})

// Lifecycle of a paying customer, which decides how recent its last
// purchase is (for lifecycle and churn classification downstream).
const (
	statusActive  = iota // bought within 90 days
	statusSilent         // 91–365 days
	statusChurned        // over a year
)

// entity is one real customer. It lives from its first record until its
// last one is written; only pending duplicates are kept in memory.
type entity struct {
	seq uint64
	id  string
	zh  bool

	brand    brandName
	trade    trade
	tradeIdx int    // index into tradesZH/EN (for sisters: of the parent's trade)
	sub      string // subsidiary word after the trade ("销售"), "" for none
	subCode  string
	legal    int
	region   regionForm
	city     int // index into citiesZH (zh) or citiesIntl (en)
	district int

	rel        relation
	related    string // entity id of the company this one resembles
	keepRegion bool   // name always shows the city; city column never blank

	person   person
	phones   [2]phone // primary, alternate (kind phoneNone if absent)
	emails   [2]string
	domain   string // company web domain, "" if it has no company e-mail
	street   string
	postcode string
	industry int
	source   int
	ctype    int
	tags     [3]int8
	ntags    int8
	birth    day // 0: unknown
	qq       uint64

	owner     int // -1: in the public pool (公海)
	rival     int // 撞单: the other rep claiming the customer
	created   day
	prospect  bool
	size      float64 // heavy-tailed customer size; drives revenue
	status    int
	referrals int

	copies   int // records this entity gets in total
	emitted  int
	anchor   anchor
	disputed bool
}

// person is a contact.
type person struct {
	sur, given int    // zh: indexes into surnames, givenChars
	given2     int    // zh: second given char, -1 for none
	first      int    // en: index into firstNames
	last       int    // en: index into lastNames
	english    string // zh contact's English name ("David"), or ""
}

func (e *entity) cityName() (province, city string) {
	if e.zh {
		c := &citiesZH[e.city]
		return c.short, c.cityShort
	}
	c := &citiesIntl[e.city]
	return c.state, c.city
}

// territory is what reps' territory lists name: the province or state.
func (e *entity) territory() string {
	p, _ := e.cityName()
	return p
}

// fullName is the contact's name as on file.
func (p *person) fullName(zh bool) string {
	if zh {
		return surnames[p.sur].ch + p.givenText()
	}
	return firstNames[p.first].name + " " + lastNames[p.last]
}

func (p *person) givenText() string {
	if p.given2 < 0 {
		return givenChars[p.given].ch
	}
	return givenChars[p.given].ch + givenChars[p.given2].ch
}

func (p *person) givenPinyin() string {
	if p.given2 < 0 {
		return givenChars[p.given].py
	}
	return givenChars[p.given].py + givenChars[p.given2].py
}

// factory creates entities: ordinary companies from the namespaces, and
// hard negatives derived from them.
type factory struct {
	r          *rng
	cfg        *resolved
	zhNames    *namespace
	enNames    *namespace
	phones     *phonebook
	roster     *roster
	seq        uint64
	mailDigits permutation // unique digits for free-mail local parts
	freeNext   uint64
	qqs        permutation
	cityZH     []float64
	cityIntl   []float64
	surW       []float64
}

func newFactory(r *rng, cfg *resolved, ro *roster) *factory {
	f := &factory{
		r: r, cfg: cfg, roster: ro,
		zhNames: newNamespaceZH(r),
		enNames: newNamespaceEN(r),
		phones:  newPhonebook(r),
		qqs:     newPermutation(r, 3_000_000_000),
	}
	// Free-mail digits: wide enough that every contact gets its own.
	space := uint64(10_000)
	for space < uint64(cfg.N)*2 {
		space *= 10
	}
	f.mailDigits = newPermutation(r, space)
	wz := make([]float64, len(citiesZH))
	for i, c := range citiesZH {
		wz[i] = c.weight
	}
	f.cityZH = cumulative(wz)
	wi := make([]float64, len(citiesIntl))
	for i, c := range citiesIntl {
		wi[i] = c.weight
	}
	f.cityIntl = cumulative(wi)
	sw := make([]float64, len(surnames))
	for i := range surnames {
		sw[i] = 100 / float64(i+8)
	}
	f.surW = cumulative(sw)
	return f
}

func (f *factory) newID() (uint64, string) {
	s := f.seq
	f.seq++
	b := make([]byte, 0, 12)
	b = append(b, 'E')
	n := appendInt(nil, int(s+1))
	for range 7 - len(n) {
		b = append(b, '0')
	}
	return s, string(append(b, n...))
}

// ordinary creates a company with a fresh identity from the namespace.
func (f *factory) ordinary() *entity {
	r := f.r
	e := &entity{zh: r.chance(f.cfg.zhShare)}
	e.seq, e.id = f.newID()
	if e.zh {
		e.brand, e.tradeIdx = f.zhNames.take()
		e.trade = tradesZH[e.tradeIdx]
		e.legal = r.weighted(legalWeightsZH)
		e.region = regionForm(r.weighted(regionFormWeights))
	} else {
		e.brand, e.tradeIdx = f.enNames.take()
		e.trade = tradesEN[e.tradeIdx]
		e.legal = r.weighted(legalWeightsEN)
	}
	f.place(e, -1)
	f.contact(e, nil)
	f.business(e)
	return e
}

// derive creates a hard negative of parent: a different customer whose
// name is confusingly close to it.
func (f *factory) derive(parent *entity, rel relation) *entity {
	r := f.r
	e := &entity{zh: parent.zh, brand: parent.brand, tradeIdx: parent.tradeIdx, rel: rel, related: parent.id}
	e.seq, e.id = f.newID()
	e.trade = parent.trade
	e.legal = parent.legal
	e.region = parent.region
	switch rel {
	case relOtherCity:
		// Both names must show their city, or the two would be identical.
		parent.keepRegion, e.keepRegion = true, true
		if parent.region == regionProvince || parent.region == regionNone {
			parent.region = regionCity
		}
		e.region = regionCity
		if r.chance(0.2) {
			e.region = regionParen
		}
		f.place(e, parent.city)
	case relSister, relSubsidiary:
		if rel == relSister && e.zh {
			e.trade = sistersZH[e.tradeIdx]
		} else if rel == relSister {
			e.trade = sistersEN[e.tradeIdx]
		} else if e.zh {
			s := pick(r, subsidiariesZH)
			e.sub, e.subCode = s.word, s.code
		} else {
			s := pick(r, subsidiariesEN)
			e.sub, e.subCode = s.word, s.code
		}
		f.place(e, -1)
		e.city, e.district = parent.city, parent.district
		f.sameBuilding(e, parent)
		if e.zh {
			e.legal = r.weighted(legalWeightsZH)
		}
	}
	if !e.zh {
		e.legal = r.weighted(legalWeightsEN)
	}
	f.contact(e, &parent.person)
	f.business(e)
	return e
}

// sameBuilding puts a sister or subsidiary at its parent's address half of
// the time (group companies share offices), which makes address alone a
// false friend.
func (f *factory) sameBuilding(e, parent *entity) {
	if f.r.chance(0.5) {
		e.street, e.postcode = parent.street, parent.postcode
	} else {
		e.postcode = parent.postcode
	}
}

// place chooses city, district, street and postcode; avoid is a city the
// entity must not be in (-1 for none).
func (f *factory) place(e *entity, avoid int) {
	r := f.r
	for {
		if e.zh {
			e.city = r.weighted(f.cityZH)
		} else {
			e.city = r.weighted(f.cityIntl)
		}
		if e.city != avoid {
			break
		}
	}
	if e.zh {
		c := &citiesZH[e.city]
		e.district = r.intn(len(c.districts))
		e.street = f.streetZH()
		e.postcode = c.post + string([]byte{byte('0' + (e.district+1)%10), byte('0' + r.intn(10))})
		return
	}
	c := &citiesIntl[e.city]
	var b []byte
	b = appendInt(b, r.between(1, 2999))
	b = append(b, ' ')
	b = append(b, pick(r, c.streets)...)
	if r.chance(0.4) {
		b = append(b, ", Suite "...)
		b = appendInt(b, r.between(1, 30)*100+r.between(0, 20))
	}
	e.street = string(b)
	e.postcode = c.zip(r)
}

func (f *factory) streetZH() string {
	r := f.r
	var b []byte
	b = append(b, pick(r, streetsZH)...)
	b = appendInt(b, r.between(1, 999))
	b = append(b, "号"...)
	switch r.intn(5) {
	case 0:
		b = append(b, string(rune('A'+r.intn(4)))+"栋"...)
		b = appendInt(b, r.between(1, 30)*100+r.between(1, 20))
		b = append(b, "室"...)
	case 1:
		b = appendInt(b, r.between(1, 12))
		b = append(b, "号楼"...)
		b = appendInt(b, r.between(1, 20)*100+r.between(1, 15))
	case 2:
		b = append(b, pick(r, []string{"创业大厦", "科技园", "国际中心", "商务大厦", "产业园"})...)
		b = appendInt(b, r.between(1, 40))
		b = append(b, "楼"...)
	}
	return string(b)
}

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

// localPart is the name part of a personal e-mail address.
func (f *factory) localPart(e *entity) string {
	r := f.r
	p := &e.person
	if e.zh {
		sur, given := surnames[p.sur].py, p.givenPinyin()
		if p.english != "" && r.chance(0.6) {
			return strings.ToLower(p.english) + pick(r, []string{".", "_", ""}) + sur
		}
		switch r.intn(5) {
		case 0:
			return sur + "." + given
		case 1:
			return given + "." + sur
		case 2:
			return sur + given[:1]
		default:
			return sur + given
		}
	}
	first, last := strings.ToLower(firstNames[p.first].name), strings.ToLower(lastNames[p.last])
	switch r.intn(4) {
	case 0:
		return first[:1] + last
	case 1:
		return first + "_" + last
	default:
		return first + "." + last
	}
}

// companyMail is an address at the company's own domain. Domains are
// unique per company: the namespace never repeats brand+trade, and hard
// negatives add a city, sister trade or subsidiary code.
func (f *factory) companyMail(e *entity) string {
	r := f.r
	var b []byte
	b = append(b, f.localPart(e)...)
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
		b = append(b, pick(r, []string{".com", ".cn", ".com.cn", ".net"})...)
	} else {
		b = append(b, pick(r, []string{".com", ".com", ".io", ".co"})...)
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
			return string(appendInt(nil, int(e.qq))) + "@qq.com"
		case x < 5 && e.phones[0].kind == phoneMobile:
			return e.phones[0].local + "@139.com"
		}
	}
	digits := f.mailDigits.at(f.freeNext)
	f.freeNext++
	local := f.localPart(e)
	local = strings.ReplaceAll(local, ".", "")
	var domain string
	if e.zh {
		domain = pick(r, []string{"163.com", "126.com", "sina.com", "foxmail.com", "hotmail.com"})
	} else {
		domain = pick(r, []string{"gmail.com", "outlook.com", "yahoo.com", "hotmail.com"})
	}
	return local + string(appendInt(nil, int(digits))) + "@" + domain
}

// business draws what the CRM knows commercially: type, source, owner,
// dates, and the customer's size.
func (f *factory) business(e *entity) {
	r := f.r
	e.industry = e.trade.category
	if e.zh {
		e.source = r.weighted(sourceWeightsZH)
	} else {
		e.source = r.weighted(sourceWeightsEN)
	}
	e.prospect = r.chance(0.25)
	e.ctype = r.weighted(typeWeights)
	if e.prospect && r.chance(0.4) {
		e.ctype = prospectIndex
	} else if !e.prospect && e.ctype == prospectIndex {
		e.ctype = 0
	}
	if r.chance(0.3) {
		e.birth = daysFromCivil(r.between(1960, 2000), r.between(1, 12), r.between(1, 28))
	}
	n := r.intn(4)
	if n == 3 {
		n = 1
	}
	pool := len(tagsZH)
	if !e.zh {
		pool = len(tagsEN)
	}
	for i := range n {
		e.tags[i] = int8(r.intn(pool))
	}
	e.ntags = int8(n)

	e.owner = -1
	if r.chance(0.95) {
		e.owner = f.roster.ownerFor(r, e.territory())
	}
	// Most customers were entered recently; the oldest six years ago.
	span := 6 * 365
	e.created = f.cfg.asOf - 1 - day(float64(span)*math.Pow(r.float(), 1.6))

	// Pareto size (α ≈ 1.2): a few customers are worth most of the revenue.
	e.size = math.Min(math.Pow(1-r.float(), -1/1.2), 3000)
	switch x := r.float(); {
	case x < 0.45:
		e.status = statusActive
	case x < 0.7:
		e.status = statusSilent
	default:
		e.status = statusChurned
	}
	if !e.prospect && r.chance(0.3) {
		e.referrals = 1 + int(math.Min(30, math.Floor(-math.Log(1-r.float())*math.Sqrt(e.size))))
	} else if e.prospect && r.chance(0.03) {
		e.referrals = 1
	}
}
