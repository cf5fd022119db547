package similar

import "unicode/utf8"

// ParsePersonName cleans a person name once (titles stripped, tokens
// found), for a caller that compares it with many others: the dedupe
// engine compares a record in dozens of pairs. PersonNameParsed then
// reads it instead of cleaning the name again. Written compactly: a byte
// each for the script, the surname's length and the token count, a start
// and an end per token, then the cleaned text. "" when the name cleans
// to nothing or is too long to be written so: it is then cleaned per
// comparison, as PersonName does.
func ParsePersonName(s string) string {
	var p personName
	p.parse(s)
	if p.long != nil || p.n == 0 || p.n > 255 {
		return ""
	}
	// Written on the stack when it fits, so the string is the one
	// allocation (a name is parsed for every record).
	var buf [3 + 2*maxNameTokens + 4*stackRunes]byte
	out := buf[:0]
	flags := byte(0)
	if p.han {
		flags = 1
	}
	out = append(out, flags, byte(p.surname), byte(p.ntok))
	for _, t := range p.toks[:p.ntok] {
		out = append(out, byte(t.start), byte(t.end))
	}
	for _, r := range p.text() {
		out = utf8.AppendRune(out, r)
	}
	return string(out)
}

// PersonNameParsed is PersonName on names given with what ParsePersonName
// returned for them ("": clean the name here).
func PersonNameParsed(a, pa, b, pb string) NameLevel {
	// The matching is greedy; a canonical order keeps it symmetric.
	if a > b {
		a, b, pa, pb = b, a, pb, pa
	}
	var x, y personName
	x.load(a, pa)
	y.load(b, pb)
	return comparePersonNames(&x, &y)
}

// load fills p from the name s and what ParsePersonName wrote for it, or
// cleans s when nothing was written.
func (p *personName) load(s, parsed string) {
	if parsed == "" {
		p.parse(s)
		return
	}
	p.han = parsed[0] == 1
	p.surname = int(parsed[1])
	p.ntok = int(parsed[2])
	at := 3
	for i := range p.ntok {
		p.toks[i] = span{int(parsed[at]), int(parsed[at+1])}
		at += 2
	}
	for _, r := range parsed[at:] {
		p.buf[p.n] = r
		p.n++
	}
}
