package dedupe

import (
	"strings"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/similar"
)

// comparator compares one field of two profiles.
type comparator struct {
	name    string // column name in --explain and --review
	compare func(a, b *profile) Level
	weights weights                       // in use: learned from the file, or prior
	show    func(r *record.Record) string // what a reviewer sees
	prior   weights                       // hand-set: what a small file is blended towards
	fixed   bool                          // weights set by the user (--fields f=kind:bits): not learned
	veto    bool                          // disagreement always outweighs a shared phone or e-mail (see learn)
}

func newComparator(name string, compare func(a, b *profile) Level, w weights, show func(r *record.Record) string) comparator {
	return comparator{name: name, compare: compare, weights: w, show: show, prior: w}
}

func canonical(f record.Field) func(r *record.Record) string {
	return func(r *record.Record) string { return r.Values[f] }
}

// Default comparators and their weights. The weights were set on the
// project's generated CRM data and the public benchmarks (bench/dedupe.sh):
// a shared phone or e-mail, or the same company in the same place, is
// enough on its own; a contact name or an address alone is not.
func defaultComparators() []comparator {
	return []comparator{
		newComparator("phone", comparePhone, weights{Same: 9, Partial: 5, Different: -1.5}, canonical(record.Phone)),
		newComparator("email", compareEmail, weights{Same: 9, Similar: 6, Partial: 2, Different: -1}, canonical(record.Email)),
		newComparator("company", compareCompany, weights{Same: 8, Similar: 5.5, Partial: 2, Different: -7, Conflict: -12}, canonical(record.Company)),
		newComparator("name", compareName, weights{Same: 4, Similar: 3, Partial: 1, Different: -3}, canonical(record.Name)),
		newComparator("address", compareAddress, weights{Same: 4, Similar: 3, Different: -2.5}, canonical(record.Address)),
		newComparator("city", compareCity, weights{Same: 0.5, Similar: 0.4, Partial: 0.25, Different: -1.5}, canonical(record.City)),
		newComparator("birth_date", compareBirth, weights{Same: 6, Similar: 3, Different: -3}, canonical(record.BirthDate)),
		newComparator("postcode", comparePostcode, weights{Same: 2, Similar: 0.5, Different: -1}, canonical(record.Postcode)),
		newComparator("province", compareProvince, weights{Same: 0.3, Different: -1}, canonical(record.Province)),
	}
}

func compareBirth(a, b *profile) Level {
	if a.birth() == "" || b.birth() == "" {
		return Missing
	}
	return compareDate(a.birth(), b.birth())
}

// comparePostcode: a ZIP+4 matches its ZIP; one wrong digit is similar.
func comparePostcode(a, b *profile) Level {
	x, y := a.postcode(), b.postcode()
	switch {
	case x == "" || y == "":
		return Missing
	case x == y:
		return Same
	case len(x) >= 5 && len(y) >= 5 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x)):
		return Same
	}
	if len(x) == len(y) && len(x) >= 4 {
		diff := 0
		for i := 0; i < len(x); i++ {
			if x[i] != y[i] {
				diff++
			}
		}
		if diff == 1 {
			return Similar
		}
	}
	return Different
}

func compareProvince(a, b *profile) Level {
	switch {
	case a.province() == "" || b.province() == "":
		return Missing
	case a.province() == b.province():
		return Same
	}
	return Different
}

// namePartCompare compares a given or family name column (rule index i),
// accepting the two parts swapped (other: the other part's rule index, or
// -1): a family name written in the given-name column is the same name.
func namePartCompare(i, other int) func(a, b *profile) Level {
	return func(a, b *profile) Level {
		x, y := a.fields()[i], b.fields()[i]
		if x == "" || y == "" {
			return Missing
		}
		l := digraphRetry(x, y, compareFuzzy(x, y), compareFuzzy)
		if l == Different && similar.SameGivenName(x, y) {
			l = Similar // Bob and Robert
		}
		if l == Different && len(x) >= 2 && other >= 0 {
			if ox, oy := a.fields()[other], b.fields()[other]; ox != "" && oy != "" &&
				compareFuzzy(x, oy) >= Similar && compareFuzzy(ox, y) >= Similar {
				return Similar
			}
		}
		if l == Different && (len(x) == 1 || len(y) == 1) && x[0] == y[0] {
			return Partial // an initial
		}
		return l
	}
}

