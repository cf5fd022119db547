package company

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// prefectures are the prefecture-level cities by short name, and
// provinceOf maps each to its province.
var prefectures, provinceOf = flattenPrefectures()

func flattenPrefectures() ([]string, map[string]string) {
	var list []string
	of := map[string]string{}
	for _, p := range prefecturesByProvince {
		list = append(list, p.cities...)
		for _, c := range p.cities {
			of[c] = p.province
		}
	}
	return list, of
}

// regionIndex maps every accepted spelling of a region (深圳, 深圳市,
// 广西壮族自治区, shenzhen, hong kong) to its Region value.
var regionIndex = buildRegionIndex()

// regionForms are the administrative words that may follow a short name.
var regionForms = []string{"", "市", "省", "自治区", "特别行政区", "地区", "盟", "州"}

// maxRegionRunes bounds the longest spelling in regionIndex (新疆维吾尔自治区
// has 8 runes), so prefix lookups try only a few lengths.
const maxRegionRunes = 9

func buildRegionIndex() map[string]string {
	idx := make(map[string]string, (len(provinces)+len(prefectures)+len(prefecturesWithForm))*len(regionForms)+len(pinyinRegions))
	for _, list := range [][]string{provinces, prefectures} {
		for _, name := range list {
			for _, form := range regionForms {
				idx[name+form] = name
			}
		}
	}
	for _, name := range prefecturesWithForm {
		for _, form := range regionForms[1:] {
			idx[name+form] = name
		}
	}
	for full, short := range provinceFullNames {
		idx[full] = short
	}
	for _, name := range pinyinRegions {
		idx[name] = name
	}
	return idx
}

// regionStarts and regionEnds map the first two and the last two runes of
// every Han spelling in regionIndex to a bit set of the spellings' lengths
// in runes (bit k: some spelling has k runes), so a prefix or suffix lookup
// tries only the lengths that can match, and none when no spelling starts
// or ends that way.
var regionStarts, regionEnds = buildRegionEdges()

// runePair packs two runes into a map key.
func runePair(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func buildRegionEdges() (starts, ends map[uint64]uint16) {
	starts, ends = map[uint64]uint16{}, map[uint64]uint16{}
	for spelling := range regionIndex {
		runes := []rune(spelling)
		n := len(runes)
		if n < 2 || n > maxRegionRunes {
			continue // lookups try 2 to maxRegionRunes runes only (恩施土家族苗族自治州 is never reached)
		}
		starts[runePair(runes[0], runes[1])] |= 1 << n
		ends[runePair(runes[n-1], runes[n-2])] |= 1 << n
	}
	return starts, ends
}

// asciiRegionLens has, for each ASCII first byte, bit min(len, 63) set
// for the lengths in bytes of the regionIndex spellings that start with it
// (the pinyin ones), so most English words are found missing without a
// map lookup.
var asciiRegionLens = func() (lens [utf8.RuneSelf]uint64) {
	for spelling := range regionIndex {
		if spelling[0] < utf8.RuneSelf {
			lens[spelling[0]] |= 1 << min(len(spelling), 63)
		}
	}
	return lens
}()

// regionName reports whether s, as a whole, names a region.
func regionName(s string) (string, bool) {
	if s != "" && s[0] < utf8.RuneSelf && asciiRegionLens[s[0]]&(1<<min(len(s), 63)) == 0 {
		return "", false
	}
	r, ok := regionIndex[s]
	return r, ok
}

// stripRegionPrefix removes a region name at the very start of s when what
// follows is distinctive. When it is not (北京银行, 深圳市电子), the region
// stays in Core in its short spelling, so 深圳市电子 and 深圳电子 still meet.
// Only the longest spelling is tried: 深圳市场 must not lose just 深圳.
func stripRegionPrefix(s string, f *findings) string {
	if region, rest, ok := hanRegionPrefix(s); ok {
		if f.prefixRegion == "" {
			f.prefixRegion = region
		}
		if distinctive(rest) {
			return rest
		}
		if len(s)-len(rest) == len(region) {
			return s
		}
		return region + rest
	}
	if region, rest, ok := wordRegionPrefix(s); ok {
		if f.prefixRegion == "" {
			f.prefixRegion = region
		}
		if distinctive(rest) {
			return rest
		}
	}
	return s
}

// hanRegionPrefix finds the longest region spelling that starts s.
func hanRegionPrefix(s string) (region, rest string, ok bool) {
	if s == "" || s[0] < utf8.RuneSelf {
		return "", s, false
	}
	var ends [maxRegionRunes + 1]int
	var lengths uint16
	var first rune
	n, longest := 0, maxRegionRunes
	for i := 0; i < len(s) && n < longest; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) {
			break
		}
		i += size
		n++
		ends[n] = i
		switch n {
		case 1:
			first = r
		case 2:
			if lengths = regionStarts[runePair(first, r)]; lengths == 0 {
				return "", s, false
			}
			longest = bits.Len16(lengths) - 1
		}
	}
	for k := n; k >= 2; k-- {
		if lengths&(1<<k) == 0 {
			continue
		}
		if region, ok := regionIndex[s[:ends[k]]]; ok {
			if k > 2 && formStartsWord(s[ends[k-1]:]) {
				continue // 深圳市场: 市 belongs to 市场, try 深圳
			}
			return region, s[ends[k]:], true
		}
	}
	return "", s, false
}

