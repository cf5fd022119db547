package sample

import (
	"fmt"
	"io"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
)

// English benchmark exports (issue 19): HubSpot-style contacts and
// Salesforce-style accounts of US and European companies, with the things
// that make English and European data hard to match — nicknames (Bob is
// Robert), accents written or folded (Société Générale / Societe Generale,
// Müller / Mueller, München / Munich), legal forms (Inc., GmbH, A/S,
// Sp. z o.o.), multi-site accounts (one company in several cities: several
// customers), colleagues sharing an e-mail domain (different people), and
// free-mail addresses. Every entity has one true id, written to the truth
// file as the generator's other samples do.

// English dialects: the values --dialect takes for them.
const (
	DialectHubSpotContacts    = "hubspot-contacts"
	DialectSalesforceAccounts = "salesforce-accounts"
)

// enOwners are the contact owners of the English exports.
var enOwners = []string{"Jane Doe", "Tom Baker", "Priya Patel", "Lukas Schmidt", "Claire Martin"}

// EnglishRoster is the sales team behind an English export of n rows: the
// contact owners, one team, no territories, each with room for half as
// much again as an even share, so the sample assigns without a capacity
// error.
func EnglishRoster(n int) []Rep {
	reps := make([]Rep, len(enOwners))
	share := (n + len(enOwners) - 1) / len(enOwners)
	for i, name := range enOwners {
		reps[i] = Rep{Name: name, Team: "Sales", Capacity: share + share/2 + 10, Weight: 1, Active: true}
	}
	return reps
}

// IsEnglishDialect reports whether dialect names an English benchmark export.
func IsEnglishDialect(dialect string) bool {
	return dialect == DialectHubSpotContacts || dialect == DialectSalesforceAccounts
}

type enCountry struct {
	names []string // as exports write it: first is the usual
	legal []string // legal forms of its companies
	sites []enCity
	tld   string
}

type enCity struct {
	names []string // as written: local name first, then English or short forms
	state string
	phone func(r *rng) string // a number written the local way
	post  func(r *rng) string
}

func digits(r *rng, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.intn(10))
	}
	return string(b)
}

func usPhone(area string) func(r *rng) string {
	return func(r *rng) string {
		ex := r.between(201, 989)
		if ex%100 == 11 || ex == 555 {
			ex++
		}
		return fmt.Sprintf("(%s) %d-%s", area, ex, digits(r, 4))
	}
}

func zip(prefix string) func(r *rng) string {
	return func(r *rng) string { return prefix + digits(r, 5-len(prefix)) }
}

