package sample

import (
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// phoneCells writes the phone column(s). Anchored entities always show
// their primary number; otherwise a record may show the other number,
// nothing, or junk. A second phone column, where the dialect has one,
// sometimes holds the other number.
func (g *Generator) phoneCells(e *entity, f formats) {
	r := g.r
	anchored := e.copies > 1 && e.anchor == anchorPhone
	shown, other := e.phones[0], e.phones[1]
	if !anchored {
		switch x := r.float(); {
		case x < 0.1 && other.kind != phoneNone:
			shown, other = other, shown
		case x < 0.22:
			shown = phone{}
		}
	}
	g.phoneCell(int(record.Phone), shown, f, e.zh, !anchored)
	if g.hasPhone2 && r.chance(0.5) {
		g.phoneCell(int(slotPhone2), other, f, e.zh, false)
	}
}

// phoneCell writes one number in the row's format or a deviating one;
// mayBreak allows junk ("无", a number cut short).
func (g *Generator) phoneCell(cell int, p phone, f formats, zh, mayBreak bool) {
	b, r := g.rb, g.r
	b.open(cell)
	defer b.close(cell)
	if mayBreak && r.chance(g.noise.invalid) {
		if x := r.intn(3); x == 0 && p.kind == phoneMobile {
			b.buf = append(b.buf, p.local[:r.between(5, 8)]...) // 138123: a number cut short
		} else if zh {
			b.buf = append(b.buf, pick(r, invalidPhonesZH)...)
		} else {
			b.buf = append(b.buf, pick(r, invalidPhonesEN)...)
		}
		return
	}
	if p.kind == phoneNone {
		return
	}
	style := f.phone
	if r.chance(g.noise.deviate) {
		style = phoneStyle(r.intn(int(numPhoneStyles)))
	}
	if r.chance(g.noise.space) {
		b.buf = append(b.buf, ' ')
	}
	start := len(b.buf)
	b.buf = appendPhone(b.buf, p, style)
	if r.chance(g.noise.fullWidth) {
		g.widen(start)
	}
}

// emailCell writes the e-mail: the primary address (always, when it is
// the anchor), the other one, nothing, or junk; in odd case or with a
// full-width ＠ now and then.
func (g *Generator) emailCell(e *entity) {
	r := g.r
	cell := int(record.Email)
	anchored := e.copies > 1 && e.anchor == anchorEmail
	mail := e.emails[0]
	if !anchored {
		switch x := r.float(); {
		case x < 0.07 && e.emails[1] != "":
			mail = e.emails[1]
		case x < 0.25:
			mail = ""
		}
		if r.chance(g.noise.invalid) {
			if mail != "" && r.chance(0.6) {
				mail = strings.Replace(mail, "@", pick(r, []string{".", " ", "#", ""}), 1)
			} else {
				mail = pick(r, invalidEmails)
			}
		}
	}
	if mail == "" {
		return
	}
	g.textCell(cell, func(buf []byte) []byte {
		start := len(buf)
		buf = append(buf, mail...)
		if r.chance(g.noise.caseMix) {
			if r.chance(0.3) {
				upperASCII(buf[start:])
			} else {
				upperASCII(buf[start : start+1])
			}
		}
		if r.chance(g.noise.fullWidth / 3) {
			if at := strings.IndexByte(mail, '@'); at >= 0 {
				// A full-width ＠ typed with a Chinese input method.
				buf = append(buf[:start+at], "＠"+mail[at+1:]...)
			}
		}
		return buf
	})
}

func upperASCII(b []byte) {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
}

func lowerASCII(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
}
