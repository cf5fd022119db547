package ingest

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/crmkit/crmkit/internal/normalize"
	"github.com/crmkit/crmkit/internal/record"
)

// Reject is an input row that could not become a record.
type Reject struct {
	File   string // as given, "-" for stdin
	Sheet  string
	Line   int
	Reason string
	Cells  []string
}

// Quality counts, per canonical field, the values kept as given because
// they could not be normalized, and the values read only with help.
type Quality struct {
	Invalid [record.NumFields]int
	// AmbiguousDates are dates kept as given because only --date-order
	// can say whether 03/04/2025 is March or April.
	AmbiguousDates int
	// OtherRegion counts phone numbers kept as given that are valid in
	// another region (a US number in a CN file), by that region.
	OtherRegion map[string]int
	// OtherCurrency counts amounts kept as given because they name a
	// currency other than yuan and no rate converts them.
	OtherCurrency int
	// PhoneNotes counts remarks moved from phone cells to the notes.
	PhoneNotes int
	// Converted counts amounts converted to yuan with --rates.
	Converted int
}

func (q *Quality) add(o *Quality) {
	for i := range q.Invalid {
		q.Invalid[i] += o.Invalid[i]
	}
	q.AmbiguousDates += o.AmbiguousDates
	q.OtherCurrency += o.OtherCurrency
	q.PhoneNotes += o.PhoneNotes
	q.Converted += o.Converted
	for r, n := range o.OtherRegion {
		q.otherRegion(r, n)
	}
}

// otherRegion counts n phone numbers that belong to region r.
func (q *Quality) otherRegion(r string, n int) {
	if q.OtherRegion == nil {
		q.OtherRegion = map[string]int{}
	}
	q.OtherRegion[r] += n
}

// InvalidTotal is the number of values kept as given.
func (q *Quality) InvalidTotal() int {
	n := 0
	for _, v := range q.Invalid {
		n += v
	}
	return n
}

// converter turns one table's rows into records. It is used by one worker
// goroutine at a time.
type converter struct {
	rates map[string]string // currency → yuan per unit, from --rates
}

// baseCurrency is the currency amounts are summed in.
const baseCurrency = "CNY"

// otherRegions are the regions a number invalid in the file's region is
// tried in, to tell a user who forgot --region (or a Country column) what
// to pass.
var otherRegions = []string{"US", "GB", "HK", "SG", "CN"}