// formStartsWord reports whether s begins with a word whose first character
// looks like a region form: 市场, 市政, 州际.
func formStartsWord(s string) bool {
	for _, w := range []string{"市场", "市政", "市民", "省心", "州际"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// wordRegionPrefix finds a one- or two-word pinyin region starting s
// ("shenzhen …", "hong kong …").
func wordRegionPrefix(s string) (region, rest string, ok bool) {
	first, rest := firstWord(s)
	if first == "" {
		return "", s, false
	}
	if second, rest2 := firstWord(rest); second != "" {
		if region, ok := regionName(s[:len(first)+1+len(second)]); ok {
			return region, rest2, true
		}
	}
	region, ok = regionName(first)
	return region, rest, ok
}

// stripTrailingRegion removes a region that ends s, as in 华强电子深圳(分公司)
// or "acme shanghai (branch)", when what precedes is distinctive.
func stripTrailingRegion(s string, f *findings) string {
	rest, region, ok := trailingRegion(s)
	if !ok || !distinctive(rest) {
		return s
	}
	if f.branchRegion == "" {
		f.branchRegion = region
	}
	return rest
}

func trailingRegion(s string) (rest, region string, ok bool) {
	if r, w := lastWord(s); w != "" {
		if r2, w2 := lastWord(r); w2 != "" {
			// r ends in w2 and s[len(r)] is the single space before w.
			if region, ok := regionName(s[len(r)-len(w2):]); ok {
				return r2, region, true
			}
		}
		region, ok := regionName(w)
		return r, region, ok
	}
	if s == "" || s[len(s)-1] < utf8.RuneSelf {
		return s, "", false
	}
	var starts [maxRegionRunes + 1]int
	var lengths uint16
	var last rune
	n, longest := 0, maxRegionRunes
	for i := len(s); i > 0 && n < longest; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isHan(r) {
			break
		}
		i -= size
		n++
		starts[n] = i
		switch n {
		case 1:
			last = r
		case 2:
			if lengths = regionEnds[runePair(last, r)]; lengths == 0 {
				return s, "", false
			}
			longest = bits.Len16(lengths) - 1
		}
	}
	for k := n; k >= 2; k-- {
		if lengths&(1<<k) == 0 {
			continue
		}
		if region, ok := regionIndex[s[starts[k]:]]; ok {
			return strings.TrimSuffix(s[:starts[k]], " "), region, true
		}
	}
	return s, "", false
}

// Region returns the short name of a province or prefecture-level city
// written in any accepted spelling (深圳市, 深圳, 广东省, 广西壮族自治区,
// shenzhen), and false when s is not one.
func Region(s string) (string, bool) {
	return lookupLower(regionIndex, strings.TrimSpace(s))
}

// lookupLower is m[strings.ToLower(s)]. A short value of ASCII and
// Chinese characters (nearly every city) is lowered on the stack: cities
// and provinces are looked up for every record profiled.
func lookupLower[V any](m map[string]V, s string) (V, bool) {
	var buf [32]byte
	if len(s) > len(buf) {
		v, ok := m[strings.ToLower(s)]
		return v, ok
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) { // a letter with a case, or an invalid byte
			v, ok := m[strings.ToLower(s)]
			return v, ok
		}
		copy(buf[i:], s[i:i+size]) // no case: as it is
		i += size
	}
	v, ok := m[string(buf[:len(s)])]
	return v, ok
}

// SameArea reports whether two regions, as Name.Region or Region give
// them, can describe the same place: equal, or a city and its province
// (深圳 and 广东). Unknown or empty regions agree with anything.
func SameArea(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	pa, pb := provinceOf[a], provinceOf[b]
	return pa == b || pb == a
}
