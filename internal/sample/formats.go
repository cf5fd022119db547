package sample

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

// The styles a deviating cell draws from. English records get no Chinese
// dates and no ¥/元/万 amounts.
var (
	dateStylesZH   = []dateStyle{dISO, dSlash, dSlashPad, dChinese, dDot, dCompact}
	dateStylesEN   = []dateStyle{dISO, dSlash, dSlashPad, dDot, dNamed}
	timeStyles     = []timeStyle{tNone, tMinutes, tSeconds, tMinutes}
	amountStylesZH = []amountStyle{aPlain2, aPlain, aThousands2, aThousands, aYen, aYenWide, aYuan, aWan, aRMB}
	amountStylesEN = []amountStyle{aPlain2, aPlain, aThousands2, aThousands}
)

// rowFormats are the house formats, or for the mixed dialect a random set
// per row (rows pasted together from different sources).
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

// dateStyle draws a date style; hand-kept sheets sometimes hold Excel
// serial numbers pasted as text.
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
