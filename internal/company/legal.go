package company

import "strings"

// hanLegalForms are Chinese legal forms, longest first so that 股份有限公司
// is recognized before 有限公司 and 公司.
var hanLegalForms = []string{
	"股份有限公司", "有限责任公司", "有限公司", "股份公司",
	"有限合伙", "合伙企业", "普通合伙", "总公司", "公司",
}

// hanGroupForms are kept apart because a group or holding word says less
// about the entity than a legal form: it only wins Suffix when nothing else
// is found.
var hanGroupForms = []struct {
	form string
	rank int
}{{"集团", rankGroup}, {"控股", rankHolding}}

// englishLegalForms maps legal-form words to their normal spelling.
var englishLegalForms = map[string]string{
	"inc": "inc", "incorporated": "inc", "llc": "llc", "ltd": "ltd", "limited": "ltd",
	"coltd": "ltd", "co": "co", "company": "co", "corp": "corp", "corporation": "corp",
	"gmbh": "gmbh", "plc": "plc", "sa": "sa", "ag": "ag", "bv": "bv", "nv": "nv",
	"pty": "pty", "llp": "llp", "lp": "lp", "pte": "pte", "sarl": "sarl", "srl": "srl",
	"spa": "spa", "kk": "kk", "oy": "oy", "ab": "ab", "pvt": "pvt", "bhd": "bhd",
	"sdn": "sdn", "kg": "kg", "ug": "ug", "sas": "sas",
	// The rest of the EU and EEA, as written after folding (dots gone,
	// A/S joined to as, accents left to the caller: Oü reads ou when folded).
	"as": "as", "aps": "aps", "asa": "asa", "ans": "ans", "abp": "abp", "hb": "hb", "kb": "kb",
	"oyj": "oyj", "ehf": "ehf", "hf": "hf", "ivs": "ivs", "amba": "amba",
	"sl": "sl", "slu": "slu", "sll": "sll", "ltda": "ltda", "lda": "lda", "sgps": "sgps",
	"sprl": "sprl", "scrl": "scrl", "bvba": "bvba", "cvba": "cvba", "vof": "vof",
	"sasu": "sasu", "eurl": "eurl", "snc": "snc", "sca": "sca", "sapa": "sapa", "scarl": "scarl",
	"ohg": "ohg", "kgaa": "kgaa", "gbr": "gbr", "ek": "ek", "mbh": "gmbh",
	"sro": "sro", "spol": "sro", "kft": "kft", "zrt": "zrt", "nyrt": "nyrt", "bt": "bt",
	"doo": "doo", "dd": "dd", "eood": "eood", "ood": "ood", "ead": "ead",
	"ou": "ou", "uab": "uab", "sia": "sia", "ae": "ae", "ike": "ike", "epe": "epe",
	"spzoo": "spzoo", "spj": "spj", "spk": "spk", "ska": "ska", "se": "se",
}

// multiWordLegalForms are legal forms written as several words once
// folded: Sp. z o.o. (Poland), S.à r.l. (Luxembourg, folded sa rl), spol.
// s r.o. (Czechia).
var multiWordLegalForms = []struct{ words, form string }{
	{"sp z oo", "spzoo"}, {"sp zoo", "spzoo"}, {"sa rl", "sarl"}, {"s a rl", "sarl"},
	{"spol s ro", "sro"}, {"s ro", "sro"}, {"sp j", "spj"}, {"sp k", "spk"},
	{"gmbh and co kg", "kg"}, {"s l", "sl"}, {"a s", "as"},
}

// branchMarkers end the name of a branch office.
var branchMarkers = []string{"分公司", "分店", "分行", "支行"}

// stripLegal removes one trailing legal form (Chinese or English), or a
// leading "the"; it never empties s.
func stripLegal(s string, f *findings) string {
	if isHanLegalForm(s) {
		return s // 有限公司 alone must not become 有限
	}
	if rest, form, ok := hanLegalIndex.cut(s, true); ok {
		f.noteLegal(form, rankForm)
		return rest
	}
	for _, g := range hanGroupForms {
		if len(s) > len(g.form) && strings.HasSuffix(s, g.form) {
			f.noteLegal(g.form, g.rank)
			return s[:len(s)-len(g.form)]
		}
	}
	if rest, form, ok := cutLatinLegal(s); ok {
		f.noteLegal(form, rankForm)
		return rest
	}
	if word, rest := firstWord(s); rest != "" && word != "" {
		if word == "the" {
			return rest
		}
		if form, ok := leadingLegalForms[word]; ok { // N.V. Philips, PT Astra
			f.noteLegal(form, rankForm)
			return rest
		}
	}
	return s
}

// cutLatinLegal cuts one trailing Latin-script legal form, of one word
// or several (multiWordLegalForms), from folded s and returns the name
// before it; ok is false, and s returned, when s holds no name before a
// legal form.
func cutLatinLegal(s string) (rest, form string, ok bool) {
	for _, mw := range multiWordLegalForms {
		if n := len(s) - len(mw.words); n > 1 && s[n-1] == ' ' && strings.HasSuffix(s, mw.words) {
			return s[:n-1], mw.form, true
		}
	}
	if rest, word := lastWord(s); rest != "" && word != "" {
		if form, ok := englishLegalForms[word]; ok {
			// "Smith & Co" leaves a dangling "and".
			if r, w := lastWord(rest); w == "and" && r != "" {
				rest = r
			}
			return rest, form, true
		}
	}
	return s, "", false
}

// leadingLegalForms are the legal forms written before the name.
var leadingLegalForms = map[string]string{"nv": "nv", "bv": "bv", "pt": "pt"}

// legalGroup recognizes a parenthesized legal form: (集团), (有限合伙),
// (Holdings) is not one, but (Pty) Ltd style "(pty)" is.
func legalGroup(s string) (form string, rank int, ok bool) {
	if isHanLegalForm(s) {
		return s, rankForm, true
	}
	for _, g := range hanGroupForms {
		if s == g.form {
			return g.form, g.rank, true
		}
	}
	if form, ok := englishLegalForms[s]; ok {
		return form, rankForm, true
	}
	return "", 0, false
}

// stripBranch removes a branch marker and the branch's location: in
// 平安保险股份有限公司深圳分公司 everything after the parent's legal form is
// the branch's own name, and 深圳 becomes the Region.
func stripBranch(s string, f *findings) string {
	if rest, _, ok := branchIndex.cut(s, true); ok {
		f.branch = true
		return stripBranchLocation(rest, f)
	}
	if rest, word := lastWord(s); word == "branch" && rest != "" {
		f.branch = true
		if r, w := lastWord(rest); w == "office" && r != "" { // "… branch office" reads the other way round
			rest = r
		}
		return stripTrailingRegion(rest, f)
	}
	return s
}

func stripBranchLocation(s string, f *findings) string {
	end := -1
	for _, x := range []string{"公司", "集团"} {
		if i := strings.LastIndex(s, x); i >= 0 && i+len(x) > end {
			end = i + len(x)
		}
	}
	if end <= 0 || end == len(s) {
		return stripTrailingRegion(s, f)
	}
	if region, ok := regionName(s[end:]); ok && f.branchRegion == "" {
		f.branchRegion = region
	}
	return s[:end]
}

func isHanLegalForm(s string) bool {
	for _, x := range hanLegalForms {
		if s == x {
			return true
		}
	}
	return false
}
