package sample

import "github.com/crmkit/crmkit/internal/record"

// render writes record copyIdx of e, the output's row rowIdx, into g.rb.
func (g *Generator) render(e *entity, copyIdx, rowIdx int) {
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

// amountCell writes total_revenue; zero (a prospect) comes out as 0 or 0.00.
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
