package dedupe

import (
	"strings"

	"github.com/crmkit/crmkit/internal/similar"
)

// cityAliases maps a city's name in its own language, or a common short
// form, to the English name, as folded (accents out, German digraphs read
// as plain vowels): München, Muenchen and Munich are one city. A company
// in two different cities is two sites (see otherSite), so one city
// written two ways must not look like two.
var cityAliases = map[string]string{
	"munchen": "munich", "koln": "cologne", "kobenhavn": "copenhagen",
	"warszawa": "warsaw", "krakow": "cracow", "wien": "vienna", "praha": "prague",
	"roma": "rome", "milano": "milan", "napoli": "naples", "torino": "turin",
	"firenze": "florence", "venezia": "venice", "genova": "genoa",
	"lisboa": "lisbon", "porto": "oporto", "sevilla": "seville",
	"geneve": "geneva", "genf": "geneva", "bruxelles": "brussels", "brussel": "brussels",
	"antwerpen": "antwerp", "anvers": "antwerp", "den haag": "the hague", "s gravenhage": "the hague",
	"goteborg": "gothenburg", "athina": "athens", "moskva": "moscow",
	"nurnberg": "nuremberg", "hannover": "hanover", "luzern": "lucerne",
	"bucuresti": "bucharest", "beograd": "belgrade", "kyiv": "kiev",
	"sf": "san francisco", "nyc": "new york", "la": "los angeles",
	"dc": "washington", "washington dc": "washington", "washington d c": "washington",
	"philly": "philadelphia", "vegas": "las vegas",
}

// aliasCity returns the English name of a folded city, or the city itself.
func aliasCity(s string) string {
	if s == "" || hasHan(s) {
		return s
	}
	s = similar.FoldDigraphs(s)
	if strings.ContainsAny(s, ".,'-") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' || r == '\'' || r == '-' || r == ' ' }), " ")
	}
	if en, ok := cityAliases[s]; ok {
		return en
	}
	return s
}