var enCountries = []enCountry{
	{names: []string{"United States", "USA", "US"}, legal: []string{"Inc.", "Corp.", "LLC"}, tld: ".com", sites: []enCity{
		{[]string{"San Francisco", "SF"}, "CA", usPhone("415"), zip("941")},
		{[]string{"New York", "New York City", "NYC"}, "NY", usPhone("212"), zip("100")},
		{[]string{"Chicago"}, "IL", usPhone("312"), zip("606")},
		{[]string{"Austin"}, "TX", usPhone("512"), zip("787")},
		{[]string{"Boston"}, "MA", usPhone("617"), zip("021")},
		{[]string{"Seattle"}, "WA", usPhone("206"), zip("981")},
	}},
	{names: []string{"United Kingdom", "UK", "GB"}, legal: []string{"Ltd", "Limited", "plc"}, tld: ".co.uk", sites: []enCity{
		{[]string{"London"}, "", func(r *rng) string { return "020 7" + digits(r, 3) + " " + digits(r, 4) },
			func(r *rng) string { return "EC" + digits(r, 1) + "A " + digits(r, 1) + "BB" }},
		{[]string{"Manchester"}, "", func(r *rng) string { return "0161 " + digits(r, 3) + " " + digits(r, 4) },
			func(r *rng) string { return "M" + digits(r, 1) + " " + digits(r, 1) + "AB" }},
	}},
	{names: []string{"Germany", "Deutschland", "DE"}, legal: []string{"GmbH", "AG"}, tld: ".de", sites: []enCity{
		{[]string{"München", "Munich", "Muenchen"}, "", func(r *rng) string { return "089 " + digits(r, 7) }, zip("80")},
		{[]string{"Berlin"}, "", func(r *rng) string { return "030 " + digits(r, 8) }, zip("10")},
		{[]string{"Köln", "Cologne", "Koeln"}, "", func(r *rng) string { return "0221 " + digits(r, 7) }, zip("50")},
	}},
	{names: []string{"France", "FR"}, legal: []string{"S.A.", "SAS"}, tld: ".fr", sites: []enCity{
		{[]string{"Paris"}, "", func(r *rng) string {
			return "01 4" + digits(r, 1) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2)
		}, zip("750")},
		{[]string{"Lyon"}, "", func(r *rng) string {
			return "04 7" + digits(r, 1) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2)
		}, zip("690")},
	}},
	{names: []string{"Switzerland", "Schweiz", "CH"}, legal: []string{"AG", "SA"}, tld: ".ch", sites: []enCity{
		{[]string{"Zürich", "Zurich"}, "", func(r *rng) string { return "044 2" + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) }, zip("80")},
	}},
	{names: []string{"Denmark", "Danmark", "DK"}, legal: []string{"A/S", "ApS"}, tld: ".dk", sites: []enCity{
		{[]string{"København", "Copenhagen"}, "", func(r *rng) string {
			return "+45 33 1" + digits(r, 1) + " " + digits(r, 2) + " " + digits(r, 2)
		}, zip("1")},
	}},
	{names: []string{"Poland", "Polska", "PL"}, legal: []string{"Sp. z o.o.", "S.A."}, tld: ".pl", sites: []enCity{
		{[]string{"Warszawa", "Warsaw"}, "", func(r *rng) string { return "22 5" + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) }, func(r *rng) string { return "0" + digits(r, 1) + "-" + digits(r, 3) }},
	}},
	{names: []string{"Spain", "España", "ES"}, legal: []string{"S.L.", "S.A."}, tld: ".es", sites: []enCity{
		{[]string{"Madrid"}, "", func(r *rng) string { return "91 4" + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) }, zip("280")},
	}},
}

// enBrandWords make company names; the accented ones are written folded
// (Müller → Mueller or Muller) on some records of the same company.
var enBrandFirst = []string{
	"Acme", "Northwind", "Blue Harbor", "Summit", "Crescent", "Ironwood", "Silverline", "Redwood",
	"Pinnacle", "Evergreen", "Bright Path", "Keystone", "Granite", "Harborview", "Lakeside", "Oakridge",
	"Riverstone", "Sunrise", "Westfield", "Brookline", "Cobalt", "Falcon", "Juniper", "Meridian",
	"Müller", "Schröder", "Bäcker", "Lefèvre", "Gómez", "Peña", "Søndergaard", "Dvořák", "Nestlé", "Générale",
	"Société Générale", "Crédit Lyonnais", "Zürcher", "Björk", "Łukasz", "Énergie Verte",
}

var enBrandSecond = []string{
	"Logistics", "Analytics", "Foods", "Systems", "Partners", "Labs", "Energy", "Media", "Health",
	"Capital", "Engineering", "Software", "Consulting", "Manufacturing", "Retail", "Design",
	"Technik", "Bau", "Holding", "Industries",
}

var enIndustries = []string{"Technology", "Manufacturing", "Banking", "Retail", "Healthcare", "Energy", "Media", "Consulting"}

