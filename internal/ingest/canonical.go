package ingest

import (
	"strconv"

	"github.com/crmkit/crmkit/internal/record"
)

// canonical reports whether t is crmkit's own canonical CSV: its header is
// exactly the canonical fields in order, then extra columns, then _source,
// and every column is mapped to itself (no --map moved one). Its values
// were normalized when crmkit wrote them, so they are taken as they are:
// the steps of a shell chain then see the records the step before wrote,
// not a second normalization of them, and read them several times faster.
func canonical(t *Table) bool {
	cols := t.Mapping.Columns
	if t.Info.Format != "csv" || len(t.Header) < int(record.NumFields)+1 || len(cols) != len(t.Header) {
		return false
	}
	last := len(t.Header) - 1
	for i, h := range t.Header {
		c := cols[i]
		switch {
		case i < int(record.NumFields):
			if h != record.Field(i).String() || c.Target != record.ToField || c.Field != record.Field(i) {
				return false
			}
		case i == last:
			if h != record.SourceColumn || c.Target != record.ToLineage {
				return false
			}
		default:
			if c.Target != record.ToExtra || c.Extra != h || t.extraIdx[i] < 0 {
				return false
			}
		}
	}
	return true
}

// convertCanonical fills rec from a row of a canonical table as it is. A
// row of another width is rejected as convert would.
func convertCanonical(t *Table, cells []string, line int, extra []string, rec *record.Record) string {
	if len(cells) > t.width {
		if n := len(trimTrailingEmpty(cells)); n > t.width {
			return "row has " + strconv.Itoa(n) + " values but the header has " + strconv.Itoa(t.width) + " columns"
		}
		cells = cells[:t.width]
	}
	if len(cells) < t.width {
		return "row has " + strconv.Itoa(len(cells)) + " values but the header has " + strconv.Itoa(t.width) + " columns"
	}
	*rec = record.Record{Extra: extra}
	copy(rec.Values[:], cells[:record.NumFields])
	for i := int(record.NumFields); i < t.width-1; i++ {
		rec.Extra[t.extraIdx[i]] = cells[i]
	}
	rec.Source = cells[t.width-1]
	if rec.Source == "" {
		rec.Source = t.Info.Source() + ":" + strconv.Itoa(line)
	}
	return ""
}
