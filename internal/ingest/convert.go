package ingest

import (
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
// they could not be normalized.
type Quality struct {
	Invalid [record.NumFields]int
}

func (q *Quality) add(o *Quality) {
	for i := range q.Invalid {
		q.Invalid[i] += o.Invalid[i]
	}
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
	region string
	order  normalize.DateOrder
}

// convert fills rec from a row of t, its unknown columns into extra (one
// per Schema.Extra, empty), or returns the reason the row is rejected. q
// collects value-level issues of accepted rows.
func (cv *converter) convert(t *Table, cells []string, line int, extra []string, rec *record.Record, q *Quality) string {
	if len(cells) > t.width {
		for i := t.width; i < len(cells); i++ {
			if strings.TrimSpace(cells[i]) != "" {
				return "row has " + strconv.Itoa(len(trimTrailingEmpty(cells))) + " values but the header has " +
					strconv.Itoa(t.width) + " columns"
			}
		}
		cells = cells[:t.width]
	}
	if len(cells) < t.width && t.Info.Format == "csv" {
		// Excel and CRMs write every column of every row; a short CSV row
		// means a broken line (an unquoted newline, a lost delimiter).
		return "row has " + strconv.Itoa(len(cells)) + " values but the header has " +
			strconv.Itoa(t.width) + " columns"
	}
	*rec = record.Record{Extra: extra}
	var lineage, first, last string
	var invalid [record.NumFields]bool
	for i, c := range t.Mapping.Columns {
		if i >= len(cells) {
			break
		}
		v := cells[i]
		switch c.Target {
		case record.ToExtra:
			nv := normalize.Text(v)
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
			if t.trusted && c.Field.Kind() == record.KindPhone && isE164List(v) {
				nv = v // crmkit wrote it; validating it again is the slowest part of reading
			} else {
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
	if rec.Values[record.Name] == "" && (first != "" || last != "") {
		rec.Values[record.Name] = joinName(first, last)
	}
	if isTotalsRow(rec) {
		return "totals row (" + totalsLabel(rec) + "), not a customer"
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
	return ""
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
	case record.KindPhone:
		return normalize.Phone(v, cv.region)
	case record.KindEmail:
		return normalize.Email(v)
	case record.KindDate:
		return normalize.Date(v, cv.order)
	case record.KindAmount:
		return normalize.Amount(v)
	case record.KindCount:
		return normalize.Count(v)
	case record.KindList:
		return normalizeList(v), true
	default:
		if f == record.Name || f == record.Owner {
			return normalize.PersonName(v), true
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
		dup := false
		for _, h := range have {
			if h == v {
				dup = true
				break
			}
		}
		if !dup {
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
