package normalize

import (
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countryAliases are the names exports use that are not a region's
// English or Chinese display name.
var countryAliases = map[string]string{
	"usa": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "america": "US",
	"uk": "GB", "u.k.": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
	"wales": "GB", "northern ireland": "GB",
	"prc": "CN", "mainland china": "CN", "china mainland": "CN", "people's republic of china": "CN",
	"中国大陆": "CN", "中国内地": "CN", "大陆": "CN", "内地": "CN", "中华人民共和国": "CN",
	"hong kong": "HK", "hongkong": "HK", "香港": "HK", "中国香港": "HK", "hong kong sar": "HK",
	"macao": "MO", "macau": "MO", "澳门": "MO", "中国澳门": "MO",
	"中国台湾": "TW", "台湾省": "TW", "taiwan, china": "TW",
	"korea": "KR", "republic of korea": "KR", "south korea": "KR", "南韩": "KR",
	"uae": "AE", "russian federation": "RU", "viet nam": "VN", "holland": "NL", "the netherlands": "NL",
	"阿联酋": "AE",
	// Names in the country's own language, as European exports write them.
	"deutschland": "DE", "bundesrepublik deutschland": "DE", "österreich": "AT", "schweiz": "CH", "suisse": "CH",
	"svizzera": "CH", "confoederatio helvetica": "CH", "españa": "ES", "espana": "ES", "polska": "PL",
	"danmark": "DK", "sverige": "SE", "norge": "NO", "suomi": "FI", "nederland": "NL", "belgië": "BE",
	"belgique": "BE", "belgien": "BE", "italia": "IT", "česko": "CZ", "česká republika": "CZ",
	"magyarország": "HU", "éire": "IE", "ελλάδα": "GR", "hellas": "GR", "românia": "RO", "hrvatska": "HR",
	"slovensko": "SK", "slovenija": "SI", "lietuva": "LT", "latvija": "LV", "eesti": "EE", "ísland": "IS",
}

var countryIndex struct {
	once sync.Once
	m    map[string]string
}

// CountryRegion returns the phone region (ISO 3166 alpha-2) a country
// value names: "United Kingdom", "UK", "GBR", "GB", "英国", "中国香港" →
// GB or HK; ok=false when it names none crmkit knows.
func CountryRegion(country string) (string, bool) {
	k := countryKey(country)
	if k == "" {
		return "", false
	}
	countryIndex.once.Do(buildCountryIndex)
	r, ok := countryIndex.m[k]
	return r, ok
}

func countryKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(Structured(s)), " "))
}

func buildCountryIndex() {
	m := make(map[string]string, 1200)
	en := display.English.Regions()
	zh := display.Regions(language.SimplifiedChinese)
	zht := display.Regions(language.TraditionalChinese)
	for code := range phonenumbers.GetSupportedRegions() {
		reg, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		m[strings.ToLower(code)] = code
		m[strings.ToLower(reg.ISO3())] = code
		for _, names := range []display.Namer{en, zh, zht} {
			if n := names.Name(reg); n != "" {
				m[countryKey(n)] = code
			}
		}
	}
	for k, v := range countryAliases {
		m[countryKey(k)] = v
	}
	countryIndex.m = m
}