// enNicknames pairs a given name with the short forms people use for it.
var enNicknames = map[string][]string{
	"Robert": {"Bob", "Rob", "Bobby"}, "William": {"Bill", "Will", "Billy"}, "Elizabeth": {"Liz", "Beth", "Liza"},
	"Margaret": {"Peggy", "Maggie", "Meg"}, "Richard": {"Dick", "Rick", "Rich"}, "Katherine": {"Kate", "Kathy", "Katie"},
	"Michael": {"Mike", "Mikey"}, "James": {"Jim", "Jimmy", "Jamie"}, "Jennifer": {"Jen", "Jenny"},
	"Christopher": {"Chris"}, "Daniel": {"Dan", "Danny"}, "Matthew": {"Matt"}, "Anthony": {"Tony"},
	"Joseph": {"Joe", "Joey"}, "Thomas": {"Tom", "Tommy"}, "Charles": {"Chuck", "Charlie"},
	"Edward": {"Ed", "Eddie", "Ted"}, "Patricia": {"Pat", "Patty", "Trish"}, "Susan": {"Sue", "Susie"},
	"Rebecca": {"Becky", "Becca"}, "Alexander": {"Alex"}, "Nicholas": {"Nick"}, "Samantha": {"Sam"},
	"Benjamin": {"Ben"}, "Jonathan": {"Jon"}, "Victoria": {"Vicky", "Tori"}, "Andrew": {"Andy", "Drew"},
	"Stephen": {"Steve"}, "Deborah": {"Debbie", "Deb"}, "Timothy": {"Tim"}, "Gregory": {"Greg"},
	"Lawrence": {"Larry"}, "Kenneth": {"Ken", "Kenny"}, "Theodore": {"Ted", "Theo"}, "Barbara": {"Barb"},
}

var enGiven = []string{
	"Robert", "William", "Elizabeth", "Margaret", "Richard", "Katherine", "Michael", "James", "Jennifer",
	"Christopher", "Daniel", "Matthew", "Anthony", "Joseph", "Thomas", "Charles", "Edward", "Patricia",
	"Susan", "Rebecca", "Alexander", "Nicholas", "Samantha", "Benjamin", "Jonathan", "Victoria", "Andrew",
	"Stephen", "Deborah", "Timothy", "Gregory", "Lawrence", "Kenneth", "Theodore", "Barbara",
	"Emma", "Olivia", "Sophie", "Lucas", "Noah", "Léa", "Zoë", "Jörg", "Søren", "Agnieszka", "José", "María",
}

var enFamily = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson",
	"Thomas", "Moore", "Martin", "Lee", "Walker", "Hall", "Young", "King", "Wright", "Clark",
	"Müller", "Schröder", "Weiß", "Lefèvre", "Gómez", "Núñez", "Jørgensen", "Kowalski", "Dvořák", "Öztürk",
	"Becker", "Dubois", "Rossi", "Jansen", "Nowak",
}

var freeMail = []string{"gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com"}

