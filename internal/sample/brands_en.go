package sample

// English brand names come in four shapes, mixed in one index space (see
// namespace.go): Northwind (prefix+suffix), Harper & Cole (two family
// names), Zentrix (two invented syllables), Summit Walker (prefix + family
// name).
var (
	brandPrefixes = []string{
		"North", "South", "East", "West", "Blue", "Red", "Green", "Silver", "Golden", "Iron",
		"Bright", "Clear", "Swift", "True", "Prime", "Summit", "Apex", "Nova", "Star", "Sun",
		"Lake", "River", "Stone", "Oak", "Pine", "Cedar", "Maple", "Eagle", "Falcon", "Hawk",
		"Fox", "Wolf", "Bear", "Lion", "Harbor", "Bay", "Coast", "Ridge", "Valley", "Cloud",
		"Sky", "Storm", "Frost", "Ever", "Open", "Core", "Vector", "Quantum", "Pixel", "Crystal",
		"Atlas", "Orion", "Titan", "Zenith", "Polar", "Cobalt", "Amber", "Jade", "Onyx", "Ruby",
	}
	brandSuffixes = []string{
		"wind", "peak", "field", "bridge", "gate", "line", "wave", "point", "view", "light",
		"forge", "path", "port", "crest", "wick", "brook", "vale", "haven", "spring", "mark",
		"scape", "sight", "flow", "bound", "craft", "grid", "stream", "shore", "rock", "holm",
		"dale", "ford", "ridge", "side", "land", "water", "fire", "star", "moor", "glen",
	}
	brandSyllables1 = []string{
		"Zen", "Cor", "Vel", "Ax", "Lum", "Quor", "Tri", "Nex", "Ver", "Sol",
		"Kin", "Zy", "Ori", "Pra", "Cal", "Mer", "Tal", "Vor", "Ely", "Syn",
		"Aur", "Bel", "Dyn", "Fen", "Gal", "Hal", "Ix", "Jor", "Kal", "Lyr",
	}
	brandSyllables2 = []string{
		"trix", "vanta", "ora", "ion", "ara", "ex", "ium", "ova", "is", "ent",
		"ica", "ata", "eon", "ix", "onix", "yra", "ello", "ant", "ero", "una",
		"ios", "ava", "etic", "orum", "alis", "esta", "ique", "ona", "ylis", "ento",
	}
)

// tradesEN are English industry words (Acme Robotics), parallel to
// sistersEN like tradesZH and sistersZH.
var tradesEN = []trade{
	{"Robotics", "robotics", 2}, {"Logistics", "logistics", 12}, {"Software", "software", 1},
	{"Systems", "systems", 1}, {"Analytics", "analytics", 1}, {"Manufacturing", "mfg", 16},
	{"Foods", "foods", 9}, {"Pharmaceuticals", "pharma", 6}, {"Medical", "medical", 6},
	{"Energy", "energy", 4}, {"Solar", "solar", 4}, {"Materials", "materials", 7},
	{"Electronics", "electronics", 0}, {"Networks", "networks", 5}, {"Consulting", "consulting", 19},
	{"Design", "design", 17}, {"Media", "media", 17}, {"Apparel", "apparel", 8},
	{"Chemicals", "chem", 7}, {"Instruments", "instruments", 21}, {"Semiconductor", "semi", 0},
	{"Biotech", "bio", 6}, {"Engineering", "eng", 3}, {"Construction", "construction", 13},
	{"Packaging", "packaging", 16}, {"Health", "health", 6}, {"Outdoor", "outdoor", 20},
	{"Motors", "motors", 15}, {"Aerospace", "aero", 2}, {"Marine", "marine", 12},
	{"Textiles", "textiles", 8}, {"Furniture", "furniture", 14}, {"Security", "security", 1},
	{"Data", "data", 1}, {"Cloud", "cloudco", 1}, {"Learning", "learning", 18},
	{"Travel", "travel", 10}, {"Beverages", "beverages", 9}, {"Cosmetics", "cosmetics", 20},
	{"Plastics", "plastics", 7},
}

var sistersEN = []trade{
	{"Holdings", "holdings", 22}, {"Capital", "capital", 22}, {"Ventures", "ventures", 22},
	{"Trading", "trading", 20}, {"Services", "services", 19}, {"International", "intl", 20},
	{"Solutions", "solutions", 1}, {"Supply", "supply", 12}, {"Distribution", "distribution", 20},
	{"Retail", "retail", 20}, {"Leasing", "leasing", 22}, {"Realty", "realty", 23},
	{"Finance", "finance", 22}, {"Investments", "investments", 22}, {"Brands", "brands", 20},
	{"Enterprises", "enterprises", 20}, {"Industries", "industries", 16}, {"Global", "global", 20},
	{"Digital", "digital", 1}, {"Partners", "partners", 19}, {"Worldwide", "worldwide", 20},
	{"Management", "management", 19}, {"Properties", "properties", 23}, {"Imports", "imports", 20},
	{"Exports", "exports", 20}, {"Commerce", "commerce", 20}, {"Resources", "resources", 4},
	{"Development", "development", 23}, {"Innovations", "innovations", 1}, {"Studios", "studios", 17},
	{"Agency", "agency", 17}, {"Associates", "associates", 19}, {"Outsourcing", "outsourcing", 19},
	{"Sourcing", "sourcing", 20}, {"Operations", "operations", 19}, {"Transport", "transport", 12},
	{"Dynamics", "dynamics", 2}, {"Insights", "insights", 19}, {"Equity", "equity", 22},
	{"Americas", "americas", 20},
}

var subsidiariesEN = []struct{ word, code string }{
	{"Sales", "sales"}, {"Services", "svc"}, {"Asia", "asia"},
}

// Legal forms of English company names and how often each is the one on
// file; a re-entered record often picks another.
var legalEN = []string{"Inc.", "LLC", "Ltd.", "Corp.", "Co., Ltd.", "Inc", "Corporation", "Ltd", "Limited", ""}

var legalWeightsEN = cumulative([]float64{30, 20, 12, 8, 6, 5, 4, 4, 3, 8})
