package similar

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// provinces are the short names of China's province-level divisions.
var provinces = [...]string{
	"北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江",
	"江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
	"广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
	"内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
}

// provincesByFirst holds the provinces by their first character, in
// provinces' order.
var provincesByFirst = func() map[string][]string {
	m := map[string][]string{}
	for _, p := range provinces {
		_, size := utf8.DecodeRuneInString(p)
		m[p[:size]] = append(m[p[:size]], p)
	}
	return m
}()

// chinesePrefixLen is how many leading bytes of key are country, province
// and prefecture-level city, which one record states and another omits.
// It never strips the whole key.
func chinesePrefixLen(key []byte) int {
	if r, _ := utf8.DecodeRune(key); !isHan(r) {
		return 0
	}
	n := 0
	if hasPrefix(key, "中国") {
		n = len("中国")
	}
	n += provinceLen(key[n:])
	// A prefecture, then possibly a county-level city (苏州市昆山市): both
	// are dropped, so a record naming only 昆山市 still agrees.
	for range 2 {
		c := cityLen(key[n:])
		if c == 0 {
			break
		}
		n += c
	}
	if n == len(key) {
		return 0
	}
	return n
}

// provinceLen matches a province with its form (广东省, 上海市, 广西壮族自治区)
// or bare before a city or district (广东深圳市, 上海浦东新区) — but not a
// street named after one (北京路, 湖南路).
func provinceLen(s []byte) int {
	_, size := utf8.DecodeRune(s)
	// Only the provinces that start with s's first character can match:
	// a lookup, not a test of every province, for every Chinese address.
	for _, p := range provincesByFirst[string(s[:size])] {
		if hasPrefix(s, p) {
			return provinceFormLen(s, p)
		}
	}
	return 0
}

// provinceFormLen is provinceLen for s, which starts with province p.
func provinceFormLen(s []byte, p string) int {
	rest := s[len(p):]
	switch {
	case hasPrefix(rest, "省"), hasPrefix(rest, "市"):
		return len(p) + len("省")
	case hasPrefix(rest, "特别行政区"):
		return len(p) + len("特别行政区")
	}
	if i := bytes.Index(rest, []byte("自治区")); i >= 0 && utf8.RuneCount(rest[:i]) <= 3 && allHan(rest[:i]) {
		return len(p) + i + len("自治区")
	}
	if startsWithAdminUnit(rest) {
		return len(p)
	}
	return 0
}

// startsWithAdminUnit reports whether s begins with a short place name and
// its unit: 深圳市, 浦东新区, 南昌县.
func startsWithAdminUnit(s []byte) bool {
	for i, n := 0, 0; i < len(s) && n < 5; n++ {
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case !isHan(r) || isStreetRune(r):
			return false
		case n >= 1 && isAdminUnitRune(r):
			return true
		}
		i += size
	}
	return false
}

// cityLen matches a prefecture-level division at the start of s: 深圳市,
// 延边朝鲜族自治州, 阿里地区. A 市 needs two characters before it, and 市场
// (market) is not a city.
func cityLen(s []byte) int {
	for i, n := 0, 0; i < len(s) && n < 8; n++ {
		r, size := utf8.DecodeRune(s[i:])
		end := i + size
		switch {
		case !isHan(r):
			return 0
		case r == '市' && n >= 2:
			if hasPrefix(s[end:], "场") {
				return 0
			}
			return end
		case r == '州' && hasSuffix(s[:i], "自治"):
			return end
		case r == '区' && n >= 2 && hasSuffix(s[:i], "地"):
			return end
		case r == '盟' && n >= 1:
			return end
		case isNotCityRune(r):
			return 0
		}
		i = end
	}
	return 0
}

// hasPrefix is bytes.HasPrefix(s, []byte(p)) without the conversion:
// keys are stripped for every address, against dozens of provinces.
func hasPrefix(s []byte, p string) bool { return len(s) >= len(p) && string(s[:len(p)]) == p }

// hasSuffix is bytes.HasSuffix(s, []byte(p)) without the conversion.
func hasSuffix(s []byte, p string) bool {
	return len(s) >= len(p) && string(s[len(s)-len(p):]) == p
}

// isStreetRune reports whether r is one of 路街道巷弄号.
func isStreetRune(r rune) bool {
	switch r {
	case '路', '街', '道', '巷', '弄', '号':
		return true
	}
	return false
}

