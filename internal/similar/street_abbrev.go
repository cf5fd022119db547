package similar

import (
	"bytes"
	"strconv"
)

// Street-address words and their abbreviations, folded by AddressKey for
// comparison only (values are kept as written). The groups follow the usual
// postal practice: the USPS street suffixes and secondary unit designators
// (Publication 28), Royal Mail's common forms (Close, Gardens, Grove,
// Parade) and the European street words (Straße/Str., rue, avenue/av.,
// boulevard/bd, via, calle/c/, plaza/piazza/platz/plac). The first word of
// a group is the canonical form AddressKey writes; it maps to itself, so a
// key is its own key.
var addressWordGroups = [][]string{
	// Street types (suffixes, or prefixes in French, Spanish and Italian).
	// "st", "dr", "pl" and their full forms are positional: see below.
	{"ave", "avenue", "av", "aven", "avenu", "avn", "avnue", "avda", "avenida"},
	{"blvd", "boulevard", "boul", "boulv", "blv", "bd", "bvd"},
	{"rd", "road"},
	{"ln", "lane"},
	{"ct", "court", "crt"},
	{"cct", "circuit", "crct"},
	{"cir", "circle", "circ", "circl", "crcl", "crcle"},
	{"cres", "crescent", "cresc", "crsent", "crsnt"},
	{"tce", "terrace", "terr", "ter"},
	{"hwy", "highway", "hiway", "hiwy", "hway"},
	{"pkwy", "parkway", "pky", "parkwy", "pkway"},
	{"sq", "square", "sqr", "sqre", "squ"},
	{"aly", "alley", "ally"},
	{"expy", "expressway", "expr", "expw"},
	{"fwy", "freeway", "freewy", "frway", "frwy"},
	{"plz", "plaza", "plza", "pza", "piazza", "platz", "plac"},
	{"way", "wy"},
	{"trl", "trail"},
	{"cl", "close"},
	{"gdns", "gardens", "garden", "gdn", "gardn", "grdn"},
	{"grv", "grove", "grov", "gro"},
	{"pde", "parade"},
	{"tpke", "turnpike", "trnpk", "turnpk"},
	{"cv", "cove"},
	{"rue"},
	{"calle"},
	{"via"},
	{"ctra", "carretera"},
	{"pso", "paseo"},
	{"ul", "ulica"},

	// Words of a street's name with a usual short form.
	{"ctr", "center", "centre", "cntr", "cent", "centr"},
	{"mt", "mount"},
	{"mtn", "mountain"},
	{"ft", "fort"},
	{"pt", "point"},
	{"hts", "heights"},
	{"jct", "junction"},
	{"sta", "station"},
	{"xing", "crossing", "crssng"},
	{"ext", "extension", "extn"},
	{"rte", "route"},
	{"hbr", "harbor", "harbour"},
	{"vly", "valley"},
	{"vlg", "village"},
	{"crk", "creek"},
	{"brg", "bridge"},
	{"cswy", "causeway"},
	{"grn", "green"},
	{"park", "pk"},
	{"jr", "junior"},

	// Compass directions.
	{"n", "north"}, {"s", "south"}, {"e", "east"}, {"w", "west"},
	{"ne", "northeast"}, {"nw", "northwest"}, {"se", "southeast"}, {"sw", "southwest"},

	// Secondary unit designators: the ones that take an identifier fold
	// to a unit word (isUnitWord); "suite" and "ste" are positional.
	{"fl", "floor", "flr", "level"},
	{"unit", "apartment", "apt", "flat", "department", "dept", "hangar", "hngr", "trailer", "trlr", "spc"},
	{"rm", "room"},
	{"bldg", "building"},
	{"bsmt", "basement"},
	{"lbby", "lobby"},
	{"ph", "penthouse"},
	{"frnt", "front"},
	{"lowr", "lower"},
	{"uppr", "upper"},

	// "No." before a house number (dropped when a number follows).
	{"no", "number", "nr"},

	// Ordinal street names and floors: Fifth Avenue is 5th Ave.
	{"1st", "first"}, {"2nd", "second"}, {"3rd", "third"}, {"4th", "fourth"}, {"5th", "fifth"},
	{"6th", "sixth"}, {"7th", "seventh"}, {"8th", "eighth"}, {"9th", "ninth"}, {"10th", "tenth"},
	{"11th", "eleventh"}, {"12th", "twelfth"}, {"13th", "thirteenth"}, {"14th", "fourteenth"},
	{"15th", "fifteenth"}, {"16th", "sixteenth"}, {"17th", "seventeenth"}, {"18th", "eighteenth"},
	{"19th", "nineteenth"}, {"20th", "twentieth"},
}

// addressWords maps every word of addressWordGroups to its group's
// canonical form.
var addressWords = func() map[string]string {
	m := map[string]string{}
	for _, g := range addressWordGroups {
		for _, w := range g {
			m[w] = g[0]
		}
	}
	return m
}()

// A positional word reads one way before a street's name and another way
// after it: "St James St" is Saint James Street, "Dr Martin Luther King
// Blvd" is Doctor, "Ste-Catherine" is Sainte, "Pl. Mayor" and "Place
// Vendôme" are squares (plz) while "Wallaby Pl" is a Place, "V. Roma" is
// Via Roma. The whole group reads by position — the full word too — so
// that a key is its own key: prefix is written when the word stands where
// a street's name starts (first, or after a number, a street type, a
// direction or a unit) and a name word follows; suffix otherwise.
type positionalWord struct {
	suffix, prefix string
	minNext        int // the shortest name word that makes it a prefix
}

