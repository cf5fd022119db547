package sample

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

// territory is what reps' territory lists name: the province or state.
func (e *entity) territory() string {
	if e.zh {
		return citiesZH[e.city].short
	}
	return citiesIntl[e.city].state
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
