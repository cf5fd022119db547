package parseref

// englishCities maps a city named in parentheses after an English company
// name, folded, to the name a city column would give it: "Acme Corp (NYC)"
// is Acme Corp in New York, as 华强电子(深圳) is 华强电子 in 深圳. Only
// well-known cities and their usual short forms are listed, so a bracketed
// word that is part of the name, "(Europe)" or "(Holdings)", stays in Core.
var englishCities = func() map[string]string {
	m := map[string]string{
		"nyc": "new york", "ny": "new york", "new york city": "new york", "manhattan": "new york", "brooklyn": "new york",
		"sf": "san francisco", "la": "los angeles", "dc": "washington", "washington dc": "washington",
		"philly": "philadelphia", "vegas": "las vegas",
	}
	for _, c := range []string{
		// United States
		"new york", "los angeles", "chicago", "houston", "phoenix", "philadelphia", "san antonio",
		"san diego", "dallas", "san jose", "austin", "jacksonville", "fort worth", "columbus",
		"charlotte", "san francisco", "indianapolis", "seattle", "denver", "washington", "boston",
		"el paso", "nashville", "detroit", "oklahoma city", "portland", "las vegas", "memphis",
		"louisville", "baltimore", "milwaukee", "albuquerque", "tucson", "fresno", "sacramento",
		"kansas city", "atlanta", "miami", "raleigh", "omaha", "minneapolis", "tulsa", "cleveland",
		"new orleans", "tampa", "pittsburgh", "cincinnati", "st louis", "saint louis", "orlando",
		"salt lake city", "palo alto", "silicon valley", "hartford", "providence", "richmond",
		"buffalo", "honolulu", "anchorage",
		// Canada
		"toronto", "montreal", "vancouver", "calgary", "ottawa", "edmonton", "winnipeg", "quebec",
		// United Kingdom and Ireland
		"london", "manchester", "birmingham", "leeds", "glasgow", "edinburgh", "liverpool",
		"bristol", "sheffield", "cardiff", "belfast", "newcastle", "nottingham", "dublin", "cork",
		// Europe
		"paris", "berlin", "munich", "hamburg", "frankfurt", "cologne", "dusseldorf", "stuttgart",
		"vienna", "zurich", "geneva", "basel", "amsterdam", "rotterdam", "the hague", "brussels",
		"antwerp", "luxembourg", "madrid", "barcelona", "lisbon", "rome", "milan", "turin",
		"stockholm", "oslo", "copenhagen", "helsinki", "warsaw", "prague", "budapest", "athens",
		"bucharest", "lyon", "marseille",
		// Elsewhere
		"sydney", "melbourne", "brisbane", "perth", "auckland", "singapore", "tokyo", "osaka",
		"seoul", "mumbai", "bangalore", "delhi", "new delhi", "dubai", "tel aviv", "sao paulo",
		"mexico city", "johannesburg", "cape town",
	} {
		m[c] = c
	}
	return m
}()

// englishCountries are dropped from parentheses like (中国): "Acme Corp
// (USA)" is the same customer as "Acme Corp".
var englishCountries = map[string]bool{
	"usa": true, "us": true, "u s a": true, "u s": true, "united states": true, "america": true,
	"uk": true, "u k": true, "united kingdom": true, "great britain": true, "gb": true, "england": true,
	"canada": true, "ireland": true, "australia": true, "new zealand": true, "germany": true,
	"deutschland": true, "france": true, "italy": true, "spain": true, "netherlands": true,
	"belgium": true, "switzerland": true, "austria": true, "sweden": true, "norway": true,
	"denmark": true, "finland": true, "poland": true, "portugal": true, "japan": true,
	"korea": true, "india": true, "singapore": true, "brazil": true, "mexico": true,
	// As written in their own languages, so (Netherlands) and (Nederland)
	// are one qualifier.
	"netherlands the": true, "the netherlands": true, "nederland": true, "holland": true, "nl": true,
	"de": true, "fr": true, "ch": true, "schweiz": true, "suisse": true, "svizzera": true,
	"osterreich": true, "oesterreich": true, "espana": true, "italia": true, "belgie": true,
	"belgique": true, "sverige": true, "norge": true, "danmark": true, "suomi": true, "polska": true,
}
