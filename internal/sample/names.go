package sample

import "strings"

// Legal forms a re-entered Chinese record may carry instead of the one on
// file; all of them are noise to a company-name comparator.
var legalVariantsZH = []string{"有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "(集团)有限公司", "公司", ""}

// regionKeepsCity: forms that keep the city in the name are
// interchangeable for a comparator that knows 深圳市X ≡ X(深圳).
func regionKeepsCity(f regionForm) bool {
	return f == regionCity || f == regionCityBare || f == regionParen
}

// companyZH writes a Chinese company name as one record has it. strict
// (the entity's records are linked by name only) allows only variations a
// good comparator undoes: legal form, city prefix vs parenthesized city,
// width, spacing. Otherwise the city may move to the province or vanish
// and one brand character may be a homophone typo.
func (g *Generator) companyZH(b []byte, e *entity, strict bool) []byte {
	r := g.r
	c := &citiesZH[e.city]
	form := e.region
	if r.chance(0.25) {
		form = regionForm(r.weighted(regionFormWeights))
	}
	switch {
	case strict && !(regionKeepsCity(form) && regionKeepsCity(e.region)):
		form = e.region
	case e.keepRegion && !regionKeepsCity(form):
		form = e.region
	}
	wide := r.chance(0.6) // Chinese input methods type （）
	space := r.chance(g.noise.space)
	switch form {
	case regionCity:
		b = append(b, c.city...)
	case regionCityBare:
		b = append(b, c.cityShort...)
	case regionProvince:
		b = append(b, c.short...)
	}
	if space && form != regionParen && form != regionNone {
		b = append(b, ' ')
	}
	typo := -1
	if !strict && r.chance(0.06) {
		typo = r.intn(int(e.brand.n))
	}
	for i := range int(e.brand.n) {
		hz := &brandChars[e.brand.chars[i]]
		if i == typo {
			b = append(b, hz.typo...)
		} else {
			b = append(b, hz.ch...)
		}
	}
	b = append(b, e.trade.word...)
	b = append(b, e.sub...)
	if form == regionParen {
		b = appendParen(b, c.cityShort, wide)
	}
	legal := legalZH[e.legal]
	if r.chance(0.3) {
		legal = pick(r, legalVariantsZH)
	}
	if space && form == regionNone && legal != "" {
		b = append(b, ' ')
	}
	if strings.HasPrefix(legal, "(") {
		b = appendParen(b, "集团", wide)
		legal = legal[len("(集团)"):]
	}
	return append(b, legal...)
}

func appendParen(b []byte, s string, wide bool) []byte {
	if wide {
		return append(append(append(b, "（"...), s...), "）"...)
	}
	return append(append(append(b, '('), s...), ')')
}

// companyEN writes an English company name as one record has it.
func (g *Generator) companyEN(b []byte, e *entity, strict bool) []byte {
	r := g.r
	start := len(b)
	brand := e.brand.text
	if !strict && e.brand.amp && r.chance(0.25) {
		brand = strings.Replace(brand, " & ", pick(r, []string{" and ", "&", " + "}), 1)
	}
	if !strict && r.chance(0.05) {
		b = appendTypo(r, b, brand)
	} else {
		b = append(b, brand...)
	}
	b = append(b, ' ')
	if r.chance(g.noise.space) {
		b = append(b, ' ')
	}
	b = append(b, e.trade.word...)
	if e.sub != "" {
		b = append(append(b, ' '), e.sub...)
	}
	legal := legalEN[e.legal]
	if r.chance(0.3) {
		legal = legalEN[r.weighted(legalWeightsEN)]
	}
	if legal != "" {
		if r.chance(0.15) {
			b = append(b, ',')
		}
		b = append(append(b, ' '), legal...)
	}
	switch x := r.float(); {
	case x < g.noise.caseMix*0.4:
		upperASCII(b[start:])
	case x < g.noise.caseMix*0.5:
		lowerASCII(b[start:])
	}
	return b
}

// appendTypo writes s with one typing error: a letter dropped, doubled or
// swapped with its neighbour (never the first letter).
func appendTypo(r *rng, b []byte, s string) []byte {
	if len(s) < 4 {
		return append(b, s...)
	}
	i := r.between(1, len(s)-2)
	if s[i] == ' ' || s[i+1] == ' ' || s[i] == '&' || s[i+1] == '&' {
		return append(b, s...)
	}
	switch r.intn(3) {
	case 0:
		return append(append(b, s[:i]...), s[i+1:]...)
	case 1:
		return append(append(b, s[:i+1]...), s[i:]...)
	default:
		b = append(b, s[:i]...)
		b = append(b, s[i+1], s[i])
		return append(b, s[i+2:]...)
	}
}

// contactName writes the contact as one record has it. strict allows
// only spacing and case; otherwise a record may hold 张总, a nickname, an
// English name, a typo, or nothing.
func (g *Generator) contactName(b []byte, e *entity, strict bool) []byte {
	r := g.r
	p := &e.person
	if e.zh {
		sur := surnames[p.sur].ch
		if !strict {
			switch x := r.float(); {
			case x < 0.04:
				return b
			case x < 0.10:
				return append(append(b, sur...), pick(r, titles)...)
			case x < 0.13:
				b = append(b, sur...)
				b = append(b, givenChars[p.given].typo...)
				if p.given2 >= 0 {
					b = append(b, givenChars[p.given2].ch...)
				}
				return b
			case p.english != "" && x < 0.40:
				switch r.intn(3) {
				case 0:
					return append(b, p.english...)
				case 1:
					return append(append(append(b, p.english...), ' '), surnames[p.sur].py...)
				default:
					b = append(append(b, sur...), p.givenText()...)
					return append(append(append(b, '('), p.english...), ')')
				}
			}
		}
		b = append(b, sur...)
		if r.chance(g.noise.space) && len(p.givenText()) == 3 {
			b = append(b, ' ') // 张 伟: aligning two-character names with three-character ones
		}
		return append(b, p.givenText()...)
	}
	first, last := firstNames[p.first], lastNames[p.last]
	start := len(b)
	if !strict {
		switch x := r.float(); {
		case x < 0.04:
			return b
		case x < 0.09 && first.nick != "":
			return append(append(append(b, first.nick...), ' '), last...)
		case x < 0.12:
			return append(append(b, first.name[0], '.', ' '), last...)
		case x < 0.15:
			return append(append(append(b, last...), ", "...), first.name...)
		case x < 0.17:
			b = appendTypo(r, b, first.name)
			return append(append(b, ' '), last...)
		}
	}
	b = append(append(append(b, first.name...), ' '), last...)
	switch x := r.float(); {
	case x < g.noise.caseMix*0.3:
		upperASCII(b[start:])
	case x < g.noise.caseMix*0.5:
		lowerASCII(b[start:])
	}
	return b
}
