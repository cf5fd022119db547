package normalize

// DateOrder says how to read all-numeric dates whose year comes last
// (03/04/2025): month first (US) or day first (most of the world).
type DateOrder int

const (
	// DateAuto accepts a year-last date only when it reads the same either
	// way: one part is above 12, or both parts are equal.
	DateAuto DateOrder = iota
	// DateMDY reads 03/04/2025 as March 4.
	DateMDY
	// DateDMY reads 03/04/2025 as 3 April.
	DateDMY
)

// Date normalizes a date or date-time to ISO 8601: "2025-03-04" when no time
// is given, "2025-03-04 14:30:00" when one is (space separator: the RFC 3339
// profile Excel recognises). A time zone or UTC offset is dropped and the
// wall time kept as written: CRM exports write local times, and converting
// would shift dates across midnight. Fractional seconds are truncated.
//
// Years must be 1900–2200 (anything else is a typo, not a date) except for
// Excel serials; two-digit years, impossible dates (2025-02-30), 24:00 and
// ambiguous day/month orders give Text(s), false. Empty input gives "", true.
func Date(s string, order DateOrder) (string, bool) {
	if canonicalDate(s) {
		return s, true
	}
	t := Structured(s)
	if t == "" {
		return "", true
	}
	if canonicalDate(t) {
		return t, true
	}
	if out, ok := parseDate(t, order); ok {
		return out, true
	}
	return Text(s), false
}

func parseDate(s string, order DateOrder) (string, bool) {
	if serial, ok := serialText(s); ok {
		return ExcelSerial(serial, false)
	}
	var toks dateTokens
	if !lexDate(s, &toks) {
		return "", false
	}
	p := dateParser{toks: toks.toks[:toks.n]}
	weekdayGiven := p.weekday()
	y, m, d, ok := p.calendarDate(order)
	if !ok || y < minWrittenYear || y > maxWrittenYear || !validCalendarDate(y, m, d) {
		return "", false
	}
	if weekdayGiven >= 0 && weekdayGiven != weekday(y, m, d) {
		return "", false // "Mon, Mar 4, 2025" contradicts itself: which part is wrong?
	}
	if p.done() {
		return isoDate(y, m, d, false, 0, 0, 0), true
	}
	if !p.dateTimeSeparator() {
		return "", false
	}
	h, mi, sec, ok := p.clock()
	if !ok {
		return "", false
	}
	p.zone()
	if !p.done() {
		return "", false
	}
	return isoDate(y, m, d, true, h, mi, sec), true
}

// dateParser walks the tokens; each method consumes what it recognises and
// leaves the position unchanged when it does not.
type dateParser struct {
	toks []dateToken
	pos  int
}

func (p *dateParser) done() bool { return p.pos == len(p.toks) }

func (p *dateParser) peek() dateToken {
	if p.done() {
		return dateToken{}
	}
	return p.toks[p.pos]
}

func (p *dateParser) number(minDigits, maxDigits int) (int, bool) {
	t := p.peek()
	if t.kind != tokNumber || t.digits < minDigits || t.digits > maxDigits {
		return 0, false
	}
	p.pos++
	return t.value, true
}

func (p *dateParser) sep(c byte) bool {
	if t := p.peek(); t.kind == tokSep && t.sep == c {
		p.pos++
		return true
	}
	return false
}

// anySep consumes one separator among set and returns it (0 if none).
func (p *dateParser) anySep(set string) byte {
	t := p.peek()
	if t.kind != tokSep {
		return 0
	}
	for i := 0; i < len(set); i++ {
		if set[i] == t.sep {
			p.pos++
			return t.sep
		}
	}
	return 0
}

func (p *dateParser) mark(m dateMark) bool {
	if t := p.peek(); t.kind == tokMark && dateMark(t.value) == m {
		p.pos++
		return true
	}
	return false
}

func (p *dateParser) optSpace() { p.sep(' ') }

// weekday consumes a leading weekday name ("Tue, ") and returns it, or -1.
func (p *dateParser) weekday() int {
	t := p.peek()
	if t.kind != tokWeekday {
		return -1
	}
	p.pos++
	p.sep(',')
	p.optSpace()
	return t.value
}

