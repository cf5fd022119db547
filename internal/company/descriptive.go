package company

// descriptiveWords are words of Latin-script company names, in the
// languages of the lists crmkit reads, that say what a company is or does,
// or where, rather than which company it is: two names sharing only such a
// word ("Shell Internationale Research", "Internationale Whirlpool"; "Canon
// Europa", "Sony Europa") are not named alike. Abbreviations common in
// patent and registry lists are listed with their words.
var descriptiveWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		// Particles and articles.
		"the", "and", "of", "for", "de", "der", "den", "des", "del", "della", "di", "du", "het", "la", "le",
		"les", "el", "los", "las", "il", "van", "von", "vom", "zu", "zur", "und", "et", "en", "te", "y",
		// Honorifics and forms of a company, spelled out.
		"royal", "koninklijke", "koninklijk", "konink", "kon", "maatschappij", "mij", "maatsch", "vennootschap",
		"naamloze", "naamlooze", "besloten", "gesellschaft", "ges", "aktiengesellschaft", "aktienges",
		"compagnie", "cie", "societe", "soc", "sociedad", "societa", "sociedade", "companhia", "cia",
		"compania", "firma", "fabriek", "fabrieken", "fab", "werke", "werk", "groep", "gruppe", "groupe",
		"grupo", "gruppo", "beheer", "verwaltung", "corporation", "incorporated", "limited", "co",
		// Reach.
		"internationale", "internacional", "internazionale", "internat", "national", "nationale", "nat",
		"europe", "europa", "european", "europeenne", "europaische", "euro", "eur", "global", "world",
		"americas", "american", "asia", "pacific", "overseas", "nederlandsche", "nederlandse",
		// What it does.
		"electronics", "electronic", "electric", "electrical", "elektronik", "elektronica", "chemicals",
		"chemical", "chemie", "chimie", "chem", "pharmaceuticals", "pharmaceutical", "pharma", "pharm",
		"software", "engineering", "research", "res", "development", "dev", "manufacturing", "mfg",
		"products", "prods", "product", "materials", "energy", "medical", "health", "healthcare",
		"foods", "food", "motors", "motor", "logistics", "consulting", "consultants", "capital",
		"finance", "financial", "securities", "insurance", "marketing", "media", "communications",
		"telecom", "instruments", "instrument", "instr", "semiconductor", "semiconductors", "storage",
		"data", "network", "networks", "laboratories", "laboratory", "labs", "lab", "sciences",
		"science", "scientific", "resources", "oil", "gas", "petroleum", "steel", "metals", "machines",
		"machinery", "equipment", "devices", "design", "management", "properties", "realty", "estate",
		"construction", "automotive", "textiles", "plastics", "packaging", "printing", "optical",
		"digital", "computer", "computers", "biotech", "biotechnology", "inds", "ind", "mfrs",
		"patent", "patents", "assets", "ip", "intellectual", "property", "licensing", "standards",
		"sales", "retail", "store", "stores", "shop", "bank", "partners", "associates", "agency",
	} {
		m[w] = true
	}
	for w := range genericWords {
		m[w] = true
	}
	for w := range institutionWords {
		m[w] = true
	}
	for w := range englishCountries {
		m[w] = true
	}
	for w := range englishLegalForms {
		m[w] = true
	}
	return m
}()

// Descriptive reports whether w, a word of a Latin-script company Core,
// describes a company (its trade, reach, country or form) rather than
// names it; words of one or two letters are never a name on their own.
// Two Cores that share a word that is not descriptive ("philips" in
// "koninklijke philips electronics" and "philips gloeilampenfabrieken")
// share the name a customer is known by.
func Descriptive(w string) bool { return len(w) < 3 || descriptiveWords[w] }