// isAdminUnitRune reports whether r is one of 市区县州盟.
func isAdminUnitRune(r rune) bool {
	switch r {
	case '市', '区', '县', '州', '盟':
		return true
	}
	return false
}

// isNotCityRune reports whether r is one of 区县旗路街道巷弄号镇乡村: a
// prefix holding one is not a prefecture-level city.
func isNotCityRune(r rune) bool {
	switch r {
	case '区', '县', '旗', '路', '街', '道', '巷', '弄', '号', '镇', '乡', '村':
		return true
	}
	return false
}

func allHan(s []byte) bool {
	for _, r := range string(s) {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// parseChinese reads a Chinese key as [districts/towns][street][number]号
// [building/floor/room tail]. The number is the first digit run followed by
// 号, else the first digit run.
func (p *addressParts) parseChinese(key string) {
	start, end, next := chineseHouseNumber(key)
	head, tail := key, ""
	if start >= 0 {
		p.number = parseHouseNumber(key[start:end])
		head, tail = key[:start], key[next:]
	}
	for {
		n, town := adminSegment(head)
		if n == 0 {
			break
		}
		if town && p.ntowns < maxAdminParts {
			p.towns[p.ntowns] = head[:n]
			p.ntowns++
		} else if !town && p.ndistricts < maxAdminParts {
			p.districts[p.ndistricts] = head[:n]
			p.ndistricts++
		}
		head = head[n:]
	}
	if head != "" {
		p.addStreet(head)
	}
	// The tail's Latin letters and digit runs identify building, floor and
	// room (3栋201室 → 3, 201; a座12楼 → a, 12); its Han words do not.
	for i := 0; i < len(tail); {
		if !isASCIIAlnum(tail[i]) {
			i++
			continue
		}
		j := i
		for j < len(tail) && isASCIIAlnum(tail[j]) {
			j++
		}
		p.addUnit(tail[i:j])
		i = j
	}
}

func isASCIIAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z'
}

// chineseHouseNumber finds the house number: [start,end) is the number or
// range, next is where the tail begins (after 号). start < 0: none.
func chineseHouseNumber(key string) (start, end, next int) {
	start = -1
	for i := 0; i < len(key); {
		if key[i] < '0' || key[i] > '9' {
			i++
			continue
		}
		j := digitRun(key, i)
		if j+1 < len(key) && key[j] == '-' && '0' <= key[j+1] && key[j+1] <= '9' {
			j = digitRun(key, j+1)
		}
		if strings.HasPrefix(key[j:], "号") {
			return i, j, j + len("号")
		}
		if start < 0 {
			start, end, next = i, j, j
		}
		i = j
	}
	return start, end, next
}

// adminSegment is the length of a district or town at the start of head
// (宝安区, 西乡街道, 昆山市), and whether it is a town. It is 0 when none is
// found before a street word, or when nothing would be left for the street.
func adminSegment(head string) (n int, town bool) {
	for i, k := 0, 0; i < len(head) && k < 8; k++ {
		r, size := utf8.DecodeRuneInString(head[i:])
		end := i + size
		switch {
		case !isHan(r) || strings.ContainsRune("路巷弄", r):
			return 0, false
		case k == 0:
		case strings.ContainsRune("区县旗", r) || r == '市' && k >= 2:
			n = end
		case r == '镇' || r == '乡':
			n, town = end, true
		case r == '街' && strings.HasPrefix(head[end:], "道"):
			n, town = end+len("道"), true
		}
		if n > 0 {
			if n == len(head) {
				return 0, false
			}
			return n, town
		}
		i = end
	}
	return 0, false
}

// chineseStreetsAgree: districts and towns do not conflict, and the streets
// are equal, one ends the other (an unrecognized prefix), or they are one
// character apart in at least four.
func chineseStreetsAgree(p, q *addressParts) bool {
	if conflict(p.districts[:p.ndistricts], q.districts[:q.ndistricts]) ||
		conflict(p.towns[:p.ntowns], q.towns[:q.ntowns]) {
		return false
	}
	if p.nstreet == 0 || q.nstreet == 0 {
		return p.nstreet == q.nstreet
	}
	a, b := p.street[0], q.street[0]
	if strings.HasSuffix(a, b) || strings.HasSuffix(b, a) {
		return true
	}
	return EditRatio(a, b) >= 0.75
}

// conflict: both sides name admin parts and none is shared.
func conflict(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}