// convert fills rec from a row of t, its unknown columns into extra (one
// per Schema.Extra, empty), or returns the reason the row is rejected, or
// skip=true for a totals row under the table. q collects value-level
// issues of accepted rows.
func (cv *converter) convert(t *Table, cells []string, line int, extra []string, rec *record.Record, q *Quality) (reason string, skip bool) {
	if text := footerLine(cells); text != "" {
		return footerReason + " (" + footerLabel(text) + "), not a customer", true
	}
	if len(cells) > t.width {
		for i := t.width; i < len(cells); i++ {
			if strings.TrimSpace(cells[i]) != "" {
				return "row has " + strconv.Itoa(len(trimTrailingEmpty(cells))) + " values but the header has " +
					strconv.Itoa(t.width) + " columns", false
			}
		}
		cells = cells[:t.width]
	}
	if len(cells) < t.width && t.Info.Format == "csv" {
		// Excel and CRMs write every column of every row; a short CSV row
		// means a broken line (an unquoted newline, a lost delimiter).
		return "row has " + strconv.Itoa(len(cells)) + " values but the header has " +
			strconv.Itoa(t.width) + " columns", false
	}
	*rec = record.Record{Extra: extra}
	var lineage, first, last, phoneNotes string
	var invalid [record.NumFields]bool
	// The row's country and currency columns steer how its phones and
	// amounts are read.
	region, rowCurrency, regionGiven := t.region, "", false
	for _, i := range t.roleCols {
		if i >= len(cells) {
			continue
		}
		switch t.Mapping.Columns[i].Role {
		case record.RoleCountry:
			if r, ok := normalize.CountryRegion(cells[i]); ok {
				region, regionGiven = r, true
			}
		case record.RoleCurrency:
			rowCurrency = normalize.CurrencyCode(cells[i])
		}
	}
	amountCurrency, hadAmount := "", false
	for i, c := range t.Mapping.Columns {
		if i >= len(cells) {
			break
		}
		v := cells[i]
		switch c.Target {
		case record.ToExtra:
			nv := normalize.Text(v)
			switch c.Role {
			case record.RoleCurrency:
				nv = rowCurrency
				if nv == baseCurrency {
					nv = ""
				}
			case record.RoleCreated:
				if !normalize.Placeholder(v) {
					if d, ok := normalize.Date(v, t.dateOrder(i)); ok {
						nv = d
					}
				} else {
					nv = ""
				}
			}
			rec.Extra[t.extraIdx[i]] = nv
			switch c.NamePart {
			case record.FirstName:
				first = nv
			case record.LastName:
				last = nv
			}
		case record.ToLineage:
			lineage = strings.TrimSpace(v)
		case record.ToField:
			var nv string
			ok := true
			switch {
			case c.Field.Kind() != record.KindText && c.Field.Kind() != record.KindCode && normalize.Placeholder(v):
				// 无, /, N/A: no value, in any structured column.
			case t.trusted && c.Field.Kind() == record.KindPhone && isE164List(v):
				nv = v // crmkit wrote it; validating it again is the slowest part of reading
			case c.Field.Kind() == record.KindPhone:
				var note string
				nv, note, ok = normalize.PhoneNoted(v, region)
				if note != "" {
					phoneNotes = joinLines(phoneNotes, note)
					q.PhoneNotes++
				}
				if !regionGiven {
					cv.checkRegion(v, nv, ok, region, q)
				}
			case c.Field.Kind() == record.KindAmount:
				var cur string
				nv, cur, ok = cv.amount(t, c, v, rowCurrency, q)
				if ok && nv != "" {
					amountCurrency, hadAmount = cur, true
				}
			case c.Field.Kind() == record.KindDate:
				nv, ok = normalize.Date(v, t.dateOrder(i))
				if !ok && normalize.DateAmbiguous(v) {
					q.AmbiguousDates++
				}
			default:
				nv, ok = cv.value(c.Field, v)
			}
			if !ok {
				invalid[c.Field] = true
			}
			if c.Field.Multi() && rec.Values[c.Field] != "" && nv != "" {
				rec.Values[c.Field] = joinUnique(rec.Values[c.Field], nv)
			} else if nv != "" {
				rec.Values[c.Field] = nv
			}
		}
	}
	if hadAmount && t.currencyIdx >= 0 {
		// The amount's own currency: "" once converted to yuan with --rates.
		rec.Extra[t.currencyIdx] = amountCurrency
	}
	if phoneNotes != "" {
		rec.Values[record.Notes] = joinLines(rec.Values[record.Notes], phoneNotes)
	}
	if rec.Values[record.Name] == "" && (first != "" || last != "") {
		rec.Values[record.Name] = joinName(first, last)
	}
	if isTotalsRow(rec) {
		return "totals row (" + totalsLabel(rec) + "), not a customer", true
	}
	for f, bad := range invalid {
		if bad {
			q.Invalid[f]++
		}
	}
	if lineage == "" {
		lineage = t.Info.Source() + ":" + strconv.Itoa(line)
	}
	rec.Source = lineage
	return "", false
}

// amount reads an amount cell: the header's unit scales it (万元), and its
// currency is the value's own mark, else the row's currency column, else
// the header's. Yuan (or no currency) is kept as is; another currency is
// converted with --rates, or kept apart in the currency column, or — when
// the output has no currency column — kept as given, never summed as yuan.
// cur is the currency to write in the currency column ("" for yuan).
func (cv *converter) amount(t *Table, c record.Column, v, rowCurrency string, q *Quality) (nv, cur string, ok bool) {
	nv, cur, ok = normalize.AmountIn(v, t.decimalComma)
	if !ok || nv == "" {
		return nv, "", ok
	}
	if c.Unit.Exp != 0 {
		if nv, ok = normalize.ScaleAmount(nv, c.Unit.Exp); !ok {
			return normalize.Text(v), "", false
		}
	}
	if cur == "" {
		cur = rowCurrency
	}
	if cur == "" {
		cur = c.Unit.Currency
	}
	if cur == "" || cur == baseCurrency {
		return nv, "", true
	}
	if rate, ok := cv.rates[cur]; ok {
		if out, ok := normalize.ConvertAmount(nv, rate); ok {
			q.Converted++
			return out, "", true
		}
	}
	if t.currencyIdx < 0 {
		q.OtherCurrency++
		return normalize.Text(v), "", false
	}
	return nv, cur, true
}