// foldAccents writes a name without its accents, the way a system without them
// would: Müller as Mueller (German) or Muller, Société as Societe.
func foldAccents(s string, german bool) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ä', 'ö', 'ü':
			if german {
				b.WriteString(map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue"}[r])
				continue
			}
		case 'Ä', 'Ö', 'Ü':
			if german {
				b.WriteString(map[rune]string{'Ä': "Ae", 'Ö': "Oe", 'Ü': "Ue"}[r])
				continue
			}
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ø':
			b.WriteString("oe")
			continue
		case 'Ø':
			b.WriteString("Oe")
			continue
		case 'ł':
			b.WriteString("l")
			continue
		case 'Ł':
			b.WriteString("L")
			continue
		}
		if a, ok := plainLetter[r]; ok {
			b.WriteRune(a)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var plainLetter = func() map[rune]rune {
	m := map[rune]rune{}
	for _, p := range []string{"àáâãäåa", "èéêëe", "ìíîïi", "òóôõöo", "ùúûüu", "ñn", "çc", "ýÿy", "čc", "řr", "šs", "žz", "ěe", "ńn", "śs", "źz", "żz", "ąa", "ęe"} {
		rs := []rune(p)
		for _, r := range rs[:len(rs)-1] {
			m[r] = rs[len(rs)-1]
			if u := []rune(strings.ToUpper(string(r))); len(u) == 1 && u[0] != r {
				m[u[0]] = []rune(strings.ToUpper(string(rs[len(rs)-1])))[0]
			}
		}
	}
	return m
}()

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(foldAccents(s, false)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

type enCompany struct {
	brand, legal string
	country      *enCountry
	domain       string
	industry     string
}

type enSite struct {
	co   *enCompany
	city *enCity
	// street is the address written out, short the same address
	// abbreviated the way postal services and clerks do (Street → St,
	// One → 1, Suite → Ste, Straße → Str., boulevard → bd, Calle → C/).
	street, short string
	post          string
	phone         string
}

// enWriter writes one English export.
type enWriter struct {
	r         *rng
	companies []*enCompany
	names     map[string]bool // country|brand taken
	sites     []*enSite
	seq       int
}

func (g *enWriter) company() *enCompany {
	// A name is unique within its country (two Pinnacle Logistics AG in
	// Zürich could not be told apart by anyone); the same name in another
	// country is another company, as in life.
	var c *enCountry
	var brand string
	for try := 0; ; try++ {
		c = &enCountries[g.r.intn(len(enCountries))]
		brand = enBrandFirst[g.r.intn(len(enBrandFirst))] + " " + enBrandSecond[g.r.intn(len(enBrandSecond))]
		if try >= 1000 {
			brand += fmt.Sprintf(" %d", len(g.companies)) // the names ran out: number them
		}
		if !g.names[c.names[0]+"|"+brand] {
			break
		}
	}
	g.names[c.names[0]+"|"+brand] = true
	co := &enCompany{brand: brand, legal: c.legal[g.r.intn(len(c.legal))], country: c,
		industry: enIndustries[g.r.intn(len(enIndustries))]}
	co.domain = slug(brand) + c.tld
	g.companies = append(g.companies, co)
	return co
}

// site places a company in one of its country's cities not used yet by it.
func (g *enWriter) site(co *enCompany, used map[*enCity]bool) *enSite {
	var city *enCity
	for range 8 {
		city = &co.country.sites[g.r.intn(len(co.country.sites))]
		if !used[city] {
			break
		}
	}
	used[city] = true
	s := &enSite{co: co, city: city, phone: city.phone(g.r), post: city.post(g.r)}
	s.street, s.short = g.streetAddress(co.country.tld)
	g.sites = append(g.sites, s)
	return s
}

// companyName writes the company as one record has it: the legal form
// given, dropped or spelled another way, accents folded, case changed.
func (g *enWriter) companyName(co *enCompany, variant bool) string {
	name := co.brand
	legal := co.legal
	if variant {
		switch g.r.intn(6) {
		case 0:
			legal = ""
		case 1:
			legal = strings.TrimSuffix(legal, ".")
		case 2:
			name = foldAccents(name, g.r.intn(2) == 0)
		case 3:
			legal = co.country.legal[g.r.intn(len(co.country.legal))]
		case 4:
			name = strings.ToUpper(name)
		}
		if legal == "Inc." && g.r.intn(3) == 0 {
			name += ","
		}
	}
	if legal == "" {
		return name
	}
	return name + " " + legal
}

func (g *enWriter) cityName(c *enCity, variant bool) string {
	if variant && len(c.names) > 1 && g.r.intn(2) == 0 {
		return c.names[1+g.r.intn(len(c.names)-1)]
	}
	return c.names[0]
}

func (g *enWriter) countryName(c *enCountry, variant bool) string {
	if variant && g.r.intn(2) == 0 {
		return c.names[1+g.r.intn(len(c.names)-1)]
	}
	return c.names[0]
}

// phoneVariant writes the same number another way: without spaces, with
// the country code, or not at all.
func (g *enWriter) phoneVariant(p string, cc string) string {
	if p == "" {
		return ""
	}
	switch g.r.intn(4) {
	case 0:
		return ""
	case 1:
		return strings.NewReplacer(" ", "", "(", "", ")", "", "-", "").Replace(p)
	case 2:
		if strings.HasPrefix(p, "+") {
			return p
		}
		d := strings.NewReplacer(" ", "", "(", "", ")", "", "-", "").Replace(p)
		if cc != "1" {
			d = strings.TrimPrefix(d, "0")
		}
		return "+" + cc + " " + d
	}
	return p
}

var countryCodes = map[string]string{"United States": "1", "United Kingdom": "44", "Germany": "49", "France": "33",
	"Switzerland": "41", "Denmark": "45", "Poland": "48", "Spain": "34"}

// entities decides how many records each entity gets so that the total is
// n: about dupRate of the entities have 2–3 records.
func (g *enWriter) plan(n int, dupRate float64) []int {
	var counts []int
	total := 0
	for total < n {
		k := 1
		if g.r.float() < dupRate {
			k = 2 + g.r.intn(2)
		}
		k = min(k, n-total)
		counts = append(counts, k)
		total += k
	}
	return counts
}

// salesforceID writes an 18-character Salesforce-style Account id.
func (g *enWriter) salesforceID(prefix string) string {
	g.seq++
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := []byte(prefix + "5g0000")
	for v := g.seq*7919 + 100000; len(b) < 15; v /= 62 {
		b = append(b, alphabet[v%62])
	}
	return string(appendSalesforceChecksum(b, b))
}

type enRow struct {
	cells  []string
	entity string
}

// shuffle places the rows in a random order, so duplicates are not next
// to each other.
func (g *enWriter) shuffle(rows []enRow) {
	for i := len(rows) - 1; i > 0; i-- {
		j := g.r.intn(i + 1)
		rows[i], rows[j] = rows[j], rows[i]
	}
}

// accounts makes Salesforce Account rows: an entity is a company at one
// site; a fifth of the companies have two or three sites (one customer
// each), sharing the name, website and industry.
func (g *enWriter) accounts(n int, dupRate float64) ([]string, []enRow) {
	header := []string{"Id", "Name", "AccountNumber", "Industry", "BillingStreet", "BillingCity", "BillingState",
		"BillingPostalCode", "BillingCountry", "Phone", "Website", "CreatedDate"}
	var rows []enRow
	var sites []*enSite
	for len(sites) < n {
		co := g.company()
		used := map[*enCity]bool{}
		k := 1
		if g.r.float() < 0.2 {
			k = 2 + g.r.intn(2)
		}
		for range k {
			sites = append(sites, g.site(co, used))
		}
	}
	counts := g.plan(n, dupRate)
	for e, k := range counts {
		s := sites[e%len(sites)]
		entity := fmt.Sprintf("A%05d", e+1)
		number := fmt.Sprintf("CD%06d", 100000+e)
		for i := range k {
			variant := i > 0
			street := s.street
			if variant && g.r.intn(2) == 0 {
				street = s.short
			}
			name := g.companyName(s.co, variant)
			if variant && g.r.intn(8) == 0 {
				// The account typed in by its brand alone (Blue Harbor for
				// Blue Harbor Logistics Inc.), the address abbreviated: the
				// address is what says it is the same site.
				name, street = strings.TrimSpace(strings.TrimSuffix(s.co.brand, lastWord(s.co.brand))), s.short
			}
			phone := s.phone
			if variant {
				phone = g.phoneVariant(phone, countryCodes[s.co.country.names[0]])
			}
			web := s.co.domain
			if variant && g.r.intn(2) == 0 {
				web = "https://www." + web
			} else if g.r.intn(2) == 0 {
				web = "www." + web
			}
			num := number
			if variant && g.r.intn(2) == 0 {
				num = "" // a copy typed in again lacks the account number
			}
			created := fmt.Sprintf("20%02d-%02d-%02dT%02d:%02d:00.000Z", 20+g.r.intn(6), 1+g.r.intn(12), 1+g.r.intn(28), g.r.intn(24), g.r.intn(60))
			rows = append(rows, enRow{entity: entity, cells: []string{
				g.salesforceID("001"), name, num, s.co.industry, street,
				g.cityName(s.city, variant), s.city.state, s.post, g.countryName(s.co.country, variant),
				phone, web, created,
			}})
		}
	}
	g.shuffle(rows)
	return header, rows
}

type enPerson struct {
	given, family string
	site          *enSite
	email, phone  string
	title         string
}

var enTitles = []string{"CEO", "CFO", "Head of Sales", "Procurement Manager", "Office Manager", "IT Director", "Buyer", "Operations Lead"}

// contacts makes HubSpot contact rows: an entity is a person at a company.
// Colleagues share their company's e-mail domain and address (they are
// different people); some use a free-mail address.
func (g *enWriter) contacts(n int, dupRate float64) ([]string, []enRow) {
	header := []string{"Record ID", "First Name", "Last Name", "Email", "Phone Number", "Associated Company",
		"Job Title", "City", "Country/Region", "Create Date", "Contact owner", "Lifecycle Stage"}
	owners := enOwners
	stages := []string{"subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"}
	var people []*enPerson
	for len(people) < n {
		co := g.company()
		s := g.site(co, map[*enCity]bool{})
		k := 1 + g.r.intn(4) // one to four people per company
		seen := map[string]bool{}
		for range k {
			p := &enPerson{given: enGiven[g.r.intn(len(enGiven))], family: enFamily[g.r.intn(len(enFamily))], site: s,
				title: enTitles[g.r.intn(len(enTitles))]}
			if seen[p.given+p.family] {
				continue
			}
			seen[p.given+p.family] = true
			local := slug(p.given) + "." + slug(p.family)
			if g.r.intn(6) == 0 {
				p.email = local + fmt.Sprintf("%d", g.r.intn(90)+10) + "@" + freeMail[g.r.intn(len(freeMail))]
			} else {
				p.email = local + "@" + co.domain
			}
			if g.r.intn(3) > 0 {
				p.phone = s.city.phone(g.r)
			}
			people = append(people, p)
		}
	}
	counts := g.plan(n, dupRate)
	var rows []enRow
	for e, k := range counts {
		p := people[e%len(people)]
		entity := fmt.Sprintf("P%05d", e+1)
		owner := owners[g.r.intn(len(owners))]
		for i := range k {
			variant := i > 0
			given, family, email, phone := p.given, p.family, p.email, p.phone
			if variant {
				if nicks := enNicknames[given]; len(nicks) > 0 && g.r.intn(2) == 0 {
					given = nicks[g.r.intn(len(nicks))]
				}
				if g.r.intn(2) == 0 {
					family = foldAccents(family, g.r.intn(2) == 0)
					given = foldAccents(given, false)
				}
				phone = g.phoneVariant(phone, countryCodes[p.site.co.country.names[0]])
				switch g.r.intn(5) {
				case 0:
					email = strings.ToUpper(email[:1]) + email[1:]
				case 1:
					if phone != "" || p.phone != "" {
						email = "" // the copy from a form without the e-mail
						if phone == "" {
							phone = p.phone
						}
					}
				}
			}
			created := fmt.Sprintf("%02d/%02d/20%02d %02d:%02d", 1+g.r.intn(12), 1+g.r.intn(28), 20+g.r.intn(6), g.r.intn(24), g.r.intn(60))
			g.seq++
			rows = append(rows, enRow{entity: entity, cells: []string{
				fmt.Sprintf("%d", 5100000000+g.seq*37), given, family, email, phone, g.companyName(p.site.co, variant),
				p.title, g.cityName(p.site.city, variant), g.countryName(p.site.co.country, variant), created, owner,
				stages[g.r.intn(len(stages))],
			}})
		}
	}
	g.shuffle(rows)
	return header, rows
}

// WriteEnglishCSV writes an English benchmark export of n rows in dialect
// (DialectHubSpotContacts or DialectSalesforceAccounts): the same seed
// gives the same bytes. dupRate is the share of entities with more than one
// record (0 → 0.3, < 0 → none). truth, when not nil, receives id,entity_id.
func WriteEnglishCSV(w io.Writer, dialect string, n int, seed uint64, dupRate float64, truth io.Writer) error {
	if n <= 0 {
		return errs.Usagef("pass a positive number of rows, e.g. --n 1000", "number of rows must be positive, got %d", n)
	}
	dupRate = rate(dupRate, DefaultDupRate)
	g := &enWriter{r: newRNG(seed), names: map[string]bool{}}
	var header []string
	var rows []enRow
	switch dialect {
	case DialectHubSpotContacts:
		header, rows = g.contacts(n, dupRate)
	case DialectSalesforceAccounts:
		header, rows = g.accounts(n, dupRate)
	default:
		return errs.Usagef("use --dialect "+DialectHubSpotContacts+" or "+DialectSalesforceAccounts, "unknown English dialect %q", dialect)
	}
	out, err := newSampleCSV(w, header, truth)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := out.write(r.cells, r.cells[0], r.entity); err != nil {
			return err
		}
	}
	return out.close()
}

// lastWord is the last space-separated word of s.
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }
