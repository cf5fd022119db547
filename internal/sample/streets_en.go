package sample

import (
	"fmt"
	"strings"
)

// Street addresses of the English benchmark, written out and abbreviated:
// the same site appears both ways in an export (1 Market St on one record,
// One Market Street on another), in each country's own style.

// enStreetType is a street type written out and abbreviated.
type enStreetType struct{ long, short string }

var (
	usStreetTypes = []enStreetType{
		{"Street", "St"}, {"Avenue", "Ave"}, {"Boulevard", "Blvd"}, {"Road", "Rd"}, {"Drive", "Dr"},
		{"Lane", "Ln"}, {"Court", "Ct"}, {"Place", "Pl"}, {"Plaza", "Plz"}, {"Parkway", "Pkwy"},
	}
	ukStreetTypes = []enStreetType{
		{"Street", "St"}, {"Road", "Rd"}, {"Lane", "Ln"}, {"Close", "Cl"}, {"Gardens", "Gdns"},
		{"Grove", "Grv"}, {"Crescent", "Cres"}, {"Terrace", "Terr"}, {"Square", "Sq"},
	}
	enStreetNames  = []string{"Market", "Main", "Oak", "Maple", "Park", "Lake", "Hill", "Church", "Mill", "High", "King", "Queen"}
	deStreetNames  = []string{"Haupt", "Bahnhof", "Schiller", "Goethe", "Linden", "Kaiser", "Garten", "Mühlen"}
	frStreetNames  = []string{"de la Paix", "Victor Hugo", "Haussmann", "de Rivoli", "Foch", "Voltaire", "Saint-Honoré"}
	esStreetNames  = []string{"Mayor", "de Alcalá", "Serrano", "de Colón", "del Prado", "de Goya"}
	plStreetNames  = []string{"Marszałkowska", "Piękna", "Długa", "Nowy Świat", "Koszykowa"}
	dkStreetNames  = []string{"Vesterbrogade", "Nørregade", "Amagertorv", "Bredgade"}
	directions     = []enStreetType{{"North", "N"}, {"South", "S"}, {"East", "E"}, {"West", "W"}}
	enNumberWords  = []string{"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"}
	enUnitWords    = []enStreetType{{"Suite", "Ste"}, {"Floor", "Fl"}, {"Unit", "Unit"}}
	frStreetTypes  = []enStreetType{{"rue", "rue"}, {"boulevard", "bd"}, {"avenue", "av."}, {"place", "pl."}}
	esStreetTypes  = []enStreetType{{"Calle", "C/"}, {"Avenida", "Avda."}, {"Plaza", "Pl."}}
	deStreetSuffix = []enStreetType{{"straße", "str."}, {"platz", "pl."}}
)

// streetAddress makes a site's street address for a company of the
// country with top-level domain tld: written out, and abbreviated.
func (g *enWriter) streetAddress(tld string) (long, short string) {
	r := g.r
	n := r.between(1, 999)
	switch tld {
	case ".de", ".ch":
		t := deStreetSuffix[r.intn(len(deStreetSuffix))]
		name := deStreetNames[r.intn(len(deStreetNames))]
		long = name + t.long
		if tld == ".ch" {
			long = strings.ReplaceAll(long, "ß", "ss") // Swiss spelling
		}
		n = r.between(1, 120)
		return fmt.Sprintf("%s %d", long, n), fmt.Sprintf("%s%s %d", name, t.short, n)
	case ".fr":
		t := frStreetTypes[r.intn(len(frStreetTypes))]
		name := frStreetNames[r.intn(len(frStreetNames))]
		n = r.between(1, 150)
		return fmt.Sprintf("%d %s %s", n, t.long, name), fmt.Sprintf("%d %s %s", n, t.short, name)
	case ".es":
		t := esStreetTypes[r.intn(len(esStreetTypes))]
		name := esStreetNames[r.intn(len(esStreetNames))]
		n = r.between(1, 150)
		return fmt.Sprintf("%s %s %d", t.long, name, n), fmt.Sprintf("%s %s %d", t.short, name, n)
	case ".pl":
		name := plStreetNames[r.intn(len(plStreetNames))]
		n = r.between(1, 150)
		return fmt.Sprintf("ulica %s %d", name, n), fmt.Sprintf("ul. %s %d", name, n)
	case ".dk":
		name := dkStreetNames[r.intn(len(dkStreetNames))]
		n = r.between(1, 150)
		return fmt.Sprintf("%s %d", name, n), fmt.Sprintf("%s %d", name, n)
	}
	types := usStreetTypes
	if tld == ".co.uk" {
		types = ukStreetTypes
	}
	t := types[r.intn(len(types))]
	name := enStreetNames[r.intn(len(enStreetNames))]
	longName, shortName := name+" "+t.long, name+" "+t.short
	if tld == ".com" && r.intn(6) == 0 {
		d := directions[r.intn(len(directions))]
		longName, shortName = d.long+" "+longName, d.short+" "+shortName
	}
	num, shortNum := fmt.Sprint(n), fmt.Sprint(n)
	if r.intn(6) == 0 {
		// One Market Plaza: a low number written as a word.
		k := r.between(1, len(enNumberWords))
		num, shortNum = enNumberWords[k-1], fmt.Sprint(k)
	}
	long, short = num+" "+longName, shortNum+" "+shortName
	if r.intn(4) == 0 {
		u := enUnitWords[r.intn(len(enUnitWords))]
		id := fmt.Sprint(r.between(2, 40) * 10)
		if u.long == "Floor" {
			id = fmt.Sprint(r.between(2, 30))
		}
		long += ", " + u.long + " " + id
		short += " " + u.short + " " + id
	}
	return long, short
}