// nameGaps compares the full name only when a record lacks the given or
// family name columns and its full name says more than the parts it has:
// a full name repeating them would count the same evidence twice.
func nameGaps(given, family int, compare func(a, b *profile) Level) func(a, b *profile) Level {
	return func(a, b *profile) Level {
		if a.fields()[given] != "" && a.fields()[family] != "" && b.fields()[given] != "" && b.fields()[family] != "" {
			return Missing
		}
		if nameInParts(a.name(), a.fields()[given], a.fields()[family]) && nameInParts(b.name(), b.fields()[given], b.fields()[family]) {
			return Missing
		}
		return compare(a, b)
	}
}

// comparePhone: any shared number is a match; a 7–9 digit local number
// that ends another is a weaker one (the area code was left off).
func comparePhone(a, b *profile) Level {
	if len(a.phones) == 0 || len(b.phones) == 0 {
		return Missing
	}
	if len(a.phones) == 1 && len(b.phones) == 1 {
		return phoneLevel(a.first(), b.first()) // held inline: no trip to the slices
	}
	best := Different
	for _, x := range a.phones {
		for _, y := range b.phones {
			l := phoneLevel(x, y)
			if l == Same {
				return Same
			}
			best = max(best, l)
		}
	}
	return best
}

// phoneLevel compares two numbers: equal, or the longer ending with the
// shorter (with or without country code: same; a local number: partial).
func phoneLevel(x, y phoneNumber) Level {
	if x == y {
		return Same
	}
	long, short := x, y
	if short.digits > long.digits {
		long, short = short, long
	}
	if long.endsWith(short) {
		if short.digits >= 10 {
			return Same // the same number, with or without country code
		}
		return Partial
	}
	return Different
}

// genericMailboxes are local parts shared by unrelated companies.
var genericMailboxes = map[string]bool{
	"info": true, "sales": true, "admin": true, "contact": true, "office": true, "service": true,
	"support": true, "hello": true, "mail": true, "enquiries": true, "hr": true, "kefu": true,
}

// compareEmail: a shared address is a match; the same address with a
// one- or two-character typo is nearly one; the same personal mailbox name
// at another domain is weak evidence.
func compareEmail(a, b *profile) Level {
	if len(a.emails()) == 0 || len(b.emails()) == 0 {
		return Missing
	}
	best := Different
	for _, x := range a.emails() {
		for _, y := range b.emails() {
			if x == y {
				return Same
			}
			if len(x) >= 10 && len(y) >= 10 && withinEdits(x, y, 2) {
				best = max(best, Similar)
				continue
			}
			lx, _, _ := strings.Cut(x, "@")
			ly, _, _ := strings.Cut(y, "@")
			if lx == ly && len(lx) >= 5 && !genericMailboxes[lx] {
				best = max(best, Partial)
			}
		}
	}
	return best
}

// compareCompany compares company names by their cores (legal form, region
// and punctuation removed). The same core in two different places is a
// conflict: 深圳华强电子 and 北京华强电子 are two customers.
func compareCompany(a, b *profile) Level {
	ca, cb := a.core(), b.core()
	if ca == "" || cb == "" {
		return Missing
	}
	var l Level
	switch {
	case ca == cb:
		l = Same
	case a.companyHan != b.companyHan:
		// 华为 and Huawei: no evidence either way, unless they share a
		// corporate e-mail domain.
		if sameCorporateDomain(a, b) {
			return Partial
		}
		return Missing
	case a.companyHan:
		l = compareHanCore(ca, cb)
	case a.coLetters&^b.coLetters != 0 && b.coLetters&^a.coLetters != 0:
		// Each side has a word starting with a letter the other lacks:
		// neither a variant spelling nor one name extending the other.
		l = Different
	default:
		l = compareLatinCore(a.coTokens(), b.coTokens())
	}
	if l >= Similar && !company.SameArea(a.region(), b.region()) {
		return Conflict
	}
	if l == Different && sameCorporateDomain(a, b) {
		// IBM and International Business Machines, both @ibm.com: two
		// names of one company, partial evidence that other fields must
		// confirm.
		return Partial
	}
	return l
}

// compareHanCore: in Chinese every character is a word, so only a
// substitution typo counts as similar (乐辰服饰 / 乐晨服饰), and only in a
// name long enough to carry it; a name that extends another is a
// subsidiary or a sister company (华强电子 / 华强电子销售), not a typo.
func compareHanCore(a, b string) Level {
	// One pass over both names in step, counting runes and substitutions:
	// no rune slices, and a name of another length stops the walk where
	// the shorter one ends.
	n, subs := 0, 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			subs++
		}
		a, b = a[sa:], b[sb:]
		n++
	}
	if a != "" || b != "" || n < 4 {
		return Different // other lengths, or too short to carry a typo
	}
	if subs == 1 || (subs == 2 && n >= 8) {
		return Similar
	}
	return Different
}

