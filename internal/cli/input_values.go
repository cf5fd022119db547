package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cast"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/normalize"
)

// parseRates reads --rates 'USD=7.1,EUR=7.8' (or a YAML map under rates:):
// yuan per unit of each currency.
func parseRates(v any) (map[string]string, error) {
	specs := mapSpecs(v)
	if len(specs) == 0 {
		return nil, nil
	}
	rates := map[string]string{}
	for _, spec := range specs {
		for _, pair := range splitList(spec) {
			code, rate, ok := strings.Cut(pair, "=")
			code, rate = normalize.CurrencyCode(code), strings.TrimSpace(rate)
			if !ok || code == "" || !normalize.ValidRate(rate) {
				return nil, errs.Usagef("write --rates 'USD=7.1,EUR=7.8' (yuan per unit)", "--rates %q: expected CURRENCY=RATE with a positive rate", pair)
			}
			rates[code] = rate
		}
	}
	return rates, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseDateOrder reads auto, mdy or dmy.
func parseDateOrder(s string) (normalize.DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return normalize.DateAuto, nil
	case "mdy":
		return normalize.DateMDY, nil
	case "dmy":
		return normalize.DateDMY, nil
	}
	return 0, errs.Usagef("use auto, mdy or dmy", "--date-order %q is not a date order", s)
}

// inputSourceSettings reads the per-input region, date-order and no-header
// of pipeline.inputs[i].
func inputSourceSettings(i int, m map[string]any, src *ingest.Source) error {
	if r, ok := m["region"]; ok {
		region := strings.ToUpper(strings.TrimSpace(cast.ToString(r)))
		if !normalize.ValidRegion(region) {
			return errs.Usagef("use a two-letter country code such as CN, US, GB or HK", "pipeline.inputs[%d].region %q is not a phone region", i, cast.ToString(r))
		}
		src.Region = region
	}
	if d, ok := m["date-order"]; ok {
		order, err := parseDateOrder(cast.ToString(d))
		if err != nil {
			return errs.Usage(fmt.Errorf("pipeline.inputs[%d]: %w", i, err), "use auto, mdy or dmy")
		}
		src.DateOrder = &order
	}
	if b, ok := m["no-header"]; ok {
		src.NoHeader = cast.ToBool(b)
	}
	return nil
}

// warnInput says, before the rows are read, what about a table's shape the
// user should know: a header row that holds data, other customer sheets
// left out.
func warnInput(io *iostreams.IOStreams, in *ingest.Input) {
	for _, name := range in.OtherCustomerSheets {
		fmt.Fprintf(io.ErrOut, "note: %s also looks like a customer table and was not read; pass --all-sheets to read every visible sheet\n", name)
	}
	for _, t := range in.Tables {
		for _, c := range t.Mapping.Columns {
			if order, ok := t.DateOrders[c.Index]; ok {
				how := "month first (a value like 11/20/2025 proves it)"
				if order == normalize.DateDMY {
					how = "day first (a value like 20/11/2025 proves it)"
				}
				fmt.Fprintf(io.ErrOut, "note: %s: column %q read %s; --date-order overrides\n", t.Info.Source(), c.Header, how)
			}
		}
		if t.HeaderLooksLikeData && !t.NoHeader {
			fmt.Fprintf(io.ErrOut, "warning: %s: the header row (row %d) holds phone numbers or e-mail addresses: is the first row data?\n", t.Info.Source(), t.HeaderLine)
			fmt.Fprintf(io.ErrOut, "hint: pass --no-header and map columns by position, e.g. --map 1=company,2=phone\n")
		}
	}
}

// warnValues says what the read found in the values: totals rows skipped,
// phone numbers that belong to another region, dates only --date-order can
// read, amounts in other currencies.
// With quiet, only the warnings are printed, not the notes.
func warnValues(io *iostreams.IOStreams, in *ingest.Input, st ingest.Stats, quiet bool) {
	for _, t := range st.Totals {
		if quiet {
			break
		}
		where := t.File
		if t.Sheet != "" {
			where += ":" + t.Sheet
		}
		fmt.Fprintf(io.ErrOut, "note: skipped %s:%d: %s (like a title row, not counted)\n", where, t.Line, t.Reason)
	}
	q := st.Quality
	if len(q.OtherRegion) > 0 {
		regions := make([]string, 0, len(q.OtherRegion))
		total := 0
		for r, n := range q.OtherRegion {
			regions = append(regions, r)
			total += n
		}
		sort.Slice(regions, func(i, j int) bool {
			a, b := q.OtherRegion[regions[i]], q.OtherRegion[regions[j]]
			return a > b || (a == b && regions[i] < regions[j])
		})
		top := regions[0]
		fmt.Fprintf(io.ErrOut, "warning: %s look like numbers of another region, not of the region they were read in (%s: %d)\n",
			plural(total, "phone number"), top, q.OtherRegion[top])
		fmt.Fprintf(io.ErrOut, "hint: pass --region %s, set region per input in pipeline.inputs, or add a Country column\n", top)
	}
	if q.AmbiguousDates > 0 {
		fmt.Fprintf(io.ErrOut, "warning: %s kept as given: day and month could be either way (03/04/2025) and no value in the column says which\n", plural(q.AmbiguousDates, "date"))
		fmt.Fprintf(io.ErrOut, "hint: pass --date-order mdy (month first, US) or --date-order dmy (day first)\n")
	}
	if q.OtherCurrency > 0 {
		fmt.Fprintf(io.ErrOut, "warning: %s in another currency kept as given, not added to yuan\n", plural(q.OtherCurrency, "amount"))
		fmt.Fprintf(io.ErrOut, "hint: pass --rates 'USD=7.1' (yuan per unit) to convert them\n")
	}
	if quiet {
		return
	}
	if q.Converted > 0 {
		fmt.Fprintf(io.ErrOut, "note: converted %s to yuan with --rates\n", plural(q.Converted, "amount"))
	}
	if q.PhoneNotes > 0 {
		fmt.Fprintf(io.ErrOut, "note: moved %s after phone numbers to notes\n", plural(q.PhoneNotes, "remark"))
	}
	if currencyColumnIn(in) {
		fmt.Fprintf(io.ErrOut, "note: amounts in other currencies are kept apart in the %q column and never added to yuan; --rates converts them\n", "currency")
	}
}

func currencyColumnIn(in *ingest.Input) bool {
	for _, e := range in.Schema.Extra {
		if e == "currency" {
			return true
		}
	}
	return false
}