// calendarDate tries each written form of a date in turn.
func (p *dateParser) calendarDate(order DateOrder) (y, m, d int, ok bool) {
	start := p.pos
	if y, m, d, ok = p.yearFirstDate(); ok {
		return
	}
	p.pos = start
	if y, m, d, ok = p.yearLastDate(order); ok {
		return
	}
	p.pos = start
	if y, m, d, ok = p.namedMonthDate(); ok {
		return
	}
	p.pos = start
	return 0, 0, 0, false
}

// yearFirstDate reads 2025-03-04, 2025/3/4, 2025.3.4, 20250304 and
// 2025年3月4日 (or 号).
func (p *dateParser) yearFirstDate() (y, m, d int, ok bool) {
	if v, ok := p.number(8, 8); ok {
		return v / 10000, v / 100 % 100, v % 100, true
	}
	y, ok1 := p.number(4, 4)
	if !ok1 {
		return 0, 0, 0, false
	}
	if c := p.anySep("-/."); c != 0 {
		m, ok1 := p.number(1, 2)
		ok2 := p.sep(c)
		d, ok3 := p.number(1, 2)
		return y, m, d, ok1 && ok2 && ok3
	}
	p.optSpace()
	ok1 = p.mark(markYear)
	p.optSpace()
	m, ok2 := p.number(1, 2)
	p.optSpace()
	ok3 := p.mark(markMonth)
	p.optSpace()
	d, ok4 := p.number(1, 2)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, 0, 0, false
	}
	save := p.pos
	p.optSpace()
	if !p.mark(markDay) {
		p.pos = save
	}
	return y, m, d, true
}

// yearLastDate reads 03/04/2025, 3-4-2025 and 3.4.2025, resolving which
// part is the month by order.
func (p *dateParser) yearLastDate(order DateOrder) (y, m, d int, ok bool) {
	a, ok1 := p.number(1, 2)
	c := p.anySep("-/.")
	b, ok2 := p.number(1, 2)
	ok3 := c != 0 && p.sep(c)
	y, ok4 := p.number(4, 4)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, 0, 0, false
	}
	switch order {
	case DateMDY:
		return y, a, b, true
	case DateDMY:
		return y, b, a, true
	}
	switch {
	case a == b, b > 12 && a <= 12:
		return y, a, b, true
	case a > 12 && b <= 12:
		return y, b, a, true
	}
	return 0, 0, 0, false // 03/04/2025: March 4 or 3 April? Not ours to guess.
}

// namedMonthDate reads dates with an English month name: Mar 4, 2025;
// March 4th 2025; 4 March 2025; 04-Mar-2025; 2025 Mar 4.
func (p *dateParser) namedMonthDate() (y, m, d int, ok bool) {
	var nums [2]dateToken
	count, monthAt := 0, -1
	for i := 0; i < 3; i++ {
		if i > 0 && !p.namedDateSeparator() {
			return 0, 0, 0, false
		}
		t := p.peek()
		switch {
		case t.kind == tokMonth && monthAt < 0:
			m, monthAt = t.value, i
		case t.kind == tokNumber && count < 2:
			nums[count] = t
			count++
		default:
			return 0, 0, 0, false
		}
		p.pos++
		if t.kind == tokNumber && t.digits <= 2 && p.peek().kind == tokOrdinal {
			p.pos++
		}
	}
	day, year := nums[0], nums[1]
	switch monthAt {
	case 0: // Mar 4, 2025
	case 1: // 4 Mar 2025 or 2025 Mar 4
		if nums[0].digits == 4 {
			day, year = nums[1], nums[0]
		}
	default:
		return 0, 0, 0, false
	}
	if year.digits != 4 || day.digits > 2 {
		return 0, 0, 0, false
	}
	return year.value, m, day.value, true
}

// namedDateSeparator consumes one or two of " ,-/." (", " or ". " after
// an abbreviated month).
func (p *dateParser) namedDateSeparator() bool {
	if p.anySep(" ,-/.") == 0 {
		return false
	}
	p.anySep(" ,-/.")
	return true
}

// dateTimeSeparator consumes what stands between date and time: a space, T,
// ", ", or nothing right after 日.
func (p *dateParser) dateTimeSeparator() bool {
	if p.pos > 0 && p.toks[p.pos-1].kind == tokMark {
		p.optSpace()
		return true
	}
	if t := p.peek(); t.kind == tokT {
		p.pos++
		return true
	}
	if p.sep(',') {
		p.optSpace()
		return true
	}
	return p.sep(' ')
}

