package sample

import (
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// rowBuilder collects one row's cells in a single byte buffer; the row
// becomes one string and every cell a substring of it, so a row costs two
// allocations whatever its width.
type rowBuilder struct {
	buf   []byte
	start []int32
	end   []int32
}

func newRowBuilder(cells int) *rowBuilder {
	return &rowBuilder{buf: make([]byte, 0, 1024), start: make([]int32, cells), end: make([]int32, cells)}
}

func (b *rowBuilder) reset() {
	b.buf = b.buf[:0]
	for i := range b.start {
		b.start[i], b.end[i] = 0, 0
	}
}

func (b *rowBuilder) open(cell int)  { b.start[cell] = int32(len(b.buf)) }
func (b *rowBuilder) close(cell int) { b.end[cell] = int32(len(b.buf)) }

// set writes a whole cell.
func (b *rowBuilder) set(cell int, s string) {
	b.open(cell)
	b.buf = append(b.buf, s...)
	b.close(cell)
}

// cells turns the buffer into the row, in column order given by layout
// (layout[col] = cell index).
func (b *rowBuilder) cells(layout []int) []string {
	s := string(b.buf)
	row := make([]string, len(layout))
	for col, cell := range layout {
		row[col] = s[b.start[cell]:b.end[cell]]
	}
	return row
}

// noise holds how often each kind of formatting noise appears, derived
// from Config.Messy. Base rates of missing values are not noise: real
// exports are sparse whatever their formatting.
type noise struct {
	deviate   float64 // a cell departs from the dialect's house format
	space     float64 // stray leading/trailing space in a text cell
	fullWidth float64 // digits typed in full width (１３８…)
	invalid   float64 // junk in a phone or e-mail cell ("无", "138123")
	caseMix   float64 // e-mail or English name in odd case
}

func newNoise(m float64, d *dialect) noise {
	n := noise{
		deviate:   0.4 * m,
		space:     0.06 * m,
		fullWidth: 0.03 * m,
		invalid:   0.02 * m,
		caseMix:   0.25 * m,
	}
	if d.handKept && m > 0 {
		n.deviate = 0.35 + 0.6*m // typed by hand: formats vary cell by cell
	}
	return n
}

// formats are the styles one row uses unless a cell deviates.
type formats struct {
	date, stamp dateStyle
	stampTime   timeStyle
	amount      amountStyle
	phone       phoneStyle
}

var (
	dateStylesZH   = []dateStyle{dISO, dSlash, dSlashPad, dChinese, dDot, dCompact}
	dateStylesEN   = []dateStyle{dISO, dSlash, dSlashPad, dDot, dNamed}
	timeStyles     = []timeStyle{tNone, tMinutes, tSeconds, tMinutes}
	amountStylesZH = []amountStyle{aPlain2, aPlain, aThousands2, aThousands, aYen, aYenWide, aYuan, aWan, aRMB}
	amountStylesEN = []amountStyle{aPlain2, aPlain, aThousands2, aThousands}
)

func (g *Generator) rowFormats(zh bool) formats {
	d := g.cfg.dialect
	f := formats{d.date, d.stamp, d.stampTime, d.amount, d.phone}
	if d.mixedRows {
		f.date = g.dateStyle(zh)
		f.stamp = g.dateStyle(zh)
		f.stampTime = pick(g.r, timeStyles)
		f.amount = g.amountStyle(zh)
		f.phone = phoneStyle(g.r.intn(int(numPhoneStyles)))
	}
	if !zh && (f.amount > aThousands) {
		f.amount = aPlain2
	}
	return f
}

func (g *Generator) dateStyle(zh bool) dateStyle {
	if zh {
		if g.cfg.dialect.handKept && g.r.chance(0.03) {
			return dExcel
		}
		return pick(g.r, dateStylesZH)
	}
	return pick(g.r, dateStylesEN)
}

func (g *Generator) amountStyle(zh bool) amountStyle {
	if zh {
		return pick(g.r, amountStylesZH)
	}
	return pick(g.r, amountStylesEN)
}

// render writes record copyIdx of e into g.rb.
func (g *Generator) render(e *entity, copyIdx int, rowIdx int) {
	r, b := g.r, g.rb
	f := g.rowFormats(e.zh)
	strictName := e.copies > 1 && e.anchor == anchorName
	h := g.history(e, copyIdx)

	b.open(int(record.ID))
	b.buf = g.ids.appendID(b.buf, rowIdx)
	b.close(int(record.ID))

	g.textCell(int(record.Company), func(buf []byte) []byte {
		if e.zh {
			return g.companyZH(buf, e, strictName)
		}
		return g.companyEN(buf, e, strictName)
	})
	g.textCell(int(record.Name), func(buf []byte) []byte { return g.contactName(buf, e, strictName) })
	g.phoneCells(e, f)
	g.emailCell(e)
	g.placeCells(e, strictName)

	if !r.chance(0.15) {
		if e.zh {
			b.set(int(record.Industry), industries[e.industry].zh)
		} else {
			b.set(int(record.Industry), industries[e.industry].en)
		}
	}
	g.sourceCell(e)
	if !r.chance(0.1) {
		if e.zh {
			b.set(int(record.CustomerType), typesZH[e.ctype])
		} else {
			b.set(int(record.CustomerType), typesEN[e.ctype])
		}
	}
	if h.owner >= 0 {
		g.textCell(int(record.Owner), func(buf []byte) []byte { return append(buf, g.roster.reps[h.owner].Name...) })
	}

	g.stampCell(int(record.ClaimedAt), h.claimed, h.claimedMin, f, e.zh)
	if h.contact != 0 {
		g.stampCell(int(record.LastContactAt), h.contact, h.contactMin, f, e.zh)
	}
	if h.count > 0 {
		g.dateCell(int(record.FirstPurchaseAt), h.first, f, e.zh)
		g.dateCell(int(record.LastPurchaseAt), h.last, f, e.zh)
		b.open(int(record.PurchaseCount))
		b.buf = appendInt(b.buf, h.count)
		b.close(int(record.PurchaseCount))
		g.amountCell(h.cents, f, e.zh)
	} else {
		// A prospect: zero or nothing, as CRMs and people variously write it.
		if r.chance(0.6) {
			b.set(int(record.PurchaseCount), "0")
		}
		if r.chance(0.5) {
			g.amountCell(0, f, e.zh)
		}
	}
	if h.referrals > 0 || r.chance(0.6) {
		b.open(int(record.Referrals))
		b.buf = appendInt(b.buf, h.referrals)
		b.close(int(record.Referrals))
	}
	g.tagsCell(e)
	g.notesCell(e, h)
	if e.birth != 0 && r.chance(0.85) {
		g.dateCell(int(record.BirthDate), e.birth, f, e.zh)
	}
	for i, name := range g.cfg.Extra {
		cell := numSlots + i
		b.open(cell)
		b.buf = g.extraValue(b.buf, name, e)
		b.close(cell)
	}
}

// textCell writes a text cell, sometimes with a stray space around it.
func (g *Generator) textCell(cell int, write func([]byte) []byte) {
	b, r := g.rb, g.r
	b.open(cell)
	lead := r.chance(g.noise.space)
	if lead {
		b.buf = append(b.buf, ' ')
	}
	n := len(b.buf)
	b.buf = write(b.buf)
	if len(b.buf) == n { // nothing written: keep the cell empty
		b.buf = b.buf[:b.start[cell]]
	} else if !lead && r.chance(g.noise.space) {
		b.buf = append(b.buf, ' ')
	}
	b.close(cell)
}

// widen turns the ASCII digits written since start into full-width ones.
func (g *Generator) widen(start int) {
	b := g.rb
	tail := append([]byte(nil), b.buf[start:]...)
	b.buf = b.buf[:start]
	for _, c := range tail {
		if c >= '0' && c <= '9' {
			b.buf = append(b.buf, 0xEF, 0xBC, 0x90+c-'0') // U+FF10..U+FF19
		} else {
			b.buf = append(b.buf, c)
		}
	}
}

func (g *Generator) dateCell(cell int, d day, f formats, zh bool) {
	g.stampCell(cell, d, -1, f, zh)
}

// stampCell writes a date, with a time of day when minute ≥ 0 and the
// style has one.
func (g *Generator) stampCell(cell int, d day, minute int, f formats, zh bool) {
	b, r := g.rb, g.r
	style, ts := f.date, tNone
	if minute >= 0 {
		style, ts = f.stamp, f.stampTime
	}
	if r.chance(g.noise.deviate) {
		style = g.dateStyle(zh)
		if minute >= 0 {
			ts = pick(r, timeStyles)
		}
	}
	if !zh && (style == dChinese || style == dExcel) {
		style = dISO
	}
	b.open(cell)
	start := len(b.buf)
	if minute >= 0 {
		b.buf = appendStamp(b.buf, d, minute, style, ts)
	} else {
		b.buf = appendDate(b.buf, d, style)
	}
	if r.chance(g.noise.fullWidth) {
		g.widen(start)
	}
	b.close(cell)
}

func (g *Generator) amountCell(cents int64, f formats, zh bool) {
	b, r := g.rb, g.r
	style := f.amount
	if r.chance(g.noise.deviate) {
		style = g.amountStyle(zh)
	}
	cell := int(record.TotalRevenue)
	b.open(cell)
	start := len(b.buf)
	if cents == 0 && style != aPlain2 && style != aThousands2 {
		b.buf = append(b.buf, '0')
	} else {
		b.buf = appendAmount(b.buf, cents, style)
	}
	if r.chance(g.noise.fullWidth) {
		g.widen(start)
	}
	b.close(cell)
}

// phoneCells writes the phone column(s). Anchored entities always show
// their primary number; otherwise a record may show the other number,
// nothing, or junk.
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

// placeCells writes address, province, city and postcode, which always
// agree with each other.
func (g *Generator) placeCells(e *entity, strict bool) {
	b, r, d := g.rb, g.r, g.cfg.dialect
	keepCity := e.keepRegion || strict
	if e.zh {
		c := &citiesZH[e.city]
		municipality := c.province == c.city
		g.textCell(int(record.Address), func(buf []byte) []byte {
			switch x := r.float(); {
			case x < 0.5:
				if !municipality {
					buf = append(buf, c.province...)
				}
				buf = append(buf, c.city...)
			case x < 0.75:
				buf = append(buf, c.city...)
			case x < 0.87:
			default:
				return buf
			}
			buf = append(buf, c.districts[e.district]...)
			if r.chance(g.noise.space) {
				buf = append(buf, ' ')
			}
			return append(buf, e.street...)
		})
		if keepCity || !r.chance(0.06) {
			short := d.provinceShort != r.chance(g.noise.deviate/2)
			if short {
				b.set(int(record.Province), c.short)
			} else {
				b.set(int(record.Province), c.province)
			}
		}
		if keepCity || !r.chance(0.05) {
			short := d.cityShort != r.chance(g.noise.deviate/2)
			if short {
				b.set(int(record.City), c.cityShort)
			} else {
				b.set(int(record.City), c.city)
			}
		}
	} else {
		c := &citiesIntl[e.city]
		g.textCell(int(record.Address), func(buf []byte) []byte {
			if r.chance(0.12) {
				return buf
			}
			buf = append(buf, e.street...)
			if r.chance(0.25) {
				buf = append(buf, ", "...)
				buf = append(buf, c.city...)
				buf = append(buf, ", "...)
				buf = append(buf, c.stateAbbr...)
				if c.zip != nil {
					if z := e.postcode; z != "" {
						buf = append(append(buf, ' '), z...)
					}
				}
			}
			return buf
		})
		if keepCity || !r.chance(0.06) {
			if d.provinceShort != r.chance(g.noise.deviate/2) {
				b.set(int(record.Province), c.stateAbbr)
			} else {
				b.set(int(record.Province), c.state)
			}
		}
		if keepCity || !r.chance(0.05) {
			g.textCell(int(record.City), func(buf []byte) []byte {
				start := len(buf)
				buf = append(buf, c.city...)
				if r.chance(g.noise.caseMix / 4) {
					upperASCII(buf[start:])
				}
				return buf
			})
		}
	}
	if e.postcode != "" && !r.chance(0.35) {
		b.open(int(record.Postcode))
		start := len(b.buf)
		b.buf = append(b.buf, e.postcode...)
		if r.chance(g.noise.fullWidth) {
			g.widen(start)
		}
		b.close(int(record.Postcode))
	}
}

func (g *Generator) sourceCell(e *entity) {
	r := g.r
	src := e.source
	switch x := r.float(); {
	case x < 0.08: // the other rep logged where *they* met the customer
		if e.zh {
			src = r.weighted(sourceWeightsZH)
		} else {
			src = r.weighted(sourceWeightsEN)
		}
	case x < 0.2:
		return
	}
	if e.zh {
		g.rb.set(int(record.Source), sourcesZH[src])
	} else {
		g.rb.set(int(record.Source), sourcesEN[src])
	}
}

func (g *Generator) tagsCell(e *entity) {
	b, r := g.rb, g.r
	tags, seps := tagsZH, tagSepsZH
	if !e.zh {
		tags, seps = tagsEN, tagSepsEN
	}
	n := int(e.ntags)
	idx := e.tags
	switch x := r.float(); {
	case x < 0.15:
		return
	case x < 0.3: // this rep tagged it differently
		n = r.between(1, 2)
		for i := range n {
			idx[i] = int8(r.intn(len(tags)))
		}
	}
	if n == 0 {
		return
	}
	sep := pick(r, seps)
	b.open(int(record.Tags))
	for i := range n {
		if i > 0 {
			b.buf = append(b.buf, sep...)
		}
		b.buf = append(b.buf, tags[idx[i]]...)
	}
	b.close(int(record.Tags))
}

func (g *Generator) notesCell(e *entity, h copyHistory) {
	b, r := g.rb, g.r
	if h.noteRep >= 0 {
		tmpl := pick(r, disputeNotesZH)
		if !e.zh {
			tmpl = pick(r, disputeNotesEN)
		}
		b.set(int(record.Notes), strings.Replace(tmpl, "{rep}", g.roster.reps[h.noteRep].Name, 1))
		return
	}
	if r.chance(0.5) {
		return
	}
	if e.zh {
		b.set(int(record.Notes), pick(r, notesZH))
	} else {
		b.set(int(record.Notes), pick(r, notesEN))
	}
}
