package sample

import "github.com/crmkit/crmkit/internal/record"

// placeCells writes address, province, city and postcode, which always
// agree with each other. The city is never blank for hard negatives and
// name-anchored entities, whose matching depends on it.
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