var positionalWords = func() map[string]positionalWord {
	m := map[string]positionalWord{}
	add := func(p positionalWord, words ...string) {
		for _, w := range words {
			m[w] = p
		}
	}
	// Straße/Str., Strasse and Polish ulica are Street.
	add(positionalWord{"st", "saint", 2}, "st", "street", "str", "strt", "straße", "strasse", "saint")
	add(positionalWord{"dr", "doctor", 2}, "dr", "drive", "driv", "drv", "doctor")
	// Suite identifiers are numbers or single letters (Ste 200, Suite B).
	add(positionalWord{"ste", "sainte", 3}, "ste", "suite", "sainte")
	add(positionalWord{"pl", "plz", 2}, "pl", "place")
	add(positionalWord{"v", "via", 2}, "v")
	return m
}()

// cardinalWords are the number words read as a house number when they
// stand before a street's name and no house number came before them: One
// Hartford Plaza is 1 Hartford Plz, and so is Suite 400, One Hartford
// Plaza. cardinalWords[i] is i+1.
var cardinalWords = [...]string{
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
}

var cardinals = func() map[string]int {
	m := map[string]int{}
	for i, w := range cardinalWords {
		m[w] = i + 1
	}
	return m
}()

// isStreetType reports a canonical street type: two different ones name
// different streets.
func isStreetType(w string) bool { return wordBit(streetTypes[:], w) != 0 }

// isNameWord reports a word that can be part of a street's name: letters
// first, two characters or more, and not a street type, direction, unit
// designator, number word or positional word. It gives the same answer
// for a word and for its canonical form.
func isNameWord(w []byte) bool {
	if len(w) < 2 || w[0] >= '0' && w[0] <= '9' {
		return false
	}
	if _, ok := positionalWords[string(w)]; ok {
		return false
	}
	if _, ok := cardinals[string(w)]; ok {
		return false
	}
	c, ok := addressWords[string(w)]
	if !ok {
		return string(w) != "po" && string(w) != "box"
	}
	switch {
	case c == "no", isStreetType(c), isUnitWord(c), wordBit(directions[:], c) != 0, c[0] >= '0' && c[0] <= '9':
		return false
	}
	switch c {
	case "bsmt", "lbby", "ph", "frnt", "lowr", "uppr":
		return false
	}
	return true
}

// heldWord is a positional or number word waiting for the word after it.
type heldWord struct {
	pos      positionalWord
	cardinal string // the digits of a number word opening the address
	word     string // the number word as written
}

// hold keeps word back when how it reads depends on the next word: a
// positional word, or a number word where a house number may stand.
func (st *keyState) hold(word []byte) bool {
	if p, ok := positionalWords[string(word)]; ok {
		st.held, st.holding = heldWord{pos: p}, true
		return true
	}
	if n, ok := cardinals[string(word)]; ok && !st.sawNumber && !st.afterName && !st.heldNo {
		st.held, st.holding = heldWord{cardinal: strconv.Itoa(n), word: cardinalWords[n-1]}, true
		return true
	}
	return false
}

// resolveHeld writes the held word now that the next word (nil: none, or
// not a word) is known.
func (st *keyState) resolveHeld(dst, next []byte) []byte {
	if !st.holding {
		return dst
	}
	st.holding = false
	h := st.held
	out := h.pos.suffix
	switch {
	case h.cardinal != "":
		out = h.word
		if isNameWord(next) {
			out = h.cardinal
			st.sawNumber = true
		}
	case !st.afterName && len(next) >= h.pos.minNext && isNameWord(next):
		out = h.pos.prefix
	}
	st.afterName = false
	st.lastUnit = isUnitWord(out)
	return st.emit(dst, out, nil)
}

// foldCompound shortens a German or Dutch compound street name the way it
// is abbreviated: Hauptstraße, Hauptstrasse → hauptstr; Kalverstraat →
// kalverstr; Marienplatz → marienpl. word is lowercase and is changed in
// place.
func foldCompound(word []byte) []byte {
	for _, suf := range [...]struct{ long, short string }{
		{"straße", "str"}, {"strasse", "str"}, {"straat", "str"}, {"platz", "pl"},
	} {
		if len(word) >= len(suf.long)+2 && bytes.HasSuffix(word, []byte(suf.long)) {
			return append(word[:len(word)-len(suf.long)], suf.short...)
		}
	}
	return word
}

// spanishCalle reads "C/" as calle (C/ Mayor 5): s[i] is the character
// after the word.
func spanishCalle(word []byte, s string, i int) []byte {
	if len(word) == 1 && word[0] == 'c' && i < len(s) && s[i] == '/' {
		return append(word[:0], "calle"...)
	}
	return word
}

// noteNumber records a house number written in digits: a number after a
// unit word (Suite 400) or an ordinal (3rd) is not one.
func (st *keyState) noteNumber(word []byte) {
	if len(word) > 0 && word[0] >= '0' && word[0] <= '9' && !st.lastUnit && !isOrdinal(string(word)) {
		st.sawNumber = true
	}
}
