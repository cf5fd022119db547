package dedupe

import (
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/similar"
)

// Company names told apart by their words, a second company column, and
// list columns.
//
//   - Two Latin company names that share a word naming the company (not a
//     trade, reach, country or legal form: company.Descriptive) are
//     partial evidence, like one name extending the other: "Koninklijke
//     Philips Electronics" and "N.V. Philips' Gloeilampenfabrieken",
//     "Whirlpool Europe" and "Whirlpool International". How much that is
//     worth is learned from the file; a shared word only is far from the
//     same name (and a company that differs still outweighs a shared phone).
//   - A column whose header names a company in another form
//     (company_normalized, Company (legal), 公司名称(标准)) is a second company
//     column, compared like the company.
//   - A column holding lists (values split on "**", ";" or "|" in most
//     rows, many different items: co-applicants, inventors, product lines)
//     is compared by the items two records share.

// List roles: columns of lists whose shared items are evidence.
const (
	RoleList Role = "list" // items mostly rare: people, parties
	RoleTags Role = "tags" // items many records share: classes, product lines
)

// The comparator kinds of the second company column and of list columns.
const (
	kindCompany = "company"
	kindList    = "list"
	kindTags    = "tags"
)

// shareNameWord reports whether two Latin company cores (as tokens) share a
// word that names the company: equal, or a typo apart in a word of five
// letters or more (philips / phillips).
func shareNameWord(a, b []string) bool {
	for _, x := range a {
		if company.Descriptive(x) {
			continue
		}
		for _, y := range b {
			if x == y || (len(x) >= 5 && len(y) >= 5 && x[0] == y[0] && similar.JaroWinkler(x, y) >= 0.92 && !company.Descriptive(y)) {
				return true
			}
		}
	}
	return false
}

// companyHeaderWords name a company in a header; formWords say the column
// holds it in another form than the company column.
var (
	companyHeaderWords = []string{"company", "account", "organization", "organisation", "firm", "employer", "business",
		"applicant", "公司", "企业", "客户名称", "单位"}
	formWords = []string{"normalized", "normalised", "normalize", "standardized", "standardised", "standard", "std",
		"canonical", "clean", "cleaned", "legal", "official", "registered", "标准", "规范", "工商", "注册"}
)

// notNameWords in a header say the column holds something about a company
// other than its name: Company Legal Form, Registered Company Address,
// Company Registered Phone, company_std_code.
var notNameWords = []string{"form", "type", "size", "address", "addr", "office", "street", "city", "country",
	"phone", "tel", "fax", "email", "mail", "website", "url", "date", "status", "industry", "sector",
	"地址", "电话", "类型", "代码", "号码", "编号", "日期", "行业"}

// companyFormHeader reports whether header key names a company in another
// form: company_normalized, CompanyStd, 公司名称(标准); not a fact about it
// (a legal form, an address, a registration number).
func companyFormHeader(key string) bool {
	has := func(words []string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(key, w) })
	}
	for _, end := range []string{"id", "no", "code", "number", "num", "nr"} {
		if strings.HasSuffix(key, end) {
			return false
		}
	}
	return has(companyHeaderWords) && has(formWords) && !has(notNameWords)
}

// listSeparators split a list cell, tried in order.
var listSeparators = []string{"**", ";", "|"}

// listSeparator is the separator of a list cell, or "".
func listSeparator(v string) string {
	for _, s := range listSeparators {
		if strings.Count(v, s) >= 1 {
			return s
		}
	}
	return ""
}

// listColumn reports whether values (a column's sample) hold lists: most
// filled cells hold two items or more, split by one separator, and the
// items are many (a low-cardinality label list — tags, a status — says
// little about who a customer is) and short (not sentences of notes).
func listColumn(values []string) bool {
	filled, lists := 0, 0
	seps := map[string]int{}
	items := map[string]bool{}
	long := 0
	total := 0
	for _, v := range values {
		if v = strings.TrimSpace(v); v == "" || IsPlaceholder(v) {
			continue
		}
		filled++
		sep := listSeparator(v)
		if sep == "" {
			items[strings.ToLower(v)] = true
			total++
			continue
		}
		lists++
		seps[sep]++
		for it := range strings.SplitSeq(v, sep) {
			if it = strings.TrimSpace(it); it != "" {
				total++
				items[strings.ToLower(strings.Join(strings.Fields(it), " "))] = true
				if len(it) > 60 {
					long++
				}
			}
		}
	}
	if filled < 20 || lists*2 < filled || long*10 > total {
		return false
	}
	// One separator for the column.
	top := 0
	for _, n := range seps {
		top = max(top, n)
	}
	return top*10 >= lists*9 && len(items) >= 20 && len(items)*10 >= filled
}

// rareItems reports whether a list column's items are mostly met once or
// twice (people, parties: co-applicants, inventors, contacts) rather than
// shared by many records (classes, product lines): only such items are
// worth a blocking key each.
func rareItems(values []string) bool {
	count := map[string]int{}
	total := 0
	for _, v := range values {
		for it := range strings.SplitSeq(listItems(strings.ToLower(v)), listJoin) {
			if it != "" {
				count[it]++
				total++
			}
		}
	}
	return total > 0 && len(count)*2 >= total
}

