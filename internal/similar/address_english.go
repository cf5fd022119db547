package similar

import "strings"

// streetTypes are the canonical street-type abbreviations AddressKey
// produces; two different ones name different streets (Main St, Main Ave).
// At most 32: they are bits of a uint32.
var streetTypes = [...]string{
	"st", "ave", "blvd", "rd", "dr", "pl", "ln", "ct", "cct", "cir", "cres",
	"tce", "hwy", "pkwy", "sq", "aly", "expy", "fwy", "plz", "way",
	"trl", "cl", "gdns", "grv", "pde", "tpke", "cv", "rue", "calle", "via", "ctra", "pso",
}

// directions are the canonical compass abbreviations.
var directions = [...]string{"n", "s", "e", "w", "ne", "nw", "se", "sw"}

// streetCoreJaroWinkler is the token Monge-Elkan score from which two
// streets' names agree (sunset/sunst, wallaby/walaby).
const streetCoreJaroWinkler = 0.9

// wordBit is w's bit in a set over list, 0 if w is not in list.
func wordBit(list []string, w string) uint32 {
	for i, x := range list {
		if x == w {
			return 1 << i
		}
	}
	return 0
}

// parseEnglish reads space-separated key tokens: the first plain number is
// the house number; numbers after unit words (ste 200), before fl (3rd fl)
// or after the house number are unit identifiers; 5/12 is unit 5 at number
// 12; everything else, ordinals included (63rd st), is street.
func (p *addressParts) parseEnglish(key string) {
	afterUnitWord := false
	for rest := key; rest != ""; {
		var tok string
		tok, rest, _ = strings.Cut(rest, " ")
		switch {
		case tok == "":
		case afterUnitWord:
			afterUnitWord = false
			unit, number, slashed := strings.Cut(tok, "/")
			p.addUnit(unit)
			if slashed && !p.number.present() {
				p.number = parseHouseNumber(number) // unit 3/12: unit 3 at number 12
			}
		case isUnitWord(tok):
			afterUnitWord = true
		case isBareUnit(tok):
			p.addUnit(tok) // Lower Level, Basement: a unit without a number
		case isOrdinal(tok) && strings.HasPrefix(rest, "fl") && (len(rest) == 2 || rest[2] == ' '):
			p.addUnit(tok[:digitRun(tok, 0)]) // 3rd fl is floor 3, not a street
			rest = strings.TrimPrefix(rest[2:], " ")
		case tok[0] >= '0' && tok[0] <= '9' && !isOrdinal(tok):
			unit, number, slashed := strings.Cut(tok, "/")
			if slashed {
				p.addUnit(unit)
				tok = number
			}
			if p.number.present() {
				p.addUnit(tok)
			} else {
				p.number = parseHouseNumber(tok)
			}
		case tok == "no" || tok == "po" || tok == "box":
			// noise words around numbers
		default:
			p.addStreet(tok)
		}
	}
}

// isOrdinal reports a numbered street: 1st, 2nd, 63rd, 4th.
func isOrdinal(tok string) bool { return ordinalDigits(tok) > 0 }

// ordinalDigits is the length of an ordinal's number (93rd → 2), else 0.
func ordinalDigits(tok string) int {
	n := digitRun(tok, 0)
	if n == 0 || len(tok)-n != 2 {
		return 0
	}
	switch tok[n:] {
	case "st", "nd", "rd", "th":
		return n
	}
	return 0
}

func englishStreetsAgree(a, b []string) bool {
	var ca, cb [maxStreetTokens]string
	coreA, typesA, dirsA := splitStreet(a, ca[:0])
	coreB, typesB, dirsB := splitStreet(b, cb[:0])
	if typesA&typesB == 0 && typesA != 0 && typesB != 0 {
		return false
	}
	if dirsA&dirsB == 0 && dirsA != 0 && dirsB != 0 {
		return false
	}
	if len(coreA) == 0 || len(coreB) == 0 {
		return len(coreA) == len(coreB)
	}
	return TokenSimilarity(coreA, coreB) >= streetCoreJaroWinkler || sameJoinedCore(coreA, coreB)
}

// splitStreet separates the street's name words from its type and
// direction words, which it returns as bit sets of their positions in
// streetTypes and directions.
func splitStreet(words []string, core []string) (_ []string, types, dirs uint32) {
	for _, w := range words {
		if bit := wordBit(streetTypes[:], w); bit != 0 {
			types |= bit
		} else if bit := wordBit(directions[:], w); bit != 0 {
			dirs |= bit
		} else {
			core = append(core, w)
		}
	}
	return core, types, dirs
}