// compareLatinCore: word order and typos are tolerated; a name that is
// the other plus words ("ciboulette" / "ciboulette restaurant") is partial
// evidence.
func compareLatinCore(a, b []string) Level {
	if len(a) == 0 || len(b) == 0 {
		return Missing
	}
	switch {
	case len(a) == len(b) && similar.TokenSimilarityAtLeast(a, b, 0.95):
		// A variant spelling has as many words; a name with a word more
		// (Marine / Marine Sales) is at most partial evidence.
		return Similar
	case sameLettersJoined(a, b):
		return Similar // a word split or joined: "maats chappij", "gistbrocades"
	case covers(a, b) || covers(b, a):
		return Partial
	}
	return Different
}

// covers reports whether every token of short has a close match in long.
func covers(short, long []string) bool {
	if len(short) >= len(long) {
		return false
	}
	for _, s := range short {
		found := false
		for _, l := range long {
			if s == l || (len(s) >= 4 && similar.JaroWinklerAtLeast(s, l, 0.92)) || abbreviates(s, l) || abbreviates(l, s) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func compareName(a, b *profile) Level {
	if a.name() == "" || b.name() == "" {
		return Missing
	}
	l := nameLevel(similar.PersonNameParsed(a.name(), a.nameAt(), b.name(), b.nameAt()))
	return retryFolded(a.name(), b.name(), a.nameDg(), b.nameDg(), l, personLevel)
}

func personLevel(x, y string) Level { return nameLevel(similar.PersonName(x, y)) }

func compareAddress(a, b *profile) Level {
	if a.address() == "" || b.address() == "" {
		return Missing
	}
	return addressLevel(similar.CompareParsedAddressKeys(a.address(), a.addrAt(), b.address(), b.addrAt()))
}

func compareCity(a, b *profile) Level {
	x, y := a.city(), b.city()
	switch {
	case x == "" || y == "":
		return Missing
	case x == y:
		return Same
	}
	hanX := hasHan(x)
	switch {
	case regionPair(x, y, hanX):
		return Partial
	case !hanX && (hasWordPrefix(y, x) || hasWordPrefix(x, y)):
		return Same // "new york" / "new york ny"
	case !hanX && len(x) >= 5 && len(y) >= 5 && !hasHan(y) && similar.CloseSpelling(x, y, 0.8, 0.92):
		return Similar // a typo: "colca" / "colac", "lodnon" / "london"
	}
	return Different
}

// hasWordPrefix reports whether s starts with the word w: w and a space.
func hasWordPrefix(s, w string) bool {
	return len(s) > len(w) && s[len(w)] == ' ' && s[:len(w)] == w
}

// regionPair reports whether two different cities are regions of one
// area (a city and its province): company.SameArea and both regions.
// The tests cost a map look-up or two each; the one likelier to fail
// goes first: for a Chinese city, SameArea (most pairs are two
// prefectures), for any other, whether it is a region at all.
func regionPair(x, y string, hanX bool) bool {
	if hanX {
		return company.SameArea(x, y) && isRegion(x) && isRegion(y)
	}
	return isRegion(x) && isRegion(y) && company.SameArea(x, y)
}

func isRegion(s string) bool {
	_, ok := company.Region(s)
	return ok
}

// withinEdits reports whether a and b (bytes) are at most k edits apart,
// in O(len·k): only a band of the edit matrix around the diagonal can
// stay within k.
func withinEdits(a, b string, k int) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > k {
		return false
	}
	const inf = 1 << 30
	var rows [2][65]int
	prev, cur := rows[0][:], rows[1][:]
	if len(b) >= len(rows[0]) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for j := range cur {
		cur[j] = inf
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		// Only the band's edges are read outside the band: cur[lo-1] now,
		// cur[hi+1] by the next row. Clearing just them keeps a row O(k)
		// rather than O(len).
		cur[lo-1] = inf
		if hi+1 <= len(b) {
			cur[hi+1] = inf
		}
		best := inf
		if i <= k {
			cur[0], best = i, i
		}
		for j := lo; j <= hi; j++ {
			d := prev[j-1]
			if a[i-1] != b[j-1] {
				d++
			}
			d = min(d, prev[j]+1, cur[j-1]+1)
			cur[j] = d
			best = min(best, d)
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
}