// clock reads 14:30, 14:30:05(.123), 2:30 PM, 下午2:30 and 14时30分(05秒).
func (p *dateParser) clock() (h, mi, sec int, ok bool) {
	period := periodNone
	if t := p.peek(); t.kind == tokPeriod {
		period = dayPeriod(t.value)
		p.pos++
		p.optSpace()
	}
	if h, ok = p.number(1, 2); !ok {
		return
	}
	switch {
	case p.sep(':'):
		if mi, ok = p.number(2, 2); !ok {
			return
		}
		if p.sep(':') {
			if sec, ok = p.number(2, 2); !ok {
				return
			}
			if p.sep('.') {
				if _, ok = p.number(1, 1<<30); !ok {
					return
				}
			}
		}
	case p.mark(markHour):
		if mi, sec, ok = p.chineseMinutes(); !ok {
			return
		}
	default:
		return 0, 0, 0, false
	}
	if period == periodNone {
		save := p.pos
		p.optSpace()
		if t := p.peek(); t.kind == tokPeriod && (dayPeriod(t.value) == periodAM || dayPeriod(t.value) == periodPM) {
			period = dayPeriod(t.value)
			p.pos++
		} else {
			p.pos = save
		}
	}
	if h, ok = period.hour24(h); !ok || !validClock(h, mi, sec) {
		return 0, 0, 0, false
	}
	return h, mi, sec, true
}

// chineseMinutes reads what follows 14时: nothing, 30, 30分 or 30分05秒.
func (p *dateParser) chineseMinutes() (mi, sec int, ok bool) {
	save := p.pos
	p.optSpace()
	mi, ok = p.number(1, 2)
	if !ok {
		p.pos = save
		return 0, 0, true
	}
	save = p.pos
	p.optSpace()
	if !p.mark(markMinute) {
		p.pos = save
		return mi, 0, true
	}
	save = p.pos
	p.optSpace()
	if sec, ok = p.number(1, 2); !ok {
		p.pos = save
		return mi, 0, true
	}
	p.optSpace()
	return mi, sec, p.mark(markSecond)
}

// zone consumes a trailing Z, UTC, GMT and/or offset (+08:00, +0800, -5),
// which Date drops.
func (p *dateParser) zone() {
	save := p.pos
	p.optSpace()
	named := false
	if t := p.peek(); t.kind == tokZone {
		p.pos++
		named = true
	}
	if p.offset() || named {
		return
	}
	p.pos = save
}

func (p *dateParser) offset() bool {
	save := p.pos
	if p.anySep("+-") == 0 {
		return false
	}
	h, m, ok := 0, 0, false
	if v, ok4 := p.number(4, 4); ok4 {
		h, m, ok = v/100, v%100, true
	} else if h, ok = p.number(1, 2); ok && p.sep(':') {
		m, ok = p.number(2, 2)
	}
	if !ok || h > 14 || m > 59 {
		p.pos = save
		return false
	}
	return true
}

// hour24 turns a clock hour read with this period into 0–23.
func (dp dayPeriod) hour24(h int) (int, bool) {
	switch dp {
	case periodNone:
		return h, true
	case periodAM: // 12 AM is midnight
		if h >= 1 && h <= 12 {
			return h % 12, true
		}
	case periodPM: // 12 PM is noon; 14:30 PM is redundant but clear
		switch {
		case h >= 1 && h <= 12:
			return h%12 + 12, true
		case h >= 13 && h <= 23:
			return h, true
		}
	case periodMorning:
		if h <= 11 {
			return h, true
		}
	case periodAfternoon:
		switch {
		case h >= 1 && h <= 11:
			return h + 12, true
		case h >= 12 && h <= 23:
			return h, true
		}
	case periodEvening: // 晚上12点 could be either midnight: refuse
		switch {
		case h >= 6 && h <= 11:
			return h + 12, true
		case h >= 18 && h <= 23:
			return h, true
		}
	case periodNoon:
		switch {
		case h == 11 || h == 12 || h == 13 || h == 14:
			return h, true
		case h >= 1 && h <= 2:
			return h + 12, true
		}
	}
	return 0, false
}
