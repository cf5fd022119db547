package sample

import "strings"

// extraValue writes a plausible value for an extra (unknown) column: the
// importer must carry such columns through untouched, so their values only
// need to look like what sales teams keep there.
func (g *Generator) extraValue(b []byte, name string, e *entity) []byte {
	r := g.r
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "微信", "微信号", "wechat", "weixin", "wx":
		if !e.zh || r.chance(0.35) {
			return b
		}
		switch x := r.intn(10); {
		case x < 5 && e.phones[0].kind == phoneMobile:
			return append(b, e.phones[0].local...)
		case x < 8:
			b = append(b, "wxid_"...)
			return appendBase36(b, e.qq*2654435761%(1<<40))
		default:
			b = append(b, surnames[e.person.sur].py...)
			b = append(b, e.person.givenPinyin()...)
			return appendInt(b, int(e.seq%997))
		}
	case "qq", "qq号", "qq号码":
		if !e.zh || r.chance(0.5) {
			return b
		}
		return appendInt(b, int(e.qq))
	case "网址", "官网", "网站", "website", "web", "url", "homepage":
		if e.domain == "" || r.chance(0.3) {
			return b
		}
		if r.chance(0.3) {
			b = append(b, "http://"...)
		}
		return append(append(b, "www."...), e.domain...)
	case "职务", "职位", "title", "job title", "position":
		if r.chance(0.3) {
			return b
		}
		if e.zh {
			return append(b, pick(r, jobTitlesZH)...)
		}
		return append(b, pick(r, jobTitlesEN)...)
	case "部门", "department":
		if r.chance(0.4) {
			return b
		}
		return append(b, pick(r, departments)...)
	case "客户等级", "等级", "级别", "level", "grade":
		if r.chance(0.3) {
			return b
		}
		return append(b, pick(r, levelsZH)...)
	}
	// Unknown: a sparse yes/no or code column, like most custom fields.
	switch x := r.intn(4); {
	case x < 2:
		return b
	case x == 2:
		return append(b, pick(r, yesNo)...)
	default:
		return appendInt(append(b, 'X'), r.between(100, 9999))
	}
}

func appendBase36(b []byte, n uint64) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	var tmp [16]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = digits[n%36]
		n /= 36
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}