// listItems is a list cell as compareList walks it: its distinct items,
// folded (case, accents, spaces) and sorted, placeholders left out, joined
// by listJoin.
func listItems(v string) string {
	sep := listSeparator(v)
	var parts []string
	if sep == "" {
		parts = []string{v}
	} else {
		parts = strings.Split(v, sep)
	}
	out := parts[:0]
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" && !IsPlaceholder(p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), listJoin)
}

// listJoin joins a list's items in a profile: a byte no folded item holds.
const listJoin = "\x1f"

// compareList compares two item lists: the same items, most of the
// shorter list's items, some, or none shared.
func compareList(x, y string) Level {
	if x == y {
		return Same
	}
	na, nb, shared := sharedItems(x, y, listJoin)
	switch {
	case shared == 0:
		return Different
	case shared*2 >= min(na, nb):
		return Similar
	}
	return Partial
}

// compareCompanyCores compares two company cores of a second company
// column: equal, a variant spelling, one extending the other or sharing a
// word that names the company (compareLatinCore), or a one-character typo
// in Chinese.
func compareCompanyCores(x, y string) Level {
	switch {
	case x == y:
		return Same
	case hasHan(x) != hasHan(y):
		return Missing // 华为 and Huawei: no evidence either way
	case hasHan(x):
		return compareHanCore(x, y)
	}
	tx, ty := similar.Tokens(x), similar.Tokens(y)
	if l := compareLatinCore(tx, ty); l != Different {
		return l
	}
	if shareNameWord(tx, ty) {
		return Partial
	}
	return Different
}

// companyCore is a company cell as a second company column compares it:
// its core, folded as the company column's is.
func companyCore(v string) string { return parseCompany(v).Core }

// parseCompany parses a company cell as a profile holds it (buildProfile).
func parseCompany(v string) company.Name {
	return company.Parse(similar.FoldDigraphs(foldText(v)))
}

// textRole is the role a header gives an extra column beyond names and
// identity codes: a company in another form.
func textRole(key string) Role {
	if companyFormHeader(key) {
		return RoleCompany
	}
	return RoleNone
}

// listRole is RoleList when a column's values hold lists of mostly rare
// items, RoleTags when they hold lists of items many records share.
func listRole(values []string) Role {
	switch {
	case !listColumn(values):
		return RoleNone
	case rareItems(values):
		return RoleList
	}
	return RoleTags
}

// alsoCompany compares the company and, through rule i, a second company
// column, as one field: the company in two forms (as given and
// normalized) is still one name, and counting it twice would let it
// outweigh every other field. The better of the two levels counts, but a
// conflict (the same name in two places) stands.
func alsoCompany(i int, compare func(a, b *profile) Level) func(a, b *profile) Level {
	return func(a, b *profile) Level {
		l := compare(a, b)
		if l == Conflict || l == Same {
			return l
		}
		x, y := a.fields()[i], b.fields()[i]
		if x == "" || y == "" || onlyDescriptive(x) || onlyDescriptive(y) {
			return l // a legal form or "International" alone names no one
		}
		return max(l, compareCompanyCores(x, y))
	}
}

// listWeights are a list column's hand-set weights, Same worth w: sharing
// items is evidence, sharing none is not evidence against (one customer's
// records, a company's patents or orders, mostly name different people
// and products).
func listWeights(w float64) weights {
	return weights{Same: w, Similar: 0.7 * w, Partial: 0.35 * w}
}

// splitsOn reports whether learned weights w of a field whose hand-set
// weights (prior) call a difference no evidence against a match — a list
// of co-applicants, orders or products, most often disjoint for one
// customer's records — call it strong evidence against: EM then took the
// pairs that share items for the matches, a split of the file by this
// field rather than into matches and non-matches.
func splitsOn(prior, w weights) bool {
	return prior[Different] >= 0 && prior[Same] > 0 && w[Different] < -4
}

// sameLettersJoined reports whether two names' words, written without
// the spaces between them, are the same: a word split or two joined
// ("konin klijke" / "koninklijke", "gist brocades" / "gistbrocades").
// One name must hold a word of four letters or more split or joined, so
// that initials ("a b c" / "abc") do not count.
func sameLettersJoined(a, b []string) bool {
	return len(a) != len(b) && similar.SameJoined(a, b) && longestWord(a, b) >= 4
}

func longestWord(a, b []string) int {
	n := 0
	for _, w := range a {
		n = max(n, len(w))
	}
	for _, w := range b {
		n = max(n, len(w))
	}
	return n
}

// onlyDescriptive reports whether a Latin company core is made of words
// that name no company (company.Descriptive): "gmbh", "international
// trading".
func onlyDescriptive(core string) bool {
	if hasHan(core) {
		return false
	}
	for _, w := range similar.Tokens(core) {
		if !company.Descriptive(w) {
			return false
		}
	}
	return true
}
