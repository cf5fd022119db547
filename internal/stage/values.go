package stage

import (
	"sort"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/normalize"
	"github.com/crmkit/crmkit/internal/warncode"
)

// InputNotes say, before the rows are read, what about a table's shape the
// user should know: a header row that holds data, other customer sheets
// left out.
func InputNotes(in *ingest.Input) Notes {
	var n Notes
	for _, name := range in.OtherCustomerSheets {
		n.Notef("%s also looks like a customer table and was not read; pass --all-sheets to read every visible sheet", name)
	}
	for _, t := range in.Tables {
		for _, c := range t.Mapping.Columns {
			if order, ok := t.DateOrders[c.Index]; ok {
				how := "month first (a value like 11/20/2025 proves it)"
				if order == normalize.DateDMY {
					how = "day first (a value like 20/11/2025 proves it)"
				}
				n.Notef("%s: column %q read %s; --date-order overrides", t.Info.Source(), c.Header, how)
			}
		}
		if cols := len(t.Mapping.Columns); t.HeaderLine > 0 && !t.NoHeader && cols >= 3 && t.Mapping.Mapped() == 1 {
			// A reps or overrides file caught by `*.csv` is read as customers
			// with one field (销售 → owner): say so rather than add its rows
			// silently. No field at all is its own warning (no_field_matched).
			n.Warnf(warncode.NotACustomerTable, 0, "%s: only %d of %d columns map to customer fields: is it a customer list?", t.Info.Source(), t.Mapping.Mapped(), cols)
			n.Hintf("leave it out of the inputs (a reps or overrides file goes to --reps or --overrides), or map its columns with --map")
		}
		if t.HeaderLooksLikeData && !t.NoHeader {
			n.Warnf(warncode.HeaderLooksLikeData, 0, "%s: the header row (row %d) holds phone numbers or e-mail addresses: is the first row data?", t.Info.Source(), t.HeaderLine)
			n.Hintf("pass --no-header and map columns by position, e.g. --map 1=company,2=phone")
		}
	}
	return n
}

// ValueNotes say what the read found in the values: totals rows skipped,
// phone numbers that belong to another region, dates only --date-order can
// read, amounts in other currencies.
func ValueNotes(in *ingest.Input, st ingest.Stats) Notes {
	var n Notes
	for _, t := range st.Totals {
		where := t.File
		if t.Sheet != "" {
			where += ":" + t.Sheet
		}
		n.Notef("skipped %s:%d: %s (like a title row, not counted)", where, t.Line, t.Reason)
	}
	q := st.Quality
	if len(q.OtherRegion) > 0 {
		regions := make([]string, 0, len(q.OtherRegion))
		total := 0
		for r, c := range q.OtherRegion {
			regions = append(regions, r)
			total += c
		}
		sort.Slice(regions, func(i, j int) bool {
			a, b := q.OtherRegion[regions[i]], q.OtherRegion[regions[j]]
			return a > b || (a == b && regions[i] < regions[j])
		})
		top := regions[0]
		n.Warnf(warncode.PhoneOtherRegion, total, "%s look like numbers of another region, not of the region they were read in (%s: %d)",
			Plural(total, "phone number"), top, q.OtherRegion[top])
		n.Hintf("pass --region %s, set region per input in pipeline.inputs, or add a Country column", top)
	}
	if q.AmbiguousDates > 0 {
		n.Warnf(warncode.DateOrderAmbiguous, q.AmbiguousDates, "%s kept as given: day and month could be either way (03/04/2025) and no value in the column says which", Plural(q.AmbiguousDates, "date"))
		n.Hintf("pass --date-order mdy (month first, US) or --date-order dmy (day first)")
	}
	if q.OtherCurrency > 0 {
		n.Warnf(warncode.AmountOtherCurrency, q.OtherCurrency, "%s in another currency kept as given, not added to yuan", Plural(q.OtherCurrency, "amount"))
		n.Hintf("pass --rates 'USD=7.1' (yuan per unit) to convert them")
	}
	if q.Converted > 0 {
		n.Notef("converted %s to yuan with --rates", Plural(q.Converted, "amount"))
	}
	if q.PhoneNotes > 0 {
		n.Notef("moved %s after phone numbers to notes", Plural(q.PhoneNotes, "remark"))
	}
	if currencyColumnIn(in) {
		n.Notef("amounts in other currencies are kept apart in the %q column and never added to yuan; --rates converts them", "currency")
	}
	return n
}

func currencyColumnIn(in *ingest.Input) bool {
	for _, e := range in.Schema.Extra {
		if e == "currency" {
			return true
		}
	}
	return false
}