// checkRegion counts a phone cell that belongs to another region: written
// as a North American number ((415) 555-0100) in a file read in another
// region, or kept as given here but valid in another region.
func (cv *converter) checkRegion(raw, v string, ok bool, region string, q *Quality) {
	if v == "" {
		return
	}
	if ok {
		if region != "US" && region != "CA" && len(raw) >= 12 && len(raw) <= 17 &&
			(raw[0] == '(' || ('1' <= raw[0] && raw[0] <= '9')) &&
			normalize.NANPShaped(raw) {
			q.otherRegion("US", 1)
		}
		return
	}
	digits := 0
	for i := 0; i < len(v); i++ {
		if '0' <= v[i] && v[i] <= '9' {
			digits++
		}
	}
	if digits < 7 || digits > 15 {
		return // not a number in any region: no library calls for it
	}
	for _, r := range otherRegions {
		if r == region {
			continue
		}
		if _, ok := normalize.Phone(v, r); ok {
			q.otherRegion(r, 1)
			return
		}
	}
}

func joinLines(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// isE164List reports whether v is phone numbers as crmkit writes them:
// E.164, joined by ";".
func isE164List(v string) bool {
	for part := range strings.SplitSeq(v, ";") {
		if len(part) < 8 || len(part) > 16 || part[0] != '+' || part[1] == '0' {
			return false
		}
		for i := 1; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

// value normalizes one cell for a field; ok is false when the value could
// not be normalized and is kept as given.
func (cv *converter) value(f record.Field, v string) (string, bool) {
	switch f.Kind() {
	case record.KindCode:
		return normalize.Structured(v), true
	case record.KindEmail:
		return normalize.Email(v)
	case record.KindCount:
		return normalize.Count(v)
	case record.KindList:
		return normalizeList(v), true
	default:
		switch f {
		case record.Name, record.Owner:
			return normalize.PersonName(v), true
		case record.Notes:
			return normalize.Note(v), true
		}
		return normalize.Text(v), true
	}
}

// normalizeList splits tags on the separators people type and joins them
// with ";", dropping repeats.
func normalizeList(v string) string {
	v = normalize.Text(v)
	if !strings.ContainsAny(v, ",;，；、|") {
		return v
	}
	parts := strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == ';' || r == '，' || r == '；' || r == '、' || r == '|'
	})
	out := parts[:0]
	seen := map[string]bool{}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return strings.Join(out, ";")
}

// joinUnique appends the ";"-separated values of b to a, skipping repeats.
func joinUnique(a, b string) string {
	have := strings.Split(a, ";")
	for _, v := range strings.Split(b, ";") {
		if !slices.Contains(have, v) {
			have = append(have, v)
		}
	}
	return strings.Join(have, ";")
}

// joinName composes a person's name from first and last name: "John Smith"
// in English, family name first and no space in Chinese (张 + 伟 = 张伟).
func joinName(first, last string) string {
	switch {
	case first == "":
		return last
	case last == "":
		return first
	case isHan(first) && isHan(last):
		return last + first
	}
	return first + " " + last
}

func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// totalsWords are the labels spreadsheets put on a sum row under a table.
var totalsWords = map[string]bool{
	"合计": true, "总计": true, "小计": true, "汇总": true, "共计": true,
	"total": true, "totals": true, "grand total": true, "subtotal": true, "sum": true,
}

// isTotalsRow recognises a sum row a hand-kept sheet has below its data:
// its company, name or id cell says 合计/Total and nothing identifies a
// customer (no phone, no email).
func isTotalsRow(r *record.Record) bool {
	if r.Values[record.Phone] != "" || r.Values[record.Email] != "" {
		return false
	}
	return totalsLabel(r) != ""
}

func totalsLabel(r *record.Record) string {
	for _, f := range []record.Field{record.ID, record.Company, record.Name} {
		v := strings.TrimRight(r.Values[f], ":：")
		if totalsWords[strings.ToLower(v)] {
			return v
		}
	}
	return ""
}
